"""Server benchmark: the real server on PostgreSQL, driven over HTTP by many simulated devices at once,
each sending its operations in batches; against the floor of inserting the same rows into PostgreSQL
directly, in batches, in the same run.

    python benchmarks/server_bench.py [--devices 200] [--ops 500] [--batch 100] [--concurrency 16]
                                      [--schools 1] [--citus WORKERS] [--runs 3]

Last line: one JSON object with `devices`, `ops`, `ops_per_s`, `sync_p50_ms`, `sync_p95_ms`,
`floor_ops_per_s` and `ratio` (= ops_per_s / floor_ops_per_s), each the median of `runs` runs on fresh
databases with its [min, max] beside it (`…_min_max`); the floor driven with the same concurrency as the
server. Targets on 2 cores: ops_per_s >= 5000, ratio >= 0.3. Needs PostgreSQL from Debian's packages (initdb,
pg_ctl); `--citus N` runs server and floor on a Citus cluster of a coordinator and N workers (Citus built by
.ci/run), `--schools K` spreads the devices over K demo schools, which Citus places by school.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
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

from core.demo_school import generator  # noqa: E402
from harness.citus_cluster import CitusCluster  # noqa: E402
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
    """Each device belongs to a teacher (teachers get several PCs; with several schools, the teachers of every
    school in turn) and edits its own share of that teacher's lessons, so that the load is realistic writes, not
    conflicts. Like a synced client, a device knows the server version of each record it edits (as bootstrap
    gave it) and sends it as the base."""
    with engine.connect() as conn:
        teachers = conn.execute(text("SELECT DISTINCT t.school_id, t.id, t.username FROM teacher t "
                                     "JOIN course c ON c.school_id = t.school_id AND c.teacher_id = t.id "
                                     "WHERE c.scale = 'criteria' ORDER BY t.id, t.school_id")).all()
        slots = {}
        for school_id, teacher_id, _ in teachers:
            slots[(school_id, teacher_id)] = conn.execute(text(
                "SELECT CAST(l.id AS TEXT), m.pupil_id, coalesce(x.server_version, 0), l.server_version FROM lesson l "
                "JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id "
                "JOIN class_membership m ON m.school_id = c.school_id AND m.class_id = c.class_id "
                "AND m.from_date <= l.date AND (m.to_date IS NULL OR m.to_date >= l.date) "
                "LEFT JOIN lesson_cell x ON x.school_id = l.school_id AND x.lesson_id = l.id "
                "AND x.pupil_id = m.pupil_id "
                "WHERE l.school_id = :s AND c.teacher_id = :t AND c.scale = 'criteria' AND c.subgroup_id IS NULL "
                "AND l.date BETWEEN '2026-11-03' AND '2026-12-26' ORDER BY l.id, m.pupil_id"),
                {"s": school_id, "t": teacher_id}).all()
    teachers = [t for t in teachers if slots[(t[0], t[1])]]
    plans = []
    owners = [teachers[i % len(teachers)] for i in range(devices)]
    share: dict[tuple[int, int], int] = {}
    for school_id, teacher_id, _username in owners:
        share[(school_id, teacher_id)] = share.get((school_id, teacher_id), 0) + 1
    taken: dict[tuple[int, int], int] = {}
    for school_id, teacher_id, username in owners:
        who = (school_id, teacher_id)
        part = taken.get(who, 0)
        taken[who] = part + 1
        lessons = sorted({row[0] for row in slots[who]})
        mine = set(lessons[part :: share[who]])
        cells = [row for row in slots[who] if row[0] in mine]
        known = {("cell", f"{r[0]}/{r[1]}"): r[2] for r in cells} | {("lesson", r[0]): r[3] for r in cells}
        device_ops = []
        for seq in range(1, ops + 1):
            lesson_id, pupil_id = cells[(seq * 7) % len(cells)][:2]
            device_ops.append(random_op(rng, seq, lesson_id, pupil_id))
        plans.append({"username": username, "school_id": school_id,
                      "device_id": str(uuid.UUID(int=rng.getrandbits(128))),
                      "ops": device_ops, "known": known})
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
    per batch, the change and audit rows streamed by COPY as the server streams them; as many devices at once as
    the server was driven with, each on its own connection (the floor meets the same contention on the school's
    feed row and the same parallelism as the server)."""
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
            school = plan["school_id"]
            cells, lessons, changes, audits = [], [], [], []
            for seq, (entity, key, field, value) in enumerate(chunk, start=start + 1):
                if entity == "cell":
                    lesson_id, pupil = key.rsplit("/", 1)
                    cells.append((school, lesson_id, int(pupil), value if field == "mark" else None,
                                  value if field == "attendance" else None, value if field == "comment" else None))
                else:
                    lessons.append((value, school, key))
                changes.append((1, entity, key, field, json.dumps(value), 1, plan["device_id"], now, school))
                audits.append((now, school, plan["device_id"], "127.0.0.1", seq + 1000000, entity, key, field,
                               json.dumps(value), "applied"))
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO lesson_cell (school_id, lesson_id, pupil_id, mark, attendance, comment, "
                    "server_version) VALUES (%s, %s, %s, %s, %s, %s, 1) "
                    "ON CONFLICT (school_id, lesson_id, pupil_id) DO UPDATE SET "
                    "mark = coalesce(excluded.mark, lesson_cell.mark), "
                    "server_version = lesson_cell.server_version + 1",
                    cells)
                cur.executemany("UPDATE lesson SET topic = %s WHERE school_id = %s AND id = %s", lessons)
                # the school's feed bumped at the end of the batch, its changes placed below the new head
                head = cur.execute("INSERT INTO feed (school_id, head) VALUES (%s, %s) ON CONFLICT (school_id) "
                                   "DO UPDATE SET head = feed.head + excluded.head RETURNING head",
                                   (school, len(changes))).fetchone()[0]
                # the change and audit rows streamed by COPY, their ids taken first, as the server writes them
                ids = cur.execute("SELECT nextval('change_id_seq') FROM generate_series(1, %s)",
                                  (len(changes),)).fetchall()
                with cur.copy("COPY change (id, course_id, entity, entity_key, field, value, version, device_id, at, "
                              "school_id, position) FROM STDIN") as copy:
                    for i, row in enumerate(changes):
                        copy.write_row((ids[i][0], *row, head - len(changes) + 1 + i))
                ids = cur.execute("SELECT nextval('audit_log_id_seq') FROM generate_series(1, %s)",
                                  (len(audits),)).fetchall()
                with cur.copy("COPY audit_log (id, at, school_id, device_id, ip, seq, entity, entity_key, field, "
                              "new_value, result) FROM STDIN") as copy:
                    for i, row in enumerate(audits):
                        copy.write_row((ids[i][0], *row))
            total += len(chunk)
        return total

    began = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        total = sum(pool.map(lambda _: worker(), range(concurrency)))
    return total / (time.perf_counter() - began)


