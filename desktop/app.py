"""`dala`: starts the desktop app.

First run: the server address comes from `--server`, the settings, or the installer's preset
(`DALA_SERVER_URL`); the teacher logs in online once and the year downloads. Afterwards the app opens
straight into the journal, offline or not, and syncs whenever the server can be reached (the device token
is kept for the session; a login is asked for only to sync).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QSysInfo, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox

from desktop import i18n, messages
from desktop import settings as options
from desktop.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.sync_bridge import SyncBridge
from desktop.worker import Worker
from storage.database import open_database
from storage.errors import JournalError
from storage.journal import Journal
from sync import local_state
from sync.credentials import MemoryTokens
from sync.engine import SyncEngine

STARTED = time.perf_counter()


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dala", description="Dala Journal, the offline-first class journal.")
    parser.add_argument("--journal", type=Path, help="the journal file (default: in the user's data folder)")
    parser.add_argument("--server", help="the school server's address, e.g. http://192.168.1.10:8470")
    parser.add_argument("--user", help="the username to offer at login")
    parser.add_argument("--password", help=argparse.SUPPRESS)  # the demo's shared password only
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES))
    parser.add_argument("--offline", action="store_true", help="do not sync (a journal already set up)")
    parser.add_argument("--teacher", type=int, help=argparse.SUPPRESS)  # a journal with no sync account
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)  # the benchmark
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Dala")
    app.setApplicationName("Dala Journal")
    settings = Settings()
    language = args.language or settings.get(options.LANGUAGE)
    i18n.use_language(language)
    path = args.journal or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "journal.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = open_database(path)
    except JournalError as error:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"), messages.describe(error))
        return 1
    worker = Worker()
    engine: SyncEngine | None = None
    bridge: SyncBridge | None = None
    try:
        if not args.offline:
            server_url = args.server or settings.get(options.SERVER_URL) or os.environ.get("DALA_SERVER_URL", "")
            if not server_url:
                server_url, ok = QInputDialog.getText(None, QCoreApplication.translate("App", "Dala Journal"),
                                                      QCoreApplication.translate("App", "The address of your school's server:"))
                if not ok or not server_url.strip():
                    return 0
            settings.set(options.SERVER_URL, server_url.strip())
            engine = SyncEngine(db, server_url.strip(), MemoryTokens(), device_name=QSysInfo.machineHostName())
            bridge = SyncBridge(engine)
            engine.start()
            state = _state(db)
            if state is None or not state["bootstrapped"]:
                if not _log_in(engine, bridge, settings, args):
                    return 0
        state = _state(db)
        teacher = args.teacher if args.teacher is not None else (state["teacher_id"] if state else None)
        if teacher is None and not (state and state["role"] == "admin"):
            QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"), QCoreApplication.translate("App", "This journal is not set up yet: log in once online."))
            return 1
        journal = Journal(db, teacher or 0, is_admin=bool(state and state["role"] == "admin"))
        window = MainWindow(db, journal, worker, settings, language, today=args.today)
        if engine is not None and bridge is not None:
            window.attach_sync(engine, bridge)
            window.sync_bar.log_in.connect(lambda: _log_in(engine, bridge, settings, args, window))
        if args.report_startup:
            window.sheet_shown.connect(lambda: QTimer.singleShot(0, lambda: _report_and_quit(window)))
        window.show()
        window.start()
        return app.exec()
    finally:
        if engine is not None:
            engine.stop()
        worker.shutdown()
        db.close()


def _state(db) -> dict | None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return local_state.load(conn)


def _log_in(engine: SyncEngine, bridge: SyncBridge, settings: Settings, args: argparse.Namespace,  # type: ignore[no-untyped-def]
            parent=None) -> bool:
    state = _state(engine.db)
    username = (state or {}).get("username") or args.user or settings.get(options.USERNAME)
    dialog = LoginDialog(engine, engine.link.url, username, args.password or "", parent)
    if state is not None:
        dialog.username.setReadOnly(True)
    bridge.status_changed.connect(dialog.show_status)
    if args.password:  # the demo: its password is public, log in at once
        QTimer.singleShot(0, dialog.log_in)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    bridge.status_changed.disconnect(dialog.show_status)
    if accepted:
        settings.set(options.USERNAME, dialog.username.text().strip())
    return accepted


def _report_and_quit(window: MainWindow) -> None:
    """For benchmarks/desktop_bench.py: once the grid has painted with data, say how long it took."""
    window.view.viewport().repaint()
    print(f"startup_ms {1000 * (time.perf_counter() - STARTED):.1f}", flush=True)
    QApplication.instance().quit()
