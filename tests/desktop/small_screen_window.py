"""Opens the main window the way a teacher's first start does, on whatever screen Qt is given, then again over
a geometry saved on a bigger screen, and prints what it found as JSON (tests/desktop/test_small_screen.py).
`python -m tests.desktop.small_screen_window JOURNAL TEACHER SETTINGS.ini`"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QRect, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop import settings as options
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.worker import Worker


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def _open(journal: Path, teacher: int, settings: Settings) -> MainWindow:
    """The window shown, its journal on screen and its review loaded (the settle step)."""
    window = MainWindow(JournalAccess(journal, teacher), Worker(), settings, "ru", today=dt.date(2026, 11, 22))
    loop = QEventLoop()
    window.settled.connect(lambda: QTimer.singleShot(500, loop.quit))  # the review's load comes back by then
    QTimer.singleShot(20_000, loop.quit)
    window.show()
    window.start()
    loop.exec()
    return window


def _seen(window: MainWindow) -> dict:
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    return {"screen": _rect(screen), "frame": _rect(frame), "fits": screen.contains(frame),
            "review_visible": window.review_dock.isVisible(), "review_width": window.review_dock.width()}


def main() -> None:
    journal, teacher, ini = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    app = QApplication(sys.argv[:1])
    i18n.use_language("ru")
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    window = _open(journal, teacher, settings)
    first = _seen(window)
    window.setGeometry(0, 0, 1900, 1040)  # as a big monitor at school would leave it
    window.close()
    window.worker.shutdown()
    window.access.close()
    saved = settings.get(options.WINDOW_GEOMETRY)
    again = _open(journal, teacher, settings)
    print(json.dumps({"first_start": first, "saved_geometry": bool(saved) and not saved.isEmpty(),
                      "after_big_screen": _seen(again)}), flush=True)
    again.close()
    again.worker.shutdown()
    again.access.close()
    app.quit()


if __name__ == "__main__":
    main()