def load_schools(db_url: str, schools: int) -> None:
    """The demo school `schools` times over (ids repeat across schools, as the server's keys allow; usernames
    get a prefix per school)."""
    engine = open_server_db(db_url)
    for number in range(1, schools + 1):
        prefix = "" if number == 1 else f"s{number}."
        demo.load(engine, TODAY, dataclasses.replace(generator.DEMO, school_id=number, login_prefix=prefix,
                                                     school_name=f"{generator.DEMO.school_name} {number}"))
    engine.dispose()


def placements(cluster: CitusCluster) -> str:
    """Which worker holds each school's shard of the journal's cells (every table of a school is co-located)."""
    rows = cluster.execute(cluster.coordinator, "schools",
                           "SELECT s.id, p.nodeport FROM school s JOIN pg_dist_placement pl ON pl.shardid = "
                           "get_shard_id_for_distribution_column('lesson_cell', s.id) "
                           "JOIN pg_dist_node p ON p.groupid = pl.groupid ORDER BY s.id")
    ports = [w.port for w in cluster.workers]
    return "schools on workers: " + ", ".join(f"school {school} on worker {ports.index(port) + 1}"
                                               for school, port in rows)


def one_run(make_database, args: argparse.Namespace, run: int) -> dict[str, float]:
    """One measured run on fresh copies of the schools: the server driven, then the floor."""
    db_url = make_database(f"bench_{run}")
    floor_url = make_database(f"floor_{run}")
    engine = create_engine(db_url)
    plans = plan_devices(engine, args.devices, args.ops, random.Random(5))
    engine.dispose()
    total = sum(len(p["ops"]) for p in plans)
    print(f"run {run}: {len(plans)} devices x {args.ops} operations = {total}, batches of {args.batch}, "
          f"{args.concurrency} devices syncing at once, {args.workers} server workers, {args.schools} schools",
          flush=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--port", str(port),
                               "--workers", str(args.workers), "--max-syncs", "64", "--quiet",
                               # every simulated device comes from 127.0.0.1: no per-address limit here
                               "--rate-limits", "sync_per_address=1000000/minute,login_per_address=1000000/minute"],
                              cwd=ROOT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        latencies, applied, wall = asyncio.run(drive(url, plans, args.batch, args.concurrency))
    finally:
        stop(server)
    assert applied == total, f"only {applied} of {total} operations were applied"
    figures = {"ops_per_s": total / wall, "sync_p50_ms": statistics.median(latencies),
               "sync_p95_ms": statistics.quantiles(latencies, n=20)[-1]}
    print(f"run {run}: server {figures['ops_per_s']:.0f} ops/s over {wall:.1f} s; sync p50 "
          f"{figures['sync_p50_ms']:.0f} ms, p95 {figures['sync_p95_ms']:.0f} ms", flush=True)
    figures["floor_ops_per_s"] = floor(floor_url, plans, args.batch, args.concurrency)
    figures["ratio"] = figures["ops_per_s"] / figures["floor_ops_per_s"]
    print(f"run {run}: floor (direct batched inserts, {args.concurrency} connections at once): "
          f"{figures['floor_ops_per_s']:.0f} ops/s; ratio {figures['ratio']:.3f}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--ops", type=int, default=500)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="server worker processes")
    parser.add_argument("--schools", type=int, default=1, help="demo schools in the database, devices spread over them")
    parser.add_argument("--citus", type=int, default=0, metavar="WORKERS",
                        help="on a Citus cluster of a coordinator and this many workers (0: plain PostgreSQL)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs, each on fresh databases")
    args = parser.parse_args()

    # fsync on, as in production, for server and floor alike
    cluster: Cluster | CitusCluster = (CitusCluster(args.citus, durable=True) if args.citus
                                       else Cluster(durable=True)).start()
    try:
        # The schools are built once, then each run's databases are copies of them.
        if isinstance(cluster, CitusCluster):
            load_schools(cluster.create_database("schools"), args.schools)
            print(placements(cluster), flush=True)
            cluster.freeze_template("schools")
            where = f"Citus, a coordinator and {args.citus} workers"

            def make_database(name: str) -> str:
                return cluster.clone_database("schools", name)
        else:
            admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text("CREATE DATABASE schools"))
            load_schools(cluster.url("schools"), args.schools)
            where = "PostgreSQL"

            def make_database(name: str) -> str:
                with admin.connect() as conn:
                    conn.execute(text(f"CREATE DATABASE {name} TEMPLATE schools"))
                return cluster.url(name)
        runs = [one_run(make_database, args, run) for run in range(1, args.runs + 1)]
    finally:
        cluster.stop()
    summary: dict[str, object] = {"database": where, "schools": args.schools, "devices": args.devices,
                                  "ops": args.devices * args.ops, "runs": args.runs}
    for name in ("ops_per_s", "sync_p50_ms", "sync_p95_ms", "floor_ops_per_s", "ratio"):
        values = sorted(r[name] for r in runs)
        digits = 3 if name == "ratio" else 1
        summary[name] = round(statistics.median(values), digits)  # the median, and its spread beside it
        summary[f"{name}_min_max"] = [round(values[0], digits), round(values[-1], digits)]
    print(json.dumps(summary, ensure_ascii=False))


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
