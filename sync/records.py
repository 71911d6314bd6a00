"""Writing what the server says into the local journal: a field's value and the record's server version,
for the records the protocol syncs (lesson cells, lessons, summative works and scores, final period
marks), and a period an admin closed or reopened.

These writes are the server's truth arriving, not a teacher's edit: they queue nothing and leave no local
audit entry (the server's audit holds them). A value for a record whose lesson, work or pupil this journal
does not hold (a class this teacher does not have) is skipped: the foreign keys would refuse it anyway.
Called inside the caller's write transaction, many times a batch, hence storage.hot_sql.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from core import final_marks
from storage import hot_sql

# entity → field → the statement setting it (and raising the version, never lowering it).
_CELL_SET = (
    "INSERT INTO lesson_cell (lesson_id, pupil_id, {f}, server_version) "
    "SELECT :a, :b, :value, :version WHERE EXISTS (SELECT 1 FROM lesson WHERE id = :a) "
    "AND EXISTS (SELECT 1 FROM pupil WHERE id = :b) "
    "ON CONFLICT (lesson_id, pupil_id) DO UPDATE SET {f} = excluded.{f}, "
    "server_version = max(server_version, excluded.server_version)"
)
_SCORE_SET = (
    "INSERT INTO summative_score (work_id, pupil_id, {f}, server_version) "
    "SELECT :a, :b, :value, :version WHERE EXISTS (SELECT 1 FROM summative_work WHERE id = :a) "
    "AND EXISTS (SELECT 1 FROM pupil WHERE id = :b) "
    "ON CONFLICT (work_id, pupil_id) DO UPDATE SET {f} = excluded.{f}, "
    "server_version = max(server_version, excluded.server_version)"
)
_LESSON_SET = "UPDATE lesson SET {f} = :value, server_version = max(server_version, :version) WHERE id = :a"
_PERIOD_MARK_SET = (
    "INSERT INTO period_mark (course_id, period_id, pupil_id, final_mark, final_reason, computed_mark, "
    "computed_percent, rule_version, server_version) "
    "SELECT :course, :period, :b, :mark, :reason, :computed, :percent, :rule, :version "
    "WHERE EXISTS (SELECT 1 FROM course WHERE id = :course) AND EXISTS (SELECT 1 FROM period WHERE id = :period) "
    "AND EXISTS (SELECT 1 FROM pupil WHERE id = :b) "
    "ON CONFLICT (course_id, pupil_id, period_id) DO UPDATE SET final_mark = excluded.final_mark, "
    "final_reason = excluded.final_reason, computed_mark = excluded.computed_mark, "
    "computed_percent = excluded.computed_percent, rule_version = excluded.rule_version, "
    "server_version = max(server_version, excluded.server_version)"
)
_SETTERS = {
    ("cell", f): _CELL_SET.format(f=f) for f in ("mark", "attendance", "comment")
} | {
    ("score", f): _SCORE_SET.format(f=f) for f in ("points", "comment")
} | {
    ("lesson", f): _LESSON_SET.format(f=f) for f in ("topic", "homework")
}
_VERSION = {
    "cell": "UPDATE lesson_cell SET server_version = max(server_version, :version) "
            "WHERE lesson_id = :a AND pupil_id = :b",
    "score": "UPDATE summative_score SET server_version = max(server_version, :version) "
             "WHERE work_id = :a AND pupil_id = :b",
    "lesson": "UPDATE lesson SET server_version = max(server_version, :version) WHERE id = :a",
    "work": "UPDATE summative_work SET server_version = max(server_version, :version) WHERE id = :a",
    "result": "UPDATE period_mark SET server_version = max(server_version, :version) "
                   "WHERE course_id = :course AND period_id = :period AND pupil_id = :b",
}
_CREATE_LESSON = (
    "INSERT OR IGNORE INTO lesson (id, course_id, date, slot, kind, topic, homework, substitute_teacher_id, "
    "server_version) SELECT :id, :course_id, :date, :slot, :kind, :topic, :homework, NULL, :version "
    "WHERE EXISTS (SELECT 1 FROM course WHERE id = :course_id)"
)
_CREATE_WORK = (
    "INSERT OR IGNORE INTO summative_work (id, course_id, period_id, lesson_id, kind, title, section, date, "
    "max_points, server_version) SELECT :id, :course_id, :period_id, :lesson_id, :kind, :title, :section, :date, "
    ":max_points, :version WHERE EXISTS (SELECT 1 FROM course WHERE id = :course_id) "
    "AND EXISTS (SELECT 1 FROM period WHERE id = :period_id) "
    "AND (:lesson_id IS NULL OR EXISTS (SELECT 1 FROM lesson WHERE id = :lesson_id))"
)


def split(entity: str, key: str) -> dict[str, Any] | None:
    """The key's parts as statement parameters: `a` the record (lesson or work), `b` the pupil."""
    if entity == "result":
        parts = final_marks.parse_key(key)
        return None if parts is None else {"course": parts[0], "period": parts[1], "b": parts[2]}
    if entity in ("cell", "score"):
        record, _, pupil = key.rpartition("/")
        return {"a": record, "b": int(pupil)} if record and pupil.isdigit() else None
    return {"a": key, "b": None}


def set_field(conn: Connection, entity: str, key: str, field: str, value: Any, version: int) -> bool:
    """Set the field to the server's value at `version`; False when this journal cannot hold it."""
    if field == "create":
        return _create(conn, entity, value, version)
    if (entity, field) == ("period", "closed"):
        period, _, _course = key.partition("@")
        if not period.isdigit():
            return False
        hot_sql.run(conn, "UPDATE period SET closed = :closed WHERE id = :period",
                    {"closed": bool(value), "period": int(period)})
        return True
    if (entity, field) == ("result", "final"):
        parts = split(entity, key)
        if parts is None or not isinstance(value, dict):
            return False
        fields = {f: value.get(f) for f in ("mark", "reason", "computed", "percent", "rule")}
        hot_sql.run(conn, _PERIOD_MARK_SET, {**parts, **fields, "version": version})
        return True
    sql, parts = _SETTERS.get((entity, field)), split(entity, key)
    if sql is None or parts is None:
        return False
    hot_sql.run(conn, sql, {**parts, "value": value, "version": version})
    return True


def raise_version(conn: Connection, entity: str, key: str, version: int) -> None:
    """The record is at `version` on the server (after this device's own edit, or one it holds back)."""
    sql, parts = _VERSION.get(entity), split(entity, key)
    if sql is not None and parts is not None:
        hot_sql.run(conn, sql, {**parts, "version": version})


def _create(conn: Connection, entity: str, record: Any, version: int) -> bool:
    if not isinstance(record, dict):
        return False
    if entity == "lesson":
        fields: tuple[str, ...] = ("id", "course_id", "date", "slot", "kind", "topic", "homework")
        params = {f: record.get(f) for f in fields}
        hot_sql.run(conn, _CREATE_LESSON, {**params, "kind": params["kind"] or "regular", "version": version})
        return True
    if entity == "work":
        fields = ("id", "course_id", "period_id", "lesson_id", "kind", "title", "section", "date", "max_points")
        hot_sql.run(conn, _CREATE_WORK, {**{f: record.get(f) for f in fields}, "version": version})
        return True
    return False
