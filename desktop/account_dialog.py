"""The teacher's account on the school's server: her password changed online (the one import-school printed is
a first password, not hers to keep). The change runs on the sync engine's thread; the dialog waits for its answer
without blocking and tells a refusal in words. The offline password that opens this PC's journal is another one,
and stays as it is."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop import messages
from sync.errors import SyncError

if TYPE_CHECKING:
    from sync.engine import SyncEngine

MIN_LENGTH = 8  # as the server asks (server.accounts.MIN_PASSWORD); checked here first, in the teacher's words


class _Relay(QObject):
    """Hands a Future's outcome from the engine's thread to the dialog's."""

    done = Signal(object)  # None or the exception


class PasswordDialog(QDialog):
    def __init__(self, engine: SyncEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Change your password"))
        form = QFormLayout(self)
        note = QLabel(self.tr("Your password for the school's server. The offline password that opens the journal "
                              "on this PC stays as it is."))
        note.setWordWrap(True)
        form.addRow(note)
        self.current, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        for name, field in (("currentPassword", self.current), ("newPassword", self.new),
                            ("repeatPassword", self.repeat)):
            field.setObjectName(name)
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.repeat)
        self.problem = QLabel()
        self.problem.setObjectName("passwordProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a33;")
        form.addRow(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._relay = _Relay(self)
        self._relay.done.connect(self._answered)

    def change(self) -> None:
        new = self.new.text()
        if new != self.repeat.text():
            self.problem.setText(self.tr("The two new passwords differ."))
            return
        if len(new) < MIN_LENGTH:
            self.problem.setText(self.tr("A new password has at least %n characters.", "", MIN_LENGTH))
            return
        self.problem.setText(self.tr("Changing…"))
        self.buttons.setEnabled(False)
        future: Future = self.engine.change_password(self.current.text(), new)
        future.add_done_callback(lambda f: self._relay.done.emit(f.exception()))

    def _answered(self, error: Exception | None) -> None:
        self.buttons.setEnabled(True)
        if error is None:
            self.accept()
        elif isinstance(error, SyncError) and error.code == "bad_credentials":
            self.problem.setText(self.tr("The current password is wrong."))
            self.current.selectAll()
            self.current.setFocus()
        elif isinstance(error, SyncError) and error.code == "weak_password":
            self.problem.setText(self.tr("A new password has at least %n characters and is not your username.", "",
                                         MIN_LENGTH))
        else:
            self.problem.setText(messages.describe(error))
