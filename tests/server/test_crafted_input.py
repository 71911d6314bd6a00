"""Crafted input an attacker's client can send — Unicode digits that `str.isdigit` takes, ids past 2**63, a
cursor past 2**63, over-long keys and rule names, a computed mark of the wrong shape — is a 422 or a per-op
refusal, never a 500; and the operations after a refused one still apply."""

from __future__ import annotations

import pytest

from tests.server import school
from tests.server.test_sync import teacher_api

HUGE = 10**30


@pytest.mark.parametrize("entity, key, field, value", [
    ("cell", "{lesson}/²", "mark", 5),  # a superscript two: isdigit() says yes, int() says no
    ("cell", "{lesson}/" + str(2**63), "mark", 5),
    ("cell", "{lesson}/" + str(HUGE), "mark", 5),
    ("cell", "{lesson}/" + "9" * 70, "mark", 5),
    ("result", "1.1/²", "final", {"mark": 5, "reason": "x"}),
    ("result", f"{HUGE}.{HUGE}/{HUGE}", "final", {"mark": 5, "reason": "x"}),
    ("period", "²", "closed", True),
    ("conflict", str(2**63), "resolve", 5),
    ("score", "{lesson}/٣", "points", 3),  # an Arabic-Indic three
    ("result", "{course}.{period}/{pupil}", "final", {"mark": 5, "reason": "x", "computed": {}}),
    ("result", "{course}.{period}/{pupil}", "final", {"mark": 5, "reason": "x", "computed": "abc"}),
    ("result", "{course}.{period}/{pupil}", "final", {"mark": 5, "reason": "x", "rules": "r" * 5000}),
    ("result", "{course}.{period}/{pupil}", "final", "five"),
    ("cell", "{lesson}/{pupil}", "mark", HUGE),
    ("cell", "{lesson}/{pupil}", "mark", 2**63),
])
def test_a_crafted_operation_is_refused_alone_and_the_next_one_applies(live_server, entity, key, field, value):
    cell = school.cell(live_server)
    [(period,)] = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")
    key = key.format(lesson=cell.lesson_id, course=cell.course_id, period=period, pupil=cell.pupil_id)
    api = teacher_api(live_server, cell)
    answer = api.sync_raw({"device_id": api.device_id, "cursor": 0, "limit": 10, "ops": [
        api.op(entity, key, field, value), api.op("cell", cell.key, "comment", "Жақсы")]})
    if answer.status_code == 422:  # the whole request is malformed (a number past what JSON's model takes)
        assert answer.json()["error"] == "invalid_request"
        return
    assert answer.status_code == 200, answer.text
    crafted, good = answer.json()["results"]
    assert crafted["status"] == "rejected" and crafted["reason"], crafted
    assert good["status"] == "applied"


@pytest.mark.parametrize("cursor", [2**63, HUGE, -1])
def test_a_cursor_out_of_range_is_a_422(live_server, cursor):
    api = teacher_api(live_server, school.cell(live_server))
    answer = api.sync_raw({"device_id": api.device_id, "cursor": cursor, "ops": [], "limit": 10})
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request", answer.text



@pytest.mark.parametrize("path, body", [
    ("/v1/admin/pupils/{n}/move", {"class_id": 1, "from_date": "2026-12-01", "order": "№ 1"}),
    ("/v1/admin/pupils/{n}/leave", {"last_day": "2026-12-01", "order": "№ 1"}),
    ("/v1/admin/periods/{n}/close", None),
])
def test_an_admins_path_id_past_its_column_is_a_422(live_server, path, body):
    """Found by schemathesis with the admin's token: a pupil id of 2**66 in the path was a 500 on SQLite."""
    from server import demo

    admin = live_server.client()
    assert admin.login(demo.ADMIN_LOGIN).status_code == 200
    for number in (2**66, 2**31, 0):
        answer = admin.http.post(path.format(n=number), headers=admin.headers(), json=body)
        assert answer.status_code == 422, (number, answer.text)
