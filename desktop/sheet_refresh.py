"""Bringing the journal on screen up to date after a sync run, from what the run says it changed
(storage.changed): the cells and scores it touched in this journal are re-read with the pupils' computed
results and the open conflicts, and patched into the grid in place; a journal whose columns changed (a
lesson or work arrived, a final mark was set) is re-read whole. A run that changed nothing here reads nothing.
The reads run on the worker, on the light reader (desktop.journal_access); no Qt here."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from core.grading import Result
from storage import term_results
from storage.changed import Changed
from storage.journal_sheet import JournalSheet

# More cells than this touched in the journal on screen (a colleague's whole week arriving): re-read it whole.
PATCH_LIMIT = 300

Values = tuple[str | None, int | None, str | None]


@dataclass
class SheetPatch:
    cells: dict[tuple[int, int], Values | None] = field(default_factory=dict)  # (row, lesson index) → values
    scores: dict[tuple[int, int], tuple[int | None, str | None] | None] = field(default_factory=dict)  # (row, work)
    computed: dict[int, Result] = field(default_factory=dict)  # pupil id → the period's result, recomputed
    clashes: set[tuple[int, int]] = field(default_factory=set)  # (row, grid column) with an open conflict


def open_clashes(conn: sqlite3.Connection, sheet: JournalSheet) -> set[tuple[int, int]]:
    """The grid cells (row, column) of `sheet` with an open conflict (see storage.conflicts)."""
    clashes = set()
    for (key,) in conn.execute("SELECT entity_key FROM sync_conflict WHERE entity = 'cell' AND resolved_seq IS NULL"):
        lesson_id, _, pupil = key.partition("/")
        if lesson_id in sheet.column_of and pupil.isdigit() and int(pupil) in sheet.row_of:
            clashes.add((sheet.row_of[int(pupil)], sheet.column_of[lesson_id] + 1))
    return clashes


def touched_cells(sheet: JournalSheet, changed: Changed) -> list[tuple[int, int, str, int]]:
    """(row, lesson index, lesson id, pupil id) of the changed cells that `sheet` shows."""
    return [(sheet.row_of[pupil], sheet.column_of[lesson], lesson, pupil) for lesson, pupil in changed.cells
            if lesson in sheet.column_of and pupil in sheet.row_of]


def touched_scores(sheet: JournalSheet, changed: Changed) -> list[tuple[int, int, str, int]]:
    """(row, work index, work id, pupil id) of the changed scores that `sheet` shows."""
    works = {work.id: j for j, work in enumerate(sheet.works)}
    return [(sheet.row_of[pupil], works[work], work, pupil) for work, pupil in changed.scores
            if work in works and pupil in sheet.row_of]


def needs_reload(sheet: JournalSheet, changed: Changed) -> bool:
    """Whether the journal on screen must be re-read whole: its columns or period marks changed, or too many
    of its cells to patch."""
    if changed.everything or sheet.course_id in changed.courses:
        return True
    return len(touched_cells(sheet, changed)) + len(touched_scores(sheet, changed)) > PATCH_LIMIT


def concerns(sheet: JournalSheet, changed: Changed) -> bool:
    """Whether the run changed anything the grid of `sheet` shows (the lesson panel is asked apart)."""
    return needs_reload(sheet, changed) or bool(touched_cells(sheet, changed) or touched_scores(sheet, changed)
                                                or changed.review)


def load_patch(conn: sqlite3.Connection, sheet: JournalSheet, changed: Changed, period_id: int,
               today: dt.date) -> SheetPatch:
    """The current values of what the run changed in `sheet`, read in one snapshot."""
    patch = SheetPatch()
    pupils = set()
    for row, column, lesson_id, pupil_id in touched_cells(sheet, changed):
        found = conn.execute("SELECT attendance, mark, comment FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                             (lesson_id, pupil_id)).fetchone()
        patch.cells[(row, column)] = tuple(found) if found and any(v is not None for v in found) else None
        pupils.add(pupil_id)
    for row, index, work_id, pupil_id in touched_scores(sheet, changed):
        found = conn.execute("SELECT points, comment FROM summative_score WHERE work_id = ? AND pupil_id = ?",
                             (work_id, pupil_id)).fetchone()
        patch.scores[(row, index)] = tuple(found) if found and (found[0] is not None or found[1]) else None
        pupils.add(pupil_id)
    if pupils:
        patch.computed = term_results.compute(conn, sheet.course_id, period_id, sorted(pupils), today)
    patch.clashes = open_clashes(conn, sheet)
    return patch
