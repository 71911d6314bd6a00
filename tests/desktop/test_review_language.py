"""The review panel names a refused edit's subject in the interface language (storage.review_places)."""

from __future__ import annotations

import pytest

from tests.desktop.test_journal_window import _first_writable


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_a_refused_edit_names_its_subject_in_the_interface_language(make_window, db, language: str) -> None:
    window = make_window("criteria", language)
    row, column = _first_writable(window)
    lesson_id, pupil_id = window.model.target(row, column)
    with db.write() as conn:  # as a sync stores a refusal
        conn.exec_driver_sql(
            "INSERT INTO rejected_op (seq, entity, entity_key, field, value, reason, message, rejected_at, seen) "
            "VALUES (7, 'cell', ?, 'mark', '9', 'period_closed', 'closed', '2026-11-21T09:00:00', 0)",
            (f"{lesson_id}/{pupil_id}",))
        names = dict(zip(("kk", "ru", "en"), conn.exec_driver_sql(
            "SELECT s.name_kk, s.name_ru, s.name_en FROM course c JOIN subject s ON s.id = c.subject_id "
            "WHERE c.id = ?", (window.model.sheet.course_id,)).one(), strict=True))

    window.refresh_review()

    shown = window.review_panel.rejected_list.item(0).text()
    assert names[language] in shown
    assert not any(name in shown for other, name in names.items() if other != language)
