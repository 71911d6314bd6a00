"""`dala-server export-school`: a school's whole journal written out in an open, documented format
(docs/school-export.md), and that format read back into a server that does not hold the school (issue 21).

An export is a folder: one CSV file a table (UTF-8, a header row of the server's own column names, NULL written as
`\\N`), and `manifest.json` naming the format and its version, the school, and each file's table, columns, rows and
SHA-256. The same rows can be written as one SQLite file instead (the tables as the server's embedded database holds
them, and the manifest in a table of its own). What is kept: the school, its year, periods, bells and days off, the
subjects it uses, teachers and their accounts (password hashes only when asked: moving to another Dala server), pupils,
classes and their rosters, subgroups, courses, the week's timetable, every lesson with its topic and homework, every
cell (mark, attendance, comment), summative work and score, period mark with its final mark's reason, the conflicts
and the whole audit trail. Not kept: the PCs' sessions and the change feed (a PC downloads its journal afresh from
the server the school moves to).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    Table,
    Time,
    create_engine,
    func,
    insert,
    select,
    text,
)

from core import record_keys
from server.accounts import hash_password
from server.db import refresh_statistics, writer
from server.schema import metadata, tables

FORMAT = "dala-school-export"
VERSION = 1
NULL = "\\N"
# The tables an export holds, as the server names them; written in an order where each follows those it points to.
EXPORTED = ("school", "subject", "academic_year", "bell_slot", "login_name", "pupil", "teacher", "account", "day_off",
            "period", "school_class", "class_membership", "subgroup", "course", "subgroup_member", "lesson",
            "period_mark", "timetable_entry", "lesson_cell", "summative_work", "summative_score", "conflict",
            "audit_log")
_SECRET = {("account", "password_hash")}
_HASH_CHUNK = 1 << 20


class ExportRefused(ValueError):
    """An export that cannot be read back: each problem with its file (and row) and reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _ordered() -> list[Table]:
    order = [t.name for t in metadata.sorted_tables]
    assert set(EXPORTED) <= set(order), set(EXPORTED) - set(order)
    return sorted((tables[name] for name in EXPORTED), key=lambda t: order.index(t.name))


@dataclass(frozen=True)
class _Scope:
    """What of the school an export holds: `classes` (None: the whole school), and of them one `pupil`'s rows alone
    (his record, roster, cells, scores, period marks, conflicts and audit entries, beside his classes' lessons and
    works); `keys`: what the audit entries of those records begin their keys with (_keys)."""

    classes: list[int] | None = None
    pupil: int | None = None
    keys: frozenset[str] = frozenset()


def _rows(conn: Connection, table: Table, school_id: int, scope: _Scope) -> Iterator[Mapping[str, Any]]:
    """The school's rows of `table`, in key order (subjects: those its courses teach); with a scope's classes, those
    of these classes alone (_of_classes), and of its pupil, his alone."""
    if table.name == "school":
        query = select(table).where(table.c.id == school_id)
    elif table.name == "subject":
        course = tables["course"]
        used = select(course.c.subject_id).where(course.c.school_id == school_id)
        if scope.classes is not None:
            used = used.where(course.c.class_id.in_(scope.classes))
        query = select(table).where(table.c.id.in_(used))
    else:
        query = select(table).where(table.c.school_id == school_id)
        if scope.classes is not None:
            query = query.where(*_of_classes(table, school_id, scope.classes))
        if scope.pupil is not None and "pupil_id" in table.c:
            query = query.where(table.c.pupil_id == scope.pupil)
        elif scope.pupil is not None and table.name == "pupil":
            query = query.where(table.c.id == scope.pupil)
    key = [c for c in table.primary_key.columns] or list(table.columns)
    for row in conn.execute(query.order_by(*key)).mappings():
        if table.name in ("audit_log", "conflict") and scope.classes is not None and not _in_scope(row, scope):
            continue
        yield dict(row)


def _in_scope(row: Mapping[Any, Any], scope: _Scope) -> bool:
    """Whether an audit entry or a conflict is of the scope's records: of its classes' lessons, works and courses; of
    its pupil, only the lessons, works and courses themselves and what is his of them."""
    said = str(row["entity_key"] or "")
    if scope.pupil is None:
        return said[:36] in scope.keys or said.split("/")[0] in scope.keys
    if said in scope.keys:
        return True  # a lesson's topic, a work, a course's substitution
    if (found := record_keys.parse_pupil_key(said)) is not None:
        return found.pupil == scope.pupil and found.record in scope.keys
    if (result := record_keys.parse_result(said)) is not None:
        return result.pupil == scope.pupil and str(result.course) in scope.keys
    return row["entity"] == "pupil" and said == str(scope.pupil)


