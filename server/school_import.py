"""`dala-server import-school BUNDLE`: load a school from a bundle of CSV files (a folder or a .zip), the
format docs/school-import.md describes. The whole bundle is checked first; any problem refuses it with the
file, row and reason, and nothing is imported. Teachers get accounts with one-time initial passwords.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import secrets
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from core import lesson_plan, school_calendar, timetable_check
from core.lesson_plan import WeeklySlot
from core.school_calendar import DayOff, SchoolCalendar
from core.tables.timetable import SCALES
from server import serials
from server.accounts import add_accounts, hash_password, taken_usernames
from server.db import refresh_statistics, writer
from server.schema import tables

FILES: dict[str, tuple[str, ...]] = {
    "school.csv": ("name", "region", "language", "week_days"),
    "periods.csv": ("kind", "number", "start", "end"),
    "bells.csv": ("shift", "number", "starts", "ends"),
    "subjects.csv": ("code", "name_kk", "name_ru", "name_en"),
    "teachers.csv": ("username", "last_name", "first_name", "patronymic"),
    "classes.csv": ("class", "language", "homeroom"),
    "pupils.csv": ("class", "last_name", "first_name", "patronymic", "birth_date", "sex", "subgroups"),
    "courses.csv": ("class", "subject", "subgroup", "teacher", "scale", "hours_per_week"),
    "timetable.csv": ("class", "subject", "subgroup", "weekday", "slot"),
    "calendar.csv": ("kind", "from", "to", "grades", "name"),
}
OPTIONAL = {"region", "week_days", "patronymic", "homeroom", "birth_date", "sex", "subgroups", "subgroup", "grades"}
# A school with no days off to tell (or that enters them later in the admin console) leaves the calendar out.
OPTIONAL_FILES = {"calendar.csv"}
GRADES = re.compile(r"^(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?$")
CLASS_NAME = re.compile(r"^(\d{1,2})\s*[«\"]?([^\d\s«»\"]{1,4})[»\"]?$")


class ImportRefused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass
class _Checker:
    problems: list[str] = field(default_factory=list)

    def need(self, ok: bool, where: str, reason: str) -> bool:
        if not ok:
            self.problems.append(f"{where}: {reason}")
        return ok

    def parse(self, where: str, what: str, text: str, convert: Callable[[str], Any]) -> Any:
        try:
            return convert(text)
        except (ValueError, TypeError):
            self.problems.append(f"{where}: {what} {text!r} is not valid")
            return None


def read_bundle(path: Path) -> dict[str, list[dict[str, str]]]:
    def load(name: str, data: bytes) -> list[dict[str, str]]:
        text = data.decode("utf-8-sig")  # spreadsheets save a BOM
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(io.StringIO(text))]

    found: dict[str, list[dict[str, str]]] = {}
    if path.is_dir():
        for name in FILES:
            if (path / name).exists():
                found[name] = load(name, (path / name).read_bytes())
    else:
        with zipfile.ZipFile(path) as bundle:
            for member in bundle.namelist():
                name = Path(member).name
                if name in FILES:
                    found[name] = load(name, bundle.read(member))
    return found


def parse_class(text: str) -> tuple[int, str] | None:
    match = CLASS_NAME.match(text.strip())
    return (int(match.group(1)), match.group(2).upper()) if match else None


def check(bundle: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    """The bundle as clean records, or ImportRefused listing every problem found."""
    c = _Checker()
    for name, columns in FILES.items():
        if not c.need(name in bundle or name in OPTIONAL_FILES, name, "the file is missing") or name not in bundle:
            continue
        if bundle[name]:
            have = set(bundle[name][0])
            missing = [col for col in columns if col not in have and col not in OPTIONAL]
            c.need(not missing, name, f"columns missing: {', '.join(missing)}")
    if c.problems:
        raise ImportRefused(c.problems)

    school_rows = bundle["school.csv"]
    c.need(len(school_rows) == 1, "school.csv", "must hold exactly one school")
    school = school_rows[0] if school_rows else {}
    c.need(bool(school.get("name")), "school.csv row 2", "the name is empty")
    c.need(school.get("language") in ("kk", "ru", "en"), "school.csv row 2", "language must be kk, ru or en")
    week_days = int(school.get("week_days") or 5) if (school.get("week_days") or "5") in ("5", "6") else None
    c.need(week_days is not None, "school.csv row 2", "week_days must be 5 or 6 (days a week with lessons)")

    periods = []
    for n, row in enumerate(bundle["periods.csv"], start=2):
        where = f"periods.csv row {n}"
        start = c.parse(where, "start", row["start"], dt.date.fromisoformat)
        end = c.parse(where, "end", row["end"], dt.date.fromisoformat)
        number = c.parse(where, "number", row["number"], int)
        c.need(row["kind"] in ("term", "half_year", "year"), where, "kind must be term, half_year or year")
        if start and end:
            c.need(start <= end, where, "starts after it ends")
        periods.append(dict(kind=row["kind"], number=number, start_date=start, end_date=end, closed=False))
    terms = sorted((p for p in periods if p["kind"] == "term" and p["start_date"]), key=lambda p: p["start_date"])
    c.need(bool(terms), "periods.csv", "no terms")
    for before, after in itertools.pairwise(terms):
        c.need(before["end_date"] < after["start_date"], "periods.csv",
               f"term {before['number']} overlaps term {after['number']}")

    bells = []
    for n, row in enumerate(bundle["bells.csv"], start=2):
        where = f"bells.csv row {n}"
        bells.append(dict(shift=c.parse(where, "shift", row["shift"], int),
                          number=c.parse(where, "number", row["number"], int),
                          starts=c.parse(where, "starts", row["starts"], dt.time.fromisoformat),
                          ends=c.parse(where, "ends", row["ends"], dt.time.fromisoformat)))
    if not c.problems:
        for problem in timetable_check.check_bells(timetable_check.Slot(**b) for b in bells):
            c.problems.append(f"bells.csv: {problem.message}")

    subjects = {}
    for n, row in enumerate(bundle["subjects.csv"], start=2):
        where = f"subjects.csv row {n}"
        if c.need(bool(row["code"]) and row["code"] not in subjects, where, "the code is empty or repeated"):
            subjects[row["code"]] = row

    teachers = {}
    for n, row in enumerate(bundle["teachers.csv"], start=2):
        where = f"teachers.csv row {n}"
        ok = c.need(bool(re.fullmatch(r"[a-z0-9._-]{2,64}", row["username"])), where,
                    "username must be 2–64 of a-z 0-9 . _ -")
        ok = ok and c.need(row["username"] not in teachers, where, f"username {row['username']} repeated")
        c.need(bool(row["last_name"] and row["first_name"]), where, "last and first names are required")
        if ok:
            teachers[row["username"]] = row

    classes = {}
    for n, row in enumerate(bundle["classes.csv"], start=2):
        where = f"classes.csv row {n}"
        parsed = parse_class(row["class"])
        if c.need(parsed is not None, where, f"class {row['class']!r} is not like 7Б") and parsed is not None:
            c.need(1 <= parsed[0] <= 12, where, "grade must be 1–12")
            c.need(row["language"] in ("kk", "ru"), where, "language must be kk or ru")
            home = row.get("homeroom", "")
            c.need(not home or home in teachers, where, f"homeroom teacher {home!r} is not in teachers.csv")
            c.need(parsed not in classes, where, f"class {row['class']} repeated")
            classes[parsed] = row

    pupils = []
    for n, row in enumerate(bundle["pupils.csv"], start=2):
        where = f"pupils.csv row {n}"
        klass = parse_class(row["class"])
        c.need(klass in classes, where, f"class {row['class']!r} is not in classes.csv")
        c.need(bool(row["last_name"] and row["first_name"]), where, "last and first names are required")
        born = c.parse(where, "birth_date", row["birth_date"], dt.date.fromisoformat) if row.get("birth_date") else None
        c.need(row.get("sex", "") in ("", "m", "f"), where, "sex must be m, f or empty")
        groups = [g.strip() for g in row.get("subgroups", "").split(";") if g.strip()]
        pupils.append(dict(row, klass=klass, born=born, groups=groups, where=where))

    courses = {}
    for n, row in enumerate(bundle["courses.csv"], start=2):
        where = f"courses.csv row {n}"
        klass = parse_class(row["class"])
        c.need(klass in classes, where, f"class {row['class']!r} is not in classes.csv")
        c.need(row["subject"] in subjects, where, f"subject {row['subject']!r} is not in subjects.csv")
        c.need(row["teacher"] in teachers, where, f"teacher {row['teacher']!r} is not in teachers.csv")
        c.need(row["scale"] in SCALES, where, f"scale must be one of {', '.join(SCALES)}")
        hours = c.parse(where, "hours_per_week", row["hours_per_week"], int)
        c.need(hours is None or 1 <= hours <= 12, where, "hours_per_week must be 1–12")
        key = (klass, row["subject"], row.get("subgroup", ""))
        c.need(key not in courses, where, "the same class, subject and subgroup appear twice")
        courses[key] = dict(row, klass=klass, hours=hours)

    slots = {(b["shift"], b["number"]) for b in bells}
    week = []
    for n, row in enumerate(bundle["timetable.csv"], start=2):
        where = f"timetable.csv row {n}"
        key = (parse_class(row["class"]), row["subject"], row.get("subgroup", ""))
        c.need(key in courses, where, "no such course in courses.csv")
        weekday = c.parse(where, "weekday", row["weekday"], int)
        slot = c.parse(where, "slot", row["slot"], int)
        c.need(weekday is None or 1 <= weekday <= 7, where, "weekday must be 1 (Monday) – 7")
        c.need(slot is None or any(number == slot for _, number in slots), where, f"lesson {slot} is not in bells.csv")
        week.append(dict(key=key, weekday=weekday, slot=slot, where=where))
    if not c.problems:
        _check_week(c, week, courses)
    days_off = _days_off(c, bundle.get("calendar.csv", []), periods)
    if c.problems:
        raise ImportRefused(c.problems)
    return dict(school=school, week_days=week_days, periods=periods, bells=bells, subjects=subjects,
                teachers=teachers, classes=classes, pupils=pupils, courses=courses, week=week, days_off=days_off,
                calendar_given="calendar.csv" in bundle)


def _days_off(c: _Checker, rows: list[dict[str, str]], periods: list[dict[str, Any]]) -> list[DayOff]:
    """calendar.csv's days off, each within the school year the periods span."""
    dated = [p for p in periods if p["start_date"] and p["end_date"]]
    if not dated:
        return []
    year = (min(p["start_date"] for p in dated), max(p["end_date"] for p in dated))
    out = []
    for n, row in enumerate(rows, start=2):
        where = f"calendar.csv row {n}"
        first = c.parse(where, "from", row["from"], dt.date.fromisoformat)
        last = c.parse(where, "to", row["to"] or row["from"], dt.date.fromisoformat)
        grades = GRADES.match(row.get("grades") or "0-12")
        c.need(grades is not None, where, "grades is a grade (1) or a range (1-4), or empty for all")
        if first is None or last is None or grades is None:
            continue
        low, high = int(grades.group(1)), int(grades.group(2) or grades.group(1))
        off = DayOff(first, last, row["kind"], row["name"], low, high)
        for problem in school_calendar.check_day_off(off, year):
            c.problems.append(f"{where}: {problem}")
        out.append(off)
    return out


