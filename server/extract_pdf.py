"""A pupil's marks extract (server.extract) as a PDF in the admin's language: the printable half of the transfer
extract, made by the server so the school he goes to gets it with the pages it imports (server.transfer_extract).

Laid out by fpdf2 (pure Python, maintained; the server imports no Qt, so not the app's QPdfWriter) in DejaVu Sans,
which has the Kazakh letters: Debian's fonts-dejavu-core, or the file DALA_PDF_FONT names.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from server.console_text import text
from server.extract import Extract, shown

_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf")


class NoFont(RuntimeError):
    """No font with the Kazakh letters is installed for the PDF."""


def font_file() -> Path:
    """The TTF the PDF is set in: DALA_PDF_FONT, else DejaVu Sans where Debian (or Arch) puts it."""
    chosen = os.environ.get("DALA_PDF_FONT")
    for candidate in ([chosen] if chosen else list(_FONTS)):
        if Path(candidate).is_file():
            return Path(candidate)
    raise NoFont(f"no font for the PDF: install fonts-dejavu-core, or set DALA_PDF_FONT to a TTF file "
                 f"({chosen or ', '.join(_FONTS)} not found)")


def render(extract: Extract, language: str, today: dt.date) -> bytes:
    """The extract as a PDF: the pupil, his classes, one row a subject (marks and absences by date, summative works'
    points, period marks), the date it was issued."""
    from fpdf import FPDF  # loaded when a PDF is asked for, not by every worker at start
    from fpdf.fonts import FontFace

    def t(key: str, **params: object) -> str:
        return text(key, language, **params)

    pdf = FPDF(format="A4")
    pdf.set_title(f"{t('extract_title')}: {extract.name}")
    pdf.set_creator("Dala Journal")
    pdf.add_font("body", fname=str(font_file()))
    pdf.set_font("body", size=14)
    pdf.add_page()
    pdf.multi_cell(0, 8, t("extract_title"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=11)
    said = shown(extract, language)
    born = f", {t('birth_date')}: {said.born}" if said.born else ""
    pdf.multi_cell(0, 6, said.name + born, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, "; ".join(said.stays), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("body", size=9)
    heads = FontFace(emphasis="", fill_color=(230, 230, 230))  # one face of the font: no bold to embed
    with pdf.table(col_widths=(28, 87, 40, 35), text_align="LEFT", headings_style=heads) as table:
        table.row([t("subject"), t("marks_by_date"), t("summative_works"), t("period_marks")])
        for row in said.rows:
            table.row(list(row))
    pdf.ln(3)
    pdf.set_font("body", size=11)
    pdf.multi_cell(0, 6, f"{t('extract_date')}: {today:%d.%m.%Y}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
