"""The journal grid: a QTableView over JournalModel with the pupils' names frozen at the left while the
lessons scroll (Qt's "frozen column" recipe: a second view over the same model and selection, laid over
the first), and the keys a teacher types turned into signals for the window: a character typed into a
cell, Delete, and the comment key (F2 or a double-click). Enter moves down, Tab right, arrows as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.journal_model import JournalModel

NAME_WIDTH = 220
LESSON_WIDTH = 46


class JournalView(QTableView):
    typed = Signal(int, int, str)  # row, column, the character
    cleared = Signal(int, int)
    comment_requested = Signal(int, int)

    def __init__(self, model: JournalModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._place_frozen()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self._place_frozen()

    def scrollTo(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        if index.column() > 0:  # never scroll a lesson under the frozen names
            super().scrollTo(index, hint)
            rect = self.visualRect(index)
            if rect.left() < self.columnWidth(0):
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + rect.left() - self.columnWidth(0))

    # -- keys ---------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key = event.key()
        if index.isValid():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
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
                self.typed.emit(index.row(), index.column(), text)
                return
        super().keyPressEvent(event)
