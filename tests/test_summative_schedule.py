"""The scheduling limits of СОР and СОЧ, each broken once and kept once."""

from __future__ import annotations

import datetime as dt

from storage.summative_schedule import PlannedWork, Term, check

TERMS = [Term(dt.date(2026, 11, 3), dt.date(2026, 12, 26)), Term(dt.date(2027, 1, 8), dt.date(2027, 3, 18))]
D = dt.date


def work(id_: str, kind: str, day: dt.date, course: int = 1, klass: int = 10) -> PlannedWork:
    return PlannedWork(id_, course, klass, kind, day)


def codes(warnings) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.code for w in warnings]


def test_a_fourth_sor_in_a_term_is_flagged_but_not_one_in_the_next_term() -> None:
    three = [work(f"s{i}", "sor", D(2026, 11, 10 + 7 * i)) for i in range(3)]
    assert codes(check(work("new", "sor", D(2026, 12, 15)), three, TERMS)) == ["too_many_sor"]
    assert check(work("new", "sor", D(2027, 1, 20)), three, TERMS) == []
    assert check(work("new", "sor", D(2026, 12, 15), course=2), three, TERMS) == []  # another subject's
    assert check(three[0], three, TERMS) == []  # moving one of the three is no fourth


def test_at_most_three_soch_a_day_in_one_class() -> None:
    day = D(2026, 12, 21)
    others = [work(f"c{i}", "soch", day, course=i) for i in range(3)]
    found = check(work("new", "soch", day, course=9), others, TERMS)
    assert codes(found) == ["too_many_soch_in_a_day"] and found[0].params["count"] == 4
    assert check(work("new", "soch", day, course=9, klass=11), others, TERMS) == []  # another class


def test_no_soch_on_the_terms_last_day_nor_with_a_sor_of_the_subject() -> None:
    assert codes(check(work("new", "soch", D(2026, 12, 26)), [], TERMS)) == ["soch_on_last_day"]
    sor = work("s", "sor", D(2026, 12, 22))
    assert codes(check(work("new", "soch", D(2026, 12, 22)), [sor], TERMS)) == ["soch_with_sor"]
    assert codes(check(work("new", "sor", D(2026, 12, 22)), [work("c", "soch", D(2026, 12, 22))], TERMS)) == \
        ["soch_with_sor"]
    assert check(work("new", "soch", D(2026, 12, 22), course=2), [sor], TERMS) == []
    assert check(work("new", "soch", D(2026, 12, 23)), [sor], TERMS) == []


def test_the_journal_warns_about_a_fourth_sor_it_was_asked_to_add(db) -> None:  # type: ignore[no-untyped-def]
    from storage.journal import Journal
    from tests.school import lesson_spot

    spot = lesson_spot(db, "criteria")
    journal = Journal(db, spot.teacher_id)
    with db.read() as conn:
        held = conn.exec_driver_sql("SELECT count(*) FROM summative_work WHERE course_id = ? AND kind = 'sor' "
                                    "AND date BETWEEN '2026-11-03' AND '2026-12-26'", (spot.course_id,)).scalar_one()
    added = [journal.add_summative_work(spot.course_id, "sor", f"БЖБ {i}", 10, D(2026, 11, 4 + i))
             for i in range(4 - held)]
    assert held + len(added) == 4
    assert codes(journal.schedule_warnings(added[-1])) == ["too_many_sor"]  # four in one term: each is flagged


def test_a_subjects_groups_write_one_soch_of_the_class() -> None:
    """Two English groups' СОЧ on one day are the class's one СОЧ in English, not two of the three a day."""
    day = D(2026, 12, 21)
    others = [work("c0", "soch", day, course=1), work("c1", "soch", day, course=2),
              work("e1", "soch", day, course=3)]
    others = [PlannedWork(w.id, w.course_id, w.class_id, w.kind, w.date, subject_id=w.course_id + 100)
              for w in others]
    second_group = PlannedWork("e2", 4, 10, "soch", day, subject_id=103)  # English again, the other group
    assert check(second_group, others, TERMS) == []
    fourth = PlannedWork("x", 5, 10, "soch", day, subject_id=105)
    found = check(fourth, others + [second_group], TERMS)
    assert codes(found) == ["too_many_soch_in_a_day"] and found[0].params["count"] == 4


def test_the_last_day_is_the_classs_last_school_day_not_the_periods_end() -> None:
    """Term 2 ends on Saturday 26 December in the order; a five-day school's last day is Friday the 25th."""
    terms = [Term(D(2026, 11, 3), D(2026, 12, 26), D(2026, 12, 25))]
    assert codes(check(work("new", "soch", D(2026, 12, 25)), [], terms)) == ["soch_on_last_day"]
    assert check(work("new", "soch", D(2026, 12, 24)), [], terms) == []


def test_the_journal_judges_the_last_school_day_from_its_calendar(db) -> None:  # type: ignore[no-untyped-def]
    """The term's last day in the order is a day off (a holiday moved there): the class's last school day is the
    school day before it, and a СОЧ there is flagged."""
    from storage.journal import Journal
    from tests.school import lesson_spot

    spot = lesson_spot(db, "criteria")
    with db.write() as conn:
        end, year = conn.exec_driver_sql("SELECT end_date, year_id FROM period WHERE kind = 'term' AND number = 2"
                                         ).one()
        end = D.fromisoformat(str(end))
        conn.exec_driver_sql("INSERT INTO day_off (id, year_id, from_date, to_date, grade_from, grade_to, kind, name) "
                             "VALUES ((SELECT coalesce(max(id), 0) + 1 FROM day_off), ?, ?, ?, 0, 12, 'holiday', "
                             "'Демалыс')", (year, end.isoformat(), end.isoformat()))
    last = end - dt.timedelta(1)
    while last.isoweekday() > 5:
        last -= dt.timedelta(1)
    journal = Journal(db, spot.teacher_id)
    on_last = journal.add_summative_work(spot.course_id, "soch", "ТЖБ", 20, last)
    assert "soch_on_last_day" in codes(journal.schedule_warnings(on_last))  # before: only on the period's end


def test_a_work_that_would_count_nowhere_is_refused_on_the_pc_and_on_the_server(db) -> None:  # type: ignore[no-untyped-def]
    """No СОР or СОЧ in a pass/fail or classic course or in grade 1; no СОЧ in a one-hour subject (graded per
    half-year from ФО and СОР): refused with the cause, nothing kept."""
    import pytest

    from core.errors import InvalidWork
    from storage.journal import Journal

    with db.read() as conn:
        passfail = conn.exec_driver_sql("SELECT id FROM course WHERE scale = 'passfail' LIMIT 1").scalar_one()
        one_hour = conn.exec_driver_sql("SELECT id FROM course WHERE scale = 'criteria' AND hours_per_week = 1 "
                                        "LIMIT 1").scalar_one()
        works = conn.exec_driver_sql("SELECT count(*) FROM summative_work").scalar_one()
    admin = Journal(db, None, is_admin=True)
    with pytest.raises(InvalidWork) as refused:
        admin.add_summative_work(passfail, "sor", "СОР", 10, D(2026, 11, 18))
    assert refused.value.params["why"] == "not_by_works"
    with pytest.raises(InvalidWork) as refused:
        admin.add_summative_work(one_hour, "soch", "СОЧ", 20, D(2026, 12, 18))
    assert refused.value.params["why"] == "no_soch_in_one_hour"
    assert admin.add_summative_work(one_hour, "sor", "СОР", 10, D(2026, 11, 18))  # a СОР it has
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM summative_work").scalar_one() == works + 1
