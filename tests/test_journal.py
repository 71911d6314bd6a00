"""What a teacher's change leaves in the journal: the value, one outbox operation, one audit entry —
all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import hlc, ids
from core.errors import InvalidLesson
from storage import audit, outbox
from storage.journal import Journal
from tests import school


def ops(db):
    with db.read() as conn:
        return outbox.pending(conn)


def trail(db):
    with db.read() as conn:
        return audit.entries(conn)


def fresh_mark(journal, spot, *avoid):
    """A mark different from what the cell holds now (and from `avoid`)."""
    current = journal.cell(spot.lesson_id, spot.pupil_id).mark
    return next(m for m in range(10, -1, -1) if m != current and m not in avoid)


def test_a_mark_writes_value_outbox_operation_and_audit_entry(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    old = journal.cell(spot.lesson_id, spot.pupil_id)
    mark = fresh_mark(journal, spot)

    assert journal.set_mark(spot.lesson_id, spot.pupil_id, mark)

    assert journal.cell(spot.lesson_id, spot.pupil_id).mark == mark
    [op] = ops(db)
    assert (op.entity, op.key, op.field, op.value) == (
        "cell", f"{spot.lesson_id}/{spot.pupil_id}", "mark", mark)
    assert op.seq == 1 and op.base == old.server_version and not op.sent
    [entry] = trail(db)
    assert (entry.actor_id, entry.field, entry.old_value, entry.new_value) == (spot.teacher_id, "mark", old.mark, mark)
    assert entry.device_id == op.device_id and entry.hlc == op.hlc


def test_writing_the_value_already_there_changes_nothing(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    mark = fresh_mark(journal, spot)
    journal.set_mark(spot.lesson_id, spot.pupil_id, mark)
    before = school.snapshot(db)
    assert journal.set_mark(spot.lesson_id, spot.pupil_id, mark) is False
    assert school.snapshot(db) == before


def test_later_unsent_edits_supersede_the_queued_one_and_the_audit_keeps_all(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    first = fresh_mark(journal, spot)
    second = fresh_mark(journal, spot, first)
    journal.set_mark(spot.lesson_id, spot.pupil_id, first)
    journal.set_attendance(spot.lesson_id, spot.pupil_id, "late")
    journal.set_mark(spot.lesson_id, spot.pupil_id, second)
    journal.clear_mark(spot.lesson_id, spot.pupil_id)

    queued = ops(db)
    assert [(o.seq, o.field, o.value) for o in queued] == [(1, "mark", None), (2, "attendance", "late")]
    assert [(e.field, e.new_value) for e in trail(db)] == [
        ("mark", first), ("attendance", "late"), ("mark", second), ("mark", None)]
    assert queued[0].hlc > queued[1].hlc, "the rewritten operation carries the latest clock"


def test_an_operation_on_the_wire_is_never_rewritten(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    first = fresh_mark(journal, spot)
    journal.set_mark(spot.lesson_id, spot.pupil_id, first)
    with db.write() as conn:
        outbox.mark_sent(conn, [1])
    second = fresh_mark(journal, spot, first)
    journal.set_mark(spot.lesson_id, spot.pupil_id, second)
    third = fresh_mark(journal, spot, first, second)
    journal.set_mark(spot.lesson_id, spot.pupil_id, third)

    assert [(o.seq, o.value, o.sent) for o in ops(db)] == [(1, first, True), (2, third, False)]
    with db.write() as conn:
        outbox.acknowledge(conn, [1, 2])
        assert outbox.count(conn) == 0
    journal.set_mark(spot.lesson_id, spot.pupil_id, first)
    assert [o.seq for o in ops(db)] == [3], "sequence numbers keep rising without gaps"


def test_base_version_is_the_server_version_the_teacher_saw(db):
    spot = school.lesson_spot(db)
    with db.write() as conn:
        conn.execute(text("INSERT INTO lesson_cell (lesson_id, pupil_id, mark, server_version) VALUES (:l, :p, 5, 7) "
                          "ON CONFLICT DO UPDATE SET mark = 5, server_version = 7"),
                     {"l": spot.lesson_id, "p": spot.pupil_id})
    journal = Journal(db, spot.teacher_id)
    journal.set_mark(spot.lesson_id, spot.pupil_id, 6)
    journal.set_comment(spot.lesson_id, spot.pupil_id, "Молодец")
    assert {o.field: o.base for o in ops(db)} == {"mark": 7, "comment": 7}
    assert journal.cell(spot.lesson_id, spot.pupil_id).server_version == 7


def test_new_cell_starts_at_version_zero(db):
    spot = school.lesson_spot(db)
    with db.write() as conn:
        conn.execute(text("DELETE FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p"),
                     {"l": spot.lesson_id, "p": spot.pupil_id})
    Journal(db, spot.teacher_id).set_attendance(spot.lesson_id, spot.pupil_id, "absent")
    [op] = ops(db)
    assert op.base == 0 and op.value == "absent"


def test_topic_and_homework(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    assert journal.set_topic(spot.lesson_id, "  Бөлшектерді қосу  ")
    assert journal.set_homework(spot.lesson_id, "§12, 3-жаттығу")
    assert journal.set_homework(spot.lesson_id, "") is True  # cleared
    with db.read() as conn:
        topic, homework = conn.execute(text("SELECT topic, homework FROM lesson WHERE id = :l"),
                                       {"l": spot.lesson_id}).one()
    assert (topic, homework) == ("Бөлшектерді қосу", None)
    assert [(o.entity, o.field, o.value) for o in ops(db)] == [
        ("lesson", "topic", "Бөлшектерді қосу"), ("lesson", "homework", None)]


def test_an_extra_lesson_gets_the_id_every_device_would_give_it(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    day = dt.date(2026, 11, 21)  # a Saturday: no timetable lessons
    lesson_id = journal.add_lesson(spot.course_id, day, 7, topic="Қосымша сабақ")
    assert lesson_id == ids.lesson_id(spot.course_id, day, 7)
    [op] = ops(db)
    assert (op.entity, op.key, op.field) == ("lesson", lesson_id, "create")
    assert op.value == {"id": lesson_id, "course_id": spot.course_id, "date": "2026-11-21", "slot": 7,
                        "kind": "regular", "topic": "Қосымша сабақ", "homework": None}
    assert journal.set_mark(lesson_id, spot.pupil_id, 9)


def test_parallel_subgroups_may_share_a_slot(db):
    spot = school.lesson_spot(db, subgroup=True)
    with db.read() as conn:
        sibling, sibling_teacher = conn.execute(text(
            "SELECT o.id, o.teacher_id FROM course o JOIN course c ON c.class_id = o.class_id "
            "AND c.subject_id = o.subject_id WHERE c.id = :c AND o.id != c.id"), {"c": spot.course_id}).one()
    day = dt.date(2026, 11, 21)
    Journal(db, spot.teacher_id).add_lesson(spot.course_id, day, 2)
    Journal(db, sibling_teacher).add_lesson(sibling, day, 2)
    assert len(ops(db)) == 2


def test_summative_work_and_scores(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    work = journal.add_summative_work(spot.course_id, "sor", "СОР №3", 15, spot.date, section="Бөлшектер",
                                      lesson_id=spot.lesson_id)
    assert journal.enter_score(work, spot.pupil_id, 12)
    assert journal.set_score_comment(work, spot.pupil_id, "Бөлшектерді қайталау керек")
    assert [(o.entity, o.field) for o in ops(db)] == [("work", "create"), ("score", "points"), ("score", "comment")]
    with db.read() as conn:
        period = conn.execute(text("SELECT period_id FROM summative_work WHERE id = :w"), {"w": work}).scalar_one()
        term2 = conn.execute(text("SELECT id FROM period WHERE kind = 'term' AND number = 2")).scalar_one()
    assert period == term2


def test_the_clock_never_goes_backwards_when_the_pc_clock_does(db):
    spot = school.lesson_spot(db)
    times = iter([dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC), dt.datetime(2026, 11, 19, 10, tzinfo=dt.UTC),
                  dt.datetime(2027, 11, 20, 10, tzinfo=dt.UTC), dt.datetime(2026, 11, 20, 10, 5, tzinfo=dt.UTC)])
    journal = Journal(db, spot.teacher_id, clock=lambda: next(times))
    journal.set_attendance(spot.lesson_id, spot.pupil_id, "late")
    journal.set_comment(spot.lesson_id, spot.pupil_id, "a")
    journal.set_comment(spot.lesson_id, spot.pupil_id, "b")
    journal.set_mark(spot.lesson_id, spot.pupil_id, fresh_mark(journal, spot))
    stamps = [e.hlc for e in trail(db)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    assert hlc.unpack(stamps[1])[0] == hlc.unpack(stamps[0])[0], "wall time held when the clock stepped back"
    # The audit keeps the PC's own (wrong) time too, for whoever reviews it.
    assert [e.at[:10] for e in trail(db)] == ["2026-11-20", "2026-11-19", "2027-11-20", "2026-11-20"]


def test_a_change_whose_audit_entry_fails_is_not_applied_at_all(db):
    """A fault injected in the real database (a trigger that aborts the audit insert) rolls back the
    value and the outbox operation written before it in the same transaction."""
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    with db.write() as conn:
        conn.execute(text("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_entry "
                          "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"))
    before = school.snapshot(db)
    with pytest.raises(Exception, match="disk trouble"):
        journal.set_mark(spot.lesson_id, spot.pupil_id, fresh_mark(journal, spot))
    assert school.snapshot(db) == before


def test_the_local_audit_is_hash_chained_and_a_changed_entry_is_named(db):
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    for mark in (3, 4, 5, 6):
        journal.set_mark(spot.lesson_id, spot.pupil_id, mark)
    with db.read() as conn:
        assert audit.verify(conn) is None
        ids = [e.id for e in audit.entries(conn)]
    assert len(ids) == 4
    with db.write() as conn:
        conn.execute(text("UPDATE audit_entry SET new_value = '9' WHERE id = :i"), {"i": ids[2]})
    with db.read() as conn:
        assert audit.verify(conn) == (ids[2], 2)
    with db.write() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE id = :i"), {"i": ids[1]})
    with db.read() as conn:
        assert audit.verify(conn) == (ids[2], 1)


def test_no_lesson_on_a_day_off_of_the_class_grade(db):
    """16 December is a public holiday; grade 1's February week is a break for grade 1 alone."""
    spot = school.lesson_spot(db)
    journal = Journal(db, spot.teacher_id)
    with pytest.raises(InvalidLesson) as refused:
        journal.add_lesson(spot.course_id, dt.date(2026, 12, 16), 7)
    assert (refused.value.params["why"], refused.value.params["name"]) == ("day_off", "Тәуелсіздік күні")
    with db.read() as conn:
        first, second = (conn.execute(text(
            "SELECT c.id, c.teacher_id FROM course c JOIN school_class k ON k.id = c.class_id WHERE k.grade = :g "
            "ORDER BY c.id LIMIT 1"), {"g": grade}).one() for grade in (1, 2))
    with pytest.raises(InvalidLesson, match="1-сынып демалысы"):
        Journal(db, first.teacher_id).add_lesson(first.id, dt.date(2027, 2, 9), 7)
    assert ops(db) == [], "nothing refused was queued"
    Journal(db, second.teacher_id).add_lesson(second.id, dt.date(2027, 2, 9), 7)
    assert [op.value["date"] for op in ops(db)] == ["2027-02-09"]
