"""Importing a school from a CSV bundle: a sound bundle lands whole; a bad one is refused with the row and
reason, and nothing of it is imported."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest

from storage import journal_sheet
from tests.server.conftest import ROOT, running_server
from tests.sync.conftest import synced_pcs

GOOD = {
    "school.csv": [["name", "region", "language"], ["Жаңаталап ауылының мектебі", "Жамбыл облысы", "kk"]],
    "periods.csv": [["kind", "number", "start", "end"], ["term", "1", "2026-09-02", "2026-10-24"],
                    ["term", "2", "2026-11-03", "2026-12-26"], ["year", "1", "2026-09-02", "2027-05-25"]],
    "bells.csv": [["shift", "number", "starts", "ends"], ["1", "1", "08:30", "09:15"], ["1", "2", "09:25", "10:10"],
                  ["1", "3", "10:30", "11:15"]],
    "subjects.csv": [["code", "name_kk", "name_ru", "name_en"], ["algebra", "Алгебра", "Алгебра", "Algebra"],
                     ["english", "Ағылшын тілі", "Английский язык", "English"]],
    "teachers.csv": [["username", "last_name", "first_name", "patronymic"],
                     ["g.nurlanova", "Нұрланова", "Гүлмира", "Серікқызы"], ["a.petrov", "Петров", "Андрей", ""],
                     ["d.omarova", "Омарова", "Динара", ""]],
    "classes.csv": [["class", "language", "homeroom"], ["7Б", "kk", "g.nurlanova"], ["8 «А»", "ru", ""]],
    "pupils.csv": [["class", "last_name", "first_name", "patronymic", "birth_date", "sex", "subgroups"],
                   ["7Б", "Әлиев", "Ерасыл", "", "2013-03-02", "m", "english-1"],
                   ["7Б", "Сейітова", "Аружан", "", "2013-07-19", "f", "english-2"],
                   ["8А", "Смирнова", "Анна", "Игоревна", "", "f", ""]],
    "courses.csv": [["class", "subject", "subgroup", "teacher", "scale", "hours_per_week"],
                    ["7Б", "algebra", "", "g.nurlanova", "criteria", "3"],
                    ["7Б", "english", "english-1", "a.petrov", "criteria", "3"],
                    ["7Б", "english", "english-2", "d.omarova", "criteria", "3"],
                    ["8А", "algebra", "", "g.nurlanova", "criteria", "3"]],
    "timetable.csv": [["class", "subject", "subgroup", "weekday", "slot"], ["7Б", "algebra", "", "1", "1"],
                      ["7Б", "english", "english-1", "1", "2"], ["7Б", "english", "english-2", "1", "2"],
                      ["8А", "algebra", "", "1", "2"]],
    "calendar.csv": [["kind", "from", "to", "grades", "name"], ["holiday", "2026-12-16", "", "", "Тәуелсіздік күні"],
                     ["break", "2026-11-16", "2026-11-17", "8", "Карантин"]],
}


def write_bundle(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in files.items():
        with (folder / name).open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows(rows)
    return folder


def run_import(db_url: str, bundle: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server.cli", "import-school", "--db", db_url, str(bundle)],
                          cwd=ROOT, capture_output=True, text=True)


def schools(db_url: str) -> int:
    from sqlalchemy import create_engine, text
    engine = create_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM school")).scalar_one()
    engine.dispose()
    return count


def test_a_sound_bundle_is_imported_and_its_teachers_can_log_in(backend_db, tmp_path):
    folder = write_bundle(tmp_path / "bundle", GOOD)
    zipped = tmp_path / "bundle.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        for path in folder.iterdir():
            z.write(path, f"school/{path.name}")
    done = run_import(backend_db, zipped)
    assert done.returncode == 0, done.stderr
    assert "2 classes, 3 pupils, 3 teachers, 4 courses" in done.stdout
    password = next(line.split("\t")[1] for line in done.stdout.splitlines() if "g.nurlanova" in line)
    with running_server(backend_db) as server:
        login = httpx.post(f"{server.url}/v1/login", json={"username": "g.nurlanova", "password": password.strip(),
                                                            "device_id": "11111111-2222-3333-4444-555555555555"})
        assert login.status_code == 200
        token = login.json()["token"]
        reference = httpx.get(f"{server.url}/v1/bootstrap", headers={"Authorization": f"Bearer {token}"}).json()
        assert {(c["grade"], c["letter"]) for c in reference["classes"]} == {(7, "Б"), (8, "А")}
        # her two algebra lessons, and the two English groups' of 7Б, whose class teacher she is (to read)
        assert len(reference["timetable"]) == 4
        # Their lessons are planned from the timetable over the calendar: Monday lessons in both terms (7 Mondays
        # each) but 16 November, a day off for grade 8 alone; nothing for the teachers to type in.
        assert reference["lessons_total"] == 14 + 13 + 14 + 14
        assert {(d["from_date"], d["grade_from"], d["grade_to"]) for d in reference["days_off"]} == {
            ("2026-12-16", 0, 12), ("2026-11-16", 8, 8)}
        pages = httpx.get(f"{server.url}/v1/bootstrap/lessons", params={"after": "", "limit": 100},
                          headers={"Authorization": f"Bearer {token}"}).json()
        assert len(pages["lessons"]) == 55 and {lesson["date"] for lesson in pages["lessons"]} >= {"2026-11-16"}
        eighth = {c["id"] for c in reference["courses"]
                  if c["class_id"] in {k["id"] for k in reference["classes"] if k["grade"] == 8}}
        assert not [lesson for lesson in pages["lessons"]
                    if lesson["course_id"] in eighth and lesson["date"] == "2026-11-16"]
        assert {c["teacher_id"] for c in reference["courses"]} != {login.json()["teacher_id"]}
        groups = server.sql(
            "SELECT s.name, count(*) FROM subgroup s JOIN subgroup_member m ON m.subgroup_id = s.id "
            "JOIN school_class k ON k.id = s.class_id JOIN academic_year y ON y.id = k.year_id "
            "JOIN school sc ON sc.id = y.school_id WHERE sc.name = :n GROUP BY s.name ORDER BY s.name",
            n=GOOD["school.csv"][1][0])
        assert [tuple(g) for g in groups] == [("english-1", 1), ("english-2", 1)]


@pytest.mark.parametrize(("file", "edit", "message"), [
    ("pupils.csv", lambda rows: rows + [["7Ж", "Бекова", "Дана", "", "", "f", ""]],
     "pupils.csv row 5: class '7Ж' is not in classes.csv"),
    ("periods.csv", lambda rows: rows[:1] + [["term", "1", "2026-13-01", "2026-10-24"]] + rows[2:],
     "periods.csv row 2: start '2026-13-01' is not valid"),
    ("bells.csv", lambda rows: rows[:2] + [["1", "2", "11:45", "12:30"], ["1", "3", "12:40", "13:25"]],
     "the break after lesson 1 lasts 150 minutes"),
    ("timetable.csv", lambda rows: rows + [["8А", "algebra", "", "1", "1"]],
     "timetable.csv row 6: the teacher already has a lesson on day 1 in lesson 1 (timetable.csv row 2)"),
    ("courses.csv", lambda rows: rows + [["8А", "chemistry", "", "a.petrov", "criteria", "2"]],
     "courses.csv row 6: subject 'chemistry' is not in subjects.csv"),
    ("teachers.csv", lambda rows: rows + [["Bad Name", "X", "Y", ""]], "teachers.csv row 5: username"),
    ("calendar.csv", lambda rows: rows + [["break", "2027-06-01", "2027-06-05", "1-4", "Жаз"]],
     "calendar.csv row 4: 2027-06-01 – 2027-06-05 is not within the school year 2026-09-02 – 2027-05-25"),
    ("calendar.csv", lambda rows: rows + [["holiday", "2026-12-17", "", "5-3", "Тәуелсіздік күні"]],
     "calendar.csv row 4: grades 5–3 are not a range within 0–12"),
])
def test_a_bad_bundle_is_refused_with_row_and_reason_and_nothing_imported(backend_db, tmp_path, file, edit, message):
    files = dict(GOOD, **{file: edit(GOOD[file])})
    before = schools(backend_db)
    done = run_import(backend_db, write_bundle(tmp_path / "bad", files))
    assert done.returncode == 2
    assert "nothing was imported" in done.stderr and message in done.stderr, done.stderr
    assert schools(backend_db) == before


def test_a_missing_file_is_named(backend_db, tmp_path):
    folder = write_bundle(tmp_path / "partial", GOOD)
    (folder / "timetable.csv").unlink()
    done = run_import(backend_db, folder)
    assert done.returncode == 2 and "timetable.csv: the file is missing" in done.stderr


def test_the_same_teachers_cannot_be_imported_twice(backend_db, tmp_path):
    folder = write_bundle(tmp_path / "bundle", GOOD)
    assert run_import(backend_db, folder).returncode == 0
    again = run_import(backend_db, folder)
    assert again.returncode == 2 and "g.nurlanova is already used" in again.stderr
    assert schools(backend_db) == 2  # the demo school and the first import


def test_nobody_reaches_into_another_school(backend_db, tmp_path):
    """The demo school's admin may correct anything in the demo school, and nothing in an imported one."""
    import datetime as dt

    from core import ids
    from tests.server.conftest import Api

    done = run_import(backend_db, write_bundle(tmp_path / "bundle", GOOD))
    password = next(line.split("\t")[1].strip() for line in done.stdout.splitlines() if "g.nurlanova" in line)
    with running_server(backend_db) as server:
        teacher = Api(server.url)
        assert teacher.login("g.nurlanova", password).status_code == 200
        course, pupil = server.sql(
            "SELECT c.id, m.pupil_id FROM course c JOIN teacher t ON t.id = c.teacher_id "
            "JOIN class_membership m ON m.class_id = c.class_id WHERE t.username = 'g.nurlanova' "
            "ORDER BY c.id, m.pupil_id LIMIT 1")[0]
        day = dt.date(2026, 11, 21)  # a Saturday: an extra lesson (the timetable's are there already)
        lesson_id = ids.lesson_id(course, day, 1)
        record = {"id": lesson_id, "course_id": course, "date": day.isoformat(), "slot": 1, "kind": "regular",
                  "topic": None, "homework": None}
        [created] = teacher.sync([teacher.op("lesson", lesson_id, "create", record)])["results"]
        assert created["status"] == "applied"

        other_admin = Api(server.url)
        other_admin.login("admin")  # the demo school's admin
        [result] = other_admin.sync([other_admin.op("cell", f"{lesson_id}/{pupil}", "mark", 5)])["results"]
        assert (result["status"], result["reason"]) == ("rejected", "unknown_lesson")  # not in its school at all
        term = server.sql("SELECT p.id FROM period p JOIN academic_year y ON y.id = p.year_id JOIN school s "
                          "ON s.id = y.school_id WHERE s.name = :n AND p.kind = 'term' ORDER BY p.id LIMIT 1",
                          n=GOOD["school.csv"][1][0])[0][0]
        closing = other_admin.http.post(f"/v1/admin/periods/{term}/close", headers=other_admin.headers())
        assert closing.status_code == 404
        seen = other_admin.http.get("/v1/bootstrap", headers=other_admin.headers()).json()
        assert course not in {c["id"] for c in seen["courses"]}
        assert lesson_id not in {c["key"] for c in other_admin.sync()["changes"]}


