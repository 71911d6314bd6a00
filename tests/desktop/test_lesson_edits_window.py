"""A lesson cancelled and moved through the lesson panel, a summative work changed and deleted through its
dialog, as a teacher does it in the real window: the grid shows a cancelled lesson's column grey with its reason,
takes nothing typed into it, and shows a work's new maximum; each is queued for the server."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDateEdit, QDialog, QLineEdit, QSpinBox

from desktop.work_dialog import WorkDialog
from tests.desktop.conftest import TODAY


def _answer_next_dialog(fill) -> None:  # type: ignore[no-untyped-def]
    """`fill(dialog)` the next modal dialog when it opens (as the teacher would)."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        fill(dialog)

    QTimer.singleShot(20, answer)


def _empty_lesson_column(window) -> int:  # type: ignore[no-untyped-def]
    """The column of a lesson after today that holds nothing yet."""
    sheet = window.model.sheet
    for column, lesson in enumerate(sheet.lessons, start=1):
        if lesson.date > TODAY and not any(window.model.cell_values(row, column) != (None, None, None)
                                           for row in range(len(sheet.pupils))):
            return column
    raise AssertionError("no empty lesson after today")


def _grey(model, column: int) -> bool:  # type: ignore[no-untyped-def]
    brush = model.data(model.index(0, column), Qt.ItemDataRole.BackgroundRole)
    return brush is not None and brush.color().name() == "#cfcfcf"


def _outbox(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT entity, entity_key, field, value FROM outbox_op ORDER BY seq").all()


def test_a_lesson_cancelled_from_the_panel_is_grey_with_its_reason_and_takes_no_marks(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    column = _empty_lesson_column(window)
    lesson = window.model.sheet.lessons[column - 1]
    window.view.setCurrentIndex(window.model.index(0, column))
    panel = window.lesson_panel
    assert panel.lesson_id == lesson.id and panel.cancel_button.text() == "Cancel lesson…"

    def reason(dialog: QDialog) -> None:
        dialog.findChild(QLineEdit).setText("Мектепте карантин")
        dialog.accept()

    _answer_next_dialog(reason)
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    assert ("lesson", lesson.id, "cancelled", '"Мектепте карантин"') in _outbox(db)
    model = window.model
    column = model.sheet.column_of[lesson.id] + 1  # the journal was re-read
    header_tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header_tip == "Lesson cancelled: Мектепте карантин"
    cell = model.index(0, column)
    assert _grey(model, column)
    assert "Мектепте карантин" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert _grey(model, column - 1 if column > 1 else column + 1) is False  # only the cancelled lesson's column
    assert panel.cancelled_note.isVisibleTo(panel) and "Мектепте карантин" in panel.cancelled_note.text()
    assert panel.cancel_button.text() == "Restore lesson"

    window.view.setCurrentIndex(cell)
    qtbot.keyClicks(window.view, "7")
    assert "cancelled" in window.hint.text()
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM lesson_cell WHERE lesson_id = ?",
                                    (lesson.id,)).scalar_one() == 0

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # restored
    assert _grey(window.model, column) is False
    assert ("lesson", lesson.id, "cancelled", "null") in _outbox(db)


def test_a_lesson_moved_from_the_panel_stands_on_its_new_day(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    column = _empty_lesson_column(window)
    lesson = window.model.sheet.lessons[column - 1]
    window.view.setCurrentIndex(window.model.index(0, column))
    saturday = dt.date(2026, 11, 28)

    def move(dialog: QDialog) -> None:
        dialog.findChild(QSpinBox).setValue(6)
        dialog.findChild(QDateEdit).setDate(QDate(2026, 11, 28))
        dialog.accept()

    _answer_next_dialog(move)
    qtbot.mouseClick(window.lesson_panel.move_button, Qt.MouseButton.LeftButton)

    moved = [lesson_ for lesson_ in window.model.sheet.lessons if lesson_.id == lesson.id]
    assert [(m.date, m.slot) for m in moved] == [(saturday, 6)]
    assert ("lesson", lesson.id, "moved", '{"date":"2026-11-28","slot":6}') in _outbox(db)


def test_a_work_changed_and_deleted_through_its_dialog(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    course_id = window.course_box.currentData()
    work_id = window.access.journal.add_summative_work(course_id, "sor", "БЖБ 3", 20, dt.date(2026, 11, 24))
    window.open_journal()
    sheet = window.model.sheet
    index = next(j for j, work in enumerate(sheet.works) if work.id == work_id)
    window.view.setCurrentIndex(window.model.index(0, len(sheet.lessons) + 1 + index))

    def more_points(dialog: QDialog) -> None:
        assert isinstance(dialog, WorkDialog) and not dialog.title_edit.isEnabled()
        dialog.points_box.setValue(30)
        dialog.accept()

    _answer_next_dialog(more_points)
    window.edit_work_action.trigger()

    shown = [work for work in window.model.sheet.works if work.id == work_id]
    assert [w.max_points for w in shown] == [30]
    header = window.model.headerData(len(window.model.sheet.lessons) + 1 + window.model.sheet.works.index(shown[0]),
                                     Qt.Orientation.Horizontal)
    assert header.endswith("/30")
    assert ("work", work_id, "max_points", "30") in _outbox(db)

    _answer_next_dialog(lambda dialog: dialog.delete_button.click())
    window.edit_work_action.trigger()

    assert all(work.id != work_id for work in window.model.sheet.works)
    assert ("work", work_id, "deleted", "true") in _outbox(db)
