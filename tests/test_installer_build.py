"""The Linux installer built for real from a test preset, as CI must: the one-folder bundle passes its own
`--self-test` (encrypted profile, migrations, translations, Qt plugins, the preset), the .deb unpacked into
a temporary root (dpkg -x) carries the launcher, desktop entry and icon and its binary passes the self-test
there too; SHA256SUMS matches the files; SOURCE_DATE_EPOCH is every packaged file's time. A build takes a
minute or two."""

from __future__ import annotations

import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.server.conftest import running_server, server_template  # noqa: F401  (the server's fixture)

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1_790_000_000  # 2026-09-21

pytestmark = pytest.mark.skipif(platform.system() != "Linux" or not shutil.which("dpkg-deb"),
                                reason="the Linux installer is built on Linux with dpkg-deb")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("installer")
    (folder / "school.toml").write_text(
        'server_url = "https://journal.school17.kz"\nschool = "Сынақ мектебі"\nlanguage = "kk"\n'
        'teachers = ["aigerim.t"]\n', encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "build_installer.py"), "--preset", str(folder / "school.toml"),
                           "--out", str(folder / "out")], capture_output=True, text=True, timeout=1200,
                          env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)})
    assert done.returncode == 0, done.stderr[-3000:]
    print(done.stdout)  # the sizes and the time, for the log
    return folder / "out"


def _self_test(binary: Path, *online: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DALA_PRESET"}
    given = {"DALA_PASSWORD": password} if password is not None else {}
    return subprocess.run([str(binary), "--self-test", *online], capture_output=True, text=True, timeout=300,
                          env={**env, **given, "QT_QPA_PLATFORM": "offscreen"})


def test_the_bundle_walks_the_teachers_path_against_a_real_server(built: Path, server_template: Path,
                                                                   tmp_path: Path) -> None:
    """The built app's own walk, online: a new profile at the start screen, the login, the download, marks,
    quit, unlock, lock, unlock, a forgotten password reset; everything typed acknowledged by the server."""
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        [(teacher,)] = server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id "
                                  "WHERE c.scale = 'criteria' ORDER BY t.id LIMIT 1")
        done = _self_test(built / "build" / "dist" / "dala" / "dala", "--server", server.url, "--user", teacher,
                          password="dala-demo")
        device = server.sql("SELECT d.id, d.last_seq FROM device d JOIN account a ON a.id = d.account_id "
                            "WHERE a.username = :name", name=teacher)
        marks = server.sql("SELECT count(*) FROM change WHERE field = 'mark' AND device_id = :device",
                           device=device[0][0])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "walk: offline: unlocked, 3 marks typed" in done.stdout and "online: a new profile" in done.stdout
    assert marks == [(4,)] and device[0][1] == 4  # four marks typed, each received once


def test_the_bundle_passes_its_self_test_with_the_preset(built: Path) -> None:
    done = _self_test(built / "build" / "dist" / "dala" / "dala")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "self-test passed" in done.stdout and "Сынақ мектебі: https://journal.school17.kz, language kk" in done.stdout
    )
    assert "encrypted (SQLCipher" in done.stdout and "app and Qt: kk, ru, en" in done.stdout


def test_the_deb_installs_into_a_root_and_runs_there(built: Path, tmp_path: Path) -> None:
    [deb] = built.glob("dala-journal_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    launcher = tmp_path / "usr" / "bin" / "dala"
    assert launcher.is_symlink() and os.readlink(launcher) == "../../opt/dala-journal/dala"
    assert (tmp_path / "usr/share/applications/dala-journal.desktop").read_text().count("Exec=/usr/bin/dala") == 1
    assert (tmp_path / "usr/share/icons/hicolor/scalable/apps/dala-journal.svg").is_file()
    done = _self_test(launcher)
    assert done.returncode == 0 and "self-test passed" in done.stdout, done.stdout + done.stderr
    control = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version"], capture_output=True, text=True)
    assert control.stdout.split() == ["Package:", "dala-journal", "Version:", "0.1.0"]


def test_checksums_and_source_date_epoch(built: Path) -> None:
    sums = dict(line.split("  ")[::-1] for line in (built / "SHA256SUMS").read_text().splitlines())
    assert set(sums) == {p.name for p in built.iterdir() if p.suffix in (".deb", ".gz")}
    for name, digest in sums.items():
        assert hashlib.sha256((built / name).read_bytes()).hexdigest() == digest
    [tarball] = built.glob("*.tar.gz")
    with tarfile.open(tarball) as archive:
        members = archive.getmembers()
    assert {m.mtime for m in members} == {EPOCH} and {m.uid for m in members} == {0}
    [deb] = built.glob("*.deb")
    listing = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(listing)) as archive:
        assert {m.mtime for m in archive.getmembers()} == {EPOCH}
