"""`dala`: starts the desktop app.

The start screen lists this PC's teacher profiles (desktop.profile_dialog); each opens its own encrypted
journal with the teacher's offline password (storage.profiles). A new profile chooses its offline
password, then logs in online once and the year downloads. Afterwards the app opens straight into the
journal, offline or not, and syncs whenever the server can be reached; the wrapped journal keys and the
device token (sealed under the journal key) live in the OS keychain, or beside the journal on a PC without
one (storage.profile_secrets). The app locks after an idle time and on demand (desktop.lock_screen).
The server address is the installer's preset's (desktop.preset: with the default language, the school's CA
bundle and the teachers to list) whatever the settings say; without a preset, `--server`, the settings or
`DALA_SERVER_URL`. `--self-test` checks a build (desktop.self_test).

`make run` (harness.demo_run) takes this same path, on the demo teacher's profile with its passwords
prefilled (given in DALA_PASSWORD and DALA_OFFLINE_PASSWORD: no password on a command line). A plain,
unencrypted journal file (`--journal FILE`, the token kept in memory) is for the benchmarks only, through
desktop.plain_journal; the shipped `dala` does not offer it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, QSysInfo, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox, QWidget

from core.errors import JournalError
from desktop import crash_guard, i18n, messages, preset
from desktop import settings as options
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.qt_app import application
from desktop.settings import Settings
from desktop.worker import Worker
from storage import sync_account
from sync.errors import SyncError
from sync.server_url import check_url

if TYPE_CHECKING:
    from desktop.preset import BundledPreset
    from desktop.sync_bridge import SyncBridge
    from storage.database import JournalDatabase
    from storage.keychain import Keychain
    from storage.profiles import Profiles
    from sync.engine import SyncEngine

STARTED = time.perf_counter()
PASSWORD_VARIABLE, OFFLINE_PASSWORD_VARIABLE = "DALA_PASSWORD", "DALA_OFFLINE_PASSWORD"


def _arguments(argv: list[str], *, plain_journal: bool = False) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dala", description="Dala Journal, the offline-first class journal.")
    if plain_journal:  # desktop.plain_journal only (the benchmarks): not offered by the shipped entry point
        parser.add_argument("--journal", type=Path, help="a plain (unencrypted) journal file instead of a profile")
        parser.add_argument("--teacher", type=int, help="the teacher of a journal with no sync account")
    parser.add_argument("--server", help="the school server's address, e.g. https://192.168.1.10:8470")
    parser.add_argument("--user", help="the username to offer at login")
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES))
    parser.add_argument("--offline", action="store_true", help="do not sync (a journal already set up)")
    parser.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)  # tests: a fixed day
    parser.add_argument("--now", type=dt.time.fromisoformat, help=argparse.SUPPRESS)  # tests: a fixed time of day
    parser.add_argument("--report-startup", action="store_true", help=argparse.SUPPRESS)  # the benchmark
    parser.add_argument("--self-test", action="store_true",
                        help="check this build (offscreen): a temporary encrypted profile, translations, Qt plugins")
    args = parser.parse_args(argv)
    # The demo's public passwords (make run) and the installer's self-test login come from the environment, never
    # the command line: a command line is readable by every account of the PC (ps), a process's environment only
    # by its own user.
    args.password = os.environ.get(PASSWORD_VARIABLE) or None
    args.offline_password = os.environ.get(OFFLINE_PASSWORD_VARIABLE) or None
    if not plain_journal:
        args.journal, args.teacher = None, None
    return args


class _App:
    """One run of the app: the journal file, the worker, the window, and the sync engine once made."""

    def __init__(self, args: argparse.Namespace, preset: BundledPreset | None = None, *,
                 data_dir: Path | None = None, settings: Settings | None = None) -> None:
        """`data_dir` and `settings`: where profiles and settings live, when not the user's own (the self-test)."""
        self.args = args
        self.settings = settings or Settings()
        self.data_dir = data_dir
        self.preset = preset
        chosen = self.settings.get(options.LANGUAGE) if self.settings.store.contains(options.LANGUAGE.key) else None
        self.language = args.language or chosen or (preset.language if preset else "") or options.LANGUAGE.default
        self.path: Path | None = args.journal  # None: the start screen picks a profile
        self.key: bytes | None = None  # the profile's journal key, once unlocked
        self.profiles: Profiles | None = None
        self.keychain: Keychain | None = None
        self.username: str | None = None
        self.new_profile = False
        self.ca_bundle = os.environ.get("DALA_CA_BUNDLE") or (str(preset.ca_bundle) if preset and preset.ca_bundle
                                                              else None)
        self.worker = Worker()
        self.engine: SyncEngine | None = None
        self.bridge: SyncBridge | None = None
        self.access: JournalAccess | None = None
        self.db: JournalDatabase | None = None  # when it had to be opened before the window
        self.window: MainWindow | None = None

    @property
    def journal_path(self) -> Path:
        """The journal file: given, or the chosen profile's (run() chooses it before anything opens it)."""
        assert self.path is not None
        return self.path

    def run(self) -> int:
        i18n.use_language(self.language)
        server_url = ""
        if not self.args.offline:
            server_url = self._server_url()
            if not server_url:
                return 0
        if self.path is None and not self._choose_profile(server_url):
            return 0
        self.journal_path.parent.mkdir(parents=True, exist_ok=True)
        if self.journal_path.exists() and not self._journal_sound() and not self._recover_damaged(server_url):
            return 0
        state = sync_account.read(self.journal_path, self.key)
        if state is None or not (self.args.offline or state.get("bootstrapped")):
            # A first run (log in, download) or a file to migrate: the storage layer is needed before the window.
            state = self._set_up(server_url)
            if state is None:
                return 0
        teacher = self.args.teacher if self.args.teacher is not None else state.get("teacher_id")
        is_admin = state.get("role") == "admin"
        if teacher is None and not is_admin:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"),
                                 QCoreApplication.translate(
                                     "App", "This journal is not set up yet: log in once online."))
            return 1
        self.access = JournalAccess(self.journal_path, teacher or 0, is_admin=is_admin, db=self.db, key=self.key)
        self.window = window = MainWindow(self.access, self.worker, self.settings, self.language,
                                          today=self.args.today, now=self.args.now)
        if self.profiles is not None:
            self._guard(self.window)
        if self.args.report_startup:
            self.window.sheet_shown.connect(lambda: QTimer.singleShot(0, lambda: _report_and_quit(window)))
        elif server_url:
            self.window.settled.connect(lambda: self._start_sync(server_url))
        self.window.show()
        self.window.start()
        return application().exec()

    def _journal_sound(self) -> bool:
        """SQLite's integrity check of the journal at start, before anything writes to it (storage.backups)."""
        from desktop import busy
        from storage import backups

        path, key = self.journal_path, self.key
        return busy.run(QCoreApplication.translate("App", "Checking the journal…"), lambda: backups.sound(path, key))

    def _recover_damaged(self, server_url: str) -> bool:
        """A journal that fails its integrity check is not opened (that could make it worse): the teacher is offered
        the newest sound backup, or a fresh download from the server, and told what each would lose. True when the
        journal can be opened now (restored, or set aside for a fresh download)."""
        from desktop import busy
        from storage import backups

        path, key = self.journal_path, self.key
        found = busy.run(QCoreApplication.translate("App", "Looking for a sound backup…"),
                         lambda: backups.newest_sound(path, key))
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("App", "Dala Journal"),
                          QCoreApplication.translate(
                              "App", "The journal on this PC is damaged: it fails its integrity check. It has not been "
                              "opened, so it gets no worse, and it is kept beside the new one."))
        restore = download = None
        if found is not None:
            restore = box.addButton(QCoreApplication.translate("App", "Restore the backup of %1").replace(
                "%1", messages.local(found.made_at)), QMessageBox.ButtonRole.AcceptRole)
        if server_url:
            download = box.addButton(QCoreApplication.translate("App", "Download it again from the server"),
                                     QMessageBox.ButtonRole.AcceptRole)
        elsewhere = box.addButton(QCoreApplication.translate("App", "Restore a backup from a USB stick…"),
                                  QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setInformativeText(QCoreApplication.translate(
            "App", "A backup brings back the journal as it was then; what you typed after it comes back from the "
            "server at the next sync if it had reached the server, and is lost if it had not. A fresh download brings "
            "the journal as the server has it; what had not been sent is lost."))
        box.exec()
        if found is not None and box.clickedButton() is restore:
            busy.run(QCoreApplication.translate("App", "Restoring the backup…"),
                     lambda: backups.restore(path, found.path, key))
            return True
        if download is not None and box.clickedButton() is download:
            backups.restore(path, None, key)  # set aside; the first start downloads it again
            return True
        if box.clickedButton() is elsewhere:
            from PySide6.QtWidgets import QFileDialog

            chosen, _filter = QFileDialog.getOpenFileName(None, QCoreApplication.translate("App", "Dala Journal"),
                                                          str(Path.home()), "Dala Journal (*.db)")
            if chosen and busy.run(QCoreApplication.translate("App", "Checking the journal…"),
                                   lambda: backups.sound(Path(chosen), key)):
                busy.run(QCoreApplication.translate("App", "Restoring the backup…"),
                         lambda: backups.restore(path, Path(chosen), key))
                return True
            if chosen:
                QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"),
                                     QCoreApplication.translate("App", "That file is not a sound backup of this "
                                                                       "journal (or not opened by its password)."))
            return self._recover_damaged(server_url)
        return False

    def _choose_profile(self, server_url: str) -> bool:
        """The start screen: a profile unlocked (or made) gives the journal's path and key."""
        from desktop.profile_dialog import ProfileDialog
        from storage.keychain import Keychain
        from storage.profiles import Profiles
        from sync.recovery import recover_profile

        try:
            self.keychain = Keychain()
        except Exception:  # noqa: BLE001 (keyring raises its own kinds): the keys are kept beside the journals
            self.keychain = None
        data = self.data_dir or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
        root = data / "profiles"
        self.profiles = profiles = Profiles(root, self.keychain)

        def recover(username: str, password: str, new_password: str) -> bytes:
            return recover_profile(profiles, server_url, username, password, new_password, ca_bundle=self.ca_bundle)

        dialog = ProfileDialog(profiles, recover if server_url else None,
                               suggested=self.preset.teachers if self.preset else [],
                               prefill=(self.args.user or "", self.args.offline_password or ""))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        self.username, self.key, self.new_profile = dialog.chosen
        self.path = profiles.get(self.username).journal
        return True

    def _guard(self, window: MainWindow) -> None:
        """Lock the window after the idle time, on Ctrl+L, and before another teacher's profile opens."""
        from desktop.lock_screen import IdleWatch, LockScreen

        assert self.profiles is not None and self.username is not None
        profiles, username = self.profiles, self.username
        screen = LockScreen(profiles.get(username).display_name, lambda password: profiles.unlock(username, password))
        screen.switch_requested.connect(self._switch_teacher)
        window.use_lock_screen(screen)
        self.idle = IdleWatch(self.settings.get(options.IDLE_LOCK_MINUTES), window)
        self.idle.idle.connect(window.lock)
        application().installEventFilter(self.idle)

    def _switch_teacher(self) -> None:
        """Another teacher: this run ends (its journal closed, its key forgotten) and a new one starts at the
        profile list."""
        from PySide6.QtCore import QProcess

        QProcess.startDetached(sys.argv[0], sys.argv[1:])
        application().quit()

    def _server_url(self) -> str:
        """The school's server: the installer's preset's when there is one, whatever the settings file, the
        environment or the command line say (editing a settings file must not send a teacher's password to
        another server); without a preset (a developer's run), `--server`, the settings, DALA_SERVER_URL."""
        url = (self.preset.server_url if self.preset and self.preset.server_url else
               self.args.server or self.settings.get(options.SERVER_URL) or os.environ.get("DALA_SERVER_URL", ""))
        if not url:
            url, ok = QInputDialog.getText(None, QCoreApplication.translate("App", "Dala Journal"),
                                           QCoreApplication.translate("App", "The address of your school's server:"))
            if not ok:
                return ""
        try:
            url = check_url(url)
        except SyncError as error:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"), messages.describe(error))
            return ""
        self.settings.set(options.SERVER_URL, url)
        return url

    def _set_up(self, server_url: str) -> dict | None:
        from storage.database import open_database

        try:
            db = open_database(self.journal_path, key=self.key)
        except JournalError as error:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"), messages.describe(error))
            return None
        self.db = db
        if server_url:
            self._make_engine(db, server_url)
            state = sync_account.read(self.journal_path, self.key) or {}
            if not state.get("bootstrapped") and not self._log_in():
                if self.new_profile and self.profiles is not None and self.username is not None and self.key:
                    db.close()  # a new profile is made by its first online login: without one, none is kept
                    self.db = None
                    self._forget_new_profile(self.profiles, self.username, self.key)
                return None
        state = sync_account.read(self.journal_path, self.key) or {}
        if self.profiles is not None and self.username is not None and state.get("teacher_id") is not None:
            from storage.people import teacher_name

            with db.read() as conn:  # the start screen lists the profile by the teacher's name from now on
                name = teacher_name(conn, state["teacher_id"])
            if name:
                self.profiles.name(self.username, name)
        return state

    @staticmethod
    def _forget_new_profile(profiles: Profiles, username: str, key: bytes) -> None:
        """A new profile whose first login did not happen goes; one with unsent changes (or a folder that is
        not its own alone) is kept, as Profiles.remove decides."""
        from storage.profiles import ProfileError

        try:
            profiles.remove(username, key)
        except ProfileError as kept:
            import logging

            logging.getLogger(__name__).warning("the new profile was kept: %s", kept)

    def _make_engine(self, db: JournalDatabase, server_url: str) -> None:
        from desktop.sync_bridge import SyncBridge
        from sync.credentials import MemoryTokens, TokenStore
        from sync.engine import SyncEngine

        tokens: TokenStore = MemoryTokens()  # a plain --journal file: the token lasts for this run
        if self.profiles is not None and self.username is not None and self.key is not None:
            tokens = self.profiles.tokens(self.username, self.key)  # sealed under the journal key
        self.engine = engine = SyncEngine(db, server_url, tokens, device_name=QSysInfo.machineHostName(),
                                          ca_bundle=self.ca_bundle, find_relay=True,
                                          relay_url=self.settings.get(options.RELAY_URL) or None,
                                          server_bundle_key=self.preset.server_bundle_key if self.preset else None)
        if self.profiles is not None and self.username is not None and self.key is not None:
            profiles, username, key = self.profiles, self.username, self.key
            engine.on_login = lambda answer: profiles.keep_recovery(username, key, answer.recovery_key,
                                                                    engine.device_id)
        self.bridge = SyncBridge(self.engine)
        self.engine.start()

    def _start_sync(self, server_url: str) -> None:
        """After the first paint: open the journal for writing on the worker, then start syncing."""
        if self.engine is not None:
            self._attach()
            return
        assert self.access is not None

        def attach(db: JournalDatabase) -> None:
            self._make_engine(db, server_url)
            self._attach()

        self.worker.run(self.access.open_for_writing, attach)

    def _attach(self) -> None:
        assert self.window is not None and self.engine is not None and self.bridge is not None
        self.window.attach_sync(self.engine, self.bridge)
        self.window.sync_bar.log_in.connect(lambda: self._log_in(self.window))
        if self.args.password and self.engine.link.token is None:  # the demo logs itself in on every start
            QTimer.singleShot(0, lambda: self._log_in(self.window))
        self._schedule_backups()

    def _schedule_backups(self) -> None:
        """A backup now if one is due (storage.backups), and the same asked every hour while the app runs."""
        assert self.window is not None
        window = self.window
        window.backup_if_due()
        self.backup_timer = QTimer(window)
        self.backup_timer.timeout.connect(window.backup_if_due)
        self.backup_timer.start(3_600_000)

    def _log_in(self, parent: QWidget | None = None) -> bool:
        assert self.engine is not None and self.bridge is not None
        from desktop.login_dialog import LoginDialog

        state = sync_account.read(self.journal_path, self.key) or {}
        username = state.get("username") or self.username or self.args.user or self.settings.get(options.USERNAME)
        dialog = LoginDialog(self.engine, self.engine.link.url, username, self.args.password or "", parent)
        if state.get("username") or self.username:
            dialog.username.setReadOnly(True)  # a profile logs in as its own teacher only
        self.bridge.status_changed.connect(dialog.show_status)
        if self.args.password:  # the demo: its password is public, log in at once
            QTimer.singleShot(0, dialog.log_in)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.bridge.status_changed.disconnect(dialog.show_status)
        if accepted:
            self.settings.set(options.USERNAME, dialog.username.text().strip())
        return accepted

    def close(self) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.close()  # a quit that did not close it (another teacher): its typed text is saved first
        if self.engine is not None:
            self.engine.stop()
        self.worker.shutdown()
        if self.access is not None:
            self.access.close()
        db = self.access.db if self.access is not None else self.db
        if db is not None:
            db.close()


