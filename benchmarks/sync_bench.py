"""Sync benchmark: what each kind of sync costs over an emulated rural link, between the real sync engine and the
real server (over its embedded SQLite database), against the floor the link itself sets.

    python benchmarks/sync_bench.py [--runs 3] [--changes 10000] [--workload all|marks|edits|pull|download|reference]

The link (harness/fault_proxy.py, since netem is missing on these machines), measured the strict way: 32 kbit/s up
and 64 kbit/s down, each shared by every connection going that way; 600 ms round trip (300 ms each way); a new
connection's first byte held one round trip (the TCP handshake); 2 % of 1,460-byte segments lost, the direction
then carrying nothing for the retransmission timeout (1 s) before the segment goes again; losses drawn unseeded.

Workloads, each on a fresh server and PC and run `--runs` times (min/median/max printed):
- `marks`: the teacher's PC pushes `--changes` marks typed offline (nothing to pull);
- `edits`: it pushes `--changes` edits of the project's mix (marks, attendance, comments, lesson topics);
- `pull`: it pulls `--changes` edits the teacher's other PC put on the server;
- `download`: a new PC's first download of the heaviest teacher of the large school (python -m storage.demo FILE
  --large), its first sync included.
Before a push or pull, the PC has downloaded its year (on a fast link, to save time) and then synced a few edits over
the rural link, as the day before: it starts from what that sync learned, as a PC does.

A workload's floor is its bytes through the proxy each way ÷ that way's rate, plus one round trip, plus one round
trip per connection opened (its handshake); its ratio is wall time ÷ floor. Calls are the requests the proxy saw.

`--workload reference` measures instead what the school's own changes cost the PC (issue 16): after the teacher's
first download, the admin (through the server's API and console, as she would) records arrivals in each of the
teacher's classes, a departure and a move, a new week for one of the teacher's courses from January, and a
two-day quarantine of the teacher's grades; the PC then pulls it all in one sync over the same link.

Last line: one JSON object: per workload `changes`, `calls`, `connections`, `wire_bytes_per_change`, `wall_s`,
`floor_s` and `ratio` as [min, median, max]; then `worst_median_ratio` and `most_calls_beyond_first_per_10k` over the
workloads. Targets (issue 20): every median ratio <= 1.3 (goal 1.2), at most 2 calls per 10,000 changes beyond the
first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.demo_school import generator  # noqa: E402
from harness.fault_proxy import FaultProxy, Link  # noqa: E402
from harness.live_server import running_server  # noqa: E402
from server import demo  # noqa: E402
from server.db import open_server_db  # noqa: E402
from storage import sync_state  # noqa: E402
from storage.database import open_database  # noqa: E402
from storage.journal import Journal  # noqa: E402
from sync.credentials import MemoryTokens  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402

TODAY = dt.date(2026, 11, 22)
YEAR_END = dt.date(2027, 6, 30)  # the edits are typed into the whole year, as if at its end (no mark after today)
UP, DOWN, RTT = 32_000 / 8, 64_000 / 8, 0.6
RURAL = Link(latency=RTT / 2, up_rate=UP, down_rate=DOWN, segment=1460, loss=0.02, rto=1.0)
MIX = (("mark", 0.55), ("attendance", 0.28), ("comment", 0.10), ("topic", 0.07))
MARKS = (("mark", 1.0),)
WORKLOADS = ("marks", "edits", "pull", "download")
WARM_UP = 30  # edits synced over the rural link the day before the measured sync
COMMENTS = ("Жақсы", "Өте жақсы, белсенді", "Үй тапсырмасын орындамаған", "Қайталау керек", "Молодец",
            "Нужно повторить тему", "Не готов к уроку", "Активно работал на уроке", "Excellent work",
            "Кешікті", "Дәптерін ұмытып кеткен", "Задание выполнено частично")
TOPICS = ("Бөлшектерді қосу және азайту", "Теңдеулер жүйесі", "Абай Құнанбайұлы: өмірі мен шығармашылығы",
          "Фотосинтез", "Ньютонның екінші заңы", "Қазақ хандығының құрылуы", "Present Perfect",
          "Квадрат теңдеулер", "Химиялық реакция түрлері", "Электр тогы", "Сложноподчинённые предложения")


def slots(db, teacher_id: int) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """Every cell and lesson of the teacher's year (no term is closed in the demo school)."""
    with db.read() as conn:
        cells = conn.exec_driver_sql(
            "SELECT l.id, m.pupil_id, c.scale FROM lesson l JOIN course c ON c.id = l.course_id "
            "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
            "AND (m.to_date IS NULL OR m.to_date >= l.date) "
            "LEFT JOIN subgroup_member s ON s.subgroup_id = c.subgroup_id AND s.pupil_id = m.pupil_id "
            "WHERE c.teacher_id = ? AND (c.subgroup_id IS NULL OR s.pupil_id IS NOT NULL) "
            "ORDER BY l.date, l.slot, l.id, m.pupil_id",
            (teacher_id,)).all()
        lessons = sorted({(r[0]) for r in cells})
    return cells, lessons


