"""The combined sync call: applying operations once, refusing gaps, authorising every write, detecting
conflicts per field of one lesson cell, closed periods, pulling changes, and auditing all of it."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from core import ids
from tests.server import school
from tests.server.conftest import LiveServer, running_server


@pytest.fixture
def live_server(every_db: str) -> Iterator[LiveServer]:
    """The server of each test on SQLite, PostgreSQL and a Citus cluster distributed by school."""
    with running_server(every_db) as server:
        yield server


def teacher_api(live_server, cell):
    api = live_server.client()
    assert api.login(cell.teacher_login).status_code == 200
    return api


def server_cell(live_server, cell):
    rows = live_server.sql("SELECT attendance, mark, comment, server_version FROM lesson_cell "
                           "WHERE lesson_id = :l AND pupil_id = :p", l=cell.lesson_id, p=cell.pupil_id)
    return tuple(rows[0]) if rows else None


def test_a_mark_is_applied_versioned_logged_and_audited(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    before = server_cell(live_server, cell)
    base = before[3] if before else 0
    [result] = api.sync([api.op("cell", cell.key, "mark", 9, base=base)])["results"]
    assert result["status"] == "applied" and result["version"] == base + 1
    mark, version = server_cell(live_server, cell)[1], server_cell(live_server, cell)[3]
    assert (mark, version) == (9, base + 1)
    [change] = live_server.sql("SELECT field, value, version, device_id FROM change")
    assert tuple(change) == ("mark", "9", base + 1, api.device_id)
    [entry] = live_server.sql("SELECT account_id, device_id, ip, seq, entity, entity_key, field, new_value, result "
                              "FROM audit_log WHERE device_id = :d AND entity <> 'login'", d=api.device_id)
    assert entry.ip == "127.0.0.1" and entry.seq == 1 and entry.entity_key == cell.key
    assert (entry.field, entry.new_value, entry.result) == ("mark", "9", "applied")


def test_a_batch_sent_twice_changes_nothing_the_second_time(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    ops = [api.op("cell", cell.key, "mark", 7), api.op("cell", cell.key, "comment", "Жарайсың")]
    first = api.sync(ops)
    counts = live_server.sql("SELECT (SELECT count(*) FROM change), (SELECT count(*) FROM audit_log)")[0]
    again = api.sync(ops)
    assert [r["status"] for r in again["results"]] == [r["status"] for r in first["results"]]
    assert all(r["replayed"] for r in again["results"])
    assert live_server.sql("SELECT (SELECT count(*) FROM change), (SELECT count(*) FROM audit_log)")[0] == counts
    assert again["last_seq"] == 2


def test_a_gap_in_sequence_numbers_is_refused_not_skipped(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    first = api.op("cell", cell.key, "mark", 6)
    api.op("cell", cell.key, "mark", 7)  # seq 2 is lost on the way
    third = api.op("cell", cell.key, "comment", "x")
    results = api.sync([first, third])["results"]
    assert [(r["status"], r.get("expected")) for r in results] == [("applied", None), ("gap", 2)]
    assert server_cell(live_server, cell)[2] is None, "nothing after the gap was applied"


def test_a_teacher_cannot_write_into_another_teachers_course(live_server):
    cell = school.cell(live_server)
    intruder = live_server.client()
    intruder.login(school.other_teacher_login(live_server, cell.teacher_id))
    before = server_cell(live_server, cell)
    [result] = intruder.sync([intruder.op("cell", cell.key, "mark", 10)])["results"]
    assert result["status"] == "rejected" and result["reason"] == "not_your_course"
    assert server_cell(live_server, cell) == before
    assert live_server.sql("SELECT result, reason FROM audit_log WHERE device_id = :d AND entity <> 'login'",
                           d=intruder.device_id)[0] == ("rejected", "not_your_course")


def test_a_substitute_may_write_the_lesson_assigned_to_them_only(live_server):
    cell = school.cell(live_server)
    substitute_login = school.other_teacher_login(live_server, cell.teacher_id)
    substitute_id = live_server.sql("SELECT id FROM teacher WHERE username = :u", u=substitute_login)[0][0]
    other = next(c for c in (school.cell(live_server, nth=n) for n in range(1, 400))
                 if c.teacher_id not in (substitute_id, cell.teacher_id))
    with live_server.engine.begin() as conn:
        conn.execute(text("UPDATE lesson SET substitute_teacher_id = :t WHERE id = :l"),
                     {"t": substitute_id, "l": cell.lesson_id})
    api = live_server.client()
    api.login(substitute_login)
    results = api.sync([api.op("cell", cell.key, "attendance", "late"),
                        api.op("cell", other.key, "attendance", "late")])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [("applied", None), ("rejected", "not_your_course")]


def test_an_admin_may_correct_any_cell_of_the_school(live_server):
    cell = school.cell(live_server)
    admin = live_server.client()
    admin.login("admin")
    [result] = admin.sync([admin.op("cell", cell.key, "comment", "Түзетілді")])["results"]
    assert result["status"] == "applied"


def test_invalid_values_are_rejected_per_operation_with_the_reason(live_server):
    cell = school.cell(live_server)
    classic = school.cell(live_server, "classic")
    api = teacher_api(live_server, cell)
    results = api.sync([api.op("cell", cell.key, "mark", 11), api.op("cell", cell.key, "attendance", "н"),
                        api.op("cell", cell.key, "mark", 8), api.op("cell", f"{cell.lesson_id}/999999", "mark", 5),
                        api.op("cell", "nonsense", "mark", 5),
                        api.op("lesson", cell.lesson_id, "colour", "red")])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [
        ("rejected", "invalid_mark"), ("rejected", "invalid_attendance"), ("applied", None),
        ("rejected", "pupil_not_in_course"), ("rejected", "bad_key"), ("rejected", "unknown_field")]
    classic_api = teacher_api(live_server, classic)
    [seven] = classic_api.sync([classic_api.op("cell", classic.key, "mark", 7)])["results"]
    assert seven["reason"] == "invalid_mark" and "2–5" in seven["message"]


def test_different_fields_of_one_cell_merge_without_conflict(live_server):
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)  # the teacher's two PCs
    base = (server_cell(live_server, cell) or (None, None, None, 0))[3]
    assert a.sync([a.op("cell", cell.key, "mark", 8, base=base)])["results"][0]["status"] == "applied"
    [result] = b.sync([b.op("cell", cell.key, "comment", "Тырыс", base=base)])["results"]
    assert result["status"] == "merged"
    assert server_cell(live_server, cell)[1:3] == (8, "Тырыс")
    assert live_server.sql("SELECT count(*) FROM conflict")[0][0] == 0


def test_the_same_value_from_two_devices_is_no_conflict(live_server):
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)
    a.sync([a.op("cell", cell.key, "attendance", "ill")])
    [result] = b.sync([b.op("cell", cell.key, "attendance", "ill")])["results"]
    assert result["status"] in ("applied", "merged")
    assert live_server.sql("SELECT count(*) FROM conflict")[0][0] == 0


def test_different_values_in_one_field_make_one_conflict_that_keeps_both(live_server):
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)
    now = int(time.time() * 1000)
    a.sync([a.op("cell", cell.key, "mark", 6, hlc=now << 16)])
    [result] = b.sync([b.op("cell", cell.key, "mark", 9, hlc=(now + 1000) << 16)])["results"]
    assert result["status"] == "conflict" and result["conflict_id"]
    assert server_cell(live_server, cell)[1] == 9, "the later edit wins"
    [conflict] = live_server.sql("SELECT winner_value, loser_value, winner_device_id, loser_device_id, resolved_at "
                                 "FROM conflict")
    assert tuple(conflict) == ("9", "6", b.device_id, a.device_id, None)
    # Both PCs are told, until one resolves it.
    for api in (a, b):
        [seen] = api.sync()["conflicts"]
        assert (seen["winner_value"], seen["loser_value"]) == (9, 6)
    [resolved] = a.sync([a.op("conflict", str(result["conflict_id"]), "resolve", 6)])["results"]
    assert resolved["status"] == "applied"
    assert server_cell(live_server, cell)[1] == 6
    assert a.sync()["conflicts"] == [] and b.sync()["conflicts"] == []


def test_a_clock_a_year_ahead_does_not_win_every_conflict(live_server):
    cell = school.cell(live_server)
    fast, honest = teacher_api(live_server, cell), teacher_api(live_server, cell)
    now = int(time.time() * 1000)
    year_ahead = (now + 365 * 86_400_000) << 16
    fast.sync([fast.op("cell", cell.key, "mark", 4, hlc=year_ahead)])
    time.sleep(0.01)
    honest_stamp = (int(time.time() * 1000) + 6 * 60_000) << 16  # a little fast, within bounds
    [result] = honest.sync([honest.op("cell", cell.key, "mark", 10, hlc=honest_stamp)])["results"]
    assert result["status"] == "conflict"
    assert server_cell(live_server, cell)[1] == 10
    [winner] = live_server.sql("SELECT winner_value FROM conflict")[0]
    # The fast PC's stamp was bounded to its sync time + 5 min; the honest edit came later and wins.
    assert winner == "10"


def test_operations_into_a_closed_period_are_rejected_until_reopened(live_server):
    cell = school.cell(live_server)
    api, admin = teacher_api(live_server, cell), live_server.client()
    admin.login("admin")
    term = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    assert admin.http.post(f"/v1/admin/periods/{term}/close", headers=admin.headers()).status_code == 200
    [refused] = api.sync([api.op("cell", cell.key, "mark", 5)])["results"]
    assert (refused["status"], refused["reason"]) == ("rejected", "period_closed")
    assert admin.http.post(f"/v1/admin/periods/{term}/reopen", headers=admin.headers()).status_code == 200
    [accepted] = api.sync([api.op("cell", cell.key, "mark", 5)])["results"]
    assert accepted["status"] == "applied"
    actions = live_server.sql("SELECT field, new_value, result FROM audit_log WHERE entity = 'period' ORDER BY id")
    assert [tuple(a) for a in actions] == [("closed", "true", "admin"), ("closed", "false", "admin")]
    teacher_try = api.http.post(f"/v1/admin/periods/{term}/close", headers=api.headers())
    assert teacher_try.status_code == 403


def test_other_devices_pull_changes_in_pages_and_never_their_own(live_server):
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)
    b.sync()  # b starts at the current end of the log
    pupils = [school.cell(live_server, pupil_nth=n) for n in range(5)]
    a.sync([a.op("cell", p.key, "mark", 7) for p in pupils])
    assert a.sync()["changes"] == [], "a device is not sent back its own changes"
    first = b.sync(limit=3)
    assert len(first["changes"]) == 3 and first["more"] is True
    second = b.sync(limit=3)
    assert len(second["changes"]) == 2 and second["more"] is False
    keys = {c["key"] for c in first["changes"] + second["changes"]}
    assert keys == {p.key for p in pupils}


def test_a_teacher_pulls_only_the_courses_they_may_see(live_server):
    cell = school.cell(live_server)
    owner = teacher_api(live_server, cell)
    stranger = live_server.client()
    stranger.login(school.other_teacher_login(live_server, cell.teacher_id))
    stranger.sync()
    owner.sync([owner.op("cell", cell.key, "comment", "Тек менің сыныбым")])
    assert cell.key not in {c["key"] for c in stranger.sync()["changes"]}


def test_a_lesson_on_a_day_off_is_refused_by_the_server_too(live_server):
    """A PC whose journal lacks the calendar (or a modified client) cannot put a lesson on 16 December."""
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    day = dt.date(2026, 12, 16)
    lesson_id = ids.lesson_id(cell.course_id, day, 7)
    record = {"id": lesson_id, "course_id": cell.course_id, "date": day.isoformat(), "slot": 7, "kind": "regular",
              "topic": None, "homework": None}
    [result] = api.sync([api.op("lesson", lesson_id, "create", record)])["results"]
    assert (result["status"], result["reason"]) == ("rejected", "invalid_lesson")
    assert "day off (Тәуелсіздік күні)" in result["message"]
    assert live_server.sql("SELECT count(*) FROM lesson WHERE id = :l", l=lesson_id)[0][0] == 0


def test_lessons_created_offline_on_two_devices_become_one(live_server):
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)
    day = dt.date(2026, 11, 21)
    lesson_id = ids.lesson_id(cell.course_id, day, 7)
    record = {"id": lesson_id, "course_id": cell.course_id, "date": day.isoformat(), "slot": 7, "kind": "regular",
              "topic": "Қосымша сабақ", "homework": None}
    assert a.sync([a.op("lesson", lesson_id, "create", record)])["results"][0]["status"] == "applied"
    assert b.sync([b.op("lesson", lesson_id, "create", record)])["results"][0]["status"] == "merged"
    assert live_server.sql("SELECT count(*) FROM lesson WHERE id = :l", l=lesson_id)[0][0] == 1
    wrong = dict(record, slot=6)
    [bad] = a.sync([a.op("lesson", lesson_id, "create", wrong)])["results"]
    assert bad["reason"] == "bad_key"


def test_a_pull_past_the_devices_own_changes_ends_without_calls_that_carry_nothing(live_server):
    """After a push of more changes than a pull's limit, the next pull finds only the device's own changes past its
    cursor: it is told there is no more, its cursor past them all, instead of being made to call again and again for
    answers with no changes (issue 20: 1–9 such calls a run)."""
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    before = server_cell(live_server, cell)
    base = before[3] if before else 0
    ops = [api.op("cell", cell.key, "mark", 1 + i % 10, base=base + i) for i in range(20)]
    pushed = api.sync(ops, cursor=0, limit=5)
    assert {r["status"] for r in pushed["results"]} == {"applied"}
    pulled = api.sync([], cursor=pushed["cursor"], limit=5)
    assert pulled["changes"] == [] and pulled["more"] is False
    [(head,)] = live_server.sql("SELECT max(position) FROM change")
    assert pulled["cursor"] == head


def test_a_devices_own_changes_do_not_count_against_its_pull_limit(live_server):
    """A push's own changes join the feed past the cursor its answer gave; the next pull reads past them, so a pull of
    as many changes as its limit comes in one answer, not one and a second call for the few the own ones pushed out
    (issue 20: a pull of 10,000 after a morning's 30 edits took a third call for 30 changes)."""
    cell = school.cell(live_server)
    a, b = teacher_api(live_server, cell), teacher_api(live_server, cell)
    pupils = [school.cell(live_server, pupil_nth=n) for n in range(8)]
    pushed = a.sync([a.op("cell", p.key, "comment", "Мен жаздым") for p in pupils[:3]])
    assert {r["status"] for r in pushed["results"]} == {"applied"}
    b.sync([b.op("cell", p.key, "mark", 4) for p in pupils[3:]])
    pulled = a.sync([], cursor=pushed["cursor"], limit=5)
    assert sorted(c["key"] for c in pulled["changes"]) == sorted(p.key for p in pupils[3:])
    assert pulled["more"] is False
