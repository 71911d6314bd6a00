"""`dala --self-test`'s walk: the teacher's path through this build's real windows, offscreen, on a throwaway
profile (a temporary folder, settings and an in-memory keychain: the user's own are not touched).

The app's own start (desktop.app._App) runs each time; a robot on a timer waits for each window and types into
it with QtTest, as a teacher's keys would arrive.

- Always, offline: a profile whose journal holds a small generated school → the start screen, the offline
  password → marks typed into the grid → quit → start again → the password → the marks are there → lock →
  unlock → quit.
- Given a school server (`--server URL --user NAME`, the password in DALA_PASSWORD, as the installer's CI test
  does): a new
  profile made at the start screen (the offline password twice) → the online login → the first download →
  marks → quit → unlock → lock → unlock → a mark → quit → a forgotten password reset through an online login
  → everything typed acknowledged by the server.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keyring.backend import KeyringBackend

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from desktop.main_window import MainWindow

TODAY = dt.date(2026, 11, 18)  # a Wednesday of term 2, the generated school's lessons filled up to it
NOW = dt.time(9, 0)  # in the morning's lessons
USERNAME = "self.test"
OFFLINE_PASSWORD = "self-test password"
NEW_OFFLINE_PASSWORD = "another self-test password"
MARKS = {"classic": "4532", "criteria": "4532", "passfail": "1010"}  # by the course's scale: 3 marks, then one more
WALK_SECONDS = 60


class ScratchKeyring(KeyringBackend):
    """A keychain in memory for the self-test: the user's own is not touched."""

    priority = 0

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@dataclass
class Step:
    what: str
    ready: Callable[[], bool]
    act: Callable[[], None] = lambda: None


@dataclass
class Server:
    url: str
    username: str
    password: str


