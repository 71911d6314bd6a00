"""The final-mark dialog offers no mark as if it were one: with nothing computed, set or typed, it opens on
"Choose a mark" with OK disabled and says why a reason will be needed; with a computed mark, on that."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop.final_mark_dialog import FinalMarkDialog


def _ok(dialog: FinalMarkDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_with_nothing_computed_no_mark_is_preselected(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FinalMarkDialog("Ахметов Ақжол", "classic", None, None, None)
    qtbot.addWidget(dialog)
    assert dialog.mark_box.currentIndex() == -1 and dialog.mark_box.currentText() == ""
    assert not _ok(dialog) and "No mark can be computed" in dialog.note.text()
    dialog.mark_box.setCurrentIndex(dialog.mark_box.findData(4))
    assert not _ok(dialog) and dialog.reason_edit.isEnabled()  # a 4 over nothing computed needs its reason
    dialog.reason_edit.setText("ауырып, тоқсанның көбін өткізіп алды")
    assert _ok(dialog) and dialog.chosen() == (4, "ауырып, тоқсанның көбін өткізіп алды")


def test_a_computed_mark_is_preselected_and_needs_no_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FinalMarkDialog("Ахметов Ақжол", "classic", "4 · 74,6%", 4, None)
    qtbot.addWidget(dialog)
    assert dialog.mark_box.currentData() == 4 and _ok(dialog) and dialog.chosen() == (4, None)
