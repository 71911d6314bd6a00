"""Opens the main window on a journal, on whatever display Qt is given, and saves a screenshot of the
screen once the journal is shown. `python -m tests.desktop.screenshot_window JOURNAL TEACHER LANG OUT.png`"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.worker import Worker


def main() -> None:
    journal, teacher, language, out = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    app = QApplication(sys.argv[:1])
    i18n.use_language(language)
    settings = Settings(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
    access = JournalAccess(journal, teacher)
    window = MainWindow(access, Worker(), settings, language, today=dt.date(2026, 11, 22))
    window.resize(1280, 760)
    window.move(0, 0)

    def shoot() -> None:
        window.view.viewport().repaint()
        QGuiApplication.primaryScreen().grabWindow(0).save(str(out))
        app.quit()

    window.sheet_shown.connect(lambda: QTimer.singleShot(800, shoot))
    window.show()
    window.start()
    app.exec()
    window.worker.shutdown()
    access.close()


if __name__ == "__main__":
    main()