def _school_id(db_url: str) -> int:
    from sqlalchemy import create_engine, text
    engine = create_engine(db_url)
    with engine.connect() as conn:
        found = conn.execute(text("SELECT id FROM school WHERE name = :n"),
                             {"n": GOOD["school.csv"][1][0]}).scalar_one()
    engine.dispose()
    return found


def _reimport(db_url: str, bundle: Path, school: int, since: str = "2026-11-16") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "server.cli", "import-school", "--db", db_url, "--school", str(school),
                           "--since", since, "--order", "№ 90, 13.11.2026", str(bundle)],
                          cwd=ROOT, capture_output=True, text=True)


LATER = dict(GOOD, **{
    "teachers.csv": GOOD["teachers.csv"] + [["b.saparov", "Сапаров", "Бауыржан", ""]],
    "pupils.csv": [GOOD["pupils.csv"][0],
                   ["7Б", "Сейітова", "Аружан", "", "2013-07-19", "f", "english-1"],  # to the other English group
                   ["7Б", "Смирнова", "Анна", "Игоревна", "", "f", "english-2"],  # moved from 8А
                   ["7Б", "Бекова", "Дана", "", "2013-05-05", "f", "english-2"]],  # new; Әлиев has left
    "courses.csv": [row if row[:2] != ["8А", "algebra"] else ["8А", "algebra", "", "b.saparov", "criteria", "3"]
                    for row in GOOD["courses.csv"]],
    "timetable.csv": [row if row[:2] != ["7Б", "algebra"] else ["7Б", "algebra", "", "2", "1"]
                      for row in GOOD["timetable.csv"]],
    "calendar.csv": GOOD["calendar.csv"] + [["moved", "2026-12-17", "", "", "Тәуелсіздік күні"]],
})
# In November the school also opens class 9В (a class teacher, a pupil, algebra and an English group of its own).
LATER = dict(LATER, **{
    "classes.csv": GOOD["classes.csv"] + [["9В", "kk", "d.omarova"]],
    "pupils.csv": LATER["pupils.csv"] + [["9В", "Жанов", "Арман", "", "2011-04-04", "m", "english-1"]],
    "courses.csv": LATER["courses.csv"] + [["9В", "algebra", "", "b.saparov", "criteria", "3"],
                                           ["9В", "english", "english-1", "a.petrov", "criteria", "2"]],
    "timetable.csv": LATER["timetable.csv"] + [["9В", "algebra", "", "3", "1"],
                                               ["9В", "english", "english-1", "3", "2"]],
})


