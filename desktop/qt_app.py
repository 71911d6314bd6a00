"""The running Qt application object, for code that runs once desktop.app (or a test) has made it."""

from PySide6.QtCore import QCoreApplication


def application() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("there is no Qt application object yet")
    return app
