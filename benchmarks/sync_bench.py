"""Sync benchmark: 10,000 queued changes pushed and 10,000 server changes pulled over an emulated rural link,
between the real sync engine and the real server (over its embedded SQLite database).

    python benchmarks/sync_bench.py [--changes 10000] [--seed 1] [--workload edits|reference]

The link (tests/fault_proxy.py, since netem is missing on these machines): 32 kbit/s up, 64 kbit/s down,
600 ms round trip (300 ms each way), and 2 % of 1,460-byte segments held back one retransmission timeout
(1 s) as the stand-in for packet loss, delivered in order as TCP would.

The teacher's PC has downloaded its year and then, offline, typed `--changes` edits at a teacher's pace (a
realistic mix: marks, attendance, comments, lesson topics); meanwhile the same teacher's other PC has put
`--changes` edits of other cells on the server. The measured part is one sync of the first PC: everything
pushed and everything pulled.

Last line: one JSON object with `changes` (pushed + pulled), `round_trips`, `wire_bytes_per_change` (bytes
through the proxy, both directions, HTTP heads included, per change), `wall_s`, `floor_s` (up bytes ÷ up
rate + down bytes ÷ down rate + round trips × RTT) and `ratio` (= wall_s / floor_s).
Targets: wire_bytes_per_change <= 15, round_trips <= 30, wall_s <= 90, ratio <= 2.

`--workload reference` measures instead what the school's own changes cost the PC (issue 16): after the teacher's
first download, the admin (through the server's API and console, as she would) records arrivals in each of the
teacher's classes, a departure and a move, a new week for one of the teacher's courses from January, and a
two-day quarantine of the teacher's grades; the PC then pulls it all in one sync over the same link. Its last line
has the same fields, `pulled` being the changes received (records, lessons made or taken away, timetable entries,
days off) and `wire_bytes_per_change` their cost.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


def plan_edits(cells: list, lessons: list, count: int, rng: random.Random, taken: set) -> list[tuple]:
    """`count` edits of distinct fields not in `taken`, in lesson order, as a teacher fills the journal."""
    edits: list[tuple] = []
    if 3 * len(cells) + len(lessons) < (len(taken) + count) * 1.1:
        raise SystemExit(f"the teacher has too few cells ({len(cells)} in {len(lessons)} lessons) for {count} "
                         "more edits")
    fields = [f for f, _ in MIX]
    weights = [w for _, w in MIX]
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
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workload", choices=("edits", "reference"), default="edits")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        engine = open_server_db(f"sqlite:///{folder / 'server.db'}")
        demo.load(engine, TODAY)
        with engine.connect() as conn:  # the teacher with the most cells to fill
            login, teacher_id = conn.exec_driver_sql(
                "SELECT t.username, t.id FROM teacher t JOIN course c ON c.teacher_id = t.id "
                "JOIN lesson l ON l.course_id = c.id JOIN class_membership m ON m.class_id = c.class_id "
                "AND m.to_date IS NULL LEFT JOIN subgroup_member s ON s.subgroup_id = c.subgroup_id "
                "AND s.pupil_id = m.pupil_id WHERE c.subgroup_id IS NULL OR s.pupil_id IS NOT NULL "
                "GROUP BY t.id ORDER BY count(*) DESC LIMIT 1").one()
        engine.dispose()
        with running_server(f"sqlite:///{folder / 'server.db'}", "--quiet") as server:
            proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]), seed=args.seed).start()
            try:
                measure = run if args.workload == "edits" else run_reference
                print(json.dumps(measure(server, proxy, folder, login, teacher_id, args.changes, rng)))
            finally:
                proxy.stop()


def device(folder: Path, login: str, name: str, url: str) -> SyncEngine:
    """A PC of the teacher that has done its first download (on a fast link)."""
    db = open_database(folder / f"{name}.db")
    sync_engine = SyncEngine(db, url, MemoryTokens(), device_name=name)
    sync_engine.login_blocking(login, demo.DEMO_PASSWORD)
    began = time.perf_counter()
    sync_engine.run_once()
    print(f"{name}: first download {time.perf_counter() - began:.1f} s on a fast link", file=sys.stderr)
    return sync_engine


def measured_sync(village: SyncEngine, proxy: FaultProxy) -> dict:
    """One sync of the village PC over the rural link, with its figures."""
    proxy.link = RURAL
    proxy.drop_connections()
    proxy.counters.up = proxy.counters.down = 0
    began = time.perf_counter()
    summary = village.run_once()
    wall = time.perf_counter() - began
    up, down = proxy.counters.up, proxy.counters.down
    changes = summary.pushed + summary.pulled
    floor = up / UP + down / DOWN + summary.round_trips * RTT
    print(f"pushed {summary.pushed}, pulled {summary.pulled} in {summary.round_trips} round trips; "
          f"{up} bytes up, {down} bytes down; estimate: {village.estimate}", file=sys.stderr)
    return {"changes": changes, "pushed": summary.pushed, "pulled": summary.pulled,
            "round_trips": summary.round_trips, "up_bytes": up, "down_bytes": down,
            "wire_bytes_per_change": round((up + down) / max(changes, 1), 2), "wall_s": round(wall, 1),
            "floor_s": round(floor, 1), "ratio": round(wall / floor, 3)}


def run(server, proxy: FaultProxy, folder: Path, login: str, teacher_id: int, count: int,  # type: ignore[no-untyped-def]
        rng: random.Random) -> dict:
    village = device(folder, login, "village", proxy.url)  # measured through the proxy, later
    other = device(folder, login, "other", server.url)
    with village.db.read() as conn:
        assert sync_state.load(conn)["teacher_id"] == teacher_id
    cells, lessons = slots(village.db, teacher_id)
    taken: set = set()
    spare = count // 50  # for edits that happen to type the value already there
    theirs = plan_edits(cells, lessons, count + spare, rng, taken)
    mine = plan_edits(cells, lessons, count + spare, rng, taken)
    start = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
    type_edits(Journal(other.db, teacher_id, clock=human_clock(start, rng)), theirs, count)
    other.run_once()
    type_edits(Journal(village.db, teacher_id, clock=human_clock(start, rng)), mine, count)
    with village.db.read() as conn:
        queued = conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()
    print(f"queued {queued} changes here, {count} waiting on the server", file=sys.stderr)

    figures = measured_sync(village, proxy)
    with village.db.read() as conn:
        left = conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one()
    assert left == 0 and figures["pushed"] == queued, (left, figures)
    for sync_engine in (village, other):
        sync_engine.stop()
        sync_engine.db.close()
    return figures


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
    figures = measured_sync(village, proxy)
    village.stop()
    village.db.close()
    admin.http.close()
    return {"workload": "reference", **figures}


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
