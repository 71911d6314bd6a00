"""The scheduling limits of summative works (shared/domain.md), as warnings: at most 3 СОР in one course in a
term; at most 3 СОЧ on one day in one class (a subject's СОЧ counted once: its language groups write theirs as the
class's one); no СОЧ on a term's last school day (the class's last day with lessons, not the period's end, often a
Saturday or a holiday); no СОЧ on the day of a СОР in the same course. Warnings, not refusals: a school may have
its reasons (a postponed work), but the teacher should see the rule it breaks. Pure: the caller hands in the works
and the terms; no database here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_SOR_PER_TERM = 3
MAX_SOCH_PER_DAY = 3


@dataclass(frozen=True)
class PlannedWork:
    id: str
    course_id: int
    class_id: int
    kind: str  # sor, soch
    date: dt.date
    subject_id: int = 0  # the course's subject: a class's groups of one subject write one СОЧ


@dataclass(frozen=True)
class Term:
    start: dt.date
    end: dt.date
    last_day: dt.date | None = None  # the class's last school day of the term, when known (else `end`)


@dataclass(frozen=True)
class Warning:
    code: str  # too_many_sor, too_many_soch_in_a_day, soch_on_last_day, soch_with_sor
    work_id: str
    params: dict[str, Any]


def check(work: PlannedWork, others: Sequence[PlannedWork], terms: Sequence[Term]) -> list[Warning]:
    """What `work` (new or moved) breaks, given the school's other works and the terms."""
    others = [w for w in others if w.id != work.id]
    warnings = []
    term = next((t for t in terms if t.start <= work.date <= t.end), None)
    if work.kind == "sor" and term is not None:
        count = 1 + sum(1 for w in others if w.kind == "sor" and w.course_id == work.course_id
                        and term.start <= w.date <= term.end)
        if count > MAX_SOR_PER_TERM:
            warnings.append(Warning("too_many_sor", work.id, {"count": count, "limit": MAX_SOR_PER_TERM}))
    if work.kind == "soch":
        subjects = {_subject(w) for w in others if w.kind == "soch" and w.class_id == work.class_id
                    and w.date == work.date} | {_subject(work)}
        if len(subjects) > MAX_SOCH_PER_DAY:
            warnings.append(Warning("too_many_soch_in_a_day", work.id,
                                    {"count": len(subjects), "limit": MAX_SOCH_PER_DAY, "date": work.date}))
        if term is not None and work.date == (term.last_day or term.end):
            warnings.append(Warning("soch_on_last_day", work.id, {"date": work.date}))
        if any(w.kind == "sor" and w.course_id == work.course_id and w.date == work.date for w in others):
            warnings.append(Warning("soch_with_sor", work.id, {"date": work.date}))
    if work.kind == "sor":  # the same rule seen from the СОР's side
        if any(w.kind == "soch" and w.course_id == work.course_id and w.date == work.date for w in others):
            warnings.append(Warning("soch_with_sor", work.id, {"date": work.date}))
    return warnings


def _subject(work: PlannedWork) -> tuple[str, int]:
    """What a СОЧ counts as in its class's day: its subject, or its course when the subject is not given."""
    return ("subject", work.subject_id) if work.subject_id else ("course", work.course_id)
