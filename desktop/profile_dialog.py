"""The start screen on a shared PC: this PC's teacher profiles (and the teachers the installer's preset
names, not yet set up here), or a new one. An existing profile opens
with the teacher's offline password (wrong ones are throttled: storage.profiles); a new one takes a
username and an offline password chosen twice, and logs in online afterwards. "Forgot the password?" resets
it through an online login (sync.recovery), with the journal and its unsent changes kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import messages
from storage.profiles import (
    MAX_USERNAME,
    BadUsername,
    ProfileError,
    Profiles,
    Throttled,
    WrongPassword,
    check_username,
)

MIN_PASSWORD = 6
# (username, server password, new offline password) → the journal key; runs the online login
Recover = Callable[[str, str, str], bytes]


class ProfileDialog(QDialog):
    def __init__(self, profiles: Profiles, recover: Recover | None = None, parent: QWidget | None = None, *,
                 suggested: list[str] | None = None, prefill: tuple[str, str] = ("", "")) -> None:
        super().__init__(parent)
        self.profiles, self.recover = profiles, recover
        self.chosen: tuple[str, bytes, bool] | None = None  # username, journal key, whether it is new
        self.setWindowTitle(self.tr("Dala Journal"))
        self.list = QListWidget()
        self.list.setObjectName("profileList")
        known = profiles.list()
        for profile in known:
            item = QListWidgetItem(f"{profile.display_name} ({profile.username})")
            item.setData(Qt.ItemDataRole.UserRole, profile.username)
            self.list.addItem(item)
        for username in suggested or []:  # the installer's preset names the school's teachers
            if username not in {p.username for p in known}:
                item = QListWidgetItem(self.tr("%1 (new on this PC)").replace("%1", username))
                item.setData(Qt.ItemDataRole.UserRole, username)
                self.list.addItem(item)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("offlinePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("profileMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33;")
        self.forgot = QPushButton(self.tr("Forgot the password?"))
        self.forgot.setEnabled(recover is not None)
        self.forgot.clicked.connect(self._recover)
        form = QFormLayout()
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Offline password:"), self.password)
        self.repeat_label = QLabel(self.tr("Repeat it:"))
        form.addRow(self.repeat_label, self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.accepted.connect(self.open_profile)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Teachers on this PC:")))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.forgot)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.username.setText(item.data(Qt.ItemDataRole.UserRole) if item else ""))
        self.username.textChanged.connect(self._new_or_known)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._new_or_known()
        username, password = prefill  # the demo's (make run): its profile and password are public
        if username:
            self.username.setText(username)
            self.password.setText(password)
            self.repeat.setText(password)
        # The keys go where the teacher types first: a known profile's password, or a new username.
        (self.password if self.list.count() or username else self.username).setFocus()

    def _is_new(self) -> bool:
        name = self.username.text().strip()
        return bool(name) and name not in {p.username for p in self.profiles.list()}

    def _new_or_known(self) -> None:
        new = self._is_new()
        self.repeat.setVisible(new)
        self.repeat_label.setVisible(new)
        self.forgot.setVisible(not new)

    def open_profile(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.say(self.tr("Choose a teacher or type a username."))
            return
        try:
            if self._is_new():
                check_username(username)
                if len(password) < MIN_PASSWORD:
                    self.say(self.tr("Choose an offline password of at least %1 characters.")
                             .replace("%1", str(MIN_PASSWORD)))
                    return
                if password != self.repeat.text():
                    self.say(self.tr("The two passwords differ."))
                    return
                _profile, key = self.profiles.create(username, password)
                self.chosen = (username, key, True)
            else:
                self.chosen = (username, self.profiles.unlock(username, password), False)
        except (WrongPassword, Throttled) as refused:
            self.password.clear()
            self.say(messages.password_refusal(refused))
            return
        except BadUsername as refused:
            self.say(self._username_refusal(refused))
            return
        except ProfileError:
            self.say(self.tr("This username cannot be used here."))
            return
        self.accept()

    def _username_refusal(self, refused: BadUsername) -> str:
        """Why a typed username cannot be a profile's (storage.profiles.check_username's reason)."""
        if refused.reason == "empty":
            return self.tr("Choose a teacher or type a username.")
        if refused.reason == "too_long":
            return self.tr("A username is at most %1 characters long.").replace("%1", str(MAX_USERNAME))
        if refused.reason == "no_letter_or_digit":
            return self.tr("A username needs at least one letter or digit.")
        shown = refused.character
        if shown.isprintable() and not shown.isspace():
            return self.tr("“%1” cannot be in a username: use Latin letters, digits and . _ @ -").replace(
                "%1", shown)
        return self.tr("A username has only Latin letters, digits and . _ @ -, with no spaces.")

    def _recover(self) -> None:
        from desktop.recover_dialog import RecoverDialog

        username = self.username.text().strip()
        if not username or self.recover is None:
            return
        dialog = RecoverDialog(username, self.recover, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
            self.chosen = (username, dialog.key, False)
            self.accept()

    def say(self, text: str) -> None:
        self.message.setText(text)
