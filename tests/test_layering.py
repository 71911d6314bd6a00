"""The packages' dependencies point one way (desktop → sync → storage → core; the server → core beside them;
the benchmarks on top), read from every import in the source — top-level and inside functions alike."""

from __future__ import annotations

import ast
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
