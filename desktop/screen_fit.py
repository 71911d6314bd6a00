"""Windows and fields that fit a small school laptop (1366×768, less the taskbar): a window's frame inside the
screen's available area at first start and when a saved geometry is restored, and a line edit wide enough
for the text it holds."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWidget

DEFAULT_SIZE = QSize(1280, 800)
# A window's title bar and borders before the window manager has drawn them (then the real ones are known).
FRAME_GUESS = QMargins(8, 32, 8, 8)


def place(window: QWidget, saved: QByteArray | None, default: QSize = DEFAULT_SIZE) -> None:
    """Restore the saved geometry if its frame fits the available screen, else open at `default` (shrunk to
    fit) in the middle of it."""
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if _room(window).contains(_frame(window)):
            return
    room, margins = _room(window), _margins(window)
    size = default.boundedTo(room.size().shrunkBy(margins)).expandedTo(window.minimumSizeHint())
    window.resize(size)
    outer = size.grownBy(margins)
    window.move(room.x() + max((room.width() - outer.width()) // 2, 0),
                room.y() + max((room.height() - outer.height()) // 2, 0))


def fits(window: QWidget) -> bool:
    """The window's frame lies inside its screen's available area."""
    return _room(window).contains(_frame(window))


def _room(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _margins(window: QWidget) -> QMargins:
    if not window.isVisible():
        return FRAME_GUESS
    frame, inner = window.frameGeometry(), window.geometry()
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(), frame.right() - inner.right(),
                    frame.bottom() - inner.bottom())


def _frame(window: QWidget) -> QRect:
    if window.isVisible():
        return window.frameGeometry()
    return QRect(window.frameGeometry().topLeft(), window.size().grownBy(FRAME_GUESS))  # where it will be shown


def wide_enough(edit: QLineEdit, *texts: str) -> None:
    """Make `edit` at least as wide as the longest of `texts` (its text, its placeholder), up to the screen's
    width: a server address or a reason hint is not cut off."""
    metrics = edit.fontMetrics()
    longest = max((metrics.horizontalAdvance(text) for text in texts if text), default=0)
    margins = edit.textMargins()
    padding = 2 * metrics.horizontalAdvance("x") + margins.left() + margins.right() + 8  # the frame and cursor
    room = _room(edit.window()).width() // 2
    edit.setMinimumWidth(min(longest + padding, room))
