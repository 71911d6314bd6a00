"""The dialog for adding a summative work (СОР/БЖБ or СОЧ/ТЖБ): kind, title, section, date and maximum
points. The journal checks the values; the scheduling limits it breaks are shown after it is added."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
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


class _DateField(QDateEdit):
    """A date field that Tab leaves, as every other field: QDateEdit's own Tab walks its day, month and year, so
    a teacher's Tab, Tab, "15" into the next field went into the year instead (the sections stay reachable by
    typing, the arrows and the calendar)."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt's name)
        return QWidget.focusNextPrevChild(self, forward)


class WorkDialog(QDialog):
    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a summative work"))
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("SOR (summative for a section)"), "sor")
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

    def chosen(self) -> dict:
        """The journal's add_summative_work arguments (after the course)."""
        day = self.date_edit.date()
        return {"kind": self.kind_box.currentData(), "title": self.title_edit.text().strip(),
                "section": self.section_edit.text().strip() or None,
                "date": dt.date(day.year(), day.month(), day.day()), "max_points": self.points_box.value()}