def main(argv: list[str] | None = None, *, plain_journal: bool = False) -> int:
    """The app; `plain_journal` lets `--journal FILE` open an unencrypted journal (desktop.plain_journal)."""
    args = _arguments(sys.argv[1:] if argv is None else argv, plain_journal=plain_journal)
    if hasattr(os, "umask"):
        # Whatever the app makes on a shared PC (journal, keys file, settings, logs, backups, exported reports) is
        # the teacher's account's alone, not the 0644/0755 a desktop session's umask gives; Windows keeps files in
        # the user's profile, which other accounts cannot read already.
        os.umask(0o077)
    if args.self_test:
        from desktop import self_test, self_test_walk

        server = (self_test_walk.Server(args.server, args.user, args.password)
                  if args.server and args.user and args.password else None)
        return self_test.run(server)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Dala")
    app.setApplicationName("Dala Journal")
    try:
        found = preset.load()
    except ValueError as error:
        QMessageBox.critical(None, "Dala Journal", str(error))
        return 1
    guard = crash_guard.install()
    run = _App(args, found)
    try:
        return run.run()
    except Exception:  # noqa: BLE001 (before or after the event loop: logged and told, as in a slot)
        guard.on_exception(*sys.exc_info())
        QMessageBox.critical(None, QCoreApplication.translate("App", "Dala Journal"),
                             crash_guard.message(guard.log_path))
        return 1
    finally:
        run.close()
        crash_guard.log.info("Dala Journal stops")


def _report_and_quit(window: MainWindow) -> None:
    """For benchmarks/desktop_bench.py: once the grid has painted with data, say how long it took."""
    window.view.viewport().repaint()
    model = window.model
    print(f"startup_ms {1000 * (time.perf_counter() - STARTED):.1f} {model.rowCount()} {model.columnCount()}",
          flush=True)
    application().quit()
