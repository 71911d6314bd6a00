"""Final period marks on the server: an override needs a reason, only the course's teacher (or an admin) sets
one, a closed period refuses it until an admin reopens it, and every accepted one is audited with its reason."""

from __future__ import annotations

import json

from core import final_marks, record_keys
from tests.server import school


def _term(live_server, number: int = 2) -> int:
    return live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = :n", n=number)[0][0]


def _final(mark, reason, computed=4):  # type: ignore[no-untyped-def]
    return final_marks.value(mark, reason, computed, 71.25, "order-125-2023/half-up")


def test_an_override_without_a_reason_is_refused_and_with_one_is_kept_and_audited(live_server):
    cell = school.cell(live_server)
    api = live_server.client()
    api.login(cell.teacher_login)
    key = record_keys.result(cell.course_id, _term(live_server), cell.pupil_id)
    no_reason, blank = api.sync([api.op("result", key, "final", _final(5, None)),
                                 api.op("result", key, "final", _final(5, "   "))])["results"]
    assert (no_reason["status"], no_reason["reason"]) == ("rejected", "reason_required")
    assert (blank["status"], blank["reason"]) == ("rejected", "reason_required")
    assert live_server.sql("SELECT * FROM period_mark WHERE course_id = :c", c=cell.course_id) == []

    [kept] = api.sync([api.op("result", key, "final", _final(5, "СОЧ rewritten after illness"))])["results"]
    assert kept["status"] == "applied"
    [row] = live_server.sql("SELECT final_mark, final_reason, computed_mark, rule_version FROM period_mark "
                            "WHERE course_id = :c AND pupil_id = :p", c=cell.course_id, p=cell.pupil_id)
    assert tuple(row) == (5, "СОЧ rewritten after illness", 4, "order-125-2023/half-up")
    audits = live_server.sql("SELECT field, new_value, result FROM audit_log WHERE entity = 'result' ORDER BY id")
    assert [(a.field, a.result) for a in audits] == [("final", "rejected"), ("final", "rejected"), ("final", "applied")]
    assert json.loads(audits[-1].new_value)["reason"] == "СОЧ rewritten after illness"


def test_a_mark_out_of_range_and_a_pupil_of_another_class_are_refused(live_server):
    cell = school.cell(live_server)
    api = live_server.client()
    api.login(cell.teacher_login)
    term = _term(live_server)
    stranger = live_server.sql("SELECT pupil_id FROM class_membership WHERE class_id != (SELECT class_id FROM course "
                               "WHERE id = :c) LIMIT 1", c=cell.course_id)[0][0]
    seven, outsider = api.sync([
        api.op("result", record_keys.result(cell.course_id, term, cell.pupil_id), "final", _final(7, "why not")),
        api.op("result", record_keys.result(cell.course_id, term, stranger), "final", _final(5, "a reason")),
    ])["results"]
    assert (seven["status"], seven["reason"]) == ("rejected", "invalid_mark")
    assert (outsider["status"], outsider["reason"]) == ("rejected", "pupil_not_in_course")


def test_only_the_courses_teacher_or_an_admin_sets_a_final_mark(live_server):
    cell = school.cell(live_server)
    other = live_server.client()
    other.login(school.other_teacher_login(live_server, cell.teacher_id))
    key = record_keys.result(cell.course_id, _term(live_server), cell.pupil_id)
    [refused] = other.sync([other.op("result", key, "final", _final(3, "a reason"))])["results"]
    assert (refused["status"], refused["reason"]) == ("rejected", "not_your_course")
    admin = live_server.client()
    admin.login("admin")
    [done] = admin.sync([admin.op("result", key, "final", _final(3, "decided by the pedagogical council"))])["results"]
    assert done["status"] == "applied"


def test_a_closed_term_refuses_final_marks_until_an_admin_reopens_it(live_server):
    cell = school.cell(live_server)
    api, admin = live_server.client(), live_server.client()
    api.login(cell.teacher_login)
    admin.login("admin")
    term = _term(live_server)
    key = record_keys.result(cell.course_id, term, cell.pupil_id)
    assert admin.http.post(f"/v1/admin/periods/{term}/close", headers=admin.headers()).status_code == 200
    [refused] = api.sync([api.op("result", key, "final", _final(5, "a reason"))])["results"]
    assert (refused["status"], refused["reason"]) == ("rejected", "period_closed")
    assert admin.http.post(f"/v1/admin/periods/{term}/reopen", headers=admin.headers()).status_code == 200
    [accepted] = api.sync([api.op("result", key, "final", _final(5, "a reason"))])["results"]
    assert accepted["status"] == "applied"
