"""What stands between the server's schema and a Citus cluster distributed by school, tried on a real cluster
(harness.citus_cluster: a coordinator and two workers on 127.0.0.1).

    python benchmarks/citus_distribution.py [--json-out FILE]

1. The server's schema as it is (`server.db.open_server_db`, its Alembic migrations) on the coordinator; then each
   table's `create_distributed_table(t, 'school_id')` or `create_reference_table(t)` (the plan in docs/
   distribution.md), each alone on a copy of that database, then all in foreign-key order on one copy; Citus's
   refusals printed word for word.
2. The same schema turned into the target one on another copy (school_id added where missing and leading every
   primary key, unique key and foreign key to a distributed table): whether Citus accepts every table then.
3. A login, a new PC's bootstrap, syncs (new and changed cells, a topic, a new lesson, a summative work and its
   score, a final mark, a conflict and its resolution, a replay) and a period's closing run by the server's own
   functions on the demo school; every SQL statement they send is caught, and Citus's plan for it on the target
   schema is printed: one shard (router), how many shards, or Citus's refusal.

Last line: one JSON object with the refusals, the target schema's outcome and the statements' plans.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import Engine, event, select  # noqa: E402

from core import ids, record_keys  # noqa: E402
from core.protocol import Operation, SyncRequest  # noqa: E402
from harness.citus_cluster import HOST, CitusCluster  # noqa: E402
from server import accounts, bootstrap, demo, periods  # noqa: E402
from server.db import open_server_db, writer  # noqa: E402
from server.schema import tables  # noqa: E402
from server.sync import sync  # noqa: E402

TODAY = dt.date(2026, 11, 22)
# Shared by every school: copied to every node. Everything else is distributed by school_id.
REFERENCE = ("school", "subject")


def plan_of(table: str) -> str:
    return "reference" if table in REFERENCE else "distributed"


def distribute_sql(table: str) -> str:
    if plan_of(table) == "reference":
        return f"SELECT create_reference_table('{table}')"
    return f"SELECT create_distributed_table('{table}', 'school_id')"


def fk_order() -> list[str]:
    return [t.name for t in tables["school"].metadata.sorted_tables]


def connect(cluster: CitusCluster, db: str) -> psycopg.Connection[Any]:
    return psycopg.connect(host=HOST, port=cluster.coordinator.port, user=cluster.user, dbname=db, autocommit=True)


def attempt(conn: psycopg.Connection[Any], sql: str) -> str | None:
    """None when Citus accepts `sql`, else its error (first line, and its detail/hint when given)."""
    try:
        conn.execute(sql.encode())
        return None
    except psycopg.Error as error:
        diag = error.diag
        parts = [diag.message_primary or str(error).splitlines()[0]]
        parts += [f"{label}: {text}" for label, text in (("DETAIL", diag.message_detail), ("HINT", diag.message_hint))
                  if text]
        return " | ".join(parts)


# -- 1. the schema as it is ----------------------------------------------------------------------------------


def each_alone(cluster: CitusCluster, template: str) -> dict[str, str | None]:
    out = {}
    for table in fk_order():
        name = f"alone_{table}"[:40]
        cluster.clone_database(template, name)
        with connect(cluster, name) as conn:
            out[table] = attempt(conn, distribute_sql(table))
    return out


def all_in_order(cluster: CitusCluster, template: str) -> dict[str, str | None]:
    cluster.clone_database(template, "all_in_order")
    with connect(cluster, "all_in_order") as conn:
        order = [t for t in fk_order() if plan_of(t) == "reference"] + [
            t for t in fk_order() if plan_of(t) == "distributed"]
        return {table: attempt(conn, distribute_sql(table)) for table in order}


# -- 2. the target schema ------------------------------------------------------------------------------------


def constraints(conn: psycopg.Connection[Any]) -> list[tuple[str, str, str, list[str], str | None, list[str]]]:
    """(table, constraint, kind p/u/f, columns, referenced table, referenced columns) of the public tables."""
    rows = conn.execute(b"""
        SELECT c.conrelid::regclass::text, c.conname, c.contype,
               ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
               CASE WHEN c.contype = 'f' THEN c.confrelid::regclass::text END,
               ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
        FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace
        WHERE s.nspname = 'public' AND c.contype IN ('p', 'u', 'f') AND c.conrelid::regclass::text <> 'alembic_version'
        ORDER BY 1, 2""").fetchall()
    return [(r[0], r[1], r[2], list(r[3]), r[4], list(r[5] or [])) for r in rows]


def unique_indexes(conn: psycopg.Connection[Any]) -> list[tuple[str, str, list[str]]]:
    """Unique indexes that back no constraint: (table, index, columns)."""
    rows = conn.execute(b"""
        SELECT i.indrelid::regclass::text, x.relname,
               ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)
        FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace s ON s.oid = x.relnamespace
        WHERE s.nspname = 'public' AND i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1, 2""").fetchall()
    return [(r[0], r[1], list(r[2])) for r in rows]


def leading(columns: list[str]) -> list[str]:
    return ["school_id", *(c for c in columns if c != "school_id")]


def to_target(conn: psycopg.Connection[Any]) -> tuple[list[str], list[str]]:
    """Turn the copy's keys into the target ones, its foreign keys dropped; returns (the DDL run, the foreign keys
    to add back once the tables are distributed: Citus refuses one from a distributed table to a local one)."""
    ddl: list[str] = []

    def run(sql: str) -> None:
        ddl.append(sql)
        conn.execute(sql.encode())

    found = constraints(conn)
    for table, name, kind, *_ in found:
        if kind == "f":
            run(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    for table in fk_order():
        if plan_of(table) == "reference":
            continue
        if "school_id" not in tables[table].c:
            run(f'ALTER TABLE "{table}" ADD COLUMN school_id integer NOT NULL')
        for t, name, kind, columns, _, _ in found:
            if t == table and kind in ("p", "u"):
                run(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                what = "PRIMARY KEY" if kind == "p" else "UNIQUE"
                run(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {what} ({", ".join(leading(columns))})')
        for t, name, columns in unique_indexes(conn):
            if t == table:
                run(f'DROP INDEX "{name}"')
                run(f'CREATE UNIQUE INDEX "{name}" ON "{table}" ({", ".join(leading(columns))})')
    foreign_keys = []
    for table, name, kind, columns, target, target_columns in found:
        if kind != "f" or target is None:
            continue
        if plan_of(target) == "reference":
            keys, refs = columns, target_columns
        else:
            keys, refs = leading(columns), leading(target_columns)
        foreign_keys.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" FOREIGN KEY ({", ".join(keys)}) '
                            f'REFERENCES "{target}" ({", ".join(refs)})')
    return ddl, foreign_keys


def target_schema(cluster: CitusCluster, template: str) -> tuple[dict[str, str | None], list[str], dict[str, str]]:
    """On a copy: the keys changed, every table distributed, then the foreign keys put back (their refusals)."""
    cluster.clone_database(template, "target")
    with connect(cluster, "target") as conn:
        ddl, foreign_keys = to_target(conn)
        order = [t for t in fk_order() if plan_of(t) == "reference"] + [
            t for t in fk_order() if plan_of(t) == "distributed"]
        outcome = {table: attempt(conn, distribute_sql(table)) for table in order}
        refused = {sql: error for sql in foreign_keys if (error := attempt(conn, sql)) is not None}
    return outcome, ddl + foreign_keys, refused


# -- 3. the statements a login, a bootstrap and a sync send ---------------------------------------------------


LISTS = re.compile(r"\((%\(\w+?_\d+\)s::[A-Z ]+)(?:, %\(\w+?_\d+\)s::[A-Z ]+)+\)")


class Catcher:
    """Every statement an engine sends, with its parameters and the server function that sent it."""

    def __init__(self, engine: Engine) -> None:
        self.flow = ""
        self.seen: dict[str, dict[str, Any]] = {}
        event.listen(engine, "before_cursor_execute", self._caught)

    def _caught(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                executemany: bool) -> None:
        if not self.flow:
            return
        where = [f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in traceback.extract_stack()
                 if "/server/" in f.filename and Path(f.filename).stem not in ("db",)]
        text = LISTS.sub(r"(\1, …)", " ".join(statement.split()))  # one shape, whatever the list's length
        entry = self.seen.setdefault(text, {"flows": [], "where": where[-1] if where else "?", "text": statement,
                                            "params": parameters[0] if executemany else parameters})
        if self.flow not in entry["flows"]:
            entry["flows"].append(self.flow)

    @contextmanager
    def flow_named(self, name: str) -> Iterator[None]:
        self.flow = name
        try:
            yield
        finally:
            self.flow = ""


def told(answer: Any) -> Any:
    print("  sync:", " ".join(f"{r.seq}={r.reason or r.status}" for r in answer.results) or "(no ops)",
          f"changes={len(answer.changes)}")
    return answer


def run_flows(engine: Engine, catcher: Catcher) -> None:
    """The server's own functions, as its API calls them, on the demo school."""
    T = tables
    with engine.connect() as conn:
        course, lesson, day, teacher, login_name, class_id = conn.execute(
            select(T["course"].c.id, T["lesson"].c.id, T["lesson"].c.date, T["teacher"].c.id, T["teacher"].c.username,
                   T["course"].c.class_id)
            .join(T["lesson"], T["lesson"].c.course_id == T["course"].c.id)
            .join(T["teacher"], T["teacher"].c.id == T["course"].c.teacher_id)
            .where(T["course"].c.scale == "criteria", T["course"].c.subgroup_id.is_(None),
                   T["lesson"].c.date.between(dt.date(2026, 11, 3), dt.date(2026, 11, 20)),
                   T["lesson"].c.kind == "regular")
            .order_by(T["course"].c.id, T["lesson"].c.date).limit(1)).one()
        pupils = conn.execute(select(T["class_membership"].c.pupil_id).where(
            T["class_membership"].c.class_id == class_id, T["class_membership"].c.to_date.is_(None))
            .order_by(T["class_membership"].c.pupil_id).limit(2)).scalars().all()
        term = conn.execute(select(T["period"].c.id).where(T["period"].c.kind == "term",
                                                           T["period"].c.start_date <= day,
                                                           T["period"].c.end_date >= day)).scalar_one()
        free_slot = conn.execute(select(T["bell_slot"].c.number).order_by(T["bell_slot"].c.number.desc())
                                 .limit(1)).scalar_one()
    now = dt.datetime.now(dt.UTC)

    def log_in(name: str, device: str) -> str:
        with writer(engine).begin() as conn:
            token, *_ = accounts.login(conn, name, demo.DEMO_PASSWORD, device, "probe", now)
        return token

    stamp = int(time.time() * 1000) << 16
    ops_a = [
        Operation(seq=1, hlc=stamp, entity="cell", key=record_keys.cell(lesson, pupils[0]), field="mark", value=7),
        Operation(seq=2, hlc=stamp + 1, entity="cell", key=record_keys.cell(lesson, pupils[1]), field="attendance",
                  value="absent"),
        Operation(seq=3, hlc=stamp + 2, entity="lesson", key=lesson, field="topic", value="Fractions"),
    ]
    new_lesson = ids.lesson_id(course, TODAY, free_slot)
    work = str(uuid.uuid4())
    ops_b = [
        Operation(seq=4, hlc=stamp + 3, entity="cell", key=record_keys.cell(lesson, pupils[0]), field="mark", value=8,
                  base=1),
        Operation(seq=5, hlc=stamp + 4, entity="lesson", key=new_lesson, field="create",
                  value={"course_id": course, "date": TODAY.isoformat(), "slot": free_slot}),
        Operation(seq=6, hlc=stamp + 5, entity="work", key=work, field="create",
                  value={"course_id": course, "kind": "sor", "date": day.isoformat(), "max_points": 20,
                         "title": "СОР 1"}),
        Operation(seq=7, hlc=stamp + 6, entity="score", key=record_keys.score(work, pupils[0]), field="points",
                  value=15),
        Operation(seq=8, hlc=stamp + 7, entity="result", key=record_keys.result(course, term, pupils[0]),
                  field="final", value={"mark": 5, "reason": "probe", "computed": 4, "percent": 70.0, "rule": "x"}),
    ]
    device_a, device_b = str(uuid.uuid4()), str(uuid.uuid4())
    with catcher.flow_named("login"):
        token_a = log_in(login_name, device_a)
    log_in(login_name, device_b)
    with catcher.flow_named("login"):
        token_b = log_in(login_name, device_b)  # again on a known device: a new token
        try:
            with writer(engine).begin() as conn:
                accounts.login(conn, login_name, "wrong", device_b, "probe", now)
        except accounts.LoginRefused:
            pass
    with catcher.flow_named("bootstrap"):
        with engine.connect() as conn:
            who = accounts.authenticate(conn, token_a, now)
            bootstrap.reference(conn, who)
            bootstrap.lessons(conn, who, "", 50)
    with catcher.flow_named("sync"):
        told(sync(engine, token_a, SyncRequest(device_id=device_a, ops=ops_a), "127.0.0.1"))
        told(sync(engine, token_a, SyncRequest(device_id=device_a, ops=ops_b, cursor=0), "127.0.0.1"))
        told(sync(engine, token_a, SyncRequest(device_id=device_a, ops=ops_a), "127.0.0.1"))  # a replay
        # Another PC of the same teacher, on an old base: a conflict, then its resolution.
        answer = told(sync(engine, token_b, SyncRequest(device_id=device_b, ops=[Operation(
            seq=1, hlc=stamp + 100, entity="cell", key=record_keys.cell(lesson, pupils[0]), field="mark", value=6,
            base=1)]), "127.0.0.1"))
        conflict = answer.results[0].conflict_id
        if conflict is not None:
            told(sync(engine, token_b, SyncRequest(device_id=device_b, cursor=answer.cursor, ops=[Operation(
                seq=2, hlc=stamp + 101, entity="conflict", key=str(conflict), field="resolve", value=6)]),
                "127.0.0.1"))
    token_admin = log_in(demo.ADMIN_LOGIN, str(uuid.uuid4()))
    with catcher.flow_named("sync (admin)"):
        with engine.connect() as conn:
            admin = accounts.authenticate(conn, token_admin, now)
        told(sync(engine, token_admin, SyncRequest(device_id=admin.device_id, cursor=0, limit=1), "127.0.0.1"))
    with catcher.flow_named("period closing"):
        with writer(engine).begin() as conn:
            periods.log_closing(conn, admin, term, True, now)


