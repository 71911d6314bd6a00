"""The keys a teacher types into the grid, through the real window: a number past what a cell takes is refused
as typed (never saved as another number), marks type on the Kazakh layout's number row by the key's place,
attendance letters type from either script, a school's own letters are used, the legend shows the keys, and
the final-mark dialog opens on the computed mark."""

from __future__ import annotations

import datetime as dt
import sys

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop import settings as options
from desktop.final_mark_dialog import FinalMarkDialog
from tests.desktop.conftest import TODAY


def _empty_cell(window, columns) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    model = window.model
    for column in columns:
        for row in range(model.rowCount()):
            if model.editable(row, column) and model.data(model.index(row, column)) is None:
                return row, column
    raise AssertionError("no empty writable cell")


def _lesson_cell(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    lessons = window.model.sheet.lessons
    return _empty_cell(window, [j + 1 for j, lesson in enumerate(lessons) if lesson.date >= TODAY.replace(day=1)])


def _go(window, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    """Put the cursor on the cell, afresh (digits typed before it are not continued)."""
    window.view.setCurrentIndex(window.model.index(row, 0))
    window.view.setCurrentIndex(window.model.index(row, column))


def _stored_cell(db, window, row: int, column: int) -> tuple:  # type: ignore[no-untyped-def]
    lesson_id, pupil_id = window.model.target(row, column)
    with db.read() as conn:
        found = conn.exec_driver_sql("SELECT attendance, mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                                     (lesson_id, pupil_id)).first()
    return tuple(found) if found else (None, None)


def _press(widget, text: str, scan_code: int = 0) -> None:  # type: ignore[no-untyped-def]
    """A key press as the platform delivers it: the layout's text and the key's native scan code (QTest's
    keyClicks takes ASCII only)."""
    key = ord(text.upper()) if text.isalpha() else ord(text)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text))


def _native(set1: int) -> int:
    """The native scan code Qt gives for a key with this set-1 scan code (X11/Wayland: xkb's key code)."""
    return set1 + 8 if sys.platform.startswith("linux") else set1


NUMBER_KEY = {digit: 0x02 + i for i, digit in enumerate("1234567890")}  # 1 … 0 on the number row, set-1 codes


def _fifteen_point_sor(window) -> int:  # type: ignore[no-untyped-def]
    """Add a СОР out of 15 to the course shown and return its column."""
    course_id = window.course_box.currentData()
    window.access.journal.add_summative_work(course_id, "sor", "БЖБ 15", 15, TODAY - dt.timedelta(days=1))
    window.open_journal()
    sheet = window.model.sheet
    work = next(j for j, w in enumerate(sheet.works) if w.title == "БЖБ 15")
    return len(sheet.lessons) + 1 + work


def _points(db, window, row: int, column: int) -> int | None:  # type: ignore[no-untyped-def]
    sheet = window.model.sheet
    work = sheet.works[window.model.work_at(column)]
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT points FROM summative_score WHERE work_id = ? AND pupil_id = ?",
                                    (work.id, sheet.pupils[row].id)).scalar()


# -- a number past the maximum ------------------------------------------------------------------------