def plan_edits(cells: list, lessons: list, count: int, rng: random.Random, taken: set,
               mix: tuple = MIX) -> list[tuple]:
    """`count` edits of distinct fields not in `taken`, in lesson order, as a teacher fills the journal."""
    edits: list[tuple] = []
    if 3 * len(cells) + len(lessons) < (len(taken) + count) * 1.1:
        raise SystemExit(f"the teacher has too few cells ({len(cells)} in {len(lessons)} lessons) for {count} "
                         "more edits")
    fields = [f for f, _ in mix]
    weights = [w for _, w in mix]
    while len(edits) < count:
        field = rng.choices(fields, weights)[0]
        if field == "topic":
            lesson = rng.choice(lessons)
            target = ("lesson", lesson, "topic")
            value = f"§{rng.randint(1, 60)}. {rng.choice(TOPICS)}"
        else:
            lesson, pupil, scale = rng.choice(cells)
            if field == "mark" and scale not in ("classic", "criteria"):
                continue  # grade 1 and pass/fail courses: attendance and comments only
            target = ("cell", (lesson, pupil), field)
            value = (rng.randint(2, 5) if scale == "classic" else rng.randint(0, 10)) if field == "mark" else \
                rng.choice(["absent", "absent", "ill", "excused", "late"]) if field == "attendance" else \
                rng.choice(COMMENTS)
        if target in taken:
            continue
        taken.add(target)
        edits.append((target, value))
    edits.sort(key=lambda e: str(e[0][1]))  # lesson by lesson, pupil by pupil
    return edits


def type_edits(journal: Journal, edits: list[tuple], count: int) -> None:
    """Type planned edits until `count` of them changed something (an edit typing the value a cell already
    holds changes nothing and queues nothing)."""
    changed = 0
    for (entity, key, field), value in edits:
        if entity == "lesson":
            changed += journal.set_topic(key, value)
        elif field == "mark":
            changed += journal.set_mark(*key, value, today=YEAR_END)
        elif field == "attendance":
            changed += journal.set_attendance(*key, value)
        else:
            changed += journal.set_comment(*key, value)
        if changed == count:
            return
    raise SystemExit(f"only {changed} of the planned edits changed anything")


