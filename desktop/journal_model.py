"""The journal grid's model: one class-subject journal over one period as a Qt table. Rows are pupils
(numbered in the vertical header), column 0 their names, then one column per lesson by date, and the
period's mark at the right.

Like Anki's browser table model it holds only what the sheet loaded (ids and the filled cells' values) and
answers few roles cheaply: display, tooltip, background and alignment. Writes do not happen here: the
window sends them to the worker and, once the journal took them, calls `apply_local`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from storage.grading import Result
from storage.journal_sheet import JournalSheet

Index = QModelIndex | QPersistentModelIndex
_FIELDS = {"attendance": 0, "mark": 1, "comment": 2}
_CONFLICT = QBrush(QColor("#f4b6b6"))
_COMMENTED = QBrush(QColor("#fff3c4"))
_NOT_IN_CLASS = QBrush(QColor("#e4e4e4"))
_SUMMATIVE = QBrush(QColor("#dde8f7"))


class JournalModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: JournalSheet | None = None
        self.conflicts: set[tuple[int, int]] = set()
        self.letters: dict[str, str] = {}  # attendance code → the letter shown
        self.computed: dict[int, Result] = {}  # pupil id → the period's computed result
        self.locale = QLocale()

    # -- loading and local updates --------------------------------------------------------------

    def show_sheet(self, sheet: JournalSheet | None, conflicts: set[tuple[int, int]], letters: dict[str, str],
                   computed: dict[int, Result] | None = None) -> None:
        self.beginResetModel()
        self.sheet, self.conflicts, self.letters, self.computed = sheet, conflicts, letters, computed or {}
        self.endResetModel()

    def apply_local(self, row: int, column: int, field: str, value: Any) -> None:
        """A change the journal has accepted (or put back): show it."""
        assert self.sheet is not None
        key = (row, column - 1)
        values = list(self.sheet.cells.get(key, (None, None, None)))
        values[_FIELDS[field]] = value
        if values == [None, None, None]:
            self.sheet.cells.pop(key, None)
        else:
            self.sheet.cells[key] = tuple(values)  # type: ignore[assignment]
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def cell_values(self, row: int, column: int) -> tuple[str | None, int | None, str | None]:
        assert self.sheet is not None
        return self.sheet.cells.get((row, column - 1), (None, None, None))

    def lesson_column(self, column: int) -> bool:
        return self.sheet is not None and 1 <= column <= len(self.sheet.lessons)

    def target(self, row: int, column: int) -> tuple[str, int] | None:
        """(lesson id, pupil id) of a lesson cell, None for the name and result columns."""
        if not self.lesson_column(column) or not 0 <= row < self.rowCount():
            return None
        assert self.sheet is not None
        return self.sheet.lessons[column - 1].id, self.sheet.pupils[row].id

    def editable(self, row: int, column: int) -> bool:
        return self.lesson_column(column) and self.sheet is not None and self.sheet.editable(row, column - 1)

    # -- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.pupils)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.lessons) + 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        last = len(sheet.lessons) + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return sheet.pupils[row].name
            if column == last:
                return self._result_text(sheet.pupils[row].id)
            attendance, mark, _comment = sheet.cells.get((row, column - 1), (None, None, None))
            shown = [self.letters.get(attendance, attendance) if attendance else None,
                     None if mark is None else str(mark)]
            return " ".join(s for s in shown if s) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignVCenter | (Qt.AlignmentFlag.AlignLeft if column == 0
                                                         else Qt.AlignmentFlag.AlignCenter))
        if column == last and role == Qt.ItemDataRole.ToolTipRole:
            return self._result_parts(sheet.pupils[row].id)
        if column == 0 or column == last:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row, column) in self.conflicts:
                return _CONFLICT
            if not sheet.editable(row, column - 1):
                return _NOT_IN_CLASS
            if sheet.cells.get((row, column - 1), (None, None, None))[2]:
                return _COMMENTED
            if sheet.lessons[column - 1].kind != "regular":
                return _SUMMATIVE
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return sheet.cells.get((row, column - 1), (None, None, None))[2]
        return None

    def _result_text(self, pupil_id: int) -> str | None:
        """The final mark where one is set, else the computed one with its percentage."""
        final = self.sheet.results.get(pupil_id) if self.sheet else None
        if final is not None:
            return str(final)
        result = self.computed.get(pupil_id)
        if result is None or result.status in ("no_marks", "not_graded"):
            return None
        if result.status == "not_attested":
            return self.tr("n/a")
        if result.status == "half_year_only":
            return "—"
        mark = {"pass": self.tr("pass"), "fail": self.tr("fail")}.get(result.mark, str(result.mark))  # type: ignore[arg-type]
        return mark if result.percent is None else f"{mark} · {float(result.percent):.1f}%"

    def _result_parts(self, pupil_id: int) -> str | None:
        result = self.computed.get(pupil_id)
        if result is None:
            return None
        if result.status == "not_attested":
            return self.tr("Not attested for now: a summative work is not written yet.")
        if result.status == "half_year_only":
            return self.tr("A one-hour-a-week subject: graded per half-year.")
        names = {"fo": self.tr("FO"), "sor": self.tr("SOR"), "soch": self.tr("SOCH")}
        shown = [f"{names[k]} {float(v):.1f}%" for k, v in result.parts.items() if k in names and v is not None]
        if not shown:
            return None
        return " · ".join(shown) + f" → {float(result.percent):.1f}% ({result.rule})"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if section == 0:
            return self.tr("Pupil")
        if section == len(sheet.lessons) + 1:
            return self.tr("Result")
        lesson = sheet.lessons[section - 1]
        day = self.locale.toString(lesson.date, "dd.MM")
        weekday = self.locale.dayName(lesson.date.isoweekday(), QLocale.FormatType.ShortFormat)
        kind = {"sor": self.tr("SOR"), "soch": self.tr("SOCH")}.get(lesson.kind)
        return f"{day}\n{weekday}" + (f"\n{kind}" if kind else "")
