"""Morning-rush benchmark: N teachers' PCs arrive within a minute and each pushes its night's work to the real
server on a durable PostgreSQL, while a few observer PCs pull the school's feed over and over; then every
change the feed holds is looked for in every observer's pulls.

    python benchmarks/rush_bench.py [--pcs 1000] [--window 60] [--ops 300] [--observers 3] [--workers 1,3]
    python benchmarks/rush_bench.py --pcs 100 --window 10          # a quick run

Each PC has its own account (a teacher's of the demo school; PCs shared out among the teachers by their
lessons, each editing its own share of its teacher's lessons, as benchmarks/server_bench.py's devices do).
Logins (Argon2id) come first, at `--login-concurrency` at once, reported as their own phase (`--login-in-rush`:
each PC logs in when it arrives instead). Arrivals are spread uniformly over `--window` seconds; a PC then syncs the way
sync.session does: batches sized by the real client's link estimate (sync.link: 200 operations first, then
as the link allows), its cursor's changes pulled in the same calls, in the packed wire form gzip'd, until it
has sent everything and pulled to the end; a 503/429, a 5xx or a dropped connection waits as sync.backoff
says (at least the Retry-After) and sends the same batch again. Observers (the school's admin and more
admins, every second one a teacher instead) pull to the end every `--observe-every` seconds during the rush
and once more after it.

Reported per server worker count: completed syncs, errors by HTTP status and transport errors, sync call and
whole-run latency (p50/p95/max), throughput (operations acknowledged a second, from the first arrival to the
last PC done), peak RSS of the server's process tree (/proc), and per observer the changes committed that it
may see, those it pulled, those superseded by a later version of the same field it pulled (server.pull sends
only a field's latest change), missing, pulled twice, and pulled with a wrong version. The audit chains are
verified after each run. Last line: one JSON object with every run. Needs Debian's PostgreSQL (initdb, pg_ctl).

The full size is long on two shared cores: 1,003 logins took 107 s, and one 3-worker rush 834 s, most of it PCs
waiting out their backoff (sync.backoff caps at 300 s) before they gave up at `--give-up`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import json
import os
import random
import resource
import signal
import ssl
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import Engine, create_engine, select, text  # noqa: E402

from benchmarks.server_bench import random_op  # noqa: E402
from core import wire_pack  # noqa: E402
from harness.live_server import ServerProcess, start_server  # noqa: E402
from harness.pg_cluster import Cluster  # noqa: E402
from server import accounts, audit_log, demo  # noqa: E402
from server.db import open_server_db  # noqa: E402
from server.schema import account  # noqa: E402
from sync.backoff import Backoff  # noqa: E402
from sync.link import LinkEstimate  # noqa: E402

TODAY = dt.date(2026, 11, 22)
# As sync.transport's, without the pool's: every simulated PC has its own connection here.
TIMEOUT = httpx.Timeout(connect=20.0, read=60.0, write=60.0, pool=None)
_TLS = ssl.create_default_context()  # one for all the PCs' clients (plain http here; httpx makes one per client)
PACKED = {"Content-Type": wire_pack.MEDIA_TYPE, "Accept": wire_pack.MEDIA_TYPE, "Content-Encoding": "gzip",
          "Accept-Encoding": "gzip", "User-Agent": "DalaJournal/1"}


# -- the load ---------------------------------------------------------------------------------------


@dataclass
class Pc:
    username: str
    device_id: str
    ops: list[tuple[str, str, str, Any]]
    known: dict[tuple[str, str], int]
    arrival: float = 0.0
    token: str | None = None
    done: bool = False
    run_s: float | None = None


@dataclass
class Observer:
    username: str
    role: str
    teacher_id: int | None
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    token: str | None = None
    seen: dict[int, tuple[str, str, str, int]] = field(default_factory=dict)  # position → entity, key, field, version
    twice: int = 0
    pulls: int = 0


def plan_pcs(engine: Engine, pcs: int, ops: int, rng: random.Random) -> list[dict[str, Any]]:
    """Each PC belongs to a teacher (PCs shared out by how many lessons each teacher has) and edits its own
    share of that teacher's lessons, as server_bench's devices do: realistic writes, not conflicts. Like a synced
    client, a PC knows the server version of each record it edits and sends it as the base."""
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.teacher_id, t.username, CAST(l.id AS TEXT), m.pupil_id, coalesce(x.server_version, 0), "
            "l.server_version "
            "FROM lesson l JOIN course c ON c.id = l.course_id JOIN teacher t ON t.id = c.teacher_id "
            "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
            "AND (m.to_date IS NULL OR m.to_date >= l.date) "
            "LEFT JOIN lesson_cell x ON x.lesson_id = l.id AND x.pupil_id = m.pupil_id "
            "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL AND l.date BETWEEN '2026-11-03' AND '2026-12-26' "
            "ORDER BY c.teacher_id, l.id, m.pupil_id")).all()
    cells: dict[int, list[Any]] = {}
    names: dict[int, str] = {}
    for row in rows:
        cells.setdefault(row[0], []).append(row)
        names[row[0]] = row[1]
    lessons = {t: sorted({r[2] for r in rs}) for t, rs in cells.items()}
    total = sum(len(ls) for ls in lessons.values())
    if pcs > total:
        raise SystemExit(f"--pcs {pcs}: the demo school has only {total} lessons to share out, one PC each at least")
    share = {t: pcs * len(ls) // total for t, ls in lessons.items()}  # by largest remainder, at most one PC a lesson
    for t in sorted(lessons, key=lambda t: -(pcs * len(lessons[t]) % total))[: pcs - sum(share.values())]:
        share[t] += 1
    plans = []
    for t in sorted(share):
        for part in range(share[t]):
            mine = set(lessons[t][part :: share[t]])
            own = [r for r in cells[t] if r[2] in mine]
            known = {("cell", f"{r[2]}/{r[3]}"): r[4] for r in own} | {("lesson", r[2]): r[5] for r in own}
            pc_ops: list[tuple[str, str, str, Any]] = []
            for seq in range(1, ops + 1):
                lesson_id, pupil_id = own[(seq * 7) % len(own)][2:4]
                pc_ops.append(random_op(rng, seq, lesson_id, pupil_id))
            plans.append({"teacher_id": t, "username": names[t], "device_id": str(uuid.UUID(int=rng.getrandbits(128))),
                          "ops": pc_ops, "known": known})
    return plans


def make_load(engine: Engine, args: argparse.Namespace, rng: random.Random) -> tuple[list[Pc], list[Observer]]:
    """The PCs' plans, an account for each PC and observer (the demo's shared password hash), arrivals."""
    plans = plan_pcs(engine, args.pcs, args.ops, rng)
    with engine.begin() as conn:
        shared, school_id = conn.execute(select(account.c.password_hash, account.c.school_id)
                                         .where(account.c.username == demo.ADMIN_LOGIN)).one()
        pcs, rows = [], []
        for n, plan in enumerate(plans):
            name = f"rush-pc-{n:04d}"
            rows.append(dict(school_id=school_id, username=name, password_hash=shared, role="teacher",
                             teacher_id=plan["teacher_id"]))
            pcs.append(Pc(name, plan["device_id"], plan["ops"], plan["known"], arrival=rng.uniform(0, args.window)))
        observers = []
        for n in range(args.observers):
            if n == 0:
                observers.append(Observer(demo.ADMIN_LOGIN, "admin", None))
                continue
            teacher = plans[(n * 7919) % len(plans)]["teacher_id"] if n % 2 else None
            name = f"rush-observer-{n}"
            rows.append(dict(school_id=school_id, username=name, password_hash=shared,
                             role="teacher" if teacher else "admin", teacher_id=teacher))
            observers.append(Observer(name, "teacher" if teacher else "admin", teacher))
        accounts.add_accounts(conn, rows)
    return pcs, observers


# -- the server's memory ----------------------------------------------------------------------------


class RssSampler(threading.Thread):
    """The resident memory of a process and all its descendants, sampled from /proc; peaks per phase."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.phase = "start"
        self.peak_tree: Counter[str] = Counter()
        self.peak_process: Counter[str] = Counter()
        self._halt = threading.Event()

    def tree(self) -> list[int]:
        return tree_of(self.pid)

    @staticmethod
    def rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def run(self) -> None:
        while not self._halt.wait(self.every):
            sizes = [self.rss(pid) for pid in self.tree()]
            phase = self.phase
            self.peak_tree[phase] = max(self.peak_tree[phase], sum(sizes))
            self.peak_process[phase] = max(self.peak_process[phase], max(sizes, default=0))

    def stop(self) -> None:
        self._halt.set()
        self.join(5)