def human_clock(start: dt.datetime, rng: random.Random):  # type: ignore[no-untyped-def]
    """A teacher's pace: a few seconds between entries, now and then a break."""
    now = [start]

    def tick() -> dt.datetime:
        now[0] += dt.timedelta(seconds=rng.choice([2, 3, 4, 5, 8, 12]) if rng.random() > 0.01 else 600)
        return now[0]

    return tick


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1, help="the edits typed (the link's losses are never seeded)")
    parser.add_argument("--workload", choices=("all", *WORKLOADS, "reference"), default="all")
    args = parser.parse_args()
    chosen = WORKLOADS if args.workload == "all" else (args.workload,)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        templates: dict[str, tuple[Path, str, int]] = {}
        figures: dict[str, list[dict]] = {}
        for workload in chosen:
            school = "large" if workload == "download" else "demo"
            if school not in templates:
                templates[school] = server_template(folder, school)
            figures[workload] = []
            for n in range(args.runs):
                run_folder = folder / f"{workload}-{n}"
                run_folder.mkdir()
                rng = random.Random(args.seed * 1000 + n)
                one = measure(workload, templates[school], run_folder, args.changes, rng)
                print(f"{workload} run {n + 1}: {json.dumps(one)}", file=sys.stderr)
                figures[workload].append(one)
                shutil.rmtree(run_folder)
        print(json.dumps(summarise(figures)))


def server_template(folder: Path, school: str) -> tuple[Path, str, int]:
    """A server database holding the demo (or the large) school, made once and copied for each run; with the login
    and id of the teacher with the most cells to fill."""
    path = folder / f"{school}.db"
    began = time.perf_counter()
    engine = open_server_db(f"sqlite:///{path}")
    demo.load(engine, TODAY, generator.LARGE if school == "large" else generator.DEMO)
    with engine.connect() as conn:
        login, teacher_id = conn.exec_driver_sql(
            "SELECT t.username, t.id FROM teacher t JOIN course c ON c.teacher_id = t.id "
            "JOIN lesson l ON l.course_id = c.id JOIN class_membership m ON m.class_id = c.class_id "
            "AND m.to_date IS NULL LEFT JOIN subgroup_member s ON s.subgroup_id = c.subgroup_id "
            "AND s.pupil_id = m.pupil_id WHERE c.subgroup_id IS NULL OR s.pupil_id IS NOT NULL "
            "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1").one()
    engine.dispose()
    print(f"{school} school made in {time.perf_counter() - began:.0f} s; the heaviest teacher: {login}",
          file=sys.stderr)
    return path, login, teacher_id


def measure(workload: str, template: tuple[Path, str, int], folder: Path, count: int,
            rng: random.Random) -> dict:
    """One run of a workload on a fresh copy of the school's server."""
    path, login, teacher_id = template
    shutil.copyfile(path, folder / "server.db")
    with running_server(f"sqlite:///{folder / 'server.db'}", "--quiet") as server:
        proxy = FaultProxy(int(server.url.rsplit(":", 1)[1])).start()  # unseeded: a new draw of losses each run
        try:
            if workload == "reference":
                return run_reference(server, proxy, folder, login, teacher_id, count, rng)
            if workload == "download":
                return run_download(proxy, folder, login)
            return run_push_or_pull(workload, server, proxy, folder, login, teacher_id, count, rng)
        finally:
            proxy.stop()


def device(folder: Path, login: str, name: str, url: str) -> SyncEngine:
    """A PC of the teacher that has done its first download (on a fast link)."""
    db = open_database(folder / f"{name}.db")
    sync_engine = SyncEngine(db, url, MemoryTokens(), device_name=name)
    sync_engine.login_blocking(login, demo.DEMO_PASSWORD)
    sync_engine.run_once()
    return sync_engine


def rural(proxy: FaultProxy) -> None:
    """The proxy's link from now on the rural one (a connection keeps the link it was opened on: dropped)."""
    proxy.link = RURAL
    proxy.drop_connections()


def measured(proxy: FaultProxy, work) -> tuple[dict, object]:  # type: ignore[no-untyped-def]
    """`work()` over the rural link, timed, with what went through the proxy and the link's floor for it."""
    rural(proxy)
    proxy.counters.up = proxy.counters.down = proxy.counters.requests = proxy.counters.connections = 0
    began = time.perf_counter()
    result = work()
    wall = time.perf_counter() - began
    up, down, connections = proxy.counters.up, proxy.counters.down, proxy.counters.connections
    floor = up / UP + down / DOWN + RTT * (1 + connections)
    return {"calls": proxy.counters.requests, "connections": connections, "up_bytes": up, "down_bytes": down,
            "wall_s": round(wall, 2), "floor_s": round(floor, 2), "ratio": round(wall / floor, 3)}, result