def test_a_later_bundle_is_applied_as_dated_changes(backend_db, tmp_path):
    """The school's office sends its bundle again in November: an arrival, a departure, a move to another class and
    to another group, a new teacher given a course, a new week, a new day off, a new class with its courses and
    group — each dated 16 November; the teacher of the new class's English group, whose PC downloaded his journal
    in September, finds it there at his next sync."""
    from sqlalchemy import create_engine, text

    first = run_import(backend_db, write_bundle(tmp_path / "first", GOOD))
    assert first.returncode == 0
    school = _school_id(backend_db)
    password = next(line.split("\t")[1].strip() for line in first.stdout.splitlines() if "a.petrov" in line)
    with running_server(backend_db) as server:
        [pc] = synced_pcs(tmp_path, server.url, "a.petrov", "petrov", password=password)
        assert pc.sql("SELECT count(*) FROM school_class") == [(1,)]
        done = _reimport(backend_db, write_bundle(tmp_path / "later", LATER), school)
        assert done.returncode == 0, done.stderr
        pc.sync()
        [(course, grade)] = pc.sql("SELECT c.id, k.grade FROM course c JOIN school_class k ON k.id = c.class_id "
                                   "WHERE k.letter = 'В'")
        assert grade == 9
        days = [d for (d,) in pc.sql("SELECT date FROM lesson WHERE course_id = ? ORDER BY date", (course,))]
        assert days[0] >= "2026-11-16" and {dt.date.fromisoformat(d).isoweekday() for d in days} == {3}
        with pc.db.read() as conn:
            term = conn.exec_driver_sql("SELECT id FROM period WHERE kind = 'term' AND number = 2").scalar_one()
            sheet = journal_sheet.load(conn, course, term)
        assert [(p.name, p.active_from) for p in sheet.pupils] == [("Жанов Арман", dt.date(2026, 11, 16))]
    assert ("2 pupils arrived, 1 left, 1 moved to another class, 1 to another group, 3 joined a group; 1 new "
            "teachers, 1 new classes, 1 new groups, 2 new courses, 1 courses given to another teacher, 3 new weeks, "
            "1 calendar changes") in done.stdout, done.stdout
    assert "b.saparov" in done.stdout
    engine = create_engine(backend_db)
    with engine.connect() as conn:
        def sql(query: str, **params: object) -> list:
            return [tuple(r) for r in conn.execute(text(query), params)]
        places = sql("SELECT p.last_name, k.grade, m.from_date, m.to_date FROM pupil p JOIN class_membership m "
                     "ON m.pupil_id = p.id JOIN school_class k ON k.id = m.class_id WHERE p.school_id = :s "
                     "ORDER BY p.last_name, m.from_date", s=school)
        assert sorted((n, g, str(f), str(t)) for n, g, f, t in places) == sorted([
            ("Бекова", 7, "2026-11-16", "None"), ("Жанов", 9, "2026-11-16", "None"),
            ("Смирнова", 8, "2026-09-02", "2026-11-15"),
            ("Смирнова", 7, "2026-11-16", "None"), ("Сейітова", 7, "2026-09-02", "None"),
            ("Әлиев", 7, "2026-09-02", "2026-11-15")])
        groups = sql("SELECT g.name, m.from_date, m.to_date FROM subgroup_member m JOIN subgroup g ON g.id = "
                     "m.subgroup_id JOIN pupil p ON p.id = m.pupil_id WHERE p.last_name = 'Сейітова' "
                     "AND p.school_id = :s ORDER BY g.name", s=school)
        assert [(g, str(f), str(t)) for g, f, t in groups] == [("english-1", "2026-11-16", "None"),
                                                              ("english-2", "None", "2026-11-15")]
        assert sql("SELECT t.username FROM course c JOIN teacher t ON t.id = c.teacher_id JOIN school_class k "
                   "ON k.id = c.class_id WHERE c.school_id = :s AND k.grade = 8", s=school) == [("b.saparov",)]
        days = {str(d) for (d,) in sql("SELECT l.date FROM lesson l JOIN course c ON c.id = l.course_id "
                                       "JOIN subject s ON s.id = c.subject_id JOIN school_class k ON k.id = c.class_id "
                                       "WHERE c.school_id = :s AND k.grade = 7 AND s.code = 'algebra' "
                                       "AND l.date >= '2026-11-16'", s=school)}
        assert days and all(dt.date.fromisoformat(d).isoweekday() == 2 for d in days), days  # Tuesdays now
        assert ("2026-12-17",) in {(str(d),) for (d,) in sql("SELECT from_date FROM day_off WHERE school_id = :s",
                                                            s=school)}
        assert sql("SELECT t.username FROM school_class k JOIN teacher t ON t.id = k.homeroom_teacher_id "
                   "WHERE k.school_id = :s AND k.grade = 9", s=school) == [("d.omarova",)]
        joined = sql("SELECT p.last_name, g.name, m.from_date FROM subgroup_member m JOIN subgroup g ON g.id = "
                     "m.subgroup_id JOIN pupil p ON p.id = m.pupil_id WHERE p.school_id = :s AND m.from_date = "
                     "'2026-11-16' ORDER BY p.last_name", s=school)
        assert sorted((n, g) for n, g, _ in joined) == sorted([("Бекова", "english-2"), ("Жанов", "english-1"),
                                                               ("Смирнова", "english-2"), ("Сейітова", "english-1")])
        assert len(sql("SELECT 1 FROM audit_log WHERE school_id = :s AND result = 'admin'", s=school)) >= 7
    engine.dispose()


