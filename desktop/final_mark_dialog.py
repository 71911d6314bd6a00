"""The dialog for a pupil's final period mark: the computed result shown, a mark chosen, and — when it differs
from the computed mark — the reason, without which the journal (and the server) refuse the override.
Choosing the computed mark removes an override."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.final_marks import FINAL_MARK_RANGES
from desktop import screen_fit


class FinalMarkDialog(QDialog):
    def __init__(self, pupil: str, scale: str, computed_text: str | None, computed_mark: int | None,
                 current: tuple[int, str | None] | None, typed: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Final mark"))
        self.computed_mark = computed_mark
        low, high = FINAL_MARK_RANGES.get(scale, (2, 5))
        self.mark_box = QComboBox()
        self.mark_box.setObjectName("finalMark")
        for mark in range(high, low - 1, -1):
            shown = {1: self.tr("pass"), 0: self.tr("fail")}[mark] if scale == "passfail" else str(mark)
            self.mark_box.addItem(shown, mark)
        self.mark_box.setPlaceholderText(self.tr("Choose a mark"))
        chosen = typed if typed is not None else (current[0] if current else computed_mark)
        # Nothing typed, set or computed: no mark is offered as if it were one (the box shows "Choose a mark").
        self.mark_box.setCurrentIndex(self.mark_box.findData(chosen) if chosen is not None else -1)
        self.reason_edit = QLineEdit(current[1] or "" if current else "")
        self.reason_edit.setObjectName("finalReason")
        self.reason_edit.setPlaceholderText(self.tr("Why the final mark differs from the computed one"))
        screen_fit.wide_enough(self.reason_edit, self.reason_edit.placeholderText(), self.reason_edit.text())
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(QLabel(pupil))
        form.addRow(self.tr("Computed:"), QLabel(computed_text or "—"))
        form.addRow(self.tr("Final mark:"), self.mark_box)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.mark_box.currentIndexChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()

    def needs_reason(self) -> bool:
        return self.mark_box.currentData() is not None and self.mark_box.currentData() != self.computed_mark

    def _check(self) -> None:
        none_chosen = self.mark_box.currentData() is None
        missing = none_chosen or (self.needs_reason() and not self.reason_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.reason_edit.setEnabled(self.needs_reason())
        if self.computed_mark is None:
            self.note.setText(self.tr("No mark can be computed for this period yet (too few marks or summative "
                                      "works count so far), so a final mark needs a reason."))
        elif self.needs_reason():
            self.note.setText(self.tr("A final mark different from the computed one needs a reason; it is kept in "
                                      "the audit log."))
        else:
            self.note.setText(self.tr("The computed mark stands; no reason is needed."))

    def chosen(self) -> tuple[int, str | None]:
        """(mark, reason); the reason is None when the computed mark was chosen."""
        mark = self.mark_box.currentData()
        return mark, (self.reason_edit.text().strip() or None) if self.needs_reason() else None
