"""The reports window (core.school_reports) for the classes the PC holds whole: a class teacher's own, an admin's
every class. For a class and period: the end-of-term report (5/4/3/2 per subject, «качество знаний»,
«успеваемость») with the class's marks by term as a chart, attendance per pupil, today's absentees, the «Алтын белгі»
candidates and the year's 2s. Each report is saved as PDF or Excel in the school's language. The window loads a
report on its worker (ReportsDialog.wanted) and hands it in as a document in the teacher's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.charts import ChartView
from desktop.report_document import Cell, Document


class ReportsDialog(QDialog):
    wanted = Signal(int, int)  # a class and a period to report on: the window loads it and calls show_report
    save_requested = Signal(str)  # "pdf" or "xlsx": the window saves the report on screen

    def __init__(self, classes: Sequence[tuple[int, str]], periods: Sequence[tuple[int, str]], period_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports"))
        self.resize(900, 640)
        self.document: Document | None = None
        self.classes, self.periods = QComboBox(), QComboBox()
        for class_id, name in classes:
            self.classes.addItem(name, class_id)
        for period, name in periods:
            self.periods.addItem(name, period)
        self.periods.setCurrentIndex(max(self.periods.findData(period_id), 0))
        for box in (self.classes, self.periods):
            box.currentIndexChanged.connect(self.ask)
        self.tabs = QTabWidget()
        self.chart = ChartView()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for kind, text in (("pdf", self.tr("Save as PDF…")), ("xlsx", self.tr("Save for Excel…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, kind=kind: self.save_requested.emit(kind))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save_requested.emit("pdf"))
        buttons.rejected.connect(self.reject)
        choose = QHBoxLayout()
        choose.addWidget(self.classes, 1)
        choose.addWidget(self.periods, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.chart, 2)
        layout.addWidget(buttons)

    def ask(self) -> None:
        """Ask the window for the report of the class and period chosen."""
        self.wanted.emit(self.classes.currentData(), self.periods.currentData())

    def show_report(self, document: Document) -> None:
        """The document's tables as tabs and its first chart under them."""
        self.document = document
        shown = self.tabs.currentIndex()
        self.tabs.clear()
        for table in document.tables:
            self.tabs.addTab(table_widget(table.rows), table.title)
        self.tabs.setCurrentIndex(max(shown, 0))
        self.chart.show_chart(document.charts[0] if document.charts else None)


def table_widget(rows: Sequence[Sequence[Cell]]) -> QTableWidget:
    """A read-only table of the rows (the header first), numbers shown as the saved files hold them."""
    table = QTableWidget(len(rows) - 1, len(rows[0]))
    table.setHorizontalHeaderLabels([str(c) for c in rows[0]])
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for i, row in enumerate(rows[1:]):
        for j, value in enumerate(row):
            table.setItem(i, j, QTableWidgetItem(cell_text(value)))
    table.resizeColumnsToContents()
    return table


def cell_text(value: Cell) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}" if isinstance(value, float) else str(value)
