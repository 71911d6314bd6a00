"""The "Today" list: the teacher's lessons of the day with their bell times (storage.day_lessons), the one in
progress or next chosen; choosing a lesson (Enter, a double-click, or Open) asks the window to open its
course on today's column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from storage.day_lessons import DayLesson, now_or_next


class TodayDialog(QDialog):
    chosen = Signal(object)  # DayLesson

    def __init__(self, day: dt.date, lessons: list[DayLesson], now: dt.time, course_name: Callable[[int], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayDialog")
        self.setWindowTitle(self.tr("Today's lessons"))
        self.lessons = lessons
        layout = QVBoxLayout(self)
        # PySide6 takes a Python date; its stubs name QDate only:
        self.title = QLabel(QLocale().toString(day, QLocale.FormatType.LongFormat))  # type: ignore[call-overload]
        layout.addWidget(self.title)
        self.list = QListWidget()
        self.list.setObjectName("todayList")
        layout.addWidget(self.list)
        current = now_or_next(lessons, now)
        for lesson in lessons:
            item = QListWidgetItem(self._line(lesson, now, course_name(lesson.course_id), lesson is current))
            item.setData(Qt.ItemDataRole.UserRole, lesson)
            if lesson is current:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        if not lessons:
            self.list.addItem(self.tr("No lessons today."))
        self.list.setCurrentRow(lessons.index(current) if current is not None else 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(lessons))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._choose)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._choose())

    def _line(self, lesson: DayLesson, now: dt.time, course: str, current: bool) -> str:
        if lesson.starts is not None and lesson.ends is not None:
            when = f"{lesson.starts:%H:%M}–{lesson.ends:%H:%M}"
        else:
            when = self.tr("Lesson %1").replace("%1", str(lesson.slot))
        kind = {"sor": self.tr("SOR"), "soch": self.tr("SOCH")}.get(lesson.kind)
        line = f"{when}   {course}" + (f" · {kind}" if kind else "")
        if current and lesson.starts is not None and lesson.ends is not None:
            line += "   — " + (self.tr("now") if lesson.starts <= now < lesson.ends else
                                self.tr("next") if now < lesson.starts else self.tr("the last one"))
        return line

    def _choose(self) -> None:
        item = self.list.currentItem()
        lesson = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(lesson, DayLesson):
            self.chosen.emit(lesson)
            self.accept()