def _of_classes(table: Table, school_id: int, classes: list[int]) -> list[Any]:
    """What of `table` an export of some classes holds: the classes, their pupils and roster, groups, courses with
    their timetable, lessons, cells, works, scores, period marks and conflicts; the teachers of their courses and
    their class teachers with their accounts and usernames; the school's year, terms, bells and calendar."""
    T = tables
    course = select(T["course"].c.id).where(T["course"].c.school_id == school_id, T["course"].c.class_id.in_(classes))
    teachers = select(T["course"].c.teacher_id).where(T["course"].c.school_id == school_id,
                                                      T["course"].c.class_id.in_(classes)).union(
        select(T["school_class"].c.homeroom_teacher_id).where(T["school_class"].c.school_id == school_id,
                                                              T["school_class"].c.id.in_(classes)))
    pupils = select(T["class_membership"].c.pupil_id).where(T["class_membership"].c.school_id == school_id,
                                                            T["class_membership"].c.class_id.in_(classes))
    by_table: dict[str, Callable[[], list[Any]]] = {  # (lazily: each names its table's own columns)
        "school_class": lambda: [table.c.id.in_(classes)],
        "class_membership": lambda: [table.c.class_id.in_(classes)],
        "pupil": lambda: [table.c.id.in_(pupils)],
        "subgroup": lambda: [table.c.class_id.in_(classes)],
        "subgroup_member": lambda: [table.c.subgroup_id.in_(select(T["subgroup"].c.id).where(
            T["subgroup"].c.school_id == school_id, T["subgroup"].c.class_id.in_(classes)))],
        "course": lambda: [table.c.class_id.in_(classes)],
        "teacher": lambda: [table.c.id.in_(teachers)],
        "account": lambda: [table.c.teacher_id.in_(teachers)],
        "login_name": lambda: [table.c.username.in_(select(T["account"].c.username).where(
            T["account"].c.school_id == school_id, T["account"].c.teacher_id.in_(teachers)))],
        "academic_year": lambda: [table.c.id.in_(select(T["school_class"].c.year_id).where(
            T["school_class"].c.school_id == school_id, T["school_class"].c.id.in_(classes)))],
    }
    if table.name in by_table:
        return by_table[table.name]()
    if "course_id" in table.c:
        return [table.c.course_id.in_(course)]
    if table.name == "lesson_cell":
        return [table.c.lesson_id.in_(select(T["lesson"].c.id).where(T["lesson"].c.school_id == school_id,
                                                                    T["lesson"].c.course_id.in_(course)))]
    if table.name == "summative_score":
        return [table.c.work_id.in_(select(T["summative_work"].c.id).where(
            T["summative_work"].c.school_id == school_id, T["summative_work"].c.course_id.in_(course)))]
    return []  # the school's own: bells, terms, calendar, its audit log (filtered by _in_scope)


def _keys(conn: Connection, school_id: int, classes: list[int]) -> frozenset[str]:
    """What the audit entries of some classes' records begin their keys with: their lessons' and works' ids (a cell's
    and a score's key begins with its record's), their courses' numbers (a period mark's)."""
    T = tables
    courses = list(conn.execute(select(T["course"].c.id).where(
        T["course"].c.school_id == school_id, T["course"].c.class_id.in_(classes))).scalars())
    records = conn.execute(select(T["lesson"].c.id).where(
        T["lesson"].c.school_id == school_id, T["lesson"].c.course_id.in_(courses))).scalars()
    works = conn.execute(select(T["summative_work"].c.id).where(
        T["summative_work"].c.school_id == school_id, T["summative_work"].c.course_id.in_(courses))).scalars()
    return frozenset({str(r) for r in (*records, *works)} | {str(c) for c in courses})


def _scope(conn: Connection, school_id: int, class_id: int | None, pupil_id: int | None) -> _Scope:
    """The scope of an export of the whole school, one class or one pupil (the classes he was in this year)."""
    if class_id is None and pupil_id is None:
        return _Scope()
    T = tables
    if pupil_id is not None:
        classes = list(conn.execute(select(T["class_membership"].c.class_id).distinct().where(
            T["class_membership"].c.school_id == school_id, T["class_membership"].c.pupil_id == pupil_id)).scalars())
        if not classes:
            raise ExportRefused([f"school {school_id} has no pupil {pupil_id}"])
    else:
        classes = [class_id] if conn.execute(select(T["school_class"].c.id).where(
            T["school_class"].c.school_id == school_id, T["school_class"].c.id == class_id)).first() else []
        if not classes:
            raise ExportRefused([f"school {school_id} has no class {class_id}"])
    return _Scope(classes, pupil_id, _keys(conn, school_id, classes))


