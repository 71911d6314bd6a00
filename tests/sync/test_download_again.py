"""A PC that was away while the school trimmed its old changes: its cursor stands before what the feed keeps, so
the server answers "download again" rather than a pull with a silent gap; the PC downloads its journal again,
keeps every edit it had typed offline, and ends holding what the server holds."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from harness.live_server import ROOT
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.sync.conftest import assert_same_cells_and_exactly_once, synced_pcs


def _trim_everything(server: LiveServer) -> str:
    """The school admin's command, as they would run it on the server machine."""
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    done = subprocess.run([sys.executable, "-m", "server.cli", "trim-feed", "--db", server.db_url, "--before",
                           tomorrow], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def test_a_pc_behind_the_trimmed_feed_downloads_again_and_keeps_its_offline_edits(server: LiveServer, tmp_path: Path,
                                                                                 devices) -> None:
    spot = server_cell(server)
    away, here = synced_pcs(tmp_path, server.url, spot.teacher_login, "away", "here")
    devices.extend((away, here))
    lessons = [r[0] for r in here.sql("SELECT l.id FROM lesson l JOIN course c ON c.id = l.course_id "
                                      "WHERE c.scale = 'criteria' AND c.id = ? "
                                      "AND l.date BETWEEN '2026-11-03' AND '2026-11-20' ORDER BY l.id LIMIT 3",
                                      (spot.course_id,))]
    pupil = spot.pupil_id
    # While `away` is off the network: `here` writes marks and syncs; `away` types an edit of its own.
    for n, lesson in enumerate(lessons):
        here.journal.set_mark(lesson, pupil, 6 + n)
    here.sync()
    away.journal.set_comment(lessons[0], pupil, "Үйде жазылды")
    said = _trim_everything(server)
    assert "dropped from the feed" in said and server.sql("SELECT count(*) FROM change")[0][0] == 0
    away.sync()
    # Back online: the marks written meanwhile arrived though their changes are gone, and its own edit stood.
    marks = {r[0]: r[1] for r in away.sql("SELECT lesson_id, mark FROM lesson_cell WHERE pupil_id = ?", (pupil,))}
    assert [marks.get(lesson) for lesson in lessons] == [6, 7, 8]
    assert away.sql("SELECT comment FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                    (lessons[0], pupil))[0][0] == "Үйде жазылды"
    assert_same_cells_and_exactly_once(server, away)
    here.sync()
    assert_same_cells_and_exactly_once(server, here)
    assert away.sql("SELECT cursor FROM sync_state")[0][0] == server.sql("SELECT head FROM feed")[0][0]
