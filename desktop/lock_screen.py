"""Locking the app: after an idle time (a setting) or on demand, the window shows only this screen — no
grid, no panels, no pupil's name — until the teacher's offline password is typed again. Also where another
teacher starts to switch profiles. `IdleWatch` sees the user's keys and clicks anywhere in the app."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop import messages

_USER_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleWatch(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.timeout.connect(self.idle)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _USER_INPUT:
            self.timer.start()  # restarts the countdown
        return False


class LockScreen(QWidget):
    unlocked = Signal()
    switch_requested = Signal()

    def __init__(self, who: str, check: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check  # raises WrongPassword / Throttled, like storage.profiles.Profiles.unlock
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = who
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.try_unlock)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.unlock_button = QPushButton()
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton()
        self.switch_button.clicked.connect(self.switch_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.password, self.message, self.unlock_button, self.switch_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("The journal is locked (%1). Type your offline password.").replace("%1", self.who))
        self.unlock_button.setText(self.tr("Unlock"))
        self.switch_button.setText(self.tr("Another teacher…"))

    def try_unlock(self) -> None:
        from storage.profiles import Throttled, WrongPassword

        try:
            self.check(self.password.text())
        except (WrongPassword, Throttled) as refused:
            self.message.setText(messages.password_refusal(refused))
            return
        finally:
            self.password.clear()
        self.message.clear()
        self.unlocked.emit()
