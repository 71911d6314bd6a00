"""The server logs one line a sync call, for whoever runs it: the device, the outcomes by code, the changes
sent back and the time taken; no value typed into the journal reaches the log."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.server import school
from tests.server.conftest import running_server


def test_each_sync_call_is_logged_without_the_values(server_template: Path, tmp_path: Path) -> None:
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        cell = school.cell(server)
        api = server.client()
        api.login(cell.teacher_login)
        api.sync([api.op("cell", cell.key, "comment", "Өте жақсы, Аружан"), api.op("cell", cell.key, "mark", 99)])
        process = server.process
    printed = process.output()
    [line] = [line for line in printed.splitlines() if "dala.server.sync" in line]
    assert f"device={api.device_id}" in line and "ops=2" in line and "applied=1" in line and "invalid_mark=1" in line
    assert "Аружан" not in printed  # the comment typed
