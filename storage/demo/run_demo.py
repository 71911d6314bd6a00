"""What `make run` does until the desktop app lands: makes (or reopens) the demo school's journal and
says what is in it, then says plainly that the window is not built yet."""

from __future__ import annotations

import sys
from pathlib import Path

from storage.database import open_database
from storage.demo import generator
from storage import journal_sheet
from sqlalchemy import text


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "var/demo")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journal.db"
    fresh = not path.exists()
    with open_database(path) as db:
        if fresh:
            summary = generator.build(db, progress=lambda step: print(f"… {step}", flush=True))
            print(f"Demo school written to {path}: {summary.pupils} pupils in {summary.classes} classes, "
                  f"{summary.lessons} lessons, {summary.cells} cells filled ({summary.filled_from} – "
                  f"{summary.filled_to}).")
        else:
            print(f"Reopened the demo journal {path}.")
        with db.read() as conn:
            course_id, teacher = conn.execute(text(
                "SELECT c.id, t.last_name || ' ' || t.first_name FROM course c JOIN teacher t ON t.id = c.teacher_id "
                "WHERE c.scale = 'criteria' ORDER BY c.id LIMIT 1")).one()
            period = conn.execute(text("SELECT id FROM period WHERE kind = 'year'")).scalar_one()
            sheet = journal_sheet.load(conn, course_id, period)
            waiting = conn.execute(text("SELECT count(*) FROM outbox_op")).scalar_one()
    print(f"Course {course_id} ({teacher}): {len(sheet.pupils)} pupils × {len(sheet.lessons)} lessons, "
          f"{len(sheet.cells)} cells filled; {waiting} changes waiting to sync.")
    print("Not yet: the desktop window arrives with the desktop issue; this is the local journal it will open.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
