"""Record keys are built and read in one place (core.record_keys), in one spelling: what is built reads back
as itself, and another spelling of the same numbers is no key (it would name one record twice)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import record_keys
from core.record_keys import PeriodKey, PupilKey, ResultKey

ids = st.integers(1, 10**12)


@given(st.uuids().map(str), ids)
def test_a_cell_key_reads_back_as_built(lesson: str, pupil: int) -> None:
    assert record_keys.parse_pupil_key(record_keys.cell(lesson, pupil)) == PupilKey(lesson, pupil)


@given(ids, ids, ids)
def test_result_and_period_keys_read_back_as_built(course: int, period: int, pupil: int) -> None:
    assert record_keys.parse_result(record_keys.result(course, period, pupil)) == ResultKey(course, period, pupil)
    assert record_keys.parse_period(record_keys.period(period, course)) == PeriodKey(period, course)


@pytest.mark.parametrize("key", ["L/007", "L/", "/5", "L/5 ", "L/+5", "L/²", "L/٣", "L/-1", "L/1" + "0" * 19, "L"])
def test_a_pupil_key_in_another_spelling_is_no_key(key: str) -> None:
    assert record_keys.parse_pupil_key(key) is None


@pytest.mark.parametrize("key", ["1.2/03", "1/3", "1.2.3/4", "x.2/3", "1.2/", ".2/3"])
def test_a_result_key_in_another_spelling_is_no_key(key: str) -> None:
    assert record_keys.parse_result(key) is None