def _cell(value: Any, column_type: Any) -> str:
    if value is None:
        return NULL
    if isinstance(column_type, JSON):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    out = str(value)
    return "\\" + out if out.startswith("\\") else out  # a text beginning with a backslash is never NULL


def _value(cell: str, column_type: Any) -> Any:
    if cell == NULL:
        return None
    if cell.startswith("\\"):
        return cell[1:]
    if isinstance(column_type, JSON):
        return json.loads(cell)
    if isinstance(column_type, Boolean):
        if cell not in ("true", "false"):
            raise ValueError(f"{cell!r} is not true or false")
        return cell == "true"
    if isinstance(column_type, (Integer, BigInteger, SmallInteger)):
        return int(cell)
    if isinstance(column_type, (Float, Numeric)):
        return float(cell)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(cell)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(cell)
    if isinstance(column_type, Time):
        return dt.time.fromisoformat(cell)
    return cell


def _school_ids(conn: Connection) -> set[int]:
    return set(conn.execute(select(tables["school"].c.id)).scalars())


def export_school(engine: Engine, school_id: int, folder: Path, *, passwords: bool = False,
                  class_id: int | None = None, pupil_id: int | None = None) -> dict[str, Any]:
    """Write school `school_id` (or one class or one pupil of it) into `folder` (made; it must not hold an export
    already); the manifest."""
    if (folder / "manifest.json").exists():
        raise ExportRefused([f"{folder}: already holds an export"])
    listed = []
    with engine.connect() as conn:
        if school_id not in _school_ids(conn):
            raise ExportRefused([f"there is no school {school_id} on this server"])
        scope = _scope(conn, school_id, class_id, pupil_id)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # (only once there is something to write)
        for table in _ordered():
            columns = [c for c in table.columns if passwords or (table.name, c.name) not in _SECRET]
            path = folder / f"{table.name}.csv"
            count = 0
            with path.open("w", encoding="utf-8", newline="") as out:
                writer_ = csv.writer(out, lineterminator="\n")
                writer_.writerow([c.name for c in columns])
                for row in _rows(conn, table, school_id, scope):
                    writer_.writerow([_cell(row[c.name], c.type) for c in columns])
                    count += 1
            path.chmod(0o600)  # pupils' personal data
            listed.append({"table": table.name, "file": path.name, "columns": [c.name for c in columns],
                           "rows": count, "sha256": _sha256(path)})
        name = conn.execute(select(tables["school"].c.name).where(tables["school"].c.id == school_id)).scalar_one()
    manifest = {"format": FORMAT, "version": VERSION, "exported_at": dt.datetime.now(dt.UTC).isoformat(),
                "school": {"id": school_id, "name": name}, "class": class_id, "pupil": pupil_id, "passwords": passwords,
                "tables": listed}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "manifest.json").chmod(0o600)
    return manifest


