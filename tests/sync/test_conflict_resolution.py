"""A teacher's resolution of a conflict is a teacher's write: it goes through the journal's checks (scale,
pupil, closed period, rights) like any edit, so a value typed outside the course's scale is refused and
nothing is stored; a good one is stored at once and queued for the server."""

from __future__ import annotations

import datetime as dt

import pytest

from storage import errors, outbox
from sync import conflicts
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
        assert ("conflict", str(clash.id), "resolve", 4) in {(o.entity, o.entity_key, o.field, o.value)
                                                             for o in outbox.pending(conn)}
        assert conflicts.open_conflicts(conn) == []
    first.sync()
    assert server.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0][0] == 4
    assert server.sql("SELECT resolved_value FROM conflict WHERE id = :c", c=clash.id)[0][0] == "4"
