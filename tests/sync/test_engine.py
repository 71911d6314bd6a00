"""The sync engine against the real server: a new PC's first download, edits made offline reaching the
server, others' edits arriving, conflicts and refusals kept for the teacher, and the engine's own timer."""

from __future__ import annotations

import datetime as dt
import time

import httpx
import pytest

from core import term_results
from core.errors import PeriodClosed
from server import demo
from storage import conflicts
from storage.journal_sheet import driver_connection
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.server.school import readable_courses
from tests.sync.conftest import Device, synced_pcs

ADMIN_PC = "00000000-0000-4000-8000-0000000000a1"  # the admin's device id (a uuid, as every PC's)


def _cells(rows: list) -> dict:
    return {(r[0], r[1]): tuple(r[2:]) for r in rows}


CELLS = "SELECT lesson_id, pupil_id, attendance, mark, comment FROM lesson_cell"


def _teacher_cells_on_server(server: LiveServer, teacher_id: int) -> dict:
    """The cells of every course the teacher's PC holds (readable_courses)."""
    courses = ",".join(str(course) for course in readable_courses(server, teacher_id))
    return _cells(server.sql("SELECT x.lesson_id, x.pupil_id, x.attendance, x.mark, x.comment FROM lesson_cell x "
                             f"JOIN lesson l ON l.id = x.lesson_id WHERE l.course_id IN ({courses})"))


