"""Sealed bundles and the LAN relay (issue 19): three teachers' PCs without internet hand their pending syncs (10,000
edits between them, the sync benchmark's mix) to a relay PC on the school's LAN, whose own link to the server is the
emulated rural one (benchmarks.sync_bench.RURAL: 32/64 kbit/s, 600 ms round trip, 2 % of segments held back a 1 s
RTO); measured from the first hand-over until every PC has collected its last answer and its outbox is empty.

    python benchmarks/bundle_bench.py [--changes 10000] [--runs 3]

A bundle holds what one direct sync would send (at most core.protocol.MAX_OPS_PER_SYNC operations), so a PC hands
over again after each answer until nothing waits. Last line: one JSON object with `changes`, `relay_s` (median of
`runs`, with `relay_s_min_max`), `bundle_bytes_per_change` (the request bundles' bytes ÷ their operations: what a
USB stick carries), `wire_bytes_per_change` (bytes through the relay's rural link, both directions, per change), the
`floor_s` of those bytes (up ÷ rate + down ÷ rate + one round trip per call) and `ratio` = relay_s ÷ floor_s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.sync_bench import DOWN, RTT, RURAL, UP, device, human_clock, plan_edits, slots, type_edits  # noqa: E402
from harness.fault_proxy import FaultProxy  # noqa: E402
from harness.live_server import running_server  # noqa: E402
from server import demo  # noqa: E402
from server.db import open_server_db  # noqa: E402
from storage.journal import Journal  # noqa: E402
from sync import relay  # noqa: E402
from sync.transport import ServerLink  # noqa: E402

TODAY = dt.date(2026, 11, 22)
RELAY_DEVICE = "00000000-0000-4000-8000-0000000000ee"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = [one_run(args.changes, seed) for seed in range(1, args.runs + 1)]
    for result in results:
        print(json.dumps(result), file=sys.stderr)

    def spread(key: str) -> tuple[float, list[float]]:
        values = [r[key] for r in results]
        return statistics.median(values), [min(values), max(values)]

    relay_s, relay_range = spread("relay_s")
    ratio, ratio_range = spread("ratio")
    print(json.dumps({"changes": results[0]["changes"], "runs": len(results), "relay_s": relay_s,
                      "relay_s_min_max": relay_range, "ratio": ratio, "ratio_min_max": ratio_range,
                      "bundle_bytes_per_change": spread("bundle_bytes_per_change")[0],
                      "wire_bytes_per_change": spread("wire_bytes_per_change")[0],
                      "floor_s": spread("floor_s")[0], "calls": spread("calls")[0]}))


def one_run(count: int, seed: int) -> dict:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        engine = open_server_db(f"sqlite:///{folder / 'server.db'}")
        demo.load(engine, TODAY)
        with engine.connect() as conn:  # three teachers with many cells to fill
            teachers = conn.exec_driver_sql(
                "SELECT t.username, t.id FROM teacher t JOIN course c ON c.teacher_id = t.id JOIN lesson l "
                "ON l.course_id = c.id WHERE c.subgroup_id IS NULL GROUP BY t.id ORDER BY count(*) DESC "
                "LIMIT 3").all()
        engine.dispose()
        with running_server(f"sqlite:///{folder / 'server.db'}", "--quiet") as server:
            pcs = [device(folder, login, f"pc{i}", server.url) for i, (login, _id) in enumerate(teachers)]
            for pc, (_login, teacher_id) in zip(pcs, teachers, strict=True):
                cells, lessons = slots(pc.db, teacher_id)
                edits = plan_edits(cells, lessons, count // 3 + count // 100, rng, set())
                start = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
                type_edits(Journal(pc.db, teacher_id, clock=human_clock(start, rng)), edits, count // 3)
                pc.stop()
            proxy = FaultProxy(int(server.url.rsplit(":", 1)[1])).start()
            proxy.link = RURAL
            link = ServerLink(proxy.url)
            hub = relay.Relay(folder / "relay", link, RELAY_DEVICE, 1, host="127.0.0.1", every=0.2).start(
                announce=False)
            url = f"http://127.0.0.1:{hub.port}"
            try:
                return _carry(pcs, url, folder, proxy)
            finally:
                hub.stop()
                link.close()
                proxy.stop()
                for pc in pcs:
                    pc.db.close()


def _carry(pcs: list, url: str, folder: Path, proxy: FaultProxy) -> dict:  # type: ignore[type-arg]
    """Every PC hands over, collects, and hands over again until nothing waits; the relay's link measured."""
    proxy.counters.up = proxy.counters.down = 0
    ops = calls = 0
    waiting = {i: None for i in range(len(pcs))}  # the request each PC waits on
    began = time.perf_counter()
    while waiting:
        for i in list(waiting):
            pc = pcs[i]
            request = waiting[i]
            if request is not None:
                outcome = relay.collect(pc.db, url, request)
                if outcome is False:
                    continue
                calls += 1
            with pc.db.read() as conn:
                left = conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()
            if not left:
                del waiting[i]
                continue
            request = relay.hand_over(pc.db, url, folder / f"out{i}")
            ops += request.ops
            waiting[i] = request
        time.sleep(0.1)
    wall = time.perf_counter() - began
    bundle_bytes = sum(p.stat().st_size for p in folder.glob("out*/request-*.dala"))
    up, down = proxy.counters.up, proxy.counters.down
    floor = up / UP + down / DOWN + calls * RTT
    return {"changes": ops, "relay_s": round(wall, 1), "calls": calls,
            "bundle_bytes_per_change": round(bundle_bytes / max(ops, 1), 2),
            "wire_bytes_per_change": round((up + down) / max(ops, 1), 2), "floor_s": round(floor, 1),
            "ratio": round(wall / floor, 3)}


if __name__ == "__main__":
    main()
