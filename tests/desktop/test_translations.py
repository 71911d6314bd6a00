"""Kazakh and Russian are complete: every text the code marks for translation is in the .ts files, none is
left unfinished, the shipped .qm files are compiled from them, and the window speaks the language chosen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import i18n
from desktop import settings as options

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(str(p) for p in (ROOT / "desktop").glob("*.py"))


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    assert Path(found).exists(), f"{name} (from PySide6) is needed"
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name"), m.findtext("source")): m.find("translation")
            for ctx in root.iter("context") for m in ctx.iter("message")}


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_text_in_the_code_is_translated(language: str, tmp_path: Path) -> None:
    """English is the code's own language: its file holds the plural forms only."""
    shipped = i18n.TRANSLATIONS / f"dala_{language}.ts"
    fresh = tmp_path / shipped.name
    shutil.copyfile(shipped, fresh)
    plural_only = ["-pluralonly"] if language == "en" else []
    subprocess.run([_tool("pyside6-lupdate"), *plural_only, "-no-obsolete", *SOURCES, "-ts", str(fresh)], check=True,
                   capture_output=True)
    in_code, in_file = _messages(fresh), _messages(shipped)
    assert set(in_code) == set(in_file), "run `make translations` and translate what is new"
    for (context, source), translation in in_code.items():
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), (context, source)
        texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
        assert all(text and text.strip() for text in texts), (context, source)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_shipped_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    source = i18n.TRANSLATIONS / f"dala_{language}.ts"
    compiled = tmp_path / f"dala_{language}.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(source), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == (i18n.TRANSLATIONS / f"dala_{language}.qm").read_bytes()


def test_the_window_speaks_kazakh_and_switches_to_russian(make_window, qtbot) -> None:
    window = make_window("classic", language="kk")
    assert window.period_box.currentText() == "2-тоқсан"
    assert window.sync_bar.sync_button.text() == "Қазір үндестіру"
    sheet = window.model.sheet
    kazakh_days = ["дс", "сс", "ср", "бс", "жм", "сб", "жс"]
    header = window.model.headerData(1, Qt.Orientation.Horizontal)
    assert header.split("\n")[:2] == [sheet.lessons[0].date.strftime("%d.%m"),
                                       kazakh_days[sheet.lessons[0].date.weekday()]]

    window.language_actions["ru"].trigger()

    assert window.period_box.currentText() == "2-я четверть"
    assert window.sync_bar.sync_button.text() == "Синхронизировать"
    assert window.settings.get(options.LANGUAGE) == "ru"
    russian_days = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
    assert window.model.headerData(1, Qt.Orientation.Horizontal).split("\n")[1] == \
        russian_days[sheet.lessons[0].date.weekday()]
    window.view.setCurrentIndex(window.model.index(0, 1))
    qtbot.keyClicks(window.view, "7")
    assert "здесь не оценка" in window.hint.text()
