"""build_installer.py's checks before anything is built: a school's preset with a bad address, a missing CA
file, an unknown language, a secret or a missing school is refused with every problem listed and nothing
built; the Windows installer script carries the school's settings; a Windows build without Inno Setup stops
first, saying what to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from installer import build, inno
from installer.preset import Preset, PresetInvalid, load

ROOT = Path(__file__).resolve().parents[1]
CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"


def _preset(folder: Path, text: str) -> Path:
    path = folder / "school.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_preset_is_read_with_its_ca_bundle(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text(CA)
    found = load(_preset(tmp_path, 'server_url = "https://journal.school17.kz/"\nschool = "№17 мектеп"\n'
                                   'language = "ru"\nca_bundle = "ca.pem"\nteachers = ["aigerim.t", "bolat.s"]\n'))
    assert found == Preset("https://journal.school17.kz", "№17 мектеп", "ru", (tmp_path / "ca.pem").resolve(),
                           ["aigerim.t", "bolat.s"])
    assert found.as_bundled()["ca_bundle"] == "ca.pem"


@pytest.mark.parametrize(("text", "problem"), [
    ('server_url = "http://journal.school17.kz"\nschool = "S"\nlanguage = "kk"\n', "https://"),
    ('server_url = "journal.school17.kz"\nschool = "S"\nlanguage = "kk"\n', "not a server address"),
    ('school = "S"\nlanguage = "kk"\n', "server_url is missing"),
    ('server_url = "https://a.kz"\nlanguage = "kk"\n', "school is missing"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "de"\n', "language 'de' is not one of kk, ru, en"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "kk"\nca_bundle = "missing.pem"\n', "no such file"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "kk"\nadmin_password = "x"\n', "looks like a secret"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "kk"\nteachers = ["a b"]\n', "list of usernames"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "kk"\ncolour = "red"\n', "unknown setting 'colour'"),
    ('server_url = "https://a.kz\n', "not valid TOML"),
    ('server_url = "https://admin:secret@a.kz"\nschool = "S"\nlanguage = "kk"\n', "holds no name or password"),
    ('server_url = "https://admin@a.kz"\nschool = "S"\nlanguage = "kk"\n', "holds no name or password"),
    ('server_url = "https://a.kz"\nschool = "S"\nlanguage = "kk"\nca_bundle = "with-key.pem"\n', "private key"),
])
def test_a_bad_preset_is_refused_saying_why(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "with-key.pem").write_text(CA + "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n")
    with pytest.raises(PresetInvalid) as refused:
        load(_preset(tmp_path, text))
    assert any(problem in p for p in refused.value.problems), refused.value.problems


def test_every_problem_is_listed_and_nothing_is_built(tmp_path: Path) -> None:
    path = _preset(tmp_path, 'server_url = "http://10.0.0.5"\nlanguage = "fr"\nca_bundle = "nope.pem"\n')
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--preset", str(path), "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "nothing was built" in done.stderr
    for words in ("https://", "school is missing", "language 'fr'", "nope.pem"):
        assert words in done.stderr
    assert not out.exists()


def test_the_windows_script_carries_the_schools_settings(tmp_path: Path) -> None:
    preset = Preset("https://journal.school17.kz", 'Школа "Болашақ"', "kk", None, [])
    text = inno.script(preset, "0.1.0", tmp_path / "dala", tmp_path / "out")
    assert '#define ServerUrl "https://journal.school17.kz"' in text
    assert '#define School "Школа ""Болашақ"""' in text  # Inno doubles quotes inside strings
    assert '#define Language "kk"' in text and '#define AppVersion "0.1.0"' in text
    languages = [line for line in text.splitlines() if line.startswith('Name: "') and "MessagesFile" in line]
    assert languages[0].startswith('Name: "russian"')  # no official Kazakh in Inno Setup: Russian pages first
    assert f'Source: "{tmp_path / "dala"}\\*"' in text and "recursesubdirs" in text


def test_a_windows_build_without_inno_setup_stops_before_building(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(build.shutil, "which", lambda name: None)  # no ISCC on PATH
    with pytest.raises(build.BuildError) as stopped:
        build.build(Preset("https://a.kz", "S", "ru"), tmp_path / "out", system="Windows")
    assert "Inno Setup" in str(stopped.value) and "jrsoftware.org" in str(stopped.value)
    assert not (tmp_path / "out").exists()


def test_the_windows_exe_version_comes_from_the_project() -> None:
    from importlib.metadata import version

    text = build._windows_version_info("0.1.0")
    assert "filevers=(0, 1, 0, 0)" in text and "StringStruct('ProductVersion', '0.1.0')" in text
    assert build.project_version() == version("dala-journal")  # what pip installed from pyproject.toml
