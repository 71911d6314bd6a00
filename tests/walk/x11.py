"""A real X display (Xvfb) and a keyboard on it (xdotool): the test types into the app's windows as a
teacher would, through the X server, and finds the windows by their titles."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool", "xwd": "x11-apps"}


def require_tools(*names: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        packages = " ".join(TOOLS.get(name, name) for name in missing)
        if os.environ.get("CI"):
            pytest.fail(f"{', '.join(missing)} required in CI (Debian: {packages})")
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install {packages})")


class Display:
    """Xvfb at the size of the common school laptop, 1366×768."""

    def __init__(self, width: int = 1366, height: int = 768) -> None:
        self.number = 200 + os.getpid() % 500
        while Path(f"/tmp/.X11-unix/X{self.number}").exists():
            self.number += 1
        self.name = f":{self.number}"
        self.process = subprocess.Popen(["Xvfb", self.name, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{self.number}").exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.process.kill()
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class Keyboard:
    """xdotool on one display: find a window by title, focus it, type and press keys (through XTEST, as a
    real keyboard's keys arrive)."""

    def __init__(self, display: str) -> None:
        self.env = dict(os.environ, DISPLAY=display)

    def _run(self, *args: str, timeout: float = 10) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        return done.stdout.strip()

    def windows(self, title: str) -> list[str]:
        found = self._run("search", "--onlyvisible", "--name", f"^{title}$")
        return found.split() if found else []

    def size(self, window: str) -> tuple[int, int]:
        out = self._run("getwindowgeometry", window)
        width, height = out.rsplit("Geometry:", 1)[1].strip().split("x")
        return int(width), int(height)

    def wait_window(self, title: str, *, min_width: int = 0, timeout: float = 60, alive=None) -> str:  # type: ignore[no-untyped-def]
        """The visible window titled `title` (at least `min_width` wide), once it is there."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for window in self.windows(title):
                try:
                    if self.size(window)[0] >= min_width:
                        return window
                except (IndexError, ValueError):
                    continue
            if alive is not None and not alive():
                raise AssertionError(f"the app ended before showing {title!r}")
            time.sleep(0.2)
        raise AssertionError(f"no window {title!r} (≥ {min_width} px wide) within {timeout} s")

    def wait_gone(self, window: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if window not in self._run("search", "--onlyvisible", "--name", ".*").split():
                return
            time.sleep(0.2)
        raise AssertionError(f"window {window} still open after {timeout} s")

    def focus(self, window: str) -> None:
        self._run("windowfocus", "--sync", window)
        time.sleep(0.2)

    def type(self, text: str) -> None:
        self._run("type", "--delay", "40", text, timeout=60)

    def key(self, *keys: str) -> None:
        for key in keys:
            self._run("key", "--delay", "60", key)
            time.sleep(0.1)

    def screenshot(self, out: Path) -> None:
        """The whole screen as an XWD file, for a person to look at after a failure."""
        if shutil.which("xwd"):
            subprocess.run(["xwd", "-root", "-silent", "-out", str(out)], env=self.env, timeout=20, check=False)
