"""Term and year marks as Kazakhstan's schools compute them (Order No. 125, p.28; see shared/domain.md): pure
functions of a pupil's marks and scores for one period, no database and no Qt, so every rule is testable
on its own and the same code can run on the PC and on the server.

Criteria-based courses: term % = mean ФО ÷ 10 × 25 + mean of each СОР's own percentage × 0.25 + СОЧ
percentage × 0.5; without a СОЧ in the period (and for half-year grading of one-hour-a-week subjects) ФО and
СОР weigh 50 % each. The percentage gives the mark by bands (0–39 → 2, 40–64 → 3, 65–84 → 4, 85–100 → 5).
Whether the percentage is rounded before the bands is not settled by any source, so it is a setting of the
rule version: "half_up" (84.5 → 85 → 5) or "exact" (84.5 stays under 85 → 4). A part with nothing in it
yet (no СОР this term) leaves its weight to the others in proportion. Classic courses: the mean of the
period's marks rounded half up to a whole mark (4.5 → 5), as the year mark is. Pass/fail courses: passed when
at least `pass_share`
of the period's marks are passes. Grade 1 is not graded. A summative work the pupil has not written leaves
the term «временно не аттестован» (n/a) until it is.

Rules are data (`RuleVersion`), named and versioned: a graded period keeps the version it was graded under
(stored with its marks), and one that stored none is graded by the version in force when it began (SCHEDULE).
Arithmetic is in exact fractions, so 84.5 is 84.5 and not 84.49999, and the result does not depend on the
order the marks were entered in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import ceil, floor

HUNDRED = Fraction(100)


@dataclass(frozen=True)
class RuleVersion:
    name: str
    fo_weight: Fraction = Fraction(1, 4)
    sor_weight: Fraction = Fraction(1, 4)
    soch_weight: Fraction = Fraction(1, 2)
    fo_weight_without_soch: Fraction = Fraction(1, 2)
    sor_weight_without_soch: Fraction = Fraction(1, 2)
    # lowest percentage of each mark, best first
    bands: tuple[tuple[int, int], ...] = ((85, 5), (65, 4), (40, 3), (0, 2))
    rounding: str = "half_up"  # or "exact"
    fo_max: int = 10
    # Pass/fail (зачёт / сынақ): a period is passed when at least this share of its marks are passes. No source
    # settles it: the school's setting, by choosing the version (docs/assessment.md).
    pass_share: Fraction = Fraction(1, 2)
    # The year: the mean of the term marks rounded to a whole mark (domain.md, Order No. 125), a tie ("3.5") going
    # "half_up" (to 4) or "half_down" (to 3); no source says which, so it is the school's setting too.
    year_rounding: str = "half_up"
    # A year over a «н/а» term: "wait" (the year is «н/а» until the term is attested: domain.md) or "skip" (the
    # mean of the attested terms, as Dala computed before this rule was named; kept for periods graded so).
    unattested_term: str = "wait"
    # A pass/fail subject's year: passed when at least this share of its terms (half-years) are; all of them
    # by default (a term not passed is made up before the year is). No source: the school's setting.
    year_pass_share: Fraction = Fraction(1)
    # Grades 9 and 11: a subject with an exam ends with year × 0.7 + exam × 0.3, rounded as the year is (one
    # secondary source, domain.md; to be checked against the order in force before a school relies on it).
    final_year_weight: Fraction = Fraction(7, 10)


ORDER_125_HALF_UP = RuleVersion("order-125-2023/half-up")
ORDER_125_EXACT = RuleVersion("order-125-2023/exact", rounding="exact")
RULES = {rule.name: rule for rule in (ORDER_125_HALF_UP, ORDER_125_EXACT)}
DEFAULT_RULE = ORDER_125_HALF_UP
# Which rule version grades a period that kept none, by the day the period starts: when the rules change, a
# new version is added here from the first day it applies, and periods that began before keep theirs.
SCHEDULE: tuple[tuple[dt.date, RuleVersion], ...] = ((dt.date(2023, 9, 1), ORDER_125_HALF_UP),)


def rule_for(period_start: dt.date) -> RuleVersion:
    """The rule version in force on the day a period starts."""
    chosen = SCHEDULE[0][1]
    for since, rule in SCHEDULE:
        if since <= period_start:
            chosen = rule
    return chosen


@dataclass(frozen=True)
class Score:
    """A pupil's result in one summative work; `points` None when the pupil has not written it yet."""

    points: int | None
    max_points: int

    def percent(self) -> Fraction:
        assert self.points is not None
        return Fraction(self.points) * HUNDRED / self.max_points


@dataclass(frozen=True)
class Result:
    """status: "graded", "not_attested" (a summative work not written: н/а), "no_marks" (nothing to grade
    from yet), "not_graded" (grade 1). `percent` is the unrounded percentage; `parts` what it came from."""

    status: str
    mark: int | str | None = None  # 2–5; "pass"/"fail" for pass/fail courses
    percent: Fraction | None = None
    rule: str = ""
    parts: dict[str, Fraction | None] = field(default_factory=dict)


