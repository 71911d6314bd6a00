"""What needs the teacher's eye after a sync: open conflicts (both values, whose and when, resolved by
keeping one or typing another) and edits the server refused (with the reason and the value typed)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from storage import review_places

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from storage.conflicts import OpenConflict
    from storage.rejections import Rejection


@dataclass(frozen=True)
class Review:
    conflicts: list[OpenConflict]
    rejections: list[Rejection]
    places: dict[str, str]  # entity key → "date · pupil" for the teacher to recognise it


def load_review(conn: Connection, language: str) -> Review:
    """Runs on the worker, with the storage layer loaded; the places name the subject in `language` ("kk",
    "ru", "en": the interface's)."""
    from storage import conflicts, rejections

    open_ones, refused = conflicts.open_conflicts(conn), rejections.unseen(conn)
    keys = {c.key for c in open_ones} | {r.key for r in refused}
    found = review_places.places(conn, keys, language)
    places = {key: " · ".join(messages.local(part) for part in (place.date, place.subject, place.pupil) if part)
              if (place := found.get(key)) else key for key in keys}
    return Review(open_ones, refused, places)


class ReviewPanel(QWidget):
    resolve = Signal(int, object)  # conflict id, the value kept
    dismiss_rejections = Signal(list)  # sequence numbers seen
    review: Review  # what the panel shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.conflicts_title = QLabel()
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("conflictList")
        buttons = QVBoxLayout()  # stacked: the dock can be narrow on a small screen
        self.keep_standing = QPushButton()
        self.keep_other = QPushButton()
        self.type_new = QPushButton()
        for button in (self.keep_standing, self.keep_other, self.type_new):
            buttons.addWidget(button)
        self.problem = QLabel()  # why a resolution was refused (the journal's checks), until the next review
        self.problem.setObjectName("reviewProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a33;")
        self.problem.hide()
        self.rejected_title = QLabel()
        self.rejected_list = QListWidget()
        self.rejected_list.setObjectName("rejectedList")
        self.dismiss = QPushButton()
        for lines in (self.conflict_list, self.rejected_list):  # a narrow dock wraps a long line, never cuts it
            lines.setWordWrap(True)
            lines.setTextElideMode(Qt.TextElideMode.ElideNone)
            lines.setResizeMode(QListWidget.ResizeMode.Adjust)
            lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for widget in (self.conflicts_title, self.conflict_list):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        for rejected_part in (self.rejected_title, self.rejected_list, self.dismiss):
            layout.addWidget(rejected_part)
        self.keep_standing.clicked.connect(lambda: self._keep("winner"))
        self.keep_other.clicked.connect(lambda: self._keep("loser"))
        self.type_new.clicked.connect(self._type_new)
        self.dismiss.clicked.connect(lambda: self.dismiss_rejections.emit([r.seq for r in self.review.rejections]))
        self.review = Review([], [], {})
        self.retranslate()

    def retranslate(self) -> None:
        self.keep_standing.setText(self.tr("Keep the value that stands"))
        self.keep_other.setText(self.tr("Keep the other value"))
        self.type_new.setText(self.tr("Type another value…"))
        self.dismiss.setText(self.tr("Mark as seen"))
        self.show_review(self.review)

    def show_review(self, review: Review) -> None:
        self.review = review
        self.show_problem("")
        self.conflicts_title.setText(self.tr("Conflicts: %n", "", len(review.conflicts)))
        self.rejected_title.setText(self.tr("Refused by the server: %n", "", len(review.rejections)))
        self.conflict_list.clear()
        for clash in review.conflicts:
            text = self.tr("%1 — %2: %3 stands (%4); the other value was %5").replace(
                "%1", review.places.get(clash.key, clash.key)).replace("%2", self._field(clash.field)).replace(
                "%3", _shown(clash.winner_value)).replace("%4", messages.local_moment(clash.created_at)).replace(
                "%5", _shown(clash.loser_value))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, clash.id)
            self.conflict_list.addItem(item)
        self.rejected_list.clear()
        for refused in review.rejections:
            self.rejected_list.addItem(self.tr("%1 — %2: %3 was not accepted: %4").replace(
                "%1", review.places.get(refused.key, refused.key)).replace("%2", self._field(refused.field)).replace(
                "%3", _shown(refused.value)).replace("%4", messages.rejection_reason(refused.reason)))
        has_conflicts = bool(review.conflicts)
        for button in (self.keep_standing, self.keep_other, self.type_new):
            button.setEnabled(has_conflicts)
        if has_conflicts and self.conflict_list.currentRow() < 0:
            self.conflict_list.setCurrentRow(0)
        self.dismiss.setEnabled(bool(review.rejections))

    def show_problem(self, text: str) -> None:
        """Why the journal refused the value chosen for a conflict (already translated); "" hides it."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _field(self, field: str) -> str:
        return {"mark": self.tr("mark"), "attendance": self.tr("attendance"), "comment": self.tr("comment"),
                "topic": self.tr("topic"), "homework": self.tr("homework")}.get(field, field)

    def _selected(self) -> OpenConflict | None:
        row = self.conflict_list.currentRow()
        return self.review.conflicts[row] if 0 <= row < len(self.review.conflicts) else None

    def _keep(self, which: str) -> None:
        clash = self._selected()
        if clash is not None:
            self.resolve.emit(clash.id, clash.winner_value if which == "winner" else clash.loser_value)

    def _type_new(self) -> None:
        clash = self._selected()
        if clash is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Resolve the conflict"), self.tr("The value to keep:"))
        if ok:
            value: Any = int(text) if text.strip().isdigit() else (text.strip() or None)
            self.resolve.emit(clash.id, value)


def _shown(value: Any) -> str:
    return "—" if value is None else str(value)