def _check_week(c: _Checker, week: list[dict], courses: dict) -> None:
    """No class (bar parallel subgroups) and no teacher in two places at once, naming the rows that clash."""
    numbers: dict[Any, int] = {}

    def number(key: Any) -> int:
        return numbers.setdefault(key, len(numbers))

    entries = [
        timetable_check.Entry(row, number(("class", w["key"][0])),
                              number(("group", w["key"][0], w["key"][2])) if w["key"][2] else None,
                              number(("teacher", courses[w["key"]]["teacher"])), w["weekday"], w["slot"])
        for row, w in enumerate(week)
    ]
    for problem in timetable_check.check_week(entries, {e.slot for e in entries}):
        p = problem.params
        if problem.code == "class_clash":
            rows = [week[e.course_id]["where"] for e in entries
                    if (e.class_id, e.weekday, e.slot) == (p["class_id"], p["weekday"], p["slot"])]
            who = "the class"
        else:
            rows = [week[e.course_id]["where"] for e in entries
                    if (e.teacher_id, e.weekday, e.slot) == (p["teacher_id"], p["weekday"], p["slot"])]
            who = "the teacher"
        c.problems.append(f"{rows[-1]}: {who} already has a lesson on day {p['weekday']} in lesson {p['slot']} "
                          f"({rows[0]})")


