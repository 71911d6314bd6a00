"""The lesson under the cursor: its date, topic and homework, edited in place (saved when the field is
left), and a button to add an extra lesson to the course. A newer topic or homework arriving from a sync
shows at once, except in a field the teacher has typed into and not left: their text stays, and is saved
over the arrived one when they leave it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class LessonPanel(QWidget):
    topic_edited = Signal(str, str)  # lesson id, text
    homework_edited = Signal(str, str)
    add_lesson = Signal(object, int)  # date, slot

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("lessonTitle")
        form = QFormLayout()
        self.topic = QLineEdit()
        self.topic.setMaxLength(500)
        self.homework = QPlainTextEdit()
        self.homework.setMaximumHeight(80)
        self.topic_label, self.homework_label = QLabel(), QLabel()
        form.addRow(self.topic_label, self.topic)
        form.addRow(self.homework_label, self.homework)
        self.add_button = QPushButton()
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self.topic.editingFinished.connect(self._topic_done)
        self.homework.installEventFilter(self)
        self.add_button.clicked.connect(self._ask_new_lesson)
        self.lesson_id: str | None = None
        self.day: dt.date | None = None
        self._shown = ("", "")
        self.retranslate()
        self.show_lesson(None, None, None, None)

    def retranslate(self) -> None:
        self.topic_label.setText(self.tr("Topic"))
        self.homework_label.setText(self.tr("Homework"))
        self.add_button.setText(self.tr("Add a lesson…"))
        self._show_title()  # the day in the language now chosen

    def _show_title(self) -> None:
        if self.day:
            # PySide6 takes a Python date; its stubs name QDate only:
            self.title.setText(QLocale().toString(self.day, QLocale.FormatType.LongFormat))  # type: ignore[call-overload]
        else:
            self.title.setText(self.tr("No lesson chosen"))

    def show_lesson(self, lesson_id: str | None, day: dt.date | None, topic: str | None, homework: str | None) -> None:
        self.lesson_id, self.day = lesson_id, day
        self._show_title()
        self._shown = (topic or "", homework or "")
        self.topic.setText(topic or "")
        self.homework.setPlainText(homework or "")
        self.topic.setEnabled(lesson_id is not None)
        self.homework.setEnabled(lesson_id is not None)

    def refresh(self, lesson_id: str, topic: str | None, homework: str | None) -> None:
        """The lesson's topic and homework as the journal now holds them (after a sync)."""
        if lesson_id != self.lesson_id:
            return
        topic, homework = topic or "", homework or ""
        if self.topic.text() == self._shown[0] and topic != self._shown[0]:  # not typed into: show the new text
            self.topic.setText(topic)
        if self.homework.toPlainText() == self._shown[1] and homework != self._shown[1]:
            self.homework.setPlainText(homework)
        self._shown = (topic, homework)  # what leaving a field compares with: typed text is saved over it

    def save_typed(self) -> None:
        """Save what is typed and not yet saved, as leaving the fields would (before the window locks or closes)."""
        self._topic_done()
        self._homework_done()

    def _topic_done(self) -> None:
        if self.lesson_id and self.topic.text() != self._shown[0]:
            self._shown = (self.topic.text(), self._shown[1])
            self.topic_edited.emit(self.lesson_id, self.topic.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.homework and event.type() == event.Type.FocusOut:
            self._homework_done()
        return False

    def _homework_done(self) -> None:
        text = self.homework.toPlainText()
        if self.lesson_id and text != self._shown[1]:
            self._shown = (self._shown[0], text)
            self.homework_edited.emit(self.lesson_id, text)

    def _ask_new_lesson(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Add a lesson"))
        form = QFormLayout(dialog)
        day = QDateEdit(QDate.currentDate())
        day.setCalendarPopup(True)
        slot = QSpinBox()
        slot.setRange(1, 12)
        form.addRow(self.tr("Date"), day)
        form.addRow(self.tr("Lesson number"), slot)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_lesson.emit(day.date().toPython(), slot.value())
