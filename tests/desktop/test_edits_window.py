"""A teacher's writes from the window: Ctrl+Z (Edit → Undo) takes back the last edits through the journal,
Ctrl+Shift+Z / Ctrl+Y redoes; a mark into a lesson after today is refused with a hint; Delete clears a cell
in one step; a conflict resolved by typing a value outside the scale is refused in the review panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.protocol import Conflict
from storage import conflicts
from tests.desktop.conftest import TODAY
from tests.desktop.test_journal_window import _answer_next_dialog, _cell, _first_writable, _go, _outbox


def _trail(db, window, row: int, column: int) -> list:  # type: ignore[no-untyped-def]
    lesson_id, pupil_id = window.model.target(row, column)
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT field, old_value, new_value FROM audit_entry WHERE entity = 'cell' AND "
                                    "entity_key = ? ORDER BY id", (f"{lesson_id}/{pupil_id}",)).all()


def _two_empty(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """An empty writable cell (of a lesson before today) with another one below it."""
    model, sheet = window.model, window.model.sheet
    for column in range(1, len(sheet.lessons) + 1):
        if not TODAY.replace(day=1) <= sheet.lessons[column - 1].date <= TODAY:
            continue
        for row in range(len(sheet.pupils) - 1):
            if all(model.editable(r, column) and model.cell_values(r, column) == (None, None, None)
                   for r in (row, row + 1)):
                return row, column
    raise AssertionError("no two empty writable cells")


def _undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _shown(window, row: int, column: int) -> str | None:  # type: ignore[no-untyped-def]
    return window.model.data(window.model.index(row, column))


def _ready(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach the active window


def test_ctrl_z_undoes_the_typed_marks_through_the_journal(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    row, column = _two_empty(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "8")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClicks(window.view, "l")  # a stray key: late
    assert _cell(db, window, row + 1, column)[0] == "late"
    lesson_id, pupil_id = window.model.target(row + 1, column)

    _undo(qtbot, window)
    assert _cell(db, window, row + 1, column) == (None, None, None) and _shown(window, row + 1, column) is None
    assert ("cell", f"{lesson_id}/{pupil_id}", "attendance", "null") in _outbox(db)  # queued for the server
    assert _trail(db, window, row + 1, column)[-1] == ("attendance", '"late"', None)  # and audited

    _undo(qtbot, window)
    assert _cell(db, window, row, column)[1] is None and _shown(window, row, column) is None
    assert _trail(db, window, row, column)[-1] == ("mark", "8", None)
    assert window.view.currentIndex().row() == row  # the cursor went to the cell put back

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _cell(db, window, row, column)[1] == 8 and _shown(window, row, column) == "8"  # redone
    qtbot.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _cell(db, window, row + 1, column)[0] == "late"
    _undo(qtbot, window)
    _undo(qtbot, window)
    _undo(qtbot, window)
    assert window.hint.text() == "Nothing to undo."


def test_an_undo_of_a_cell_changed_since_is_refused_with_a_message(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "7")
    lesson_id, pupil_id = window.model.target(row, column)
    from storage import server_values

    with db.write() as conn:  # a sync pulls another device's 4 into the cell
        server_values.set_field(conn, "cell", f"{lesson_id}/{pupil_id}", "mark", 4, 3)
    _undo(qtbot, window)
    assert _cell(db, window, row, column)[1] == 4
    assert "changed since your edit" in window.hint.text()


def test_a_mark_into_a_lesson_after_today_is_refused_with_a_hint(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    sheet = window.model.sheet
    column = next(j + 1 for j, lesson in enumerate(sheet.lessons) if lesson.date > TODAY)
    row = next(r for r in range(len(sheet.pupils)) if window.model.editable(r, column))
    _go(window, row, column)
    before = _outbox(db)
    qtbot.keyClicks(window.view, "8")
    assert "has not happened yet" in window.hint.text()
    assert _cell(db, window, row, column) == (None, None, None) and _outbox(db) == before
    assert _shown(window, row, column) is None


def test_delete_clears_mark_and_attendance_in_one_step(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "9")
    qtbot.keyClicks(window.view, "l")
    assert _cell(db, window, row, column)[:2] == ("late", 9)

    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert _cell(db, window, row, column)[:2] == (None, None) and _shown(window, row, column) is None
    lesson_id, pupil_id = window.model.target(row, column)
    key = f"{lesson_id}/{pupil_id}"
    assert {("cell", key, "mark", "null"), ("cell", key, "attendance", "null")} <= set(_outbox(db))

    _undo(qtbot, window)  # one undo puts both back
    assert _cell(db, window, row, column)[:2] == ("late", 9)
    assert window.model.cell_values(row, column)[:2] == ("late", 9)


def test_a_failing_delete_leaves_the_whole_cell_as_it_was(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "9")
    qtbot.keyClicks(window.view, "l")
    with db.write() as conn:  # the second half of the Delete fails in the real database
        conn.exec_driver_sql("CREATE TRIGGER fail_attendance BEFORE UPDATE OF attendance ON lesson_cell "
                             "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    before = _outbox(db)
    with qtbot.captureExceptions() as raised:
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert raised and "disk trouble" in str(raised[0][1])
    assert _cell(db, window, row, column)[:2] == ("late", 9) and _outbox(db) == before  # not half cleared
    assert window.model.cell_values(row, column)[:2] == ("late", 9)


def test_a_resolution_typed_outside_the_scale_is_refused_in_the_review_panel(make_window, qtbot, db) -> None:
    window = make_window("classic")
    row, column = _first_writable(window)
    lesson_id, pupil_id = window.model.target(row, column)
    with db.write() as conn:  # as a sync stores the server's answer
        conn.exec_driver_sql("INSERT INTO lesson_cell (lesson_id, pupil_id, mark, server_version) VALUES (?, ?, 3, 2)",
                             (lesson_id, pupil_id))
        conflicts.store_open(conn, [Conflict.model_validate({
            "id": 52, "entity": "cell", "key": f"{lesson_id}/{pupil_id}", "field": "mark", "winner_value": 3,
            "loser_value": 5, "winner_device_id": "pc-a", "loser_device_id": "pc-b", "winner_account_id": None,
            "loser_account_id": None, "created_at": "2026-11-20T10:00:00"})])
    window.refresh_review()
    before = _outbox(db)

    _answer_next_dialog(qtbot, "9")
    window.review_panel.type_new.click()
    qtbot.waitUntil(lambda: window.review_panel.problem.text() != "")
    assert window.review_panel.problem.text() == "9 is not a mark here: this course takes 2–5."
    assert _cell(db, window, row, column)[1] == 3 and _outbox(db) == before
    assert window.review_panel.conflict_list.count() == 1

    _answer_next_dialog(qtbot, "4")
    window.review_panel.type_new.click()
    qtbot.waitUntil(lambda: window.review_panel.conflict_list.count() == 0)
    assert _cell(db, window, row, column)[1] == 4
    assert ("conflict", "52", "resolve", "4") in _outbox(db)
    assert window.review_panel.problem.text() == ""


def test_a_score_typed_into_a_summative_column_undoes_too(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    model, sheet = window.model, window.model.sheet
    column = len(sheet.lessons) + 1
    row = next(r for r in range(len(sheet.pupils)) if model.editable(r, column))
    _go(window, row, column)
    before = model.score_values(row, column)[0]
    wanted = 1 if before != 1 else 0
    qtbot.keyClicks(window.view, str(wanted))
    assert model.data(model.index(row, column)) == str(wanted)
    _undo(qtbot, window)
    with db.read() as conn:
        stored = conn.exec_driver_sql("SELECT points FROM summative_score WHERE work_id = ? AND pupil_id = ?",
                                      (sheet.works[0].id, sheet.pupils[row].id)).scalar()
    assert stored == before and model.score_values(row, column)[0] == before


def test_an_undo_in_another_journal_says_where_it_went(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "6")
    lesson_id, pupil_id = window.model.target(row, column)
    window.course_box.setCurrentIndex(window.course_box.currentIndex() + 1)  # another class's journal
    assert lesson_id not in window.model.sheet.column_of
    _undo(qtbot, window)
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                                    (lesson_id, pupil_id)).scalar() is None
    assert window.hint.text() == "That edit was in another journal: it is changed there."
