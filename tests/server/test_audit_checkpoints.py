"""The audit log holds against someone who can write the database: a chain rewritten with every hash recomputed
still verifies on its own, but not against the signed heads that left the server, the receipt a PC got at its last
sync (checked again when the PC hands it back) and the checkpoint the school keeps (`verify-audit --checkpoint`).
A forged or edited checkpoint is refused, and an honest log raises no alarm."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select, text

from core import audit_chain
from server import audit_log
from server.schema import audit_log as audit_table
from tests.server import school
from tests.server.conftest import ROOT


def _cli(live_server, *args: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "server.cli", *args, "--db", live_server.db_url],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def _rewrite(live_server, device_id: str | None, new_value: str) -> None:  # type: ignore[no-untyped-def]
    """What someone with write access to the database (and the code) can do: change the chain's first entry that
    carries a new value, then recompute every hash after it, and the head."""
    on_chain = audit_table.c.device_id.is_(None) if device_id is None else audit_table.c.device_id == device_id
    with live_server.engine.begin() as conn:
        rows = conn.execute(select(audit_table).where(audit_table.c.school_id == 1, on_chain)
                            .order_by(audit_table.c.id)).mappings().all()  # typed: times read back as the server does
        previous, edited = audit_chain.GENESIS, False
        for row in rows:
            entry = dict(row)
            if not edited and entry["new_value"] is not None:
                entry["new_value"], edited = new_value, True
            previous = audit_chain.entry_hash(previous, entry, audit_log.HASHED)
            conn.execute(text("UPDATE audit_log SET new_value = :v, hash = :h WHERE school_id = 1 AND id = :i"),
                         {"v": entry["new_value"], "h": previous, "i": row["id"]})
        if device_id is None:
            conn.execute(text("UPDATE feed SET log_head = :h WHERE school_id = 1"), {"h": previous})
        else:
            conn.execute(text("UPDATE device SET log_head = :h WHERE school_id = 1 AND id = :d"),
                         {"h": previous, "d": device_id})
        assert edited


def test_a_rewritten_chain_is_caught_by_the_receipt_the_pc_holds(live_server, tmp_path: Path) -> None:
    cell = school.cell(live_server)
    pc = live_server.client()
    pc.login(cell.teacher_login)
    answers = [pc.sync([pc.op("cell", cell.key, "mark", mark)]) for mark in (4, 5)]
    receipt = answers[-1]["audit_receipt"]
    assert receipt["school_id"] == 1 and list(receipt["heads"]) == [pc.device_id]
    assert receipt["heads"][pc.device_id] == live_server.sql(
        "SELECT log_head FROM device WHERE id = :d", d=pc.device_id)[0][0]
    (tmp_path / "receipt.json").write_text(json.dumps(receipt))
    honest = _cli(live_server, "verify-audit", "--checkpoint", str(tmp_path / "receipt.json"))
    assert honest.returncode == 0 and "the 1 checkpoint(s) hold" in honest.stdout, honest.stderr

    _rewrite(live_server, pc.device_id, "3")  # her first mark was a 4; now the log says 3
    alone = _cli(live_server, "verify-audit")
    assert alone.returncode == 0 and "the chain is whole" in alone.stdout  # the weakness checkpoints answer
    caught = _cli(live_server, "verify-audit", "--checkpoint", str(tmp_path / "receipt.json"))
    assert caught.returncode == 1
    assert f"no longer holds the entry that {tmp_path / 'receipt.json'}" in caught.stderr
    assert f"chain {pc.device_id}" in caught.stderr

    # The PC hands its receipt back at its next sync: the server notes the rewrite in the log and in its own log.
    pc.sync_raw({"device_id": pc.device_id, "cursor": pc.cursor, "ops": [], "audit_receipt": receipt})
    assert live_server.sql("SELECT entity_key, field, old_value, reason FROM audit_log WHERE field = 'audit_receipt'"
                           ) == [(pc.device_id, "audit_receipt", receipt["heads"][pc.device_id], "audit_rewritten")]
    assert "audit log REWRITTEN" in live_server.process.output()


def test_an_honest_log_raises_no_alarm_and_a_forged_receipt_proves_nothing(live_server, tmp_path: Path) -> None:
    cell = school.cell(live_server)
    pc = live_server.client()
    pc.login(cell.teacher_login)
    receipt = pc.sync([pc.op("cell", cell.key, "mark", 5)])["audit_receipt"]
    pc.sync([pc.op("cell", cell.key, "mark", 4, base=1)])  # her chain moves on past the receipt
    answer = pc.sync_raw({"device_id": pc.device_id, "cursor": pc.cursor, "ops": [], "audit_receipt": receipt})
    assert answer.status_code == 200
    forged = dict(receipt, heads={pc.device_id: "0" * 64})  # a receipt for an entry that never was
    assert pc.sync_raw({"device_id": pc.device_id, "cursor": pc.cursor, "ops": [],
                        "audit_receipt": forged}).status_code == 200
    assert live_server.sql("SELECT count(*) FROM audit_log WHERE field = 'audit_receipt'") == [(0,)]
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    refused = _cli(live_server, "verify-audit", "--checkpoint", str(tmp_path / "forged.json"))
    assert refused.returncode == 1 and "is not signed by a trusted key" in refused.stderr
    (tmp_path / "junk.json").write_text("{\"school_id\": 1}")
    junk = _cli(live_server, "verify-audit", "--checkpoint", str(tmp_path / "junk.json"))
    assert junk.returncode == 1 and "is not a signed audit checkpoint" in junk.stderr


def test_the_school_keeps_a_checkpoint_of_every_chain(live_server, tmp_path: Path) -> None:
    cell = school.cell(live_server)
    pc = live_server.client()
    assert pc.login(cell.teacher_login, "not her password").status_code == 401  # the school's own chain
    pc.login(cell.teacher_login)
    pc.sync([pc.op("cell", cell.key, "mark", 5)])
    kept = tmp_path / "school-1.json"
    made = _cli(live_server, "audit-checkpoint", "--school", "1", "--out", str(kept))
    assert made.returncode == 0, made.stderr
    heads = json.loads(kept.read_text())["heads"]
    assert set(heads) == {"school", pc.device_id}
    assert _cli(live_server, "verify-audit", "--checkpoint", str(kept)).returncode == 0

    _rewrite(live_server, None, "ok")  # the refused login made to look let in
    caught = _cli(live_server, "verify-audit", "--checkpoint", str(kept))
    assert caught.returncode == 1 and "chain school" in caught.stderr and pc.device_id not in caught.stderr
    assert _cli(live_server, "audit-checkpoint", "--school", "99").returncode == 1
