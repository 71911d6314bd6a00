"""The journal grid's model: one class-subject journal over one period as a Qt table. Rows are pupils
(numbered in the vertical header), column 0 their names, then one column per lesson by date, one per СОР /
СОЧ of the period (headed with its maximum, holding the points), and the period's mark at the right.

Like Anki's browser table model it holds only what the sheet loaded (ids and the filled cells' values) and
answers few roles cheaply: display, tooltip, background and alignment. Writes do not happen here: the
window sends them to the worker (desktop.writes); what a write of its own or a sync changed comes in as a
patch of the cells it touched, re-read from the journal (`apply_patch`). Today's lessons are marked: a bold,
tinted header and a lighter tint down the column. A cancelled lesson's column is grey, its cells read-only, its
reason the tooltip of its header and cells. A cell or score the school imported from another system is in italics,
with where it came from in its tooltip.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from core.grading import Result
from desktop import messages
from storage.journal_sheet import JournalSheet

if TYPE_CHECKING:
    from desktop.sheet_refresh import SheetPatch

Index = QModelIndex | QPersistentModelIndex
_CANCELLED = QBrush(QColor("#cfcfcf"))
_CANCELLED_TEXT = QBrush(QColor("#8a8a8a"))
# A cancelled lesson's column: its background and text, by the role asked.
_CANCELLED_LOOK: dict[int, QBrush] = {Qt.ItemDataRole.BackgroundRole: _CANCELLED,
                                      Qt.ItemDataRole.ForegroundRole: _CANCELLED_TEXT}
_CONFLICT = QBrush(QColor("#f4b6b6"))
_COMMENTED = QBrush(QColor("#fff3c4"))
_NOT_IN_CLASS = QBrush(QColor("#e4e4e4"))
_SUMMATIVE = QBrush(QColor("#dde8f7"))
_TODAY = QBrush(QColor("#eef6e8"))
_TODAY_HEADER = QBrush(QColor("#c8e6b5"))


class JournalModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: JournalSheet | None = None
        self.conflicts: set[tuple[int, int]] = set()
        self.letters: dict[str, str] = {}  # attendance code → the letter shown
        self.computed: dict[int, Result] = {}  # pupil id → the period's computed result
        self.locale = QLocale()
        self.today: dt.date | None = None  # its lessons' columns are marked
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    # -- loading and local updates --------------------------------------------------------------

    def show_sheet(self, sheet: JournalSheet | None, conflicts: set[tuple[int, int]], letters: dict[str, str],
                   computed: dict[int, Result] | None = None) -> None:
        self.beginResetModel()
        self.sheet, self.conflicts, self.letters, self.computed = sheet, conflicts, letters, computed or {}
        self.endResetModel()

    def apply_patch(self, patch: SheetPatch) -> None:
        """What changed in the journal on screen, as re-read (desktop.sheet_refresh): only those cells repaint."""
        assert self.sheet is not None
        touched: set[tuple[int, int]] = set()
        for (row, lesson), values in patch.cells.items():
            if values is None:
                self.sheet.cells.pop((row, lesson), None)
            else:
                self.sheet.cells[(row, lesson)] = values
            touched.add((row, lesson + 1))
        for (row, work), score in patch.scores.items():
            if score is None:
                self.sheet.scores.pop((row, work), None)
            else:
                self.sheet.scores[(row, work)] = score
            touched.add((row, work + 1 + len(self.sheet.lessons)))
        for held, found in ((self.sheet.imported, patch.imported), (self.sheet.imported_scores, patch.imported_scores)):
            for place, source in found.items():
                if source is None:
                    held.pop(place, None)
                else:
                    held[place] = source
        for pupil_id, result in patch.computed.items():
            self.computed[pupil_id] = result
            touched.add((self.sheet.row_of[pupil_id], self.result_column()))
        touched |= self.conflicts ^ patch.clashes
        self.conflicts = patch.clashes
        for row, column in sorted(touched):
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def today_column(self, column: int) -> bool:
        """Whether `column` is a lesson of today."""
        return (self.lesson_column(column) and self.sheet is not None
                and self.sheet.lessons[column - 1].date == self.today)

    def work_at(self, column: int) -> int | None:
        """The index of the summative work shown in `column`, or None."""
        if self.sheet is None:
            return None
        index = column - 1 - len(self.sheet.lessons)
        return index if 0 <= index < len(self.sheet.works) else None

    def score_values(self, row: int, column: int) -> tuple[int | None, str | None]:
        assert self.sheet is not None
        return self.sheet.scores.get((row, column - 1 - len(self.sheet.lessons)), (None, None))

    def result_column(self) -> int:
        return -1 if self.sheet is None else len(self.sheet.lessons) + len(self.sheet.works) + 1

    def cell_values(self, row: int, column: int) -> tuple[str | None, int | None, str | None]:
        assert self.sheet is not None
        return self.sheet.cells.get((row, column - 1), (None, None, None))

    def lesson_column(self, column: int) -> bool:
        return self.sheet is not None and 1 <= column <= len(self.sheet.lessons)

    def cancelled(self, column: int) -> str | None:
        """Why the lesson of `column` is cancelled; None for a lesson held (or another column)."""
        if not self.lesson_column(column):
            return None
        assert self.sheet is not None
        return self.sheet.lessons[column - 1].cancelled

    def cancelled_text(self, reason: str) -> str:
        return self.tr("Lesson cancelled: %1").replace("%1", reason)

    def target(self, row: int, column: int) -> tuple[str, int] | None:
        """(lesson id, pupil id) of a lesson cell, None for the name and result columns."""
        if not self.lesson_column(column) or not 0 <= row < self.rowCount():
            return None
        assert self.sheet is not None
        return self.sheet.lessons[column - 1].id, self.sheet.pupils[row].id

    def editable(self, row: int, column: int) -> bool:
        if self.sheet is None:
            return False
        work = self.work_at(column)
        if work is not None:
            return self.sheet.work_editable(row, work)
        return self.lesson_column(column) and self.sheet.editable(row, column - 1)

    # -- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() or self.sheet is None else len(self.sheet.pupils)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.sheet is None else self.result_column() + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        last = self.result_column()
        work = self.work_at(column)
        if work is not None:
            return self._work_data(row, work, role)
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
        reason = sheet.lessons[column - 1].cancelled
        if reason is not None:
            if role in _CANCELLED_LOOK:
                return _CANCELLED_LOOK[role]
            if role == Qt.ItemDataRole.ToolTipRole:
                comment = sheet.cells.get((row, column - 1), (None, None, None))[2]
                return self.cancelled_text(reason) + (f"\n{comment}" if comment else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if (row, column) in self.conflicts:
                return _CONFLICT
            if not sheet.editable(row, column - 1):
                return _NOT_IN_CLASS
            if sheet.cells.get((row, column - 1), (None, None, None))[2]:
                return _COMMENTED
            if sheet.lessons[column - 1].kind != "regular":
                return _SUMMATIVE
            if sheet.lessons[column - 1].date == self.today:
                return _TODAY
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if (row, column - 1) in sheet.imported else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._with_source(sheet.cells.get((row, column - 1), (None, None, None))[2],
                                     sheet.imported.get((row, column - 1)))
        return None

    def _with_source(self, comment: str | None, source: str | None) -> str | None:
        """A cell's or score's tooltip: its comment, and where the school imported it from."""
        shown = [comment, None if source is None else self.tr("Imported: %1").replace("%1", source)]
        return "\n".join(s for s in shown if s) or None

    def _work_data(self, row: int, work: int, role: int) -> Any:
        assert self.sheet is not None
        points, comment = self.sheet.scores.get((row, work), (None, None))
        if role == Qt.ItemDataRole.DisplayRole:
            return None if points is None else str(points)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._with_source(comment, self.sheet.imported_scores.get((row, work)))
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if (row, work) in self.sheet.imported_scores else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.sheet.work_editable(row, work):
                return _NOT_IN_CLASS
            return _COMMENTED if comment else _SUMMATIVE
        return None

    def _mark_text(self, mark: object) -> str:
        if self.sheet is not None and self.sheet.scale == "passfail" and mark in (0, 1):
            mark = "pass" if mark == 1 else "fail"
        labels: dict[object, str] = {"pass": self.tr("pass"), "fail": self.tr("fail")}
        return labels.get(mark, str(mark))

    def _result_text(self, pupil_id: int) -> str | None:
        """The final mark where one is set (starred: it overrides the computed one), else the computed one with
        its percentage."""
        final = self.sheet.finals.get(pupil_id) if self.sheet else None
        if final is not None:
            return self._mark_text(final[0]) + " *"
        result = self.computed.get(pupil_id)
        if result is None or result.status in ("no_marks", "not_graded"):
            return None
        if result.status == "not_attested":
            return self.tr("n/a")
        if result.status == "half_year_only":
            return "—"
        return self.computed_text(result)

    def _result_parts(self, pupil_id: int) -> str | None:
        result = self.computed.get(pupil_id)
        final = self.sheet.finals.get(pupil_id) if self.sheet else None
        if final is not None:
            computed = self.computed_text(result)
            return self.tr("Final mark %1, set over the computed %2. Reason: %3").replace(
                "%1", self._mark_text(final[0])).replace("%2", computed or "—").replace("%3", final[1] or "—")
        if result is None:
            return None
        if result.status == "not_attested":
            return self.tr("Not attested for now: a summative work is not written yet.")
        if result.status == "half_year_only":
            return self.tr("A one-hour-a-week subject: graded per half-year.")
        names = {"fo": self.tr("FO"), "sor": self.tr("SOR"), "soch": self.tr("SOCH")}
        shown = [f"{names[k]} {self._percent(v)}" for k, v in result.parts.items() if k in names and v is not None]
        if not shown:
            return None
        return " · ".join(shown) + f" → {self._percent(result.percent)} ({messages.rule_name(result.rule)})"

    def _percent(self, value: Any) -> str:
        """74.6% with the language's decimal sign (74,6% in Kazakh and Russian)."""
        return self.locale.toString(float(value), "f", 1) + "%"

    def computed_text(self, result: Result | None) -> str | None:
        """A graded result as "4 · 74.6%" (classic and pass/fail courses: the mark alone)."""
        if result is None or result.status != "graded":
            return None
        mark = self._mark_text(result.mark)
        return mark if result.percent is None else f"{mark} · {self._percent(result.percent)}"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        sheet = self.sheet
        if sheet is not None and orientation == Qt.Orientation.Horizontal and self.today_column(section):
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return _TODAY_HEADER
        reason = self.cancelled(section) if orientation == Qt.Orientation.Horizontal else None
        if reason is not None:
            if role in _CANCELLED_LOOK:
                return _CANCELLED_LOOK[role]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.cancelled_text(reason)
        if sheet is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        work = self.work_at(section)
        if work is not None:
            return self._work_header(sheet.works[work], role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Today") if self.today_column(section) else None
        if section == 0:
            return self.tr("Pupil")
        if section == self.result_column():
            return self.tr("Result")
        lesson = sheet.lessons[section - 1]
        # PySide6 takes a Python date; its stubs name QDate only:
        day = self.locale.toString(lesson.date, "dd.MM")  # type: ignore[call-overload]
        weekday = self.locale.dayName(lesson.date.isoweekday(), QLocale.FormatType.ShortFormat)
        kind = {"sor": self.tr("SOR"), "soch": self.tr("SOCH")}.get(lesson.kind)
        if lesson.cancelled is not None:
            kind = self.tr("cancelled")
        return f"{day}\n{weekday}" + (f"\n{kind}" if kind else "")

    def _work_header(self, work: Any, role: int) -> str:
        kind = {"sor": self.tr("SOR"), "soch": self.tr("SOCH")}[work.kind]
        if role == Qt.ItemDataRole.ToolTipRole:
            section = f"\n{work.section}" if work.section else ""
            return f"{kind}: {work.title}{section}\n" + self.tr("out of %1 points").replace("%1", str(work.max_points))
        return f"{kind}\n{self.locale.toString(work.date, 'dd.MM')}\n/{work.max_points}"
