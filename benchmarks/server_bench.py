"""Server benchmark: the real server on PostgreSQL, driven over HTTP by many simulated devices at once,
each sending its operations in batches; against the floor of inserting the same rows into PostgreSQL
directly, in batches, in the same run.

    python benchmarks/server_bench.py [--devices 200] [--ops 500] [--batch 100] [--concurrency 16]

Last line: one JSON object with `devices`, `ops`, `ops_per_s`, `sync_p50_ms`, `sync_p95_ms`,
`floor_ops_per_s` and `ratio` (= ops_per_s / floor_ops_per_s), the floor driven with the same
concurrency as the server. Targets on 2 cores: ops_per_s >= 5000, ratio >= 0.3. Needs PostgreSQL from
Debian's packages (initdb, pg_ctl).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from harness.live_server import free_port  # noqa: E402
from harness.pg_cluster import Cluster  # noqa: E402
from server import demo  # noqa: E402
from server.db import open_server_db  # noqa: E402

TODAY = dt.date(2026, 11, 22)
MIX = (("mark", 0.6), ("attendance", 0.25), ("comment", 0.1), ("topic", 0.05))
COMMENTS = ("Жақсы", "Молодец", "Қайталау керек", "Нужно повторить", "Белсенді")


def random_op(rng: random.Random, seq: int, lesson_id: str, pupil_id: int) -> tuple[str, str, str, object]:
    """One edit a teacher makes, drawn by MIX: a mark, an attendance, a comment, or the lesson's topic."""
    field = rng.choices([f for f, _ in MIX], [w for _, w in MIX])[0]
    if field == "topic":
        return ("lesson", lesson_id, "topic", f"Тақырып {seq}")
    if field == "mark":
        return ("cell", f"{lesson_id}/{pupil_id}", "mark", rng.randint(0, 10))
    if field == "attendance":
        return ("cell", f"{lesson_id}/{pupil_id}", "attendance", rng.choice(["absent", "ill", "late", None]))
    return ("cell", f"{lesson_id}/{pupil_id}", "comment", rng.choice(COMMENTS))


def plan_devices(engine, devices: int, ops: int, rng: random.Random) -> list[dict]:
    """Each device belongs to a teacher (teachers get several PCs) and edits its own share of that
    teacher's lessons, so that the load is realistic writes, not conflicts. Like a synced client, a device
    knows the server version of each record it edits (as bootstrap gave it) and sends it as the base."""
    with engine.connect() as conn:
        teachers = conn.execute(text("SELECT DISTINCT t.id, t.username FROM teacher t "
                                     "JOIN course c ON c.teacher_id = t.id "
                                     "WHERE c.scale = 'criteria' ORDER BY t.id")).all()
        slots = {}
        for teacher_id, _ in teachers:
            slots[teacher_id] = conn.execute(text(
                "SELECT l.id, m.pupil_id, coalesce(x.server_version, 0), l.server_version FROM lesson l "
                "JOIN course c ON c.id = l.course_id "
                "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
                "AND (m.to_date IS NULL OR m.to_date >= l.date) "
                "LEFT JOIN lesson_cell x ON x.lesson_id = l.id AND x.pupil_id = m.pupil_id "
                "WHERE c.teacher_id = :t AND c.scale = 'criteria' AND c.subgroup_id IS NULL "
                "AND l.date BETWEEN '2026-11-03' AND '2026-12-26' ORDER BY l.id, m.pupil_id"), {"t": teacher_id}).all()
    teachers = [t for t in teachers if slots[t[0]]]
    plans = []
    owners = [teachers[i % len(teachers)] for i in range(devices)]
    share: dict[int, int] = {}
    for teacher_id, _username in owners:
        share[teacher_id] = share.get(teacher_id, 0) + 1
    taken: dict[int, int] = {}
    for teacher_id, username in owners:
        part = taken.get(teacher_id, 0)
        taken[teacher_id] = part + 1
        lessons = sorted({row[0] for row in slots[teacher_id]})
        mine = set(lessons[part :: share[teacher_id]])
        cells = [row for row in slots[teacher_id] if row[0] in mine]
        known = {("cell", f"{r[0]}/{r[1]}"): r[2] for r in cells} | {("lesson", r[0]): r[3] for r in cells}
        device_ops = []
        for seq in range(1, ops + 1):
            lesson_id, pupil_id = cells[(seq * 7) % len(cells)][:2]
            device_ops.append(random_op(rng, seq, lesson_id, pupil_id))
        plans.append({"username": username, "device_id": str(uuid.UUID(int=rng.getrandbits(128))), "ops": device_ops,
                      "known": known})
    return plans


