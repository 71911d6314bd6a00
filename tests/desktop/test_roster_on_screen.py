"""The app's real window against a real server: the teacher has her class's journal on screen when the school's admin
records a new pupil's arrival; the next sync brings him into the grid on its own, editable from his first day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.desktop.conftest import synced_window
from tests.server.conftest import LiveServer
from tests.sync.conftest import Device
from tests.sync.test_roster import _admin, _post, _spot


def test_a_pupil_the_admin_adds_appears_in_the_grid_on_screen_at_the_next_sync(server: LiveServer, qtbot,
                                                                                 tmp_path: Path) -> None:
    spot = _spot(server)
    pc = Device(tmp_path, "pc", server.url, spot.login_a).login()
    pc.sync()
    window = synced_window(qtbot, pc, tmp_path)
    window.course_box.setCurrentIndex(window.course_box.findData(spot.course_a))
    qtbot.waitUntil(lambda: spot.after in window.model.sheet.column_of, timeout=10_000)
    rows_before = window.model.rowCount()

    answer = _post(_admin(server), "/v1/admin/pupils", {
        "class_id": spot.class_a, "last_name": "Ахметов", "first_name": "Дамир", "from_date": "2026-11-18",
        "order": "№ 120, 17.11.2026"})
    assert answer.status_code == 200, answer.text
    pupil = answer.json()["pupil_id"]
    pc.engine.start()
    pc.engine.sync_now()

    qtbot.waitUntil(lambda: pupil in window.model.sheet.row_of, timeout=20_000)
    sheet = window.model.sheet
    assert window.model.rowCount() == rows_before + 1
    row = sheet.row_of[pupil]
    assert sheet.pupils[row].active_from == dt.date(2026, 11, 18)
    assert window.model.editable(row, sheet.column_of[spot.after] + 1)
    early = next(j for j, lesson in enumerate(sheet.lessons) if lesson.date < dt.date(2026, 11, 18))
    assert not window.model.editable(row, early + 1)
    pc.engine.stop()
    window.close()
    pc.close()
