"""Storage benchmark: one class-subject journal loaded for the grid, and single-mark writes through the
journal API, each measured against the same work done with plain sqlite3 in the same run.

    python benchmarks/storage_bench.py [--dir var/bench] [--rebuild] [--loads 40] [--writes 1000]

Builds the large school (core.demo_school.generator.LARGE) once into DIR/large-template.db and works on a fresh
copy of it each run. Prints its figures as it goes; the last line is one JSON object with `cells`,
`journal_load_ms`, `journal_load_floor_ms`, `load_ratio`, `write_ms_median`, `write_floor_ms_median`,
`write_ratio` (and the journal's shape). Targets: load_ratio <= 3, write_ratio <= 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.demo_school import generator  # noqa: E402
from storage import journal_sheet  # noqa: E402
from storage.collation import name_key  # noqa: E402
from storage.database import open_database  # noqa: E402
from storage.journal import Journal  # noqa: E402
from storage.journal_sheet import JournalSheet, SheetLesson, SheetPupil  # noqa: E402

TODAY = dt.date(2026, 11, 22)
YEAR_END = dt.date(2027, 6, 30)  # the writes go into the whole year's lessons, as if at its end (no mark after today)


def build_template(folder: Path, rebuild: bool) -> Path:
    template = folder / "large-template.db"
    if template.exists() and not rebuild:
        print(f"reusing {template}")
        return template
    template.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_database(template) as db:
        summary = generator.build(db, generator.LARGE, TODAY)
    con = sqlite3.connect(template)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"built {template}: {summary.pupils} pupils, {summary.lessons} lessons, {summary.cells} cells "
          f"in {time.perf_counter() - started:.1f} s")
    return template


def floor_load(con: sqlite3.Connection, course_id: int, period_id: int) -> JournalSheet:
    """journal_sheet.load, done with plain sqlite3: the same queries, the same structure built."""
    class_id, subgroup_id, scale = con.execute(
        "SELECT class_id, subgroup_id, scale FROM course WHERE id = ?", (course_id,)).fetchone()
    start_s, end_s = con.execute("SELECT start_date, end_date FROM period WHERE id = ?", (period_id,)).fetchone()
    start, end = dt.date.fromisoformat(start_s), dt.date.fromisoformat(end_s)
    sql = ("SELECT p.id, p.last_name, p.first_name, m.from_date, m.to_date FROM pupil p "
           "JOIN class_membership m ON m.pupil_id = p.id ")
    args: tuple = (class_id, end_s, start_s)
    if subgroup_id is not None:
        sql += "JOIN subgroup_member s ON s.pupil_id = p.id AND s.subgroup_id = ? "
        args = (subgroup_id, *args)
    sql += "WHERE m.class_id = ? AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date >= ?)"
    pupils = sorted(
        (SheetPupil(pid, last, first, max(dt.date.fromisoformat(since), start),
                    min(dt.date.fromisoformat(until), end) if until else end)
         for pid, last, first, since, until in con.execute(sql, args)),
        key=lambda p: (name_key(p.last_name), name_key(p.first_name), p.id),
    )
    lessons = [SheetLesson(lid, dt.date.fromisoformat(day), slot, kind) for lid, day, slot, kind in con.execute(
        "SELECT id, date, slot, kind FROM lesson WHERE course_id = ? AND date >= ? AND date <= ? "
        "ORDER BY date, slot", (course_id, start_s, end_s))]
    sheet = JournalSheet(course_id, scale, start, end, pupils, lessons, {})
    rows, columns = sheet.row_of, sheet.column_of
    for lesson_id, pupil_id, attendance, mark, comment in con.execute(
        "SELECT c.lesson_id, c.pupil_id, c.attendance, c.mark, c.comment FROM lesson_cell c "
        "JOIN lesson l ON l.id = c.lesson_id WHERE l.course_id = ? AND l.date >= ? AND l.date <= ?",
        (course_id, start_s, end_s)):
        row = rows.get(pupil_id)
        if row is not None:
            sheet.cells[(row, columns[lesson_id])] = (attendance, mark, comment)
    return sheet


class FloorWriter:
    """One mark written the way the journal API writes it — value, outbox operation, audit entry, device
    counters, one durable transaction — with plain sqlite3 and none of the API's checks."""

    def __init__(self, path: Path, actor_id: int) -> None:
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA synchronous=FULL")
        self.con.execute("PRAGMA foreign_keys=ON")
        self.actor_id = actor_id

    def write(self, lesson_id: str, pupil_id: int, mark: int) -> None:
        con = self.con
        now = dt.datetime.now(dt.UTC)
        stamp = int(now.timestamp() * 1000) << 16
        con.execute("BEGIN IMMEDIATE")
        old = con.execute("SELECT mark, server_version FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                          (lesson_id, pupil_id)).fetchone() or (None, 0)
        con.execute("INSERT INTO lesson_cell (lesson_id, pupil_id, mark, server_version) VALUES (?, ?, ?, 0) "
                    "ON CONFLICT DO UPDATE SET mark = excluded.mark", (lesson_id, pupil_id, mark))
        device, seq = con.execute("SELECT device_id, next_seq FROM device_state WHERE id = 1").fetchone()
        con.execute("UPDATE device_state SET next_seq = ?, hlc = ? WHERE id = 1", (seq + 1, stamp))
        key = f"{lesson_id}/{pupil_id}"
        con.execute("INSERT INTO outbox_op (seq, device_id, hlc, entity, entity_key, field, value, base_version, sent) "
                    "VALUES (?, ?, ?, 'cell', ?, 'mark', ?, ?, 0)", (seq, device, stamp, key, str(mark), old[1]))
        con.execute("INSERT INTO audit_entry (at, hlc, actor_id, device_id, entity, entity_key, field, old_value, "
                    "new_value) VALUES (?, ?, ?, ?, 'cell', ?, 'mark', ?, ?)",
                    (now.isoformat(timespec="milliseconds"), stamp, self.actor_id, device, key,
                     None if old[0] is None else str(old[0]), str(mark)))
        con.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=Path("var/bench"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--loads", type=int, default=40)
    parser.add_argument("--writes", type=int, default=1000)
    args = parser.parse_args()

    template = build_template(args.dir, args.rebuild)
    path = args.dir / "large.db"
    for leftover in args.dir.glob("large.db*"):
        leftover.unlink()
    shutil.copyfile(template, path)

    db = open_database(path)
    raw = sqlite3.connect(path)
    cells_total = raw.execute("SELECT count(*) FROM lesson_cell").fetchone()[0]
    pupils_total = raw.execute("SELECT count(*) FROM pupil").fetchone()[0]
    # The largest whole-class journal: the course with the most lessons, over the whole year.
    course_id, teacher_id = raw.execute(
        "SELECT c.id, c.teacher_id FROM course c JOIN lesson l ON l.course_id = c.id "
        "WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL GROUP BY c.id "
        "ORDER BY count(*) DESC, c.id LIMIT 1").fetchone()
    year = raw.execute("SELECT id FROM period WHERE kind = 'year'").fetchone()[0]

    # (a) loading the journal into the grid's structure
    with db.read() as conn:
        sheet = journal_sheet.load(conn, course_id, year)
    floor_sheet = floor_load(raw, course_id, year)
    assert (sheet.pupils, sheet.lessons, sheet.cells) == (floor_sheet.pupils, floor_sheet.lessons, floor_sheet.cells)
    print(f"school: {pupils_total} pupils, {cells_total} cells; journal of course {course_id}: "
          f"{len(sheet.pupils)} pupils x {len(sheet.lessons)} lessons, {len(sheet.cells)} filled cells")
    load_ms, floor_ms = [], []
    for _ in range(args.loads):  # alternate, so both see the same cache and machine state
        started = time.perf_counter()
        with db.read() as conn:
            journal_sheet.load(conn, course_id, year)
        load_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        floor_load(raw, course_id, year)
        floor_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    load_median, floor_load_median = statistics.median(load_ms), statistics.median(floor_ms)
    print(f"load: {load_median:.2f} ms (plain sqlite3 {floor_load_median:.2f} ms), median of {args.loads}")

    # (b) single-mark writes, each its own durable transaction, on distinct cells of the journal
    rng = random.Random(11)
    spots = [(r, c) for r in range(len(sheet.pupils)) for c in range(len(sheet.lessons)) if sheet.editable(r, c)
             and sheet.lessons[c].kind == "regular"]
    picked = rng.sample(spots, 2 * args.writes)

    def target(r: int, c: int) -> tuple[str, int, int]:
        current = sheet.cells.get((r, c), (None, None, None))[1]
        return sheet.lessons[c].id, sheet.pupils[r].id, rng.choice([m for m in range(11) if m != current])

    api_targets = [target(r, c) for r, c in picked[: args.writes]]
    floor_targets = [target(r, c) for r, c in picked[args.writes:]]
    journal = Journal(db, teacher_id)
    floor = FloorWriter(path, teacher_id)
    api_ms, floor_write_ms = [], []
    block = 50
    for start in range(0, args.writes, block):
        for lesson_id, pupil_id, mark in api_targets[start : start + block]:
            started = time.perf_counter()
            assert journal.set_mark(lesson_id, pupil_id, mark, today=YEAR_END)
            api_ms.append((time.perf_counter() - started) * 1000)
        for lesson_id, pupil_id, mark in floor_targets[start : start + block]:
            started = time.perf_counter()
            floor.write(lesson_id, pupil_id, mark)
            floor_write_ms.append((time.perf_counter() - started) * 1000)
    floor.con.close()
    db.close()
    write_median, floor_write_median = statistics.median(api_ms), statistics.median(floor_write_ms)
    print(f"writes: {write_median:.2f} ms median, p95 {statistics.quantiles(api_ms, n=20)[-1]:.2f} ms "
          f"(plain sqlite3 {floor_write_median:.2f} ms, p95 {statistics.quantiles(floor_write_ms, n=20)[-1]:.2f} ms)")

    print(json.dumps({
        "cells": cells_total,
        "journal_pupils": len(sheet.pupils),
        "journal_lessons": len(sheet.lessons),
        "journal_cells": len(sheet.cells),
        "journal_load_ms": round(load_median, 3),
        "journal_load_floor_ms": round(floor_load_median, 3),
        "load_ratio": round(load_median / floor_load_median, 3),
        "write_ms_median": round(write_median, 3),
        "write_floor_ms_median": round(floor_write_median, 3),
        "write_ratio": round(write_median / floor_write_median, 3),
    }))


if __name__ == "__main__":
    main()