def test_a_later_bundle_that_does_not_fit_changes_nothing(backend_db, tmp_path):
    assert run_import(backend_db, write_bundle(tmp_path / "first", GOOD)).returncode == 0
    school = _school_id(backend_db)
    # The new class's English group at the hour its teacher already has 7Б's English group (the bundle's own check).
    later = dict(LATER, **{"timetable.csv": LATER["timetable.csv"][:-1] + [["9В", "english", "english-1", "1", "2"]]})
    done = _reimport(backend_db, write_bundle(tmp_path / "later", later), school)
    assert done.returncode == 2 and "nothing was changed" in done.stderr
    assert "timetable.csv row 7: the teacher already has a lesson on day 1 in lesson 2" in done.stderr, done.stderr
    # A new course at an hour its class is busy from the day on (7Б's English groups, kept from September).
    later = dict(LATER, **{"courses.csv": LATER["courses.csv"] + [["7Б", "english", "", "b.saparov", "criteria", "1"]],
                           "timetable.csv": LATER["timetable.csv"] + [["7Б", "english", "", "1", "2"]]})
    done = _reimport(backend_db, write_bundle(tmp_path / "later", later), school)
    assert done.returncode == 2 and "nothing was changed" in done.stderr, done.stderr
    from sqlalchemy import create_engine, text
    engine = create_engine(backend_db)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM class_membership WHERE to_date IS NOT NULL "
                                 "AND school_id = :s"), {"s": school}).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM teacher WHERE username = 'b.saparov'")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM school_class WHERE school_id = :s"), {"s": school}).scalar() == 2
        assert conn.execute(text("SELECT count(*) FROM subgroup s JOIN school_class k ON k.id = s.class_id "
                                 "WHERE k.school_id = :s"), {"s": school}).scalar() == 2
    engine.dispose()
