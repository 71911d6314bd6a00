"""A school's whole export and its import into an empty server (issue 21): times and sizes for the demo school and
the large one (the server's demo of core.demo_school.LARGE: 55 classes, 1,898 pupils, 1.1 M cells).

    python benchmarks/export_bench.py [--runs 3] [--school demo|large|both]

Each run: `dala-server export-school` (CSV files and the same as one SQLite file), `import-school` of it into an
empty server database, and the export of the imported school again, which must be identical (the round trip). All
on the embedded SQLite database, each a process of its own as an operator runs it. Last line: one JSON object with,
per school, the rows, the export's bytes (CSV folder and SQLite file), and export_s / import_s as [min, median, max].
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.demo_school import generator  # noqa: E402
from server import demo  # noqa: E402
from server.db import open_server_db  # noqa: E402


def cli(*args: str) -> float:
    """Run `dala-server` with `args`; its wall time."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "server.cli", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"dala-server {' '.join(args)}: {done.stderr}")
    return time.perf_counter() - began


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else path.stat().st_size


def measure(folder: Path, school: str, runs: int) -> dict:
    template = folder / f"{school}.db"
    began = time.perf_counter()
    engine = open_server_db(f"sqlite:///{template}")
    demo.load(engine, None, generator.LARGE if school == "large" else generator.DEMO)
    engine.dispose()
    print(f"{school} school made in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    exports, imports, figures = [], [], {}
    for n in range(runs):
        run = folder / f"{school}-{n}"
        run.mkdir()
        exports.append(cli("export-school", "--db", f"sqlite:///{template}", "--school", "1", str(run / "export"),
                           "--with-passwords", "--sqlite", str(run / "export.sqlite")))
        imports.append(cli("import-school", "--db", f"sqlite:///{run / 'new.db'}", str(run / "export")))
        cli("export-school", "--db", f"sqlite:///{run / 'new.db'}", "--school", "1", str(run / "again"),
            "--with-passwords")
        manifest = json.loads((run / "export" / "manifest.json").read_text(encoding="utf-8"))
        same = all(filecmp.cmp(run / "export" / e["file"], run / "again" / e["file"], shallow=False)
                   for e in manifest["tables"])
        if not same:
            raise SystemExit(f"{school}: the export of the imported school differs from the first")
        figures = {"rows": sum(e["rows"] for e in manifest["tables"]), "csv_bytes": size(run / "export"),
                   "sqlite_bytes": size(run / "export.sqlite"), "round_trip_identical": same}
        print(f"{school} run {n + 1}: export {exports[-1]:.1f} s, import {imports[-1]:.1f} s, {figures}",
              file=sys.stderr)
        shutil.rmtree(run)
    return {**figures, "export_s": _spread(exports), "import_s": _spread(imports)}


def _spread(values: list[float]) -> list[float]:
    return [round(min(values), 2), round(statistics.median(values), 2), round(max(values), 2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--school", choices=("demo", "large", "both"), default="both")
    args = parser.parse_args()
    schools = ("demo", "large") if args.school == "both" else (args.school,)
    with tempfile.TemporaryDirectory() as folder_name:
        out = {school: measure(Path(folder_name), school, args.runs) for school in schools}
    print(json.dumps({"runs": args.runs, **out}))


if __name__ == "__main__":
    main()
