"""Run as a process in the app's environment (its data folder, its keychain): unlock a teacher's profile
with the offline password, as the app does, and print what the journal holds as one JSON object — the marks
this PC typed (from its audit trail), the outbox, the device id. The test's own look, not the app's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storage import sqlite_file
from storage.keychain import Keychain
from storage.profiles import Profiles


def main(root: str, username: str, password: str, *keys: str) -> int:
    """`keys`: cells (lesson/pupil) to read besides those this PC typed."""
    profiles = Profiles(Path(root), Keychain())
    key = profiles.unlock(username, password)
    conn = sqlite_file.connect(profiles.get(username).journal, key=key)
    try:
        device = conn.execute("SELECT device_id FROM device_state WHERE id = 1").fetchone()[0]
        typed = conn.execute("SELECT entity_key, new_value FROM audit_entry WHERE device_id = ? AND field = 'mark' "
                             "ORDER BY id", (device,)).fetchall()
        outbox = conn.execute("SELECT seq, entity_key, field, value, sent FROM outbox_op ORDER BY seq").fetchall()
        cells = {k: conn.execute("SELECT mark FROM lesson_cell WHERE lesson_id || '/' || pupil_id = ?", (k,))
                 .fetchone() for k in [*(k for k, _v in typed), *keys]}
    finally:
        conn.close()
    print(json.dumps({"device_id": device, "typed": typed, "outbox": outbox,
                      "cells": {k: (v[0] if v else None) for k, v in cells.items()}}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
