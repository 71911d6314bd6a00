"""A course taken from the teacher (handed over, a substitution over) while its journal is on screen: after the
sync drops it, the window lists her courses without it and shows another of hers, with no error."""

from __future__ import annotations

from storage import course_set
from storage.changed import Changed


def test_a_course_dropped_by_a_sync_leaves_the_window_for_another(make_window, db) -> None:  # type: ignore[no-untyped-def]
    window = make_window("criteria")
    shown = window.course_box.currentData()
    assert window.model.sheet is not None and window.model.sheet.course_id == shown
    others = [window.course_box.itemData(i) for i in range(window.course_box.count())
              if window.course_box.itemData(i) != shown]
    assert others, "the teacher has another course"
    errors: list[str] = []
    window._show_error = lambda error: errors.append(str(error))  # type: ignore[method-assign]
    with db.write() as conn:
        conn.exec_driver_sql("DELETE FROM outbox_op")  # (nothing of hers waits: the sync sent it first)
    assert course_set.drop(db, [shown])
    window.show_changed(Changed(everything=True))
    listed = [window.course_box.itemData(i) for i in range(window.course_box.count())]
    assert shown not in listed and listed == others
    assert window.model.sheet is not None and window.model.sheet.course_id == others[0]
    assert errors == []
