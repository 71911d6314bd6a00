"""Logging in to the school's server: the server address (preset by the installer or typed once), the
username and the password. The login itself runs on the sync engine's thread; the dialog waits for its
answer without blocking, shows a refusal in words, and after the first login shows the download of the
teacher's year with a progress bar."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from desktop import messages, screen_fit
from sync.status import SyncStatus

if TYPE_CHECKING:
    from sync.engine import SyncEngine


class _FutureRelay(QObject):
    """Hands a Future's outcome from the engine's thread to the dialog's."""

    done = Signal(object)  # None or the exception


class LoginDialog(QDialog):
    def __init__(self, engine: SyncEngine, server_url: str, username: str = "", password: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Log in to the school's server"))
        form = QFormLayout(self)
        self.server = QLineEdit(server_url)
        self.server.setReadOnly(True)  # a journal belongs to one server; the installer or settings set it
        screen_fit.wide_enough(self.server, server_url)
        self.server.setCursorPosition(0)
        self.username = QLineEdit(username)
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("loginProblem")
        self.problem.setStyleSheet("color: #a33;")
        self.progress = QProgressBar()
        self.progress.hide()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.problem)
        form.addRow(self.progress)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        (self.password if username else self.username).setFocus()  # the server's address is preset
        self._relay = _FutureRelay(self)
        self._relay.done.connect(self._logged_in)
        self.waiting_for_download = False

    def log_in(self) -> None:
        self.problem.setText(self.tr("Logging in…"))
        self.buttons.setEnabled(False)
        future: Future = self.engine.login(self.username.text().strip(), self.password.text())
        future.add_done_callback(lambda f: self._relay.done.emit(f.exception()))

    def _logged_in(self, error: Exception | None) -> None:
        self.buttons.setEnabled(True)
        if error is not None:
            self.problem.setText(messages.describe(error))
            return
        self.problem.setText(self.tr("Downloading your journal…"))
        self.progress.show()
        self.waiting_for_download = True

    def show_status(self, status: SyncStatus) -> None:
        """The engine's status while the first download runs; the dialog closes when it is done."""
        if not self.waiting_for_download:
            return
        self.progress.setMaximum(max(status.total, 1))
        self.progress.setValue(status.done)
        if not status.running and status.last_sync_at is not None:
            self.accept()
        elif not status.running and status.error_code:
            self.problem.setText(messages.sync_error(status.error_code, status.error_message))