def with_changes(figures: dict, changes: int) -> dict:
    return {"changes": changes, **figures,
            "wire_bytes_per_change": round((figures["up_bytes"] + figures["down_bytes"]) / max(changes, 1), 2)}


def run_push_or_pull(workload: str, server, proxy: FaultProxy, folder: Path, login: str,  # type: ignore[no-untyped-def]
                     teacher_id: int, count: int, rng: random.Random) -> dict:
    """The teacher's PC pushes `count` marks or edits typed offline, or pulls `count` edits her other PC made."""
    village = device(folder, login, "village", proxy.url)  # measured through the proxy, later
    with village.db.read() as conn:
        assert sync_state.load(conn)["teacher_id"] == teacher_id
    cells, lessons = slots(village.db, teacher_id)
    taken: set = set()
    start = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
    # The day before: a few edits synced over the rural link, from which the PC learns it.
    type_edits(Journal(village.db, teacher_id, clock=human_clock(start, rng)),
               plan_edits(cells, lessons, WARM_UP * 2, rng, taken), WARM_UP)
    rural(proxy)
    village.run_once()
    spare = count // 50  # for edits that happen to type the value already there
    if workload == "pull":
        other = device(folder, login, "other", server.url)
        type_edits(Journal(other.db, teacher_id, clock=human_clock(start, rng)),
                   plan_edits(cells, lessons, count + spare, rng, taken), count)
        other.run_once()
        other.stop()
        other.db.close()
    else:
        mix = MARKS if workload == "marks" else MIX
        type_edits(Journal(village.db, teacher_id, clock=human_clock(start, rng)),
                   plan_edits(cells, lessons, count + spare, rng, taken, mix), count)
    with village.db.read() as conn:
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()
    figures, summary = measured(proxy, village.run_once)
    with village.db.read() as conn:
        left = conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()
    assert left == 0 and summary.pushed == queued, (left, summary)  # type: ignore[attr-defined]
    assert summary.pulled == (count if workload == "pull" else 0), summary  # type: ignore[attr-defined]
    village.stop()
    village.db.close()
    return with_changes(figures, summary.pushed + summary.pulled)  # type: ignore[attr-defined]


def run_download(proxy: FaultProxy, folder: Path, login: str) -> dict:
    """A new PC of the heaviest teacher of the large school: logged in, then its first download and first sync."""
    db = open_database(folder / "new.db")
    new_pc = SyncEngine(db, proxy.url, MemoryTokens(), device_name="new")
    rural(proxy)
    new_pc.login_blocking(login, demo.DEMO_PASSWORD)
    figures, _ = measured(proxy, new_pc.run_once)
    with db.read() as conn:
        records = sum(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                      for table in ("lesson", "lesson_cell", "summative_work", "summative_score"))
    new_pc.stop()
    db.close()
    return with_changes(figures, records)


def summarise(figures: dict[str, list[dict]]) -> dict:
    """Each workload's figures as [min, median, max] over its runs, and the targets' two numbers."""
    spread = {}
    for workload, runs in figures.items():
        spread[workload] = {key: _spread([r[key] for r in runs]) for key in runs[0]}
    pushes_and_pulls = {w: v for w, v in spread.items() if w != "reference"}
    return {"runs": min(len(r) for r in figures.values()), "workloads": spread,
            "worst_median_ratio": max((v["ratio"][1] for v in pushes_and_pulls.values()), default=None),
            "most_calls_beyond_first_per_10k": max(
                (round((v["calls"][2] - 1) * 10_000 / max(v["changes"][1], 1), 2)
                 for v in pushes_and_pulls.values()), default=None)}


