"""A teacher's resolution of a conflict is a teacher's write: it goes through the journal's checks (scale,
pupil, closed period, rights, no mark after today, a final mark's reason, text length) like any edit, so a
value typed outside the course's scale is refused and nothing is stored; a good one is stored at once and
queued for the server."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from core import errors
from core.protocol import Conflict
from storage import conflicts, outbox
from storage.journal import Journal
from tests import school
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.sync.conftest import synced_pcs

TODAY = dt.date(2026, 11, 22)


def _state(pc) -> dict:  # type: ignore[no-untyped-def]
    """Everything a resolution could change on the PC."""
    return {**school.snapshot(pc.db), "sync_conflict": pc.sql("SELECT * FROM sync_conflict ORDER BY id")}


def test_a_resolution_typed_outside_the_scale_is_refused_and_a_good_one_reaches_the_server(
        server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server, "classic")
    first, second = synced_pcs(tmp_path, server.url, spot.teacher_login, "first", "second")
    devices += [first, second]
    first.journal.set_mark(spot.lesson_id, spot.pupil_id, 3)
    second.journal.set_mark(spot.lesson_id, spot.pupil_id, 5)
    first.sync()
    second.sync()
    first.sync()  # a real conflict, as the server reports it
    with first.db.read() as conn:
        [clash] = conflicts.open_conflicts(conn)
    journal = first.journal
    before = _state(first)

    with pytest.raises(errors.InvalidMark) as refused:
        conflicts.resolve(journal, clash.id, 9, today=TODAY)  # a 9 on a 2–5 scale
    assert refused.value.code == "invalid_mark"
    assert _state(first) == before  # nothing stored, queued or audited; the conflict still open

    conflicts.resolve(journal, clash.id, 4, today=TODAY)
    assert journal.cell(spot.lesson_id, spot.pupil_id).mark == 4
    with first.db.read() as conn:
        assert ("conflict", str(clash.id), "resolve", 4) in {(o.entity, o.key, o.field, o.value)
                                                             for o in outbox.pending(conn)}
        assert conflicts.open_conflicts(conn) == []
    first.sync()
    assert server.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0][0] == 4
    assert server.sql("SELECT resolved_value FROM conflict WHERE id = :c", c=clash.id)[0][0] == "4"


def _conflicts_of(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conflicts.open_conflicts(conn)


def _open_conflict(db, entity: str, key: str, field: str, winner, loser) -> int:  # type: ignore[no-untyped-def]
    with db.write() as conn:  # as the sync stores the server's list of open conflicts
        conflicts.store_open(conn, [Conflict.model_validate({
            "id": 77, "entity": entity, "key": key, "field": field, "winner_value": winner, "loser_value": loser,
            "winner_device_id": "pc-a", "loser_device_id": "pc-b", "winner_account_id": None,
            "loser_account_id": None, "created_at": "2026-11-20T10:00:00"})])
    return 77


def _refusal_case(db, case: str):  # type: ignore[no-untyped-def]
    """(the journal resolving, entity, key, field, the value typed, the error expected) for one check."""
    spot = school.lesson_spot(db, "classic")
    cell = f"{spot.lesson_id}/{spot.pupil_id}"
    mine = Journal(db, spot.teacher_id)
    if case == "scale":
        return mine, "cell", cell, "mark", 9, errors.InvalidMark
    if case == "pupil":
        stranger = school.pupil_of_other_class(db, spot.class_id)
        return mine, "cell", f"{spot.lesson_id}/{stranger}", "mark", 4, errors.PupilNotInCourse
    if case == "rights":
        return Journal(db, school.other_teacher(db, spot.teacher_id)), "cell", cell, "mark", 4, errors.NotYourCourse
    if case == "closed":
        with db.write() as conn:
            conn.execute(text("UPDATE period SET closed = 1 WHERE start_date <= :d AND end_date >= :d"),
                         {"d": spot.date.isoformat()})
        return mine, "cell", cell, "mark", 4, errors.PeriodClosed
    if case == "future":
        with db.read() as conn:
            later = conn.execute(text("SELECT id FROM lesson WHERE course_id = :c AND date > :d ORDER BY date LIMIT 1"),
                                 {"c": spot.course_id, "d": TODAY.isoformat()}).scalar_one()
        return mine, "cell", f"{later}/{spot.pupil_id}", "mark", 4, errors.MarkInFuture
    if case == "reason":
        with db.read() as conn:
            term = conn.execute(text("SELECT id FROM period WHERE kind = 'term' AND start_date <= :d AND "
                                     "end_date >= :d"), {"d": spot.date.isoformat()}).scalar_one()
        return mine, "result", f"{spot.course_id}.{term}/{spot.pupil_id}", "final", 4, errors.ReasonRequired
    return mine, "lesson", spot.lesson_id, "topic", "ә" * 501, errors.TextTooLong


@pytest.mark.parametrize("case", ["scale", "pupil", "rights", "closed", "future", "reason", "text"])
def test_a_resolution_is_refused_by_each_of_the_journals_checks(db, case: str) -> None:
    journal, entity, key, field, typed, error = _refusal_case(db, case)
    conflict = _open_conflict(db, entity, key, field, None, None)
    before = {**school.snapshot(db), "open": _conflicts_of(db)}
    with pytest.raises(error):
        conflicts.resolve(journal, conflict, typed, today=TODAY)
    assert {**school.snapshot(db), "open": _conflicts_of(db)} == before