def tree_of(root: int) -> list[int]:
    """A process and all its descendants."""
    parent: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parent.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += parent.get(pid, [])
    return found


def tree_cpu(root: int) -> float:
    """User and system CPU seconds of a process tree's live processes and the children they have waited for."""
    total = 0
    for pid in tree_of(root):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
        except (OSError, ValueError):
            continue
    return total / os.sysconf("SC_CLK_TCK")


# -- the PCs ----------------------------------------------------------------------------------------


@dataclass
class Tally:
    errors: Counter[str] = field(default_factory=Counter)  # by HTTP status, or transport:<error>
    calls: list[float] = field(default_factory=list)  # ms, answered calls only
    refusals: list[float] = field(default_factory=list)  # ms, calls answered with another status than 200
    idle_before_drop: list[float] = field(default_factory=list)  # s a PC's connection was idle before one dropped
    statuses: Counter[str] = field(default_factory=Counter)  # operation results
    acknowledged: int = 0


async def post(client: httpx.AsyncClient, path: str, body: bytes, headers: dict[str, str], tally: Tally,
               idle: float | None = None) -> tuple[httpx.Response | None, float, float | None]:
    """(the response when it is a 200, seconds, Retry-After); anything else is counted in `tally`, with `idle`
    (how long the caller's connection had been idle) when the connection dropped."""
    began = time.perf_counter()
    try:
        response = await client.post(path, content=body, headers=headers)
    except httpx.HTTPError as error:  # refused, reset, timed out, cut short
        tally.errors[f"transport:{type(error).__name__}"] += 1
        if idle is not None:
            tally.idle_before_drop.append(idle)
        return None, time.perf_counter() - began, None
    seconds = time.perf_counter() - began
    if response.status_code != 200:
        tally.errors[str(response.status_code)] += 1
        tally.refusals.append(seconds * 1000)
        try:
            after: float | None = float(response.headers.get("retry-after", ""))
        except ValueError:
            after = None
        return None, seconds, after
    tally.calls.append(seconds * 1000)
    return response, seconds, None


