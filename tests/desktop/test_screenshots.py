"""Screenshots of the main window on the demo school, in each language, on a real X server (Xvfb), saved
under tests/artifacts/ (ignored by git) for a person to look at."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.desktop.conftest import teacher_of
from tests.walk.x11 import Display, require_tools

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    require_tools("Xvfb")
    screen = Display(1280, 800)
    yield screen.name
    screen.close()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_screenshot_of_the_main_window(display: str, db, language: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / f"main_window_{language}.png"
    out.unlink(missing_ok=True)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    subprocess.run([sys.executable, "-m", "tests.desktop.screenshot_window", str(db.path),
                    str(teacher_of(db, "criteria")), language, str(out)], cwd=ROOT, env=env, timeout=60, check=True)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # a window with a grid and text, not a blank screen