TASKS = re.compile(r"Task Count: (\d+)")

# 4. The hardest of those statements written with their school, as they must become (hand-written here, for the
# doc): each should be planned on one shard. A login directory (username -> school) stands in for the global
# uniqueness of usernames.
DIRECTORY = ("CREATE TABLE login_directory (username varchar(64) PRIMARY KEY, school_id integer NOT NULL)",
             "SELECT create_reference_table('login_directory')")
SCHOOL_FORMS = {
    "login: the username's school": "SELECT school_id FROM login_directory WHERE username = 'u1'",
    "login: the account, locked": "SELECT * FROM account WHERE school_id = 1 AND username = 'u1' FOR UPDATE",
    "login: the device, known?": "SELECT account_id, last_seq FROM device WHERE school_id = 1 AND id = 'd1'",
    "authenticate: a token that carries its school": (
        "SELECT device.id, account.role FROM device JOIN account ON account.school_id = device.school_id "
        "AND account.id = device.account_id WHERE device.school_id = 1 AND device.token_hash = 'h'"),
    "sync: the device row, locked": "SELECT last_seq FROM device WHERE school_id = 1 AND id = 'd1' FOR UPDATE",
    "sync: the batch's lessons, locked": (
        "SELECT lesson.id, course.teacher_id, school_class.year_id FROM lesson "
        "JOIN course ON course.school_id = lesson.school_id AND course.id = lesson.course_id "
        "JOIN school_class ON school_class.school_id = course.school_id AND school_class.id = course.class_id "
        "JOIN academic_year ON academic_year.school_id = school_class.school_id "
        "AND academic_year.id = school_class.year_id "
        "WHERE lesson.school_id = 1 AND lesson.id IN ('a', 'b') ORDER BY lesson.id FOR UPDATE OF lesson"),
    "sync: a new cell": ("INSERT INTO lesson_cell (school_id, lesson_id, pupil_id, mark, server_version) "
                         "VALUES (1, 'a', 5, 7, 1), (1, 'a', 6, 8, 1)"),
    "sync: the slot is in the school's bells": (
        "SELECT EXISTS (SELECT 1 FROM bell_slot WHERE school_id = 1 AND number = 3)"),
    "sync: a rival change": ("SELECT device_id FROM change WHERE school_id = 1 AND entity = 'cell' "
                             "AND entity_key = 'a/5' AND field = 'mark' AND version > 1 ORDER BY version DESC LIMIT 1"),
    "pull: a teacher's changes since the cursor": (
        "SELECT change.position, EXISTS (SELECT 1 FROM change later WHERE later.school_id = 1 "
        "AND later.entity = change.entity AND later.entity_key = change.entity_key AND later.field = change.field "
        "AND later.version > change.version) AS superseded FROM change WHERE change.school_id = 1 "
        "AND change.position > 0 AND change.course_id IN (SELECT course.id FROM course WHERE course.school_id = 1 "
        "AND course.teacher_id = 2 UNION SELECT lesson.course_id FROM lesson WHERE lesson.school_id = 1 "
        "AND lesson.substitute_teacher_id = 2) ORDER BY change.position LIMIT 501"),
    # Citus routes a subquery in the select list only when it names the school itself, not through the outer row.
    "the same, the subquery's school only by correlation (for contrast)": (
        "SELECT change.position, EXISTS (SELECT 1 FROM change later WHERE later.school_id = change.school_id "
        "AND later.entity = change.entity AND later.entity_key = change.entity_key AND later.field = change.field "
        "AND later.version > change.version) AS superseded FROM change WHERE change.school_id = 1 "
        "AND change.position > 0 ORDER BY change.position LIMIT 501"),
    "pull: an admin's open conflicts": (
        "SELECT conflict.id FROM conflict WHERE conflict.school_id = 1 AND conflict.resolved_at IS NULL "
        "AND conflict.course_id IN (SELECT course.id FROM course WHERE course.school_id = 1) "
        "ORDER BY conflict.id LIMIT 500"),
    "bootstrap: the pupils of the teacher's classes": (
        "SELECT pupil.id FROM pupil WHERE pupil.school_id = 1 AND pupil.id IN (SELECT class_membership.pupil_id "
        "FROM class_membership WHERE class_membership.school_id = 1 AND class_membership.class_id IN (3, 4))"),
    "replay: the first result from the audit log": (
        "SELECT result FROM audit_log WHERE school_id = 1 AND device_id = 'd1' AND seq = 4"),
    "the same, without the school (for contrast)": "SELECT result FROM audit_log WHERE device_id = 'd1' AND seq = 4",
}