def test_a_score_past_the_works_maximum_is_refused_not_saved_as_another_number(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    column = _fifteen_point_sor(window)
    row, _ = _empty_cell(window, [column])
    model = window.model
    for typed in ("16", "20", "200"):  # were saved as 6, 0 and 0
        _go(window, row, column)
        qtbot.keyClicks(window.view, typed)
        assert _points(db, window, row, column) is None and model.data(model.index(row, column)) is None
        assert window.hint.text() == f"{typed} is more than this work's maximum of 15."
    _go(window, row, column)
    qtbot.keyClicks(window.view, "15")
    assert _points(db, window, row, column) == 15 and window.hint.text() == ""

    qtbot.keyClick(window.view, Qt.Key.Key_Down)  # moving off and back starts a new number
    qtbot.keyClick(window.view, Qt.Key.Key_Up)
    qtbot.keyClicks(window.view, "150")  # over an earlier score: the cell keeps it, not the "15" on the way
    assert _points(db, window, row, column) == 15 and model.data(model.index(row, column)) == "15"
    assert "150 is more than" in window.hint.text()


def test_fo_points_past_10_are_refused_as_typed(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "11")  # was saved as 1
    assert _stored_cell(db, window, row, column) == (None, None)
    assert window.model.data(window.model.index(row, column)) is None
    assert window.hint.text() == "11 is not a mark here: this course takes 0–10."
    qtbot.keyClicks(window.view, "0")  # typed right after: more of the refused number, not a 0
    assert _stored_cell(db, window, row, column) == (None, None) and "110 is not a mark" in window.hint.text()
    _go(window, row, column)
    qtbot.keyClicks(window.view, "7")  # typed afresh: a number of its own
    assert _stored_cell(db, window, row, column) == (None, 7)


def test_a_journal_reread_between_two_digits_keeps_the_number(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "1")
    window.open_journal()  # as after a sync: the cursor is put back on the cell
    assert window.view.currentIndex().column() == column
    qtbot.keyClicks(window.view, "0")
    assert _stored_cell(db, window, row, column) == (None, 10)


def test_two_digits_on_the_classic_scale_are_not_taken_for_the_second(make_window, qtbot, db) -> None:
    window = make_window("classic")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "45")
    assert _stored_cell(db, window, row, column) == (None, None)
    assert "45 is not a mark here" in window.hint.text()


# -- the final mark dialog ------------------------------------------------------------------------------


def _when_modal(act) -> None:  # type: ignore[no-untyped-def]
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FinalMarkDialog):
            QTimer.singleShot(20, look)
            return
        act(dialog)

    QTimer.singleShot(20, look)


def _period_mark(db, window, pupil_id: int) -> tuple | None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT final_mark, final_reason FROM period_mark WHERE course_id = ? AND period_id = ? AND pupil_id = ?",
            (window.course_box.currentData(), window.period_box.currentData(), pupil_id)).first()
    return tuple(found) if found else None


