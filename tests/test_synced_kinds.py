"""A synced field is one declaration plus its check (core.synced_kinds): with it, the protocol carries the
field, the server checks, applies, versions and logs it for the other PCs, and a PC writes the server's value
into its journal; without it, the server refuses the field and the PC skips it. Shown with a lesson's kind
(regular, СОР, СОЧ), a column both sides hold that is not synced today."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from core import synced_kinds
from core.errors import InvalidLesson
from core.protocol import Operation
from core.synced_kinds import Facts, SyncedField
from core.tables.journal import LESSON_KINDS
from server import feed
from server.accounts import Principal
from server.db import open_server_db
from server.operations import Applier
from server.schema import tables
from storage import server_values
from storage.database import JournalDatabase
from tests.server.conftest import server_template  # noqa: F401  (the fixture)


def _check_kind(raw: Any, _facts: Facts) -> str:
    if raw not in LESSON_KINDS:
        raise InvalidLesson(reason=f"a lesson is one of {', '.join(LESSON_KINDS)}")
    return str(raw)


def _lesson_with_kind() -> synced_kinds.SyncedKind:
    """The lesson kind as declared, with one field more: the whole of what adding a synced field takes."""
    lesson = synced_kinds.KINDS["lesson"]
    return dataclasses.replace(lesson, fields={**lesson.fields, "kind": SyncedField("kind", _check_kind, "kind")})


@pytest.fixture
def server_engine(server_template: Path, tmp_path: Path) -> Engine:  # noqa: F811
    path = tmp_path / "server.db"
    shutil.copyfile(server_template, path)
    return open_server_db(f"sqlite:///{path}")


def _a_teachers_lesson(engine: Engine) -> tuple[str, Principal]:
    L, C, K, Y, A = (tables[n] for n in ("lesson", "course", "school_class", "academic_year", "account"))
    with engine.connect() as conn:
        lesson, teacher, school, account = conn.execute(
            select(L.c.id, C.c.teacher_id, Y.c.school_id, A.c.id).join(C, C.c.id == L.c.course_id)
            .join(K, K.c.id == C.c.class_id).join(Y, Y.c.id == K.c.year_id).join(A, A.c.teacher_id == C.c.teacher_id)
            .where(L.c.kind == "regular", L.c.date == dt.date(2026, 11, 16)).order_by(L.c.id).limit(1)).one()
    return lesson, Principal(account, school, "teacher", teacher, "00000000-0000-4000-8000-0000000000b2")


def _apply(engine: Engine, who: Principal, op: Operation) -> tuple[str, str | None]:
    with engine.begin() as conn:
        applier = Applier(conn, who, dt.datetime.now(dt.UTC))
        outcome = applier.apply(op)
        applier.flush()
        feed.publish(conn, who.school_id, applier.take_changes())
    return outcome.status, outcome.reason


def _kind_op(lesson: str, value: str, seq: int = 1, base: int = 1) -> Operation:
    """The lesson's kind set by a PC that saw the lesson at version `base` (the demo school's lessons are at 1)."""
    return Operation(seq=seq, hlc=1, entity="lesson", key=lesson, field="kind", value=value, base=base)


def test_an_undeclared_field_is_refused_by_the_server_and_skipped_by_a_pc(server_engine: Engine,
                                                                          db: JournalDatabase) -> None:
    lesson, who = _a_teachers_lesson(server_engine)
    assert _apply(server_engine, who, _kind_op(lesson, "sor")) == ("rejected", "unknown_field")
    with db.write() as conn:
        assert not server_values.set_field(conn, "lesson", lesson, "kind", "sor", 4)


def test_a_declared_field_syncs_checked_versioned_and_logged(server_engine: Engine, db: JournalDatabase) -> None:
    lesson, who = _a_teachers_lesson(server_engine)
    L, CHANGE = tables["lesson"], tables["change"]
    with synced_kinds.declared(_lesson_with_kind()):
        assert _apply(server_engine, who, _kind_op(lesson, "exam")) == ("rejected", "invalid_lesson")
        assert _apply(server_engine, who, _kind_op(lesson, "sor", seq=2)) == ("applied", None)
        with server_engine.connect() as conn:
            kind, version = conn.execute(select(L.c.kind, L.c.server_version).where(L.c.id == lesson)).one()
            logged = conn.execute(select(CHANGE.c.field, CHANGE.c.value, CHANGE.c.version)
                                  .where(CHANGE.c.entity_key == lesson)).all()
        assert kind == "sor" and version == 2 and ("kind", '"sor"', 2) in logged  # what the other PCs pull
        with db.write() as conn:  # a PC holding that lesson takes the pulled value
            assert server_values.set_field(conn, "lesson", lesson, "kind", "sor", version)
        with db.read() as conn:
            row = conn.exec_driver_sql("SELECT kind, server_version FROM lesson WHERE id = ?", (lesson,)).one()
        assert tuple(row) == ("sor", version)
    assert "kind" not in synced_kinds.KINDS["lesson"].fields  # the declaration was the test's own


def test_a_device_may_send_only_the_kinds_declared_for_devices() -> None:
    assert set(synced_kinds.DEVICE_ENTITIES) == {"cell", "lesson", "work", "score", "result", "conflict"}
    with pytest.raises(ValueError, match="not a synced kind"):
        Operation(seq=1, hlc=1, entity="period", key="3@5", field="closed", value=True)  # only the school closes


def test_every_kind_and_field_name_fits_the_servers_change_log():
    """PostgreSQL refuses what SQLite stores: a kind's name longer than the change log's entity column."""
    from server.schema import tables

    entity, field = tables["change"].c.entity.type.length, tables["change"].c.field.type.length
    kinds = synced_kinds.KINDS
    assert all(len(name) <= entity for name in kinds), [n for n in kinds if len(n) > entity]
    assert all(len(f) <= field for kind in kinds.values() for f in kind.fields)
