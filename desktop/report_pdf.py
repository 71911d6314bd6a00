"""A report (desktop.report_document) written as a PDF for A4: Qt's own PDF writer and rich-text layout, already in
the app (PySide6-Essentials), so the fonts that show Kazakh and Russian on screen are the ones embedded in the file and
no library is added to the installer. Wide tables turn the page to landscape."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop import charts
from desktop.report_document import Cell, Document

NOWRAP = ' style="white-space: nowrap"'
WIDE = 8  # a table of more columns than this is printed across a landscape page


def write(path: Path, document: Document) -> None:
    """Write the document as a PDF at `path` (replacing any file there)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(document.title)
    writer.setCreator("Dala Journal")
    wide = any(len(table.rows[0]) > WIDE for table in document.tables if table.rows)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape if wide
                                     else QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    text = QTextDocument()
    text.documentLayout().setPaintDevice(writer)  # fonts measured at the page's resolution, not the screen's
    font = QFont("DejaVu Sans")  # where installed (Linux); elsewhere Qt falls back to the system's sans-serif
    font.setStyleHint(QFont.StyleHint.SansSerif)
    columns = max((len(table.rows[0]) for table in document.tables if table.rows), default=0)
    font.setPointSizeF(9 if columns <= WIDE else 7 if columns <= 2 * WIDE else 6)
    text.setDefaultFont(font)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    text.setPageSize(QSizeF(page.width(), page.height()))
    parts = [f"<h2>{html.escape(document.title)}</h2><p>{html.escape(document.subtitle)}</p>"]
    for index, chart in enumerate(document.charts):
        name = f"chart{index}.png"
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), charts.image(chart))
        # an image's width in a document is in the screen's pixels (96 a inch), whatever the page's resolution
        parts.append(f'<p><img src="{name}" width="{int(page.width() * 0.9 * 96 / writer.resolution())}"></p>')
    for table in document.tables:
        parts.append(f"<h3>{html.escape(table.title)}</h3>")
        if not table.rows[1:]:
            parts.append("<p>—</p>")
            continue
        head = "".join(f"<th>{_cell(c)}</th>" for c in table.rows[0])
        # the first column (a pupil's or a subject's name) kept on one line; the others wrap as they must
        body = "".join("<tr>" + "".join(f"<td{_align(c)}{NOWRAP if j == 0 else ''}>{_cell(c)}</td>"
                                        for j, c in enumerate(row)) + "</tr>" for row in table.rows[1:])
        parts.append(f'<table border="1" cellspacing="0" cellpadding="4" width="100%"><thead><tr>{head}</tr></thead>'
                     f"{body}</table>")
    text.setHtml("".join(parts))
    text.print_(writer)


def _cell(value: Cell) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return html.escape(str(value))


def _align(value: Cell) -> str:
    return ' align="right"' if isinstance(value, (int, float)) else ""