def plan(conn: psycopg.Connection[Any], statement: str, params: Any) -> dict[str, Any]:
    """Citus's plan for a statement on the target schema: the shards its tasks touch, or its refusal."""
    cursor = psycopg.ClientCursor(conn)  # the values in the text, as a router planner sees constants
    try:
        cursor.execute(f"EXPLAIN {statement}".encode(), params)
        text = "\n".join(r[0] for r in cursor.fetchall())
    except psycopg.Error as error:
        return {"verdict": "refused", "error": (error.diag.message_primary or str(error)).splitlines()[0]}
    counts = [int(n) for n in TASKS.findall(text)]
    if not counts:
        return {"verdict": "local", "tasks": []}  # no distributed table: the coordinator's own (none expected)
    verdict = "router" if max(counts) == 1 and "Distributed Subplan" not in text else "multi-shard"
    return {"verdict": verdict, "tasks": counts, "subplans": text.count("Distributed Subplan")}


def tables_in(statement: str) -> list[str]:
    names = set(re.findall(r'\b(?:FROM|JOIN|INTO|UPDATE)\s+"?([a-z_]+)"?', statement))
    return sorted(n for n in names if n in tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()
    began = time.monotonic()
    cluster = CitusCluster().start()
    try:
        schema_url = cluster.create_database("schema")
        engine = open_server_db(schema_url)
        engine.dispose()
        print(f"cluster: coordinator :{cluster.coordinator.port}, workers "
              f"{', '.join(f':{w.port}' for w in cluster.workers)}; the server's schema migrated on the coordinator")
        cluster.freeze_template("schema")

        alone = each_alone(cluster, "schema")
        print("\n1a. each table alone (the others local):")
        for table, error in alone.items():
            print(f"  {table:16} {plan_of(table):11} {'accepted' if error is None else 'REFUSED: ' + error}")
        ordered = all_in_order(cluster, "schema")
        print("\n1b. all of them, reference tables first, then in foreign-key order:")
        for table, error in ordered.items():
            print(f"  {table:16} {plan_of(table):11} {'accepted' if error is None else 'REFUSED: ' + error}")

        outcome, ddl, fk_refusals = target_schema(cluster, "schema")
        print(f"\n2. the target schema ({len(ddl)} DDL statements: school_id added and leading every key):")
        for table, error in outcome.items():
            print(f"  {table:16} {plan_of(table):11} {'accepted' if error is None else 'REFUSED: ' + error}")
        print(f"  foreign keys put back: {'all accepted' if not fk_refusals else 'REFUSED:'}")
        for sql, error in fk_refusals.items():
            print(f"    {sql}: {error}")

        # The flows on a copy holding the demo school (as it is: local tables on the coordinator).
        flows_url = cluster.create_database("flows")
        engine = open_server_db(flows_url)
        demo.load(engine, TODAY)
        catcher = Catcher(engine)
        run_flows(engine, catcher)
        engine.dispose()
        plans = []
        with connect(cluster, "target") as conn:
            for statement, seen in catcher.seen.items():
                if statement.startswith(("BEGIN", "COMMIT", "ROLLBACK", "SELECT pg_catalog", "select pg_catalog")):
                    continue
                sent, params = seen.pop("text"), seen.pop("params")  # planned as it was sent, with its values
                plans.append({"statement": statement, "tables": tables_in(statement), **seen,
                              **plan(conn, sent, params)})
        print(f"\n3. {len(plans)} distinct statements of a login, a bootstrap, syncs and a period closing, planned by "
              "Citus on the target schema:")
        for p in plans:
            shown = p["statement"] if len(p["statement"]) < 160 else p["statement"][:157] + "..."
            detail = p.get("error") or f"tasks {p['tasks']}" + (
                f", {p['subplans']} subplans" if p.get("subplans") else "")
            print(f"  [{p['verdict']:11}] {'/'.join(p['flows'])} {p['where']} {','.join(p['tables'])}: {detail}\n"
                  f"      {shown}")
        with connect(cluster, "target") as conn:
            for sql in DIRECTORY:
                conn.execute(sql.encode())
            forms = {name: plan(conn, sql, None) for name, sql in SCHOOL_FORMS.items()}
        print("\n4. the hardest of them written with the school, planned on the target schema:")
        for name, p in forms.items():
            print(f"  [{p['verdict']:11}] {name}: {p.get('error') or 'tasks ' + str(p['tasks'])}")
        result = {
            "each_alone": alone, "all_in_order": ordered, "target": outcome, "target_foreign_keys": fk_refusals,
            "target_ddl": ddl, "statements": plans,
            "school_forms": forms,
            "verdicts": {v: sum(1 for p in plans if p["verdict"] == v) for v in ("router", "multi-shard", "refused",
                                                                                   "local")},
            "seconds": round(time.monotonic() - began, 1),
        }
        if args.json_out:
            args.json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
        print(json.dumps(result, ensure_ascii=False))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
