"""Disk work the window cannot wait for without freezing, before there is a window's worker to hand it to (the journal's
integrity check at start): run on a thread while a busy dialog says what is happening and the event loop keeps the
screen alive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


def run(text: str, work: Callable[[], T], parent: QWidget | None = None) -> T:
    """`work()`'s result (or its exception), computed on a thread; a busy dialog shows `text` meanwhile."""
    outcome: list[tuple[bool, object]] = []  # (whether it raised, the result or the exception)
    loop = QEventLoop()

    def body() -> None:
        try:
            outcome.append((False, work()))
        except BaseException as error:  # noqa: BLE001 (handed back to the caller below)
            outcome.append((True, error))

    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(500)  # a quick check shows nothing
    thread = threading.Thread(target=body, daemon=True)
    thread.start()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if outcome else None)
    timer.start(20)
    loop.exec()
    timer.stop()
    dialog.close()
    raised, value = outcome[0]
    if raised:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]