async def log_in(client: httpx.AsyncClient, who: Pc | Observer, tally: Tally, give_up: float) -> bool:
    body = json.dumps({"username": who.username, "password": demo.DEMO_PASSWORD, "device_id": who.device_id}).encode()
    backoff, began = Backoff(), time.monotonic()
    while time.monotonic() - began < give_up:
        response, _, after = await post(client, "/v1/login", body, {"Content-Type": "application/json"}, tally)
        if response is not None:
            who.token = response.json()["token"]
            return True
        await asyncio.sleep(backoff.next_delay(after))
    return False


async def sync_call(client: httpx.AsyncClient, token: str, request: dict[str, Any], tally: Tally,
                    idle: float | None = None) -> tuple[dict[str, Any] | None, int, int, float, float | None]:
    """One sync call as sync.transport makes it: (the unpacked answer or None, bytes sent, received, seconds,
    Retry-After)."""
    body = gzip.compress(json.dumps(wire_pack.pack_request(request), ensure_ascii=False,
                                    separators=(",", ":")).encode(), 9)
    response, seconds, after = await post(client, "/v1/sync", body, {**PACKED, "Authorization": f"Bearer {token}"},
                                          tally, idle)
    if response is None:
        return None, len(body), 0, seconds, after
    return wire_pack.unpack_response(response.json()), len(body), response.num_bytes_downloaded, seconds, None


def own_client(url: str) -> httpx.AsyncClient:
    """A PC's own client, one connection at a time, as the sync engine's (sync.transport)."""
    return httpx.AsyncClient(base_url=url, timeout=TIMEOUT, verify=_TLS,
                             limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))


async def pc_run(url: str, pc: Pc, start: float, args: argparse.Namespace, tally: Tally, logins: Tally,
                 seed: int) -> None:
    loop = asyncio.get_running_loop()
    await asyncio.sleep(max(0.0, start + pc.arrival - loop.time()))
    async with own_client(url) as client:
        await pc_sync(client, pc, args, tally, logins, seed)


