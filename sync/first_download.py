"""A new PC's first download (the server's bootstrap): the teacher's school, classes, rosters, timetable
and calendar in one answer, then the whole year's lessons with their cells, works and scores, page by page,
each page committed with the position reached, so a dropped link resumes where it stopped. Progress is
lessons received / lessons in all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Date, Table, Time, insert

from core.tables import Base
from storage.database import JournalDatabase
from sync import local_state
from sync.transport import ServerLink

PAGE = 200
# The reference answer's parts and their tables, parents before children (foreign keys are on).
_REFERENCE = (
    ("school", "school"), ("years", "academic_year"), ("periods", "period"), ("bell_slots", "bell_slot"),
    ("subjects", "subject"), ("teachers", "teacher"), ("classes", "school_class"), ("subgroups", "subgroup"),
    ("pupils", "pupil"), ("subgroup_members", "subgroup_member"), ("memberships", "class_membership"),
    ("courses", "course"), ("timetable", "timetable_entry"), ("period_marks", "period_mark"),
    ("free_works", "summative_work"), ("free_scores", "summative_score"),
)
_PAGE_PARTS = (("lessons", "lesson"), ("cells", "lesson_cell"), ("works", "summative_work"),
               ("scores", "summative_score"))


def download(db: JournalDatabase, link: ServerLink, progress: Callable[[int, int], None]) -> None:
    with db.read() as conn:
        state = local_state.load(conn)
    if state is None or state["bootstrapped"]:
        return
    after, total = state["bootstrap_after"], state["bootstrap_total"]
    if after is None:  # the reference data has not arrived yet
        reference = link.bootstrap_reference().answer
        total = int(reference["lessons_total"])
        with db.write() as conn:
            for part, table in _REFERENCE:
                found = reference.get(part, [])  # a part an older server does not send is empty
                rows = found if isinstance(found, list) else [found]
                _insert(conn, table, rows)
            local_state.update_state(conn, cursor=reference["cursor"], bootstrap_after="", bootstrap_total=total)
        after = ""
    done = _lessons_held(db)
    progress(done, total or done)
    more = True
    while more:
        page = link.bootstrap_lessons(after, PAGE).answer
        with db.write() as conn:
            for part, table in _PAGE_PARTS:
                _insert(conn, table, page[part])
            after, more = page["next"], page["more"]
            local_state.update_state(conn, bootstrap_after=after, bootstrapped=not more)
        done += len(page["lessons"])
        progress(done, max(total or 0, done))


def _lessons_held(db: JournalDatabase) -> int:
    with db.read() as conn:
        held: int = conn.exec_driver_sql("SELECT count(*) FROM lesson").scalar_one()
        return held


def _insert(conn: Connection, name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table: Table = Base.metadata.tables[name]
    known = set(table.c.keys())
    typed = [{k: _typed(table, k, v) for k, v in row.items() if k in known} for row in rows]
    # A row already here (a record pulled by a sync between pages) stays; later changes arrive by the pull.
    conn.execute(insert(table).prefix_with("OR IGNORE"), typed)


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
