"""Sync always in view, in the status bar: online or offline, changes waiting, the last good sync, a
progress bar while a long sync runs, the last problem in words, and the "Sync now" and "Log in" buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop import messages
from sync.status import SyncStatus


class SyncBar(QWidget):
    sync_now = Signal()
    log_in = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.waiting = QLabel()
        self.last_sync = QLabel()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a33;")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.login_button = QPushButton()
        self.login_button.clicked.connect(self.log_in)
        self.login_button.hide()
        for widget in (self.state, self.waiting, self.last_sync, self.problem, self.progress, self.sync_button,
                       self.login_button):
            layout.addWidget(widget)
        self.status = SyncStatus()
        self.retranslate()

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("Sync now"))
        self.login_button.setText(self.tr("Log in…"))
        self.show_status(self.status)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        if status.running:
            self.state.setText(self.tr("Syncing…") if status.phase == "syncing"
                               else self.tr("Downloading the journal…"))
        elif status.online is None:
            self.state.setText(self.tr("Not synced yet"))
        else:
            self.state.setText(self.tr("Online") if status.online else self.tr("Offline"))
        self.waiting.setText(self.tr("%n change(s) waiting", "", status.waiting))
        self.last_sync.setText(self.tr("Last sync: %1").replace("%1", self._when(status.last_sync_at))
                               if status.last_sync_at else self.tr("Never synced"))
        self.problem.setText(messages.sync_error(status.error_code, status.error_message) if status.error_code else "")
        self.progress.setVisible(status.running and status.total > 0)
        self.progress.setMaximum(max(status.total, 1))
        self.progress.setValue(status.done)
        self.sync_button.setEnabled(not status.running)
        self.login_button.setVisible(status.needs_login)

    def _when(self, stamp: str) -> str:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
        # PySide6 takes a Python datetime; its stubs name QDateTime only:
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]
