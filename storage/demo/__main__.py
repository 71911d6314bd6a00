"""`python -m storage.demo PATH [--large]`: write the demo school (or the large one) into a new journal."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from core.demo_school import generator
from storage.database import open_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dala-demo", description=__doc__)
    parser.add_argument("path", type=Path, help="journal file to create (must not exist)")
    parser.add_argument(
        "--large", action="store_true", help="the benchmark school: ~1,900 pupils, a full year, over a million cells"
    )
    parser.add_argument("--today", type=dt.date.fromisoformat, help="pretend today is this date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    if args.path.exists():
        print(f"{args.path} already exists; choose a new file.", file=sys.stderr)
        return 2
    args.path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open_database(args.path) as db:
        summary = generator.build(
            db,
            generator.LARGE if args.large else generator.DEMO,
            args.today,
            progress=lambda step: print(f"… {step}", flush=True),
        )
    print(
        f"{args.path}: {summary.classes} classes, {summary.pupils} pupils, {summary.teachers} teachers, "
        f"{summary.courses} courses, {summary.lessons} lessons, {summary.cells} filled cells "
        f"({summary.filled_from} – {summary.filled_to}), {summary.works} summative works; "
        f"{time.perf_counter() - started:.1f} s"
    )
    print("teacher logins (first five):", ", ".join(summary.teacher_logins[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