async def pc_sync(client: httpx.AsyncClient, pc: Pc, args: argparse.Namespace, tally: Tally, logins: Tally,
                  seed: int) -> None:
    loop = asyncio.get_running_loop()
    began = loop.time()
    if args.login_in_rush and not await log_in(client, pc, logins, args.give_up):
        return
    assert pc.token is not None
    estimate, backoff = LinkEstimate(), Backoff(rng=random.Random(seed))
    sent, cursor = 0, 0
    batch: list[dict[str, Any]] | None = None
    last_answer: float | None = None  # when this PC's connection last carried an answer
    while loop.time() - began < args.give_up:
        if batch is None:  # the next batch of the outbox, its seqs fixed from here on (resent as they are)
            chunk = pc.ops[sent : sent + estimate.batch_ops()]
            stamp = int(time.time() * 1000) << 16
            batch = [{"seq": sent + i + 1, "hlc": stamp + i, "entity": e, "key": k, "field": f, "value": v,
                      "base": pc.known.get((e, k), 0)} for i, (e, k, f, v) in enumerate(chunk)]
        request = {"device_id": pc.device_id, "cursor": cursor, "ops": batch, "limit": estimate.pull_limit()}
        idle = loop.time() - last_answer if last_answer is not None else None
        answer, up, down, seconds, after = await sync_call(client, pc.token, request, tally, idle)
        last_answer = loop.time()
        if answer is None:
            await asyncio.sleep(backoff.next_delay(after))
            continue
        backoff.reset()
        estimate.observe(up, down, seconds, ops=len(batch), changes=len(answer["changes"]))
        for op, result in zip(batch, answer["results"], strict=True):
            tally.statuses[result["status"]] += 1
            if result.get("version") is not None:
                pc.known[(op["entity"], op["key"])] = result["version"]
        tally.acknowledged += sum(r["status"] != "gap" for r in answer["results"])
        sent += len(batch)
        batch = None
        cursor = answer["cursor"]
        if sent >= len(pc.ops) and not answer["more"]:
            pc.done, pc.run_s = True, loop.time() - began
            return


async def observe(url: str, who: Observer, rush_over: asyncio.Event, args: argparse.Namespace, tally: Tally) -> None:
    async with own_client(url) as client:
        await observe_with(client, who, rush_over, args, tally)


async def observe_with(client: httpx.AsyncClient, who: Observer, rush_over: asyncio.Event, args: argparse.Namespace,
                       tally: Tally) -> None:
    """Pull to the end, wait a little, again; once more after the rush is over."""
    estimate, backoff = LinkEstimate(), Backoff()
    cursor = 0
    assert who.token is not None
    while True:
        last = rush_over.is_set()
        while True:
            request = {"device_id": who.device_id, "cursor": cursor, "ops": [], "limit": estimate.pull_limit()}
            answer, up, down, seconds, after = await sync_call(client, who.token, request, tally)
            if answer is None:
                await asyncio.sleep(backoff.next_delay(after))
                continue
            backoff.reset()
            estimate.observe(up, down, seconds, changes=len(answer["changes"]))
            who.pulls += 1
            for c in answer["changes"]:
                if c["id"] in who.seen:
                    who.twice += 1
                who.seen[c["id"]] = (c["entity"], c["key"], c["field"], c["version"])
            cursor = answer["cursor"]
            if not answer["more"]:
                break
        if last:
            return
        try:
            await asyncio.wait_for(rush_over.wait(), args.observe_every)
        except TimeoutError:
            pass


async def login_phase(url: str, who: list[Pc | Observer], args: argparse.Namespace) -> tuple[Tally, float]:
    """Everyone in `who` logs in, `--login-concurrency` at once: (the tally, seconds)."""
    tally = Tally()
    limits = httpx.Limits(max_connections=args.login_concurrency, max_keepalive_connections=args.login_concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT, limits=limits) as client:
        gate = asyncio.Semaphore(args.login_concurrency)

        async def gated(one: Pc | Observer) -> bool:
            async with gate:
                return await log_in(client, one, tally, args.give_up)

        began = time.perf_counter()
        await asyncio.gather(*(gated(one) for one in who))
        return tally, time.perf_counter() - began


@dataclass
class Rush:
    logins: Tally  # when the PCs log in as they arrive (--login-in-rush)
    pcs: Tally
    observers: Tally
    seconds: float
    client_cpu_s: float


