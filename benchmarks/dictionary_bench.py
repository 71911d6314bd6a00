"""What a shared compression dictionary would save on the sync's wire (issue 20): each message of a teacher's syncs
compressed as it is sent today (gzip, level 9) and as deflate primed with a dictionary both sides would ship.

    python benchmarks/dictionary_bench.py [--seed 1]

The messages are the real ones: the real sync engine and server (its embedded SQLite database) on the demo school, the
bodies taken as the PC sends and receives them. A morning's sync (30 edits), a push of 5,000 edits, a pull of 10,000,
and a first download (the reference answer and a page of lessons). The dictionary is built from another teacher's
messages (as a dictionary shipped with the app would be, from traffic it never saw): zlib's preset dictionary (the
last 32 kB of the samples, the most common strings last), deflate's own mechanism, in the standard library; zstd's
trained dictionaries would need a compiled package on every PC.

Per message: bytes today, bytes with the dictionary, and what the difference is worth in seconds at 32 kbit/s up
(requests) or 64 kbit/s down (answers), against the 600 ms round trip each call costs anyway. Last line: one JSON
object with those figures per message and the whole.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import shutil
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sync_bench  # noqa: E402

from harness.live_server import running_server  # noqa: E402
from storage.journal import Journal  # noqa: E402
from sync import transport  # noqa: E402

UP, DOWN = 32_000 / 8, 64_000 / 8
DICTIONARY_BYTES = 32 * 1024  # deflate's window: a preset dictionary longer than this is not seen


def captured() -> list[tuple[str, bytes]]:
    """Every (direction, body) the PCs' links send and receive from now on, uncompressed."""
    seen: list[tuple[str, bytes]] = []
    send = transport.ServerLink._send

    def recording(self: transport.ServerLink, method: str, path: str, **kw: Any) -> transport.Exchange[bytes]:
        body = kw.get("body")
        if body is not None:
            seen.append((f"up {path}", gzip.decompress(body) if kw.get("encoding") == "gzip" else body))
        exchange = send(self, method, path, **kw)
        seen.append((f"down {path}", exchange.answer))
        return exchange

    transport.ServerLink._send = recording  # type: ignore[method-assign]
    return seen


def teacher_messages(folder: Path, template: tuple[Path, str, int], rng: random.Random) -> dict[str, bytes]:
    """One teacher's messages, by what they are."""
    path, login, teacher_id = template
    shutil.copyfile(path, folder / "server.db")
    seen = captured()
    out: dict[str, bytes] = {}
    with running_server(f"sqlite:///{folder / 'server.db'}", "--quiet") as server:
        pc = sync_bench.device(folder, login, "pc", server.url)
        out["download reference (down)"] = next(b for d, b in seen if d == "down /v1/bootstrap")
        out["download page (down)"] = next(b for d, b in seen if d == "down /v1/bootstrap/lessons")
        cells, lessons = sync_bench.slots(pc.db, teacher_id)
        taken: set = set()
        start = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
        journal = Journal(pc.db, teacher_id, clock=sync_bench.human_clock(start, rng))
        for name, count in (("morning sync of 30 edits", 30), ("push of 5,000 edits", 5000)):
            sync_bench.type_edits(journal, sync_bench.plan_edits(cells, lessons, count + 100, rng, taken), count)
            seen.clear()
            pc.run_once()
            out[f"{name} (up)"] = max((b for d, b in seen if d == "up /v1/sync"), key=len)
            out[f"{name}: its answer (down)"] = max((b for d, b in seen if d == "down /v1/sync"), key=len)
        other = sync_bench.device(folder, login, "other", server.url)
        sync_bench.type_edits(Journal(other.db, teacher_id, clock=sync_bench.human_clock(start, rng)),
                              sync_bench.plan_edits(cells, lessons, 10_100, rng, taken), 10_000)
        other.run_once()
        seen.clear()
        pc.estimate.down_rate, pc.estimate.down_measured = 1e9, True  # the whole pull in one answer
        pc.run_once()
        out["pull of 10,000 changes (down)"] = max((b for d, b in seen if d == "down /v1/sync"), key=len)
        for sync_engine in (pc, other):
            sync_engine.stop()
            sync_engine.db.close()
    return out


def deflated(data: bytes, dictionary: bytes | None) -> int:
    """Bytes on the wire: a gzip stream today; with a dictionary, deflate primed with it (zlib's 6 bytes of
    framing, as gzip's 18)."""
    if dictionary is None:
        return len(gzip.compress(data, 9))
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=dictionary)
    return len(squeezer.compress(data) + squeezer.flush())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        template = sync_bench.server_template(folder, "demo")
        (folder / "trained").mkdir()
        (folder / "measured").mkdir()
        # The dictionary: another teacher's messages (the second heaviest, and other edits).
        path, _, _ = template
        trainer = _another_teacher(path, template[2])
        samples = teacher_messages(folder / "trained", (path, *trainer), random.Random(args.seed + 1))
        dictionary = b"".join(sorted(samples.values(), key=len))[-DICTIONARY_BYTES:]
        messages = teacher_messages(folder / "measured", template, random.Random(args.seed))
    figures = {}
    for name, body in messages.items():
        today, primed = deflated(body, None), deflated(body, dictionary)
        rate = UP if name.endswith("(up)") else DOWN
        figures[name] = {"raw": len(body), "gzip": today, "dictionary": primed,
                         "saved_pct": round(100 * (today - primed) / today, 1),
                         "saved_s": round((today - primed) / rate, 3)}
        print(f"{name}: {len(body)} B raw, {today} B gzip, {primed} B with the dictionary "
              f"({figures[name]['saved_pct']} %, {figures[name]['saved_s']} s)", file=sys.stderr)
    whole_today = sum(f["gzip"] for f in figures.values())
    whole_primed = sum(f["dictionary"] for f in figures.values())
    print(json.dumps({"messages": figures, "dictionary_bytes": len(dictionary),
                      "saved_pct": round(100 * (whole_today - whole_primed) / whole_today, 1),
                      "saved_s": round(sum(f["saved_s"] for f in figures.values()), 3)}))


def _another_teacher(server_db: Path, but: int) -> tuple[str, int]:
    """The teacher with the most cells after `but`."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{server_db}")
    with engine.connect() as conn:
        login, teacher_id = conn.exec_driver_sql(
            "SELECT t.username, t.id FROM teacher t JOIN course c ON c.teacher_id = t.id JOIN lesson l "
            "ON l.course_id = c.id WHERE t.id != ? AND c.subgroup_id IS NULL GROUP BY t.id ORDER BY count(*) DESC "
            "LIMIT 1", (but,)).one()
    engine.dispose()
    return login, teacher_id


if __name__ == "__main__":
    main()
