"""Bringing the journal on screen up to date from what changed in the file (storage.changed.Changed, as a sync
run or one of the window's writes, desktop.writes, reports it): the cells and scores it touched in this
journal are re-read (storage.sheet_cells) with the pupils' computed results and the open conflicts, and
patched into the grid in place; a journal whose columns changed (a lesson or work arrived, a final mark was
set) is re-read whole. A change of nothing here reads nothing. The reads run on the worker, on the light
reader (desktop.journal_access); no Qt here."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from core import term_results
from core.grading import Result
from storage import sheet_cells
from storage.changed import Changed
from storage.journal_sheet import JournalSheet

# More cells than this touched in the journal on screen (a colleague's whole week arriving): re-read it whole.
PATCH_LIMIT = 300


@dataclass
class SheetPatch:
    cells: dict[tuple[int, int], sheet_cells.CellValues | None] = field(default_factory=dict)  # (row, lesson index)
    scores: dict[tuple[int, int], sheet_cells.ScoreValues | None] = field(default_factory=dict)  # (row, work index)
    imported: dict[tuple[int, int], str | None] = field(default_factory=dict)  # (row, lesson index): where from
    imported_scores: dict[tuple[int, int], str | None] = field(default_factory=dict)  # (row, work index)
    computed: dict[int, Result] = field(default_factory=dict)  # pupil id → the period's result, recomputed
    clashes: set[tuple[int, int]] = field(default_factory=set)  # (row, grid column) with an open conflict


def open_clashes(conn: sqlite3.Connection, sheet: JournalSheet) -> set[tuple[int, int]]:
    """The grid cells (row, column) of `sheet` with an open conflict (see storage.conflicts)."""
    return {(sheet.row_of[pupil_id], sheet.column_of[lesson_id] + 1)
            for lesson_id, pupil_id in sheet_cells.conflicted_cells(conn)
            if lesson_id in sheet.column_of and pupil_id in sheet.row_of}


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
    """Whether the journal on screen must be re-read whole: its columns or period marks changed, a pupil arrived,
    left or moved, a lesson was cancelled or moved or a work changed (rare changes: any course's), or too many of
    its cells to patch."""
    if changed.everything or changed.roster or changed.reshaped or sheet.course_id in changed.courses:
        return True
    return len(touched_cells(sheet, changed)) + len(touched_scores(sheet, changed)) > PATCH_LIMIT


def concerns(sheet: JournalSheet, changed: Changed) -> bool:
    """Whether `changed` touches anything the grid of `sheet` shows (the lesson panel is asked apart)."""
    return needs_reload(sheet, changed) or bool(touched_cells(sheet, changed) or touched_scores(sheet, changed)
                                                or changed.review)


def load_patch(conn: sqlite3.Connection, sheet: JournalSheet, changed: Changed, period_id: int,
               today: dt.date) -> SheetPatch:
    """The current values of what `changed` names in `sheet`, read in one snapshot."""
    patch = SheetPatch()
    cells, scores = touched_cells(sheet, changed), touched_scores(sheet, changed)
    cell_pairs = [(lesson_id, pupil_id) for _row, _column, lesson_id, pupil_id in cells]
    cell_values = sheet_cells.cells(conn, cell_pairs)
    cells_from = sheet_cells.imported(conn, "lesson_cell", cell_pairs)
    for row, column, lesson_id, pupil_id in cells:
        patch.cells[(row, column)] = cell_values[(lesson_id, pupil_id)]
        patch.imported[(row, column)] = cells_from[(lesson_id, pupil_id)]
    score_pairs = [(work_id, pupil_id) for _row, _index, work_id, pupil_id in scores]
    score_values = sheet_cells.scores(conn, score_pairs)
    scores_from = sheet_cells.imported(conn, "summative_score", score_pairs)
    for row, index, work_id, pupil_id in scores:
        patch.scores[(row, index)] = score_values[(work_id, pupil_id)]
        patch.imported_scores[(row, index)] = scores_from[(work_id, pupil_id)]
    pupils = {pupil_id for *_place, pupil_id in cells + scores}
    if pupils:
        patch.computed = term_results.compute(conn, sheet.course_id, period_id, sorted(pupils), today)
    patch.clashes = open_clashes(conn, sheet)
    return patch
