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
from server.extract import Extract

ATTENDANCE = ("absent", "ill", "excused", "late")
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
    """The extract as a PDF: the pupil, his classes, one row a subject (marks by date, period marks), the date."""
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
    born = f", {t('birth_date')}: {extract.born:%d.%m.%Y}" if extract.born else ""
    pdf.multi_cell(0, 6, extract.name + born, new_x="LMARGIN", new_y="NEXT")
    stays = "; ".join(f"{t('class')} {name}: {t('from')} {first:%d.%m.%Y}"
                      + (f" {t('until')} {last:%d.%m.%Y}" if last else "") for name, first, last in extract.stays)
    pdf.multi_cell(0, 6, stays, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("body", size=9)
    heads = FontFace(emphasis="", fill_color=(230, 230, 230))  # one face of the font: no bold to embed
    with pdf.table(col_widths=(30, 110, 50), text_align="LEFT", headings_style=heads) as table:
        table.row([t("subject"), t("marks_by_date"), t("period_marks")])
        for line in extract.subjects:
            marks = ", ".join(f"{day:%d.%m}: {t('attendance_' + mark) if mark in ATTENDANCE else mark}"
                              for day, mark in line.marks)
            periods = "; ".join(f"{t('period_' + kind, number=number)}: {'–' if mark is None else mark}"
                                for kind, number, mark in line.periods)
            table.row([line.names.get(language, line.names["en"]), marks, periods])
    pdf.ln(3)
    pdf.set_font("body", size=11)
    pdf.multi_cell(0, 6, f"{t('extract_date')}: {today:%d.%m.%Y}", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
