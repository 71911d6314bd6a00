"""The sync engine's status and each finished run's summary, carried onto the UI thread: the engine calls its
listeners on its own thread; this QObject re-emits them as signals, which Qt queues to the thread the widgets
live on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sync.engine import SyncEngine
from sync.session import RunSummary
from sync.status import SyncStatus


class SyncBridge(QObject):
    status_changed = Signal(object)  # SyncStatus
    run_finished = Signal(object)  # RunSummary: what the run changed in the journal (storage.changed)

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        engine.subscribe(self._from_engine)
        engine.subscribe_runs(self._run_from_engine)

    def _from_engine(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def _run_from_engine(self, summary: RunSummary) -> None:
        self.run_finished.emit(summary)
