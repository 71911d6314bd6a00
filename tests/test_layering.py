"""The packages' dependencies point one way (desktop → sync → storage → core; the server → core beside them;
the benchmarks on top), read from every import in the source — top-level and inside functions alike."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# what each package may not import (its own top-level names, or a third-party one)
FORBIDDEN = {
    "core": {"storage", "sync", "desktop", "server", "installer", "harness", "tests", "benchmarks", "PySide6", "httpx",
             "fastapi", "uvicorn", "sqlcipher3", "keyring"},
    "storage": {"sync", "desktop", "server", "harness", "tests", "benchmarks", "PySide6", "httpx", "fastapi"},
    "sync": {"desktop", "server", "harness", "tests", "benchmarks", "PySide6", "fastapi"},
    "desktop": {"server", "harness", "tests", "benchmarks", "fastapi", "uvicorn"},
    "server": {"storage", "sync", "desktop", "harness", "tests", "benchmarks", "PySide6", "sqlcipher3", "keyring"},
    "installer": {"server", "harness", "tests", "benchmarks"},
    "harness": {"tests", "benchmarks"},
    "benchmarks": {"tests"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_nothing_above_or_beside_it(package: str) -> None:
    wrong = {f"{path.relative_to(ROOT)} imports {name}"
             for path in sorted((ROOT / package).rglob("*.py")) if "migrations" not in path.parts
             for name in _imports(path) & FORBIDDEN[package]}
    assert not wrong, sorted(wrong)


# Setting up a throwaway profile's test data, which the self-test then drives through the app like a teacher.
_SQL_ALLOWED = {"desktop/self_test.py", "desktop/self_test_walk.py"}
_SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b", re.IGNORECASE)


@pytest.mark.parametrize("package", ["sync", "desktop"])
def test_only_storage_runs_sql_on_the_journal(package: str) -> None:
    """storage/ is the one writer (and reader) of the journal file: the sync engine and the app ask it."""
    wrong = sorted(str(path.relative_to(ROOT)) for path in (ROOT / package).rglob("*.py")
                   if str(path.relative_to(ROOT)) not in _SQL_ALLOWED and _SQL.search(path.read_text(encoding="utf-8")))
    assert not wrong
    if package == "sync":
        assert not {f"{path.relative_to(ROOT)}" for path in (ROOT / package).rglob("*.py")
                    if {"sqlalchemy", "sqlite3", "sqlcipher3"} & _imports(path)}
