"""Kazakh and Russian are complete: every text the code marks for translation is in the .ts files, none is
left unfinished, the shipped .qm files are compiled from them, and the window speaks the language chosen."""

from __future__ import annotations

import datetime as dt
import re
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


# -- refusals, rule names, dates and numbers: no English reaches a Kazakh or Russian teacher ----------------


def _storage_errors() -> list[type]:
    from core import errors

    return [kind for kind in vars(errors).values()
            if isinstance(kind, type) and issubclass(kind, errors.JournalError)]


def _causes() -> list[tuple[type, str]]:
    """Each (error class, params["why"]) that storage/ raises, and core/'s write rules on its behalf (an error class
    named by a variable there is left out)."""
    from core import errors

    found = set()
    for source in [*(ROOT / "storage").glob("*.py"), *(ROOT / "core").glob("*.py")]:
        for name, why in re.findall(r'raise (\w+)\([^)]*?why="(\w+)"', source.read_text(encoding="utf-8")):
            if hasattr(errors, name):
                found.add((getattr(errors, name), why))
    return sorted(found, key=lambda pair: (pair[0].__name__, pair[1]))


def _unformatted(kind: type, **params: object) -> object:
    error = kind.__new__(kind)  # the parameters do not matter here, only the words
    error.params = params
    return error


def _in(language: str, make) -> str:  # type: ignore[no-untyped-def]
    i18n.use_language(language)
    try:
        return make()
    finally:
        i18n.use_language("en")


def _protocol_codes(heading: str, column: int) -> set[str]:
    """The codes in a table of docs/sync-protocol.md under `heading`, in its `column` (1: the first)."""
    text = (ROOT / "docs" / "sync-protocol.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1].split("\n#", 1)[0]
    return {code for line in section.splitlines() if line.startswith("|")
            for code in re.findall(r"`([a-z_]+)`", line.split("|")[column])}


def test_the_apps_refusal_lists_agree_with_the_protocol_and_the_server() -> None:
    from desktop import messages

    operations = _protocol_codes("Each operation is checked", 1)
    requests = _protocol_codes("## Errors and limits", 2)
    assert {"not_your_course", "bad_key", "conflict_resolved"} <= operations and {"busy", "too_large"} <= requests
    assert operations <= messages.OPERATION_REFUSALS and requests <= messages.REQUEST_ERRORS
    raised = set()
    for source in (ROOT / "server").glob("*.py"):
        text = source.read_text(encoding="utf-8")
        raised |= set(re.findall(r'(?:Refused|ApiError|BodyError)\((?:\d+, )?"(\w+)"', text))
    assert raised <= messages.OPERATION_REFUSALS | messages.REQUEST_ERRORS
    # the journal's own refusals pass through the server as operation refusals (server/operations.py `apply`),
    # but for the PC's own: a mark after the PC's today, an undo over a cell changed since
    checked_by_value = {kind.code for kind in _storage_errors() if kind.__module__ == "core.errors"} - {
        "journal_error", "invalid", "not_found", "database_problem", "database_newer", "timetable_invalid",
        "mark_in_future", "changed_since"}
    assert checked_by_value <= messages.OPERATION_REFUSALS


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_refusal_reaches_the_teacher_translated(language: str, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop import messages

    texts = {}
    for kind in _storage_errors():
        texts[f"journal {kind.code}"] = lambda kind=kind: messages.journal_error(_unformatted(kind))
    for kind, why in _causes():
        texts[f"journal {kind.code}/{why}"] = lambda kind=kind, why=why: messages.journal_error(
            _unformatted(kind, why=why))
    for code in messages.OPERATION_REFUSALS:
        texts[f"operation {code}"] = lambda code=code: messages.rejection_reason(code)
    for code in messages.REQUEST_ERRORS:
        texts[f"request {code}"] = lambda code=code: messages.sync_error(code, "English words")
    texts["rule"] = lambda: messages.rule_name("order-125-2023/half-up")
    english = {name: make() for name, make in texts.items()}
    assert len({english[f"journal {kind.code}/{why}"] for kind, why in _causes()}) == len(_causes())
    assert not any(f"({code})" in english[f"operation {code}"] for code in messages.OPERATION_REFUSALS)  # no fallback
    assert not any(f"({code})" in english[f"request {code}"] for code in messages.REQUEST_ERRORS)
    untranslated = [name for name, make in texts.items() if _in(language, make) == english[name]]
    assert untranslated == []


def test_a_refused_lesson_says_why_with_a_local_date(make_window) -> None:
    window = make_window("criteria", language="ru")
    lesson = window.model.sheet.lessons[0]
    window.lesson_panel.add_lesson.emit(lesson.date, lesson.slot)  # that slot is taken
    hint = window.hint.text()
    assert lesson.date.strftime("%d.%m.%Y") in hint and lesson.date.isoformat() not in hint
    assert "already has" not in hint and "cannot be added" not in hint


def test_the_term_tooltip_names_the_rule_and_writes_decimal_commas_in_russian(make_window) -> None:
    from desktop import messages

    window = make_window("criteria", language="ru")
    model = window.model
    for course, period in [(c, p) for c in range(window.course_box.count()) for p in range(window.period_box.count())]:
        window.course_box.setCurrentIndex(course)
        window.period_box.setCurrentIndex(period)
        graded = [i for i, p in enumerate(model.sheet.pupils) if model.computed[p.id].status == "graded"]
        if graded and model.computed[model.sheet.pupils[graded[0]].id].percent is not None:
            break
    row, last = graded[0], model.columnCount() - 1
    result = model.computed[model.sheet.pupils[row].id]
    tip = model.data(model.index(row, last), Qt.ItemDataRole.ToolTipRole)
    shown = model.data(model.index(row, last))
    assert f"{float(result.percent):.1f}%".replace(".", ",") in tip and "," in shown
    assert "order-125" not in tip and "half-up" not in tip
    assert _in("en", lambda: messages.rule_name(result.rule)) not in tip


def test_a_conflict_line_shows_a_local_date_and_time(make_window, db) -> None:
    window = make_window("criteria", language="ru")
    lesson = window.model.sheet.lessons[0]
    pupil = window.model.sheet.pupils[0]
    with db.write() as conn:  # as a sync would have stored it
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, entity_key, field, winner_value, loser_value, winner_device_id, "
            "loser_device_id, created_at) VALUES (41, 'cell', ?, 'mark', '6', '9', 'pc-a', 'pc-b', "
            "'2026-11-20T10:00:00+00:00')", (f"{lesson.id}/{pupil.id}",))
    window.refresh_review()
    line = window.review_panel.conflict_list.item(0).text()
    moment = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC).astimezone()
    assert moment.strftime("%d.%m.%Y %H:%M") in line and "2026-11-20" not in line and "T10" not in line
    assert lesson.date.strftime("%d.%m.%Y") in line and lesson.date.isoformat() not in line


def test_a_schedule_warning_writes_its_date_the_local_way(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop import messages

    said = _in("ru", lambda: messages.schedule_warning("soch_on_last_day", {"date": dt.date(2026, 12, 25)}))
    assert "25.12.2026" in said and "2026-12-25" not in said and "SOCH" not in said
