"""Assessment in the grid, through the real widgets: СОР/СОЧ columns headed with their maxima take points,
a final mark over the computed one asks for the reason, a new summative work shows the scheduling rule it
breaks (the reports: test_reports_window)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from desktop.final_mark_dialog import FinalMarkDialog
from desktop.work_dialog import WorkDialog


def _when_modal(kind: type, act) -> None:  # type: ignore[no-untyped-def]
    """Run `act(dialog)` on the next modal dialog of `kind`, as the teacher would fill it."""
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        act(dialog)

    QTimer.singleShot(20, look)


def _outbox(db) -> list:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT entity, entity_key, field, value FROM outbox_op ORDER BY seq").all()


def test_summative_columns_show_their_maxima_and_take_points(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    model, sheet = window.model, window.model.sheet
    assert sheet.works, "the demo term has summative works"
    work = max(range(len(sheet.works)), key=lambda j: sheet.works[j].max_points)
    column = len(sheet.lessons) + 1 + work
    top = sheet.works[work].max_points
    header = model.headerData(column, Qt.Orientation.Horizontal)
    assert header.endswith(f"/{top}") and header.startswith(("SOR", "SOCH"))
    assert sheet.works[work].title in model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    row = next(r for r in range(len(sheet.pupils)) if model.editable(r, column))
    window.view.setCurrentIndex(model.index(row, column))

    wanted = min(top, 15)
    qtbot.keyClicks(window.view, str(wanted))  # two digits at once make one score
    work_id, pupil_id = sheet.works[work].id, sheet.pupils[row].id
    with db.read() as conn:
        stored = conn.exec_driver_sql("SELECT points FROM summative_score WHERE work_id = ? AND pupil_id = ?",
                                      (work_id, pupil_id)).scalar()
    assert stored == wanted and model.data(model.index(row, column)) == str(wanted)
    assert ("score", f"{work_id}/{pupil_id}", "points", str(wanted)) in _outbox(db)

    before = _outbox(db)
    qtbot.keyClicks(window.view, "x")
    assert f"0–{top}" in window.hint.text() and _outbox(db) == before
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert model.data(model.index(row, column)) is None


def test_a_final_mark_over_the_computed_one_needs_a_reason(make_window, qtbot, db) -> None:
    window = make_window("classic")
    model, sheet = window.model, window.model.sheet
    row = next(r for r, p in enumerate(sheet.pupils) if model.computed[p.id].status == "graded")
    pupil = sheet.pupils[row]
    computed = model.computed[pupil.id].mark
    other = 2 if computed != 2 else 5
    window.view.setCurrentIndex(model.index(row, model.result_column()))
    seen = {}

    def fill(dialog: FinalMarkDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["ok_without_reason"] = ok.isEnabled()
        dialog.findChild(QLineEdit, "finalReason").setText("Тоқсандық жұмысты қайта жазды")
        seen["ok_with_reason"] = ok.isEnabled()
        ok.click()

    _when_modal(FinalMarkDialog, fill)
    qtbot.keyClicks(window.view, str(other))  # typing a mark in the term column opens the dialog with it

    assert seen == {"ok_without_reason": False, "ok_with_reason": True}
    course_id, period_id = window.course_box.currentData(), window.period_box.currentData()
    with db.read() as conn:
        stored = conn.exec_driver_sql("SELECT final_mark, final_reason, computed_mark FROM period_mark WHERE "
                                      "course_id = ? AND period_id = ? AND pupil_id = ?",
                                      (course_id, period_id, pupil.id)).first()
    assert tuple(stored) == (other, "Тоқсандық жұмысты қайта жазды", computed)
    cell = window.model.index(row, window.model.result_column())
    assert window.model.data(cell) == f"{other} *"
    assert "Тоқсандық жұмысты қайта жазды" in window.model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert [op for op in _outbox(db) if op[0] == "result"]

    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # back to the computed mark
    assert window.model.data(window.model.index(row, window.model.result_column())) == str(computed)


def test_a_soch_on_the_last_day_of_the_term_is_added_with_a_warning(make_window, qtbot, db) -> None:
    window = make_window("criteria")
    with db.read() as conn:  # graded by criteria, more than one hour a week: a one-hour subject has no СОЧ
        fit = {c for (c,) in conn.exec_driver_sql("SELECT c.id FROM course c JOIN school_class k ON k.id = c.class_id "
                                                  "WHERE c.scale = 'criteria' AND c.hours_per_week > 1 "
                                                  "AND k.grade > 1")}
    index = next(i for i in range(window.course_box.count()) if window.course_box.itemData(i) in fit)
    window.course_box.setCurrentIndex(index)
    end = next(p.end for p in window.periods if p.id == window.period_box.currentData())

    def fill(dialog: WorkDialog) -> None:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("soch"))
        dialog.title_edit.setText("ТЖБ 2-тоқсан")
        dialog.date_edit.setDate(end)
        dialog.points_box.setValue(25)
        dialog.accept()

    _when_modal(WorkDialog, fill)
    window.add_work_action.trigger()

    assert "last day of the term" in window.hint.text()
    assert any(w.title == "ТЖБ 2-тоқсан" and w.max_points == 25 for w in window.model.sheet.works)


def test_a_work_is_offered_only_where_it_would_count(make_window, qtbot, db) -> None:
    """A pass/fail course offers no summative work to add; a one-hour subject offers a СОР, not a СОЧ; a course
    of more hours both (core.write_rules.work_kinds, the rule the journal and the server refuse by); a course of
    the class she is the class teacher of, kept by its own teacher, none."""
    window = make_window("passfail")
    with db.read() as conn:
        kinds = {c: (scale, grade, hours) for c, scale, grade, hours in conn.exec_driver_sql(
            "SELECT c.id, c.scale, k.grade, c.hours_per_week FROM course c JOIN school_class k ON k.id = c.class_id")}
    seen = set()
    for index in range(window.course_box.count()):
        window.course_box.setCurrentIndex(index)
        scale, grade, hours = kinds[window.course_box.itemData(index)]
        mine = next(c.mine for c in window.courses if c.id == window.course_box.itemData(index))
        expected = scale == "criteria" and grade > 1 and mine
        assert window.add_work_action.isEnabled() == expected, (scale, grade, hours)
        seen.add(expected)
        if expected:
            offered: list[str] = []

            def look(dialog: WorkDialog, offered: list[str] = offered) -> None:
                offered.extend(dialog.kind_box.itemData(i) for i in range(dialog.kind_box.count()))
                dialog.reject()

            _when_modal(WorkDialog, look)
            window.add_work_action.trigger()
            assert offered == (["sor"] if hours == 1 else ["sor", "soch"])
    assert seen == {True, False}, "the teacher has courses of both kinds"