def load(engine: Engine, path: Path) -> dict[str, Any]:
    """Check and import the bundle at `path`; returns counts and the teachers' initial passwords."""
    data = check(read_bundle(path))
    T = tables
    passwords: dict[str, str] = {}
    with writer(engine).begin() as conn:
        taken = taken_usernames(conn) | set(conn.execute(select(T["teacher"].c.username)).scalars())
        clash = sorted(set(data["teachers"]) & taken)
        if clash:
            raise ImportRefused([f"teachers.csv: username {u} is already used on this server" for u in clash])
        s = data["school"]
        school_id = conn.execute(insert(T["school"]).values(name=s["name"], region=s.get("region") or None,
                                                            language=s["language"]).returning(T["school"].c.id)).scalar_one()

        def add(table: str, **values: Any) -> int:
            return serials.add_one(conn, T[table], school_id=school_id, **values)

        def add_all(table: str, rows: list[dict[str, Any]]) -> None:
            serials.insert_rows(conn, T[table], [dict(row, school_id=school_id) for row in rows])

        start = min(p["start_date"] for p in data["periods"])
        end = max(p["end_date"] for p in data["periods"])
        year_id = add("academic_year", name=f"{start.year}–{end.year}", start_date=start, end_date=end,
                      week_days=data["week_days"])
        add_all("period", [dict(p, year_id=year_id) for p in data["periods"]])
        add_all("day_off", [dict(year_id=year_id, from_date=o.from_date, to_date=o.to_date, grade_from=o.grade_from,
                                 grade_to=o.grade_to, kind=o.kind, name=o.name.strip()) for o in data["days_off"]])
        add_all("bell_slot", data["bells"])
        subject_ids = subjects(conn, data)
        teacher_ids = {}
        for username, row in data["teachers"].items():
            teacher_ids[username] = add("teacher", username=username, last_name=row["last_name"],
                                        first_name=row["first_name"], patronymic=row.get("patronymic") or None)
            passwords[username] = secrets.token_urlsafe(9)
        # The school's admin (завуч) for the console: a username no teacher can take (usernames are checked
        # against every school's above), with a one-time password like the teachers'.
        admin, admin_password = f"admin.{school_id}", secrets.token_urlsafe(12)
        if admin in taken:
            raise ImportRefused([f"school.csv: the admin's username {admin} is already used on this server"])
        add_accounts(conn, [dict(school_id=school_id, username=username, role="teacher",
                                 teacher_id=teacher_ids[username],
                                 failed_logins=0, password_hash=hash_password(password))
                            for username, password in passwords.items()]
                     + [dict(school_id=school_id, username=admin, role="admin", teacher_id=None, failed_logins=0,
                             password_hash=hash_password(admin_password))])
        class_ids = {}
        for (grade, letter), row in data["classes"].items():
            class_ids[(grade, letter)] = add("school_class", year_id=year_id, grade=grade, letter=letter,
                                             language=row["language"],
                                             homeroom_teacher_id=teacher_ids.get(row.get("homeroom", "")))
        subgroup_ids: dict[tuple, int] = {}

        def subgroup(klass: tuple, name: str) -> int:
            if (klass, name) not in subgroup_ids:
                subgroup_ids[(klass, name)] = add("subgroup", class_id=class_ids[klass], name=name)
            return subgroup_ids[(klass, name)]

        for pupil in data["pupils"]:
            pupil_id = add("pupil", last_name=pupil["last_name"], first_name=pupil["first_name"],
                           patronymic=pupil.get("patronymic") or None, birth_date=pupil["born"],
                           sex=pupil.get("sex") or None)
            add("class_membership", pupil_id=pupil_id, class_id=class_ids[pupil["klass"]], from_date=start,
                to_date=None)
            for name in pupil["groups"]:
                conn.execute(insert(T["subgroup_member"]).values(school_id=school_id, pupil_id=pupil_id,
                                                                 subgroup_id=subgroup(pupil["klass"], name)))
        course_ids = {}
        for key, row in data["courses"].items():
            klass, code, group = key
            course_ids[key] = add("course", class_id=class_ids[klass], subject_id=subject_ids[code],
                                  teacher_id=teacher_ids[row["teacher"]],
                                  subgroup_id=subgroup(klass, group) if group else None, scale=row["scale"],
                                  hours_per_week=row["hours"])
        add_all("timetable_entry", [dict(course_id=course_ids[w["key"]], weekday=w["weekday"], slot=w["slot"],
                                         valid_from=start, valid_to=None) for w in data["week"]])
        lessons = _planned_lessons(data, course_ids, start)
        for at in range(0, len(lessons), 5000):
            conn.execute(insert(T["lesson"]), [dict(row, school_id=school_id) for row in lessons[at:at + 5000]])
    refresh_statistics(engine)
    return {"school_id": school_id, "classes": len(data["classes"]), "pupils": len(data["pupils"]),
            "teachers": len(data["teachers"]), "courses": len(data["courses"]), "lessons": len(lessons),
            "passwords": passwords, "admin": admin, "admin_password": admin_password}


