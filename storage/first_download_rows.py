"""A new PC's first download written into the journal: the reference answer (school, classes, rosters,
timetable, calendar) in one transaction, then each page of the year's lessons with their cells, works and
scores in one transaction with the position reached, so a dropped link resumes where it stopped.

The same download runs again when the server says a journal's cursor is older than its feed keeps ("download
again", docs/sync-protocol.md): a row already here then takes the server's values, and every edit of this
journal still waiting for the server is put back over them, so nothing typed here is lost; later changes
arrive by the pull.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Date, Table, Time
from sqlalchemy.dialects.sqlite import insert

from storage import outbox, server_values, sync_state
from storage.database import JournalDatabase
from storage.models import metadata

# The reference answer's parts and their tables, parents before children (foreign keys are on).
_REFERENCE = (
    ("school", "school"), ("years", "academic_year"), ("periods", "period"), ("days_off", "day_off"),
    ("bell_slots", "bell_slot"), ("subjects", "subject"), ("teachers", "teacher"), ("classes", "school_class"),
    ("subgroups", "subgroup"),
    ("pupils", "pupil"), ("subgroup_members", "subgroup_member"), ("memberships", "class_membership"),
    ("courses", "course"), ("timetable", "timetable_entry"), ("period_marks", "period_mark"),
    ("free_works", "summative_work"), ("free_scores", "summative_score"),
)
_PAGE_PARTS = (("lessons", "lesson"), ("cells", "lesson_cell"), ("works", "summative_work"),
               ("scores", "summative_score"))


def store_reference(db: JournalDatabase, reference: dict[str, Any]) -> int:
    """The reference answer, and the pull cursor it was taken at; returns how many lessons will follow."""
    total = int(reference["lessons_total"])
    with db.write() as conn:
        _store(conn, _REFERENCE, reference)
        sync_state.update_state(conn, cursor=reference["cursor"], bootstrap_after="", bootstrap_total=total)
    return total


def store_page(db: JournalDatabase, page: dict[str, Any]) -> tuple[str, bool]:
    """One page of lessons; returns the position reached and whether more follow."""
    after, more = page["next"], page["more"]
    with db.write() as conn:
        _store(conn, _PAGE_PARTS, page)
        sync_state.update_state(conn, bootstrap_after=after, bootstrapped=not more)
    return after, more


def store_courses(db: JournalDatabase, reference: dict[str, Any]) -> None:
    """The reference answer for courses this journal lacks (sync.course_set): their rows beside what is here; the
    pull cursor stays where the journal's pulls brought it (a change the rows already hold may be pulled again,
    which changes nothing)."""
    with db.write() as conn:
        _store(conn, _REFERENCE, reference)


def store_courses_page(db: JournalDatabase, page: dict[str, Any]) -> tuple[str, bool]:
    """One page of those courses' lessons; returns the position reached and whether more follow."""
    with db.write() as conn:
        _store(conn, _PAGE_PARTS, page)
    return page["next"], page["more"]


def _store(conn: Connection, parts: tuple[tuple[str, str], ...], answer: dict[str, Any]) -> None:
    """An answer's parts into their tables, then every edit of this journal still waiting put back over them."""
    for part, table in parts:
        found = answer.get(part, [])  # a part an older server does not send is empty
        _insert(conn, table, found if isinstance(found, list) else [found])
    _put_back_waiting_edits(conn)


def lessons_held(db: JournalDatabase) -> int:
    with db.read() as conn:
        held: int = conn.exec_driver_sql("SELECT count(*) FROM lesson").scalar_one()
        return held


def _insert(conn: Connection, name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table: Table = metadata.tables[name]
    known = set(table.c.keys())
    typed = [{k: _typed(table, k, v) for k, v in row.items() if k in known} for row in rows]
    keys = [c.name for c in table.primary_key.columns]
    statement = insert(table)
    given = [c for c in typed[0] if c not in keys]  # what the server sent, as it holds it now
    if given:
        statement = statement.on_conflict_do_update(index_elements=keys,
                                                    set_={c: statement.excluded[c] for c in given})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=keys)
    conn.execute(statement, typed)


def _put_back_waiting_edits(conn: Connection) -> None:
    """This journal's edits the server has not acknowledged, over the values just written (in order: the
    latest of a field stands)."""
    for op in outbox.pending(conn):
        server_values.put_back_local(conn, op.entity, op.key, op.field, op.value)


def _typed(table: Table, column: str, value: Any) -> Any:
    """JSON gives dates and times as ISO text; the SQLite dialect wants date and time objects."""
    kind = table.c[column].type
    if value is None:
        return None
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(value)
    return value
