"""The class teacher's summary of her class on screen (storage.class_summary): a row for each pupil with his term
and year marks in every subject and the lessons he missed, read-only; a class chooser when she has several; the
table exportable as CSV like the reports. The window loads each class's summary on its worker and hands it in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.class_summary import ClassSummary


class ClassSummaryDialog(QDialog):
    export_requested = Signal(list)  # the table's rows, header first
    class_chosen = Signal(int)  # another class to show: the window loads it and calls show_summary

    def __init__(self, classes: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Class summary"))
        self.resize(900, 520)
        self.rows: list[list[str]] = []
        self.classes = QComboBox()
        for class_id, name in classes:
            self.classes.addItem(name, class_id)
        self.classes.currentIndexChanged.connect(lambda _i: self.class_chosen.emit(self.classes.currentData()))
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        export = QPushButton(self.tr("Export as CSV…"))
        export.clicked.connect(lambda: self.export_requested.emit(self.rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.classes)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def show_summary(self, summary: ClassSummary, mark_text: Callable[[object], str]) -> None:
        """The class's table: pupil, one column per subject ("terms | year"), lessons missed (ill)."""
        header = [self.tr("Pupil"), *summary.subjects, self.tr("Lessons missed (ill)")]
        self.rows = [header]
        for pupil in summary.pupils:
            cells = []
            for subject in summary.subjects:
                terms, year = pupil.subjects.get(subject, ([], None))
                cells.append(" ".join(mark_text(m) for m in terms) + " | " + mark_text(year))
            self.rows.append([pupil.name, *cells, f"{pupil.missed} ({pupil.missed_ill})"])
        self.table.clear()
        self.table.setRowCount(len(self.rows) - 1)
        self.table.setColumnCount(len(header))
        self.table.setHorizontalHeaderLabels(header)
        for i, row in enumerate(self.rows[1:]):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