def subjects(conn: Connection, data: dict[str, Any]) -> dict[str, int]:
    """The bundle's subjects by code, those the server does not know yet added (subjects are shared by schools)."""
    ids = {}
    subject = tables["subject"]
    for code, row in data["subjects"].items():
        existing = conn.execute(select(subject.c.id).where(subject.c.code == code)).scalar()
        ids[code] = existing or conn.execute(insert(subject).values(
            code=code, name_kk=row["name_kk"], name_ru=row["name_ru"], name_en=row["name_en"],
        ).returning(subject.c.id)).scalar_one()
    return ids


def _planned_lessons(data: dict[str, Any], course_ids: dict[tuple, int], start: dt.date) -> list[dict[str, Any]]:
    """Every course's lessons of the year, planned from the timetable over the calendar (core.lesson_plan)."""
    terms = tuple((p["start_date"], p["end_date"]) for p in data["periods"] if p["kind"] == "term")
    calendar = SchoolCalendar(terms, tuple(data["days_off"]), data["week_days"])
    week: dict[tuple, list[WeeklySlot]] = {}
    for w in data["week"]:
        week.setdefault(w["key"], []).append(WeeklySlot(w["weekday"], w["slot"], start))
    return [dict(id=lesson.id, course_id=lesson.course_id, date=lesson.date, slot=lesson.slot, kind="regular",
                 server_version=1)
            for key, course_id in course_ids.items()
            for lesson in lesson_plan.plan(course_id, key[0][0], week.get(key, []), calendar)]