def _mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def _whole(value: Fraction, how: str = "half_up") -> int:
    """Rounded to a whole number, a half going up ("half_up") or down ("half_down"); values here are never
    negative."""
    if how == "half_down":
        return ceil(value - Fraction(1, 2))
    return floor(value + Fraction(1, 2))


def mark_for(percent: Fraction, rule: RuleVersion) -> int:
    """The mark a percentage earns under `rule` (after its rounding setting)."""
    judged = _whole(percent) if rule.rounding == "half_up" else percent
    for lowest, mark in rule.bands:
        if judged >= lowest:
            return mark
    return rule.bands[-1][1]


def criteria_term(fo: Sequence[int], sor: Sequence[Score], soch: Sequence[Score], rule: RuleVersion = DEFAULT_RULE,
                  *, grade: int = 5, half_year: bool = False) -> Result:
    """The term (or half-year) result of a criteria-based course. `half_year`: the period of a one-hour-a-week
    subject, graded from ФО and СОР only."""
    if grade == 1:
        return Result("not_graded", rule=rule.name)
    if any(s.points is None for s in (*sor, *soch)):
        return Result("not_attested", mark="n/a", rule=rule.name)
    soch = [] if half_year else list(soch)
    fo_part = _mean([Fraction(p) for p in fo]) * HUNDRED / rule.fo_max if fo else None
    sor_part = _mean([s.percent() for s in sor]) if sor else None
    soch_part = _mean([s.percent() for s in soch]) if soch else None
    if fo_part is None and sor_part is None and soch_part is None:
        return Result("no_marks", rule=rule.name)
    if soch_part is not None:
        weights = {"fo": rule.fo_weight, "sor": rule.sor_weight, "soch": rule.soch_weight}
    else:
        weights = {"fo": rule.fo_weight_without_soch, "sor": rule.sor_weight_without_soch, "soch": Fraction(0)}
    parts = {"fo": fo_part, "sor": sor_part, "soch": soch_part}
    present = [(part, w) for k, w in weights.items() if (part := parts[k]) is not None and w > 0]
    total_weight = sum((w for _, w in present), Fraction(0))
    percent = sum((part * w for part, w in present), Fraction(0)) / total_weight
    return Result("graded", mark_for(percent, rule), percent, rule.name, parts)


def classic_term(marks: Sequence[int], rule: RuleVersion = DEFAULT_RULE, *, grade: int = 5) -> Result:
    """The term mark of a classic 2–5 course: the mean of the period's marks, rounded half up."""
    if grade == 1:
        return Result("not_graded", rule=rule.name)
    if not marks:
        return Result("no_marks", rule=rule.name)
    mean = _mean([Fraction(m) for m in marks])
    return Result("graded", _whole(mean), None, rule.name, {"mean": mean})


def passfail_term(marks: Sequence[int], rule: RuleVersion = DEFAULT_RULE) -> Result:
    """Зачёт / незачёт from the period's 1 (pass) and 0 (fail) marks."""
    if not marks:
        return Result("no_marks", rule=rule.name)
    share = Fraction(sum(marks), len(marks))
    return Result("graded", "pass" if share >= rule.pass_share else "fail", None, rule.name, {"pass_share": share})


def year_mark(term_marks: Sequence[int], rule: RuleVersion = DEFAULT_RULE) -> int | None:
    """The year mark: the mean of the term (or half-year) marks, rounded to a whole mark as `rule` says."""
    if not term_marks:
        return None
    return _whole(_mean([Fraction(m) for m in term_marks]), rule.year_rounding)


def year_result(terms: Sequence[int | str | None], rule: RuleVersion = DEFAULT_RULE) -> Result:
    """The year from its terms' (half-years') marks as they stand: 2–5, "pass"/"fail", "n/a" (not attested) or None
    (nothing to grade yet). A «н/а» term leaves the year «н/а» (rule.unattested_term "wait"); a pass/fail subject's
    year is passed when rule.year_pass_share of its graded terms are."""
    if "n/a" in terms and rule.unattested_term == "wait":
        return Result("not_attested", "n/a", rule=rule.name)
    passes = [t for t in terms if t in ("pass", "fail")]
    if passes:
        share = Fraction(passes.count("pass"), len(passes))
        return Result("graded", "pass" if share >= rule.year_pass_share else "fail", None, rule.name,
                      {"pass_share": share})
    mark = year_mark([t for t in terms if isinstance(t, int)], rule)
    return Result("graded", mark, rule=rule.name) if mark is not None else Result("no_marks", rule=rule.name)


def after_year_test(year: int, test: int, rule: RuleVersion = DEFAULT_RULE) -> int:
    """The final mark of a subject whose year mark was a 2 and whose summative year test the pupil then wrote: the
    mean of the two, rounded as the year is (domain.md, "Year and final marks")."""
    return _whole(Fraction(year + test, 2), rule.year_rounding)


def attestation_final(year: int, exam: int, rule: RuleVersion = DEFAULT_RULE) -> int:
    """The final mark of a subject examined at the final attestation (grades 9 and 11): the year and exam marks
    weighed by `rule.final_year_weight`, rounded as the year is."""
    weighed = rule.final_year_weight * year + (1 - rule.final_year_weight) * exam
    return _whole(weighed, rule.year_rounding)
