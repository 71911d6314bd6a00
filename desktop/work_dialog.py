"""The dialog for adding a summative work (СОР/БЖБ or СОЧ/ТЖБ): kind, title, section, date and maximum
points. The journal checks the values; the scheduling limits it breaks are shown after it is added. Opened on a
work already there (`work`), it changes its date and maximum only, or deletes it ("Delete work", for a work
holding no scores: the journal refuses the others)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from core.validation import MAX_WORK_POINTS
from storage.journal_sheet import SheetWork


class _DateField(QDateEdit):
    """A date field that Tab leaves, as every other field: QDateEdit's own Tab walks its day, month and year, so
    a teacher's Tab, Tab, "15" into the next field went into the year instead (the sections stay reachable by
    typing, the arrows and the calendar)."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt's name)
        return QWidget.focusNextPrevChild(self, forward)


class WorkDialog(QDialog):
    def __init__(self, day: dt.date, parent: QWidget | None = None, work: SheetWork | None = None,
                 kinds: tuple[str, ...] = ("sor", "soch")) -> None:
        """`kinds`: the works the course holds (core.write_rules.work_kinds); a one-hour subject is offered no СОЧ."""
        super().__init__(parent)
        self.work = work
        self.delete_chosen = False  # "Delete work" pressed (a work already there)
        self.setWindowTitle(self.tr("Add a summative work") if work is None else self.tr("Change a summative work"))
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("SOR (summative for a section)"), "sor")
        if "soch" in kinds or (work is not None and work.kind == "soch"):
            self.kind_box.addItem(self.tr("SOCH (summative for the term)"), "soch")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("workTitle")
        self.section_edit = QLineEdit()
        self.date_edit = _DateField(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.points_box = QSpinBox()
        self.points_box.setRange(1, MAX_WORK_POINTS)
        self.points_box.setValue(20)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Section:"), self.section_edit)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("Maximum points:"), self.points_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.title_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        self.delete_button: QAbstractButton | None = None
        if work is not None:  # its kind, title and section stay; its date and maximum change
            self.kind_box.setCurrentIndex(self.kind_box.findData(work.kind))
            self.title_edit.setText(work.title)
            self.section_edit.setText(work.section or "")
            for fixed in (self.kind_box, self.title_edit, self.section_edit):
                fixed.setEnabled(False)
            self.date_edit.setDate(QDate(work.date.year, work.date.month, work.date.day))
            self.points_box.setValue(work.max_points)
            self.delete_button = buttons.addButton(self.tr("Delete work"), QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.setObjectName("deleteWork")
            self.delete_button.clicked.connect(self._delete)

    def _delete(self) -> None:
        self.delete_chosen = True
        self.accept()

    def changes(self) -> dict:
        """The journal's edit_work arguments: what differs from the work as it was."""
        assert self.work is not None
        chosen = self.chosen()
        return {name: chosen[name] for name in ("date", "max_points") if chosen[name] != getattr(self.work, name)}

    def chosen(self) -> dict:
        """The journal's add_summative_work arguments (after the course)."""
        day = self.date_edit.date()
        return {"kind": self.kind_box.currentData(), "title": self.title_edit.text().strip(),
                "section": self.section_edit.text().strip() or None,
                "date": dt.date(day.year(), day.month(), day.day()), "max_points": self.points_box.value()}