async def rush_phase(url: str, pcs: list[Pc], observers: list[Observer], args: argparse.Namespace,
                     sampler: RssSampler) -> Rush:
    logins, rush, watching = Tally(), Tally(), Tally()
    sampler.phase = "rush"
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    rush_over = asyncio.Event()
    watchers = [asyncio.create_task(observe(url, o, rush_over, args, watching)) for o in observers]
    start = asyncio.get_running_loop().time()
    began = time.perf_counter()
    await asyncio.gather(*(pc_run(url, pc, start, args, rush, logins, args.seed + n)
                           for n, pc in enumerate(pcs) if pc.token is not None or args.login_in_rush))
    seconds = time.perf_counter() - began
    rush_over.set()
    sampler.phase = "after"
    await asyncio.gather(*watchers)
    after = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    return Rush(logins, rush, watching, seconds, client_cpu)


# -- what the observers saw -------------------------------------------------------------------------


def check_observer(engine: Engine, who: Observer, school_id: int) -> dict[str, Any]:
    """The feed's changes `who` may see (as server.pull.readable: a teacher's courses, the lessons she
    substitutes in, the courses of the class she is the class teacher of), against what it pulled."""
    visible = "TRUE"
    if who.teacher_id is not None:
        visible = ("course_id IN (SELECT id FROM course WHERE school_id = :s AND teacher_id = :t "
                   "UNION SELECT course_id FROM lesson WHERE school_id = :s AND substitute_teacher_id = :t "
                   "UNION SELECT c.id FROM course c JOIN school_class k ON k.school_id = c.school_id "
                   "AND k.id = c.class_id WHERE c.school_id = :s AND k.homeroom_teacher_id = :t)")
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT position, entity, entity_key, field, version FROM change "
                                 f"WHERE school_id = :s AND {visible} ORDER BY position"),
                            {"s": school_id, "t": who.teacher_id}).all()
    committed = {r.position: (r.entity, r.entity_key, r.field, r.version) for r in rows}
    newest: dict[tuple[str, str, str], int] = {}
    for entity, key, field_name, version in who.seen.values():
        newest[(entity, key, field_name)] = max(version, newest.get((entity, key, field_name), 0))
    superseded = missing = 0
    for position, (entity, key, field_name, version) in committed.items():
        if position in who.seen:
            continue
        if newest.get((entity, key, field_name), 0) > version:
            superseded += 1
        else:
            missing += 1
    wrong = sum(committed.get(position) != seen for position, seen in who.seen.items())
    return {"observer": who.username, "role": who.role, "committed": len(committed), "pulled": len(who.seen),
            "superseded": superseded, "missing": missing, "pulled_twice": who.twice, "wrong": wrong,
            "pulls": who.pulls}


# -- one run ----------------------------------------------------------------------------------------


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def stop(server: ServerProcess, sampler: RssSampler) -> None:
    """Stop the server and its workers (SIGTERM, then SIGKILL to whatever of its tree is left), and the sampler."""
    tree = {pid: command_line(pid) for pid in sampler.tree()}
    sampler.stop()
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        pass
    for pid, command in tree.items():  # only what is still the same process of the server's tree
        if command and command_line(pid) == command:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    server.wait(10)


