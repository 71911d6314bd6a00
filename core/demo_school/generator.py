"""Generates a school into a journal database: calendar, classes, pupils, teachers, courses, a weekly
timetable on a 45-minute bell schedule, every lesson of the year, and some weeks of lessons filled in.

Generated rows stand for what the server hands a PC: they carry server_version 1 and no outbox
operations. The same seed and `today` give the same school.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Table, insert, select

from core import ids, lesson_plan, timetable_check
from core.demo_school import calendar, curriculum, names
from core.lesson_plan import WeeklySlot
from core.school_calendar import SchoolCalendar
from core.tables import (
    AcademicYear,
    Base,
    BellSlot,
    ClassMembership,
    Course,
    DayOff,
    Lesson,
    LessonCell,
    Period,
    Pupil,
    School,
    SchoolClass,
    Subgroup,
    SubgroupMember,
    Subject,
    SummativeScore,
    SummativeWork,
    Teacher,
    TimetableEntry,
)

# 45-minute lessons with 5–20 minute breaks; the 20-minute one after lesson 3 is the long break.
BELLS = ("08:00", "08:50", "09:45", "10:50", "11:45", "12:35", "13:25")
LESSON_MINUTES = 45
# A full teaching rate (ставка) is 16 hours a week; many teachers take a little more.
TEACHER_MAX_HOURS = 18


@dataclass(frozen=True)
class Spec:
    grades: tuple[int, ...] = tuple(range(1, 12))
    letters: tuple[str, ...] = ("А", "Б")
    pupils_per_class: int = 25
    # Lessons are filled for the `weeks_filled` school weeks up to `today` (None: the whole year).
    weeks_filled: int | None = 3
    mark_rate: float = 0.35  # chance that a present pupil gets a mark in a filled lesson
    seed: int = 2026
    school_name: str = "Ақсу ауылының жалпы орта білім беретін мектебі"
    region: str = "Ақмола облысы"
    # Another school beside the first in one server database (benchmarks of many schools): its id, and what its
    # usernames begin with, since a username is unique across the schools of a server. Its other ids may repeat
    # the first school's: on the server every key leads with the school.
    school_id: int = 1
    login_prefix: str = ""


DEMO = Spec()
# A big town school for benchmarks: five parallel classes of 35 per grade (about 1,900 pupils), a full year
# filled: over a million cells.
LARGE = Spec(letters=("А", "Ә", "Б", "В", "Г"), pupils_per_class=35, weeks_filled=None, mark_rate=0.72, seed=7)


@dataclass
class Summary:
    school_id: int
    classes: int = 0
    pupils: int = 0
    teachers: int = 0
    courses: int = 0
    lessons: int = 0
    cells: int = 0
    works: int = 0
    scores: int = 0
    filled_from: dt.date | None = None
    filled_to: dt.date | None = None
    teacher_logins: list[str] = field(default_factory=list)


SCHOOL_ID = 1  # the demo school: the only school of a journal, and the first of a server database


class _Writable(Protocol):
    """A database with write transactions (storage.database.JournalDatabase)."""

    def write(self) -> AbstractContextManager[Connection]: ...


def build(
    db: _Writable,
    spec: Spec = DEMO,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> Summary:
    with db.write() as conn:
        return build_into(conn, spec, today, progress)


def build_into(
    conn: Connection,
    spec: Spec = DEMO,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    tables: Mapping[str, Table] | None = None,
) -> Summary:
    """The same, into the tables behind `conn` (a journal's or the server's, SQLite or PostgreSQL): `tables`
    are the server's (server.schema), which hold a school_id on every row; a journal's are core.tables'."""
    return _Builder(conn, spec, today or dt.date.today(), progress or (lambda _msg: None), tables).run()


