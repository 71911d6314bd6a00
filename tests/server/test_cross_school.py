"""A teacher of one school cannot reach into another through the ids inside an operation's value: a summative work
attached to another school's lesson (lesson ids are computable: uuid5 of course, date and slot) is refused exactly
as one attached to a lesson that exists nowhere, so the answer is no oracle of which ids exist; nothing lands in
the other school, and its admin's first download is whole."""

from __future__ import annotations

import dataclasses
import uuid

from core.demo_school import generator
from server import demo
from server.db import open_server_db
from tests.server import school
from tests.server.conftest import TODAY
from tests.server.test_sync import teacher_api


def _work(api, cell, lesson_id: str) -> dict:  # type: ignore[no-untyped-def]
    return api.op("work", str(uuid.uuid4()), "create", {
        "course_id": cell.course_id, "kind": "sor", "title": "СОР 1", "section": "", "date": str(cell.date),
        "max_points": 15, "lesson_id": lesson_id})


def test_a_work_attached_to_another_schools_lesson_is_refused_as_one_attached_to_none(live_server):
    engine = open_server_db(live_server.db_url)
    demo.load(engine, TODAY, dataclasses.replace(generator.DEMO, school_id=2, login_prefix="s2.",
                                                 school_name="Екінші мектеп"))
    engine.dispose()
    cell = school.cell(live_server)
    [(foreign,)] = live_server.sql("SELECT CAST(id AS TEXT) FROM lesson WHERE school_id = 2 ORDER BY id LIMIT 1")
    api = teacher_api(live_server, cell)
    works = live_server.sql("SELECT school_id, count(*) FROM summative_work GROUP BY school_id ORDER BY school_id")
    theirs, nowhere = api.sync([_work(api, cell, foreign), _work(api, cell, str(uuid.uuid4()))])["results"]
    assert theirs["status"] == nowhere["status"] == "rejected", (theirs, nowhere)
    assert theirs["reason"] == nowhere["reason"]
    assert live_server.sql("SELECT school_id, count(*) FROM summative_work GROUP BY school_id "
                           "ORDER BY school_id") == works  # nothing written, in either school
    admin2 = live_server.client()  # the other school's first download is whole
    assert admin2.login("s2." + demo.ADMIN_LOGIN).status_code == 200
    assert admin2.http.get("/v1/bootstrap", headers=admin2.headers()).status_code == 200
