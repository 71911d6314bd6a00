"""A topic or homework typed and not yet left is not lost when the window locks (by itself after the idle
time, or on Ctrl+L): it is saved first, like leaving the field. The real window over the demo journal."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop.lock_screen import LockScreen
from tests.desktop.test_sync_refresh import type_text


def test_typing_in_the_lesson_panel_is_saved_when_the_window_locks(make_window, db, qtbot) -> None:
    window = make_window("criteria")
    with qtbot.waitActive(window):
        window.activateWindow()
    sheet = window.model.sheet
    lesson = sheet.lessons[0]
    window.view.setCurrentIndex(window.model.index(0, 1))
    assert window.lesson_panel.lesson_id == lesson.id
    window.use_lock_screen(LockScreen("Айгерім Т.", lambda _password: None))
    panel = window.lesson_panel
    panel.homework.setFocus()
    panel.homework.selectAll()
    type_text(panel.homework, "§ 4, 1–3 жаттығулар")
    panel.topic.setFocus()  # leaving the homework saves it
    panel.topic.selectAll()
    type_text(panel.topic, "Бөлшектерді қосу")  # still being typed

    window.lock()

    assert window.locked and panel.topic.text() == ""
    with db.read() as conn:
        saved = conn.exec_driver_sql("SELECT topic, homework FROM lesson WHERE id = ?", (lesson.id,)).one()
    assert tuple(saved) == ("Бөлшектерді қосу", "§ 4, 1–3 жаттығулар")


def test_the_lesson_panels_day_follows_a_language_switch(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window("criteria", language="kk")
    qtbot.waitUntil(lambda: window.lesson_panel.lesson_id is not None)
    day = window.lesson_panel.day
    assert window.lesson_panel.title.text() == QLocale("kk_KZ").toString(day, QLocale.FormatType.LongFormat)
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.lesson_panel.lesson_id is not None)
    assert window.lesson_panel.title.text() == QLocale("ru_RU").toString(window.lesson_panel.day,
                                                                           QLocale.FormatType.LongFormat)
