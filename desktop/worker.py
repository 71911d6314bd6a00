"""Journal work off the UI thread: one serial worker runs each job (a database write, a journal load) in
order, and hands its result or error back on the UI thread. One worker, as SQLite has one writer, so
edits land in the order they were typed.

Tests may make it synchronous (the job runs at once, on the caller's thread), as MusicBrainz Picard's tests
swap in a synchronous thread pool, so that what a keystroke does is done when the key event returns.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Worker(QObject):
    # One tuple (on_done, on_error, result, error) rather than four arguments: PySide6 mis-counts references
    # to None passed as a queued signal's argument from a foreign thread ("deallocating None" crash).
    _finished = Signal(object)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dala-journal")
        self._finished.connect(lambda outcome: self._deliver(*outcome))  # from the pool's thread: queued onto ours

    def run(self, job: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None) -> None:
        if self.synchronous:
            try:
                result = job()
            except Exception as error:  # noqa: BLE001 (handed to on_error, as on the thread)
                self._deliver(on_done, on_error, None, error)
            else:
                self._deliver(on_done, on_error, result, None)
            return
        self._pool.submit(self._execute, job, on_done, on_error)

    def _execute(self, job: Callable[[], Any], on_done: Done | None, on_error: Failed | None) -> None:
        try:
            result = job()
        except Exception as error:  # noqa: BLE001 (handed to on_error on the UI thread)
            self._finished.emit((on_done, on_error, None, error))
        else:
            self._finished.emit((on_done, on_error, result, None))

    def _deliver(self, on_done: Done | None, on_error: Failed | None, result: Any, error: Exception | None) -> None:
        if error is None:
            if on_done is not None:
                on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            raise error

    def drain(self) -> None:
        """Wait for the jobs queued so far (closing the app, tests)."""
        self._pool.submit(lambda: None).result()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
