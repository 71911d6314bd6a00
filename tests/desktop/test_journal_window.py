"""A teacher's day in the grid, driven through the real widgets: keys typed into cells reach the journal
and its outbox, refusals are shown, courses and terms switch, conflicts are resolved from the panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.desktop.conftest import TODAY


def _first_writable(window, from_today: bool = True) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    model = window.model
    sheet = model.sheet
    for column in range(1, len(sheet.lessons) + 1):
        if from_today and sheet.lessons[column - 1].date < TODAY.replace(day=1):
            continue
        for row in range(len(sheet.pupils)):
            if model.editable(row, column) and model.cell_values(row, column) == (None, None, None):
                return row, column
    raise AssertionError("no empty writable cell")


def _go(window, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    window.view.setCurrentIndex(window.model.index(row, column))


def _cell(db, window, row: int, column: int) -> tuple:  # type: ignore[no-untyped-def]
    lesson_id, pupil_id = window.model.target(row, column)
    with db.read() as conn:
        found = conn.exec_driver_sql("SELECT attendance, mark, comment FROM lesson_cell WHERE lesson_id = ? AND "
                                     "pupil_id = ?", (lesson_id, pupil_id)).first()
    return tuple(found) if found else (None, None, None)


def _outbox(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT entity, entity_key, field, value FROM outbox_op ORDER BY seq").all()


def test_typing_a_mark_writes_the_cell_and_queues_it_for_the_server(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "8")

    assert _cell(db, window, row, column)[1] == 8
    assert window.model.data(window.model.index(row, column)) == "8"
    lesson_id, pupil_id = window.model.target(row, column)
    assert ("cell", f"{lesson_id}/{pupil_id}", "mark", "8") in _outbox(db)

    _go(window, row, 0)  # away and back: what is typed next is a new number
    _go(window, row, column)
    qtbot.keyClicks(window.view, "10")  # two keys at once: ФО points up to 10
    assert _cell(db, window, row, column)[1] == 10
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.view.currentIndex().row() == row + 1


def test_an_attendance_letter_and_delete(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "a")  # English letters: a = absent
    assert _cell(db, window, row, column)[0] == "absent"
    assert window.model.data(window.model.index(row, column)) == "a"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert _cell(db, window, row, column)[:2] == (None, None)
    assert window.model.data(window.model.index(row, column)) is None


def test_a_mark_of_7_on_the_classic_scale_is_refused_with_a_hint(make_window, qtbot, db) -> None:
    window = make_window("classic")
    row, column = _first_writable(window)
    _go(window, row, column)
    before = _outbox(db)
    qtbot.keyClicks(window.view, "7")
    assert "2–5" in window.hint.text()
    assert _cell(db, window, row, column) == (None, None, None) and _outbox(db) == before
    qtbot.keyClicks(window.view, "q")
    assert "q" in window.hint.text() and _outbox(db) == before
    qtbot.keyClicks(window.view, "4")
    assert window.hint.text() == "" and _cell(db, window, row, column)[1] == 4


def test_switching_course_and_term_shows_that_journal(make_window, db) -> None:
    window = make_window("criteria")
    term = window.period_box.currentText()
    assert term == "Term 2"  # the current term by default
    shown_course = window.course_box.currentData()
    window.course_box.setCurrentIndex(1)
    other = window.course_box.currentData()
    assert other != shown_course and window.model.sheet.course_id == other
    window.period_box.setCurrentIndex(0)
    assert window.model.sheet.start.isoformat() == "2026-09-01"
    with db.read() as conn:
        lessons = conn.exec_driver_sql("SELECT count(*) FROM lesson WHERE course_id = ? AND date <= '2026-10-25'",
                                       (other,)).scalar_one()
        works = conn.exec_driver_sql("SELECT count(*) FROM summative_work WHERE course_id = ? AND date <= '2026-10-24'",
                                     (other,)).scalar_one()
    assert window.model.columnCount() == 1 + lessons + works + 1  # names, lessons, СОР/СОЧ, the term's mark


def test_the_model_passes_qt_model_tester(make_window, qtmodeltester) -> None:
    window = make_window("criteria")
    qtmodeltester.check(window.model)


def test_a_conflict_is_marked_in_the_grid_and_resolved_from_the_panel(make_window, db, qtbot) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    lesson_id, pupil_id = window.model.target(row, column)
    with db.write() as conn:  # as a sync would have stored it
        conn.exec_driver_sql("INSERT INTO lesson_cell (lesson_id, pupil_id, mark, server_version) VALUES (?, ?, 6, 2)",
                             (lesson_id, pupil_id))
        conn.exec_driver_sql(
            "INSERT INTO sync_conflict (id, entity, entity_key, field, winner_value, loser_value, winner_device_id, "
            "loser_device_id, created_at) VALUES (41, 'cell', ?, 'mark', '6', '9', 'pc-a', 'pc-b', "
            "'2026-11-20T10:00:00')", (f"{lesson_id}/{pupil_id}",))
    window.open_journal()
    window.refresh_review()
    assert window.model.data(window.model.index(row, column), Qt.ItemDataRole.BackgroundRole) is not None
    assert window.review_panel.conflict_list.count() == 1
    assert "6" in window.review_panel.conflict_list.item(0).text()

    window.review_panel.keep_other.click()  # keep the 9

    assert _cell(db, window, row, column)[1] == 9
    assert ("conflict", "41", "resolve", "9") in _outbox(db)
    assert window.review_panel.conflict_list.count() == 0
    assert (row, column) not in window.model.conflicts


def _answer_next_dialog(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` into the next modal dialog and press OK (as the teacher would)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        editor = dialog.findChild(QPlainTextEdit) or dialog.findChild(QLineEdit)
        editor.setPlainText(text) if isinstance(editor, QPlainTextEdit) else editor.setText(text)
        assert isinstance(dialog, QDialog)
        dialog.accept()

    QTimer.singleShot(20, answer)


def test_a_comment_opens_with_f2_and_is_saved(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    _go(window, row, column)
    _answer_next_dialog(qtbot, "Жақсы жауап берді")
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert _cell(db, window, row, column)[2] == "Жақсы жауап берді"
    assert window.model.data(window.model.index(row, column), Qt.ItemDataRole.ToolTipRole) == "Жақсы жауап берді"
    lesson_id, pupil_id = window.model.target(row, column)
    assert ("cell", f"{lesson_id}/{pupil_id}", "comment", '"Жақсы жауап берді"') in _outbox(db)


def test_the_lesson_panel_saves_the_topic_and_adds_a_lesson(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    _go(window, row, column)
    lesson_id = window.model.target(row, column)[0]
    assert window.lesson_panel.lesson_id == lesson_id
    window.lesson_panel.topic.setText("Бөлшектер")
    window.lesson_panel.topic.editingFinished.emit()
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT topic FROM lesson WHERE id = ?", (lesson_id,)).scalar() == "Бөлшектер"

    lessons_before = len(window.model.sheet.lessons)
    day = next(lesson.date for lesson in window.model.sheet.lessons if lesson.date > TODAY)
    window.lesson_panel.add_lesson.emit(day, 7)  # an extra lesson, 7th in the day
    assert len(window.model.sheet.lessons) == lessons_before + 1
    assert ("lesson", "create") in {(r[0], r[2]) for r in _outbox(db)}


def test_refused_edits_are_listed_with_the_reason_and_the_value(make_window, db) -> None:
    window = make_window("criteria")
    row, column = _first_writable(window)
    lesson_id, pupil_id = window.model.target(row, column)
    with db.write() as conn:  # as a sync stores a refusal
        conn.exec_driver_sql(
            "INSERT INTO rejected_op (seq, entity, entity_key, field, value, reason, message, rejected_at, seen) "
            "VALUES (7, 'cell', ?, 'mark', '9', 'period_closed', 'closed', '2026-11-21T09:00:00', 0)",
            (f"{lesson_id}/{pupil_id}",))
    window.refresh_review()
    text = window.review_panel.rejected_list.item(0).text()
    assert "9" in text and "the period is closed" in text and window.model.sheet.pupils[row].last_name in text
    window.review_panel.dismiss.click()
    assert window.review_panel.rejected_list.count() == 0


def test_the_window_and_name_column_come_back_as_they_were_left(make_window, settings) -> None:
    window = make_window("criteria")
    window.resize(701, 503)  # (offscreen, the screen is 800 × 600)
    window.view.setColumnWidth(0, 300)
    left = window.size()
    assert left != make_window("criteria").size()  # a window never resized opens at its own default size
    window.close()
    again = make_window("criteria")
    assert again.size() == left
    assert again.view.columnWidth(0) == 300


def test_the_term_column_shows_each_pupils_computed_result_and_its_parts(make_window) -> None:
    window = make_window("criteria")
    model = window.model
    if {r.status for r in model.computed.values()} == {"half_year_only"}:  # a one-hour subject: no term mark
        assert model.data(model.index(0, model.columnCount() - 1)) == "—"
        window.period_box.setCurrentIndex(window.period_box.findText("Half-year 1"))
    last = model.columnCount() - 1
    shown = {}
    for row, pupil in enumerate(model.sheet.pupils):
        result = model.computed[pupil.id]
        text = model.data(model.index(row, last))
        tip = model.data(model.index(row, last), Qt.ItemDataRole.ToolTipRole)
        shown[result.status] = text
        if result.status == "graded":
            assert text == f"{result.mark} · {float(result.percent):.1f}%"
            assert tip.endswith(f"→ {float(result.percent):.1f}% (Order No. 125 (2023), rounded half up)")
        elif result.status == "not_attested":
            assert text == "n/a" and "not written" in tip
    assert {"graded", "not_attested"} & set(shown)  # the demo term has results to show
