"""Today: the window opens on the teacher's lesson in progress or next by the timetable and bells, the Today
list (Ctrl+T) shows the day's lessons in order with their times and opens the one chosen on today's column,
and today's column is marked in the grid. The real window over the demo school's journal, with a fixed
date and time of day."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.today_view import TodayDialog
from desktop.worker import Worker
from storage import day_lessons, sheet_choices
from storage.database import JournalDatabase
from storage.journal_sheet import driver_connection

MONDAY = dt.date(2026, 11, 23)  # term 2


def _minutes(time: dt.time, minutes: int) -> dt.time:
    return (dt.datetime.combine(MONDAY, time) + dt.timedelta(minutes=minutes)).time()


class Day:
    """A teacher with lessons of several courses on MONDAY, the first of them in another course than the one
    the course list starts with (where the window opened before)."""

    def __init__(self, db: JournalDatabase) -> None:
        with db.read() as conn:
            raw = driver_connection(conn)
            teachers = [r[0] for r in raw.execute(
                "SELECT c.teacher_id FROM lesson l JOIN course c ON c.id = l.course_id WHERE l.date = ? "
                "GROUP BY c.teacher_id HAVING count(DISTINCT c.id) >= 3 ORDER BY c.teacher_id", (MONDAY.isoformat(),))]
            for teacher in teachers:
                lessons = day_lessons.of_day(raw, teacher, MONDAY)
                first_course = sheet_choices.load(raw, teacher)[0][0].id
                later = [x for x in lessons[1:] if x.course_id != first_course and x.course_id != lessons[0].course_id]
                if later:
                    break
        self.teacher, self.lessons, self.first_course, self.later = teacher, lessons, first_course, later[0]


@pytest.fixture
def day(db: JournalDatabase) -> Day:
    return Day(db)


@pytest.fixture
def window_at(qtbot, db: JournalDatabase, settings):  # type: ignore[no-untyped-def]
    def make(teacher: int, now: dt.time) -> MainWindow:
        i18n.use_language("en")
        window = MainWindow(JournalAccess(db.path, teacher, db=db), Worker(synchronous=True), settings, "en",
                            today=MONDAY, now=now)
        qtbot.addWidget(window)
        window.show()
        window.start()
        return window

    return make


def _cursor_lesson(window: MainWindow) -> str:
    column = window.view.currentIndex().column()
    assert window.model.lesson_column(column)
    return window.model.sheet.lessons[column - 1].id


def test_the_window_opens_on_the_lesson_in_progress(day: Day, window_at) -> None:
    lesson = day.later
    window = window_at(day.teacher, _minutes(lesson.starts, 10))
    assert window.course_box.currentData() == lesson.course_id != day.first_course
    assert _cursor_lesson(window) == lesson.lesson_id
    assert window.lesson_panel.lesson_id == lesson.lesson_id


def test_between_lessons_the_window_opens_on_the_next(day: Day, window_at) -> None:
    index = day.lessons.index(day.later)
    window = window_at(day.teacher, _minutes(day.lessons[index - 1].ends, 1))
    assert window.course_box.currentData() == day.later.course_id
    assert _cursor_lesson(window) == day.later.lesson_id


def test_the_today_list_shows_the_days_lessons_in_order_and_opens_the_one_chosen(day: Day, window_at,
                                                                                 qtbot) -> None:
    window = window_at(day.teacher, _minutes(day.lessons[0].starts, 5))
    assert window.course_box.currentData() == day.lessons[0].course_id
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(TodayDialog)
    assert dialog is not None and dialog.isVisible()
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(lines) == len(day.lessons)
    for line, lesson in zip(lines, day.lessons, strict=True):
        assert line.startswith(f"{lesson.starts:%H:%M}–{lesson.ends:%H:%M}")
        assert window.course_box.itemText(window.course_box.findData(lesson.course_id)) in line
    assert [lesson.starts for lesson in day.lessons] == sorted(lesson.starts for lesson in day.lessons)
    assert dialog.list.currentRow() == 0 and lines[0].endswith("— now")

    dialog.list.setCurrentRow(day.lessons.index(day.later))
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    assert window.course_box.currentData() == day.later.course_id
    assert _cursor_lesson(window) == day.later.lesson_id
    assert QApplication.focusWidget() in (window.view, None)


def test_todays_column_is_marked_in_the_grid(day: Day, window_at) -> None:
    window = window_at(day.teacher, _minutes(day.lessons[0].starts, 5))
    model, sheet = window.model, window.model.sheet
    today = {j + 1 for j, lesson in enumerate(sheet.lessons) if lesson.date == MONDAY}
    assert today
    for column in range(1, len(sheet.lessons) + 1):
        font = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole)
        background = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole)
        tooltip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if column in today:
            assert font.bold() and background is not None and tooltip == "Today"
        else:
            assert font is None and background is None and tooltip is None
