"""The journal grid: a QTableView over JournalModel with the pupils' names frozen at the left while the
lessons scroll (Qt's "frozen column" recipe: a second view over the same model and selection, laid over
the first), and the keys a teacher types turned into signals for the window: a key typed into a cell (a
desktop.cell_input.Keystroke, carrying the key's place on the keyboard so that marks type on any layout),
Delete, and the comment key (F2 or a double-click). Enter moves down, Tab right, arrows as usual. The digits
being typed into a cell (DigitRuns) end when the cursor moves. KeyLegend is the line of keys a cell takes.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from core.attendance import Attendance
from core.validation import MARK_RANGES
from desktop.cell_input import NUMBER_ROW, DigitRuns, keystroke
from desktop.journal_model import JournalModel

NAME_WIDTH = 220
LESSON_WIDTH = 46


def key_place(event: QKeyEvent) -> int | None:
    """Where the key is on the keyboard, as its set-1 scan code, whatever layout is on; None where the platform
    does not say (Qt's offscreen platform, or a key synthesised without one)."""
    code = event.nativeScanCode()
    if sys.platform.startswith("linux"):  # X11 and Wayland give xkb key codes: evdev's (= set-1) + 8
        return code - 8 if code > 8 else None
    if sys.platform == "win32":
        if code:
            return code  # 0x100 marks an extended key (arrows, the keypad's Enter): none is in our tables
        virtual = event.nativeVirtualKey()  # VK_0..VK_9 name the number row in every layout, KBDKAZ's too
        digit = chr(virtual) if 0x30 <= virtual <= 0x39 else ""
        return next((place for place, d in NUMBER_ROW.items() if d == digit), None)
    return None


class JournalView(QTableView):
    typed = Signal(int, int, object)  # row, column, the desktop.cell_input.Keystroke
    cleared = Signal(int, int)
    comment_requested = Signal(int, int)

    def __init__(self, model: JournalModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digit_runs = DigitRuns()
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setDefaultSectionSize(LESSON_WIDTH)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.frozen = QTableView(self)
        self.frozen.setObjectName("frozenNames")
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        self.frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.frozen.verticalHeader().hide()
        self.frozen.verticalHeader().setDefaultSectionSize(24)
        self.frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frozen.setStyleSheet("QTableView#frozenNames { border: none; }")
        self.viewport().stackUnder(self.frozen)
        self.frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(self.frozen.verticalScrollBar().setValue)
        self.frozen.clicked.connect(lambda index: self.setCurrentIndex(self.model().index(index.row(), 1)))
        model.modelReset.connect(self._after_reset)
        self.horizontalHeader().sectionResized.connect(self._name_resized)
        self.doubleClicked.connect(lambda index: self.comment_requested.emit(index.row(), index.column()))
        self._after_reset()

    # -- the frozen names -------------------------------------------------------------------------

    def _after_reset(self) -> None:
        columns = self.model().columnCount()
        self.setColumnWidth(0, NAME_WIDTH)
        self.frozen.setColumnWidth(0, NAME_WIDTH)
        for column in range(1, columns):
            self.frozen.setColumnHidden(column, True)
        if columns:
            self.setColumnWidth(columns - 1, 96)
        self.frozen.show()
        self._place_frozen()

    def _name_resized(self, section: int, _old: int, size: int) -> None:
        if section == 0:
            self.frozen.setColumnWidth(0, size)
            self._place_frozen()

    def _place_frozen(self) -> None:
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())  # rows line up
        self.frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
                                self.columnWidth(0), self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place_frozen()

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() > 0:  # never scroll a lesson under the frozen names
            super().scrollTo(index, hint)
            rect = self.visualRect(index)
            if rect.left() < self.columnWidth(0):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - self.columnWidth(0))

    # -- keys ---------------------------------------------------------------------------------------

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid():
            self.digit_runs.moved_to((current.row(), current.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        if index.isValid():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.digit_runs.held_at((index.row(), index.column())):
                    return  # the number typed here was refused: the teacher types it again here
                self.setCurrentIndex(self.model().index(min(index.row() + 1, self.model().rowCount() - 1),
                                                        index.column()))
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.cleared.emit(index.row(), index.column())
                return
            if key == Qt.Key.Key_F2:
                self.comment_requested.emit(index.row(), index.column())
                return
            text = event.text()
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
            if text and text.isprintable() and not text.isspace() and not modifiers:
                self.typed.emit(index.row(), index.column(), keystroke(text, key_place(event)))
                return
        super().keyPressEvent(event)


class KeyLegend(QLabel):
    """The keys a journal cell takes, for the course shown: its marks, the attendance letters, Delete, F2."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyLegend")
        self.setStyleSheet("QLabel#keyLegend { color: #555; margin-left: 16px; }")
        self.scale: str | None = None
        self.letters: dict[str, Attendance] = {}

    def show_keys(self, scale: str | None, letters: dict[str, Attendance]) -> None:
        self.scale, self.letters = scale, letters
        self.retranslate()

    def retranslate(self) -> None:
        if self.scale is None:
            self.setText("")
            return
        names = {Attendance.ABSENT: self.tr("absent"), Attendance.ILL: self.tr("ill"),
                 Attendance.EXCUSED: self.tr("excused"), Attendance.LATE: self.tr("late")}
        parts = [_marks(self.scale)]
        for code in Attendance:
            chosen = "/".join(letter for letter, c in self.letters.items() if c == code)
            if chosen:
                parts.append(f"{chosen} {names[code]}")
        parts += [self.tr("Delete: clear"), self.tr("F2: comment")]
        self.setText("  ·  ".join(p for p in parts if p))
        self.setToolTip(self.tr("Marks type on the number row whatever the keyboard layout; a letter key means "
                                "its letter in either script."))


def _marks(scale: str) -> str:
    if scale == "passfail":
        return QCoreApplication.translate("KeyLegend", "1 pass, 0 fail")
    if scale not in MARK_RANGES:
        return ""
    low, high = MARK_RANGES[scale]
    if scale == "criteria":
        return QCoreApplication.translate("KeyLegend", "%1 points").replace("%1", f"{low}–{high}")
    return QCoreApplication.translate("KeyLegend", "marks %1").replace("%1", f"{low}–{high}")
