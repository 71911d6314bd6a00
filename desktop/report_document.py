"""A report as the teacher saves or prints it: a title, tables (header first) and charts, in her language; written
out as PDF (desktop.report_pdf) or XLSX (desktop.report_xlsx) by the same description."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    title: str
    rows: Sequence[Sequence[Cell]]  # the header first; numbers stay numbers, so a spreadsheet can count them


@dataclass(frozen=True)
class Chart:
    """Bars (one group per category, one bar per series) or lines (one line per series over the categories)."""

    title: str
    kind: str  # "bars" or "lines"
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # (name, a value per category; None: none yet)
    lowest: float = 0.0  # the value axis from `lowest` to the largest value (to `highest` where set)
    highest: float | None = None


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str  # the school, the class, the period: what the page is about
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    file_name: str = "report"  # offered when saving, without its extension
