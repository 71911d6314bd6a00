"""The class teacher opens her class's summary from the Journal menu: every pupil's term and year marks in every
subject of the class and the lessons he missed, as the journal holds them; a teacher who is no class teacher is
told so (saving it: test_reports_window)."""

from __future__ import annotations

from core import school_reports
from desktop.class_summary_dialog import ClassSummaryDialog
from storage.journal_sheet import driver_connection
from tests.desktop.conftest import TODAY, teacher_window


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
    window = teacher_window(qtbot, db, settings, teacher)
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
    window = teacher_window(qtbot, db, settings, teacher)
    assert not window.class_summary_action.isEnabled()
    window.on_class_summary()
    assert window.findChild(ClassSummaryDialog, "classSummaryDialog") is None
    assert window.hint.text() == "You are not the class teacher of any class."