async def drive(url: str, plans: list[dict], batch: int, concurrency: int) -> tuple[list[float], int, float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        for plan in plans:  # log in first: Argon2id is deliberately slow and not what is measured here
            response = await client.post("/v1/login", json={"username": plan["username"],
                                                             "password": demo.DEMO_PASSWORD,
                                                             "device_id": plan["device_id"]})
            response.raise_for_status()
            plan["token"] = response.json()["token"]
        latencies: list[float] = []
        applied = 0
        queue: asyncio.Queue = asyncio.Queue()
        for plan in plans:
            queue.put_nowait(plan)

        async def device_worker() -> None:
            nonlocal applied
            while not queue.empty():
                plan = queue.get_nowait()
                cursor = 0
                headers = {"Authorization": f"Bearer {plan['token']}", "Content-Encoding": "gzip",
                           "Content-Type": "application/json"}
                known = plan["known"]
                for start in range(0, len(plan["ops"]), batch):
                    chunk = plan["ops"][start : start + batch]
                    ops = [{"seq": start + i + 1, "hlc": (int(time.time() * 1000) << 16) + i, "entity": e, "key": k,
                            "field": f, "value": v, "base": known.get((e, k), 0)}
                           for i, (e, k, f, v) in enumerate(chunk)]
                    body = gzip.compress(json.dumps({"device_id": plan["device_id"], "cursor": cursor, "ops": ops,
                                                     "limit": 1000}).encode())
                    began = time.perf_counter()
                    response = await client.post("/v1/sync", content=body, headers=headers)
                    latencies.append((time.perf_counter() - began) * 1000)
                    if response.status_code != 200:
                        raise RuntimeError(f"sync answered {response.status_code}: {response.text[:500]}")
                    answer = response.json()
                    cursor = answer["cursor"]
                    for (entity, key, _f, _v), result in zip(chunk, answer["results"], strict=True):
                        if result.get("version") is not None:
                            known[(entity, key)] = result["version"]
                    applied += sum(r["status"] in ("applied", "merged", "conflict") for r in answer["results"])

        began = time.perf_counter()
        await asyncio.gather(*(device_worker() for _ in range(concurrency)))
        return latencies, applied, time.perf_counter() - began


def floor(db_url: str, plans: list[dict], batch: int, concurrency: int) -> float:
    """The rows the server writes for these operations — the changed cells, a change-log row and an audit
    row each, the school's feed bumped — inserted into PostgreSQL directly, batch by batch, one transaction
    per batch; as many devices at once as the server was driven with, each on its own connection (the floor
    meets the same contention on the school's feed row and the same parallelism as the server)."""
    from concurrent.futures import ThreadPoolExecutor

    import psycopg

    dsn = db_url.replace("postgresql+psycopg://", "postgresql://")
    now = dt.datetime.now(dt.UTC)
    queue = list(plans)

    def worker() -> int:
        done = 0
        with psycopg.connect(dsn) as conn:
            while queue:
                try:
                    plan = queue.pop()
                except IndexError:
                    break
                done += one_device(conn, plan)
        return done

    def one_device(conn: psycopg.Connection, plan: dict) -> int:
        total = 0
        for start in range(0, len(plan["ops"]), batch):
            chunk = plan["ops"][start : start + batch]
            cells, lessons, changes, audits = [], [], [], []
            for seq, (entity, key, field, value) in enumerate(chunk, start=start + 1):
                if entity == "cell":
                    lesson_id, pupil = key.rsplit("/", 1)
                    cells.append((lesson_id, int(pupil), value if field == "mark" else None,
                                  value if field == "attendance" else None, value if field == "comment" else None))
                else:
                    lessons.append((value, key))
                changes.append((1, entity, key, field, json.dumps(value), 1, plan["device_id"], now))
                audits.append((now, 1, plan["device_id"], "127.0.0.1", seq, entity, key, field, json.dumps(value),
                               "applied"))
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO lesson_cell (school_id, lesson_id, pupil_id, mark, attendance, comment, "
                    "server_version) VALUES (1, %s, %s, %s, %s, %s, 1) "
                    "ON CONFLICT (school_id, lesson_id, pupil_id) DO UPDATE SET "
                    "mark = coalesce(excluded.mark, lesson_cell.mark), "
                    "server_version = lesson_cell.server_version + 1",
                    cells)
                cur.executemany("UPDATE lesson SET topic = %s WHERE school_id = 1 AND id = %s", lessons)
                # the school's feed bumped at the end of the batch, its changes placed below the new head
                head = cur.execute("INSERT INTO feed (school_id, head) VALUES (1, %s) ON CONFLICT (school_id) "
                                   "DO UPDATE SET head = feed.head + excluded.head RETURNING head",
                                   (len(changes),)).fetchone()[0]
                cur.executemany("INSERT INTO change (id, course_id, entity, entity_key, field, value, version, "
                                "device_id, at, school_id, position) "
                                "VALUES (nextval('change_id_seq'), %s, %s, %s, %s, %s, %s, %s, %s, 1, %s)",
                                [(*row, head - len(changes) + 1 + i) for i, row in enumerate(changes)])
                cur.executemany("INSERT INTO audit_log (id, at, school_id, device_id, ip, seq, entity, entity_key, "
                                "field, new_value, result) "
                                "VALUES (nextval('audit_log_id_seq'), %s, %s, %s, %s, %s + 1000000, %s, %s, %s, %s, "
                                "%s)",
                                audits)
            total += len(chunk)
        return total

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        total = sum(pool.map(lambda _: worker(), range(concurrency)))
    return total / (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--ops", type=int, default=500)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="server worker processes")
    args = parser.parse_args()
    rng = random.Random(5)

    cluster = Cluster(durable=True).start()  # fsync on, as in production, for server and floor alike
    server = None
    try:
        admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("CREATE DATABASE bench"))
            conn.execute(text("CREATE DATABASE bench_floor"))
        db_url = cluster.url("bench")
        for url in (db_url, cluster.url("bench_floor")):
            engine = open_server_db(url)
            demo.load(engine, TODAY)
            engine.dispose()
        engine = create_engine(db_url)
        plans = plan_devices(engine, args.devices, args.ops, rng)
        engine.dispose()
        total = sum(len(p["ops"]) for p in plans)
        print(f"{len(plans)} devices x {args.ops} operations = {total}, batches of {args.batch}, "
              f"{args.concurrency} devices syncing at once, {args.workers} server workers")

        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--port", str(port),
                                   "--workers", str(args.workers), "--max-syncs", "64", "--quiet",
                                   # every simulated device comes from 127.0.0.1: no per-address limit here
                                   "--rate-limits", "sync_per_address=1000000/minute,login_per_address=1000000/minute"],
                                  cwd=ROOT,
                                  start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        print("logging in the devices, then syncing …", flush=True)
        latencies, applied, wall = asyncio.run(drive(url, plans, args.batch, args.concurrency))
        assert applied == total, f"only {applied} of {total} operations were applied"
        ops_per_s = total / wall
        p50 = statistics.median(latencies)
        p95 = statistics.quantiles(latencies, n=20)[-1]
        print(f"server: {ops_per_s:.0f} ops/s over {wall:.1f} s; sync p50 {p50:.0f} ms, p95 {p95:.0f} ms")
        stop(server)
        server = None

        floor_ops = floor(cluster.url("bench_floor"), plans, args.batch, args.concurrency)
        print(f"floor (direct batched inserts, {args.concurrency} connections at once): {floor_ops:.0f} ops/s")
        print(json.dumps({"devices": len(plans), "ops": total, "ops_per_s": round(ops_per_s, 1),
                          "sync_p50_ms": round(p50, 1), "sync_p95_ms": round(p95, 1),
                          "floor_ops_per_s": round(floor_ops, 1), "ratio": round(ops_per_s / floor_ops, 3)}))
    finally:
        if server is not None:
            stop(server)
        cluster.stop()


def stop(server: subprocess.Popen) -> None:
    """Stop the server and its worker processes (they share its process group)."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


if __name__ == "__main__":
    main()