def test_a_new_pc_downloads_the_teachers_year_and_nothing_else(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()
    devices.append(pc)
    seen: list[tuple[int, int]] = []
    pc.engine.subscribe(lambda status: seen.append((status.done, status.total))
                        if status.phase == "first_download" else None)
    pc.sync()

    readable = readable_courses(server, spot.teacher_id)  # hers, and those of the class she is class teacher of
    lessons_on_server = sum(server.sql("SELECT count(*) FROM lesson WHERE course_id = :c", c=course)[0][0]
                            for course in readable)
    assert pc.sql("SELECT count(*) FROM lesson")[0][0] == lessons_on_server > 0
    assert _cells(pc.sql(CELLS)) == _teacher_cells_on_server(server, spot.teacher_id)
    assert {r[0] for r in pc.sql("SELECT id FROM course")} == readable
    assert seen[-1][0] == seen[-1][1] == lessons_on_server  # progress reached the end
    assert len({total for _, total in seen if total}) == 1  # and knew the end from the start


@pytest.mark.parametrize("server", ["sqlite", "postgresql"], indirect=True)
def test_every_teacher_can_download_their_year(server: LiveServer, devices, tmp_path) -> None:
    """Every row a teacher's journal needs comes with it: the classes' homeroom teachers, substitutes, rosters
    (the journal's foreign keys would refuse the download otherwise). Every sixth teacher of the school."""
    teachers = server.sql("SELECT DISTINCT t.id, t.username FROM teacher t JOIN course c ON c.teacher_id = t.id "
                          "ORDER BY t.id")
    for teacher_id, login in teachers[::6]:
        pc = Device(tmp_path, login, server.url, login).login()
        devices.append(pc)
        pc.sync()
        assert pc.sql("PRAGMA foreign_key_check") == []
        assert {r[0] for r in pc.sql("SELECT id FROM course")} == readable_courses(server, teacher_id)
        assert pc.sql("SELECT bootstrapped FROM sync_state")[0][0] == 1


def test_offline_edits_reach_the_server_and_the_teachers_other_pc(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    school_pc, home_pc = synced_pcs(tmp_path, server.url, spot.teacher_login, "school", "home")
    devices += [school_pc, home_pc]

    journal = school_pc.journal
    mark = 8 if journal.cell(spot.lesson_id, spot.pupil_id).mark == 9 else 9  # a new mark, whatever the demo gave
    journal.set_mark(spot.lesson_id, spot.pupil_id, mark)
    journal.set_comment(spot.lesson_id, spot.pupil_id, "Тақырыпты жақсы меңгерген")
    journal.set_topic(spot.lesson_id, "Бөлшектерді қосу")
    assert school_pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 3
    summary = school_pc.sync()

    assert summary.pushed == 3
    assert server.sql("SELECT mark, comment FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0] == (mark, "Тақырыпты жақсы меңгерген")
    assert school_pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    server_version = server.sql("SELECT server_version FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                                l=spot.lesson_id, p=spot.pupil_id)[0][0]
    assert school_pc.sql("SELECT server_version FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                         (spot.lesson_id, spot.pupil_id))[0][0] == server_version

    home_pc.sync()
    assert home_pc.journal.cell(spot.lesson_id, spot.pupil_id).mark == mark
    assert home_pc.sql("SELECT topic FROM lesson WHERE id = ?", (spot.lesson_id,))[0][0] == "Бөлшектерді қосу"
    assert _cells(home_pc.sql(CELLS)) == _cells(school_pc.sql(CELLS))


@pytest.mark.parametrize("server", ["sqlite", "postgresql"], indirect=True)
def test_a_pulled_value_waits_behind_an_unsent_edit_and_the_clash_is_kept(server, devices, tmp_path) -> None:
    spot = server_cell(server)
    first, second = synced_pcs(tmp_path, server.url, spot.teacher_login, "first", "second")
    devices += [first, second]

    first.journal.set_mark(spot.lesson_id, spot.pupil_id, 7)
    second.journal.set_mark(spot.lesson_id, spot.pupil_id, 4)  # typed later: the newer stamp wins
    second.journal.set_attendance(spot.lesson_id, spot.pupil_id, "late")
    first.sync()
    second.sync()  # pulls first's 7 while its own 4 is unacknowledged: the 4 is not overwritten, the server judges
    first.sync()

    server_mark = server.sql("SELECT mark, attendance FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                             l=spot.lesson_id, p=spot.pupil_id)[0]
    assert server_mark == (4, "late")
    for pc in (first, second):
        assert pc.journal.cell(spot.lesson_id, spot.pupil_id).mark == 4
        [clash] = pc.sql("SELECT field, winner_value, loser_value FROM sync_conflict")
        assert clash == ("mark", "4", "7")  # both values kept for the review screen
        assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0


def test_an_edit_in_a_closed_term_is_kept_with_its_reason_and_the_cell_put_back(server, devices, tmp_path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()
    devices.append(pc)
    pc.sync()
    period = server.sql("SELECT id FROM period WHERE kind = 'term' AND start_date <= :d AND end_date >= :d",
                        d=spot.date)[0][0]
    admin = httpx.post(f"{server.url}/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                                       "device_id": ADMIN_PC}).json()["token"]
    before = pc.journal.cell(spot.lesson_id, spot.pupil_id).mark
    pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 10 if before != 10 else 9)  # offline: it does not know yet
    assert httpx.post(f"{server.url}/v1/admin/periods/{period}/close",
                      headers={"Authorization": f"Bearer {admin}"}).status_code == 200

    summary = pc.sync()

    assert summary.rejected == 1
    [(field, value, reason)] = pc.sql("SELECT field, value, reason FROM rejected_op")
    assert (field, reason) == ("mark", "period_closed") and value in ("10", "9")
    assert pc.journal.cell(spot.lesson_id, spot.pupil_id).mark == before  # the server's value is back
    assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    pc.sync()  # not retried: nothing goes out again
    assert pc.engine.last_run.pushed == 0
    # The PC learnt the term is closed: it now refuses edits there itself, until the admin reopens it.
    assert pc.sql("SELECT closed FROM period WHERE id = ?", (period,)) == [(1,)]
    with pytest.raises(PeriodClosed):
        pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 8)
    assert httpx.post(f"{server.url}/v1/admin/periods/{period}/reopen",
                      headers={"Authorization": f"Bearer {admin}"}).status_code == 200
    pc.sync()
    assert pc.sql("SELECT closed FROM period WHERE id = ?", (period,)) == [(0,)]
    assert pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 8)


def test_a_teacher_resolves_a_conflict_and_both_pcs_take_the_choice(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    first, second = synced_pcs(tmp_path, server.url, spot.teacher_login, "first", "second")
    devices += [first, second]
    first.journal.set_mark(spot.lesson_id, spot.pupil_id, 7)
    time.sleep(0.005)  # the 4 typed later: within one millisecond the clocks tie, and the PCs' ids decide the winner
    second.journal.set_mark(spot.lesson_id, spot.pupil_id, 4)
    first.sync()
    second.sync()
    first.sync()
    with first.db.read() as conn:
        [clash] = conflicts.open_conflicts(conn)
    assert (clash.winner_value, clash.loser_value) == (4, 7)  # the later edit wins

    conflicts.resolve(first.journal, clash.id, 7)  # the teacher keeps the 7
    assert first.journal.cell(spot.lesson_id, spot.pupil_id).mark == 7
    with first.db.read() as conn:
        assert conflicts.open_conflicts(conn) == []
    second.journal.set_comment(spot.lesson_id, spot.pupil_id, "Қайта жазды")  # meanwhile, elsewhere
    second.sync()
    first.sync()
    second.sync()

    assert server.sql("SELECT mark, comment FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0] == (7, "Қайта жазды")
    assert server.sql("SELECT resolved_value FROM conflict WHERE id = :c", c=clash.id)[0][0] == "7"
    for pc in (first, second):
        assert pc.journal.cell(spot.lesson_id, spot.pupil_id).mark == 7
        assert pc.sql("SELECT count(*) FROM sync_conflict")[0][0] == 0
        assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0


def test_a_batch_too_large_for_the_server_is_halved_until_it_passes(server: LiveServer, devices, tmp_path) -> None:
    """Long comments (2,000 letters each, barely compressible) in a batch sized for marks: the server refuses
    the request as too large (413) and the engine sends it in halves."""
    import random

    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()
    devices.append(pc)
    pc.sync()
    pc.engine.estimate.initial_ops = 2000
    rng = random.Random(3)
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
    spots = pc.sql("SELECT l.id, m.pupil_id FROM lesson l JOIN course c ON c.id = l.course_id "
                   "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
                   "AND (m.to_date IS NULL OR m.to_date >= l.date) WHERE c.subgroup_id IS NULL AND c.teacher_id = ? "
                   "LIMIT 1800", (spot.teacher_id,))
    journal = pc.journal
    for lesson_id, pupil_id in spots:
        journal.set_comment(lesson_id, pupil_id, "".join(rng.choice(letters) for _ in range(2000)))

    summary = pc.sync()

    assert summary.pushed == len(spots) == 1800 and summary.round_trips >= 2
    assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    assert server.sql("SELECT count(*) FROM audit_log WHERE device_id = :d AND seq IS NOT NULL",
                      d=pc.engine.device_id)[0][0] == 1800  # each operation once (besides the audit heads noted)


def test_a_login_on_the_engine_thread_is_followed_by_the_first_download(server: LiveServer, devices,
                                                                        tmp_path) -> None:
    import time

    from sync.errors import SyncError

    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login)  # a new PC, nobody logged in yet
    devices.append(pc)
    pc.engine.start()
    deadline = time.monotonic() + 10
    while not pc.engine.status.needs_login and time.monotonic() < deadline:
        time.sleep(0.02)
    assert pc.engine.status.needs_login

    with pytest.raises(SyncError) as refused:
        pc.engine.login(spot.teacher_login, "not the password").result(30)
    assert refused.value.code == "bad_credentials" and not refused.value.retry
    pc.engine.login(spot.teacher_login, demo.DEMO_PASSWORD).result(30)
    deadline = time.monotonic() + 30
    while pc.engine.status.last_sync_at is None and time.monotonic() < deadline:
        time.sleep(0.05)

    status = pc.engine.status
    assert status.last_sync_at is not None and not status.needs_login and status.online
    assert pc.sql("SELECT bootstrapped FROM sync_state")[0][0] == 1
    assert pc.sql("SELECT count(*) FROM lesson")[0][0] > 0


def test_a_final_mark_with_its_reason_reaches_the_teachers_other_pc(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    school_pc, home_pc = synced_pcs(tmp_path, server.url, spot.teacher_login, "school", "home")
    devices += [school_pc, home_pc]
    term = school_pc.sql("SELECT id FROM period WHERE kind = 'term' AND number = 2")[0][0]
    with school_pc.db.read() as conn:
        result = term_results.compute(driver_connection(conn), spot.course_id, term, [spot.pupil_id],
                                      dt.date(2026, 11, 22))[spot.pupil_id]
    mark = 5 if result.mark != 5 else 4  # not the computed mark: an override, which needs the reason
    assert school_pc.journal.set_final_mark(spot.course_id, term, spot.pupil_id, mark, "Жазбаша жұмыс қайта жазылды")
    school_pc.sync()
    assert server.sql("SELECT final_mark, final_reason FROM period_mark WHERE course_id = :c AND period_id = :t AND "
                      "pupil_id = :p", c=spot.course_id, t=term,
                      p=spot.pupil_id)[0] == (mark, "Жазбаша жұмыс қайта жазылды")
    home_pc.sync()
    assert home_pc.sql(
        "SELECT final_mark, final_reason FROM period_mark WHERE course_id = ? AND period_id = ? AND pupil_id = ?",
        (spot.course_id, term, spot.pupil_id),
    ) == [(mark, "Жазбаша жұмыс қайта жазылды")]


def test_a_pc_keeps_the_servers_receipt_and_hands_it_back(server: LiveServer, devices, tmp_path) -> None:
    """The receipt each sync brings is kept in the journal, signed by the server's key for this PC's chain head; at
    the next sync it goes back, and a server log rewritten meanwhile is noted (tests/server/test_audit_checkpoints)."""
    from core import audit_checkpoint
    from core.protocol import AuditCheckpoint
    from server.audit_checkpoint import default_key_path, load_key

    spot = server_cell(server)
    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()
    devices.append(pc)
    pc.sync()
    pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 5)
    pc.sync()
    [(device_id,)] = pc.sql("SELECT device_id FROM device_state")
    [(kept,)] = pc.sql("SELECT audit_receipt FROM sync_state")
    receipt = AuditCheckpoint.model_validate_json(kept)
    assert audit_checkpoint.genuine(receipt, {audit_checkpoint.public_text(load_key(default_key_path()))})
    assert receipt.heads == {device_id: server.sql("SELECT log_head FROM device WHERE id = :d", d=device_id)[0][0]}

    with server.engine.begin() as conn:  # someone at the database cuts her last entries and their head with them
        conn.exec_driver_sql("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE device_id = "
                             f"'{device_id}' ORDER BY id DESC LIMIT 1)")
        previous = conn.exec_driver_sql(f"SELECT hash FROM audit_log WHERE device_id = '{device_id}' "
                                        "ORDER BY id DESC LIMIT 1").scalar()
        conn.exec_driver_sql(f"UPDATE device SET log_head = '{previous}' WHERE id = '{device_id}'")
    pc.sync()
    assert server.sql("SELECT reason FROM audit_log WHERE field = 'audit_receipt'") == [("audit_rewritten",)]


def test_the_next_sync_starts_from_what_the_last_learned_of_the_link(server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What a sync learned of the link (its round trip and rates) is kept in the journal: an engine made again on it
    (the app started again) starts its calls from there, not from the small first guess (issue 20). (The first
    download's pages measure the rate down; the sync's few edits only bound the rate up, which is not kept.)"""
    from tests.sync.conftest import Device, edit_many

    login = server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE c.scale = "
                       "'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    pc = Device(tmp_path, "pc", server.url, login).login()
    edit_many(pc, lessons=3)
    pc.sync()
    learned = pc.engine.estimate.down_rate
    assert learned is not None and pc.engine.estimate.down_measured and not pc.engine.estimate.up_measured
    pc.close()
    again = Device(tmp_path, "pc", server.url, login)
    assert again.engine.estimate.down_rate == learned and again.engine.estimate.pull_limit() != 500
    assert again.engine.estimate.up_rate is None and again.engine.estimate.batch_ops() == 200
    again.close()