def _spread(values: list) -> list:
    return [min(values), statistics.median(values), max(values)]


def run_reference(server, proxy: FaultProxy, folder: Path, login: str, teacher_id: int,  # type: ignore[no-untyped-def]
                  count: int, rng: random.Random) -> dict:
    """The school's own changes pulled by the teacher's PC (see the module's docstring)."""
    village = device(folder, login, "village", proxy.url)
    with village.db.read() as conn:
        classes = [r[0] for r in conn.exec_driver_sql(
            "SELECT DISTINCT class_id FROM course WHERE teacher_id = ? ORDER BY class_id", (teacher_id,))]
        grades = sorted({r[0] for r in conn.exec_driver_sql(
            f"SELECT grade FROM school_class WHERE id IN ({','.join(map(str, classes))})")})
        course = conn.exec_driver_sql("SELECT id FROM course WHERE teacher_id = ? ORDER BY id LIMIT 1",
                                      (teacher_id,)).scalar_one()
        pupils = [r[0] for r in conn.exec_driver_sql(
            "SELECT pupil_id FROM class_membership WHERE class_id = ? AND to_date IS NULL ORDER BY pupil_id",
            (classes[0],))]
    admin = SchoolAdmin(server.url)
    for n, class_id in enumerate(classes * 2):
        admin.api("/v1/admin/pupils", class_id=class_id, last_name=f"Жаңа{n}", first_name="Оқушы",
                  from_date="2026-11-23", order=f"№ {100 + n}, 20.11.2026")
    admin.api(f"/v1/admin/pupils/{pupils[0]}/leave", last_day="2026-11-27", order="№ 130, 27.11.2026")
    if len(classes) > 1:
        admin.api(f"/v1/admin/pupils/{pupils[1]}/move", class_id=classes[1], from_date="2026-11-30",
                  order="№ 131, 27.11.2026")
    with village.db.read() as conn:
        week = sorted(conn.exec_driver_sql("SELECT weekday, slot FROM timetable_entry WHERE course_id = ?",
                                           (course,)).all())
    admin.form(f"/console/courses/{course}/week", from_date="2027-01-11",
               slot=[f"{w}-{s}" for w, s in week[1:]])  # one lesson a week fewer from January
    for grade in grades:
        admin.form("/console/calendar", from_date="2027-02-15", to_date="2027-02-16", kind="break",
                   grade_from=str(grade), grade_to=str(grade), name="Карантин")
    figures, summary = measured(proxy, village.run_once)
    village.stop()
    village.db.close()
    admin.http.close()
    return with_changes(figures, summary.pulled)  # type: ignore[attr-defined]


class SchoolAdmin:
    """The school's admin as she works: the API's roster calls with her token, the console's forms with her session
    and each form's CSRF token (written here, not taken from the tests: benchmarks never import them)."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=120, follow_redirects=False)
        login = self.http.post("/v1/login", json={"username": demo.ADMIN_LOGIN, "password": demo.DEMO_PASSWORD,
                                                   "device_id": str(uuid.uuid4())})
        login.raise_for_status()
        self.token = login.json()["token"]
        signed_in = self.http.post("/console/login", data={"username": demo.ADMIN_LOGIN,
                                                            "password": demo.DEMO_PASSWORD})
        assert signed_in.status_code == 303, signed_in.text
        found = re.search(r'name="csrf" value="([0-9a-f]+)"', self.http.get("/console/classes").text)
        assert found is not None
        self.csrf = found.group(1)

    def api(self, path: str, **body: object) -> None:
        answer = self.http.post(path, json=body, headers={"Authorization": f"Bearer {self.token}"})
        assert answer.status_code == 200, answer.text

    def form(self, path: str, **fields: str | list[str]) -> None:
        answer = self.http.post(path, data={**fields, "csrf": self.csrf})
        assert answer.status_code == 303, re.findall(r'id="error">([^<]*)', answer.text)


if __name__ == "__main__":
    main()
