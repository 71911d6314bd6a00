"""The class teacher opens her class's summary from the Journal menu: every pupil's term and year marks in every
subject of the class and the lessons he missed, as the journal holds them; a teacher who is no class teacher is
told so."""

from __future__ import annotations

from core import school_reports
from desktop import i18n
from desktop.class_summary_dialog import ClassSummaryDialog
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.worker import Worker
from storage.journal_sheet import driver_connection
from tests.desktop.conftest import TODAY


def _window(qtbot, db, settings, teacher: int) -> MainWindow:  # type: ignore[no-untyped-def]
    i18n.use_language("en")
    window = MainWindow(JournalAccess(db.path, teacher, db=db), Worker(synchronous=True), settings, "en", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window


def test_the_class_teacher_sees_her_class_across_subjects(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        class_id, teacher = conn.exec_driver_sql(
            "SELECT id, homeroom_teacher_id FROM school_class WHERE homeroom_teacher_id IS NOT NULL AND grade = 7 "
            "ORDER BY id LIMIT 1").one()
        expected = school_reports.year_marks(driver_connection(conn), class_id, TODAY)
        [(missed,)] = conn.exec_driver_sql(
            "SELECT count(*) FROM lesson_cell x JOIN lesson l ON l.id = x.lesson_id JOIN course c "
            "ON c.id = l.course_id WHERE c.class_id = ? AND x.pupil_id = ? AND x.attendance IN "
            "('absent', 'ill', 'excused')", (class_id, expected[0].pupil_id)).all()
    window = _window(qtbot, db, settings, teacher)
    window.class_summary_action.trigger()
    dialog = window.findChild(ClassSummaryDialog, "classSummaryDialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    subjects = sorted(expected[0].subjects)
    assert [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())] == [
        "Pupil", *subjects, "Lessons missed (ill)"]
    assert table.rowCount() == len(expected) >= 20
    first = expected[0]
    assert table.item(0, 0).text() == first.name
    terms, year = first.subjects[subjects[0]]
    shown = table.item(0, 1).text()
    assert shown.endswith(" | " + ("–" if year is None else str(year)))
    assert shown.split(" | ")[0].split() == ["–" if m is None else str(m) for m in terms]
    assert table.item(0, table.columnCount() - 1).text().startswith(f"{missed} (")


def test_a_teacher_who_is_no_class_teacher_is_told_so(qtbot, db, settings) -> None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        [(teacher,)] = conn.exec_driver_sql(
            "SELECT t.id FROM teacher t WHERE NOT EXISTS (SELECT 1 FROM school_class k WHERE k.homeroom_teacher_id "
            "= t.id) AND EXISTS (SELECT 1 FROM course c WHERE c.teacher_id = t.id) ORDER BY t.id LIMIT 1").all()
    window = _window(qtbot, db, settings, teacher)
    window.class_summary_action.trigger()
    assert window.findChild(ClassSummaryDialog, "classSummaryDialog") is None
    assert window.hint.text() == "You are not the class teacher of any class."


def test_an_exported_summary_warns_that_it_is_not_encrypted_and_is_hers_alone(qtbot, db, settings, tmp_path,
                                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Export as CSV from the summary: the file holds the table, is readable by her account only, and she is told it
    is not encrypted. (The save dialog is the system's: it is answered with a path, as she would.)"""
    import os
    import stat
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QPushButton

    with db.read() as conn:
        [(teacher,)] = conn.exec_driver_sql("SELECT homeroom_teacher_id FROM school_class WHERE homeroom_teacher_id "
                                            "IS NOT NULL ORDER BY id LIMIT 1").all()
    target = tmp_path / "7A.csv"
    target.write_text("an older file, open to all")
    os.chmod(target, 0o644)
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, _title, start, _filter: (offered.append(start), (str(target), ""))[1])
    window = _window(qtbot, db, settings, teacher)
    window.class_summary_action.trigger()
    dialog = window.findChild(ClassSummaryDialog, "classSummaryDialog")
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Export as CSV…").click()
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == dialog.table.rowCount() + 1 and rows[0].startswith("Pupil,")
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "not encrypted" in window.hint.text() and str(target) in window.hint.text()
    offered_at = Path(offered[0])  # her documents, not the folder the program runs in
    assert offered_at.is_absolute() and offered_at.parent != Path.cwd() and offered_at.name == "report.csv"
