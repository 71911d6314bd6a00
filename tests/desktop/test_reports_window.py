"""The reports as a class teacher uses them, through the real window: the end-of-term report of her class, attendance
and the year's outcomes on screen with the class's marks by term drawn; saved as PDF (rendered to PNG under
tests/artifacts/ for a person to look at, its text read back) and for Excel (read back with openpyxl: the numbers on
screen); the summary sheet and a pupil's extract with his marks over the year; the journal page. A teacher who is no
class teacher is not offered reports: her PC holds parts of classes."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QPushButton

from core import school_reports
from desktop import i18n
from desktop.class_summary_dialog import ClassSummaryDialog
from desktop.reports_dialog import ReportsDialog
from storage.journal_sheet import driver_connection
from tests.desktop.conftest import TODAY, teacher_window

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (.ci/run installs it)")



def _class_teacher(db) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.exec_driver_sql(
            "SELECT k.id, k.homeroom_teacher_id, s.language FROM school_class k, school s WHERE k.homeroom_teacher_id "
            "IS NOT NULL AND k.grade = 7 ORDER BY k.id LIMIT 1").one()


def _saving_to(monkeypatch, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The system's save dialog answered with `target`, as she would; what it offered first is kept."""
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, start, _filter: (offered.append(start), (str(target), ""))[1])
    return offered


