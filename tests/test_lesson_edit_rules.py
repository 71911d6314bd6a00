"""The write rules of a lesson cancelled or moved and of a summative work edited or deleted (core.write_rules): as
functions, and as both sides apply them. The same edit of the same demo school is refused with the same code by
the teacher's PC (storage.journal) and by the server (server.operations); what the server applies it logs for
the other PCs, and a summative work's deletion removes its row."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from core import write_rules
from core.errors import (
    BadValue,
    JournalError,
    LessonCancelled,
    LessonNotCancelled,
    LessonNotMoved,
    PupilNotInCourse,
    WorkNotChanged,
    WorkNotDeleted,
)
from core.protocol import Operation
from server import feed
from server.accounts import Principal
from server.db import open_server_db
from server.operations import Applier
from server.schema import tables
from storage.database import JournalDatabase
from storage.journal import Journal
from tests.server.conftest import server_template  # noqa: F401  (the fixture)

DAY = dt.date(2026, 11, 20)
L, C, CELL, W, S, CHANGE, A = (tables[n] for n in ("lesson", "course", "lesson_cell", "summative_work",
                                                   "summative_score", "change", "account"))


# -- the rules as functions ---------------------------------------------------------------------------------

def test_a_cancellation_needs_a_reason_and_an_empty_lesson() -> None:
    assert write_rules.cancel_reason("  Жарық өшті ") == "Жарық өшті"
    assert write_rules.cancel_reason(None) is None  # held after all
    for blank in ("", "  \u00a0"):
        with pytest.raises(LessonNotCancelled, match="say why"):
            write_rules.cancel_reason(blank)
    with pytest.raises(JournalError, match="at most 1000"):
        write_rules.cancel_reason("ы" * 1001)
    with pytest.raises(LessonNotCancelled, match="2 mark"):
        write_rules.check_cancellable(DAY, 2)
    write_rules.check_cancellable(DAY, 0)
    with pytest.raises(LessonCancelled):
        write_rules.check_not_cancelled("Карантин", DAY, "mark", 5)
    write_rules.check_not_cancelled("Карантин", DAY, "mark", None)  # clearing stays allowed
    write_rules.check_not_cancelled("Карантин", DAY, "comment", "Ауырды")
    write_rules.check_not_cancelled(None, DAY, "attendance", "absent")


def test_a_move_names_a_day_and_a_free_slot() -> None:
    assert write_rules.move_target({"date": "2026-11-21", "slot": 3}) == {"date": "2026-11-21", "slot": 3}
    for bad in ({"date": "21.11.2026", "slot": 3}, {"date": "2026-11-21"}, {"date": "2026-11-21", "slot": True},
                {"date": "2026-11-21", "slot": 0, "room": 4}, "2026-11-21", None):
        with pytest.raises(BadValue):
            write_rules.move_target(bad)
    math = write_rules.SlotUser(1, class_id=10, subgroup_id=100, teacher_id=7)
    write_rules.check_slot_free(math, [write_rules.SlotUser(2, 10, 101, 8)], DAY, 2, moving=True)  # parallel group
    cases = {"course_busy": write_rules.SlotUser(1, 10, 100, 7), "teacher_busy": write_rules.SlotUser(3, 11, None, 7),
             "class_busy": write_rules.SlotUser(4, 10, None, 9)}
    for why, other in cases.items():
        with pytest.raises(LessonNotMoved) as refused:
            write_rules.check_slot_free(math, [other], DAY, 2, moving=True)
        assert refused.value.params["why"] == why
    place = write_rules.Place(1, 7, None, 10, None, "criteria", DAY)
    left = (5, [(dt.date(2026, 9, 2), dt.date(2026, 11, 20))], True)
    write_rules.check_holders_on(place, dt.date(2026, 11, 19), [left])
    with pytest.raises(PupilNotInCourse):
        write_rules.check_holders_on(place, dt.date(2026, 11, 21), [left])


def test_a_works_maximum_stays_over_its_scores_and_a_scored_work_stays() -> None:
    assert write_rules.work_max_points(40) == 40
    for bad in (0, 101, 12.5, "20", True):
        with pytest.raises(WorkNotChanged):
            write_rules.work_max_points(bad)
    with pytest.raises(WorkNotChanged) as refused:
        write_rules.check_scores_fit(15, [(1, 12), (2, 18), (3, None), (4, 16)])
    assert (refused.value.params["points"], refused.value.params["pupil_id"]) == (18, 2)  # the highest is named
    write_rules.check_scores_fit(18, [(2, 18)])
    with pytest.raises(WorkNotDeleted):
        write_rules.check_deletable(1)
    write_rules.check_deletable(0)
    terms = [(1, dt.date(2026, 9, 2), dt.date(2026, 10, 24)), (2, dt.date(2026, 11, 3), dt.date(2026, 12, 26))]
    write_rules.check_work_day(dt.date(2026, 12, 1), 2, terms, None)
    for day, lesson, why in ((dt.date(2026, 10, 1), None, "other_term"), (dt.date(2026, 12, 1), "x", "in_a_lesson")):
        with pytest.raises(WorkNotChanged) as refused:
            write_rules.check_work_day(day, 2, terms, lesson)
        assert refused.value.params["why"] == why


# -- both sides, on the same demo school -------------------------------------------------------------------

@pytest.fixture
def server_engine(server_template: Path, tmp_path: Path) -> Engine:  # noqa: F811
    path = tmp_path / "server.db"
    shutil.copyfile(server_template, path)
    return open_server_db(f"sqlite:///{path}")


class Server:
    """The server's applier as one teacher's device meets it, one operation a transaction."""

    def __init__(self, engine: Engine, teacher_id: int) -> None:
        self.engine, self.seq = engine, 0
        with engine.connect() as conn:
            account, school = conn.execute(select(A.c.id, A.c.school_id).where(A.c.teacher_id == teacher_id)).one()
        self.who = Principal(account, school, "teacher", teacher_id, "00000000-0000-4000-8000-0000000000c3")

    def apply(self, entity: str, key: str, field: str, value: Any, base: int = 1) -> tuple[str, str | None, Any]:
        self.seq += 1
        with self.engine.begin() as conn:
            applier = Applier(conn, self.who, dt.datetime.now(dt.UTC))
            outcome = applier.apply(Operation(seq=self.seq, hlc=self.seq, entity=entity, key=key, field=field,
                                              value=value, base=base))
            applier.flush()
            feed.publish(conn, self.who.school_id, applier.take_changes())
        return outcome.status, outcome.reason, outcome.value

    def one(self, query: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(query).one()


def _pc_refuses(call: Any) -> str:
    with pytest.raises(JournalError) as refused:
        call()
    return refused.value.code


def _marked_lesson(db: JournalDatabase) -> tuple[str, int, int, int]:
    """A past lesson of a criteria course holding a mark: (lesson, teacher, pupil with the mark, the mark)."""
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT l.id, c.teacher_id, x.pupil_id, x.mark FROM lesson l JOIN course c ON c.id = l.course_id "
            "JOIN lesson_cell x ON x.lesson_id = l.id WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL "
            "AND x.mark IS NOT NULL AND l.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY l.date DESC, l.id "
            "LIMIT 1").one()
    return row[0], row[1], row[2], row[3]


def _scored_work(db: JournalDatabase) -> tuple[str, int, int, int]:
    """A summative work with scores: (work, teacher, its highest score, its version)."""
    with db.read() as conn:
        row = conn.exec_driver_sql(
            "SELECT w.id, c.teacher_id, max(s.points), w.server_version FROM summative_work w "
            "JOIN course c ON c.id = w.course_id JOIN summative_score s ON s.work_id = w.id "
            "JOIN period p ON p.id = w.period_id WHERE s.points > 1 AND p.number = 2 "
            "GROUP BY w.id ORDER BY w.id LIMIT 1").one()
    return row[0], row[1], row[2], row[3]


def test_a_lesson_holding_marks_is_refused_cancelling_alike_and_then_takes_no_marks_once_cancelled(
        server_engine: Engine, db: JournalDatabase) -> None:
    lesson, teacher, pupil, mark = _marked_lesson(db)
    server = Server(server_engine, teacher)
    assert _pc_refuses(lambda: Journal(db, teacher).cancel_lesson(lesson, "Карантин")) == "lesson_not_cancelled"
    assert server.apply("lesson", lesson, "cancelled", "Карантин")[:2] == ("rejected", "lesson_not_cancelled")

    with db.read() as conn:
        pupils = [p for (p,) in conn.exec_driver_sql(
            "SELECT pupil_id FROM lesson_cell WHERE lesson_id = ? AND (mark IS NOT NULL OR attendance IS NOT NULL)",
            (lesson,))]
    for other in pupils:  # cleared on both sides, the lesson is cancelled on both
        Journal(db, teacher).clear_cell(lesson, other)
        for field in ("mark", "attendance"):
            assert server.apply("cell", f"{lesson}/{other}", field, None)[0] in ("applied", "merged")
    assert Journal(db, teacher).cancel_lesson(lesson, "Карантин")
    assert server.apply("lesson", lesson, "cancelled", "Карантин")[:2] == ("applied", None)
    assert server.one(select(L.c.cancelled).where(L.c.id == lesson))[0] == "Карантин"

    assert _pc_refuses(lambda: Journal(db, teacher).set_mark(lesson, pupil, mark)) == "lesson_cancelled"
    status, reason, told = server.apply("cell", f"{lesson}/{pupil}", "mark", mark, base=2)
    assert (status, reason, told) == ("rejected", "lesson_cancelled", None)  # the standing value, to put back


def test_a_move_is_refused_alike_onto_a_busy_slot_and_applied_with_its_works(server_engine: Engine,
                                                                           db: JournalDatabase) -> None:
    lesson, teacher, _pupil, _mark = _marked_lesson(db)
    server = Server(server_engine, teacher)
    with db.read() as conn:
        busy_date, busy_slot = conn.exec_driver_sql(
            "SELECT l.date, l.slot FROM lesson l JOIN course c ON c.id = l.course_id WHERE c.teacher_id = ? "
            "AND l.id != ? AND l.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY l.date LIMIT 1",
            (teacher, lesson)).one()
        work = conn.exec_driver_sql("SELECT id FROM summative_work WHERE lesson_id IN "
                                    "(SELECT id FROM lesson WHERE course_id = (SELECT course_id FROM lesson "
                                    "WHERE id = ?)) ORDER BY id LIMIT 1", (lesson,)).scalar_one()
        held_in = conn.exec_driver_sql("SELECT lesson_id FROM summative_work WHERE id = ?", (work,)).scalar_one()
    busy = {"date": busy_date, "slot": busy_slot}
    today = dt.date(2026, 11, 22)
    assert _pc_refuses(lambda: Journal(db, teacher).move_lesson(lesson, dt.date.fromisoformat(busy_date), busy_slot,
                                                                today=today)) == "lesson_not_moved"
    assert server.apply("lesson", lesson, "moved", busy)[:2] == ("rejected", "lesson_not_moved")
    assert _pc_refuses(lambda: Journal(db, teacher).move_lesson(lesson, dt.date(2026, 11, 21), 8, today=today)) \
        == "lesson_not_moved"  # no lesson 8 in the bell schedule
    assert server.apply("lesson", lesson, "moved", {"date": "2026-11-21", "slot": 8})[:2] == (
        "rejected", "lesson_not_moved")

    saturday = {"date": "2026-11-21", "slot": 6}
    assert server.apply("lesson", held_in, "moved", saturday) == ("applied", None, saturday)
    assert tuple(server.one(select(L.c.date, L.c.slot).where(L.c.id == held_in))) == (dt.date(2026, 11, 21), 6)
    assert server.one(select(W.c.date).where(W.c.id == work))[0] == dt.date(2026, 11, 21)  # the work went with it
    with server_engine.connect() as conn:
        logged = {(e, f, v) for e, f, v in conn.execute(select(CHANGE.c.entity, CHANGE.c.field, CHANGE.c.value)
                                                         .where(CHANGE.c.entity_key.in_([held_in, work])))}
    assert {("lesson", "moved", '{"date":"2026-11-21","slot":6}'), ("work", "date", '"2026-11-21"')} <= logged


def test_a_scored_work_is_refused_lowering_and_deleting_alike_and_an_empty_one_is_deleted(
        server_engine: Engine, db: JournalDatabase) -> None:
    work, teacher, highest, version = _scored_work(db)
    server = Server(server_engine, teacher)
    assert _pc_refuses(lambda: Journal(db, teacher).edit_work(work, max_points=highest - 1)) == "work_not_changed"
    assert server.apply("work", work, "max_points", highest - 1, base=version)[:2] == ("rejected", "work_not_changed")
    assert _pc_refuses(lambda: Journal(db, teacher).delete_work(work)) == "work_not_deleted"
    status, reason, told = server.apply("work", work, "deleted", True, base=version)
    assert (status, reason) == ("rejected", "work_not_deleted")
    assert told["id"] == work and told["max_points"] >= highest  # the record, for a PC that removed it to put back

    with server_engine.begin() as conn:  # every score cleared on the server
        conn.execute(S.update().where(S.c.work_id == work).values(points=None, comment=None))
    assert server.apply("work", work, "max_points", highest - 1, base=version)[:2] == ("applied", None)
    assert server.apply("work", work, "deleted", True, base=version + 1)[:2] == ("applied", None)
    with server_engine.connect() as conn:
        assert conn.execute(select(W.c.id).where(W.c.id == work)).first() is None
        assert conn.execute(select(S.c.pupil_id).where(S.c.work_id == work)).first() is None
    assert server.apply("work", work, "max_points", 30)[:2] == ("rejected", "unknown_work")