def to_sqlite(folder: Path, target: Path) -> None:
    """An export folder as one SQLite file: the same tables as the server's embedded database holds them, and the
    manifest in a table of its own."""
    manifest, read = _read_folder(folder)
    engine = create_engine(f"sqlite:///{target}")
    copy = MetaData()
    made = [Table(entry["table"], copy, *(c._copy() for c in tables[entry["table"]].columns
                                          if c.name in entry["columns"])) for entry in manifest["tables"]]
    copy.create_all(engine, tables=made)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE manifest (json TEXT NOT NULL)"))
        conn.execute(text("INSERT INTO manifest VALUES (:j)"), {"j": json.dumps(manifest, ensure_ascii=False)})
        for entry, table in zip(manifest["tables"], made, strict=True):
            batch = list(read(entry))
            if batch:
                conn.execute(insert(table), batch)
    engine.dispose()
    target.chmod(0o600)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _read_folder(folder: Path) -> tuple[dict[str, Any], Any]:
    """The manifest, checked, and a reader of each listed table's rows (typed as the server's columns)."""
    problems: list[str] = []
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExportRefused([f"manifest.json: cannot be read ({error})"]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExportRefused(["manifest.json: this is not a Dala school export"])
    if manifest.get("version") != VERSION:
        raise ExportRefused([f"manifest.json: export format version {manifest.get('version')} is not one this "
                             f"server reads ({VERSION})"])
    if manifest.get("class") is not None or manifest.get("pupil") is not None:
        # Part of a school: its audit trail holds that part's entries alone, so its chain cannot be verified, and it
        # has no admin. It is read as it is (CSV, SQLite); a pupil goes to another school by his transfer extract.
        raise ExportRefused(["manifest.json: this is the export of one class or one pupil, not of a school: a server "
                             "imports a whole school's export (a pupil moves with his transfer extract, export-pupil)"])
    listed = {entry.get("table"): entry for entry in manifest.get("tables", []) if isinstance(entry, dict)}
    for name in EXPORTED:
        entry = listed.get(name)
        if entry is None:
            problems.append(f"manifest.json: the table {name} is missing")
            continue
        path = folder / str(entry.get("file"))
        if path.parent != folder or not path.is_file():
            problems.append(f"{entry.get('file')}: missing")
        elif _sha256(path) != entry.get("sha256"):
            problems.append(f"{path.name}: its contents are not what the manifest says (damaged or changed)")
        known = {c.name for c in tables[name].columns}
        unknown = [c for c in entry.get("columns", []) if c not in known]
        if unknown:
            problems.append(f"{entry.get('file')}: columns this server does not have: {', '.join(unknown)}")
    if problems:
        raise ExportRefused(problems)

    def read(entry: dict[str, Any]) -> Iterator[dict[str, Any]]:
        table = tables[entry["table"]]
        with (folder / entry["file"]).open(encoding="utf-8", newline="") as source:
            rows = csv.reader(source)
            header: list[str] = next(rows, [])
            if header != entry["columns"]:
                raise ExportRefused([f"{entry['file']}: its header is not the manifest's columns"])
            for number, row in enumerate(rows, start=2):
                if len(row) != len(header):
                    raise ExportRefused([f"{entry['file']}, row {number}: {len(row)} fields, not {len(header)}"])
                try:
                    yield {name: _value(cell, table.c[name].type) for name, cell in zip(header, row, strict=True)}
                except ValueError as error:
                    raise ExportRefused([f"{entry['file']}, row {number}: {error}"]) from None

    return manifest, read


def import_school(engine: Engine, folder: Path) -> dict[str, Any]:
    """Read the export in `folder` into this server, which must not hold the school or any of its usernames; all of
    it or, on any problem, nothing. Counts by table, and the one-time passwords of an export without its hashes."""
    manifest, read = _read_folder(folder)
    school_id = int(manifest["school"]["id"])
    counts: dict[str, int] = {}
    passwords: dict[str, str] = {}
    with writer(engine).begin() as conn:
        if school_id in _school_ids(conn):
            raise ExportRefused([f"this server already holds school {school_id} ({manifest['school']['name']})"])
        login_name = tables["login_name"]
        for entry in manifest["tables"]:
            table = tables[entry["table"]]
            rows = list(read(entry))
            if table.name == "subject":  # shared by the server's schools: those it lacks are added
                have = dict(conn.execute(select(table.c.id, table.c.code)).all())
                clash = [f"{r['id']} ({r['code']}; here {have[r['id']]})" for r in rows
                         if r["id"] in have and have[r["id"]] != r["code"]]
                if clash:
                    raise ExportRefused([f"{entry['file']}: subject ids this server gives other subjects: "
                                         f"{', '.join(clash)}"])
                rows = [row for row in rows if row["id"] not in have]
            if table.name == "login_name":
                taken = set(conn.execute(select(login_name.c.username).where(
                    login_name.c.username.in_([r["username"] for r in rows]))).scalars())
                if taken:
                    raise ExportRefused([f"{entry['file']}: usernames already used on this server: "
                                         f"{', '.join(sorted(taken))}"])
            if table.name == "account" and "password_hash" not in entry["columns"]:
                # Exported without their password hashes: each account gets a one-time password to hand out, as a
                # school imported from its bundle does (server.school_import).
                for row in rows:
                    passwords[row["username"]] = secrets.token_urlsafe(9)
                    row["password_hash"] = hash_password(passwords[row["username"]])
            for at in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[at:at + 5000])
            counts[table.name] = len(rows)
        _follow_sequences(conn)
        audit_log = tables["audit_log"]
        school_head = conn.execute(select(audit_log.c.hash).where(
            audit_log.c.school_id == school_id, audit_log.c.device_id.is_(None), audit_log.c.hash.is_not(None))
            .order_by(audit_log.c.id.desc()).limit(1)).scalar()
        conn.execute(insert(tables["feed"]).values(school_id=school_id, head=0, kept_from=0, log_head=school_head))
    refresh_statistics(engine)
    return {"school_id": school_id, "rows": counts, "passwords": passwords}


def _follow_sequences(conn: Connection) -> None:
    """On PostgreSQL, each id sequence moved past the ids imported (SQLite numbers from the table's highest)."""
    if conn.dialect.name != "postgresql":
        return
    for table in _ordered():
        if "id" in table.c and table.c.id.default is not None:
            name = f"{table.name}_id_seq"
            highest = conn.execute(select(func.max(table.c.id))).scalar()
            if highest is not None:
                conn.execute(text("SELECT setval(:s, GREATEST(:v, (SELECT last_value FROM "
                                  + name + ")))"), {"s": name, "v": highest})
