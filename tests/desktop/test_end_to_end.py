"""The app against a real local server: a teacher types marks while the server is unreachable, the status
bar says they are waiting, and when the server comes back they go up on their own and the bar says so.
Real threads here: the app's worker and the sync engine's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop import i18n
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.sync_bridge import SyncBridge
from desktop.worker import Worker
from harness.fault_proxy import FaultProxy
from sync.backoff import Backoff
from tests.desktop.conftest import TODAY
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.sync.conftest import Device


def test_marks_typed_offline_go_up_when_the_server_is_back(server: LiveServer, proxy: FaultProxy, qtbot,
                                                           tmp_path: Path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", proxy.url, spot.teacher_login, backoff=Backoff(first=0.3, cap=1.0)).login()
    pc.sync()  # the first login and download happen online
    proxy.down = True
    i18n.use_language("en")
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    access = JournalAccess(pc.path, pc.journal.actor_id, db=pc.db)
    window = MainWindow(access, Worker(), settings, "en", today=TODAY)
    qtbot.addWidget(window)
    bridge = SyncBridge(pc.engine)
    window.attach_sync(pc.engine, bridge)
    window.show()
    with qtbot.waitSignal(window.sheet_shown, timeout=10_000):
        window.start()
    pc.engine.start()
    qtbot.waitUntil(lambda: window.sync_bar.state.text() == "Offline", timeout=10_000)

    window.course_box.setCurrentIndex(window.course_box.findData(spot.course_id))
    qtbot.waitUntil(lambda: spot.lesson_id in window.model.sheet.column_of, timeout=10_000)  # this term's lesson
    row, column = window.model.sheet.row_of[spot.pupil_id], window.model.sheet.column_of[spot.lesson_id] + 1
    window.view.setCurrentIndex(window.model.index(row, column))
    qtbot.keyClicks(window.view, "9")
    qtbot.waitUntil(lambda: "1 change waiting" in window.sync_bar.waiting.text(), timeout=10_000)
    assert window.sync_bar.state.text() == "Offline"
    assert "No connection" in window.sync_bar.problem.text()

    proxy.down = False  # the link is back: no button pressed

    qtbot.waitUntil(lambda: window.sync_bar.state.text() == "Online"
                    and "0 changes waiting" in window.sync_bar.waiting.text(), timeout=20_000)
    assert window.sync_bar.last_sync.text().startswith("Last sync:")
    assert window.sync_bar.problem.text() == ""
    assert server.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0][0] == 9
    pc.engine.stop()
    window.close()
    pc.close()
