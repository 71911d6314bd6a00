"""The common school PC, a 1366×768 laptop: the window fits the screen at first start and over a geometry
saved on a bigger one, the review panel takes no room while it has nothing, no field or line is cut off,
and a course chosen with the mouse gives the keys back to the grid."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QListWidget

from desktop import i18n
from desktop.final_mark_dialog import FinalMarkDialog
from desktop.login_dialog import LoginDialog
from tests.desktop.conftest import teacher_of

ROOT = Path(__file__).resolve().parents[2]
LAPTOP = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1}]}


def test_the_window_fits_a_1366x768_laptop(db, tmp_path: Path) -> None:
    """Its own process: Qt's offscreen platform takes the screen's size from a config file when it starts."""
    config = tmp_path / "laptop.json"
    config.write_text(json.dumps(LAPTOP), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    done = subprocess.run([sys.executable, "-m", "tests.desktop.small_screen_window", str(db.path),
                           str(teacher_of(db, "criteria")), str(tmp_path / "settings.ini")],
                          cwd=ROOT, env=env, timeout=120, check=True, capture_output=True, text=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    first, again = seen["first_start"], seen["after_big_screen"]
    assert first["screen"] == [0, 0, 1366, 768]
    assert first["fits"], first  # the frame, title bar included
    assert not first["review_visible"]  # nothing to review in a fresh journal
    assert seen["saved_geometry"] and again["fits"], again  # a geometry left on a big monitor is not restored


def _refusal(db, window) -> None:  # type: ignore[no-untyped-def]
    lesson, pupil = window.model.sheet.lessons[0], window.model.sheet.pupils[0]
    with db.write() as conn:  # as a sync stores a refusal
        conn.exec_driver_sql(
            "INSERT INTO rejected_op (seq, entity, entity_key, field, value, reason, message, rejected_at, seen) "
            "VALUES (7, 'cell', ?, 'mark', '9', 'period_closed', 'closed', '2026-11-21T09:00:00', 0)",
            (f"{lesson.id}/{pupil.id}",))


def test_the_review_panel_takes_no_room_while_it_has_nothing(make_window, db) -> None:
    window = make_window("criteria")
    window.refresh_review()
    assert not window.review_dock.isVisible()

    _refusal(db, window)
    window.refresh_review()
    assert window.review_dock.isVisible()

    window.review_panel.dismiss.click()  # seen: nothing left
    assert not window.review_dock.isVisible()


def test_a_course_picked_with_the_mouse_gives_the_keys_back_to_the_grid(make_window, qtbot) -> None:
    window = make_window("criteria")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.course_box.count() > 1
    qtbot.mouseClick(window.course_box, Qt.MouseButton.LeftButton)  # the list drops down
    popup = window.course_box.view()
    qtbot.waitUntil(popup.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # the popup ignores a release that closely follows its opening
    other = 1 if window.course_box.currentIndex() == 0 else 0
    place = popup.visualRect(popup.model().index(other, 0)).center()
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=place)

    assert window.course_box.currentIndex() == other
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Down)  # the arrow moves in the grid, not through the courses
    assert window.course_box.currentIndex() == other


def _fits(edit) -> bool:  # type: ignore[no-untyped-def]
    text = edit.text() or edit.placeholderText()
    return edit.width() - 8 >= edit.fontMetrics().horizontalAdvance(text)


def test_the_server_address_is_not_cut_off(qtbot) -> None:
    login = LoginDialog(None, "https://journal.school-152.almaty.edu.kz:8470", "aigerim")
    qtbot.addWidget(login)
    login.show()
    assert _fits(login.server)


def test_the_reason_hint_is_not_cut_off(qtbot) -> None:
    i18n.use_language("ru")
    try:
        final = FinalMarkDialog("Ахметов Ақжол", "criteria", "4 · 74,6%", 4, None)
        qtbot.addWidget(final)
        final.show()
        final.mark_box.setCurrentIndex(final.mark_box.findData(5))  # differs: the reason is asked for
        assert final.reason_edit.isEnabled() and _fits(final.reason_edit)
    finally:
        i18n.use_language("en")


def test_the_review_lines_wrap_in_a_narrow_panel(make_window, db, qtbot) -> None:
    window = make_window("criteria", language="ru")
    lesson, pupil = window.model.sheet.lessons[0], window.model.sheet.pupils[0]
    with db.write() as conn:  # as a sync would have stored it
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, entity_key, field, winner_value, loser_value, winner_device_id, "
            "loser_device_id, created_at) VALUES (41, 'cell', ?, 'mark', '6', '9', 'pc-a', 'pc-b', "
            "'2026-11-20T10:00:00+00:00')", (f"{lesson.id}/{pupil.id}",))
    window.refresh_review()
    window.resizeDocks([window.review_dock], [280], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.review_dock.width() <= 300)
    lines: QListWidget = window.review_panel.conflict_list
    item = lines.item(0)
    room = lines.visualItemRect(item)
    needed = QFontMetrics(lines.font()).boundingRect(0, 0, lines.viewport().width(), 10_000,
                                                      int(Qt.TextFlag.TextWordWrap), item.text())
    assert room.width() <= lines.viewport().width()
    assert needed.height() <= room.height(), (needed, room, item.text())