def _text(pdf: Path, png: str) -> str:
    """The PDF's text, and its first page as a PNG under tests/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / png)], check=True)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def _value(cell: object) -> object:
    """A cell as a number where it is one (Excel keeps 56.0 as 56), else its text."""
    try:
        return float(cell)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return cell


def _button(dialog, text: str) -> QPushButton:  # type: ignore[no-untyped-def]
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def _coloured(png: Path) -> int:
    """How many of the picture's pixels are clearly coloured (a chart's bars or lines; text is black on white)."""
    image = QImage(str(png))
    found = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            colour = image.pixelColor(x, y)
            found += max(colour.red(), colour.green(), colour.blue()) - min(colour.red(), colour.green(),
                                                                             colour.blue()) > 80
    return found


@needs_poppler
def test_the_class_teachers_end_of_term_report_on_screen_in_pdf_and_excel(qtbot, db, settings, tmp_path,
                                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class_id, teacher, language = _class_teacher(db)
    window = teacher_window(qtbot, db, settings, teacher)
    assert window.reports_action.isEnabled()
    window.reports_action.trigger()
    dialog = window.findChild(ReportsDialog, "reportsDialog")
    assert dialog is not None and dialog.isVisible()
    term = next(p for p in window.periods if p.kind == "term" and p.start <= TODAY <= p.end)
    assert dialog.periods.currentData() == term.id, "the term in progress is shown first"
    with db.read() as conn:
        expected = school_reports.term_report(driver_connection(conn), class_id, term.id, TODAY)
    table = dialog.tabs.widget(0)
    assert dialog.tabs.tabText(0) == "Marks by subject"
    on_screen = [[table.item(i, j).text() for j in range(table.columnCount())] for i in range(table.rowCount())]
    assert [row[0] for row in on_screen] == [line.subject for line in expected] and len(expected) >= 8
    for row, line in zip(on_screen, expected, strict=True):
        assert row[1:5] == [str(line.counts[m]) for m in (5, 4, 3, 2)]
        assert row[8] == ("–" if line.quality is None else f"{float(line.quality):.1f}")
    assert sum(int(row[j]) for row in on_screen for j in range(1, 5)) > 0, "the demo school's term so far has marks"
    assert dialog.chart.chart is not None and dialog.chart.chart.kind == "bars"

    pdf = tmp_path / "7A term.pdf"
    offered = _saving_to(monkeypatch, pdf)
    _button(dialog, "Save as PDF…").click()
    assert Path(offered[0]).parent != Path.cwd() and offered[0].endswith(".pdf")
    if os.name == "posix":
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert "not encrypted" in window.hint.text() and str(pdf) in window.hint.text()
    text = _text(pdf, "report_term")
    school_words = i18n.words(language)
    assert school_words("End-of-term report") in text  # in the school's language, whatever hers on screen
    if language != "en":
        assert "End-of-term report" not in text
    for line in expected:
        assert line.subject in text
    assert _coloured(ARTIFACTS / "report_term.png") > 100, "the marks-by-term chart is drawn"

    xlsx = tmp_path / "7A term.xlsx"
    _saving_to(monkeypatch, xlsx)
    _button(dialog, "Save for Excel…").click()
    book = load_workbook(xlsx)
    sheet = book.worksheets[0]
    saved = [[cell for cell in row] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert [[_value(c) for c in row] for row in saved] == [[_value(c) for c in row] for row in on_screen]
    assert all(isinstance(row[1], int) for row in saved), "counts are numbers Excel can add up"
    assert len(book.worksheets) == len(dialog.document.tables) + 1  # and the chart's data, with Excel's chart
    assert book.worksheets[-1]._charts


def test_a_teacher_who_is_no_class_teacher_is_not_offered_reports(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        [(teacher,)] = conn.exec_driver_sql(
            "SELECT t.id FROM teacher t WHERE NOT EXISTS (SELECT 1 FROM school_class k WHERE k.homeroom_teacher_id "
            "= t.id) AND EXISTS (SELECT 1 FROM course c WHERE c.teacher_id = t.id) ORDER BY t.id LIMIT 1").all()
    window = teacher_window(qtbot, db, settings, teacher)
    assert not window.reports_action.isEnabled() and not window.class_summary_action.isEnabled()
    window.on_reports()
    assert window.findChild(ReportsDialog, "reportsDialog") is None
    assert "class teacher" in window.hint.text()


@needs_poppler
def test_the_summary_sheet_and_a_pupils_extract_with_his_marks_over_the_year(qtbot, db, settings, tmp_path,
                                                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class_id, teacher, language = _class_teacher(db)
    window = teacher_window(qtbot, db, settings, teacher)
    window.class_summary_action.trigger()
    dialog = window.findChild(ClassSummaryDialog, "classSummaryDialog")
    assert dialog is not None and dialog.summary is not None
    pupil = dialog.summary.pupils[2]
    dialog.table.setCurrentCell(2, 0)
    assert dialog.chart.chart is not None and dialog.chart.chart.kind == "lines"
    assert {name for name, _ in dialog.chart.chart.series} <= set(pupil.subjects)

    summary_pdf = tmp_path / "summary.pdf"
    _saving_to(monkeypatch, summary_pdf)
    _button(dialog, "Save as PDF…").click()
    text = _text(summary_pdf, "class_summary")
    assert dialog.summary.pupils[0].name in text and dialog.summary.pupils[-1].name.split()[0] in text

    extract = tmp_path / "extract.pdf"
    _saving_to(monkeypatch, extract)
    _button(dialog, "Save the pupil's marks extract…").click()
    text = _text(extract, "pupil_extract")
    assert pupil.name in text and i18n.words(language)("Marks extract") in text
    for subject in pupil.subjects:
        assert subject in text
    drawn = dict(dialog.chart.chart.series)
    for subject, (terms, _year) in pupil.subjects.items():
        if subject in drawn:
            assert drawn[subject] == [float(m) if isinstance(m, int) else None for m in terms]
    assert any(v is not None for values in drawn.values() for v in values), "the pupil has term marks in the demo"
    assert _coloured(ARTIFACTS / "pupil_extract.png") > 20, "his marks over the year are drawn"


@needs_poppler
def test_the_journal_page_on_screen_is_saved_as_pdf(qtbot, db, settings, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _class_id, teacher, _language = _class_teacher(db)
    window = teacher_window(qtbot, db, settings, teacher)
    sheet = window.model.sheet
    assert sheet is not None
    page = tmp_path / "page.pdf"
    _saving_to(monkeypatch, page)
    window.journal_page_action.trigger()
    text = _text(page, "journal_page")
    assert sheet.pupils[0].name in text and sheet.pupils[-1].name.split()[0] in text
    assert window.course_box.currentText().split(" · ")[0] in text


def test_an_exam_mark_is_typed_in_the_years_journal_of_a_ninth_grade(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    """Journal → Exam or year test mark… on the year's journal of a 9th-grade subject: the dialog offers the final
    attestation's exam, and the mark chosen is kept; on a term it is not offered, and she is told why."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.attestation_dialog import AttestationDialog

    with db.read() as conn:
        course, teacher = conn.exec_driver_sql(
            "SELECT c.id, c.teacher_id FROM course c JOIN school_class k ON k.id = c.class_id WHERE k.grade = 9 AND "
            "c.scale IN ('criteria', 'classic') AND c.subgroup_id IS NULL ORDER BY c.id LIMIT 1").one()
    window = teacher_window(qtbot, db, settings, teacher)
    window.course_box.setCurrentIndex(window.course_box.findData(course))
    window.view.setCurrentIndex(window.model.index(0, 0))
    window.on_attestation()
    assert "year" in window.hint.text()  # a term's journal is shown first
    year = next(p for p in window.periods if p.kind == "year")
    window.period_box.setCurrentIndex(window.period_box.findData(year.id))
    window.view.setCurrentIndex(window.model.index(0, 0))
    pupil = window.model.sheet.pupils[0]
    offered: list[list[str]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AttestationDialog):
            QTimer.singleShot(20, answer)
            return
        offered.append([dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count())])
        dialog.mark_box.setCurrentIndex(dialog.mark_box.findData(4))
        dialog.accept()

    QTimer.singleShot(20, answer)
    window.on_attestation()
    assert offered and offered[0][0] == "exam"
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT attestation_kind, attestation_mark FROM period_mark WHERE course_id = ? "
                                    "AND period_id = ? AND pupil_id = ?", (course, year.id, pupil.id)).one() \
            == ("exam", 4)
