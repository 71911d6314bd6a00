"""The main window: the teacher's courses and the period to show, the journal grid (lessons, СОР/СОЧ scores,
the period's mark), the lesson panel, the review panel (conflicts, refusals), the sync bar, and the journal
menu (a new summative work, final marks, the year's reports, today's lessons). It opens on the teacher's
lesson in progress or next by the timetable and bells, and marks today's column. Every read and write of the
journal goes through the serial worker; the window only shows what comes back. Reads are storage's queries;
every write is one of desktop.write_jobs run by desktop.writes, and what it changed reaches the grid and the
panels through one handler, `show_changed`, the one a sync run's changes go through too."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from core import final_marks, term_results
from core.errors import JournalError
from desktop import i18n, messages, screen_fit, sheet_refresh, write_jobs
from desktop import settings as options
from desktop.cell_input import CellInput, Keystroke, interpret, score_input
from desktop.journal_access import JournalAccess
from desktop.journal_model import JournalModel
from desktop.journal_view import JournalView, KeyLegend
from desktop.lesson_panel import LessonPanel
from desktop.review_panel import Review, ReviewPanel, load_review
from desktop.settings import Settings
from desktop.sync_bar import SyncBar
from desktop.worker import Worker
from desktop.writes import Writes
from storage import day_lessons, journal_sheet, lesson_details, sheet_choices
from storage.sheet_choices import CourseChoice, PeriodChoice

if TYPE_CHECKING:
    import sqlite3

    from desktop.lock_screen import LockScreen
    from storage.changed import Changed
    from storage.journal import Change, Step
    from sync.session import RunSummary
    from sync.status import SyncStatus


def load_sheet(conn: sqlite3.Connection, course_id: int, period_id: int,
               today: dt.date) -> tuple[journal_sheet.JournalSheet, set, dict]:
    """The journal, the cells in it with an open conflict (see storage.conflicts) and each pupil's computed
    result for the period (core.term_results)."""
    sheet = journal_sheet.load(conn, course_id, period_id)
    computed = term_results.compute(conn, course_id, period_id, [p.id for p in sheet.pupils], today)
    return sheet, sheet_refresh.open_clashes(conn, sheet), computed


# After the first journal is on screen, the heavy part of the storage layer (SQLAlchemy, for writing) loads
# on the worker; waiting this long first keeps that load from competing with the first frames for the GIL.
SETTLE_MS = 400


def _mounted_volumes() -> list[str]:
    """The roots of the volumes mounted now (a USB stick among them when one is in)."""
    from PySide6.QtCore import QStorageInfo

    return [v.rootPath() for v in QStorageInfo.mountedVolumes() if v.isValid() and v.isReady()]


class MainWindow(QMainWindow):
    sheet_shown = Signal()  # a journal is on screen (tests and the benchmark wait for it)
    settled = Signal()  # the first journal has been on screen a moment: time for background work
    signed_out = Signal(object)  # the sign-out's outcome, from the engine's thread: whether the server was told
    stick_synced = Signal(object)  # a sync by a USB stick's outcome (sync.bundles.FolderSync), from the engine's thread
    stick_carried = Signal(object)  # bundles found on a stick just inserted, carried (list of sync.bundles.Carried)

    def __init__(self, access: JournalAccess, worker: Worker, settings: Settings, language: str,
                 today: dt.date | None = None, parent: QWidget | None = None, now: dt.time | None = None) -> None:
        super().__init__(parent)
        self.access, self.worker, self.settings = access, worker, settings
        self.language = language
        self.today = today or dt.date.today()
        self._now = now  # the time of day, fixed (tests); None: the clock's
        self._aim_lesson: str | None = None  # the lesson the next journal shown puts the cursor on
        self._aim_work: str | None = None  # a summative work just added: the next journal shown goes to its column
        self.engine: Any = None
        self.courses: list[CourseChoice] = []
        self.periods: list[PeriodChoice] = []
        self.classes: list[tuple[int, str]] = []  # those the PC holds whole, so reports on (sheet_choices.classes)
        self._shown_once = False
        self.refusals = 0  # the journal's refusals shown so far (closing waits for the writes and counts them)
        self.writes = Writes(worker, self.show_changed, self._show_error, self._wrote)

        self.model = JournalModel(self)
        self.model.today = self.today
        self.view = JournalView(self.model)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.setCentralWidget(self.pages)
        self.lock_screen: LockScreen | None = None
        self.locked = False
        self.view.typed.connect(self.on_typed)
        self.view.cleared.connect(self.on_cleared)
        self.view.comment_requested.connect(self.on_comment)
        self.view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_lesson(current.column()))

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("journalToolbar")
        self.course_box = QComboBox()
        self.course_box.setObjectName("courseBox")
        self.course_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.toolbar.addWidget(self.course_box)
        self.toolbar.addWidget(self.period_box)
        self.key_legend = KeyLegend()  # beside the boxes, where the toolbar has room (and hides it when locked)
        self.toolbar.addWidget(self.key_legend)
        self.addToolBar(self.toolbar)
        self.course_box.currentIndexChanged.connect(lambda _i: self.open_journal())
        self.period_box.currentIndexChanged.connect(lambda _i: self.open_journal())
        for box in (self.course_box, self.period_box):  # chosen with the mouse: the keys go back to the grid
            box.activated.connect(lambda _i: self.view.setFocus())

        self.lesson_panel = LessonPanel()
        self.lesson_panel.topic_edited.connect(lambda lesson, text: self._set_lesson_text(lesson, "topic", text))
        self.lesson_panel.homework_edited.connect(lambda lesson, text: self._set_lesson_text(lesson, "homework", text))
        self.lesson_panel.add_lesson.connect(self.on_add_lesson)
        self.lesson_panel.cancel_lesson.connect(self.on_cancel_lesson)
        self.lesson_panel.restore_lesson.connect(lambda lesson: self.on_cancel_lesson(lesson, None))
        self.lesson_panel.move_lesson.connect(self.on_move_lesson)
        self.review_panel = ReviewPanel()
        self.review_panel.resolve.connect(self.on_resolve)
        self.review_panel.dismiss_rejections.connect(self.on_dismiss)
        self.lesson_dock = self._dock("lessonDock", self.lesson_panel)
        self.review_dock = self._dock("reviewDock", self.review_panel)

        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setStyleSheet("color: #a33;")
        self.sync_bar = SyncBar()
        self.statusBar().addWidget(self.hint, 1)
        self.statusBar().addPermanentWidget(self.sync_bar)

        self.journal_menu = self.menuBar().addMenu("")
        self.add_work_action = QAction(self)
        self.add_work_action.triggered.connect(self.on_add_work)
        self.edit_work_action = QAction(self)
        self.edit_work_action.triggered.connect(self.on_edit_work)
        self.final_mark_action = QAction(self)
        self.final_mark_action.setShortcut("Ctrl+M")
        self.final_mark_action.triggered.connect(lambda _checked: self.on_final_mark())  # not `checked` as the mark
        self.attestation_action = QAction(self)
        self.attestation_action.triggered.connect(self.on_attestation)
        self.reports_action = QAction(self)
        self.reports_action.setShortcut("Ctrl+R")
        self.reports_action.triggered.connect(self.on_reports)
        self.class_summary_action = QAction(self)
        self.class_summary_action.triggered.connect(self.on_class_summary)
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.on_backup_to_stick)
        self.journal_page_action = QAction(self)
        self.journal_page_action.setShortcut(QKeySequence.StandardKey.Print)
        self.journal_page_action.triggered.connect(self.on_save_journal_page)
        self.lock_action = QAction(self)
        self.lock_action.setShortcut("Ctrl+L")
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setEnabled(False)  # until there is a profile to unlock with (use_lock_screen)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.close)
        for action in (self.add_work_action, self.edit_work_action, self.final_mark_action, self.attestation_action,
                       self.reports_action, self.class_summary_action, self.journal_page_action, self.backup_action,
                       self.lock_action, self.quit_action):
            self.journal_menu.addAction(action)
        self.edit_menu = self.menuBar().addMenu("")
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(lambda: self.on_undo("undo"))
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(lambda: self.on_undo("redo"))
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.account_menu = self.menuBar().addMenu("")
        self.password_action = QAction(self)
        self.password_action.setObjectName("changePassword")
        self.password_action.triggered.connect(self.on_change_password)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOut")
        self.sign_out_action.triggered.connect(self.on_sign_out)
        self.stick_action = QAction(self)
        self.stick_action.setObjectName("syncByStick")
        self.stick_action.triggered.connect(self.on_stick_sync)
        self.relay_action = QAction(self, checkable=True)
        self.relay_action.setObjectName("relayHost")
        self.relay_action.toggled.connect(self.on_relay)
        self.relay: Any = None  # the LAN relay this PC runs (sync.relay.Relay), when it is one
        self.account_menu.addActions([self.stick_action, self.relay_action, self.password_action,
                                      self.sign_out_action])
        self.account_menu.menuAction().setVisible(False)  # until there is a server to hold an account (attach_sync)
        self.signed_out.connect(self._show_signed_out)
        self.stick_synced.connect(self._show_stick_sync)
        self.stick_carried.connect(self._show_stick_carried)
        self.volumes: Callable[[], list[str]] = _mounted_volumes  # (a test gives its own)
        self._seen_volumes: set[str] = set()
        self.stick_timer = QTimer(self)
        self.stick_timer.timeout.connect(self._watch_sticks)
        self.language_menu = self.menuBar().addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True, checked=code == language)
            action.triggered.connect(lambda _checked, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self._add_today_action()
        self.retranslate()
        self._restore_layout()

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    # -- starting ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the courses and, at the current term, the journal of the teacher's lesson in progress or next by
        the bells (storage.day_lessons), else of the last (or first) course, in one job."""
        teacher = None if self.access.is_admin else self.access.actor_id
        last, today, now, me = self.settings.get(options.LAST_COURSE), self.today, self.now(), self.access.actor_id

        def first_load(conn: sqlite3.Connection) -> tuple:
            courses, periods, classes = sheet_choices.load(conn, teacher)
            lesson = day_lessons.now_or_next(day_lessons.of_day(conn, me, today), now)
            course: int | None
            if lesson is not None and lesson.course_id in [c.id for c in courses]:
                course, aim = lesson.course_id, lesson.lesson_id  # the lesson now or next by the bells
            else:
                course = last if last in [c.id for c in courses] else (courses[0].id if courses else None)
                aim = None
            period = next((p.id for p in periods if p.kind == "term" and p.start <= today <= p.end),
                          periods[0].id if periods else None)
            sheet = load_sheet(conn, course, period, today) if course is not None and period is not None else None
            return courses, periods, classes, course, period, sheet, aim

        self.worker.run(lambda: self.access.read(first_load), self._show_first, self._show_error)

    def attach_sync(self, engine: Any, bridge: Any) -> None:
        self.engine = engine
        self.account_menu.menuAction().setVisible(True)
        self._seen_volumes = set(self.volumes())  # sticks already in: not taken for new ones
        self.stick_timer.start(3000)
        if self.settings.get(options.RELAY_HOST):
            self.relay_action.setChecked(True)  # a relay again, as it was
        bridge.status_changed.connect(self.on_sync_status)
        bridge.run_finished.connect(self.on_sync_run)
        self.sync_bar.show_status(engine.status)  # what happened before the window was there
        self.sync_bar.sync_now.connect(engine.sync_now)

    def _show_first(self, loaded: tuple) -> None:
        self.courses, self.periods, self.classes, course, period, sheet, self._aim_lesson = loaded
        self._offer_reports()
        with _quiet(self.course_box), _quiet(self.period_box):
            self._fill_boxes()
            self.course_box.setCurrentIndex(max(self.course_box.findData(course), 0))
            self.period_box.setCurrentIndex(max(self.period_box.findData(period), 0))
        if sheet is not None:
            self._show_sheet(sheet)

    def _offer_reports(self) -> None:
        """Reports and the class summary are offered only where the PC holds a class whole (a class teacher's, an
        admin's): a subject teacher's PC holds parts of classes, and would report on a part."""
        for action in (self.reports_action, self.class_summary_action):
            action.setEnabled(bool(self.classes))

    def _fill_boxes(self) -> None:
        course_index, period_index = self.course_box.currentIndex(), self.period_box.currentIndex()
        self.course_box.clear()
        for course in self.courses:
            label = f"{course.class_name} · {course.subject.get(self.language) or course.subject['ru']}"
            label += f" ({course.subgroup})" if course.subgroup else ""
            # A course of the class this teacher is the class teacher of: shown, kept by its own teacher.
            self.course_box.addItem(label if course.mine else self.tr("%1 — to read").replace("%1", label), course.id)
        self.period_box.clear()
        for period in self.periods:
            self.period_box.addItem(self._period_name(period), period.id)
        self.course_box.setCurrentIndex(max(course_index, 0))
        self.period_box.setCurrentIndex(max(period_index, 0))

    def _reload_choices(self) -> None:
        """The course and period lists read again (a course handed over to this teacher, or taken from her, a
        substitution begun or over), the journal on screen kept when its course is still hers, else the first."""
        teacher = None if self.access.is_admin else self.access.actor_id

        def show(loaded: tuple) -> None:
            shown = self.course_box.currentData()
            self.courses, self.periods, self.classes = loaded
            self._offer_reports()
            with _quiet(self.course_box), _quiet(self.period_box):
                self._fill_boxes()
                self.course_box.setCurrentIndex(max(self.course_box.findData(shown), 0))
            self.open_journal()

        self.worker.run(lambda: self.access.read(lambda conn: sheet_choices.load(conn, teacher)), show,
                        self._show_error)

    def _period_name(self, period: PeriodChoice) -> str:
        if period.kind == "term":
            return self.tr("Term %1").replace("%1", str(period.number))
        if period.kind == "half_year":
            return self.tr("Half-year %1").replace("%1", str(period.number))
        return self.tr("Year")

    def open_journal(self) -> None:
        course_id, period_id = self.course_box.currentData(), self.period_box.currentData()
        if course_id is None or period_id is None or self.locked:
            return
        self.settings.set(options.LAST_COURSE, course_id)
        self.worker.run(lambda: self.access.read(lambda conn: load_sheet(conn, course_id, period_id, self.today)),
                        self._show_sheet, self._show_error)

    def _works_of(self, course_id: int) -> tuple[str, ...]:
        """The summative works this teacher may add to the course: those it holds, in a course she keeps."""
        course = next((c for c in self.courses if c.id == course_id), None)
        return course.works if course is not None and course.mine else ()

    def _show_sheet(self, loaded: tuple[journal_sheet.JournalSheet, set, dict]) -> None:
        sheet, clashes, computed = loaded
        self.add_work_action.setEnabled(bool(self._works_of(sheet.course_id)))
        old, cursor = self.model.sheet, self.view.currentIndex()
        same = old is not None and (old.course_id, old.start, old.end) == (sheet.course_id, sheet.start, sheet.end)
        kept = _place_of(old, cursor.row(), cursor.column()) if same and cursor.isValid() else None
        if self._aim_lesson is not None and self._aim_lesson in sheet.column_of and sheet.pupils:
            kept = (sheet.pupils[max(min(cursor.row(), len(sheet.pupils) - 1), 0) if same else 0].id,
                    ("lesson", self._aim_lesson))  # a lesson of today chosen: its column, the same pupil
        if self._aim_work is not None and any(work.id == self._aim_work for work in sheet.works) and sheet.pupils:
            kept = (sheet.pupils[max(min(cursor.row(), len(sheet.pupils) - 1), 0) if same else 0].id,
                    ("work", self._aim_work))  # a work just added: its column (scrolled to), the same pupil
        self._aim_lesson = self._aim_work = None
        letters = self.attendance_letters()
        shown_letters = {code.value: letter for letter, code in reversed(letters.items())}  # a code's first letter
        self.model.locale = i18n.LOCALES[self.language]
        self.model.show_sheet(sheet, clashes, shown_letters, computed)
        self.key_legend.show_keys(sheet.scale, letters)
        at = _cell_of(sheet, kept) if kept is not None else None
        if (at is None or not self.model.lesson_column(at[1])
                or sheet.lessons[at[1] - 1].id != self.lesson_panel.lesson_id):
            self.lesson_panel.show_lesson(None, None, None, None)  # re-read for the lesson under the new cursor
        # else the same journal re-read with the cursor on the same lesson: the panel, and what is typed in it, stay
        self.view.setColumnWidth(0, self.settings.get(options.NAME_COLUMN_WIDTH))
        column = next((j + 1 for j, lesson in enumerate(sheet.lessons) if lesson.date >= self.today),
                      len(sheet.lessons))
        if at is not None:
            self.view.setCurrentIndex(self.model.index(*at))  # the same journal re-read: the same pupil and column
        elif sheet.pupils and sheet.lessons:
            self.view.setCurrentIndex(self.model.index(0, column))
        first = not self._shown_once
        self._shown_once = True
        if first:
            self.view.setFocus()  # the teacher's keys go to the grid from the start
        self.sheet_shown.emit()
        if first:
            QTimer.singleShot(SETTLE_MS, self._settle)

    def _settle(self) -> None:
        if not self.isVisible():  # closed before it settled: nothing to start
            return
        self.settled.emit()
        self.refresh_review()  # this loads the storage layer on the worker

    # -- typing into the grid ----------------------------------------------------------------------

    def attendance_letters(self) -> dict:
        """The school's attendance letters for the interface language (settings.ATTENDANCE_LETTERS)."""
        return self.settings.get(options.ATTENDANCE_LETTERS[self.language])

    def on_typed(self, row: int, column: int, stroke: Keystroke) -> None:
        if column == self.model.result_column():
            if stroke.digit:
                self.on_final_mark(int(stroke.digit))
            return
        work = self.model.work_at(column)
        target = self.model.target(row, column)
        if target is None and work is None:
            self.say(self.tr("Choose a lesson's cell to write in."))
            return
        reason = self.model.cancelled(column)
        if reason is not None:
            self.say(self.tr("This lesson is cancelled (%1); it takes no marks or attendance.").replace("%1", reason))
            return
        if not self.model.editable(row, column):
            self.say(self.tr("This pupil was not in the class on that day."))
            return
        assert self.model.sheet is not None
        runs, cell = self.view.digit_runs, (row, column)
        if work is not None:
            self._type_score(row, column, work, score_input(stroke, self.model.sheet.works[work].max_points,
                                                            runs.previous(cell)))
            return
        meaning = interpret(stroke, self.model.sheet.scale, self.attendance_letters(), runs.previous(cell))
        if meaning.kind == "ignored":
            return
        assert target is not None  # not a work's column (returned above), so a lesson's cell
        lesson_id, pupil_id = target
        access, today = self.access, self.today
        if meaning.kind == "refused":
            def put_back(before: Any) -> None:  # what the cell held before the run (DigitRun.before)
                self.writes.run(lambda: write_jobs.set_mark(access, lesson_id, pupil_id, before, today),
                                then=lambda _returned: self.say(messages.cell_refusal(meaning)))

            self._refuse(cell, meaning, put_back)
            return
        value: Any = meaning.value  # a mark for "mark", an attendance code (None: present) for "attendance"
        if meaning.kind == "mark":
            runs.typed(cell, meaning.digits, self.model.cell_values(row, column)[1])
            self.writes.run(lambda: write_jobs.set_mark(access, lesson_id, pupil_id, value, today))
        else:
            runs.stop()
            self.writes.run(lambda: write_jobs.set_attendance(access, lesson_id, pupil_id, value))

    def _type_score(self, row: int, column: int, work: int, meaning: CellInput) -> None:
        assert self.model.sheet is not None
        if meaning.kind == "ignored":
            return
        work_id, pupil_id = self.model.sheet.works[work].id, self.model.sheet.pupils[row].id
        access = self.access
        if meaning.kind == "refused":
            def put_back(before: Any) -> None:
                self.writes.run(lambda: write_jobs.enter_score(access, work_id, pupil_id, before),
                                then=lambda _returned: self.say(messages.cell_refusal(meaning)))

            self._refuse((row, column), meaning, put_back)
            return
        points = meaning.value
        assert isinstance(points, int)  # score_input's "points" carry the number
        self.view.digit_runs.typed((row, column), meaning.digits, self.model.score_values(row, column)[0])
        self.writes.run(lambda: write_jobs.enter_score(access, work_id, pupil_id, points))

    def _refuse(self, cell: tuple[int, int], refusal: CellInput, put_back: Any) -> None:
        """Say why a key was refused; a refused number whose first digits were already saved puts back what the
        cell held before them (`put_back(before)`), so that what was typed is never kept as another number."""
        run = self.view.digit_runs.refused(cell, refusal)
        self.say(messages.cell_refusal(refusal))
        if run is not None:
            put_back(run.before)

    def on_cleared(self, row: int, column: int) -> None:
        if column == self.model.result_column():
            final = self.model.sheet.finals.get(self.model.sheet.pupils[row].id) if self.model.sheet else None
            if final is not None:
                self._set_final(row, None, None)
            return
        access = self.access
        work = self.model.work_at(column)
        if work is not None and self.model.editable(row, column):
            assert self.model.sheet is not None  # a column of the sheet on screen
            work_id, pupil_id = self.model.sheet.works[work].id, self.model.sheet.pupils[row].id
            self.writes.run(lambda: write_jobs.enter_score(access, work_id, pupil_id, None))
            return
        target = self.model.target(row, column)
        if target is None or not self.model.editable(row, column):
            return
        lesson_id, pupil_id = target
        self.writes.run(lambda: write_jobs.clear_cell(access, lesson_id, pupil_id))  # one transaction

    def on_comment(self, row: int, column: int) -> None:
        if column == self.model.result_column():
            self.on_final_mark()
            return
        access = self.access
        work = self.model.work_at(column)
        if work is not None and self.model.editable(row, column):
            current = self.model.score_values(row, column)[1] or ""
            assert self.model.sheet is not None  # a column of the sheet on screen
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Comment"), self.model.sheet.pupils[row].name,
                                                     current)
            if ok and text != current:
                value = text.strip() or None
                work_id, pupil_id = self.model.sheet.works[work].id, self.model.sheet.pupils[row].id
                self.writes.run(lambda: write_jobs.set_score_comment(access, work_id, pupil_id, value))
            return
        target = self.model.target(row, column)
        if target is None or not self.model.editable(row, column):
            return
        lesson_id, pupil_id = target
        current = self.model.cell_values(row, column)[2] or ""
        assert self.model.sheet is not None  # a column of the sheet on screen
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Comment"), self.model.sheet.pupils[row].name, current)
        if ok and text != current:
            value = text.strip() or None
            self.writes.run(lambda: write_jobs.set_comment(access, lesson_id, pupil_id, value))

    def _set_lesson_text(self, lesson_id: str, field: str, text: str) -> None:
        """The lesson panel's topic or homework, left after typing: the panel shows it already."""
        access = self.access
        self.writes.run(lambda: write_jobs.set_lesson_text(access, lesson_id, field, text or None),
                        initiator=self.lesson_panel)

    def on_add_lesson(self, day: dt.date, slot: int) -> None:
        course_id, access = self.course_box.currentData(), self.access
        self.writes.run(lambda: write_jobs.add_lesson(access, course_id, day, slot))

    def on_cancel_lesson(self, lesson_id: str, reason: str | None) -> None:
        """The lesson panel's lesson cancelled for `reason`, or (None) held after all."""
        course_id, access = self.course_box.currentData(), self.access
        self.writes.run(lambda: write_jobs.cancel_lesson(access, course_id, lesson_id, reason))

    def on_move_lesson(self, lesson_id: str, day: dt.date, slot: int) -> None:
        course_id, access, today = self.course_box.currentData(), self.access, self.today
        self._aim_lesson = lesson_id  # the journal re-read keeps the cursor on it, where it now stands
        self.writes.run(lambda: write_jobs.move_lesson(access, course_id, lesson_id, day, slot, today))

    # -- summative works, final marks, reports ---------------------------------------------------

    # The dialogs below are imported when first opened: the window's first paint does not wait for them.

    def on_add_work(self) -> None:
        from desktop.work_dialog import WorkDialog

        course_id = self.course_box.currentData()
        if course_id is None:
            return
        dialog = WorkDialog(self.today, self, kinds=self._works_of(course_id))
        if dialog.exec() != WorkDialog.DialogCode.Accepted:
            return
        chosen, access = dialog.chosen(), self.access

        def added(returned: tuple[str, list]) -> None:  # before the journal is re-read: it opens on the new column
            work_id, warnings = returned
            self._aim_work = work_id
            if warnings:
                self.say(" ".join(messages.schedule_warning(w.code, w.params) for w in warnings))

        self.writes.run(lambda: write_jobs.add_work(access, course_id, chosen), then=added)

    def on_edit_work(self) -> None:
        """The summative work whose column the cursor is in: its date and maximum changed, or the work deleted."""
        from desktop.work_dialog import WorkDialog

        sheet, course_id = self.model.sheet, self.course_box.currentData()
        index = self.model.work_at(self.view.currentIndex().column())
        if sheet is None or index is None:
            self.say(self.tr("Choose a summative work's column first."))
            return
        work = sheet.works[index]
        dialog = WorkDialog(work.date, self, work=work)
        if dialog.exec() != WorkDialog.DialogCode.Accepted:
            return
        access = self.access
        if dialog.delete_chosen:
            self.writes.run(lambda: write_jobs.delete_work(access, course_id, work.id))
            return
        changes = dialog.changes()
        if changes:
            self._aim_work = work.id
            self.writes.run(lambda: write_jobs.edit_work(access, course_id, work.id, changes))

    def on_final_mark(self, typed: int | None = None) -> None:
        """The final mark of the pupil under the cursor, for the period shown."""
        from desktop.final_mark_dialog import FinalMarkDialog

        sheet, index = self.model.sheet, self.view.currentIndex()
        if sheet is None or not index.isValid() or sheet.scale not in ("classic", "criteria", "passfail"):
            return
        row = index.row()
        pupil = sheet.pupils[row]
        result = self.model.computed.get(pupil.id)
        computed = final_marks.computed_number(result.status, result.mark) if result is not None else None
        dialog = FinalMarkDialog(pupil.name, sheet.scale, self.model.computed_text(result), computed,
                                 sheet.finals.get(pupil.id), typed, self)
        if dialog.exec() == FinalMarkDialog.DialogCode.Accepted:
            self._set_final(row, *dialog.chosen())

    def on_attestation(self) -> None:
        """The exam or year test mark of the pupil under the cursor, on the year: an exam in grades 9 and 11, a
        year test where the year mark stands at 2."""
        from desktop.attestation_dialog import AttestationDialog

        sheet, index = self.model.sheet, self.view.currentIndex()
        period = next((p for p in self.periods if p.id == self.period_box.currentData()), None)
        if sheet is None or not index.isValid() or period is None or period.kind != "year" \
                or sheet.scale not in ("classic", "criteria"):
            self.say(self.tr("Exam and year test marks are set in the year's journal of a subject graded by marks."))
            return
        pupil = sheet.pupils[index.row()]
        result = self.model.computed.get(pupil.id)
        year = sheet.finals[pupil.id][0] if pupil.id in sheet.finals else (
            final_marks.computed_number(result.status, result.mark) if result is not None else None)
        kinds = (["exam"] if sheet.grade in final_marks.EXAM_GRADES else []) + (["year_test"] if year == 2 else [])
        current = sheet.attestations.get(pupil.id)
        if current is not None and current[0] not in kinds:
            kinds.append(current[0])  # one set before stays to be seen and cleared
        if not kinds:
            self.say(self.tr("No exam or year test here: exams are in grades 9 and 11, a year test follows a year 2."))
            return
        dialog = AttestationDialog(pupil.name, kinds, current, self)
        dialog.setObjectName("attestationDialog")
        if dialog.exec() == AttestationDialog.DialogCode.Accepted:
            kind, mark = dialog.chosen()
            course_id, period_id, access, today = (self.course_box.currentData(), period.id, self.access,
                                                   self.today)
            self.writes.run(lambda: write_jobs.set_attestation(access, course_id, period_id, pupil.id, kind, mark,
                                                               today))

    def _set_final(self, row: int, mark: int | None, reason: str | None) -> None:
        assert self.model.sheet is not None
        course_id, period_id = self.course_box.currentData(), self.period_box.currentData()
        pupil_id, access, today = self.model.sheet.pupils[row].id, self.access, self.today
        self.writes.run(lambda: write_jobs.set_final_mark(access, course_id, period_id, pupil_id, mark, reason,
                                                          today))

    def on_reports(self) -> None:
        """The reports of the classes this PC holds whole: the class teacher's own, every class for an admin; a
        teacher who is neither is told so (her PC holds part of a class: it would report on a part)."""
        from core import school_reports
        from desktop import report_text
        from desktop.reports_dialog import ReportsDialog

        if not self.classes:
            self.say(self.tr("Reports are made for a class teacher's class and for the school's admin."))
            return
        today, shown = self.today, self.language
        periods = [(p.id, self._period_name(p)) for p in self.periods]
        current = next((p.id for p in self.periods if p.kind == "term" and p.start <= today <= p.end), None)
        dialog = ReportsDialog(self.classes, periods, current, parent=self)
        dialog.setObjectName("reportsDialog")
        found: dict[str, school_reports.ClassReport] = {}

        def load(class_id: int, period_id: int) -> None:
            self.worker.run(lambda: self.access.read(
                lambda conn: school_reports.class_report(conn, class_id, period_id, today)), show, self._show_error)

        def show(report: school_reports.ClassReport) -> None:
            found["report"] = report
            dialog.show_report(report_text.class_report(report, self.periods, report.school, i18n.words(shown)))

        def save(kind: str) -> None:
            if "report" in found:
                report = found["report"]
                self._save(report_text.class_report(report, self.periods, report.school, i18n.words(report.language)),
                           kind)

        dialog.wanted.connect(load)
        dialog.save_requested.connect(save)
        dialog.open()
        dialog.ask()

    # -- the account on the school's server ---------------------------------------------------------

    def on_change_password(self) -> None:
        from desktop.account_dialog import PasswordDialog

        dialog = PasswordDialog(self.engine, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Your password has been changed."),
                                                                     10_000))
        dialog.open()

    def on_sign_out(self) -> None:
        """This PC signs out of the school's server (a shared PC, before another teacher uses it): the journal and
        what waits to be sent stay here; the next sync asks for the password."""
        asked = QMessageBox.question(self, self.tr("Sign out"), self.tr(
            "Sign this PC out of the school's server? Your journal stays on this PC, and what waits to be sent is "
            "sent after your next login."))
        if asked != QMessageBox.StandardButton.Yes:
            return
        future = self.engine.sign_out()
        future.add_done_callback(lambda f: self.signed_out.emit(f.exception() or f.result()))

    def on_relay(self, on: bool) -> None:
        """This PC as the school's LAN relay (sync.relay): it keeps the sealed bundles of PCs without internet and
        carries them to the server with its own link. Remembered in the settings; announced on the LAN by mDNS."""
        from storage import sync_state
        from sync.relay import Relay

        self.settings.set(options.RELAY_HOST, on)
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        if on and self.engine is not None:
            with self.engine.db.read() as conn:
                state = sync_state.load(conn) or {}
            if state.get("school_id") is not None:
                self.relay = Relay(self.engine.db.path.parent / "relay", self.engine.link, self.engine.device_id,
                                   state["school_id"]).start()
                self.say(self.tr("This PC now carries the syncs of the school's PCs without internet, while it runs."))

    def on_stick_sync(self) -> None:
        """A sync by a USB stick, for a PC whose internet is days away: the stick (or a folder on it) chosen, the
        server's answers on it applied, other PCs' bundles taken to the server when this PC is online, and this PC's
        pending sync written onto it (sync.bundles)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"), start)
        if folder:
            future = self.engine.sync_through(Path(folder))
            future.add_done_callback(lambda f: self.stick_synced.emit(f.exception() or f.result()))

    def _watch_sticks(self) -> None:
        """A USB stick inserted while the app runs: other PCs' sync bundles on it (at its top, or one folder down) are
        taken to the server by this PC's link, their answers written back onto it, and the teacher told."""
        now = set(self.volumes())
        for root in sorted(now - self._seen_volumes):
            for folder in [Path(root), *(p for p in Path(root).iterdir() if p.is_dir())][:50]:
                if any(folder.glob("request-*.dala")):
                    future = self.engine.carry_from(folder)
                    future.add_done_callback(lambda f: self.stick_carried.emit(f.exception() or f.result()))
        self._seen_volumes = now

    def _show_stick_carried(self, outcome: object) -> None:
        from desktop import stick_sync

        if isinstance(outcome, Exception):
            self.say(messages.describe(outcome))
        elif outcome:
            taken = [c for c in outcome if c.answer is not None]  # type: ignore[attr-defined]
            self.say(self.tr("Sync bundles of other PCs found on the USB stick were taken to the server (%1); their "
                             "answers are on the stick.").replace("%1", str(len(taken))))
            for carried in outcome:  # type: ignore[attr-defined]
                if carried.refused is not None:
                    self.say(f"{carried.request.name}: {stick_sync.refusal(carried.refused)}")

    def _show_stick_sync(self, outcome: object) -> None:
        from desktop import stick_sync
        from sync.bundles import FolderSync

        if not isinstance(outcome, FolderSync):
            self.say(messages.describe(outcome) if isinstance(outcome, Exception) else str(outcome))
            return
        said = stick_sync.summary(outcome)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sync by USB stick"), said,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("stickSyncReport")
        box.setDetailedText(stick_sync.listing(outcome))
        box.open()
        self.hint.setText(said.splitlines()[-1] if said else "")

    def _show_signed_out(self, outcome: object) -> None:
        if isinstance(outcome, Exception):
            self.hint.setText(messages.describe(outcome))
        elif outcome:
            self.hint.setText(self.tr("Signed out of the school's server. Log in to sync again."))
        else:
            self.hint.setText(self.tr("Signed out on this PC; the server could not be reached to be told. Log in "
                                      "to sync again."))

    def on_class_summary(self) -> None:
        """The summary of the class (or classes) this teacher is the class teacher of; every class for an admin."""
        from desktop import report_text
        from desktop.class_summary_dialog import ClassSummaryDialog
        from storage import class_summary

        if not self.classes:
            self.say(self.tr("You are not the class teacher of any class."))
            return
        today, shown = self.today, self.language
        parts = [p for p in self.periods if p.kind == "term"]

        def documents(summary: class_summary.ClassSummary, language: str) -> tuple:
            t = i18n.words(language)
            names = [report_text.period_name(p, t) for p in parts]
            return (report_text.class_summary(summary, summary.school, t),
                    lambda row: report_text.pupil_extract(summary.pupils[row], summary.class_name, names,
                                                          summary.school, t))

        def show(summary: class_summary.ClassSummary) -> None:
            dialog.show_summary(summary, *documents(summary, shown))

        def save(kind: str, row: int) -> None:
            if dialog.summary is not None:
                whole, extract = documents(dialog.summary, dialog.summary.language)
                self._save(whole if row < 0 else extract(row), kind)

        dialog = ClassSummaryDialog(self.classes, parent=self)
        dialog.setObjectName("classSummaryDialog")
        dialog.save_requested.connect(save)
        dialog.class_chosen.connect(lambda class_id: self.worker.run(
            lambda: self.access.read(lambda conn: class_summary.summary(conn, class_id, today)), show,
            self._show_error))
        dialog.open()
        dialog.class_chosen.emit(self.classes[0][0])

    def on_backup_to_stick(self) -> None:
        """A copy of the journal onto a USB stick (storage.backups): encrypted as the journal is, so a lost stick
        shows nothing without the teacher's password."""
        from storage import backups

        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB stick"), start)
        if not folder:
            return
        access = self.access

        def copy() -> Path:
            db = access.open_for_writing()
            return backups.make(db.engine, db.path, "stick", Path(folder))

        self.worker.run(copy, lambda path: self.say(self.tr(
            "The journal is backed up to %1. The copy is encrypted: it opens only with your password.")
            .replace("%1", str(path))), self._show_error)

    def backup_if_due(self) -> None:
        """The scheduled backup (storage.backups.due), on the worker: called when the journal is open for writing and
        then every hour."""
        from storage import backups

        access = self.access

        def copy() -> None:
            db = access.open_for_writing()
            if backups.due(db.path):
                backups.make(db.engine, db.path, "scheduled")

        self.worker.run(copy, lambda _done: None, self._show_error)

    def on_save_journal_page(self) -> None:
        """The journal page on screen (a class-subject and period) saved as PDF or Excel."""
        from desktop import report_text

        model, course = self.model, next((c for c in self.courses if c.id == self.course_box.currentData()), None)
        if model.sheet is None or course is None:
            return
        header = [str(model.headerData(j, Qt.Orientation.Horizontal) or "") for j in range(model.columnCount())]
        rows = [[str(model.index(i, j).data() or "") for j in range(model.columnCount())]
                for i in range(model.rowCount())]
        place = f"{course.class_name} · {course.subject.get(self.language) or course.subject['ru']} · " \
                f"{self.period_box.currentText()}"
        self._save(report_text.journal_page(header, rows, place, "", i18n.words(self.language)), "pdf")

    def _save(self, document: Any, kind: str) -> None:
        """Ask where (her documents folder first), write the report there on the worker, and tell her the file is not
        encrypted."""
        from desktop import report_files

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suffix, kinds = (".pdf", "PDF (*.pdf)") if kind == "pdf" else (".xlsx", "Excel (*.xlsx)")
        offered = Path(folder) / (re.sub(r'[\\/:*?"<>|«»]+', " ", document.file_name).strip() + suffix)
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(offered), kinds)
        if name:
            # Outside the encrypted journal the pupils' names and marks are in clear: the teacher is told so.
            self.worker.run(lambda: report_files.save(Path(name), document),
                            lambda path: self.say(self.tr(
                                "Saved to %1. The file is not encrypted: it holds pupils' names and marks, so keep "
                                "it off shared folders and USB sticks, and delete it when done.")
                                .replace("%1", str(path))), self._show_error)

    def on_resolve(self, conflict_id: int, value: Any) -> None:
        """The value the teacher keeps for a conflict: the record's cell (or lesson) and the review are re-read,
        not the whole journal."""
        access, today = self.access, self.today
        shown = next((c for c in self.review_panel.review.conflicts if c.id == conflict_id), None)

        def refused(error: Exception) -> None:  # the journal's checks: said in the panel the value was typed in
            if not isinstance(error, JournalError):
                self._show_error(error)
                return
            self.review_panel.show_problem(messages.describe(error))

        self.writes.run(lambda: write_jobs.resolve(access, conflict_id, value, today, shown), refused=refused)

    # -- undo and redo -----------------------------------------------------------------------------

    def on_undo(self, which: str) -> None:
        """Edit → Undo (Ctrl+Z) or Redo (Ctrl+Shift+Z, Ctrl+Y): the journal takes back (or writes again) the
        teacher's latest edit of a cell or a score, as a new edit; the grid shows it and the cursor goes there."""
        if self.locked:
            return
        nothing = self.tr("Nothing to undo.") if which == "undo" else self.tr("Nothing to redo.")
        access, today = self.access, self.today

        def went(step: Step) -> None:
            if not step:
                self.say(nothing)
            if not all([self._go_to_change(change) for change in step]):
                self.say(self.tr("That edit was in another journal: it is changed there."))

        self.writes.run(lambda: write_jobs.replay(access, which, today), then=went)

    def _go_to_change(self, change: Change) -> bool:
        """Put the cursor on the cell of a change the journal made (storage.journal.Change); False when it is
        not on screen."""
        sheet = self.model.sheet
        row = sheet.row_of.get(change.pupil_id) if sheet is not None else None
        if sheet is None or row is None:
            return False
        if change.entity == "cell" and change.record in sheet.column_of:
            column = sheet.column_of[change.record] + 1
        elif change.entity == "score" and change.record in (works := [w.id for w in sheet.works]):
            column = 1 + len(sheet.lessons) + works.index(change.record)
        else:
            return False
        self.view.setCurrentIndex(self.model.index(row, column))
        return True

    def on_dismiss(self, seqs: list[int]) -> None:
        access = self.access
        self.writes.run(lambda: write_jobs.mark_seen(access, seqs), edit=False)

    def _wrote(self) -> None:
        """An edit went into the journal: the hint of an earlier refusal goes, and the sync engine sends it."""
        self.say("")
        if self.engine is not None:
            self.engine.local_change()

    # -- what changed --------------------------------------------------------------------------------

    def show_changed(self, changed: Changed, initiator: object | None = None) -> None:
        """The one way the window shows a change to the journal file — a write of its own (desktop.writes) or a
        sync run's: what `changed` names in the journal on screen is re-read and patched in place
        (desktop.sheet_refresh), the journal is re-read whole only when its columns or period marks changed,
        the lesson panel re-reads its lesson (keeping what is being typed; not when the panel wrote it), and the
        review panel re-reads when the conflicts or refusals changed."""
        if changed.review:
            self.refresh_review()
        if changed.everything and not self.locked:  # courses may have come or gone (sync.course_set)
            self._reload_choices()
            return
        sheet, period_id = self.model.sheet, self.period_box.currentData()
        if self.locked or sheet is None or period_id is None or not changed:
            return
        if sheet_refresh.needs_reload(sheet, changed):
            self.open_journal()
        elif sheet_refresh.concerns(sheet, changed):
            today = self.today

            def patched(patch: sheet_refresh.SheetPatch) -> None:
                if self.model.sheet is sheet:  # still the journal it was read for
                    self.model.apply_patch(patch)

            self.worker.run(lambda: self.access.read(lambda conn: sheet_refresh.load_patch(
                conn, sheet, changed, period_id, today)), patched, self._show_error)
        lesson_id = self.lesson_panel.lesson_id
        if (initiator is not self.lesson_panel and lesson_id is not None
                and (changed.everything or lesson_id in changed.lessons)):
            self.worker.run(lambda: self.access.read(lambda conn: lesson_details.details(conn, lesson_id)),
                            lambda texts: self.lesson_panel.refresh(lesson_id, *texts), self._show_error)

    def _show_lesson(self, column: int) -> None:
        if not self.model.lesson_column(column):
            self.lesson_panel.show_lesson(None, None, None, None)
            return
        assert self.model.sheet is not None  # a column of the sheet on screen
        lesson = self.model.sheet.lessons[column - 1]
        if lesson.id == self.lesson_panel.lesson_id:
            return  # moving within the lesson's column, as when typing marks down it: nothing to re-read
        def show(texts: tuple[str | None, str | None, str | None]) -> None:
            topic, homework, cancelled = texts
            self.lesson_panel.show_lesson(lesson.id, lesson.date, topic, homework, cancelled, lesson.slot)

        self.worker.run(lambda: self.access.read(lambda conn: lesson_details.details(conn, lesson.id)), show)

    # -- today ------------------------------------------------------------------------------------

    def now(self) -> dt.time:
        return self._now or dt.datetime.now().time()

    def _add_today_action(self) -> None:
        self.today_action = QAction(self)
        self.today_action.setObjectName("todayAction")
        self.today_action.setShortcut("Ctrl+T")
        self.today_action.triggered.connect(self.on_today)
        if self.journal_menu.actions():
            self.journal_menu.insertAction(self.journal_menu.actions()[0], self.today_action)
        else:
            self.journal_menu.addAction(self.today_action)
        self.toolbar.addAction(self.today_action)

    def on_today(self) -> None:
        """The teacher's lessons of today with their times; choosing one opens it."""
        from desktop.today_view import TodayDialog

        if self.locked:
            return
        today, me, now = self.today, self.access.actor_id, self.now()

        def show(lessons: list[day_lessons.DayLesson]) -> None:
            # a substitute's lesson of a course this window does not list cannot be opened here
            lessons = [lesson for lesson in lessons if self.course_box.findData(lesson.course_id) >= 0]
            dialog = TodayDialog(today, lessons, now, self._course_label, self)
            dialog.chosen.connect(self.open_lesson)
            dialog.open()

        self.worker.run(lambda: self.access.read(lambda conn: day_lessons.of_day(conn, me, today)), show,
                        self._show_error)

    def _course_label(self, course_id: int) -> str:
        index = self.course_box.findData(course_id)
        return self.course_box.itemText(index) if index >= 0 else ""

    def open_lesson(self, lesson: day_lessons.DayLesson) -> None:
        """Open a lesson of today: its course, over the term of today, the cursor on its column (or on today's
        first lesson when the journal does not hold this one yet)."""
        index = self.course_box.findData(lesson.course_id)
        if index < 0 or self.locked:
            return
        self._aim_lesson = lesson.lesson_id
        term = next((p.id for p in self.periods if p.kind == "term" and p.start <= self.today <= p.end), None)
        shown = next((p for p in self.periods if p.id == self.period_box.currentData()), None)
        with _quiet(self.course_box), _quiet(self.period_box):
            self.course_box.setCurrentIndex(index)
            if term is not None and (shown is None or not shown.start <= self.today <= shown.end):
                self.period_box.setCurrentIndex(self.period_box.findData(term))
        self.open_journal()
        self.view.setFocus()

    # -- sync and review ---------------------------------------------------------------------------

    def on_sync_status(self, status: SyncStatus) -> None:
        self.sync_bar.show_status(status)

    def on_sync_run(self, summary: RunSummary) -> None:
        """A sync run ended (also one cut off midway): what it changed goes through `show_changed`, as a write
        of the window's own does; what the teacher is typing in the lesson panel stays."""
        if summary.rejected and not summary.changed.review:
            self.refresh_review()  # refusals came in
        self.show_changed(summary.changed)

    def refresh_review(self) -> None:
        if self.locked:
            return

        language = self.language

        def review() -> Any:
            with self.access.open_for_writing().read() as conn:
                return load_review(conn, language)

        self.worker.run(review, self._show_review, self._show_error)

    def _show_review(self, review: Review) -> None:
        """The review panel takes room only while it has something to show."""
        self.review_panel.show_review(review)
        self.review_dock.setVisible(not self.locked and bool(review.conflicts or review.rejections))

    # -- words -------------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        self.hint.setText(text)

    def _show_error(self, error: Exception) -> None:
        if not isinstance(error, JournalError):
            raise error
        self.refusals += 1
        self.say(messages.describe(error))

    def set_language(self, language: str) -> None:
        self.language = language
        self.settings.set(options.LANGUAGE, language)
        i18n.use_language(language)
        self.retranslate()
        with _quiet(self.course_box), _quiet(self.period_box):
            self._fill_boxes()
        self.open_journal()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dala Journal"))
        self.journal_menu.setTitle(self.tr("Journal"))
        self.add_work_action.setText(self.tr("Add a summative work…"))
        self.edit_work_action.setText(self.tr("Change or delete this summative work…"))
        self.final_mark_action.setText(self.tr("Final mark…"))
        self.attestation_action.setText(self.tr("Exam or year test mark…"))
        self.reports_action.setText(self.tr("Reports…"))
        self.class_summary_action.setText(self.tr("Class summary…"))
        self.journal_page_action.setText(self.tr("Save the journal page…"))
        self.backup_action.setText(self.tr("Back up to a USB stick…"))
        self.lock_action.setText(self.tr("Lock"))
        self.quit_action.setText(self.tr("Quit"))
        self.edit_menu.setTitle(self.tr("Edit"))
        self.undo_action.setText(self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo"))
        self.today_action.setText(self.tr("Today's lessons…"))
        self.today_action.setIconText(self.tr("Today"))  # on the toolbar
        if self.lock_screen is not None:
            self.lock_screen.retranslate()
        self.account_menu.setTitle(self.tr("Account"))
        self.stick_action.setText(self.tr("Sync by USB stick…"))
        self.relay_action.setText(self.tr("Carry other PCs' syncs on this network"))
        self.password_action.setText(self.tr("Change password…"))
        self.sign_out_action.setText(self.tr("Sign out of the server…"))
        self.language_menu.setTitle(self.tr("Language"))
        self.lesson_dock.setWindowTitle(self.tr("Lesson"))
        self.review_dock.setWindowTitle(self.tr("To review"))
        for widget in (self.sync_bar, self.review_panel, self.lesson_panel):
            widget.retranslate()

    # -- locking -----------------------------------------------------------------------------------

    def use_lock_screen(self, screen: LockScreen) -> None:
        """Allow locking, with `screen` asking for the profile's offline password."""
        self.lock_screen = screen
        self.pages.addWidget(screen)
        screen.unlocked.connect(self.unlock)
        self.lock_action.setEnabled(True)

    def lock(self) -> None:
        """Show nothing of the journal until the offline password is typed: the grid's model is emptied and
        the panels, toolbar and menus put away (the worker and the sync engine go on)."""
        if self.lock_screen is None or self.locked:
            return
        self.lesson_panel.save_typed()  # a topic being typed is saved, not dropped with the panel's contents
        self.locked = True
        self.model.show_sheet(None, set(), {})
        self.lesson_panel.show_lesson(None, None, None, None)
        self.review_panel.show_review(Review([], [], {}))
        for dock in (self.lesson_dock, self.review_dock):
            dock.hide()
        self.toolbar.hide()
        self.menuBar().setEnabled(False)
        self.say("")
        self.pages.setCurrentWidget(self.lock_screen)
        self.lock_screen.password.setFocus()

    def unlock(self) -> None:
        if not self.locked:
            return
        self.locked = False
        self.pages.setCurrentWidget(self.view)
        self.lesson_dock.show()  # the review dock: once refresh_review finds something
        self.toolbar.show()
        self.menuBar().setEnabled(True)
        self.open_journal()
        self.refresh_review()

    # -- layout ------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry, state = self.settings.get(options.WINDOW_GEOMETRY), self.settings.get(options.WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.review_dock.hide()  # until there is something to review
        screen_fit.place(self, geometry)  # the saved geometry only where it fits this screen

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.keep_unsaved():
            event.ignore()  # a write was refused: the teacher reads why in the hint, and the window stays
            return
        if self.relay is not None:
            self.relay.stop()
            self.relay = None
        self.settings.set(options.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(options.WINDOW_STATE, self.saveState())
        self.settings.set(options.NAME_COLUMN_WIDTH, self.view.columnWidth(0))
        self.settings.sync()
        super().closeEvent(event)

    def keep_unsaved(self) -> bool:
        """Save the lesson panel's typed text, wait for every queued write, and hand their outcomes over;
        False when one was refused."""
        refused = self.refusals
        self.lesson_panel.save_typed()
        self.worker.drain()
        QCoreApplication.processEvents()  # the writes' outcomes, queued from the worker's thread
        return self.refusals == refused


def _place_of(sheet: journal_sheet.JournalSheet | None, row: int, column: int) -> tuple[int, Any] | None:
    """What the grid cell (row, column) shows, by ids that outlive a re-read: (pupil id, the column's record)."""
    if sheet is None or not 0 <= row < len(sheet.pupils):
        return None
    lessons, works = len(sheet.lessons), len(sheet.works)
    if 1 <= column <= lessons:
        what: Any = ("lesson", sheet.lessons[column - 1].id)
    elif lessons < column <= lessons + works:
        what = ("work", sheet.works[column - 1 - lessons].id)
    else:
        what = ("result",) if column == lessons + works + 1 else ("names",)
    return sheet.pupils[row].id, what


def _cell_of(sheet: journal_sheet.JournalSheet, place: tuple[int, Any]) -> tuple[int, int] | None:
    """The grid cell (row, column) of a `_place_of` in `sheet`, None when it is gone."""
    pupil_id, what = place
    row = sheet.row_of.get(pupil_id)
    if row is None:
        return None
    if what[0] == "lesson":
        column = sheet.column_of.get(what[1])
        return None if column is None else (row, column + 1)
    if what[0] == "work":
        index = next((j for j, work in enumerate(sheet.works) if work.id == what[1]), None)
        return None if index is None else (row, index + 1 + len(sheet.lessons))
    return (row, len(sheet.lessons) + len(sheet.works) + 1) if what[0] == "result" else (row, 0)


class _quiet:
    """Block a widget's signals for a `with` block (filling a combo box must not open journals)."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget

    def __enter__(self) -> None:
        self.widget.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        self.widget.blockSignals(False)
