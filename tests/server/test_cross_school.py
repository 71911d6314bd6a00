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


def _conflict(live_server, login: str, lesson: str, pupil: int) -> int:  # type: ignore[no-untyped-def]
    """Two PCs of one account set the same cell, the second not having seen the first: the conflict's id."""
    first, second = live_server.client(), live_server.client()
    assert first.login(login).status_code == second.login(login).status_code == 200
    [told] = first.sync([first.op("cell", f"{lesson}/{pupil}", "mark", 5)])["results"]
    assert told["status"] == "applied", told
    [told] = second.sync([second.op("cell", f"{lesson}/{pupil}", "mark", 4)])["results"]
    assert told["status"] == "conflict"
    return int(told["conflict_id"])


def test_what_a_school_is_told_counts_nothing_of_another_school(live_server):
    """Numbers a teacher sees tell nothing of other schools' work: the conflict ids of her school (were they one
    sequence for all, the gap between two would count the other schools' conflicts in between), a new PC's feed
    cursor, and a device id another school registered (no `device_taken`)."""
    engine = open_server_db(live_server.db_url)
    demo.load(engine, TODAY, dataclasses.replace(generator.DEMO, school_id=2, login_prefix="s2.",
                                                 school_name="Екінші мектеп"))
    engine.dispose()
    cell = school.cell(live_server)
    [(lesson2, class2)] = live_server.sql(
        "SELECT CAST(l.id AS TEXT), c.class_id FROM lesson l JOIN course c ON c.school_id = l.school_id "
        "AND c.id = l.course_id WHERE l.school_id = 2 AND c.subgroup_id IS NULL AND c.scale = 'criteria' "
        "AND l.kind = 'regular' AND l.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY l.date, l.slot, l.id "
        "LIMIT 1")
    # Pupils in the class that day with nothing written for them in the lesson yet: each first write applies.
    pupils2 = [p for (p,) in live_server.sql(
        "SELECT m.pupil_id FROM class_membership m WHERE m.school_id = 2 AND m.class_id = :k AND m.from_date <= "
        "(SELECT date FROM lesson WHERE school_id = 2 AND CAST(id AS TEXT) = :l) AND m.to_date IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM lesson_cell x WHERE x.school_id = 2 AND CAST(x.lesson_id AS TEXT) = :l "
        "AND x.pupil_id = m.pupil_id) ORDER BY m.pupil_id LIMIT 3", k=class2, l=lesson2)]
    assert len(pupils2) == 3
    newcomer = live_server.client()
    assert newcomer.login(cell.teacher_login).status_code == 200
    cursor_before = newcomer.sync(cursor=0, limit=1)["cursor"]

    ours = [_conflict(live_server, cell.teacher_login, cell.lesson_id, cell.pupil_id)]
    theirs = [_conflict(live_server, "s2." + demo.ADMIN_LOGIN, lesson2, pupil) for pupil in pupils2]
    other = school.cell(live_server, pupil_nth=1)
    ours.append(_conflict(live_server, cell.teacher_login, other.lesson_id, other.pupil_id))
    assert ours[1] - ours[0] not in (1, len(theirs) + 1), (ours, theirs)  # not numbered in one line with theirs
    assert live_server.sql("SELECT school_id, count(*) FROM conflict GROUP BY school_id ORDER BY school_id") == [
        (1, 2), (2, 3)]

    fresh = live_server.client()  # school 2's writes moved no cursor of school 1
    assert fresh.login(cell.teacher_login).status_code == 200
    head = live_server.sql("SELECT head FROM feed WHERE school_id = 1")[0][0]
    assert fresh.http.get("/v1/bootstrap", headers=fresh.headers()).json()["cursor"] == head
    assert cursor_before <= head

    admin2 = live_server.client()
    assert admin2.login("s2." + demo.ADMIN_LOGIN).status_code == 200
    borrowed = live_server.client()
    borrowed.device_id = admin2.device_id  # the same device id, registered in school 2
    assert borrowed.login(cell.teacher_login).status_code == 200
