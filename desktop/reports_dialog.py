"""The year's reports on screen (core.school_reports): «Алтын белгі» candidates of grades 10–11 and the pupils at
risk with a year mark of 2 (a year test, or repeating the year), each exportable as CSV for the school's
records. The window loads the reports on its worker and hands them in; the CSV is written there too."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.school_reports import AtRisk, PupilYear


class ReportsDialog(QDialog):
    export_requested = Signal(list)  # the rows of the report on screen, header first

    def __init__(self, golden: list[PupilYear], at_risk: list[AtRisk], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports"))
        self.resize(640, 420)
        outcome = {"year_test": self.tr("a year test"), "repeat": self.tr("repeats the year")}
        self.tables: list[list[list[str]]] = [
            [[self.tr("Class"), self.tr("Pupil")]] + [[p.class_name, p.name] for p in golden],
            [[self.tr("Class"), self.tr("Pupil"), self.tr("Subjects with a 2"), self.tr("Outcome")]]
            + [[r.pupil.class_name, r.pupil.name, ", ".join(r.failed), outcome[r.outcome]] for r in at_risk],
        ]
        self.tabs = QTabWidget()
        for rows, title in zip(self.tables, (self.tr("«Altyn belgi» candidates"), self.tr("Year mark 2")), strict=True):
            self.tabs.addTab(_table(rows), title)
        export = QPushButton(self.tr("Export as CSV…"))
        export.clicked.connect(lambda: self.export_requested.emit(self.tables[self.tabs.currentIndex()]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)


def _table(rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows) - 1, len(rows[0]))
    table.setHorizontalHeaderLabels(rows[0])
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for i, row in enumerate(rows[1:]):
        for j, text in enumerate(row):
            table.setItem(i, j, QTableWidgetItem(text))
    table.resizeColumnsToContents()
    return table


def write_csv(path: Path, rows: list[list[str]]) -> int:
    """Write the report; UTF-8 with a BOM so that Excel opens Kazakh and Russian names correctly. It holds pupils'
    names and marks unencrypted, so it is made readable by the teacher's own account only (0600 where the system
    has such modes; the PC's other accounts cannot open it)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.chmod(path, 0o600)  # an earlier file of that name kept its modes through O_CREAT
    with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out).writerows(rows)
    return len(rows) - 1
