"""The window's writes take one path (desktop.writes): each returns what it changed, and the grid patches
from that through the handler a sync run's changes go through, re-reading only those cells. Resolving a
conflict and an undo repaint the affected cell and its row's period result, and nothing else: the journal is
not re-read, and the topic being typed in the lesson panel stays, unsaved. A typed mark's period result is
the one a fresh load of the journal computes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.main_window import MainWindow
from storage.changed import Changed
from tests.desktop.conftest import TODAY
from tests.desktop.test_edits_window import _ready, _two_empty, _undo
from tests.desktop.test_journal_window import _cell, _first_writable, _go
from tests.desktop.test_sync_refresh import type_text


class Repaints:
    """What the grid's model tells its view while a test acts: the cells repainted, whether it was reset, and
    whether the journal was read again."""

    def __init__(self, window: MainWindow) -> None:
        self.cells: set[tuple[int, int]] = set()
        self.resets = self.reloads = 0
        model = window.model
        model.dataChanged.connect(lambda first, last, _roles=None: self.cells.update(
            (row, column) for row in range(first.row(), last.row() + 1)
            for column in range(first.column(), last.column() + 1)))
        model.modelReset.connect(self._reset)
        window.sheet_shown.connect(self._reload)

    def _reset(self) -> None:
        self.resets += 1

    def _reload(self) -> None:
        self.reloads += 1


def _topic(db, lesson_id: str) -> str | None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT topic FROM lesson WHERE id = ?", (lesson_id,)).scalar()


def test_resolving_a_conflict_repaints_its_cell_only_and_keeps_the_typed_topic(make_window, db, qtbot) -> None:
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
    _go(window, row, column)
    assert (row, column) in window.model.conflicts and window.lesson_panel.lesson_id == lesson_id
    topic = window.lesson_panel.topic
    topic.setFocus()
    topic.selectAll()  # typed over the topic there
    type_text(topic, "Бөлшектерді қосу")  # being typed: not finished, not saved
    sheet, repaints = window.model.sheet, Repaints(window)

    window.review_panel.keep_other.click()  # keep the 9

    assert _cell(db, window, row, column)[1] == 9
    assert window.model.data(window.model.index(row, column)) == "9"
    assert (row, column) not in window.model.conflicts
    assert window.review_panel.conflict_list.count() == 0
    assert window.model.sheet is sheet and repaints.reloads == repaints.resets == 0  # patched, not re-read
    assert repaints.cells == {(row, column), (row, window.model.result_column())}
    assert topic.text() == "Бөлшектерді қосу" and _topic(db, lesson_id) != "Бөлшектерді қосу"
    assert (window.view.currentIndex().row(), window.view.currentIndex().column()) == (row, column)


def test_an_undo_repaints_its_cell_only(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    _ready(qtbot, window)
    row, column = _two_empty(window)
    _go(window, row, column)
    qtbot.keyClicks(window.view, "8")
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.keyClicks(window.view, "l")  # late, in the cell below
    _go(window, row, column)  # the cursor elsewhere: the undo takes it to the cell it changes
    sheet, repaints = window.model.sheet, Repaints(window)

    _undo(qtbot, window)

    assert _cell(db, window, row + 1, column) == (None, None, None)
    assert window.model.data(window.model.index(row + 1, column)) is None
    assert window.model.data(window.model.index(row, column)) == "8"  # the edit before it stays
    assert window.model.sheet is sheet and repaints.reloads == repaints.resets == 0
    assert repaints.cells == {(row + 1, column), (row + 1, window.model.result_column())}
    assert (window.view.currentIndex().row(), window.view.currentIndex().column()) == (row + 1, column)


def _graded_empty_cell(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """An empty writable cell, of a lesson of this month, of a pupil with a graded period result in one of the
    teacher's journals marked 1–10 (the window switched to it)."""
    for index in range(window.course_box.count()):
        window.course_box.setCurrentIndex(index)
        model, sheet = window.model, window.model.sheet
        if sheet.scale != "criteria":  # marks 1–10, the result in percent
            continue
        for column in range(1, len(sheet.lessons) + 1):
            if not TODAY.replace(day=1) <= sheet.lessons[column - 1].date <= TODAY:
                continue
            for row, pupil in enumerate(sheet.pupils):
                computed = model.computed.get(pupil.id)
                if (computed is not None and computed.status == "graded" and model.editable(row, column)
                        and model.cell_values(row, column) == (None, None, None)):
                    return row, column
    raise AssertionError("no empty cell of a graded pupil")


def test_a_typed_mark_shows_with_the_period_result_a_fresh_load_computes(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    row, column = _graded_empty_cell(window)
    _go(window, row, column)

    def result() -> tuple:  # type: ignore[type-arg]
        index = window.model.index(row, window.model.result_column())
        return window.model.data(index), window.model.data(index, Qt.ItemDataRole.ToolTipRole)

    before = result()

    qtbot.keyClicks(window.view, "1")  # the lowest mark: the pupil's period result moves

    patched = result()
    assert window.model.data(window.model.index(row, column)) == "1"
    assert patched != before
    window.show_changed(Changed(everything=True))  # as after a first download: the journal read again whole
    assert result() == patched
