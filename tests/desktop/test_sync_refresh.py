"""What a teacher is typing survives the background sync: the real window over a PC's journal, the real sync
engine on its own thread against a real server, and a second PC of the same teacher making the changes that
come down. A run that pulled nothing re-reads nothing; a pulled mark patches its cell; the topic being typed
keeps the teacher's text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop import i18n
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.settings import Settings
from desktop.sync_bridge import SyncBridge
from desktop.worker import Worker
from server import journal_import
from tests.desktop.conftest import TODAY
from tests.server.conftest import LiveServer
from tests.server.school import Cell
from tests.server.school import cell as server_cell
from tests.sync.conftest import devices, synced_pcs  # noqa: F401  (devices: a fixture)


class Scene:
    """The teacher's PC with the window open on the spot's journal and the cursor in the spot's cell, and
    their second PC."""

    def __init__(self, server: LiveServer, qtbot, tmp_path: Path, devices: list) -> None:  # type: ignore[no-untyped-def]
        self.server = server
        self.spot: Cell = server_cell(server)
        self.pc, self.other = synced_pcs(tmp_path, server.url, self.spot.teacher_login, "pc", "other")
        devices.extend([self.pc, self.other])
        self.pc.engine.idle_interval = 3600.0  # one attempt when started, then none unless a test asks
        i18n.use_language("en")
        settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        access = JournalAccess(self.pc.path, self.pc.journal.actor_id, db=self.pc.db)
        self.window = window = MainWindow(access, Worker(synchronous=True), settings, "en", today=TODAY)
        qtbot.addWidget(window)
        self.bridge = SyncBridge(self.pc.engine)
        window.attach_sync(self.pc.engine, self.bridge)
        window.show()
        window.start()
        window.course_box.setCurrentIndex(window.course_box.findData(self.spot.course_id))
        sheet = window.model.sheet
        self.row, self.column = sheet.row_of[self.spot.pupil_id], sheet.column_of[self.spot.lesson_id] + 1
        window.view.setCurrentIndex(window.model.index(self.row, self.column))
        assert window.lesson_panel.lesson_id == self.spot.lesson_id
        self.runs: list = []
        self.reloads: list = []
        self.bridge.run_finished.connect(self.runs.append)  # after the window's own slot
        window.sheet_shown.connect(lambda: self.reloads.append(1))
        self.qtbot = qtbot

    def type_topic(self, text: str) -> None:
        topic = self.window.lesson_panel.topic
        topic.setFocus()
        topic.selectAll()  # typed over the topic there
        type_text(topic, text)  # no Return, no leaving the field: still being typed

    def sync_once(self):  # type: ignore[no-untyped-def]
        """The engine's own attempt on its thread, and its summary delivered through the bridge."""
        self.pc.engine.start()
        self.qtbot.waitUntil(lambda: bool(self.runs), timeout=20_000)
        return self.runs[0]

    def shown(self) -> str | None:
        return self.window.model.data(self.window.model.index(self.row, self.column), Qt.ItemDataRole.DisplayRole)


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying each character, as a Kazakh layout sends them (QTest's keyClicks takes Latin-1 only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def scene(server: LiveServer, qtbot, tmp_path: Path, devices: list) -> Scene:  # type: ignore[no-untyped-def]
    return Scene(server, qtbot, tmp_path, devices)


def test_a_sync_that_pulled_nothing_reloads_nothing_and_keeps_the_typed_topic(scene: Scene) -> None:
    sheet = scene.window.model.sheet
    scene.type_topic("Бөлшектерді қосу")

    summary = scene.sync_once()

    assert summary.pulled == 0 and not summary.changed
    assert scene.window.model.sheet is sheet and not scene.reloads
    assert scene.window.lesson_panel.topic.text() == "Бөлшектерді қосу"
    assert scene.window.lesson_panel.lesson_id == scene.spot.lesson_id


def test_a_pulled_mark_patches_its_cell_and_keeps_the_typed_topic(scene: Scene) -> None:
    sheet = scene.window.model.sheet
    scene.other.journal.set_mark(scene.spot.lesson_id, scene.spot.pupil_id, 7)
    scene.other.sync()
    scene.type_topic("Бөлшектерді қосу")

    summary = scene.sync_once()

    assert summary.changed.cells == {(scene.spot.lesson_id, scene.spot.pupil_id)}
    assert scene.shown() == "7"
    assert scene.window.model.sheet is sheet and not scene.reloads  # patched, not reloaded
    assert scene.window.lesson_panel.topic.text() == "Бөлшектерді қосу"
    assert scene.window.view.currentIndex().row() == scene.row
    assert scene.window.view.currentIndex().column() == scene.column


def test_a_pulled_topic_of_the_lesson_being_typed_keeps_the_teachers_text(scene: Scene) -> None:
    lesson = scene.spot.lesson_id
    scene.other.journal.set_topic(lesson, "Тема с другого компьютера")
    scene.other.journal.set_homework(lesson, "§ 12")
    scene.other.sync()
    scene.type_topic("Бөлшектерді қосу")

    summary = scene.sync_once()

    assert summary.changed.lessons == {lesson}
    panel = scene.window.lesson_panel
    assert panel.topic.text() == "Бөлшектерді қосу"  # being typed: the teacher's text stays
    assert panel.homework.toPlainText() == "§ 12"  # not being typed: the pulled text shows
    panel.topic.editingFinished.emit()  # the teacher finishes: their text is saved over the pulled one
    assert scene.pc.sql("SELECT topic, homework FROM lesson WHERE id = ?", (lesson,))[0] == ("Бөлшектерді қосу", "§ 12")
    assert scene.pc.sql("SELECT count(*) FROM outbox_op WHERE entity = 'lesson' AND entity_key = ? AND field = 'topic'",
                        (lesson,))[0][0] == 1


def test_a_lesson_arriving_rereads_the_journal_with_the_cursor_and_the_typed_topic_where_they_were(
        scene: Scene) -> None:
    window, sheet = scene.window, scene.window.model.sheet
    later = sheet.lessons[sheet.column_of[scene.spot.lesson_id] + 2]  # two lessons on from the spot's
    window.view.setCurrentIndex(window.model.index(scene.row, sheet.column_of[later.id] + 1))
    assert window.lesson_panel.lesson_id == later.id
    earlier_day = sheet.lessons[sheet.column_of[scene.spot.lesson_id] + 1].date
    scene.other.journal.add_lesson(scene.spot.course_id, earlier_day, 7)  # a column comes in before the cursor's
    scene.other.sync()
    scene.type_topic("Бөлшектерді қосу")

    summary = scene.sync_once()

    assert summary.changed.courses == {scene.spot.course_id}
    assert scene.reloads and len(window.model.sheet.lessons) == len(sheet.lessons) + 1
    current = window.view.currentIndex()
    assert window.model.sheet.lessons[current.column() - 1].id == later.id and current.row() == scene.row
    assert window.lesson_panel.lesson_id == later.id
    assert window.lesson_panel.topic.text() == "Бөлшектерді қосу"


def test_a_mark_the_school_imported_shows_in_italics_with_where_it_came_from(scene: Scene) -> None:
    """The school imports its earlier marks from another system (server.journal_import): the teacher's open journal
    gets the mark at its next sync, in italics, its tooltip naming the file it came from."""
    server, spot = scene.server, scene.spot
    grade, letter, subject, term, last, first = server.sql(
        "SELECT k.grade, k.letter, s.name_en, p.number, u.last_name, u.first_name FROM course c "
        "JOIN school_class k ON k.school_id = c.school_id AND k.id = c.class_id JOIN subject s ON s.id = c.subject_id "
        "JOIN period p ON p.school_id = c.school_id AND p.kind = 'term' AND :d BETWEEN p.start_date AND p.end_date "
        "JOIN pupil u ON u.school_id = c.school_id AND u.id = :u WHERE c.school_id = 1 AND c.id = :c",
        d=spot.date, u=spot.pupil_id, c=spot.course_id)[0]
    day = dt.date.fromisoformat(spot.date)
    page = f"Class,{grade} «{letter}»\nSubject,{subject}\nTerm,{term}\nPupil,{day:%d.%m.%Y}\n{last} {first},8\n"
    journal_import.load(server.engine, 1, [("kundelik-page.csv", page.encode())], "Kundelik.kz")

    scene.sync_once()

    index = scene.window.model.index(scene.row, scene.column)
    assert scene.shown() == "8" and not scene.reloads  # patched in place
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ToolTipRole) == f"Imported: Kundelik.kz: kundelik-page.csv, {dt.date.today()}"
    beside = scene.window.model.index(scene.row, scene.column + 1)
    assert beside.data(Qt.ItemDataRole.FontRole) is None  # what a teacher wrote is not
