"""The sync engine's status, carried onto the UI thread: the engine calls its listeners on its own thread;
this QObject re-emits each status as a signal, which Qt queues to the thread the widgets live on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sync.engine import SyncEngine
from sync.status import SyncStatus


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        engine.subscribe(self._from_engine)

    def _from_engine(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)
