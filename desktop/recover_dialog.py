"""Resetting a forgotten offline password: the teacher's server password (an online login as this PC) and
a new offline password twice. The login runs off the UI thread; the journal and its unsent changes stay."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop import messages
from storage.keys import WrongSecret
from storage.profiles import NoRecovery
from sync.errors import SyncError

if TYPE_CHECKING:
    from desktop.profile_dialog import Recover


class _Done(QObject):
    finished = Signal(object)  # the key, or the exception


class RecoverDialog(QDialog):
    def __init__(self, username: str, recover: Recover, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username, self.recover = username, recover
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Reset the offline password"))
        self.server_password = QLineEdit()
        self.server_password.setObjectName("serverPassword")
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self.tr("Log in to the school's server (online) to choose a new offline password. "
                                      "Nothing in your journal is lost."))
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.message)
        form.addRow(self.tr("Server password:"), self.server_password)
        form.addRow(self.tr("New offline password:"), self.new_password)
        form.addRow(self.tr("Repeat it:"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._done = _Done()
        self._done.finished.connect(self._finished)

    def start(self) -> None:
        if not self.new_password.text() or self.new_password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Logging in…"))
        args = (self.username, self.server_password.text(), self.new_password.text())

        def work() -> None:
            try:
                result: bytes | Exception = self.recover(*args)
            except Exception as error:  # noqa: BLE001 (handed to the UI thread, which says what it was)
                result = error
            self._done.finished.emit(result)

        # A thread of its own: this runs from the start screen, before the window and its worker exist.
        threading.Thread(target=work, daemon=True).start()

    def _finished(self, result: bytes | Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(result, bytes):
            self.key = result
            self.accept()
        elif isinstance(result, SyncError):
            self.message.setText(messages.sync_error(result.code, result.message))
        elif isinstance(result, (NoRecovery, WrongSecret)):
            self.message.setText(self.tr("This PC cannot recover this journal: it never logged in online for it."))
        else:
            self.message.setText(messages.describe(result))
