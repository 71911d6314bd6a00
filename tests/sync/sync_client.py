"""A teacher's PC in its own process, for the crash tests: logs in, downloads, then types marks and syncs
in a loop until killed. `python -m tests.sync.sync_client JOURNAL URL USERNAME SEED`"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from server import demo
from storage import sync_state
from storage.database import open_database
from storage.journal import Journal
from sync.credentials import MemoryTokens
from sync.engine import SyncEngine
from sync.errors import SyncError


def main() -> None:
    path, url, username, seed = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = random.Random(seed)
    db = open_database(path)
    engine = SyncEngine(db, url, MemoryTokens())
    engine.estimate.initial_ops = 15  # small batches: more round trips to be killed in
    engine.login_blocking(username, demo.DEMO_PASSWORD)
    engine.run_once()
    with db.read() as conn:
        teacher = sync_state.load(conn)["teacher_id"]
        spots = conn.exec_driver_sql(
            "SELECT l.id, m.pupil_id FROM lesson l JOIN course c ON c.id = l.course_id "
            "JOIN class_membership m ON m.class_id = c.class_id AND m.from_date <= l.date "
            "AND (m.to_date IS NULL OR m.to_date >= l.date) WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL "
            "AND c.teacher_id = ? AND l.date BETWEEN '2026-11-03' AND '2026-11-20'", (teacher,)).all()
    journal = Journal(db, teacher)
    print("ready", flush=True)
    while True:
        for _ in range(rng.randint(5, 40)):
            lesson_id, pupil_id = rng.choice(spots)
            if rng.random() < 0.7:
                journal.set_mark(lesson_id, pupil_id, rng.randint(0, 10))
            else:
                journal.set_attendance(lesson_id, pupil_id, rng.choice(["absent", "ill", "late", None]))
        try:
            engine.run_once()
        except SyncError:
            pass


if __name__ == "__main__":
    main()
