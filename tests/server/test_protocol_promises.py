"""What the protocol doc promises a client, checked over HTTP on SQLite, PostgreSQL and Citus as a client author would:
a replay repeats its first result exactly; a character no column keeps is dropped, not a 500, and never
blocks the operations after it; the value kept is told back when it differs from the one sent; writing the
value a field already holds is a change like any other; and a value not of its field's form is `bad_value`.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator

import pytest

from core import final_marks, record_keys
from server import demo, feed
from tests.server import school
from tests.server.conftest import LiveServer, running_server
from tests.server.test_sync import server_cell, teacher_api


@pytest.fixture
def live_server(every_db: str) -> Iterator[LiveServer]:
    """The server of each test on SQLite, PostgreSQL and a Citus cluster distributed by school."""
    with running_server(every_db) as server:
        yield server


def _stamp(offset_ms: int = 0) -> int:
    return (int(time.time() * 1000) + offset_ms) << 16


def _lesson_version(live_server, lesson_id: str) -> int:
    return live_server.sql("SELECT server_version FROM lesson WHERE id = :l", l=lesson_id)[0][0]


def _without_replayed(results: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "replayed"} for r in results]


def test_a_replay_repeats_every_kind_of_first_result_exactly(live_server):
    cell = school.cell(live_server)
    loser, winner = teacher_api(live_server, cell), teacher_api(live_server, cell)
    # The later edit wins a conflict: the loser writes first with an earlier stamp, the winner second.
    loser.sync([loser.op("cell", cell.key, "mark", 4, hlc=_stamp())])
    ops = [
        winner.op("cell", cell.key, "mark", 9, hlc=_stamp(1000)),  # a conflict this operation wins
        winner.op("cell", cell.key, "comment", "  Жақсы  "),  # another field: merged, kept trimmed
        winner.op("cell", cell.key, "mark", 11),  # refused, telling the value that stands
        winner.op("cell", "nonsense", "mark", 5),  # refused, telling nothing
        winner.op("cell", cell.key, "comment", "Жақсы", base=0),  # the value it holds: merged
    ]
    first = winner.sync(ops)["results"]
    assert [(r["status"], r["reason"]) for r in first] == [
        ("conflict", None), ("merged", None), ("rejected", "invalid_mark"), ("rejected", "bad_key"),
        ("merged", None)]
    assert first[0]["value"] == 9 and first[1]["value"] == "Жақсы" and first[2]["value"] == 9
    again = winner.sync(ops)["results"]  # the answer was lost on the link: the same batch again
    assert all(r["replayed"] for r in again)
    assert _without_replayed(again) == _without_replayed(first)
    # The conflict's loser, its answer lost, replays later: it hears the value that stood then, as the first
    # time, though the field has changed again since (it will pull that change).
    lost = loser.op("cell", cell.key, "mark", 3, hlc=_stamp(-60_000), base=1)
    lost_first = loser.sync([lost])["results"]
    assert (lost_first[0]["status"], lost_first[0]["value"]) == ("conflict", 9)
    winner.sync([winner.op("cell", cell.key, "mark", 10, base=server_cell(live_server, cell)[3])])
    assert _without_replayed(loser.sync([lost])["results"]) == _without_replayed(lost_first)


def test_the_same_operation_twice_in_one_batch_is_answered_the_same_twice(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    op = api.op("cell", cell.key, "mark", 12)
    first, second = api.sync([op, op])["results"]
    assert second["replayed"] and _without_replayed([second]) == _without_replayed([first])
    assert first["message"] and first["reason"] == "invalid_mark"


def test_a_nul_or_a_broken_character_is_dropped_and_the_operations_after_it_go_through(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    results = api.sync([
        api.op("cell", cell.key, "comment", "Оқы\x00ды"),
        api.op("lesson", cell.lesson_id, "topic", "Бөлшек\x00тер\x07",
               base=_lesson_version(live_server, cell.lesson_id)),
        api.op("cell", f"{cell.lesson_id}\x00/{cell.pupil_id}", "mark", 5),  # a key no record has
        api.op("cell", cell.key, "mark\x00", 5),
        api.op("cell", cell.key, "mark", 8),  # after this batch's own comment: merged
    ])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [
        ("applied", None), ("applied", None), ("rejected", "bad_key"), ("rejected", "unknown_field"),
        ("merged", None)]
    assert (results[0]["value"], results[1]["value"]) == ("Оқыды", "Бөлшектер")
    assert server_cell(live_server, cell)[1:3] == (8, "Оқыды")
    [topic] = live_server.sql("SELECT topic FROM lesson WHERE id = :l", l=cell.lesson_id)[0]
    assert topic == "Бөлшектер"
    # Audited as sent, the unkept character spelt out; and the device carries on with its next number.
    keys = [r[0] for r in live_server.sql("SELECT entity_key FROM audit_log WHERE device_id = :d AND seq IS NOT NULL "
                                          "ORDER BY seq", d=api.device_id)]
    assert keys[2] == f"{cell.lesson_id}\\u0000/{cell.pupil_id}"
    assert api.sync([api.op("cell", cell.key, "attendance", "late")])["results"][0]["status"] == "merged"


def test_a_nul_in_a_login_is_a_wrong_login_and_in_a_device_name_is_dropped(live_server):
    cell = school.cell(live_server)
    api = live_server.client()
    response = api.http.post("/v1/login", json={"username": cell.teacher_login + "\x00", "password": "x",
                                                "device_id": api.device_id})
    assert response.status_code == 401 and response.json()["error"] == "bad_credentials"
    response = api.http.post("/v1/login", json={"username": cell.teacher_login, "password": demo.DEMO_PASSWORD,
                                                "device_id": api.device_id, "device_name": "Кабинет\x00 12"})
    assert response.status_code == 200
    assert live_server.sql("SELECT name FROM device WHERE id = :d", d=api.device_id)[0][0] == "Кабинет 12"


def test_the_value_kept_is_told_back_when_it_differs_from_the_one_sent(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    other = teacher_api(live_server, cell)
    other.sync()
    sent = "\u00a0 Үй тапсырмасы\u2028\t"
    version = _lesson_version(live_server, cell.lesson_id)
    [result] = api.sync([api.op("lesson", cell.lesson_id, "homework", sent, base=version)])["results"]
    assert result["status"] == "applied" and result["value"] == "Үй тапсырмасы"
    [pulled] = [c for c in other.sync()["changes"] if c["key"] == cell.lesson_id]
    assert pulled["value"] == result["value"], "the writer is told what every other PC pulls"
    [cleared] = api.sync([api.op("lesson", cell.lesson_id, "homework", "   ", base=version + 1)])["results"]
    assert cleared["status"] == "applied" and cleared["value"] is None


def test_writing_the_value_a_field_holds_is_a_change_a_later_stale_edit_meets(live_server):
    cell = school.cell(live_server)
    a, b, c = (teacher_api(live_server, cell) for _ in range(3))
    [first] = a.sync([a.op("cell", cell.key, "mark", 5, hlc=_stamp())])["results"]
    assert first["version"] == 1
    # B, not having pulled A's edit, types the same 5: no conflict, but a change with its own version.
    [same] = b.sync([b.op("cell", cell.key, "mark", 5, hlc=_stamp(10), base=0)])["results"]
    assert (same["status"], same["version"], same["value"]) == ("merged", 2, 5)
    # A, having seen only its own version 1, changes its mind: B's 5 is a rival edit it never saw.
    [stale] = a.sync([a.op("cell", cell.key, "mark", 7, hlc=_stamp(20), base=1)])["results"]
    assert stale["status"] == "conflict"
    [kept] = live_server.sql("SELECT winner_value, loser_value FROM conflict")
    assert tuple(kept) == ("7", "5")
    # C, which pulled version 2, writes the value it holds again: applied, the version raised.
    c.sync()
    version = server_cell(live_server, cell)[3]
    [again] = c.sync([c.op("cell", cell.key, "mark", 7, base=version)])["results"]
    assert (again["status"], again["version"]) == ("applied", version + 1)


def test_a_final_mark_not_of_its_form_is_bad_value(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    term = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    key = record_keys.result(cell.course_id, term, cell.pupil_id)
    good = final_marks.value(5, "СОЧ қайта жазылды", 4, 71.25, "order-125-2023/half-up")
    results = api.sync([
        api.op("result", key, "final", 5),
        api.op("result", key, "final", "five"),
        api.op("result", key, "final", [5, "reason"]),
        api.op("result", key, "final", {**good, "computed": "4"}),
        api.op("result", key, "final", {**good, "percent": 140}),
        api.op("result", key, "final", {**good, "rule": "x\x00"}),
        api.op("result", key, "final", {**good, "colour": "red"}),
        api.op("result", key, "final", good),
    ])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "bad_value")] * 7 + [("applied", None)]
    assert live_server.sql("SELECT count(*) FROM period_mark WHERE course_id = :c AND pupil_id = :p",
                           c=cell.course_id, p=cell.pupil_id)[0][0] == 1


def test_a_score_and_a_final_mark_edited_again_take_the_new_value_and_version(live_server):
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    work_id = str(uuid.uuid4())
    work = {"course_id": cell.course_id, "kind": "sor", "title": "СОР 1", "section": "Бөлшектер",
            "date": cell.date, "max_points": 15, "lesson_id": None}
    term = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    final = record_keys.result(cell.course_id, term, cell.pupil_id)
    score = record_keys.score(work_id, cell.pupil_id)
    results = api.sync([
        api.op("work", work_id, "create", work),
        api.op("score", score, "points", 12),
        api.op("score", score, "points", 16, base=1),  # over the work's 15: refused, 12 stands
        api.op("score", score, "points", 14, base=1),
        api.op("result", final, "final", final_marks.value(4, "Ауырып қалды", 3, 55.0, "order-125-2023/half-up")),
        api.op("result", final, "final", final_marks.value(5, "СОЧ қайта жазылды", 3, 55.0,
                                                           "order-125-2023/half-up"), base=1),
    ])["results"]
    assert [(r["status"], r["reason"], r["version"]) for r in results] == [
        ("applied", None, 1), ("applied", None, 1), ("rejected", "invalid_score", None), ("applied", None, 2),
        ("applied", None, 1), ("applied", None, 2)]
    assert results[2]["value"] == 12
    assert live_server.sql("SELECT points, server_version FROM summative_score WHERE work_id = :w",
                           w=work_id)[0] == (14, 2)
    assert live_server.sql("SELECT final_mark, final_reason FROM period_mark WHERE course_id = :c AND pupil_id = :p",
                           c=cell.course_id, p=cell.pupil_id)[0] == (5, "СОЧ қайта жазылды")


def test_a_paged_pull_tells_how_many_changes_are_still_waiting(live_server):
    cell = school.cell(live_server)
    writer, reader = teacher_api(live_server, cell), teacher_api(live_server, cell)
    reader.sync()
    pupils = [school.cell(live_server, pupil_nth=n) for n in range(8)]
    writer.sync([writer.op("cell", p.key, "comment", f"#{n}") for n, p in enumerate(pupils)])
    first = reader.sync(limit=3)
    assert (len(first["changes"]), first["more"], first["remaining"]) == (3, True, 5)
    # A feed longer than what a pull counts exactly (pull.COUNTED): told an upper bound, never fewer than wait.
    from server.pull import COUNTED

    with live_server.engine.begin() as conn:  # as the server writes them (server.feed)
        feed.publish(conn, 1, [
            dict(course_id=cell.course_id, entity="cell", entity_key=f"{cell.lesson_id}/{900000 + n}", field="comment",
                 value='"x"', version=1, device_id=writer.device_id, account_id=None, hlc=None,
                 at=dt.datetime.now(dt.UTC)) for n in range(COUNTED + 100)])
    page = reader.sync(limit=3)
    assert page["more"] and page["remaining"] >= COUNTED + 100 - 3


def test_an_edit_whose_rival_was_trimmed_from_the_feed_is_a_conflict_not_a_silent_overwrite(live_server):
    """The rival change a stale edit must meet can be gone (`dala-server trim-feed`): the edit cannot tell who
    wrote the standing value, so it is kept as a conflict with both values rather than merged over it."""
    cell = school.cell(live_server)
    first, second = teacher_api(live_server, cell), teacher_api(live_server, cell)
    start = (server_cell(live_server, cell) or (None, None, None, 0))[3]
    first.sync([first.op("cell", cell.key, "mark", 3, base=start)])  # the second PC saw this one
    first.sync([first.op("cell", cell.key, "mark", 4, base=start + 1)])  # and not this one
    with live_server.engine.begin() as conn:
        assert feed.trim(conn, 1, dt.datetime.now(dt.UTC) + dt.timedelta(days=1)) >= 2
    [result] = second.sync([second.op("cell", cell.key, "mark", 5, base=start + 1, hlc=_stamp(1000))])["results"]
    assert result["status"] == "conflict", result  # before: "merged", and the 4 was gone without a trace
    [kept] = live_server.sql("SELECT winner_value, loser_value FROM conflict WHERE id = :i", i=result["conflict_id"])
    assert tuple(kept) == ("5", "4")


def test_a_record_id_that_is_no_canonical_uuid_is_refused_for_that_operation_alone(live_server):
    """Lesson and work ids are held in native uuid columns on PostgreSQL: an id in any other spelling is a
    bad key for its operation, never a database error for the batch, and the operations after it go through."""
    cell = school.cell(live_server)
    api = teacher_api(live_server, cell)
    start = (server_cell(live_server, cell) or (None, None, None, 0))[3]
    odd = [cell.lesson_id.upper(), "lesson_1", cell.lesson_id.replace("-", ""), "0" * 37]
    results = api.sync([*(api.op("cell", f"{key}/{cell.pupil_id}", "mark", 4) for key in odd),
                        api.op("cell", cell.key, "mark", 5, base=start)])["results"]
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", "bad_key")] * 4 + [("applied", None)]


def _pulled(api, key: str, limit: int) -> list[tuple]:
    """Every change of the cell `key` a PC pulls from the feed's start, page by page of `limit`."""
    seen, cursor, more = [], 0, True
    while more:
        page = api.sync(cursor=cursor, limit=limit)
        seen += [(c["field"], c["value"], c["version"]) for c in page["changes"] if c["key"] == key]
        cursor, more = page["cursor"], page["more"]
    return seen


def test_a_pull_never_hands_a_pc_a_value_overwritten_since_whether_its_page_ends_the_feed_or_not(live_server):
    cell = school.cell(live_server)
    rival, mine, third = (teacher_api(live_server, cell) for _ in range(3))
    [first] = rival.sync([rival.op("cell", cell.key, "mark", 3)])["results"]
    answer = mine.sync([mine.op("cell", cell.key, "mark", 4, base=first["version"])])
    assert answer["results"][0]["status"] == "applied", answer
    assert [c for c in answer["changes"] if c["key"] == cell.key] == []  # the rival's 3: overwritten in the same sync
    # Pages of one: the rival's 3 alone on a page that stops short of the feed's end (the PC's own 4 further on)
    assert _pulled(mine, cell.key, limit=1) == []
    # One page to the feed's end: the rival's 3 and the PC's own 4 on it
    assert mine.sync(cursor=0, limit=500)["more"] is False
    assert _pulled(mine, cell.key, limit=500) == []
    # A third PC is told the 4 alone, by pages of one or at once
    assert _pulled(third, cell.key, limit=1) == [("mark", 4, 2)]
    assert _pulled(third, cell.key, limit=500) == [("mark", 4, 2)]
