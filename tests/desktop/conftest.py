"""The desktop app's real widgets on Qt's offscreen platform, over a copy of the demo school's journal.
The journal work runs on the app's serial worker made synchronous, so a key press has done its work when
the key event returns (tests that need the real thread say so)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.journal_access import JournalAccess  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.worker import Worker  # noqa: E402
from storage.database import JournalDatabase  # noqa: E402
from tests.server.conftest import postgres, server_template  # noqa: E402,F401  (fixtures for the end-to-end test)
from tests.sync.conftest import proxy, server  # noqa: E402,F401

TODAY = dt.date(2026, 11, 22)


def teacher_of(db: JournalDatabase, scale: str) -> int:
    with db.read() as conn:
        return conn.exec_driver_sql(
            "SELECT teacher_id FROM course WHERE scale = ? AND subgroup_id IS NULL ORDER BY id LIMIT 1",
            (scale,)).scalar_one()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def synced_window(qtbot, pc, tmp_path: Path, language: str = "en") -> MainWindow:  # type: ignore[no-untyped-def]
    """The app's real window on a PC (tests.sync.conftest.Device) that syncs with a real server, its first
    journal on screen."""
    from desktop.sync_bridge import SyncBridge

    i18n.use_language(language)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(JournalAccess(pc.path, pc.journal.actor_id, db=pc.db), Worker(), settings, language,
                        today=TODAY)
    qtbot.addWidget(window)
    window.attach_sync(pc.engine, SyncBridge(pc.engine))
    window.show()
    with qtbot.waitSignal(window.sheet_shown, timeout=10_000):
        window.start()
    return window


@pytest.fixture
def make_window(qtbot, db: JournalDatabase, settings: Settings) -> Iterator:  # type: ignore[no-untyped-def]
    made = []

    def make(scale: str = "criteria", language: str = "en") -> MainWindow:
        i18n.use_language(language)
        access = JournalAccess(db.path, teacher_of(db, scale), db=db)
        window = MainWindow(access, Worker(synchronous=True), settings, language, today=TODAY)
        qtbot.addWidget(window)
        window.show()
        window.start()
        made.append(window)
        return window

    yield make
    i18n.use_language("en")


def teacher_window(qtbot, db: JournalDatabase, settings: Settings, teacher: int) -> MainWindow:  # type: ignore[no-untyped-def]
    """The app's window on the demo journal as `teacher` keeps it, in English, its first journal on screen."""
    i18n.use_language("en")
    window = MainWindow(JournalAccess(db.path, teacher, db=db), Worker(synchronous=True), settings, "en", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window
