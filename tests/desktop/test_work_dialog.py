"""A new summative work as a teacher adds it with the keyboard: Tab leaves the date for the maximum, and the
grid then shows the new work's column with the cursor in it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.work_dialog import WorkDialog
from tests.desktop.conftest import TODAY


def test_tab_leaves_the_date_for_the_maximum(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = WorkDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.date_edit.setFocus()
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.points_box  # not the date's month section
    dialog.points_box.selectAll()
    qtbot.keyClicks(dialog.points_box, "15")
    assert dialog.chosen()["max_points"] == 15 and dialog.chosen()["date"] == TODAY


def test_a_work_just_added_is_shown_with_the_cursor_in_its_column(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("criteria")
    window.view.horizontalScrollBar().setValue(0)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WorkDialog)
        dialog.title_edit.setText("БЖБ 2")
        dialog.points_box.setValue(15)
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.on_add_work()
    sheet = window.model.sheet
    added = [j for j, work in enumerate(sheet.works) if work.title == "БЖБ 2"]
    assert len(added) == 1
    column = len(sheet.lessons) + 1 + added[0]
    assert window.view.currentIndex().column() == column
    rect = window.view.visualRect(window.model.index(window.view.currentIndex().row(), column))
    assert window.view.viewport().rect().intersects(rect)  # scrolled to, on screen
