"""The lesson under the cursor: its date, topic and homework, edited in place (saved when the field is
left), buttons to cancel it (asking why) or take the cancellation back, and to move it to another day and lesson
number, and a button to add an extra lesson to the course. A cancelled lesson shows its reason. A newer topic or
homework arriving from a sync shows at once, except in a field the teacher has typed into and not left: their
text stays, and is saved over the arrived one when they leave it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
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
    cancel_lesson = Signal(str, str)  # lesson id, the reason
    restore_lesson = Signal(str)  # lesson id
    move_lesson = Signal(str, object, int)  # lesson id, date, slot

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
        self.cancelled_note = QLabel()
        self.cancelled_note.setObjectName("lessonCancelled")
        self.cancelled_note.setWordWrap(True)
        self.cancelled_note.setStyleSheet("color: #777;")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelLesson")
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveLesson")
        self.add_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.move_button)
        layout.addWidget(self.title)
        layout.addWidget(self.cancelled_note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self.topic.editingFinished.connect(self._topic_done)
        self.homework.installEventFilter(self)
        self.add_button.clicked.connect(self._ask_new_lesson)
        self.cancel_button.clicked.connect(self._cancel_or_restore)
        self.move_button.clicked.connect(self._ask_move)
        self.lesson_id: str | None = None
        self.day: dt.date | None = None
        self.slot: int | None = None
        self.cancelled: str | None = None  # the reason the lesson shown is cancelled
        self._shown = ("", "")
        self.retranslate()
        self.show_lesson(None, None, None, None)

    def retranslate(self) -> None:
        self.topic_label.setText(self.tr("Topic"))
        self.homework_label.setText(self.tr("Homework"))
        self.add_button.setText(self.tr("Add a lesson…"))
        self.move_button.setText(self.tr("Move lesson…"))
        self._show_title()  # the day in the language now chosen
        self._show_cancelled()

    def _show_cancelled(self) -> None:
        cancelled = self.cancelled is not None
        self.cancel_button.setText(self.tr("Restore lesson") if cancelled else self.tr("Cancel lesson…"))
        self.cancelled_note.setVisible(cancelled)
        if cancelled:
            self.cancelled_note.setText(self.tr("Cancelled: %1").replace("%1", self.cancelled or ""))

    def _show_title(self) -> None:
        if self.day:
            # PySide6 takes a Python date; its stubs name QDate only:
            self.title.setText(QLocale().toString(self.day, QLocale.FormatType.LongFormat))  # type: ignore[call-overload]
        else:
            self.title.setText(self.tr("No lesson chosen"))

    def show_lesson(self, lesson_id: str | None, day: dt.date | None, topic: str | None, homework: str | None,
                    cancelled: str | None = None, slot: int | None = None) -> None:
        self.lesson_id, self.day, self.slot, self.cancelled = lesson_id, day, slot, cancelled
        self._show_title()
        self._show_cancelled()
        self._shown = (topic or "", homework or "")
        self.topic.setText(topic or "")
        self.homework.setPlainText(homework or "")
        for widget in (self.topic, self.homework, self.cancel_button, self.move_button):
            widget.setEnabled(lesson_id is not None)

    def refresh(self, lesson_id: str, topic: str | None, homework: str | None, cancelled: str | None = None) -> None:
        """The lesson's topic, homework and cancellation as the journal now holds them (after a sync)."""
        if lesson_id != self.lesson_id:
            return
        self.cancelled = cancelled
        self._show_cancelled()
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
        chosen = self._ask_day_and_slot(self.tr("Add a lesson"), dt.date.today(), 1)
        if chosen is not None:
            self.add_lesson.emit(*chosen)

    def _ask_day_and_slot(self, title: str, day: dt.date, slot: int) -> tuple[dt.date, int] | None:
        """A day and a lesson number the teacher picks (None: she cancelled)."""
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        day_edit = QDateEdit(QDate(day.year, day.month, day.day))
        day_edit.setCalendarPopup(True)
        slot_box = QSpinBox()
        slot_box.setRange(1, 12)
        slot_box.setValue(slot)
        form.addRow(self.tr("Date"), day_edit)
        form.addRow(self.tr("Lesson number"), slot_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        picked = day_edit.date()
        return dt.date(picked.year(), picked.month(), picked.day()), slot_box.value()

    def _cancel_or_restore(self) -> None:
        """A cancelled lesson is restored; another is cancelled, with the reason the teacher gives (required)."""
        if self.lesson_id is None:
            return
        if self.cancelled is not None:
            self.restore_lesson.emit(self.lesson_id)
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel lesson"), self.tr("Why is the lesson cancelled?"))
        if ok:
            self.cancel_lesson.emit(self.lesson_id, reason)

    def _ask_move(self) -> None:
        if self.lesson_id is None:
            return
        lesson_id = self.lesson_id
        chosen = self._ask_day_and_slot(self.tr("Move lesson"), self.day or dt.date.today(), self.slot or 1)
        if chosen is not None:
            self.move_lesson.emit(lesson_id, *chosen)
