"""A report (desktop.report_document) written as an Excel workbook: a sheet per table, numbers kept as numbers, the
header frozen, and each chart as Excel's own chart over its data, so that Excel with Kazakh or Russian settings opens
it as columns (a comma-separated file it does not split).

openpyxl: the maintained pure-Python reader and writer of the format (no compiled parts, some 2 MB in the installer),
which the tests also read the files back with."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from desktop.report_document import Document

_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def write(path: Path, document: Document) -> None:
    """Write the document's tables and charts as a workbook at `path` (replacing any file there)."""
    book = Workbook()
    for empty in list(book.worksheets):  # the one a new workbook starts with
        book.remove(empty)
    used: set[str] = set()
    for table in document.tables:
        sheet = book.create_sheet(_sheet_name(table.title, used))
        sheet.append([document.title])
        sheet.append([document.subtitle])
        sheet.append([])
        for row in table.rows:
            sheet.append(["–" if cell is None else cell for cell in row])
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.freeze_panes = "B5"
        for column, values in enumerate(zip(*table.rows, strict=False), start=1):
            width = max(len(str(v)) for v in values if v is not None) if any(v is not None for v in values) else 4
            sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 6), 50)
    for chart in document.charts:
        sheet = book.create_sheet(_sheet_name(chart.title, used))
        sheet.append(["", *chart.categories])
        for name, points in chart.series:
            sheet.append([name, *points])
        drawn = BarChart() if chart.kind == "bars" else LineChart()
        drawn.title = chart.title
        drawn.add_data(Reference(sheet, min_col=1, max_col=len(chart.categories) + 1, min_row=2,
                                 max_row=len(chart.series) + 1), from_rows=True, titles_from_data=True)
        drawn.set_categories(Reference(sheet, min_col=2, max_col=len(chart.categories) + 1, min_row=1))
        drawn.width, drawn.height = 22, 11
        sheet.add_chart(drawn, f"A{len(chart.series) + 3}")
    if not book.sheetnames:
        book.create_sheet(_sheet_name(document.title, used))
    book.save(path)


def _sheet_name(title: str, used: set[str]) -> str:
    """A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = _NOT_IN_SHEET_NAMES.sub(" ", title).strip()[:28] or "Sheet"
    name, number = base, 2
    while name.lower() in used:
        name, number = f"{base} {number}", number + 1
    used.add(name.lower())
    return name