@dataclass
class _Walk:
    folder: Path
    server: Server | None
    typed: list[tuple[int, int, int]] = field(default_factory=list)  # row, column, the mark
    app: object = None  # the running desktop.app._App

    # -- one start of the app, driven by a list of steps ------------------------------------------

    def start(self, steps: list[Step]) -> None:
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication, QDialog

        from desktop import app
        from desktop.settings import Settings

        argv = ["--language", "en", "--today", TODAY.isoformat(), "--now", NOW.isoformat()]
        argv += ["--server", self.server.url] if self.server else ["--offline"]
        settings = Settings(QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat))
        run = app._App(app._arguments(argv), None, data_dir=self.folder / "data", settings=settings)
        self.app = run
        failure: list[str] = []
        deadline = time.monotonic() + WALK_SECONDS

        def tick() -> None:
            if failure:  # ending: whatever the app opens next is closed too, until its run returns
                for widget in QApplication.topLevelWidgets():
                    if isinstance(widget, QDialog) and widget.isVisible():
                        widget.reject()
                QApplication.closeAllWindows()
                QApplication.exit(1)
                return
            if not steps:
                timer.stop()
                return
            step = steps[0]
            try:
                if time.monotonic() > deadline:
                    shown = QApplication.activeModalWidget()
                    raise AssertionError(f"not within {WALK_SECONDS} s "
                                         f"(showing {type(shown).__name__ if shown else 'no dialog'}"
                                         f"{': ' + _texts(shown) if shown else ''})")
                if step.ready():
                    steps.pop(0)
                    # After this tick returns: an act that opens a dialog runs its loop, in which the timer
                    # must fire again (a timer does not fire inside its own handler).
                    QTimer.singleShot(0, lambda: act(step))
            except Exception as error:  # noqa: BLE001 (any failure ends the walk, named)
                failure.append(f"{step.what}: {error}")

        def act(step: Step) -> None:
            try:
                step.act()
            except Exception as error:  # noqa: BLE001
                failure.append(f"{step.what}: {error}")

        timer = QTimer()
        timer.setInterval(50)
        timer.timeout.connect(tick)
        timer.start()
        try:
            run.run()
        finally:
            timer.stop()
            run.close()
        if failure:
            raise RuntimeError(failure[0])
        if steps:
            raise RuntimeError(f"the app ended before: {steps[0].what}")

    # -- what the steps look at and do --------------------------------------------------------------

    def dialog(self, kind: str) -> Any:
        """The modal dialog of class `kind` when it shows (its fields are read by name, as each step needs), or
        None."""
        from PySide6.QtWidgets import QApplication

        shown = QApplication.activeModalWidget()
        return shown if shown is not None and type(shown).__name__ == kind and shown.isVisible() else None

    @property
    def window(self) -> MainWindow | None:
        return getattr(self.app, "window", None)

    @property
    def open_window(self) -> MainWindow:
        """The window, for the steps that run once it shows."""
        window = self.window
        if window is None:
            raise RuntimeError("the app's window is not open")
        return window

    def sheet_shown(self) -> bool:
        window = self.window
        return window is not None and window.isVisible() and window.model.rowCount() > 0 and not window.locked

    def type_into(self, widget: QWidget, text: str, enter: bool = False) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        widget.setFocus()
        QTest.keyClicks(widget, text)
        if enter:
            QTest.keyClick(widget, Qt.Key.Key_Return)

    def key(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    def type_marks(self, count: int) -> None:
        """`count` marks of the course's scale, a pupil a row, in a lesson already given (the one before where
        the journal opened), below the pupils already marked."""
        from PySide6.QtCore import Qt

        view = self.open_window.view
        sheet = self.open_window.model.sheet
        if sheet is None:
            raise RuntimeError("the journal shows no sheet")
        marks = MARKS[sheet.scale][len(self.typed):len(self.typed) + count]
        view.setFocus()
        self.key(view, Qt.Key.Key_Left)
        for _row in self.typed:
            self.key(view, Qt.Key.Key_Down)
        for mark in marks:
            index = view.currentIndex()
            self.typed.append((index.row(), index.column(), int(mark)))
            self.type_into(view, mark, enter=True)

    def marks_shown(self) -> bool:
        model = self.open_window.model
        return model.sheet is not None and all(model.cell_values(row, column)[1] == mark
                                               for row, column, mark in self.typed)

    def nothing_waiting(self) -> bool:
        engine = getattr(self.app, "engine", None)
        return engine is not None and engine.status.waiting == 0 and engine.status.last_sync_at is not None

    def quit(self) -> None:
        self.open_window.quit_action.trigger()  # Ctrl+Q; the keys themselves: tests/walk under Xvfb

    # -- the walk -----------------------------------------------------------------------------------

    def unlock_steps(self, password: str) -> list[Step]:
        return [Step("the start screen lists the profile", lambda: self.dialog("ProfileDialog") is not None,
                     lambda: self.type_into(self.dialog("ProfileDialog").password, password, enter=True)),
                Step("the journal opens", self.sheet_shown)]

    def lock_steps(self, password: str) -> list[Step]:
        def locked_shows_nothing() -> None:
            if self.open_window.model.rowCount() != 0:
                raise AssertionError("the locked window still shows pupils")
            screen = self.open_window.lock_screen
            if screen is None:
                raise AssertionError("the window has no lock screen")
            self.type_into(screen.password, password, enter=True)

        return [Step("the marks are there", self.marks_shown, lambda: self.open_window.lock_action.trigger()),
                Step("Ctrl+L locks", lambda: self.open_window.locked, locked_shows_nothing),
                Step("the password unlocks", self.sheet_shown),
                Step("the marks are there again", self.marks_shown)]

    def offline(self) -> str:
        self.seed()
        self.start([*self.unlock_steps(OFFLINE_PASSWORD), Step("marks typed", lambda: True,
                                                                lambda: self.type_marks(3)),
                    Step("the marks shown", self.marks_shown, self.quit)])
        self.start([*self.unlock_steps(OFFLINE_PASSWORD), *self.lock_steps(OFFLINE_PASSWORD)[:-1],
                    Step("quit", self.marks_shown, self.quit)])
        return f"offline: unlocked, {len(self.typed)} marks typed, kept after a restart, locked and unlocked"

    def online(self) -> str:
        assert self.server is not None
        server = self.server

        def new_profile() -> None:
            dialog = self.dialog("ProfileDialog")
            self.type_into(dialog.username, server.username)
            self.type_into(dialog.password, OFFLINE_PASSWORD)
            self.type_into(dialog.repeat, OFFLINE_PASSWORD, enter=True)

        self.start([Step("the start screen", lambda: self.dialog("ProfileDialog") is not None, new_profile),
                    Step("the online login", lambda: self.dialog("LoginDialog") is not None,
                         lambda: self.type_into(self.dialog("LoginDialog").password, server.password, enter=True)),
                    Step("the first download", self.sheet_shown, lambda: self.type_marks(3)),
                    Step("the marks reach the server", lambda: self.marks_shown() and self.nothing_waiting(),
                         self.quit)])
        self.start([*self.unlock_steps(OFFLINE_PASSWORD), *self.lock_steps(OFFLINE_PASSWORD),
                    Step("a mark typed", lambda: True, lambda: self.type_marks(1)),
                    Step("the mark shown", self.marks_shown, self.quit)])

        def reset() -> None:
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest

            QTest.mouseClick(self.dialog("ProfileDialog").forgot, Qt.MouseButton.LeftButton)

        def new_password() -> None:
            dialog = self.dialog("RecoverDialog")
            self.type_into(dialog.server_password, server.password)
            self.type_into(dialog.new_password, NEW_OFFLINE_PASSWORD)
            self.type_into(dialog.repeat, NEW_OFFLINE_PASSWORD, enter=True)

        self.start([Step("the start screen", lambda: self.dialog("ProfileDialog") is not None, reset),
                    Step("the reset through an online login", lambda: self.dialog("RecoverDialog") is not None,
                         new_password),
                    Step("the journal opens", self.sheet_shown),
                    Step("every mark acknowledged", lambda: self.marks_shown() and self.nothing_waiting(), self.quit)])
        return (f"online: a new profile, logged in, downloaded, {len(self.typed)} marks acknowledged, locked and "
                "unlocked, the password reset with the outbox sent")

    def seed(self) -> None:
        """A profile as the first download leaves it: a small school in its encrypted journal."""
        from core.demo_school import generator
        from storage import keys, sync_state
        from storage.database import open_database
        from storage.keychain import Keychain
        from storage.profiles import Profiles

        profiles = Profiles(self.folder / "data" / "profiles", Keychain(), cost=keys.Argon2Cost(1, 8 * 1024, 1))
        profile, key = profiles.create(USERNAME, OFFLINE_PASSWORD, "Self Test")
        spec = generator.Spec(grades=(7,), letters=("А",), pupils_per_class=6, weeks_filled=2)
        with open_database(profile.journal, key=key) as db:
            generator.build(db, spec, TODAY)
            with db.write() as conn:
                teacher = conn.exec_driver_sql("SELECT teacher_id FROM course WHERE subgroup_id IS NULL "
                                               "ORDER BY id LIMIT 1").scalar_one()
                sync_state.remember_login(conn, "", USERNAME, sync_state.Account(None, "teacher", teacher, None))
                sync_state.update_state(conn, bootstrapped=True)


def _texts(widget: QWidget) -> str:
    """The texts a dialog shows, to name what stopped the walk."""
    from PySide6.QtWidgets import QLabel

    return " | ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible() and label.text())


def run(server: Server | None = None) -> str:
    """The walk, offline and (given a server) online; what it did, or an exception naming the failed step."""
    import keyring

    before = keyring.get_keyring()
    keyring.set_keyring(ScratchKeyring())
    try:
        done = []
        with tempfile.TemporaryDirectory(prefix="dala-walk-") as folder:
            done.append(_Walk(Path(folder) / "offline", None).offline())
            if server is not None:
                done.append(_Walk(Path(folder) / "online", server).online())
        return "; ".join(done)
    finally:
        keyring.set_keyring(before)
