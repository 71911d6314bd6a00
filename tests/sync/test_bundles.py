"""Sync by a USB stick, through a real server and real PCs (core.bundle, sync.bundles, server.bundles): PC A, offline,
writes its pending sync into a folder (the stick); PC B, online, carries it to the server and writes the answer
beside it; back on PC A the answer empties its outbox and brings PC B's and the school's changes. The same bundle
carried twice, an answer read out of order, a bundle cut short, one byte changed, an answer meant for another PC:
applied once, or refused with its reason, and nothing lost. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import bundle
from core.bundle import BundleError
from sync import bundles
from sync.transport import ServerLink
from tests.server.conftest import backend_db, live_server, postgres, server_template  # noqa: F401
from tests.sync.conftest import (
    Device,
    assert_same_cells_and_exactly_once,
    edit_many,
    lesson_and_pupils,
    mark_on,
    synced_pcs,
)


def test_a_pc_without_a_link_syncs_by_a_usb_stick_carried_to_an_online_pc(live_server, tmp_path: Path) -> None:
    login = live_server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE "
                            "c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    a, b = synced_pcs(tmp_path, live_server.url, login, "a", "b")  # both online once: their bundle keys registered
    stick = tmp_path / "stick"
    stick.mkdir()
    lesson, pupils = lesson_and_pupils(a)
    # Offline on A: marks typed; online on B, another mark, synced.
    queued = edit_many(a, lessons=2)
    assert queued > 10
    assert a.journal.set_mark(lesson, pupils[0], 7)
    assert b.journal.set_mark(lesson, pupils[1], 9)
    b.sync()
    request, header = bundles.write_request(a.db, stick)
    assert header.kind == "request" and header.ops == queued + 1 and header.device_id == a.engine.device_id
    assert bundles.listed(stick, a.engine.device_id)[0].mine
    # Nothing on the stick can be read without the server's key: no pupil's mark in clear.
    assert b'"mark"' not in request.read_bytes() and b"pupil" not in request.read_bytes()

    link = ServerLink(live_server.url)  # B's link: a bundle needs no token, its signature says whose it is
    carried = bundles.carry(link, stick, b.engine.device_id)
    assert [c.refused for c in carried] == [None] and carried[0].answer is not None
    assert bundles.carry(link, stick, b.engine.device_id) == []  # answered already: not carried again
    applied = bundles.read_answer(a.db, carried[0].answer.read_bytes())
    assert applied is not None and applied.acknowledged == queued + 1
    assert a.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    assert mark_on(a, lesson, pupils[1]) == 9  # B's mark, pulled through the answer
    b.sync()
    assert mark_on(b, lesson, pupils[0]) == 7  # A's, on the server and so on B
    assert_same_cells_and_exactly_once(live_server, a)

    # The same request carried again (a second stick, a second trip): applied once; its answer passed over on A.
    again = link.bundle(request.read_bytes())
    assert bundles.read_answer(a.db, again) is None  # A moved on since: nothing applied twice
    assert_same_cells_and_exactly_once(live_server, a)
    link.close()


def test_a_bundle_cut_short_changed_or_not_for_this_pc_is_refused_and_nothing_is_lost(
        live_server, tmp_path: Path) -> None:
    login = live_server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE "
                            "c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    a, b = synced_pcs(tmp_path, live_server.url, login, "a", "b")
    stick = tmp_path / "stick"
    stick.mkdir()
    lesson, pupils = lesson_and_pupils(a)
    assert a.journal.set_mark(lesson, pupils[2], 6)
    request, _header = bundles.write_request(a.db, stick)
    data = request.read_bytes()
    link = ServerLink(live_server.url)
    for broken, code in ((data[: len(data) // 2], "bundle_truncated"),
                         (data[:-100] + bytes([data[-100] ^ 1]) + data[-99:], "bundle_bad_signature"),
                         (b"PK\x03\x04 not a bundle", "bundle_not_a_bundle")):
        with pytest.raises(Exception) as refused:
            link.bundle(broken)
        assert getattr(refused.value, "code", None) == code
    assert live_server.sql("SELECT count(*) FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p AND mark = 6",
                           l=lesson, p=pupils[2]) == [(0,)]  # nothing of it applied
    answer = link.bundle(data)
    # An answer for A read on B: refused, B's journal untouched; read on A: applied.
    with pytest.raises(BundleError) as not_ours:
        bundles.read_answer(b.db, answer)
    assert not_ours.value.code == "not_for_us"
    changed = answer[:-5] + bytes([answer[-5] ^ 1]) + answer[-4:]
    with pytest.raises(BundleError) as altered:
        bundles.read_answer(a.db, changed)
    assert altered.value.code == "bad_signature"
    assert a.sql("SELECT count(*) FROM outbox_op")[0][0] == 1  # still waiting: nothing lost
    assert bundles.read_answer(a.db, answer) is not None
    assert a.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    assert bundle.header_of(answer).answers == bundle.header_of(data).id
    link.close()


def test_the_presets_server_key_is_trusted_over_what_a_server_tells(live_server, tmp_path: Path) -> None:
    """A PC installed with the school's preset knows the server's bundle key before it ever syncs (it can seal a
    bundle for it), and refuses a server that tells another key: not the school's."""
    from core.bundle import KeyPair
    from server.bundles import default_key_path, load_keys
    from sync.errors import SyncError

    login = live_server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE "
                            "c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    school_key = load_keys(default_key_path()).public()
    right = Device(tmp_path, "right", live_server.url, login, server_bundle_key=school_key).login()
    right.sync()
    with right.db.read() as conn:
        assert conn.exec_driver_sql("SELECT server_bundle_key FROM sync_state").scalar() == school_key
    wrong = Device(tmp_path, "wrong", live_server.url, login, server_bundle_key=KeyPair.generate().public()).login()
    with pytest.raises(SyncError) as refused:
        wrong.sync()
    assert refused.value.code == "bundle_key_mismatch"
    right.close()
    wrong.close()
