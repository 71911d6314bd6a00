"""The dialog for a pupil's exam mark (the final attestation, grades 9 and 11) or year test mark (after a year 2) in
the subject, on the year: the kind offered where it applies, a mark 2–5, or none to clear it. The subject's final
mark follows from it (core.grading)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget


class AttestationDialog(QDialog):
    def __init__(self, pupil: str, kinds: list[str], current: tuple[str, int] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exam or year test mark"))
        names = {"exam": self.tr("Final attestation exam"), "year_test": self.tr("Year test (after a year 2)")}
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("attestationKind")
        for kind in kinds:
            self.kind_box.addItem(names[kind], kind)
        if current is not None:
            self.kind_box.setCurrentIndex(max(self.kind_box.findData(current[0]), 0))
        self.mark_box = QComboBox()
        self.mark_box.setObjectName("attestationMark")
        self.mark_box.addItem(self.tr("none (clear)"), None)
        for mark in range(5, 1, -1):
            self.mark_box.addItem(str(mark), mark)
        self.mark_box.setCurrentIndex(max(self.mark_box.findData(current[1]), 0) if current else 1)
        form = QFormLayout(self)
        form.addRow(QLabel(pupil))
        form.addRow(self.tr("Kind:"), self.kind_box)
        form.addRow(self.tr("Mark:"), self.mark_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> tuple[str | None, int | None]:
        """(kind, mark); (None, None) clears it."""
        mark = self.mark_box.currentData()
        return (None, None) if mark is None else (self.kind_box.currentData(), mark)