class _Builder:
    def __init__(self, conn: Connection, spec: Spec, today: dt.date, progress: Callable[[str], None],
                 tables: Mapping[str, Table] | None = None) -> None:
        self.conn = conn
        self.tables = tables
        self._numbered: dict[str, int] = {}  # the last id this builder gave in each table it numbers
        self.spec = spec
        self.today = today
        self.rng = random.Random(spec.seed)
        self.progress = progress
        self.year_start = calendar.school_year_of(today)
        self.terms = calendar.terms(self.year_start)
        self.calendar = SchoolCalendar(tuple(self.terms), tuple(calendar.days_off(self.year_start)))
        self.school_id = spec.school_id

    def _t(self, model: type[Base]) -> Table:
        return model.__table__ if self.tables is None else self.tables[model.__tablename__]

    def _bulk(self, model: type[Base], rows: list[dict[str, Any]], chunk: int = 20000) -> None:
        """Insert `rows`, each with its id (the demo numbers every row itself, so no sequence is asked)."""
        table = self._t(model)
        if "school_id" in table.c and model is not School:
            rows = [row if "school_id" in row else dict(row, school_id=self.school_id) for row in rows]
        if model.__table__.autoincrement_column is not None and rows and "id" not in rows[0]:
            first = self._numbered.get(table.name, 0) + 1
            rows = [dict(row, id=first + i) for i, row in enumerate(rows)]
            self._numbered[table.name] = first + len(rows) - 1
        for i in range(0, len(rows), chunk):
            self.conn.execute(insert(table), rows[i : i + chunk])

    def run(self) -> Summary:
        conn = self.conn
        self._bulk(School, [dict(id=self.school_id, name=self.spec.school_name, region=self.spec.region,
                                 language="kk")])
        self.summary = Summary(school_id=self.school_id)
        self._calendar()
        self._subjects()
        self._bells()
        self.progress("classes and pupils")
        self._classes_and_pupils()
        self.progress("teachers and courses")
        self._courses()
        self.progress("timetable")
        self._timetable()
        problems = timetable_check.check_school(conn, self.school_id, self.terms[0][0],
                                                 timetable_check.Rules(LESSON_MINUTES), self.tables)
        timetable_check.ensure_valid(problems)
        self.progress("lessons")
        self._lessons()
        self.progress("filling lessons")
        self._fill()
        return self.summary

    # -- calendar, subjects, bells ----------------------------------------------------------------

    def _calendar(self) -> None:
        start, end = self.terms[0][0], self.terms[-1][1]
        self._bulk(AcademicYear, [dict(id=1, school_id=self.school_id, name=f"{self.year_start}–{self.year_start + 1}",
                                       start_date=start, end_date=end, week_days=self.calendar.week_days)])
        self._bulk(DayOff, [dict(year_id=1, from_date=off.from_date, to_date=off.to_date, grade_from=off.grade_from,
                                 grade_to=off.grade_to, kind=off.kind, name=off.name)
                            for off in self.calendar.days_off])
        rows = [dict(year_id=1, kind="term", number=n, start_date=s, end_date=e, closed=False)
                for n, (s, e) in enumerate(self.terms, start=1)]
        rows += [
            dict(year_id=1, kind="half_year", number=1, start_date=start, end_date=self.terms[1][1], closed=False),
            dict(year_id=1, kind="half_year", number=2, start_date=self.terms[2][0], end_date=end, closed=False),
            dict(year_id=1, kind="year", number=1, start_date=start, end_date=end, closed=False),
        ]
        self._bulk(Period, rows)

    def _subjects(self) -> None:
        self.subject_ids = {}
        rows = []
        for i, (code, (kk, ru, en)) in enumerate(curriculum.SUBJECTS.items(), start=1):
            self.subject_ids[code] = i
            rows.append(dict(id=i, code=code, name_kk=kk, name_ru=ru, name_en=en))
        # The subjects are shared by the schools of a server: the first school's build writes them.
        if self.conn.execute(select(self._t(Subject).c.id).limit(1)).first() is None:
            self._bulk(Subject, rows)

    def _bells(self) -> None:
        rows = []
        for number, start in enumerate(BELLS, start=1):
            begins = dt.datetime.strptime(start, "%H:%M")
            ends = begins + dt.timedelta(minutes=LESSON_MINUTES)
            rows.append(dict(school_id=self.school_id, shift=1, number=number, starts=begins.time(), ends=ends.time()))
        self._bulk(BellSlot, rows)

    # -- classes, pupils, teachers ----------------------------------------------------------------

    def _classes_and_pupils(self) -> None:
        spec, rng = self.spec, self.rng
        year_start = self.terms[0][0]
        self.classes: list[dict[str, Any]] = []
        self.members: dict[int, list[int]] = {}
        class_rows: list[dict[str, Any]] = []
        pupil_rows: list[dict[str, Any]] = []
        member_rows: list[dict[str, Any]] = []
        pupil_id = 0
        for grade in spec.grades:
            for index, letter in enumerate(spec.letters):
                class_id = len(class_rows) + 1
                language = "kk" if index % 2 == 0 else "ru"
                class_rows.append(dict(id=class_id, year_id=1, grade=grade, letter=letter, language=language))
                self.classes.append(class_rows[-1])
                self.members[class_id] = []
                count = spec.pupils_per_class + rng.randint(-2, 1)
                for _ in range(count):
                    pupil_id += 1
                    kazakh = language == "kk" or rng.random() < 0.5
                    last, first, _patronymic, sex = names.person(rng, kazakh=kazakh, with_patronymic=False)
                    born = dt.date(self.year_start - 6 - grade, rng.randint(1, 12), rng.randint(1, 28))
                    pupil_rows.append(dict(id=pupil_id, school_id=self.school_id, last_name=last, first_name=first,
                                           birth_date=born, sex=sex))
                    member_rows.append(dict(pupil_id=pupil_id, class_id=class_id, from_date=year_start))
                    self.members[class_id].append(pupil_id)
        # One pupil moves mid-year from the first to the second class of grade 7 (or of the first grade).
        grade = 7 if 7 in spec.grades else spec.grades[0]
        pair = [c["id"] for c in self.classes if c["grade"] == grade][:2]
        if len(pair) == 2:
            mover = self.members[pair[0]][-1]
            moved_on = self.terms[1][0] + dt.timedelta(days=14)
            for row in member_rows:
                if row["pupil_id"] == mover:
                    row["to_date"] = moved_on - dt.timedelta(days=1)
            member_rows.append(dict(pupil_id=mover, class_id=pair[1], from_date=moved_on))
            self.members[pair[1]].append(mover)
            self.moved = (mover, pair[0], pair[1], moved_on)
        for row in member_rows:
            row.setdefault("to_date", None)
        self._bulk(SchoolClass, class_rows)
        self._bulk(Pupil, pupil_rows)
        self._bulk(ClassMembership, member_rows)
        self.summary.classes = len(class_rows)
        self.summary.pupils = len(pupil_rows)
        # Membership as date ranges, for filling lessons.
        self.membership: dict[int, list[tuple[int, dt.date, dt.date | None]]] = defaultdict(list)
        for row in member_rows:
            self.membership[row["class_id"]].append((row["pupil_id"], row["from_date"], row["to_date"]))

    def _new_teacher(self, kazakh: bool) -> int:
        self.teacher_rows.append({})
        teacher_id = len(self.teacher_rows)
        last, first, patronymic, _sex = names.person(self.rng, kazakh=kazakh, with_patronymic=True)
        login = f"{self.spec.login_prefix}{names.transliterate(last)}.{names.transliterate(first)[:1]}{teacher_id}"
        self.teacher_rows[-1] = dict(id=teacher_id, school_id=self.school_id, username=login, last_name=last,
                                     first_name=first, patronymic=patronymic)
        self.teacher_hours[teacher_id] = 0
        return teacher_id

    def _teacher_for(self, subject: str, hours: int, exclude: set[int]) -> int:
        """A teacher of `subject` with room for `hours` more (not one of `exclude`), hired if need be."""
        pool = self.subject_teachers[subject]
        for teacher_id in pool:
            if teacher_id not in exclude and self.teacher_hours[teacher_id] + hours <= TEACHER_MAX_HOURS:
                break
        else:
            teacher_id = self._new_teacher(kazakh=self.rng.random() < 0.7)
            pool.append(teacher_id)
        self.teacher_hours[teacher_id] += hours
        return teacher_id

    def _courses(self) -> None:
        self.teacher_rows: list[dict[str, Any]] = []
        self.teacher_hours: dict[int, int] = {}
        self.subject_teachers: dict[str, list[int]] = defaultdict(list)
        course_rows: list[dict[str, Any]] = []
        subgroup_rows: list[dict[str, Any]] = []
        submember_rows: list[dict[str, Any]] = []
        self.courses: list[dict[str, Any]] = []
        self.course_pupils: dict[int, set[int] | None] = {}  # None: the whole class
        homeroom_subjects = {"literacy", "kazakh_lang", "reading", "math", "science", "world", "art", "self", "digital"}
        for cls in self.classes:
            grade = cls["grade"]
            homeroom = self._new_teacher(kazakh=cls["language"] == "kk")
            cls["homeroom_teacher_id"] = homeroom
            class_size = len(self.members[cls["id"]])
            for code, hours in curriculum.hours(grade).items():
                scale = curriculum.scale(code, grade)
                split = code in curriculum.SPLIT and class_size >= curriculum.SPLIT_FROM_PUPILS
                groups: list[tuple[int | None, set[int] | None]] = [(None, None)]
                if split:
                    groups = []
                    pupils = sorted(self.members[cls["id"]])
                    half = (len(pupils) + 1) // 2
                    for n, part in enumerate((pupils[:half], pupils[half:]), start=1):
                        subgroup_rows.append(dict(id=len(subgroup_rows) + 1, class_id=cls["id"], name=f"{code}-{n}"))
                        submember_rows += [dict(subgroup_id=subgroup_rows[-1]["id"], pupil_id=p) for p in part]
                        groups.append((subgroup_rows[-1]["id"], set(part)))
                taken: set[int] = set()  # parallel subgroups need different teachers
                for subgroup_id, pupils_in in groups:
                    if grade <= 4 and code in homeroom_subjects:
                        teacher = homeroom
                        self.teacher_hours[homeroom] += hours
                    else:
                        teacher = self._teacher_for(code, hours, taken)
                    taken.add(teacher)
                    course_id = len(course_rows) + 1
                    course_rows.append(dict(id=course_id, class_id=cls["id"], subject_id=self.subject_ids[code],
                                            teacher_id=teacher, subgroup_id=subgroup_id, scale=scale,
                                            hours_per_week=hours))
                    self.courses.append(dict(course_rows[-1], code=code, grade=grade, language=cls["language"]))
                    self.course_pupils[course_id] = pupils_in
        self._bulk(Teacher, self.teacher_rows)
        for cls in self.classes:
            self.conn.execute(
                self._t(SchoolClass).update().where(self._t(SchoolClass).c.id == cls["id"])
                .values(homeroom_teacher_id=cls["homeroom_teacher_id"])
            )
        self._bulk(Subgroup, subgroup_rows)
        self._bulk(SubgroupMember, submember_rows)
        self._bulk(Course, course_rows)
        self.summary.teachers = len(self.teacher_rows)
        self.summary.courses = len(course_rows)
        self.summary.teacher_logins = [t["username"] for t in self.teacher_rows]

    # -- timetable --------------------------------------------------------------------------------

    def _timetable(self) -> None:
        """Greedy placement: each class's hours spread over the week, no class or teacher double-booked.
        Parallel subgroup courses of one subject form one block taught in the same slot."""
        busy_teacher: set[tuple[int, int, int]] = set()
        self.week: dict[int, list[tuple[int, int]]] = defaultdict(list)  # course -> [(weekday, slot)]
        rows = []
        by_class: dict[int, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list[Any]))
        for course in self.courses:
            by_class[course["class_id"]][course["subject_id"]].append(course)
        for cls in self.classes:
            blocks = sorted(by_class[cls["id"]].values(), key=lambda b: -b[0]["hours_per_week"])
            for _attempt in range(50):
                placed = self._place_class(blocks, curriculum.slots_per_day(cls["grade"]), busy_teacher)
                if placed is not None:
                    break
                self.rng.shuffle(blocks)
            else:
                raise RuntimeError(f"cannot place all hours of class {cls['grade']}{cls['letter']}")
            for course_id, day, slot in placed:
                self.week[course_id].append((day, slot))
                rows.append(dict(course_id=course_id, weekday=day, slot=slot, valid_from=self.terms[0][0],
                                 valid_to=None))
        self._bulk(TimetableEntry, rows)

    def _place_class(
        self, blocks: list[list[dict[str, Any]]], slots: int, busy_teacher: set[tuple[int, int, int]]
    ) -> list[tuple[int, int, int]] | None:
        """One class's week, or None (and nothing booked) when this order of blocks does not fit."""
        busy_class: set[tuple[int, int]] = set()
        booked: list[tuple[int, int, int]] = []
        placed: list[tuple[int, int, int]] = []
        for block in blocks:
            teachers = [c["teacher_id"] for c in block]
            per_day: dict[int, int] = defaultdict(int)
            for _ in range(block[0]["hours_per_week"]):
                days = sorted(range(1, 6), key=lambda d: (per_day[d], sum(1 for s in busy_class if s[0] == d)))
                spot = next(
                    ((day, slot) for day in days for slot in range(1, slots + 1)
                     if (day, slot) not in busy_class and not any((t, day, slot) in busy_teacher for t in teachers)),
                    None,
                )
                if spot is None:
                    busy_teacher.difference_update(booked)
                    return None
                day, slot = spot
                busy_class.add(spot)
                booked += [(t, day, slot) for t in teachers]
                busy_teacher.update((t, day, slot) for t in teachers)
                per_day[day] += 1
                placed += [(course["id"], day, slot) for course in block]
        return placed

    # -- lessons ----------------------------------------------------------------------------------

    def _lessons(self) -> None:
        grade_of = {cls["id"]: cls["grade"] for cls in self.classes}
        term_of = {day: n for n, (start, end) in enumerate(self.terms, start=1)
                   for day in (start + dt.timedelta(days=i) for i in range((end - start).days + 1))}
        self.lessons_by_course: dict[int, list[dict[str, Any]]] = defaultdict(list[Any])
        rows = []
        for course in self.courses:
            week = [WeeklySlot(weekday, slot, self.terms[0][0]) for weekday, slot in self.week[course["id"]]]
            for lesson in lesson_plan.plan(course["id"], grade_of[course["class_id"]], week, self.calendar):
                row = dict(id=lesson.id, course_id=course["id"], date=lesson.date, slot=lesson.slot, kind="regular",
                           topic=None, homework=None, server_version=1, term=term_of[lesson.date])
                self.lessons_by_course[course["id"]].append(row)
                rows.append(row)
        self._mark_summatives()
        self._bulk(Lesson, [{k: v for k, v in row.items() if k != "term"} for row in rows])
        self._bulk(SummativeWork, self.works)
        self.summary.lessons = len(rows)
        self.summary.works = len(self.works)

    def _mark_summatives(self) -> None:
        """Mark СОР and СОЧ lessons in criteria-based courses, with their works (grade 1 is not graded)."""
        self.works: list[dict[str, Any]] = []
        for course in self.courses:
            if course["scale"] != "criteria":
                continue
            lessons = self.lessons_by_course[course["id"]]
            for term_no, (_start, term_end) in enumerate(self.terms, start=1):
                in_term = [lesson for lesson in lessons if lesson["term"] == term_no]
                if len(in_term) < 6:
                    continue
                picks = [(len(in_term) // 2, "sor")]
                if course["hours_per_week"] >= 2:
                    picks = [(len(in_term) // 3, "sor"), (2 * len(in_term) // 3, "sor")]
                    soch = next(i for i in range(len(in_term) - 2, 0, -1) if in_term[i]["date"] < term_end)
                    picks.append((soch, "soch"))
                for number, (index, kind) in enumerate(picks, start=1):
                    lesson = in_term[index]
                    lesson["kind"] = kind
                    kk = course["language"] == "kk"
                    title = ({"sor": "БЖБ", "soch": "ТЖБ"} if kk else {"sor": "СОР", "soch": "СОЧ"})[kind]
                    if kind == "sor":
                        title += f" №{number}"
                    self.works.append(dict(
                        id=ids.lesson_id(course["id"], lesson["date"], -lesson["slot"]),
                        course_id=course["id"], period_id=term_no, lesson_id=lesson["id"], kind=kind,
                        title=title, section=None, date=lesson["date"],
                        max_points=(20 if kind == "soch" else (10 if course["grade"] <= 4 else 15)),
                        server_version=1,
                    ))

    # -- filling in -------------------------------------------------------------------------------

    def _fill_range(self) -> tuple[dt.date, dt.date]:
        year_start, year_end = self.terms[0][0], self.terms[-1][1]
        if self.spec.weeks_filled is None:
            return year_start, year_end
        end = min(max(self.today, year_start + dt.timedelta(weeks=self.spec.weeks_filled)), year_end)
        return max(year_start, end - dt.timedelta(weeks=self.spec.weeks_filled)), end

    def _fill(self) -> None:
        rng = self.rng
        start, end = self._fill_range()
        self.summary.filled_from, self.summary.filled_to = start, end
        work_by_lesson = {w["lesson_id"]: w for w in self.works}
        cell_rows: list[dict[str, Any]] = []
        score_rows: list[dict[str, Any]] = []
        topic_rows: list[dict[str, Any]] = []
        class_of = {c["id"]: c for c in self.classes}
        for course in self.courses:
            roster = self.membership[course["class_id"]]
            only = self.course_pupils[course["id"]]
            kk = class_of[course["class_id"]]["language"] == "kk"
            number = 0
            for lesson in self.lessons_by_course[course["id"]]:
                if not start <= lesson["date"] <= end:
                    continue
                number += 1
                topic_rows.append(dict(lid=lesson["id"], topic=_topic(course["code"], number, kk),
                                       homework=(f"§{number}, {rng.randint(1, 12)}-жаттығу" if kk
                                                 else f"§{number}, упр. {rng.randint(1, 12)}")))
                work = work_by_lesson.get(lesson["id"])
                for pupil, since, until in roster:
                    if lesson["date"] < since or (until is not None and lesson["date"] > until):
                        continue
                    if only is not None and pupil not in only:
                        continue
                    cell = _cell(rng, course["scale"], self.spec.mark_rate, kk, work is not None)
                    if cell is not None:
                        cell_rows.append(dict(lesson_id=lesson["id"], pupil_id=pupil, server_version=1, **cell))
                    if work is not None and (cell is None or cell["attendance"] is None):
                        score_rows.append(dict(work_id=work["id"], pupil_id=pupil, server_version=1,
                                               points=_score(rng, work["max_points"]), comment=None))
            if len(cell_rows) > 200_000:
                self._bulk(LessonCell, cell_rows)
                self.summary.cells += len(cell_rows)
                cell_rows = []
        self._bulk(LessonCell, cell_rows)
        self.summary.cells += len(cell_rows)
        self._bulk(SummativeScore, score_rows)
        self.summary.scores = len(score_rows)
        lesson_table = self._t(Lesson)
        from sqlalchemy import bindparam

        self.conn.execute(
            lesson_table.update().where(lesson_table.c.id == bindparam("lid")).values(
                topic=bindparam("topic"), homework=bindparam("homework")),
            topic_rows,
        )


_TOPICS = {
    "math": (("Натурал сандар", "Жай бөлшектер", "Ондық бөлшектер", "Пропорция", "Теңдеулер"),
             ("Натуральные числа", "Обыкновенные дроби", "Десятичные дроби", "Пропорции", "Уравнения")),
    "algebra": (("Квадрат теңдеулер", "Функция және оның графигі", "Теңсіздіктер", "Прогрессиялар"),
                ("Квадратные уравнения", "Функция и её график", "Неравенства", "Прогрессии")),
    "physics": (("Механикалық қозғалыс", "Ньютон заңдары", "Энергия", "Электр тогы"),
                ("Механическое движение", "Законы Ньютона", "Энергия", "Электрический ток")),
    "kz_history": (("Сақтар", "Түркі қағанаты", "Алтын Орда", "Қазақ хандығының құрылуы"),
                   ("Саки", "Тюркский каганат", "Золотая Орда", "Образование Казахского ханства")),
}


def _topic(code: str, number: int, kk: bool) -> str:
    topics = _TOPICS.get(code)
    if topics is None:
        return f"Тақырып {number}" if kk else f"Тема {number}"
    names_ = topics[0 if kk else 1]
    return f"{names_[(number - 1) // 4 % len(names_)]} ({(number - 1) % 4 + 1})"


_FO_WEIGHTS = (1, 1, 1, 2, 3, 5, 8, 11, 12, 10, 8)
_CLASSIC_WEIGHTS = (3, 15, 42, 40)
_COMMENTS = (("Жақсы жұмыс!", "Есептерді қайталау керек", "Белсенді болды"),
             ("Хорошая работа!", "Повторить правила", "Активно работал(а) на уроке"))


def _cell(rng: random.Random, scale: str, mark_rate: float, kk: bool, summative: bool) -> dict[str, Any] | None:
    roll = rng.random()
    if roll < 0.03:
        return dict(attendance="absent", mark=None, comment=None)
    if roll < 0.05:
        return dict(attendance="ill", mark=None, comment=None)
    if roll < 0.06:
        return dict(attendance="excused", mark=None, comment=None)
    attendance = "late" if roll < 0.075 else None
    mark = None
    if not summative and rng.random() < mark_rate:
        if scale == "criteria":
            mark = rng.choices(range(11), _FO_WEIGHTS)[0]
        elif scale == "classic":
            mark = rng.choices(range(2, 6), _CLASSIC_WEIGHTS)[0]
        elif scale == "passfail":
            mark = 1 if rng.random() < 0.95 else 0
    if mark is None and attendance is None:
        return None
    comment = rng.choice(_COMMENTS[0 if kk else 1]) if mark is not None and rng.random() < 0.03 else None
    return dict(attendance=attendance, mark=mark, comment=comment)


def _score(rng: random.Random, max_points: int) -> int:
    return min(max_points, max(0, round(rng.gauss(0.72, 0.17) * max_points)))
