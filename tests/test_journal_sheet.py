"""Loading one class-subject journal for the grid: rows, columns and cells in the right places."""

from __future__ import annotations

from sqlalchemy import text

from storage import journal_sheet
from storage.collation import name_key
from storage.journal import Journal
from tests import school


def period(db, kind, number=1):
    with db.read() as conn:
        return conn.execute(text("SELECT id FROM period WHERE kind = :k AND number = :n"),
                            {"k": kind, "n": number}).scalar_one()


def test_the_sheet_holds_exactly_the_course_cells_of_the_term(db):
    spot = school.lesson_spot(db)
    with db.read() as conn:
        term = period(db, "term", 2)
        sheet = journal_sheet.load(conn, spot.course_id, term)
        start, end = conn.execute(text("SELECT start_date, end_date FROM period WHERE id = :p"), {"p": term}).one()
        expected = conn.execute(text(
            "SELECT c.lesson_id, c.pupil_id, c.attendance, c.mark, c.comment FROM lesson_cell c "
            "JOIN lesson l ON l.id = c.lesson_id WHERE l.course_id = :c AND l.date BETWEEN :s AND :e"),
            {"c": spot.course_id, "s": start, "e": end}).all()
        lesson_dates = conn.execute(text(
            "SELECT date FROM lesson WHERE course_id = :c AND date BETWEEN :s AND :e ORDER BY date, slot"),
            {"c": spot.course_id, "s": start, "e": end}).scalars().all()
    assert [lesson.date.isoformat() for lesson in sheet.lessons] == lesson_dates
    got = {(sheet.lessons[col].id, sheet.pupils[row].id, *value) for (row, col), value in sheet.cells.items()}
    assert got == {tuple(r) for r in expected}
    assert len(sheet.pupils) >= 20


def test_pupils_are_listed_in_kazakh_alphabetical_order(db):
    spot = school.lesson_spot(db)
    with db.read() as conn:
        sheet = journal_sheet.load(conn, spot.course_id, period(db, "year"))
    keys = [(name_key(p.last_name), name_key(p.first_name)) for p in sheet.pupils]
    assert keys == sorted(keys)
    assert name_key("Әбенов") > name_key("Ахметов") and name_key("Әбенов") < name_key("Бекова")
    assert name_key("Құрманов") > name_key("Кузнецов") and name_key("Құрманов") < name_key("Лебедев")


def test_a_fresh_write_shows_in_the_next_load(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    journal.set_comment(spot.lesson_id, spot.pupil_id, "Тексерілді")
    with db.read() as conn:
        sheet = journal_sheet.load(conn, spot.course_id, period(db, "term", 2))
    cell = sheet.cells[(sheet.row_of[spot.pupil_id], sheet.column_of[spot.lesson_id])]
    assert cell[2] == "Тексерілді"


def test_a_pupil_who_moved_shows_in_both_classes_only_for_their_days(db):
    with db.read() as conn:
        pupil, old_class, left = conn.execute(text(
            "SELECT pupil_id, class_id, to_date FROM class_membership WHERE to_date IS NOT NULL")).one()
        new_class = conn.execute(text("SELECT class_id FROM class_membership WHERE pupil_id = :p AND to_date IS NULL"),
                                 {"p": pupil}).scalar_one()
        courses = {k: conn.execute(text("SELECT id FROM course WHERE class_id = :k AND subgroup_id IS NULL "
                                        "AND scale = 'criteria' ORDER BY id LIMIT 1"), {"k": k}).scalar_one()
                   for k in (old_class, new_class)}
        term2 = period(db, "term", 2)
        old_sheet = journal_sheet.load(conn, courses[old_class], term2)
        new_sheet = journal_sheet.load(conn, courses[new_class], term2)
    old_row = old_sheet.pupils[old_sheet.row_of[pupil]]
    new_row = new_sheet.pupils[new_sheet.row_of[pupil]]
    assert old_row.active_to.isoformat() == left
    assert new_row.active_from > old_row.active_to
    for sheet, row in ((old_sheet, old_sheet.row_of[pupil]), (new_sheet, new_sheet.row_of[pupil])):
        for col, lesson in enumerate(sheet.lessons):
            assert sheet.editable(row, col) == (sheet.pupils[row].active_from <= lesson.date
                                                <= sheet.pupils[row].active_to)
        assert any(sheet.editable(row, c) for c in range(len(sheet.lessons)))
        assert not all(sheet.editable(row, c) for c in range(len(sheet.lessons)))


def test_a_subgroup_sheet_lists_only_its_pupils(db):
    spot = school.lesson_spot(db, subgroup=True)
    with db.read() as conn:
        members = set(conn.execute(text(
            "SELECT pupil_id FROM subgroup_member WHERE subgroup_id = (SELECT subgroup_id FROM course WHERE id = :c)"),
            {"c": spot.course_id}).scalars())
        sheet = journal_sheet.load(conn, spot.course_id, period(db, "term", 2))
    assert {p.id for p in sheet.pupils} == members
