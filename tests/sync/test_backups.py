"""Backups that restore, through a real server: a journal backed up, then damaged on purpose (bytes overwritten),
fails the integrity check; the newest sound backup is restored, the teacher types on, and the next online sync
reconciles: every edit the server had acknowledged is back, the edit the backup held unsent is sent, the edit typed
after the restore is sent too (not taken for a replay of a number the server already had), and each operation is
processed exactly once. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from storage import backups
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import Device, assert_same_cells_and_exactly_once, lesson_and_pupils, mark_on, synced_pcs


def _server_mark(server, lesson: str, pupil: int) -> int | None:  # type: ignore[no-untyped-def]
    found = server.sql("SELECT mark FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND pupil_id = :p",
                       l=lesson, p=pupil)
    return found[0][0] if found else None


def test_a_damaged_journal_is_restored_from_its_backup_with_no_acknowledged_edit_lost(
        live_server, tmp_path: Path) -> None:
    login = live_server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE "
                            "c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    [pc] = synced_pcs(tmp_path, live_server.url, login, "pc")
    lesson, pupils = lesson_and_pupils(pc)
    assert pc.journal.set_mark(lesson, pupils[0], 5)
    pc.sync()  # acknowledged before the backup
    assert pc.journal.set_mark(lesson, pupils[1], 6)  # in the backup, not yet sent
    backup = backups.make(pc.db.engine, pc.path, "scheduled")
    assert backups.listed(backups.folder_of(pc.path))[0].path == backup and not backups.due(pc.path)
    pc.sync()  # acknowledged after the backup: the server has it, the backup does not
    assert pc.journal.set_mark(lesson, pupils[2], 7)
    pc.sync()
    assert _server_mark(live_server, lesson, pupils[2]) == 7
    pc.close()

    size = pc.path.stat().st_size
    with pc.path.open("r+b") as damaged:  # a failing disk: a stretch of the file overwritten
        damaged.seek(size // 2)
        damaged.write(b"\xff" * 8192)
    assert not backups.sound(pc.path, None)
    found = backups.newest_sound(pc.path, None)
    assert found is not None and found.path == backup
    aside = backups.restore(pc.path, found.path, None)
    assert aside.exists() and backups.sound(pc.path, None)

    again = Device(tmp_path, "pc", live_server.url, login)  # the app started again on the restored journal
    assert mark_on(again, lesson, pupils[2]) != 7  # the backup is older than that mark
    assert again.journal.set_mark(lesson, pupils[3], 8)  # typed offline after the restore
    again.login()
    again.sync()
    assert mark_on(again, lesson, pupils[0]) == 5 and mark_on(again, lesson, pupils[2]) == 7  # acknowledged: back
    assert _server_mark(live_server, lesson, pupils[1]) == 6  # the backup's unsent edit: sent
    assert _server_mark(live_server, lesson, pupils[3]) == 8  # typed after the restore: sent, not a "replay"
    assert_same_cells_and_exactly_once(live_server, again)
    again.close()

