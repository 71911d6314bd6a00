"""The current contents of chosen places of a journal sheet, re-read to patch a sheet on screen in place
(desktop.sheet_refresh): lesson cells, СОР/СОЧ scores, where the school imported either from, and the lesson
cells with an open conflict. Plain SQL
on the driver's connection, as storage.journal_sheet (read on the desktop's light reader)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core import record_keys
from storage.journal_sheet import driver_connection

Pair = tuple[str, int]  # (lesson or work id, pupil id)
CellValues = tuple[str | None, int | None, str | None]  # attendance, mark, comment
ScoreValues = tuple[int | None, str | None]  # points, comment


def cells(conn: Any, pairs: Iterable[Pair]) -> dict[Pair, CellValues | None]:
    """(attendance, mark, comment) of each (lesson id, pupil id) cell; None for a cell that holds nothing.
    `conn`: a SQLAlchemy Connection or a sqlite3 connection to the journal."""
    return {pair: tuple(row) if row and any(v is not None for v in row) else None for pair, row in _read(
        conn, "SELECT attendance, mark, comment FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?", pairs).items()}


def scores(conn: Any, pairs: Iterable[Pair]) -> dict[Pair, ScoreValues | None]:
    """(points, comment) of each (work id, pupil id) score; None for a pupil with neither points nor a comment."""
    return {pair: tuple(row) if row and (row[0] is not None or row[1]) else None for pair, row in _read(
        conn, "SELECT points, comment FROM summative_score WHERE work_id = ? AND pupil_id = ?", pairs).items()}


_IMPORTED = {"lesson_cell": "SELECT imported FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
             "summative_score": "SELECT imported FROM summative_score WHERE work_id = ? AND pupil_id = ?"}


def imported(conn: Any, table: str, pairs: Iterable[Pair]) -> dict[Pair, str | None]:
    """Where the school imported each (lesson id, pupil id) cell, or (work id, pupil id) score, from: the synced
    field "imported" of `table` ("lesson_cell" or "summative_score"); None for what a teacher wrote."""
    return {pair: row[0] if row else None for pair, row in _read(conn, _IMPORTED[table], pairs).items()}


def _read(conn: Any, query: str, pairs: Iterable[Pair]) -> dict[Pair, Any]:
    """The row `query` (keyed by record and pupil) finds for each pair, or None."""
    raw = driver_connection(conn)
    return {(record, pupil): raw.execute(query, (record, pupil)).fetchone() for record, pupil in pairs}


def conflicted_cells(conn: Any) -> set[Pair]:
    """(lesson id, pupil id) of each lesson cell with an open conflict (storage.models.SyncConflict)."""
    conflicted = set()
    for (key,) in driver_connection(conn).execute(
            "SELECT entity_key FROM sync_conflict WHERE entity = 'cell' AND resolved_seq IS NULL"):
        cell = record_keys.parse_pupil_key(key)
        if cell is not None:
            conflicted.add((cell.record, cell.pupil))
    return conflicted
