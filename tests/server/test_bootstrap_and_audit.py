"""A new PC's first download, and the audit log the operator must be able to show years later."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys

from tests.server import school
from tests.server.conftest import ROOT


def test_bootstrap_gives_a_teacher_their_courses_and_every_lesson_in_pages(live_server):
    cell = school.cell(live_server)
    api = live_server.client()
    api.login(cell.teacher_login)
    reference = api.http.get("/v1/bootstrap", headers=api.headers()).json()
    own = school.readable_courses(live_server, cell.teacher_id)  # with those of the class she is class teacher of
    assert {c["id"] for c in reference["courses"]} == own
    class_ids = {c["class_id"] for c in reference["courses"]}
    assert {c["id"] for c in reference["classes"]} == class_ids
    assert len(reference["periods"]) == 7 and len(reference["bell_slots"]) == 7 and reference["pupils"]
    roster = {m["pupil_id"] for m in reference["memberships"]}
    assert {p["id"] for p in reference["pupils"]} == roster

    lessons, cells, after = [], [], ""
    while True:
        page = api.http.get("/v1/bootstrap/lessons", params={"after": after, "limit": 500},
                            headers=api.headers()).json()
        lessons += page["lessons"]
        cells += page["cells"]
        after = page["next"]
        if not page["more"]:
            break
    assert len(lessons) == reference["lessons_total"] == len({lesson["id"] for lesson in lessons})
    assert {lesson["course_id"] for lesson in lessons} == own
    expected_cells = sum(live_server.sql("SELECT count(*) FROM lesson_cell c JOIN lesson l ON l.id = c.lesson_id "
                                         "WHERE l.course_id = :k", k=course)[0][0] for course in own)
    assert len(cells) == expected_cells


def test_bootstrap_needs_a_token(live_server):
    api = live_server.client()
    assert api.http.get("/v1/bootstrap").status_code == 401


def test_every_operation_is_audited_and_exported(live_server, tmp_path):
    cell = school.cell(live_server)
    api, intruder = live_server.client(), live_server.client()
    api.login(cell.teacher_login)
    intruder.login(school.other_teacher_login(live_server, cell.teacher_id))
    hlc = 1_790_000_000_000 << 16
    api.sync([api.op("cell", cell.key, "mark", 8, hlc=hlc), api.op("cell", cell.key, "mark", 42)])
    intruder.sync([intruder.op("cell", cell.key, "mark", 2)])

    today = dt.date.today()
    out = tmp_path / "audit.jsonl"
    subprocess.run([sys.executable, "-m", "server.cli", "export-audit", "--db", live_server.db_url, "--school", "1",
                    "--from", (today - dt.timedelta(days=1)).isoformat(), "--to", today.isoformat(),
                    "--format", "jsonl", "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    entries = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    logins = [(e["device_id"], e["entity_key"], e["new_value"], e["ip"]) for e in entries if e["entity"] == "login"]
    assert logins == [(api.device_id, cell.teacher_login, "ok", "127.0.0.1"),
                      (intruder.device_id, school.other_teacher_login(live_server, cell.teacher_id), "ok", "127.0.0.1")]
    entries = [e for e in entries if e["entity"] != "login"]
    assert [(e["device_id"], e["seq"], e["result"], e["reason"]) for e in entries] == [
        (api.device_id, 1, "applied", None), (api.device_id, 2, "rejected", "invalid_mark"),
        (intruder.device_id, 1, "rejected", "not_your_course")]
    first = entries[0]
    assert first["entity_key"] == cell.key and first["field"] == "mark" and first["new_value"] == "8"
    assert first["ip"] == "127.0.0.1" and first["client_hlc"] == hlc and first["account_id"] is not None
    assert dt.datetime.fromisoformat(first["at"]).tzinfo is not None

    csv_out = subprocess.run([sys.executable, "-m", "server.cli", "export-audit", "--db", live_server.db_url,
                              "--school", "1", "--from", today.isoformat(), "--to", today.isoformat()],
                             cwd=ROOT, check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(csv_out.splitlines()))
    assert [r["result"] for r in rows if r["entity"] != "login"] == ["applied", "rejected", "rejected"]
