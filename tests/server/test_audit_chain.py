"""The server's audit log is tamper-evident: every entry is hash-chained, `dala-server verify-audit` says the
chain is whole after real logins, syncs and admin actions, and names the right entry after one is edited or
removed, or says so when the newest entries were cut off."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import text

from tests.server import school
from tests.server.conftest import ROOT


def _verify(live_server) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "server.cli", "verify-audit", "--db", live_server.db_url],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def _fill(live_server) -> list[int]:  # type: ignore[no-untyped-def]
    cell = school.cell(live_server)
    api = live_server.client()
    api.login(cell.teacher_login)
    for mark in (5, 6, 7):
        api.sync([api.op("cell", cell.key, "mark", mark, base=0)])
    api.sync([api.op("cell", cell.key, "mark", 99)])  # a refusal is audited too
    admin = live_server.client()
    admin.login("admin")
    term = live_server.sql("SELECT id FROM period WHERE kind = 'term' AND number = 1")[0][0]
    admin.http.post(f"/v1/admin/periods/{term}/close", headers=admin.headers())
    # the teacher's login, her four syncs, the admin's login and his closing
    return [row[0] for row in live_server.sql("SELECT id FROM audit_log ORDER BY id")]


def test_the_chain_is_whole_after_syncs_and_admin_actions(live_server) -> None:
    ids = _fill(live_server)
    assert len(ids) == 7
    assert all(row[0] and len(row[0]) == 64 for row in live_server.sql("SELECT hash FROM audit_log"))
    done = _verify(live_server)
    assert done.returncode == 0 and "7 entries, the chain is whole" in done.stdout


def test_an_edited_entry_is_named(live_server) -> None:
    ids = _fill(live_server)
    with live_server.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET new_value = '2' WHERE id = :i"), {"i": ids[2]})
    done = _verify(live_server)
    assert done.returncode == 1 and f"BROKEN at entry {ids[2]}" in done.stderr and "2 entries before it" in done.stderr


def test_a_removed_entry_and_a_cut_tail_show(live_server) -> None:
    ids = _fill(live_server)
    with live_server.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": ids[-1]})
    cut = _verify(live_server)
    assert cut.returncode == 1 and "removed" in cut.stderr and "6 entries agree" in cut.stderr
    with live_server.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": ids[1]})
    gap = _verify(live_server)
    assert gap.returncode == 1 and f"BROKEN at entry {ids[2]}" in gap.stderr


def test_wrong_passwords_from_a_new_pc_keep_the_chain_whole(live_server) -> None:
    """A PC not yet registered (its first login mistyped twice) has no chain of its own yet: its refused logins
    must still leave `verify-audit` saying the log is whole, and a later right login carries on from them."""
    pc = live_server.client()
    for _ in range(2):
        assert pc.login("admin", "not the password").status_code == 401
    assert pc.login("admin").status_code == 200
    done = _verify(live_server)
    assert done.returncode == 0 and "3 entries, the chain is whole" in done.stdout, done.stdout + done.stderr
