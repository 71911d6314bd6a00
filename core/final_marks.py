"""Final period marks (term, half-year, year) set by a teacher or admin over the computed ones: the rules the
PC and the server both apply, and the key the sync protocol names such a mark by.

A period's mark is the computed one (core.term_results) unless a final mark is set. Setting one that
differs from the computed mark needs a reason, which is audited with the change; setting the computed
mark itself just removes the override. On the wire it is the field "final" of the entity "result" (keyed
by key() below), one value {"mark", "reason", "computed",
"percent", "rule"}, so the mark and its reason always travel, conflict and get audited together. The
server cannot recompute a mark (it holds no grading of its own yet), so it enforces what it can check: a
mark in range for the course's scale, a reason with every override, the course's own teacher or an admin,
and an open period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from core.errors import BadValue, InvalidMark, MarksNotAllowed, ReasonRequired
from core.validation import check_text

PARTS = ("mark", "reason", "computed", "percent", "rule")  # a final mark's value on the wire, all of them
MAX_RULE = 40  # a grading rule's name (core.grading.RULES), as period_mark.rule_version holds it

# What a period mark may be, by the course's scale: 2–5 (classic and criteria-based alike), or for a
# pass/fail course 1 = зачёт / сынақ, 0 = незачёт.
FINAL_MARK_RANGES = {"classic": (2, 5), "criteria": (2, 5), "passfail": (0, 1)}


def check(scale: str, mark: object, reason: object) -> tuple[int | None, str | None]:
    """The (mark, reason) to keep: a mark in range, and a reason whenever a mark is set. Clearing the
    override (mark None) drops the reason."""
    if mark is None:
        return None, None
    bounds = FINAL_MARK_RANGES.get(scale)
    if bounds is None:
        raise MarksNotAllowed(scale=scale)
    low, high = bounds
    if not isinstance(mark, int) or isinstance(mark, bool) or not low <= mark <= high:
        raise InvalidMark(value=mark, scale=scale, allowed=f"{low}–{high}")
    text = check_text("reason", reason)
    if text is None:
        raise ReasonRequired(mark=mark)
    return mark, text


def check_value(scale: str, raw: object) -> dict[str, Any]:
    """A final mark's whole value as it is kept (null: the override removed); BadValue for anything not of
    its form, so no part of it reaches a column it does not fit."""
    if raw is None:
        return value(None, None, None, None, None)
    if not isinstance(raw, Mapping):
        raise BadValue(field="final mark", why=f"an object of {', '.join(PARTS)} is needed")
    unknown = sorted(str(k) for k in raw if k not in PARTS)
    if unknown:
        raise BadValue(field="final mark", why=f"unknown part {unknown[0]!r}")
    mark, reason = check(scale, raw.get("mark"), raw.get("reason"))
    computed, percent, rule = raw.get("computed"), raw.get("percent"), raw.get("rule")
    if computed is not None and (not isinstance(computed, int) or isinstance(computed, bool)
                                 or not 0 <= computed <= 5):
        raise BadValue(field="computed mark", why="a whole number 0–5 or null is needed")
    if percent is not None and (not isinstance(percent, (int, float)) or isinstance(percent, bool)
                                or not math.isfinite(percent) or not 0 <= percent <= 100):
        raise BadValue(field="computed percent", why="a number 0–100 or null is needed")
    if rule is not None and (not isinstance(rule, str) or not rule or len(rule) > MAX_RULE
                             or not rule.isprintable()):
        raise BadValue(field="rule", why=f"a grading rule's name of at most {MAX_RULE} characters is needed")
    return value(mark, reason, computed, None if percent is None else float(percent), rule)


# What a year's attestation mark is: the exam of the final attestation (grades 9 and 11), or the summative year test a
# pupil with a year 2 writes (shared/domain.md, "Year and final marks"); its mark 2–5 either way.
ATTESTATIONS = ("exam", "year_test")
EXAM_GRADES = (9, 11)


def check_attestation(raw: object) -> dict[str, Any]:
    """An attestation's value as kept: {"kind", "mark"}, both null when it is cleared; BadValue or InvalidMark for
    anything else."""
    if raw is None:
        return {"kind": None, "mark": None}
    if not isinstance(raw, Mapping) or set(raw) != {"kind", "mark"}:
        raise BadValue(field="attestation", why='an object of "kind" and "mark" is needed')
    kind, mark = raw["kind"], raw["mark"]
    if kind not in ATTESTATIONS:
        raise BadValue(field="attestation", why=f"the kind is one of {', '.join(ATTESTATIONS)}")
    if not isinstance(mark, int) or isinstance(mark, bool) or not 2 <= mark <= 5:
        raise InvalidMark(value=mark, scale="classic", allowed="2–5")
    return {"kind": kind, "mark": mark}


def computed_number(status: str, mark: int | str | None) -> int | None:
    """A computed result's mark as a period mark is stored: 2–5, or 1/0 for a pass/fail course's
    "pass"/"fail"; None when the result is not a grade (no marks, н/а, not graded)."""
    if status != "graded":
        return None
    if isinstance(mark, str):
        return {"pass": 1, "fail": 0}[mark]
    return mark


def value(mark: int | None, reason: str | None, computed: int | None, percent: float | None,
          rule: str | None) -> dict[str, Any]:
    """The wire and audit form of a final mark."""
    return {"mark": mark, "reason": reason, "computed": computed, "percent": percent, "rule": rule}
