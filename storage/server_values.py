"""The server's values written into the local journal: a field of a synced record at the server's version,
a record the server made, a period an admin closed or reopened, a pupil who arrived, left or moved. The
statements follow from the kinds' declarations (core.synced_kinds): a synced field is written here without
code of its own.

These writes are the server's truth arriving, not a teacher's edit: they queue nothing and leave no local
audit entry (the server's audit holds them). A value for a record whose lesson, work or pupil this journal
does not hold (a class this teacher does not have) is skipped: the foreign keys would refuse it anyway. A field
that removes its record (a summative work deleted) deletes the row here with the rows that refer to it; its
refusal tells the record as it stands, which is made again here (the PC that removed it puts it back). A lesson
moved onto a place this journal holds another lesson in (one made here that the server refused) stays where it
is: the statement would break the journal's one-lesson-per-course-and-slot key.
Called inside the caller's write transaction, many times a batch, hence storage.hot_sql and the statements
built once per field.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import Connection, Date, Table, insert

from core.synced_kinds import KINDS, SyncedField, SyncedKind
from storage import hot_sql
from storage.models import metadata

_PARENT_KEYS = {"lesson": "id", "pupil": "id", "summative_work": "id", "course": "id", "period": "id"}


def set_field(conn: Connection, entity: str, key: str, field: str, value: Any, version: int) -> bool:
    """Set the field to the server's value at `version` (never lowering the record's version); False when
    this journal cannot hold it (an unknown kind or field, a key of the wrong shape, a missing parent)."""
    target = _target(entity, key, field)
    if target is None:
        return False  # (a conflict's resolution names the server's conflict, which the journal keeps apart)
    kind, synced, pk = target
    if field == kind.creates:
        return _create(conn, kind, value, version)
    if synced.removes:
        if isinstance(value, dict):  # a removal refused: the record as the server holds it
            return _create(conn, kind, value, version)
        if value is True:
            _remove(conn, kind, pk)
        return True
    if synced.parts and not isinstance(value, dict):
        return False
    columns = synced.columns(value)
    if not _parents_held(conn, kind, columns):
        return False
    if kind.conflicts == "none":  # not versioned (a period's closing): the value only
        hot_sql.run(conn, _update_sql(kind, synced, versioned=False), {**_named(pk), **_named(columns)})
        return True
    hot_sql.run(conn, _setter_sql(kind, synced), {**_named(pk), **_named(columns), "version": version})
    _works_follow(conn, kind, pk, columns)
    if kind.key == "pupil" and version == 0 and all(v is None for v in columns.values()):
        # A refused edit put back to "nothing" in a cell the server never held: no empty row where it has none.
        hot_sql.run(conn, _empty_drop_sql(kind), _named(pk))
    return True


def put_back_local(conn: Connection, entity: str, key: str, field: str, value: Any) -> None:
    """Write a field's value as this journal's own edit still waiting for the server holds it, the version
    left as the server's (a download again wrote the server's values over it: storage.first_download_rows)."""
    target = _target(entity, key, field)
    if target is None or field == target[0].creates or (target[1].parts and not isinstance(value, dict)):
        return
    kind, synced, pk = target
    if synced.removes:
        if value is True:
            _remove(conn, kind, pk)
        return
    columns = synced.columns(value)
    hot_sql.run(conn, _update_sql(kind, synced, versioned=False), {**_named(pk), **_named(columns)})
    _works_follow(conn, kind, pk, columns)


def _target(entity: str, key: str, field: str) -> tuple[SyncedKind, SyncedField, dict[str, Any]] | None:
    """The kind, field and key columns a value goes to, when this journal holds that kind of record."""
    kind = KINDS.get(entity)
    synced = kind.fields.get(field) if kind is not None else None
    pk = kind.key_of(key) if kind is not None else None
    if kind is None or synced is None or pk is None or kind.table not in metadata.tables:
        return None
    return kind, synced, pk


def raise_version(conn: Connection, entity: str, key: str, version: int) -> None:
    """The record is at `version` on the server (after this device's own edit, or one it holds back)."""
    kind = KINDS.get(entity)
    pk = kind.key_of(key) if kind is not None else None
    if kind is not None and pk is not None and kind.conflicts in ("field", "create"):
        hot_sql.run(conn, _version_sql(kind), {**_named(pk), "version": version})


def _named(values: dict[str, Any]) -> dict[str, Any]:
    """Statement parameters: each column's value under `v_<column>`."""
    return {f"v_{name}": value for name, value in values.items()}


@cache
def _setter_sql(kind: SyncedKind, field: SyncedField) -> str:
    """An upsert for a record keyed with a pupil (a missing row is made), an update for one keyed by id."""
    if kind.key == "id":
        return _update_sql(kind, field, versioned=True)
    keys, columns = kind.key_columns, list(field.columns(None))
    parents = " AND ".join(
        f"EXISTS (SELECT 1 FROM {parent} WHERE {_PARENT_KEYS[parent]} = :v_{key})"
        for key, parent in zip(keys, kind.parents, strict=True))
    names = ", ".join((*keys, *columns, "server_version"))
    values = ", ".join((*(f":v_{c}" for c in (*keys, *columns)), ":version"))
    updates = ", ".join((*(f"{c} = excluded.{c}" for c in columns),
                         "server_version = max(server_version, excluded.server_version)"))
    return (f"INSERT INTO {kind.table} ({names}) SELECT {values} WHERE {parents} "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}")


@cache
def _update_sql(kind: SyncedKind, field: SyncedField, *, versioned: bool) -> str:
    sets = [f"{c} = :v_{c}" for c in field.columns(None)]
    if versioned:
        sets.append("server_version = max(server_version, :version)")
    guarded = " OR IGNORE" if field.parts and kind.table == "lesson" else ""  # a lesson moved: see the docstring
    return f"UPDATE{guarded} {kind.table} SET {', '.join(sets)} WHERE {_where(kind)}"


def _works_follow(conn: Connection, kind: SyncedKind, pk: dict[str, Any], columns: dict[str, Any]) -> None:
    """A lesson moved takes the summative works held in it to its new day, as the server does (which also logs
    each work's date: a pull brings that too, the same value)."""
    if kind.table == "lesson" and "date" in columns:
        hot_sql.run(conn, "UPDATE summative_work SET date = :d WHERE lesson_id = :id "
                          "AND EXISTS (SELECT 1 FROM lesson WHERE id = :id AND date = :d)",
                    {"d": columns["date"], "id": pk["id"]})


def _parents_held(conn: Connection, kind: SyncedKind, columns: dict[str, Any]) -> bool:
    """Whether the records the values name (a lesson's substitute) are in this journal: a value naming one it lacks
    is skipped, as a record whose parent it lacks is, rather than break the sync on a foreign key."""
    table: Table = metadata.tables[kind.table]
    for column, value in columns.items():
        for foreign in table.c[column].foreign_keys if value is not None else ():
            if not _exists(conn, foreign.column.table.name, value):
                return False
    return True


def _remove(conn: Connection, kind: SyncedKind, pk: dict[str, Any]) -> None:
    """The record deleted with the rows referring to it (a work's scores; a lesson's cells and works, and their
    scores). What was typed here into them and waits in the outbox still goes to the server, which refuses it as
    no longer there: the teacher finds it among the refused edits with its value (storage.rejections)."""
    [(key, value)] = pk.items()
    _remove_rows(conn, metadata.tables[kind.table], key, value)


def _remove_rows(conn: Connection, table: Table, key: str, value: Any) -> None:
    for child in metadata.sorted_tables:
        for foreign in child.foreign_keys:
            if foreign.column.table is table:
                child_key = next(iter(child.primary_key.columns)).name
                if len(child.primary_key.columns) == 1 and any(
                        f.column.table is child for t in metadata.sorted_tables for f in t.foreign_keys):
                    for (grandchild,) in hot_sql.rows(conn, f"SELECT {child_key} FROM {child.name} "
                                                            f"WHERE {foreign.parent.name} = :id", {"id": value}):
                        _remove_rows(conn, child, child_key, grandchild)
                else:
                    hot_sql.run(conn, f"DELETE FROM {child.name} WHERE {foreign.parent.name} = :id", {"id": value})
    hot_sql.run(conn, f"DELETE FROM {table.name} WHERE {key} = :id", {"id": value})


@cache
def _empty_drop_sql(kind: SyncedKind) -> str:
    empty = " AND ".join(f"{c} IS NULL" for f in kind.fields.values() for c in f.columns(None))
    return f"DELETE FROM {kind.table} WHERE {_where(kind)} AND server_version = 0 AND {empty}"


@cache
def _version_sql(kind: SyncedKind) -> str:
    return f"UPDATE {kind.table} SET server_version = max(server_version, :version) WHERE {_where(kind)}"


def _where(kind: SyncedKind) -> str:
    return " AND ".join(f"{c} = :v_{c}" for c in kind.key_columns)


def _create(conn: Connection, kind: SyncedKind, record: Any, version: int) -> bool:
    """A record the server made (a lesson or a work another PC added): its columns as the server sent them;
    one already here stays (it is the same record, by its id)."""
    if not isinstance(record, dict):
        return False
    table: Table = metadata.tables[kind.table]
    row = {c.name: _typed(c.type, record.get(c.name)) for c in table.columns if c.name in record}
    parents = [(column, table.c[column].foreign_keys) for column in row]
    for column, keys in parents:
        for foreign in keys:
            if row[column] is not None and not _exists(conn, foreign.column.table.name, row[column]):
                return False
    if "server_version" in table.c:  # the journal's records; the roster's (a pupil, his place in a class) have none
        row["server_version"] = version
    conn.execute(insert(table).prefix_with("OR IGNORE").values(**row))
    return True


def _exists(conn: Connection, table: str, key: Any) -> bool:
    return bool(hot_sql.rows(conn, f"SELECT 1 FROM {table} WHERE id = :id", {"id": key}))


def _typed(kind: Any, value: Any) -> Any:
    """JSON gives dates as ISO text; the SQLite dialect wants date objects."""
    return dt.date.fromisoformat(value) if isinstance(kind, Date) and isinstance(value, str) else value
