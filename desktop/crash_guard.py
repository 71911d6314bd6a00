"""Errors never vanish: a rotating log file in the user's data folder, and exception hooks (the UI thread's
and background threads') that log the error and tell the teacher, while the window and the journal go on.

The log holds events, error types and tracebacks (code locations), never an exception's message or a local
variable: those may carry a pupil's name or a mark. Code that logs elsewhere follows the same rule."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

LOG_NAME = "dala.log"
LOG_BYTES = 2 * 1024 * 1024  # one file's size before it rolls over
LOG_FILES = 4  # kept besides the current one
log = logging.getLogger("dala")


def log_folder() -> Path:
    """<the app's data folder>/logs (QStandardPaths' AppDataLocation: %APPDATA%, ~/.local/share, …)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "logs"


# What logging hands Formatter.formatException: sys.exc_info()'s value.
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def safe_traceback(exc_type: type[BaseException], error: BaseException | None,
                   tb: TracebackType | None) -> str:
    """The traceback with each exception's type and code locations, but not its message (which may quote data)."""
    parts: list[str] = []
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        frames = traceback.extract_tb(tb if not parts else error.__traceback__)
        parts.append("Traceback (most recent call last):\n" + "".join(frames.format()) + _type_name(type(error)))
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    if not parts:
        parts.append("".join(traceback.format_tb(tb)) + _type_name(exc_type))
    return "\n\nwhich followed\n\n".join(parts)


def _type_name(kind: type[BaseException]) -> str:
    code = getattr(kind, "code", None)  # storage's and sync's errors carry a stable code
    return f"{kind.__module__}.{kind.__qualname__}" + (f" ({code})" if isinstance(code, str) else "")


class _SafeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # another handler's text may hold the message
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo) -> str:  # noqa: N802 (logging's name)
        exc_type, error, tb = ei
        if exc_type is None:  # logged with exc_info=True outside an except block: nothing to hide
            return super().formatException(ei)
        return safe_traceback(exc_type, error, tb)


class _DalaLog(logging.handlers.RotatingFileHandler):
    """The app's own log file (start_log adds it, stop_log removes it)."""


def start_log(folder: Path | None = None) -> Path:
    """Log the app's events (INFO and above) to a rotating file; returns its path."""
    folder = folder or log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    stop_log()
    root = logging.getLogger()
    handler = _DalaLog(path, maxBytes=LOG_BYTES, backupCount=LOG_FILES, encoding="utf-8")
    handler.setFormatter(_SafeFormatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


def stop_log() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _DalaLog)]:
        root.removeHandler(handler)
        handler.close()


class CrashGuard(QObject):
    """Installed once per run: an unexpected exception anywhere is logged and told, and the app goes on."""

    _happened = Signal()  # from any thread: queued onto the UI thread, where the message is shown

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.box: QMessageBox | None = None
        self._happened.connect(self.tell, Qt.ConnectionType.QueuedConnection)
        self._previous = sys.excepthook, threading.excepthook

    def install(self) -> CrashGuard:
        sys.excepthook = self.on_exception
        threading.excepthook = lambda args: self.on_exception(args.exc_type, args.exc_value, args.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous
        stop_log()

    def on_exception(self, exc_type: type[BaseException], error: BaseException | None,
                     tb: TracebackType | None) -> None:
        """sys.excepthook's and threading.excepthook's work, on whichever thread raised (the log names it)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, error or exc_type(), tb)
            return
        # threading.excepthook may pass no exception value; logging copes, but typeshed's exc_info does not allow it.
        log.error("unexpected error", exc_info=(exc_type, error, tb))  # type: ignore[arg-type]
        self._happened.emit()

    def tell(self) -> None:
        """The message in the teacher's language; one at a time (a burst of errors shows one box)."""
        if self.box is not None and self.box.isVisible():
            return
        parent = QApplication.activeWindow()
        self.box = box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Dala Journal"),
                                     message(self.log_path), QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("crashMessage")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "box", None))
        box.show()


def message(log_path: Path) -> str:
    return QCoreApplication.translate(
        "CrashGuard", "Something went wrong, and the last action may not have finished. Your journal is kept: "
        "what was saved stays saved, and you can go on working. The details are in {log}").format(log=log_path)


def install(folder: Path | None = None) -> CrashGuard:
    """Start the log and the exception hooks (desktop.app's main)."""
    try:
        path = start_log(folder)
    except OSError:  # a data folder that cannot be written must not keep the journal from opening
        path = start_log(Path(tempfile.gettempdir()) / "dala-logs")
    log.info("Dala Journal starts")
    return CrashGuard(path, QCoreApplication.instance()).install()
