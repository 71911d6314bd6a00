"""Term and year marks, worked by hand: each case gives its inputs, the percentage and the mark expected,
under both rounding settings where they differ; then properties that must hold for any marks."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import grading
from core.grading import (
    ORDER_125_EXACT,
    ORDER_125_HALF_UP,
    RuleVersion,
    Score,
    after_year_test,
    attestation_final,
    classic_term,
    criteria_term,
    passfail_term,
    year_mark,
    year_result,
)

S = Score
CASES = [
    # name, ФО, СОР, СОЧ, expected % (exact), mark when rounded half up, mark when kept exact
    ("all three parts, 80 each", [8, 8], [S(12, 15)], [S(16, 20)], "80", 4, 4),
    ("the formula: 20 + 17.083 + 37.5", [7, 9, 10, 6], [S(10, 15), S(7, 10)], [S(15, 20)], "74.583333", 4, 4),
    ("no СОЧ: ФО and СОР 50/50", [10, 10], [S(5, 10)], [], "75", 4, 4),
    ("no СОР yet: ФО and СОЧ share", [6], [], [S(18, 20)], "80", 4, 4),
    ("39 is a 2", [], [], [S(39, 100)], "39", 2, 2),
    ("40 is a 3", [], [], [S(40, 100)], "40", 3, 3),
    ("64 is a 3", [], [], [S(64, 100)], "64", 3, 3),
    ("65 is a 4", [], [], [S(65, 100)], "65", 4, 4),
    ("84 is a 4", [], [], [S(84, 100)], "84", 4, 4),
    ("85 is a 5", [], [], [S(85, 100)], "85", 5, 5),
    ("39.5: rounding decides", [], [], [S(79, 200)], "39.5", 3, 2),
    ("64.5: rounding decides", [], [], [S(129, 200)], "64.5", 4, 3),
    ("84.5: rounding decides", [], [], [S(169, 200)], "84.5", 5, 4),
    ("84.4 stays a 4 either way", [], [], [S(211, 250)], "84.4", 4, 4),
    ("full marks", [10], [S(15, 15)], [S(20, 20)], "100", 5, 5),
    ("nothing right", [0], [S(0, 15)], [S(0, 20)], "0", 2, 2),
]


@pytest.mark.parametrize(("name", "fo", "sor", "soch", "percent", "half_up", "exact"), CASES,
                         ids=[c[0] for c in CASES])
def test_worked_cases(name, fo, sor, soch, percent, half_up, exact) -> None:  # type: ignore[no-untyped-def]
    rounded = criteria_term(fo, sor, soch, ORDER_125_HALF_UP)
    kept = criteria_term(fo, sor, soch, ORDER_125_EXACT)
    assert rounded.status == kept.status == "graded"
    assert abs(rounded.percent - Fraction(percent)) < Fraction(1, 10**6) and rounded.percent == kept.percent
    assert (rounded.mark, kept.mark) == (half_up, exact)
    assert rounded.rule == "order-125-2023/half-up" and kept.rule == "order-125-2023/exact"


def test_the_parts_are_shown() -> None:
    result = criteria_term([7, 9, 10, 6], [S(10, 15), S(7, 10)], [S(15, 20)])
    assert result.parts["fo"] == 80 and result.parts["soch"] == 75
    assert result.parts["sor"] == Fraction(205, 3)  # (66.67 + 70) / 2


def test_a_half_year_of_a_one_hour_subject_counts_fo_and_sor_only() -> None:
    result = criteria_term([6], [S(9, 10)], [S(20, 20)], half_year=True)
    assert (result.percent, result.mark) == (75, 4)


def test_a_summative_work_not_written_leaves_the_term_not_attested() -> None:
    result = criteria_term([9, 10], [S(None, 10)], [S(18, 20)])
    assert (result.status, result.mark) == ("not_attested", "n/a")
    assert criteria_term([9], [S(8, 10)], [S(None, 20)]).mark == "n/a"


def test_grade_1_is_not_graded_and_an_empty_term_has_no_mark() -> None:
    assert criteria_term([10], [], [], grade=1).status == "not_graded"
    assert classic_term([5], grade=1).status == "not_graded"
    assert criteria_term([], [], []).status == "no_marks"
    assert classic_term([]).status == "no_marks"


@pytest.mark.parametrize(("marks", "expected"), [([5, 4, 4], 4), ([5, 4], 5), ([3, 2], 3), ([2, 2, 3], 2),
                                                 ([5], 5), ([4, 4, 5, 5, 5], 5)])
def test_a_classic_term_mark_is_the_mean_rounded_half_up(marks: list[int], expected: int) -> None:
    assert classic_term(marks).mark == expected


def test_pass_fail() -> None:
    assert passfail_term([1, 0]).mark == "pass"
    assert passfail_term([0, 0, 1]).mark == "fail"
    assert passfail_term([]).status == "no_marks"


@pytest.mark.parametrize(("terms", "expected"), [([4, 5, 5, 4], 5), ([3, 4, 4], 4), ([5, 5, 5, 5], 5),
                                                 ([2, 3], 3), ([], None)])
def test_the_year_mark_is_the_mean_of_the_term_marks(terms: list[int], expected: int | None) -> None:
    assert year_mark(terms) == expected


HALF_DOWN = RuleVersion("a school's: ties go down", year_rounding="half_down")
SKIPS = RuleVersion("a school's: a «н/а» term skipped", unattested_term="skip")


@pytest.mark.parametrize(("terms", "rule", "expected"), [
    ([3, 4], ORDER_125_HALF_UP, 4),  # 3.5, a tie: up by default
    ([3, 4], HALF_DOWN, 3),  # the school's setting: down
    ([4, 4, 5], HALF_DOWN, 4),  # 4.33: not a tie, the same either way
    ([4, 5, 5, 5], HALF_DOWN, 5),  # 4.75
])
def test_the_year_marks_rounding_is_the_rule_versions(terms: list[int], rule: RuleVersion, expected: int) -> None:
    assert year_mark(terms, rule) == expected
    assert year_result(terms, rule).mark == expected


def test_a_year_over_an_unattested_term_waits_unless_the_rule_says_skip() -> None:
    assert (year_result([5, "n/a", 5, 5]).status, year_result([5, "n/a", 5, 5]).mark) == ("not_attested", "n/a")
    assert year_result([5, "n/a", 5, 5], SKIPS).mark == 5
    assert year_result([None, None]).status == "no_marks"


@pytest.mark.parametrize(("terms", "expected"), [
    (["pass", "pass", "pass", "pass"], "pass"),
    (["pass", "fail", "pass", "pass"], "fail"),  # every term must be passed, by default
    (["pass", None], "pass"),  # a term with nothing yet does not count against the year
    (["pass", "n/a"], "n/a"),
])
def test_a_pass_fail_subject_has_a_year_result(terms: list[str | None], expected: str) -> None:
    assert year_result(terms).mark == expected


def test_a_pass_fail_years_share_is_the_schools_setting() -> None:
    three_of_four = RuleVersion("a school's: three terms of four", year_pass_share=Fraction(3, 4))
    assert year_result(["pass", "fail", "pass", "pass"], three_of_four).mark == "pass"
    assert year_result(["pass", "fail", "fail", "pass"], three_of_four).mark == "fail"


@pytest.mark.parametrize(("year", "test", "expected"), [(2, 3, 3), (2, 4, 3), (2, 5, 4), (2, 2, 2)])
def test_the_final_after_a_year_test_is_the_mean_of_year_and_test(year: int, test: int, expected: int) -> None:
    # (2 + 3) / 2 = 2.5 → 3 half up; (2 + 4) / 2 = 3; (2 + 5) / 2 = 3.5 → 4
    assert after_year_test(year, test) == expected


@pytest.mark.parametrize(("year", "exam", "expected"), [(5, 5, 5), (4, 5, 4), (5, 3, 4), (3, 5, 4), (4, 2, 3)])
def test_the_final_attestation_weighs_year_and_exam(year: int, exam: int, expected: int) -> None:
    # 4·0.7 + 5·0.3 = 4.3 → 4; 5·0.7 + 3·0.3 = 4.4 → 4; 3·0.7 + 5·0.3 = 3.6 → 4; 4·0.7 + 2·0.3 = 3.4 → 3
    assert attestation_final(year, exam) == expected


works = st.integers(1, 40).flatmap(lambda top: st.builds(Score, st.integers(0, top), st.just(top)))
terms = st.tuples(st.lists(st.integers(0, 10), max_size=12), st.lists(works, max_size=3),
                  st.lists(works, max_size=1), st.sampled_from([ORDER_125_HALF_UP, ORDER_125_EXACT]))


@given(terms)
def test_the_percentage_stays_between_0_and_100(term) -> None:  # type: ignore[no-untyped-def]
    fo, sor, soch, rule = term
    result = criteria_term(fo, sor, soch, rule)
    if result.status == "graded":
        assert 0 <= result.percent <= 100 and result.mark in (2, 3, 4, 5)


@given(terms, st.data())
def test_raising_any_score_never_lowers_the_mark(term, data) -> None:  # type: ignore[no-untyped-def]
    fo, sor, soch, rule = term
    before = criteria_term(fo, sor, soch, rule)
    places = [("fo", i) for i, p in enumerate(fo) if p < 10] \
        + [("sor", i) for i, s in enumerate(sor) if s.points < s.max_points] \
        + [("soch", i) for i, s in enumerate(soch) if s.points < s.max_points]
    if before.status != "graded" or not places:
        return
    part, i = data.draw(st.sampled_from(places))
    if part == "fo":
        fo = [p + 1 if j == i else p for j, p in enumerate(fo)]
    elif part == "sor":
        sor = [Score(s.points + 1, s.max_points) if j == i else s for j, s in enumerate(sor)]
    else:
        soch = [Score(s.points + 1, s.max_points) if j == i else s for j, s in enumerate(soch)]
    after = criteria_term(fo, sor, soch, rule)
    assert after.percent >= before.percent and after.mark >= before.mark


@given(terms, st.randoms())
def test_the_order_marks_were_entered_in_does_not_matter(term, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    fo, sor, soch, rule = term
    shuffled = [rng.sample(part, len(part)) for part in (fo, sor, soch)]
    assert criteria_term(*shuffled, rule) == criteria_term(fo, sor, soch, rule)


def test_a_period_is_graded_by_the_rule_version_in_force_when_it_began(monkeypatch) -> None:
    later = grading.RuleVersion("future-2027/exact", rounding="exact")
    monkeypatch.setattr(grading, "SCHEDULE", ((dt.date(2023, 9, 1), grading.ORDER_125_HALF_UP),
                                              (dt.date(2027, 9, 1), later)))
    assert grading.rule_for(dt.date(2027, 1, 8)) is grading.ORDER_125_HALF_UP  # a term of this year keeps its rule
    assert grading.rule_for(dt.date(2027, 9, 1)) is later
    assert grading.rule_for(dt.date(2020, 9, 1)) is grading.ORDER_125_HALF_UP  # before any: the first version
