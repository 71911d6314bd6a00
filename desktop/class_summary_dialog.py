"""The class teacher's summary of her class on screen (storage.class_summary): a row for each pupil with his term
and year marks in every subject and the lessons he missed, read-only; a class chooser when she has several. The
chosen pupil's marks over the year are drawn under the table, a line per subject. The summary, or the chosen pupil's
marks extract (выписка), is saved as PDF or Excel. The window loads each class's summary on its worker and hands it
in with its documents in the teacher's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.charts import ChartView
from desktop.report_document import Document
from desktop.reports_dialog import cell_text, table_widget
from storage.class_summary import ClassSummary


class ClassSummaryDialog(QDialog):
    save_requested = Signal(str, int)  # "pdf" or "xlsx"; -1 for the summary, else the row of the pupil's extract
    class_chosen = Signal(int)  # another class to show: the window loads it and calls show_summary

    def __init__(self, classes: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Class summary"))
        self.resize(900, 640)
        self.summary: ClassSummary | None = None
        self.extract: Callable[[int], Document] | None = None
        self.classes = QComboBox()
        for class_id, name in classes:
            self.classes.addItem(name, class_id)
        self.classes.currentIndexChanged.connect(lambda _i: self.class_chosen.emit(self.classes.currentData()))
        self.table = QTableWidget(0, 0)
        self.table.currentCellChanged.connect(lambda row, *_: self._chart_of(row))
        self.chart = ChartView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for kind, row, text in (("pdf", -1, self.tr("Save as PDF…")), ("xlsx", -1, self.tr("Save for Excel…")),
                                ("pdf", 0, self.tr("Save the pupil's marks extract…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, kind=kind, row=row: self.save_requested.emit(
                kind, row if row < 0 else max(self.table.currentRow(), 0)))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.classes)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart, 2)
        layout.addWidget(buttons)

    def show_summary(self, summary: ClassSummary, document: Document, extract: Callable[[int], Document]) -> None:
        """The class's table (pupil, one column per subject "terms | year", lessons missed (ill)); `extract` makes a
        pupil's extract (by row), whose chart is shown for the pupil chosen."""
        self.summary, self.extract = summary, extract
        shown = table_widget(document.tables[0].rows)
        self.table.clear()
        self.table.setRowCount(shown.rowCount())
        self.table.setColumnCount(shown.columnCount())
        self.table.setHorizontalHeaderLabels([cell_text(c) for c in document.tables[0].rows[0]])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for i in range(shown.rowCount()):
            for j in range(shown.columnCount()):
                self.table.setItem(i, j, shown.takeItem(i, j))
        self.table.resizeColumnsToContents()
        self._chart_of(0)

    def _chart_of(self, row: int) -> None:
        if self.extract is not None and self.summary is not None and 0 <= row < len(self.summary.pupils):
            charts = self.extract(row).charts
            self.chart.show_chart(charts[0] if charts else None)
