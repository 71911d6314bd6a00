"""Desktop benchmark (Qt offscreen): how soon the app shows a journal, against a bare PySide6 program
showing a table of the same size, and how fast it switches to another big journal.

    python benchmarks/desktop_bench.py [--runs 5]

The journal: a school of 40 pupils a class with the whole year filled. `startup_ms` is the wall time from
starting the process to the journal grid painted with data (the app's real start: the teacher's first
course at the current term, offline), median of `--runs`; `floor_startup_ms` the same for a bare PySide6
program showing a QTableView with static strings of the same rows and columns. `journal_switch_ms`: in one
app, with the whole year shown, the time from choosing another course of 40 pupils × about 200 lessons to
its grid painted (loaded on the app's worker thread), median of 20 switches.

Last line: one JSON object with `startup_ms`, `floor_startup_ms`, `startup_ratio`, `journal_switch_ms`
and the sizes. Targets: startup_ratio <= 2.5, journal_switch_ms <= 100.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.demo_school import generator  # noqa: E402
from storage.database import open_database  # noqa: E402

TODAY = dt.date(2026, 11, 22)
SPEC = generator.Spec(grades=tuple(range(5, 12)), pupils_per_class=40, weeks_filled=None, mark_rate=0.72, seed=11)

FLOOR = """
import sys, time
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableView
rows, columns = int(sys.argv[1]), int(sys.argv[2])
class Static(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return rows
    def columnCount(self, parent=QModelIndex()): return columns
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"{index.row()}·{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None
app = QApplication(sys.argv[:1])
view = QTableView(); view.setModel(Static()); view.resize(1280, 800); view.show()
def painted():
    view.viewport().repaint(); print("painted", flush=True); app.quit()
QTimer.singleShot(0, painted)
app.exec()
"""


def build_journal(folder: Path) -> tuple[Path, int, list[int]]:
    path = folder / "journal.db"
    with open_database(path) as db:
        generator.build(db, SPEC, TODAY)
        with db.read() as conn:
            year = conn.exec_driver_sql("SELECT start_date, end_date FROM period WHERE kind = 'year'").one()
            rows = conn.exec_driver_sql(
                "SELECT c.teacher_id, c.id, count(l.id) FROM course c JOIN lesson l ON l.course_id = c.id "
                "WHERE c.subgroup_id IS NULL AND l.date BETWEEN ? AND ? GROUP BY c.id ORDER BY 3 DESC",
                tuple(year)).all()
    by_teacher: dict[int, list[int]] = {}
    for teacher, course, _lessons in rows:
        by_teacher.setdefault(teacher, []).append(course)
    teacher = next(t for t, courses in by_teacher.items() if len(courses) >= 2)  # the busiest with two courses
    return path, teacher, by_teacher[teacher][:2]


def timed(command: list[str], marker: str, env: dict) -> tuple[float, str]:
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    for line in process.stdout:  # type: ignore[union-attr]
        if line.startswith(marker):
            elapsed = (time.perf_counter() - began) * 1000
            process.wait(30)
            return elapsed, line
    raise RuntimeError(f"{command[:3]} ended without saying {marker!r}")


def startup(journal: Path, teacher: int, runs: int, folder: Path) -> tuple[list[float], int, int]:
    times, size = [], (0, 0)
    for run in range(runs):
        env = dict(os.environ, XDG_CONFIG_HOME=str(folder / f"config-{run}"), HOME=str(folder))
        elapsed, line = timed([sys.executable, "-m", "desktop.plain_journal", "--journal", str(journal), "--offline",
                               "--teacher", str(teacher), "--today", TODAY.isoformat(), "--language", "kk",
                               "--report-startup"],
                              "startup_ms", env)
        times.append(elapsed)
        size = tuple(int(x) for x in line.split()[2:4])  # type: ignore[assignment]
    return times, *size


def floor(rows: int, columns: int, runs: int) -> list[float]:
    return [timed([sys.executable, "-c", FLOOR, str(rows), str(columns)], "painted", dict(os.environ))[0]
            for _ in range(runs)]


def switching(journal: Path, teacher: int, courses: list[int], folder: Path) -> tuple[list[float], tuple[int, int]]:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.journal_access import JournalAccess
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.worker import Worker

    _app = QApplication.instance() or QApplication([])  # kept alive while the tables are timed
    i18n.use_language("kk")
    access = JournalAccess(journal, teacher)
    window = MainWindow(access, Worker(), Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)),
                        "kk", today=TODAY)
    window.resize(1280, 800)
    window.show()
    shown = []
    window.sheet_shown.connect(lambda: shown.append(time.perf_counter()))

    def wait_shown(count: int) -> None:
        """Wait in Qt's event loop, as the app does (a busy processEvents() loop would hold the GIL from the
        worker thread that loads the journal)."""
        loop = QEventLoop()
        window.sheet_shown.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        deadline = time.perf_counter() + 30
        while len(shown) < count:
            loop.exec()
            if len(shown) < count and time.perf_counter() > deadline:
                raise RuntimeError("the journal was not shown in 30 s")
        window.sheet_shown.disconnect(loop.quit)

    window.start()
    wait_shown(1)
    window.period_box.setCurrentIndex(window.period_box.findData(
        next(p.id for p in window.periods if p.kind == "year")))
    wait_shown(2)
    times, size = [], (0, 0)
    for i in range(20):
        target = window.course_box.findData(courses[(i + 1) % 2])
        began = time.perf_counter()
        window.course_box.setCurrentIndex(target)
        wait_shown(3 + i)
        window.view.viewport().repaint()
        times.append((time.perf_counter() - began) * 1000)
        size = (window.model.rowCount(), window.model.columnCount() - 2)
    window.close()
    window.worker.shutdown()
    access.close()
    if access.db is not None:
        access.db.close()
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        journal, teacher, courses = build_journal(folder)
        start_times, rows, columns = startup(journal, teacher, args.runs, folder)
        floor_times = floor(rows, columns, args.runs)
        switch_times, (switch_rows, switch_lessons) = switching(journal, teacher, courses, folder)
    startup_ms, floor_ms = statistics.median(start_times), statistics.median(floor_times)
    print(f"startup runs {[round(t) for t in start_times]}, floor runs {[round(t) for t in floor_times]}, "
          f"switches {[round(t, 1) for t in switch_times]}", file=sys.stderr)
    print(json.dumps({"startup_ms": round(startup_ms, 1), "floor_startup_ms": round(floor_ms, 1),
                      "startup_ratio": round(startup_ms / floor_ms, 3),
                      "journal_switch_ms": round(statistics.median(switch_times), 1),
                      "startup_grid": [rows, columns], "switch_grid": [switch_rows, switch_lessons]}))


if __name__ == "__main__":
    main()
