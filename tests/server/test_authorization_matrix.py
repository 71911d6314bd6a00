"""Who may do what, on the real server: every endpoint and kind of write, for each kind of caller — the
course's teacher, the substitute of one of its lessons, another teacher of the school, the school admin,
another school's admin, a revoked device, an expired token, no token — against the course's records and
the school's admin actions. The expected outcomes are one table; the test prints the table it observed when
it differs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from core import final_marks, record_keys
from server import accounts

ALLOWED = "ok"  # applied, merged or conflict: the server took it


def _setup(live_server):  # type: ignore[no-untyped-def]
    course, teacher = live_server.sql(
        "SELECT c.id, c.teacher_id FROM course c WHERE c.subgroup_id IS NULL AND c.scale = 'criteria' "
        "AND (SELECT count(*) FROM lesson l WHERE l.course_id = c.id AND l.date BETWEEN '2026-11-03' AND "
        "'2026-11-20') >= 2 ORDER BY c.id LIMIT 1")[0]
    lesson, own_lesson = (row[0] for row in live_server.sql(
        "SELECT id FROM lesson WHERE course_id = :c AND date BETWEEN '2026-11-03' AND '2026-11-20' "
        "ORDER BY date, slot LIMIT 2", c=course))
    substitute = live_server.sql("SELECT id FROM teacher WHERE id != :t ORDER BY id LIMIT 1", t=teacher)[0][0]
    with live_server.engine.begin() as conn:  # an admin assigned one lesson to a substitute
        conn.execute(text("UPDATE lesson SET substitute_teacher_id = :t WHERE id = :l"), {"t": substitute, "l": lesson})
    pupil = live_server.sql("SELECT pupil_id FROM class_membership WHERE class_id = (SELECT class_id FROM course "
                            "WHERE id = :c) AND to_date IS NULL ORDER BY pupil_id LIMIT 1", c=course)[0][0]
    login = {t: u for t, u in live_server.sql("SELECT teacher_id, username FROM account WHERE teacher_id IS NOT NULL")}
    other = next(t for t in sorted(login) if t not in (teacher, substitute))
    term = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    with live_server.engine.begin() as conn:  # a second school with its own admin
        school2 = conn.execute(text("INSERT INTO school (name, region, language) VALUES ('Екінші мектеп', NULL, "
                                    "'kk') RETURNING id")).scalar_one()
        accounts.create_account(conn, school_id=school2, username="admin2", password="another school's pw",
                                role="admin", teacher_id=None)
    return dict(lesson=lesson, own_lesson=own_lesson, course=course, pupil=pupil, term=term,
                logins={"teacher": login[teacher], "substitute": login[substitute], "other teacher": login[other],
                        "admin": "admin"})


def _callers(live_server, logins):  # type: ignore[no-untyped-def]
    callers = {}
    for role, username in logins.items():
        api = live_server.client()
        assert api.login(username).status_code == 200
        callers[role] = api
    other_school = live_server.client()
    assert other_school.login("admin2", "another school's pw").status_code == 200
    callers["other school's admin"] = other_school
    revoked, expired = live_server.client(), live_server.client()
    revoked.login(logins["teacher"])
    expired.login(logins["teacher"])
    admin = callers["admin"]
    assert admin.http.post(f"/v1/admin/devices/{revoked.device_id}/revoke", headers=admin.headers()).status_code == 200
    with live_server.engine.begin() as conn:
        conn.execute(text("UPDATE device SET expires_at = :t WHERE id = :d"),
                     {"t": dt.datetime.now(dt.UTC) - dt.timedelta(days=1), "d": expired.device_id})
    callers["revoked device"], callers["expired token"] = revoked, expired
    callers["no token"] = live_server.client()
    return callers


def _sync_outcome(api, op: dict) -> str:  # type: ignore[no-untyped-def]
    response = api.sync_raw({"device_id": api.device_id, "cursor": 0, "ops": [op], "limit": 1})
    if response.status_code != 200:
        return f"{response.status_code} {response.json()['error']}"
    [result] = response.json()["results"]
    return ALLOWED if result["status"] in ("applied", "merged", "conflict") else result["reason"]


def _status(response) -> str:  # type: ignore[no-untyped-def]
    return ALLOWED if response.status_code == 200 else f"{response.status_code} {response.json()['error']}"


EXPECTED = {
    #  caller:              own lesson's mark, substituted lesson's mark, final mark, bootstrap, close period
    "teacher":              (ALLOWED, ALLOWED, ALLOWED, ALLOWED, "403 admin_only"),
    "substitute":           ("not_your_course", ALLOWED, "not_your_course", ALLOWED, "403 admin_only"),
    "other teacher":        ("not_your_course", "not_your_course", "not_your_course", ALLOWED, "403 admin_only"),
    "admin":                (ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED),
    # Another school's records are not found at all: the answer does not tell that the record exists elsewhere.
    "other school's admin": ("unknown_lesson", "unknown_lesson", "unknown_period", ALLOWED, "404 not_found"),
    "revoked device":       ("401 device_revoked",) * 4 + ("401 device_revoked",),
    "expired token":        ("401 token_expired",) * 5,
    "no token":             ("401 no_token",) * 5,
}


def test_every_caller_may_do_exactly_what_the_table_says(live_server) -> None:
    s = _setup(live_server)
    callers = _callers(live_server, s["logins"])
    observed = {}
    for role, api in callers.items():
        final = final_marks.value(5, "matrix test", 4, 70.0, "order-125-2023/half-up")
        observed[role] = (
            _sync_outcome(api, api.op("cell", f"{s['own_lesson']}/{s['pupil']}", "comment", f"by {role}")),
            _sync_outcome(api, api.op("cell", f"{s['lesson']}/{s['pupil']}", "comment", f"by {role}")),
            _sync_outcome(api, api.op("result", record_keys.result(s["course"], s["term"], s["pupil"]), "final",
                                      final)),
            _status(api.http.get("/v1/bootstrap", headers=api.headers())),
            # closing is tried last by the school's own admin (it would lock the writes above); reopened at once
            "later",
        )
    for role in ("teacher", "substitute", "other teacher", "other school's admin", "revoked device",
                 "expired token", "no token", "admin"):
        api = callers[role]
        closed = _status(api.http.post(f"/v1/admin/periods/{s['term']}/close", headers=api.headers()))
        if closed == ALLOWED:
            api.http.post(f"/v1/admin/periods/{s['term']}/reopen", headers=api.headers())
        observed[role] = (*observed[role][:4], closed)
    assert observed == EXPECTED, "\n".join(f"{r:22} {observed[r]}" for r in observed)

    # Another school's admin sees nothing of this school in bootstrap.
    other = callers["other school's admin"]
    reference = other.http.get("/v1/bootstrap", headers=other.headers()).json()
    assert reference["pupils"] == [] and reference["courses"] == [] and reference["school"]["name"] == "Екінші мектеп"
