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
