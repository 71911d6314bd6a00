"""`dala-server import-school --school ID --since DAY --order ORDER BUNDLE`: a later bundle of a school already
imported (the school's office exported it again after the year began), applied as dated changes from DAY.

The bundle is checked as a first import's is (server.school_import.check), then compared with what the school
holds, and each difference made the way the admin's console makes it, dated DAY and audited with ORDER:

- a pupil the bundle adds arrives in his class; one it no longer lists leaves the day before; one in another class
  moves (pupils are matched by last name, first name, patronymic and birth date); one in another group of his
  class for a subject moves between the groups (server.roster, server.subgroups);
- a new teacher gets an account and a one-time password; a course with another teacher is given to her
  (server.course_teachers);
- a new class, subgroup or course is added (a new subject too), and its teachers' PCs download it at their next
  sync (sync.course_set); a pupil of a new group, or a new pupil with groups, joins them from DAY;
- a course with another week gets it from DAY, its lessons planned again (server.timetable_changes): a new course
  gets its lessons from DAY, and one the bundle no longer lists keeps no week after DAY (its lessons from then that
  hold nothing are taken away; those a teacher wrote in stay);
- the calendar's days off follow the bundle's calendar.csv (server.calendar_changes), when it has one.

What a later bundle cannot change that way (a class, group or course it no longer lists is not deleted: what was
written in it stays; bells and periods are the first import's) is named with its file and row or left as it is. Any
problem refuses the whole bundle with file, row and reason; nothing is changed.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, select

from core.errors import JournalError
from server import calendar_changes, course_teachers, roster, serials, subgroups, timetable_changes
from server.accounts import Principal, add_accounts, hash_password, operator_for, taken_usernames
from server.db import writer
from server.schema import tables
from server.school_import import ImportRefused, check, read_bundle, subjects

T = tables


def reimport(engine: Engine, path: Path, school_id: int, since: dt.date, order: str) -> dict[str, Any]:
    """Apply the bundle at `path` to school `school_id` from `since`; counts of what changed and the new teachers'
    passwords."""
    data = check(read_bundle(path))
    now = dt.datetime.now(dt.UTC)
    with writer(engine).begin() as conn:
        who = operator_for(conn, school_id)
        if who is None:
            raise ImportRefused([f"school {school_id}: no such school, or it has no admin account"])
        change = _Change(conn, who, now, since, order)
        change.run(data)
        if change.problems:
            raise ImportRefused(change.problems)
    return change.counts


class _Change:
    """One later bundle's differences, made in one transaction; the problems met, by file and row."""

    def __init__(self, conn: Connection, who: Principal, now: dt.datetime, since: dt.date, order: str) -> None:
        self.conn, self.who, self.now, self.since, self.order = conn, who, now, since, order
        self.school = who.school_id
        self.problems: list[str] = []
        self.counts: dict[str, Any] = {"arrived": 0, "left": 0, "moved": 0, "regrouped": 0, "joined": 0, "teachers": 0,
                                       "classes": 0, "subgroups": 0, "courses": 0, "courses_given": 0, "weeks": 0,
                                       "days_off": 0, "passwords": {}}

    @contextmanager
    def attempt(self, where: str, count: str) -> Iterator[None]:
        """One change made in the block; a refusal is kept as a problem of `where` (the transaction is rolled back
        at the end when there is any), a change made is counted."""
        try:
            yield
        except (JournalError, ValueError) as refused:
            self.problems.append(f"{where}: {refused}")
        else:
            self.counts[count] += 1

    def run(self, data: dict[str, Any]) -> None:
        conn, school = self.conn, self.school
        K, S, G, C, TE = T["school_class"], T["subject"], T["subgroup"], T["course"], T["teacher"]
        classes = {(r.grade, r.letter): r.id for r in conn.execute(
            select(K.c.id, K.c.grade, K.c.letter).where(K.c.school_id == school))}
        self.groups = {(r.class_id, r.name): r.id for r in conn.execute(
            select(G.c.id, G.c.class_id, G.c.name).where(G.c.school_id == school))}
        teachers = {r.username: r.id for r in conn.execute(
            select(TE.c.id, TE.c.username).where(TE.c.school_id == school))}
        self._new_teachers(data, teachers)
        courses = {(r.class_id, r.code, r.group or ""): (r.id, r.teacher_id) for r in conn.execute(
            select(C.c.id, C.c.class_id, C.c.teacher_id, S.c.code, G.c.name.label("group"))
            .join(S, S.c.id == C.c.subject_id)
            .outerjoin(G, and_(G.c.school_id == C.c.school_id, G.c.id == C.c.subgroup_id))
            .where(C.c.school_id == school))}
        if self.problems:
            return
        year = conn.execute(select(T["academic_year"].c.id).where(
            T["academic_year"].c.school_id == school, T["academic_year"].c.start_date <= self.since,
            T["academic_year"].c.end_date >= self.since)).scalar()
        if year is None:
            self.problems.append(f"--since {self.since}: not a day of the school's year")
            return
        for key, row in data["classes"].items():
            if key not in classes:
                classes[key] = serials.add_one(conn, K, school_id=school, year_id=year, grade=key[0], letter=key[1],
                                               language=row["language"],
                                               homeroom_teacher_id=teachers.get(row.get("homeroom", "")))
                self.counts["classes"] += 1
        subject_ids = subjects(conn, data)
        for n, (key, row) in enumerate(data["courses"].items(), start=2):
            class_id = classes[key[0]]
            found = courses.get((class_id, key[1], key[2]))
            where = f"courses.csv row {n}"
            if found is None:
                course_id = serials.add_one(conn, C, school_id=school, class_id=class_id,
                                            subject_id=subject_ids[key[1]], teacher_id=teachers[row["teacher"]],
                                            subgroup_id=self._group(class_id, key[2]) if key[2] else None,
                                            scale=row["scale"], hours_per_week=row["hours"])
                courses[(class_id, key[1], key[2])] = (course_id, teachers[row["teacher"]])
                self.counts["courses"] += 1
            elif found[1] != teachers[row["teacher"]]:
                new = course_teachers.NewTeacher(teacher_id=teachers[row["teacher"]], from_date=self.since)
                with self.attempt(where, "courses_given"):
                    course_teachers.give(conn, self.who, self.now, found[0], new, None)
        self._weeks(data, classes, courses)
        self._pupils(data, classes)
        if data["calendar_given"]:
            self._calendar(data)

    def _group(self, class_id: int, name: str) -> int:
        """The class's subgroup of that name, added when it is new."""
        if (class_id, name) not in self.groups:
            self.groups[(class_id, name)] = serials.add_one(self.conn, T["subgroup"], school_id=self.school,
                                                            class_id=class_id, name=name)
            self.counts["subgroups"] += 1
        return self.groups[(class_id, name)]

    def _new_teachers(self, data: dict[str, Any], teachers: dict[str, int]) -> None:
        new = [u for u in data["teachers"] if u not in teachers]
        taken = taken_usernames(self.conn) & set(new)
        for username in sorted(taken):
            self.problems.append(f"teachers.csv: username {username} is already used on this server")
        if taken:
            return
        for username in new:
            row = data["teachers"][username]
            teachers[username] = serials.add_one(self.conn, T["teacher"], school_id=self.school, username=username,
                                                 last_name=row["last_name"], first_name=row["first_name"],
                                                 patronymic=row.get("patronymic") or None)
            self.counts["passwords"][username] = secrets.token_urlsafe(9)
        add_accounts(self.conn, [dict(school_id=self.school, username=u, role="teacher", teacher_id=teachers[u],
                                      password_hash=hash_password(p))
                                 for u, p in self.counts["passwords"].items()])
        self.counts["teachers"] = len(new)

    def _weeks(self, data: dict[str, Any], classes: dict, courses: dict) -> None:
        E = T["timetable_entry"]
        wanted: dict[int, set[tuple[int, int]]] = {course: set() for course, _ in courses.values()}
        for w in data["week"]:
            key = w["key"]
            found = courses.get((classes[key[0]], key[1], key[2]))
            if found is not None:
                wanted[found[0]].add((w["weekday"], w["slot"]))
        held: dict[int, set[tuple[int, int]]] = {course: set() for course in wanted}
        for course, weekday, slot in self.conn.execute(select(E.c.course_id, E.c.weekday, E.c.slot).where(
                E.c.school_id == self.school, E.c.valid_from <= self.since,
                (E.c.valid_to.is_(None)) | (E.c.valid_to >= self.since))):
            held.setdefault(course, set()).add((weekday, slot))
        for course, slots in wanted.items():
            if slots != held.get(course, set()):
                week = timetable_changes.NewWeek(from_date=self.since, slots=sorted(slots))
                with self.attempt(f"timetable.csv: course {course}", "weeks"):
                    timetable_changes.change_week(self.conn, self.who, self.now, course, week, None)

    def _join(self, where: str, pupil_id: int, groups: list[int]) -> None:
        """The pupil joins each of `groups` from no other (a new pupil, a new group, or a move to another class)."""
        for group in groups:
            joining = subgroups.GroupMove(from_group=None, to_group=group, from_date=self.since, order=self.order)
            with self.attempt(where, "joined"):
                subgroups.move(self.conn, self.who, self.now, pupil_id, joining, None)

    def _pupils(self, data: dict[str, Any], classes: dict) -> None:
        P, M, SM = T["pupil"], T["class_membership"], T["subgroup_member"]
        current = {}
        for r in self.conn.execute(select(P.c.id, P.c.last_name, P.c.first_name, P.c.patronymic, P.c.birth_date,
                                          M.c.class_id).join(M, and_(M.c.school_id == P.c.school_id,
                                                                     M.c.pupil_id == P.c.id))
                                   .where(P.c.school_id == self.school, M.c.to_date.is_(None))):
            current[(r.last_name, r.first_name, r.patronymic or "", r.birth_date)] = (r.id, r.class_id)
        in_groups: dict[int, set[int]] = {}
        for group, pupil in self.conn.execute(select(SM.c.subgroup_id, SM.c.pupil_id).where(
                SM.c.school_id == self.school, SM.c.to_date.is_(None))):
            in_groups.setdefault(pupil, set()).add(group)
        listed = set()
        for pupil in data["pupils"]:
            key = (pupil["last_name"], pupil["first_name"], pupil.get("patronymic") or "", pupil["born"])
            listed.add(key)
            class_id = classes[pupil["klass"]]
            found = current.get(key)
            where = pupil["where"]
            wanted = {self._group(class_id, name) for name in pupil["groups"]}
            if found is None:
                arrived: list[int] = []
                with self.attempt(where, "arrived"):
                    arrived.append(roster.arrive(self.conn, self.who, self.now, roster.Arrival(
                        class_id=class_id, last_name=pupil["last_name"], first_name=pupil["first_name"],
                        patronymic=pupil.get("patronymic") or None, birth_date=pupil["born"],
                        sex=pupil.get("sex") or None, from_date=self.since, order=self.order), None))
                for pupil_id in arrived:
                    self._join(where, pupil_id, sorted(wanted))
                continue
            pupil_id, was_in = found
            if was_in != class_id:
                with self.attempt(where, "moved"):
                    roster.move(self.conn, self.who, self.now, pupil_id, class_id, self.since, self.order, None)
                self._join(where, pupil_id, sorted(wanted))
                continue
            held = in_groups.get(pupil_id, set())
            gone, new = sorted(held - wanted), sorted(wanted - held)
            if gone and len(gone) != len(new):
                self.problems.append(f"{where}: the pupil's groups change otherwise than one group for another")
            if not gone:
                self._join(where, pupil_id, new)
            for old_group, new_group in zip(gone, new, strict=False):
                regroup = subgroups.GroupMove(from_group=old_group, to_group=new_group, from_date=self.since,
                                              order=self.order)
                with self.attempt(where, "regrouped"):
                    subgroups.move(self.conn, self.who, self.now, pupil_id, regroup, None)
        for key, (pupil_id, _class) in current.items():
            if key not in listed:
                with self.attempt(f"pupils.csv: {key[0]} {key[1]}", "left"):
                    roster.leave(self.conn, self.who, self.now, pupil_id, self.since - dt.timedelta(days=1),
                                 self.order, None)

    def _calendar(self, data: dict[str, Any]) -> None:
        D = T["day_off"]
        held = {(r.from_date, r.to_date, r.grade_from, r.grade_to, r.kind, r.name): r.id for r in self.conn.execute(
            select(D).where(D.c.school_id == self.school))}
        wanted = {(o.from_date, o.to_date, o.grade_from, o.grade_to, o.kind, o.name.strip()) for o in data["days_off"]}
        for key in sorted(wanted - set(held)):
            new = calendar_changes.NewDayOff(from_date=key[0], to_date=key[1], kind=key[4], name=key[5],
                                             grade_from=key[2], grade_to=key[3])
            with self.attempt(f"calendar.csv: {key[0]} – {key[1]}", "days_off"):
                calendar_changes.add(self.conn, self.who, self.now, new, None)
        for key, day_off_id in held.items():
            if key not in wanted:
                with self.attempt(f"calendar.csv: {key[0]} – {key[1]}", "days_off"):
                    calendar_changes.remove(self.conn, self.who, self.now, day_off_id, None)
