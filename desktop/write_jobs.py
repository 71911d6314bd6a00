"""The window's writes into the journal, each a job for the worker (desktop.writes) that goes through
storage.journal (or storage.conflicts and storage.rejections for the review's choices) and returns
what it changed (storage.changed.Changed): a cell or a score, a lesson's text, or a course's columns and
period marks. They run on the worker's thread only; no Qt here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop.writes import Written
from storage.changed import Changed

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.journal_access import JournalAccess
    from storage.conflicts import OpenConflict
    from storage.journal import Step


def cell(lesson_id: str, pupil_id: int) -> Changed:
    return Changed(cells={(lesson_id, pupil_id)})


def score(work_id: str, pupil_id: int) -> Changed:
    return Changed(scores={(work_id, pupil_id)})


def changed_by(step: Step) -> Changed:
    """What a step of the journal's undo stack (storage.journal.Change) changed, as Changed says it."""
    changed = Changed()
    for change in step:
        (changed.cells if change.entity == "cell" else changed.scores).add((change.record, change.pupil_id))
    return changed


# -- a lesson's cells ----------------------------------------------------------------------------------

def set_mark(access: JournalAccess, lesson_id: str, pupil_id: int, mark: int | None, today: dt.date) -> Written:
    """A mark typed (or put back); `today` is the day a mark may not be after."""
    access.journal.set_mark(lesson_id, pupil_id, mark, today=today)
    return Written(cell(lesson_id, pupil_id))


def set_attendance(access: JournalAccess, lesson_id: str, pupil_id: int, code: str | None) -> Written:
    access.journal.set_attendance(lesson_id, pupil_id, code)
    return Written(cell(lesson_id, pupil_id))


def set_comment(access: JournalAccess, lesson_id: str, pupil_id: int, text: str | None) -> Written:
    access.journal.set_comment(lesson_id, pupil_id, text)
    return Written(cell(lesson_id, pupil_id))


def clear_cell(access: JournalAccess, lesson_id: str, pupil_id: int) -> Written:
    """Delete: the mark and the attendance, in one transaction."""
    access.journal.clear_cell(lesson_id, pupil_id)
    return Written(cell(lesson_id, pupil_id))


# -- СОР/СОЧ scores --------------------------------------------------------------------------------------

def enter_score(access: JournalAccess, work_id: str, pupil_id: int, points: int | None) -> Written:
    access.journal.enter_score(work_id, pupil_id, points)
    return Written(score(work_id, pupil_id))


def set_score_comment(access: JournalAccess, work_id: str, pupil_id: int, text: str | None) -> Written:
    access.journal.set_score_comment(work_id, pupil_id, text)
    return Written(score(work_id, pupil_id))


# -- lessons, works, final marks -------------------------------------------------------------------------

def set_lesson_text(access: JournalAccess, lesson_id: str, field: str, text: str | None) -> Written:
    """The lesson's topic or homework (`field`)."""
    journal = access.journal
    (journal.set_topic if field == "topic" else journal.set_homework)(lesson_id, text)
    return Written(Changed(lessons={lesson_id}))


def add_lesson(access: JournalAccess, course_id: int, day: dt.date, slot: int) -> Written:
    """A lesson added to the course: its columns change. Returns the lesson's id."""
    lesson_id = access.journal.add_lesson(course_id, day, slot)
    return Written(Changed(courses={course_id}), lesson_id)


def add_work(access: JournalAccess, course_id: int, chosen: dict[str, Any]) -> Written:
    """A СОР/СОЧ added to the course (`chosen`: WorkDialog.chosen). Returns (its id, the scheduling limits it
    breaks)."""
    journal = access.journal
    work_id = journal.add_summative_work(course_id, **chosen)
    return Written(Changed(courses={course_id}), (work_id, journal.schedule_warnings(work_id)))


def cancel_lesson(access: JournalAccess, course_id: int, lesson_id: str, reason: str | None) -> Written:
    """The lesson cancelled for `reason` (None: the cancellation taken back): its course's columns change."""
    journal = access.journal
    if reason is None:
        journal.restore_lesson(lesson_id)
    else:
        journal.cancel_lesson(lesson_id, reason)
    return Written(Changed(courses={course_id}, lessons={lesson_id}))


def move_lesson(access: JournalAccess, course_id: int, lesson_id: str, day: dt.date, slot: int,
                today: dt.date) -> Written:
    """The lesson moved to `day`, `slot` (not after `today` when it holds marks)."""
    access.journal.move_lesson(lesson_id, day, slot, today=today)
    return Written(Changed(courses={course_id}, lessons={lesson_id}))


def edit_work(access: JournalAccess, course_id: int, work_id: str, changes: dict[str, Any]) -> Written:
    """A summative work's date and/or maximum changed (`changes`: WorkDialog.changes)."""
    access.journal.edit_work(work_id, **changes)
    return Written(Changed(courses={course_id}))


def delete_work(access: JournalAccess, course_id: int, work_id: str) -> Written:
    access.journal.delete_work(work_id)
    return Written(Changed(courses={course_id}))


def set_final_mark(access: JournalAccess, course_id: int, period_id: int, pupil_id: int, mark: int | None,
                   reason: str | None, today: dt.date) -> Written:
    """A final period mark set over the computed one (or removed): the course's period marks change."""
    access.journal.set_final_mark(course_id, period_id, pupil_id, mark, reason, today=today)
    return Written(Changed(courses={course_id}))


def set_attestation(access: JournalAccess, course_id: int, period_id: int, pupil_id: int, kind: str | None,
                    mark: int | None, today: dt.date) -> Written:
    """A year's exam or year test mark set (or cleared): the course's period marks change."""
    access.journal.set_attestation(course_id, period_id, pupil_id, kind, mark, today=today)
    return Written(Changed(courses={course_id}))


# -- undo and redo ---------------------------------------------------------------------------------------

def replay(access: JournalAccess, which: str, today: dt.date) -> Written:
    """Undo (`which` "undo") or redo the teacher's latest edit. Returns the step's changes (() for none)."""
    journal = access.journal
    step = journal.undo(today=today) if which == "undo" else journal.redo(today=today)
    return Written(changed_by(step), step)


# -- review ----------------------------------------------------------------------------------------------

def resolve(access: JournalAccess, conflict_id: int, value: Any, today: dt.date,
            conflict: OpenConflict | None) -> Written:
    """The teacher keeps `value` for a conflict (storage.conflicts.resolve): the record it is about changes and
    the list of open conflicts with it; `conflict` is the one the review panel showed (None: not known, and
    the whole journal is re-read)."""
    from storage import conflicts

    conflicts.resolve(access.journal, conflict_id, value, today=today)
    changed = Changed(review=True)
    if conflict is None:
        changed.everything = True
    else:
        changed.note(conflict.entity, conflict.key, conflict.field)
    return Written(changed)


def mark_seen(access: JournalAccess, seqs: Sequence[int]) -> Written:
    """Refused edits the teacher has seen (storage.rejections): only the review changes."""
    from storage import rejections

    with access.open_for_writing().write() as conn:
        rejections.mark_seen(conn, seqs)
    return Written(Changed(review=True))
