"""Errors never vanish and nothing typed is lost: an exception in a slot or a background thread is logged
(without pupil data) and told in the teacher's language while the window stays; closing the window saves
what is typed and waits for the queued writes. The journal work runs on the app's real worker thread."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop import crash_guard, i18n
from desktop.journal_access import JournalAccess
from desktop.main_window import MainWindow
from desktop.worker import Worker
from tests.desktop.conftest import TODAY, teacher_of


@pytest.fixture
def threaded_window(qtbot, db, settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    i18n.use_language("en")
    worker = Worker()
    window = MainWindow(JournalAccess(db.path, teacher_of(db, "criteria"), db=db), worker, settings, "en", today=TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.settled, timeout=10_000):  # its first load and the review's are queued by then
        window.show()
        window.start()
    yield window
    window.close()
    worker.shutdown()


@pytest.fixture
def guard(tmp_path: Path) -> Iterator[crash_guard.CrashGuard]:
    installed = crash_guard.install(tmp_path / "logs")
    yield installed
    installed.uninstall()


def _told(qtbot, guard: crash_guard.CrashGuard) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: guard.box is not None and guard.box.isVisible(), timeout=5000)
    assert guard.box is not None
    return guard.box


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_told_and_logged_and_the_window_stays(threaded_window, guard, qtbot) -> None:
    window = threaded_window
    pupil = window.model.sheet.pupils[0]

    def broken(_conn: object) -> None:
        raise LookupError(f"no such row: {pupil.last_name} {pupil.first_name}")

    # A journal read fails unexpectedly: the worker hands the error to the window on the UI thread, whose
    # slot raises it on (MainWindow._show_error) — the path every unexpected journal error takes.
    window.worker.run(lambda: window.access.read(broken), print, window._show_error)

    box = _told(qtbot, guard)
    assert "journal is kept" in box.text() and str(guard.log_path) in box.text()
    assert window.isVisible() and not window.locked
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: guard.box is None)

    qtbot.keyClicks(window.view, "8")  # the journal goes on working
    window.worker.drain()
    logged = guard.log_path.read_text(encoding="utf-8")
    assert guard.log_path == guard.log_path.parent / "dala.log" and guard.log_path.parent.name == "logs"
    assert "builtins.LookupError" in logged and "in broken" in logged and "Traceback" in logged
    assert pupil.last_name not in logged and pupil.first_name not in logged


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_background_thread_is_told(threaded_window, guard, qtbot) -> None:
    pupil = threaded_window.model.sheet.pupils[0].last_name

    def background() -> None:
        raise OSError(f"cannot export {pupil}")

    thread = threading.Thread(target=background, name="exporter")
    thread.start()
    thread.join()

    box = _told(qtbot, guard)
    assert "journal is kept" in box.text() and str(guard.log_path) in box.text()
    assert threaded_window.isVisible()
    box.close()
    logged = guard.log_path.read_text(encoding="utf-8")
    assert "ERROR dala [exporter]" in logged and "builtins.OSError" in logged and pupil not in logged


def test_closing_saves_the_typed_topic_and_finishes_the_queued_writes(threaded_window, qtbot, db) -> None:
    window = threaded_window
    column = next(j + 1 for j, lesson in enumerate(window.model.sheet.lessons) if lesson.date <= TODAY)
    window.view.setCurrentIndex(window.model.index(0, column))
    lesson_id, pupil_id = window.model.target(0, column)
    qtbot.waitUntil(lambda: window.lesson_panel.lesson_id == lesson_id)
    qtbot.keyClicks(window.view, "7")  # queued on the worker thread
    window.lesson_panel.topic.setFocus()
    window.lesson_panel.topic.selectAll()
    qtbot.keyClicks(window.lesson_panel.topic, "Adding fractions")  # typed, the field never left

    window.close()

    assert not window.isVisible()
    with sqlite3.connect(db.path) as conn:  # the journal file as the next run will read it
        assert conn.execute("SELECT topic FROM lesson WHERE id = ?", (lesson_id,)).fetchone()[0] == "Adding fractions"
        assert conn.execute("SELECT mark FROM lesson_cell WHERE lesson_id = ? AND pupil_id = ?",
                            (lesson_id, pupil_id)).fetchone()[0] == 7


def test_the_log_rolls_over_and_keeps_a_few_files(tmp_path: Path) -> None:
    path = crash_guard.start_log(tmp_path)
    for _ in range(crash_guard.LOG_BYTES // 1000 * (crash_guard.LOG_FILES + 2)):
        crash_guard.log.info("x" * 1000)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["dala.log"] + [f"dala.log.{n}" for n in range(1, crash_guard.LOG_FILES + 1)]
    assert path.stat().st_size <= crash_guard.LOG_BYTES
    crash_guard.stop_log()


def test_locking_saves_the_typed_homework(threaded_window, qtbot, db) -> None:
    from desktop.lock_screen import LockScreen

    window = threaded_window
    window.use_lock_screen(LockScreen("Teacher", lambda _password: b""))
    column = next(j + 1 for j, lesson in enumerate(window.model.sheet.lessons) if lesson.date <= TODAY)
    window.view.setCurrentIndex(window.model.index(0, column))
    lesson_id = window.model.target(0, column)[0]
    qtbot.waitUntil(lambda: window.lesson_panel.lesson_id == lesson_id)
    window.lesson_panel.homework.setFocus()
    window.lesson_panel.homework.selectAll()
    qtbot.keyClicks(window.lesson_panel.homework, "Page 42, tasks 1-5")  # typed, the field never left

    window.lock()
    window.worker.drain()

    assert window.locked and window.lesson_panel.lesson_id is None
    with sqlite3.connect(db.path) as conn:
        homework = conn.execute("SELECT homework FROM lesson WHERE id = ?", (lesson_id,)).fetchone()[0]
    assert homework == "Page 42, tasks 1-5"


def test_a_record_logged_with_exc_info_but_no_exception_is_written(tmp_path: Path) -> None:
    path = crash_guard.start_log(tmp_path)
    try:
        crash_guard.log.error("nothing was raised", exc_info=True)  # outside an except block: (None, None, None)
    finally:
        crash_guard.stop_log()
    assert "nothing was raised" in path.read_text(encoding="utf-8")


def test_an_unwritable_data_folder_logs_to_the_temp_folder(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    guard = crash_guard.install(blocked / "logs")
    try:
        assert guard.log_path.exists() and blocked not in guard.log_path.parents
    finally:
        guard.uninstall()


def test_closing_with_a_write_the_journal_refuses_keeps_the_window_and_says_why(threaded_window, qtbot, db) -> None:
    window = threaded_window
    column = next(j + 1 for j, lesson in enumerate(window.model.sheet.lessons) if lesson.date <= TODAY)
    window.view.setCurrentIndex(window.model.index(0, column))
    with db.write() as conn:  # an admin closed the term meanwhile (as a sync would bring it)
        conn.exec_driver_sql("UPDATE period SET closed = 1")
    qtbot.keyClicks(window.view, "7")  # queued; the journal will refuse it

    window.close()

    assert window.isVisible() and "closed" in window.hint.text()
    window.close()  # told once: the second close closes
    assert not window.isVisible()