def test_ctrl_m_and_the_menu_open_the_final_mark_on_the_computed_one(make_window, qtbot, db) -> None:
    window = make_window("classic")
    model, sheet = window.model, window.model.sheet
    row = next(r for r, p in enumerate(sheet.pupils)
               if model.computed[p.id].status == "graded" and model.computed[p.id].mark != 5)
    pupil = sheet.pupils[row]
    computed = model.computed[pupil.id].mark
    _go(window, row, 1)
    seen = []

    def look(dialog: FinalMarkDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append((dialog.mark_box.currentData(), ok.isEnabled()))
        ok.click() if ok.isEnabled() else dialog.reject()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _when_modal(look)
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _when_modal(look)
    window.final_mark_action.trigger()  # Journal → Final mark…

    assert seen == [(computed, True), (computed, True)]  # OK with no change needs no reason
    assert _period_mark(db, window, pupil.id) in (None, (None, None))

    override = 2 if computed != 2 else 3
    window.access.journal.set_final_mark(window.course_box.currentData(), window.period_box.currentData(),
                                         pupil.id, override, "Қайта тапсырды", today=TODAY)
    window.open_journal()
    _go(window, row, 1)
    _when_modal(look)
    window.final_mark_action.trigger()
    assert seen[-1] == (override, True)  # the final mark set, with its reason
    assert _period_mark(db, window, pupil.id) == (override, "Қайта тапсырды")


# -- keyboard layouts -------------------------------------------------------------------------------------


def test_the_kazakh_layouts_number_row_types_marks(make_window, qtbot, db) -> None:
    window = make_window("criteria", language="kk")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    _press(window.view, "ә", _native(NUMBER_KEY["2"]))  # xkb kz / KBDKAZ: the 2 key types ә
    assert _stored_cell(db, window, row, column) == (None, 2)
    _go(window, row, column)
    _press(window.view, "Ғ", _native(NUMBER_KEY["5"]))  # with Shift too
    assert _stored_cell(db, window, row, column) == (None, 5)
    _go(window, row, column)
    _press(window.view, ",", _native(NUMBER_KEY["6"]))  # punctuation on 6 and 7: only the key's place tells
    assert _stored_cell(db, window, row, column) == (None, 6)

    _go(window, row, column)
    _press(window.view, '"', _native(NUMBER_KEY["1"]))  # "1" then "0" as the Kazakh layout types them
    _press(window.view, "қ", _native(NUMBER_KEY["0"]))
    assert _stored_cell(db, window, row, column) == (None, 10)

    _go(window, row, column)
    _press(window.view, "ү")  # no place given (a synthesised key): the letter the Kazakh layout has on 8
    assert _stored_cell(db, window, row, column) == (None, 8)


def test_latin_letters_type_attendance_in_a_kazakh_window(make_window, qtbot, db) -> None:
    window = make_window("criteria", language="kk")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    # the keys marked ж, а, с, к with the US layout on
    for typed, code in ((";", "absent"), ("f", "ill"), ("c", "excused"), ("r", "late")):
        qtbot.keyClicks(window.view, typed)
        assert _stored_cell(db, window, row, column)[0] == code, typed
    _press(window.view, "ö", _native(0x27))  # the ж key, on a German layout, where the platform gives its place
    assert _stored_cell(db, window, row, column)[0] == "absent"
    _press(window.view, "с")  # the Cyrillic letter itself
    assert _stored_cell(db, window, row, column)[0] == "excused"
    assert window.model.data(window.model.index(row, column)) == "с"


def test_cyrillic_keys_type_an_english_windows_letters(make_window, qtbot, db) -> None:
    window = make_window("criteria", language="en")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    _press(window.view, "д")  # the L key with a Russian or Kazakh layout on: late
    assert _stored_cell(db, window, row, column)[0] == "late"


def test_a_schools_own_letters_are_typed_shown_and_listed(make_window, qtbot, db, settings) -> None:
    settings.set(options.ATTENDANCE_LETTERS["kk"], "absent=нж ill=б excused=у late=о")
    window = make_window("criteria", language="kk")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    _press(window.view, "б")
    assert _stored_cell(db, window, row, column)[0] == "ill"
    assert window.model.data(window.model.index(row, column)) == "б"
    _press(window.view, "н")
    assert _stored_cell(db, window, row, column)[0] == "absent"
    assert window.model.data(window.model.index(row, column)) == "н"  # a code's first letter is the one shown
    _press(window.view, "а")  # the default letter for ill is not the school's
    assert _stored_cell(db, window, row, column)[0] == "absent" and "а" in window.hint.text()
    legend = window.key_legend.text()
    assert "н/ж " in legend and "б " in legend and "у " in legend and "о " in legend


def test_the_letters_setting_is_read_typed_or_falls_back_to_the_defaults(settings) -> None:
    russian = options.ATTENDANCE_LETTERS["ru"]
    defaults = {"н": "absent", "б": "ill", "у": "excused", "о": "late"}
    assert settings.get(russian) == defaults
    settings.store.setValue(russian.key, ["absent=х", "ill=б", "excused=у", "late=о"])  # written with commas
    assert settings.get(russian) == {"х": "absent", "б": "ill", "у": "excused", "о": "late"}
    for broken in ("absent=ж ill=ж excused=у late=о",  # one letter for two codes
                   "absent=н ill=б excused=у",  # late without a letter
                   "absent=н ill=б excused=у late=5",  # a digit is a mark
                   "away=н ill=б excused=у late=о"):
        settings.set(russian, broken)
        assert settings.get(russian) == defaults, broken


def test_the_legend_shows_the_keys_for_the_course_and_language(make_window, qtbot) -> None:
    window = make_window("criteria", language="en")
    legend = window.key_legend
    assert legend.isVisible()
    assert legend.text() == ("0–10 points  ·  a absent  ·  i ill  ·  e excused  ·  l late  ·  Delete: clear  ·  "
                             "F2: comment")
    window.language_actions["kk"].trigger()
    assert all(f"{letter} " in legend.text() for letter in "жаск") and "F2" in legend.text()
    classic = make_window("classic", language="en").key_legend
    assert classic.text().startswith("marks 2–5  ·  a absent")


def test_enter_after_a_refused_number_stays_on_its_cell(make_window, qtbot, db) -> None:
    """A teacher typing down a column: "11" refused, Enter keeps the cursor there, the right number goes in its
    own pupil's cell, and the next Enter moves on."""
    window = make_window("criteria")
    row, column = _lesson_cell(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "11")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert (window.view.currentIndex().row(), window.view.currentIndex().column()) == (row, column)
    qtbot.keyClicks(window.view, "9")
    assert _stored_cell(db, window, row, column)[1] == 9
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.view.currentIndex().row() == row + 1