def command_line(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def latency(calls: list[float]) -> dict[str, float]:
    return {"p50_ms": round(pct(calls, 50), 1), "p95_ms": round(pct(calls, 95), 1),
            "max_ms": round(max(calls, default=0), 1)}


MB = 1024 * 1024


@dataclass
class Base:
    """The database every run starts from (copied for each): the demo school, the accounts, and the devices
    that logged in ahead."""

    name: str
    pcs: list[Pc]
    observers: list[Observer]
    school_id: int
    login: dict[str, Any]


def prepare(cluster: Cluster, args: argparse.Namespace, workers: int) -> Base:
    rng = random.Random(args.seed)
    name = f"rush_base_{uuid.uuid4().hex[:6]}"
    with create_engine(cluster.url(), isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    db_url = cluster.url(name)
    engine = open_server_db(db_url)
    demo.load(engine, TODAY)
    pcs, observers = make_load(engine, args, rng)
    with engine.connect() as conn:
        school_id = conn.execute(text("SELECT id FROM school")).scalar_one()
        teachers = conn.execute(text("SELECT count(DISTINCT teacher_id) FROM account WHERE username LIKE 'rush-pc-%'")
                                ).scalar_one()
    engine.dispose()
    ahead: list[Pc | Observer] = [*observers, *([] if args.login_in_rush else pcs)]
    print(f"{len(pcs)} PCs of {teachers} teachers x {args.ops} operations = {sum(len(pc.ops) for pc in pcs)}, "
          f"arriving within {args.window:g} s; {len(observers)} observers; logging in {len(ahead)} ahead, "
          f"{args.login_concurrency} at once, {workers} worker(s) …", flush=True)
    server = start_server(db_url, "--workers", str(workers), "--quiet")
    sampler = RssSampler(server.pid)
    sampler.start()
    sampler.phase = "login"
    try:
        tally, seconds = asyncio.run(login_phase(server.url, ahead, args))
    finally:
        stop(server, sampler)
    if any(who.token is None for who in ahead):
        raise RuntimeError(f"{sum(who.token is None for who in ahead)} logins failed: {dict(tally.errors)}")
    login = {"count": len(ahead), "workers": workers, "s": round(seconds, 1),
             "per_s": round(len(ahead) / seconds, 1), **latency(tally.calls), "errors": dict(tally.errors),
             "peak_rss_mb": round(sampler.peak_tree["login"] / MB, 1),
             "peak_process_rss_mb": round(sampler.peak_process["login"] / MB, 1)}
    print(f"  logins: {len(ahead)} in {seconds:.1f} s ({login['per_s']:.1f}/s), p50 {login['p50_ms']:.0f} ms, "
          f"p95 {login['p95_ms']:.0f} ms, errors {login['errors'] or 'none'}; server peak RSS "
          f"{login['peak_rss_mb']:.0f} MB", flush=True)
    return Base(name, pcs, observers, school_id, login)


def run_once(cluster: Cluster, base: Base, args: argparse.Namespace, workers: int) -> dict[str, Any]:
    name = f"rush_w{workers}_{uuid.uuid4().hex[:6]}"
    with create_engine(cluster.url(), isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {base.name}"))
    db_url = cluster.url(name)
    pcs = [Pc(p.username, p.device_id, p.ops, dict(p.known), p.arrival, p.token) for p in base.pcs]
    observers = [Observer(o.username, o.role, o.teacher_id, o.device_id, o.token) for o in base.observers]
    total = sum(len(pc.ops) for pc in pcs)
    print(f"{workers} worker(s), --max-syncs {args.max_syncs}: the rush …", flush=True)
    server: ServerProcess = start_server(db_url, "--workers", str(workers), "--max-syncs", str(args.max_syncs),
                                         "--quiet")
    sampler = RssSampler(server.pid)
    sampler.start()
    postmaster = int((cluster.data / "postmaster.pid").read_text().split()[0])
    try:
        postgres_cpu = tree_cpu(postmaster)
        result = asyncio.run(rush_phase(server.url, pcs, observers, args, sampler))
        server_cpu = tree_cpu(server.pid)
        postgres_cpu = tree_cpu(postmaster) - postgres_cpu
    finally:
        stop(server, sampler)
    tracebacks = server.output().count("Traceback (most recent call last)")
    engine = create_engine(db_url)
    with engine.connect() as conn:
        feed_head = conn.execute(text("SELECT coalesce(max(head), 0) FROM feed WHERE school_id = :s"),
                                 {"s": base.school_id}).scalar_one()
        changes = conn.execute(text("SELECT count(*) FROM change WHERE school_id = :s"),
                               {"s": base.school_id}).scalar_one()
        broken = audit_log.verify(conn)
    seen = [check_observer(engine, o, base.school_id) for o in observers]
    engine.dispose()

    done = [pc for pc in pcs if pc.done]
    runs = [pc.run_s for pc in done if pc.run_s is not None]
    calls = result.pcs.calls
    figures: dict[str, Any] = {
        "workers": workers, "max_syncs": args.max_syncs, "pcs": len(pcs), "ops": total,
        "completed_syncs": len(done), "failed_pcs": len(pcs) - len(done),
        "sync_calls": len(calls), "errors": dict(sorted(result.pcs.errors.items())),
        "observer_errors": dict(sorted(result.observers.errors.items())),
        **{f"call_{k}": v for k, v in latency(calls).items()},
        **{f"refusal_{k}": v for k, v in latency(result.pcs.refusals).items()},
        "run_p50_s": round(pct(runs, 50), 2), "run_p95_s": round(pct(runs, 95), 2),
        "run_max_s": round(max(runs, default=0), 2),
        "ops_acknowledged": result.pcs.acknowledged, "op_results": dict(result.pcs.statuses),
        "rush_s": round(result.seconds, 1), "ops_per_s": round(result.pcs.acknowledged / result.seconds, 1),
        "peak_rss_mb": round(max(sampler.peak_tree.values(), default=0) / MB, 1),
        "peak_process_rss_mb": round(max(sampler.peak_process.values(), default=0) / MB, 1),
        "server_cpu_s": round(server_cpu, 1), "postgres_cpu_s": round(postgres_cpu, 1),
        "client_cpu_s": round(result.client_cpu_s, 1),
        # how long a PC's connection had been idle before it dropped (a keep-alive timeout would show as ~5 s)
        "dropped_after_idle_s": {"count": len(result.pcs.idle_before_drop),
                                 "min": round(min(result.pcs.idle_before_drop, default=0), 3),
                                 "max": round(max(result.pcs.idle_before_drop, default=0), 3)},
        "feed_head": feed_head, "changes": changes, "audit_ok": broken is None, "server_tracebacks": tracebacks,
        "observers": seen, "missing": sum(o["missing"] for o in seen),
    }
    if args.login_in_rush:
        figures["login"] = {"count": len(result.logins.calls), **latency(result.logins.calls),
                            "errors": dict(result.logins.errors)}
    print(f"  {len(done)}/{len(pcs)} PCs completed in {result.seconds:.1f} s, {figures['ops_per_s']:.0f} ops/s; "
          f"{len(calls)} sync calls answered, p50 {figures['call_p50_ms']:.0f} ms, "
          f"p95 {figures['call_p95_ms']:.0f} ms, "
          f"max {figures['call_max_ms']:.0f} ms; a PC's run p50 {figures['run_p50_s']:.1f} s, "
          f"p95 {figures['run_p95_s']:.1f} s, max {figures['run_max_s']:.1f} s")
    print(f"  errors by status: {figures['errors'] or 'none'} (observers: {figures['observer_errors'] or 'none'}), "
          f"refusals answered in p50 {figures['refusal_p50_ms']:.0f} ms, p95 {figures['refusal_p95_ms']:.0f} ms, "
          f"max {figures['refusal_max_ms']:.0f} ms; op results {figures['op_results']}")
    print(f"  server peak RSS {figures['peak_rss_mb']:.0f} MB "
          f"(largest process {figures['peak_process_rss_mb']:.0f} MB); "
          f"CPU: server {server_cpu:.0f} s, PostgreSQL {postgres_cpu:.0f} s, this client {result.client_cpu_s:.0f} s; "
          f"audit chains "
          f"{'verified' if broken is None else f'BROKEN at {broken}'}; feed head {feed_head}, {changes} changes; "
          f"{tracebacks} tracebacks in the server's output")
    for o in seen:
        print(f"  observer {o['observer']} ({o['role']}): {o['committed']} committed it may see, pulled "
              f"{o['pulled']}, superseded {o['superseded']}, missing {o['missing']}, pulled twice "
              f"{o['pulled_twice']}, wrong {o['wrong']}, in {o['pulls']} pulls", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pcs", type=int, default=1000)
    parser.add_argument("--window", type=float, default=60.0, help="seconds over which the PCs arrive")
    parser.add_argument("--ops", type=int, default=300, help="operations each PC pushes")
    parser.add_argument("--observers", type=int, default=3)
    parser.add_argument("--observe-every", type=float, default=2.0, help="seconds between an observer's pulls")
    parser.add_argument("--workers", default="1,3", help="server worker counts, one run each (default %(default)s)")
    parser.add_argument("--max-syncs", type=int, default=16, help="the server's --max-syncs (its default: 16)")
    parser.add_argument("--login-concurrency", type=int, default=16, help="logins at once, ahead of the rush")
    parser.add_argument("--login-in-rush", action="store_true", help="each PC logs in when it arrives")
    parser.add_argument("--give-up", type=float, default=600.0, help="a PC stops trying after this many seconds")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    workers = [int(w) for w in args.workers.split(",")]

    cluster = Cluster(durable=True).start()  # fsync on, as in production
    try:
        base = prepare(cluster, args, max(workers))
        runs = [run_once(cluster, base, args, w) for w in workers]
    finally:
        cluster.stop()
    print(json.dumps({"pcs": args.pcs, "window_s": args.window, "ops_per_pc": args.ops, "observers": args.observers,
                      "login": base.login, "missing": sum(r["missing"] for r in runs),
                      "failed_pcs": sum(r["failed_pcs"] for r in runs), "runs": runs}, ensure_ascii=False))


if __name__ == "__main__":
    main()
