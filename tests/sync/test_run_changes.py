"""A sync run's summary names what it changed in the local journal, record by record (storage.changed), against
the real server: nothing when nothing was pulled, the cells, lessons and courses others' edits touched, and
everything after a first download. The window re-reads only that (tests/desktop/test_sync_refresh.py)."""

from __future__ import annotations

import datetime as dt

from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.sync.conftest import Device, synced_pcs


def test_a_run_that_pulled_nothing_changed_nothing(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()
    devices.append(pc)
    assert pc.sync().changed.everything  # the first download: the whole journal is new
    pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 8)  # its own edit goes up; nothing comes down
    summary = pc.sync()
    assert summary.pushed == 1
    assert not summary.changed and not summary.changed.review


def test_a_run_names_the_cells_lessons_and_courses_others_changed(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    pc, other = synced_pcs(tmp_path, server.url, spot.teacher_login, "pc", "other")
    devices.extend([pc, other])
    other.journal.set_mark(spot.lesson_id, spot.pupil_id, 7)
    other.journal.set_homework(spot.lesson_id, "§ 12, exercises 1–4")
    other.journal.add_lesson(spot.course_id, dt.date(2026, 11, 21), 1)
    other.sync()

    changed = pc.sync().changed

    assert changed.cells == {(spot.lesson_id, spot.pupil_id)}
    assert changed.lessons == {spot.lesson_id}
    assert changed.courses == {spot.course_id}  # a lesson arrived: the course's columns changed
    assert not changed.everything and not changed.scores
