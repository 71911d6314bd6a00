"""A school that comes mid-year brings its first two terms from another system (issue 21): journal pages as a
teacher exports them (CSV in UTF-8 with a byte-order mark, XLSX) are placed on the school's classes, groups, pupils
and lessons, checked first (`--check` keeps nothing), then written as the admin writes, so the term and year marks
and the «Алтын белгі» report judge the whole year and the PCs receive them; a file that does not check is refused
whole with its file, row and reason, and nothing is imported."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from core import school_reports
from server import report_copy
from storage import journal_sheet
from tests.server.conftest import ROOT, empty_database, running_server
from tests.server.test_import_school import GOOD, run_import, write_bundle
from tests.sync.conftest import Device

AFTER_YEAR = dt.date(2027, 6, 1)
# The school of test_import_school, its 7Б a graduating 11Б (the «Алтын белгі» is judged in grades 10 and 11).
SCHOOL = {name: [[cell.replace("7Б", "11Б") for cell in row] for row in rows] for name, rows in GOOD.items()}
TERM_DAYS = {1: ["07.09.2026", "14.09.2026", "09.09.2026", "21.09.2026"],  # 9 September: a Wednesday, no lesson
             2: ["09.11.2026", "23.11.2026", "30.11.2026", "07.12.2026"]}
WORKS = {1: ["СОР 1 (10) 21.09.2026", "СОЧ (20) 19.10.2026"], 2: ["БЖБ 2 (10) 23.11.2026", "ТЖБ (20) 21.12.2026"]}


def page(subject: str, term: int, pupils: dict[str, tuple[list[str], list[str]]], group: str = "") -> list[list[str]]:
    """A journal page as another system exports it: pupil, a cell a date, then the summative works' points."""
    rows = [["Сынып", "11 «Б»"], ["Пән", subject], ["Тоқсан", str(term)]] + ([["Топ", group]] if group else [])
    rows.append(["Аты-жөні", *TERM_DAYS[term], *WORKS[term]])
    rows += [[name, *cells, *scores] for name, (cells, scores) in pupils.items()]
    return rows


BEST = (["10", "10", "н 10", "10"], ["10", "20"])  # every ФО, СОР and СОЧ in full (and one absence)
MIDDLE = (["6", "5", "б", "7"], ["5", "11"])


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        csv.writer(out).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]], notes: list[str] | None = None) -> Path:
    """The page as an XLSX; `notes`: a sheet of instructions before it, as some systems export."""
    book = Workbook()
    page_sheet = book.active
    if notes:
        page_sheet.title = "Журнал"
        first = book.create_sheet("Нұсқаулық", 0)
        for line in notes:
            first.append([line])
    for row in rows:
        page_sheet.append([int(c) if c.isdigit() else c for c in row])
    book.save(path)
    return path


def import_journal(db_url: str, school: int, *files: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", "import-journal", "--db", db_url, "--school",
                           str(school), "--source", "Kundelik.kz", *(["--check"] if check else []), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture
def school(tmp_path: Path, backend_db_empty: str) -> tuple[str, int, dict[str, str]]:
    """The school imported from its CSV bundle into an empty server: no marks yet. (URL, id, initial passwords.)"""
    done = run_import(backend_db_empty, write_bundle(tmp_path / "bundle", SCHOOL))
    assert done.returncode == 0, done.stderr
    school_id = int(re.search(r"School (\d+):", done.stdout)[1])  # type: ignore[index]
    passwords = dict(re.findall(r"^\s+(\S+)\t(\S+)$", done.stdout, re.M))
    return backend_db_empty, school_id, passwords


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_db_empty(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return empty_database(request, tmp_path, request.param)


def test_two_earlier_terms_count_in_the_year_and_reach_the_pcs(school, tmp_path: Path) -> None:
    db_url, school_id, passwords = school
    files = [
        write_csv(tmp_path / "algebra-1.csv", page("Алгебра", 1, {"Сейітова Аружан": BEST, "Әлиев Ерасыл": MIDDLE})),
        write_xlsx(tmp_path / "algebra-2.xlsx", page("Алгебра", 2, {"Сейітова Аружан": BEST, "Әлиев Ерасыл": MIDDLE})),
    ]
    for term in (1, 2):
        files.append(write_csv(tmp_path / f"english-1-{term}.csv",
                               page("Ағылшын тілі", term, {"Әлиев Ерасыл": MIDDLE}, group="english-1")))
        files.append(write_csv(tmp_path / f"english-2-{term}.csv",
                               page("English", term, {"Сейітова Аружан": BEST}, group="english-2")))

    with running_server(db_url) as server:
        checked = import_journal(db_url, school_id, *files, check=True)
        assert checked.returncode == 0, checked.stderr
        assert "Nothing was imported" in checked.stdout
        assert server.sql("SELECT count(*) FROM lesson_cell")[0][0] == 0
        done = import_journal(db_url, school_id, *files)
        assert done.returncode == 0, done.stderr
        # Marks: 4 a page of the best pupil, 3 of the other (one day he was ill), over 2 algebra pages with both and 4
        # English pages with one each; 2 works a page; a lesson made for each of the 3 courses on Wednesday 9 September
        assert "28 marks" in done.stdout and "12 works" in done.stdout and "16 scores" in done.stdout, done.stdout
        assert "3 lessons" in done.stdout
        assert server.sql("SELECT count(*) FROM lesson_cell WHERE mark IS NOT NULL")[0][0] == 28
        assert server.sql("SELECT count(*) FROM audit_log WHERE reason LIKE 'imported from Kundelik.kz:%'")[0][0] > 0
        made = server.sql("SELECT slot FROM lesson WHERE date = '2026-09-09' ORDER BY slot")
        assert len(made) == 3 and len({slot for (slot,) in made}) == 3  # each in a slot of its own

        with server.engine.connect() as conn:
            class_id = server.sql("SELECT id FROM school_class WHERE grade = 11")[0][0]
            copy = report_copy.of_classes(conn, school_id, [class_id])
            try:
                years = {p.name: p for p in school_reports.year_marks(copy, class_id, AFTER_YEAR)}
                golden = [p.name for p in school_reports.golden_candidates(copy, [class_id], AFTER_YEAR)]
            finally:
                copy.close()
        best = next(p for name, p in years.items() if name.startswith("Сейітова"))
        assert all(terms == [5, 5] and year == 5 for terms, year in best.subjects.values()), best.subjects
        middle = next(p for name, p in years.items() if name.startswith("Әлиев"))
        assert all(year not in (5, None, "n/a") for _, year in middle.subjects.values()), middle.subjects
        assert [name.split()[0] for name in golden] == ["Сейітова"]

        # Every imported cell and score is marked with where it came from.
        day = dt.date.today().isoformat()
        assert server.sql("SELECT count(*) FROM lesson_cell WHERE imported IS NULL")[0][0] == 0
        assert server.sql("SELECT DISTINCT imported FROM summative_score WHERE imported LIKE '%algebra%' "
                          "ORDER BY imported") == [(f"Kundelik.kz: algebra-1.csv, {day}",),
                                                   (f"Kundelik.kz: algebra-2.xlsx, {day}",)]

        # The algebra teacher's PC downloads her journal: the imported marks are there, as any change, and her
        # journal shows where each came from.
        pc = Device(tmp_path, "pc", server.url, "g.nurlanova").login(passwords["g.nurlanova"])
        try:
            pc.sync()
            assert pc.sql("SELECT count(*) FROM lesson_cell WHERE mark = 10")[0][0] >= 4 * 2
            with pc.db.read() as conn:
                course, term = conn.exec_driver_sql(
                    "SELECT c.id, p.id FROM course c, period p, subject s, school_class k WHERE s.id = c.subject_id "
                    "AND s.name_kk = ? AND k.id = c.class_id AND k.grade = 11 AND p.kind = 'term' AND p.number = 1",
                    ("Алгебра",)).one()
                sheet = journal_sheet.load(conn, course, term)
            assert set(sheet.imported.values()) == {f"Kundelik.kz: algebra-1.csv, {day}"}
            assert set(sheet.imported) == set(sheet.cells) and len(sheet.cells) == 4 * 2
            assert set(sheet.imported_scores) == set(sheet.scores) and len(sheet.scores) == 4
            # She corrects an imported mark: it syncs as any edit (the mark of where it came from is no rival).
            (row, column), _cell = next(iter(sheet.cells.items()))
            pupil = sheet.pupils[row].id
            assert pc.journal.set_mark(sheet.lessons[column].id, pupil, 7)
            pc.sync()
            assert server.sql(f"SELECT mark FROM lesson_cell WHERE lesson_id = '{sheet.lessons[column].id}' AND "
                              f"pupil_id = {pupil}") == [(7,)]
            assert server.sql("SELECT count(*) FROM conflict")[0][0] == 0
        finally:
            pc.close()


BAD = {
    "its Term line is missing": lambda path: write_csv(path, [r for r in page("Алгебра", 1, {"Сейітова Аружан": BEST})
                                                           if r[0] != "Тоқсан"]),
    "no pupil 'Иванов Иван' in 11 «Б»": lambda path: write_csv(path, page("Алгебра", 1, {"Иванов Иван": BEST})),
    "a mark of 11 is not allowed on the criteria scale": lambda path: write_csv(path, page("Алгебра", 1, {
        "Сейітова Аружан": (["11", "10", "10", "10"], ["10", "20"])})),
    "is not a score of 0–10": lambda path: write_csv(path, page("Алгебра", 1, {
        "Сейітова Аружан": (["10", "10", "10", "10"], ["16", "20"])})),
    "is on the page twice": lambda path: write_csv(path, page("Алгебра", 1, {"Сейітова Аружан": BEST}) + [
        ["Сейітова Аружан", *BEST[0], *BEST[1]]]),
    "not UTF-8 (it looks like Windows-1251)": lambda path: write_csv(path, [  # a page saved from a Russian Excel
        ["Класс", "11 «Б»"], ["Предмет", "Алгебра"], ["Четверть", "1"], ["ФИО", *TERM_DAYS[1]],
        ["Смирнова Анна", "5", "4", "н", "5"]], encoding="cp1251"),
    "not a readable XLSX file": lambda path: path.write_bytes(
        write_xlsx(path, page("Алгебра", 1, {"Сейітова Аружан": BEST})).read_bytes()[:900]),
    "fields where the header has": lambda path: path.write_bytes(_cut(
        write_csv(path, page("Алгебра", 1, {"Сейітова Аружан": BEST, "Әлиев Ерасыл": MIDDLE})).read_bytes())),
    "the file is cut short (it ends inside a letter)": lambda path: path.write_bytes(_inside_a_letter(
        write_csv(path, page("Алгебра", 1, {"Сейітова Аружан": BEST, "Әлиев Ерасыл": MIDDLE})).read_bytes())),
}


def _inside_a_letter(data: bytes) -> bytes:
    """A file cut short in the middle of its last «б» (two bytes in UTF-8)."""
    return data[:data.rindex("б".encode()) + 1]


def _cut(data: bytes) -> bytes:
    """A file cut short after its last row's third field, as a copy broken off is."""
    last = data.rstrip().rfind(b"\n")
    return data[:last + 1 + data[last + 1:].index(b",", data[last + 1:].index(b",") + 1)]


def test_a_page_that_does_not_check_is_refused_whole(school, tmp_path: Path) -> None:
    db_url, school_id, _ = school
    good = write_csv(tmp_path / "good.csv", page("Алгебра", 2, {"Сейітова Аружан": BEST}))
    for reason, make in BAD.items():
        bad = tmp_path / ("bad.xlsx" if "XLSX" in reason else "bad.csv")
        make(bad)
        refused = import_journal(db_url, school_id, good, bad)
        assert refused.returncode == 2, (reason, refused.stdout)
        assert reason in refused.stderr and bad.name in refused.stderr, (reason, refused.stderr)
        bad.unlink()
    with running_server(db_url) as server:  # the good page with each bad one: nothing of it either
        assert server.sql("SELECT count(*) FROM lesson_cell")[0][0] == 0
        assert server.sql("SELECT count(*) FROM summative_work")[0][0] == 0
    assert import_journal(db_url, school_id, good).returncode == 0  # alone, it goes in


def test_a_page_reads_the_same_in_utf8_with_or_without_a_byte_order_mark() -> None:
    from server.journal_import import read_page

    rows = page("Алгебра", 1, {"Сейітова Аружан": BEST})
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    plain, marked = (read_page("p.csv", text.getvalue().encode(enc)) for enc in ("utf-8", "utf-8-sig"))
    assert plain == marked and plain.heads["class"] == "11 «Б»" and plain.rows[0][1][0] == "Сейітова Аружан"


def test_every_refusal_is_told_in_kazakh_russian_and_english() -> None:
    """The console shows an import's refusals in the admin's language: each reason the importer gives is a text of
    the console's catalogue in all three."""
    import inspect

    from server import journal_import
    from server.console_text import TEXTS

    keys = set(re.findall(r'problem\("(\w+)"', inspect.getsource(journal_import)))
    assert len(keys) >= 20 and keys <= set(TEXTS)
    told = journal_import.problem("import_no_pupil", file="7а.csv", row=5, name="Иванов Иван", klass="7А", term=1)
    assert told.words("kk") == "7а.csv, 5-жол: 1-тоқсанда 7А сыныбында 'Иванов Иван' оқушысы жоқ."
    assert str(told) == "7а.csv, row 5: no pupil 'Иванов Иван' in 7А in term 1"
    # a write the journal's rules refuse: its reason in the admin's language, where it is on the page
    refused = journal_import.problem("import_write", file="7а.csv", row=5, column="09.11.2026",
                                     why="why_pupil_not_in_course", message="Pupil 322 is not in the class")
    assert refused.words("ru") == "7а.csv, строка 5, «09.11.2026»: ученика в тот день не было в этом классе (группе)."
    assert "похоже на Windows-1251" in journal_import.problem("import_not_utf8", file="a.csv", hint=True).words("ru")


def test_a_pupils_transfer_extract_is_imported_by_the_school_he_goes_to(live_server, tmp_path: Path) -> None:
    """A pupil leaves the demo school: his transfer extract (journal pages and pupil.json) goes to another school on
    the server; its admin enrols him and imports his algebra pages into her class: his marks are hers to grade on."""
    import zipfile

    import httpx

    [(pupil, last, first, class_id)] = live_server.sql(
        "SELECT p.id, p.last_name, p.first_name, m.class_id FROM pupil p JOIN class_membership m ON m.school_id = "
        "p.school_id AND m.pupil_id = p.id JOIN school_class k ON k.school_id = m.school_id AND k.id = m.class_id "
        "JOIN course c ON c.school_id = k.school_id AND c.class_id = k.id JOIN subject s ON s.id = c.subject_id "
        "WHERE p.school_id = 1 AND k.grade = 7 AND s.code = 'algebra' AND c.scale = 'criteria' ORDER BY p.id LIMIT 1")
    leaving = tmp_path / "transfer.zip"
    # A server with no font for the printable extract says what to install, and writes nothing.
    fontless = subprocess.run([sys.executable, "-m", "server.cli", "export-pupil", "--db", live_server.db_url,
                               "--school", "1", "--pupil", str(pupil), str(leaving)], cwd=ROOT, capture_output=True,
                              text=True, env={**os.environ, "DALA_PDF_FONT": str(tmp_path / "no-such-font.ttf")})
    assert fontless.returncode == 2 and "fonts-dejavu-core" in fontless.stderr and not leaving.exists()
    done = subprocess.run([sys.executable, "-m", "server.cli", "export-pupil", "--db", live_server.db_url,
                           "--school", "1", "--pupil", str(pupil), str(leaving)], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(leaving) as archive:
        archive.extractall(tmp_path / "transfer")
    about = (tmp_path / "transfer" / "pupil.json").read_text(encoding="utf-8")
    assert last in about and '"dala-transfer-extract"' in about
    assert (tmp_path / "transfer" / "extract.pdf").read_bytes().startswith(b"%PDF")  # the extract to print
    algebra = sorted((tmp_path / "transfer").glob("algebra-term-*.csv"))
    assert algebra
    # His own school's pages name its works as they are ("СОР №1", not "СОР СОР №1"): read back into his class there,
    # they write nothing, no work made twice.
    [(his_class,)] = live_server.sql("SELECT k.grade || k.letter FROM school_class k WHERE k.school_id = 1 AND "
                                     "k.id = :k", k=class_id)
    works = live_server.sql("SELECT count(*) FROM summative_work WHERE school_id = 1")
    back = subprocess.run([sys.executable, "-m", "server.cli", "import-journal", "--db", live_server.db_url,
                           "--school", "1", "--source", "itself", "--into-class", his_class, *map(str, algebra)],
                          cwd=ROOT, capture_output=True, text=True)
    assert back.returncode == 0 and "0 works, 0 scores" in back.stdout and "0 marks" in back.stdout, back.stdout
    assert live_server.sql("SELECT count(*) FROM summative_work WHERE school_id = 1") == works
    assert "СОР СОР" not in "".join(path.read_text(encoding="utf-8-sig") for path in algebra)

    # The school he goes to: its year as the demo school's (terms of the same dates), its 7Б taught algebra.
    periods = [["kind", "number", "start", "end"]] + [
        [kind, str(number), str(start), str(end)] for kind, number, start, end in live_server.sql(
            "SELECT kind, number, start_date, end_date FROM period WHERE school_id = 1 AND kind IN ('term', 'year') "
            "ORDER BY start_date, kind")]
    others = {"g.nurlanova": "r.nurlanova", "a.petrov": "r.petrov", "d.omarova": "r.omarova"}  # its own teachers
    receiving = {name: [[others.get(cell, cell) for cell in row] for row in rows] for name, rows in GOOD.items()}
    receiving |= {"periods.csv": periods, "calendar.csv": GOOD["calendar.csv"][:1]}
    made = run_import(live_server.db_url, write_bundle(tmp_path / "bundle", receiving))
    assert made.returncode == 0, made.stderr
    school = int(re.search(r"School (\d+):", made.stdout)[1])  # type: ignore[index]
    admin, password = re.search(r"\(/console\): (\S+)\t(\S+)", made.stdout).groups()  # type: ignore[union-attr]
    [(new_class,)] = live_server.sql("SELECT id FROM school_class WHERE school_id = :s AND grade = 7", s=school)
    with httpx.Client(base_url=live_server.url, timeout=60) as http:
        token = http.post("/v1/login", json={"username": admin, "password": password,
                                             "device_id": "00000000-0000-4000-8000-000000000abc"}).json()["token"]
        arrived = http.post("/v1/admin/pupils", headers={"Authorization": f"Bearer {token}"}, json={
            "class_id": new_class, "last_name": last, "first_name": first, "from_date": periods[1][2],
            "order": "№ 7, 01.09.2026"})
        assert arrived.status_code == 200, arrived.text
    placed = subprocess.run([sys.executable, "-m", "server.cli", "import-journal", "--db", live_server.db_url,
                             "--school", str(school), "--source", "School 1 transfer", "--into-class", "7Б",
                             *map(str, algebra)], cwd=ROOT, capture_output=True, text=True)
    assert placed.returncode == 0, placed.stderr
    theirs = live_server.sql(
        "SELECT l.date, x.mark FROM lesson_cell x JOIN lesson l ON l.school_id = x.school_id AND l.id = x.lesson_id "
        "JOIN course c ON c.school_id = l.school_id AND c.id = l.course_id JOIN subject s ON s.id = c.subject_id "
        "WHERE x.school_id = 1 AND x.pupil_id = :p AND s.code = 'algebra' AND x.mark IS NOT NULL ORDER BY l.date",
        p=pupil)
    ours = live_server.sql(
        "SELECT l.date, x.mark FROM lesson_cell x JOIN lesson l ON l.school_id = x.school_id AND l.id = x.lesson_id "
        "JOIN pupil p ON p.school_id = x.school_id AND p.id = x.pupil_id WHERE x.school_id = :s AND p.last_name = :n "
        "AND x.mark IS NOT NULL ORDER BY l.date", s=school, n=last)
    assert ours == theirs and len(ours) >= 3


def test_a_page_again_or_in_another_hand_writes_nothing_twice_and_every_problem_is_told_at_once(
        school, tmp_path: Path) -> None:
    """The same page imported again (as an XLSX with a sheet of instructions first, its class, term, works and a
    pupil written another way: "11-Б", "1 четверть", "СОР1", a patronymic) writes nothing; a cell holding two
    values is refused, not guessed; "н/б" is an absence; an attendance imported beside a teacher's own mark leaves
    her mark unmarked; a holiday's column and a bad file are told together, each with its file, row or column; an
    import with no source is refused."""
    db_url, school_id, _passwords = school
    first = write_csv(tmp_path / "algebra-1.csv", page("Алгебра", 1, {"Сейітова Аружан": BEST}))
    assert import_journal(db_url, school_id, first).returncode == 0
    with running_server(db_url) as server:
        audited = server.sql("SELECT count(*) FROM audit_log")[0][0]
        assert server.sql("SELECT count(*) FROM summative_work")[0][0] == 2
    again = [[cell.replace("11 «Б»", "11-Б").replace("СОР 1", "СОР1") for cell in row] for row in
             page("Алгебра", 1, {"Сейітова Аружан Қайратқызы": BEST})]
    again[2][1] = "1 четверть"
    done = import_journal(db_url, school_id, write_xlsx(tmp_path / "algebra-1-again.xlsx", again,
                                                        notes=["Этот файл выгружен из Kundelik.kz", "Не изменяйте"]))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 marks" in done.stdout and "0 works" in done.stdout and "0 scores" in done.stdout, done.stdout

    cells = {"Әлиев Ерасыл": (["4/5", "н/б", "", ""], ["", ""])}
    two = write_csv(tmp_path / "two-values.csv", page("Алгебра", 2, cells))
    refused = import_journal(db_url, school_id, two)
    assert refused.returncode != 0 and "'4/5' holds two marks or two letters" in refused.stdout + refused.stderr
    assert "'н/б'" not in refused.stdout + refused.stderr  # an absence, not two letters

    holiday = page("Алгебра", 2, {"Әлиев Ерасыл": (["6", "", "", ""], ["", ""])})
    holiday[3][2] = "16.12.2026"  # Тәуелсіздік күні
    bad_day = tmp_path / "holiday.csv"
    write_csv(bad_day, holiday)
    cp1251 = write_csv(tmp_path / "russian-excel.csv", [["Класс", "11 «Б»"], ["Предмет", "Алгебра"],
                                                         ["Четверть", "2"], ["ФИО", "09.11.2026"],
                                                         ["Сейітова Аружан", "5"]], encoding="cp1251")
    told = import_journal(db_url, school_id, bad_day, cp1251)
    said = told.stdout + told.stderr
    assert told.returncode != 0 and "russian-excel.csv: not UTF-8" in said, said
    assert "holiday.csv, column “16.12.2026”: no lesson is held that day" in said, said

    assert "Say which system the pages come from" in subprocess.run(
        [sys.executable, "-m", "server.cli", "import-journal", "--db", db_url, "--school", str(school_id),
         "--source", " ", str(first)], cwd=ROOT, capture_output=True, text=True, timeout=300).stderr

    with running_server(db_url) as server:
        assert server.sql("SELECT count(*) FROM audit_log")[0][0] == audited  # nothing of all that was written
        assert server.sql("SELECT count(*) FROM summative_work")[0][0] == 2
        # An absence imported into a cell where the teacher wrote a mark: the absence is the page's, her mark is hers
        [(lesson, pupil)] = server.sql(
            "SELECT CAST(l.id AS TEXT), p.id FROM lesson l JOIN course c ON c.id = l.course_id JOIN subject s ON "
            "s.id = c.subject_id JOIN school_class k ON k.id = c.class_id, pupil p WHERE l.date = '2026-11-09' "
            "AND s.code = 'algebra' AND k.grade = 11 AND p.last_name = 'Әлиев'")
        with server.engine.begin() as conn:  # as her PC's sync would have left it
            conn.execute(text("INSERT INTO lesson_cell (school_id, lesson_id, pupil_id, mark, server_version) "
                              "VALUES (:s, :l, :p, 8, 1)"), {"s": school_id, "l": lesson, "p": pupil})
    absent = write_csv(tmp_path / "absent.csv", page("Алгебра", 2, {"Әлиев Ерасыл": (["н", "", "", ""], ["", ""])}))
    assert import_journal(db_url, school_id, absent).returncode == 0
    with running_server(db_url) as server:
        assert server.sql("SELECT mark, attendance, imported FROM lesson_cell WHERE CAST(lesson_id AS TEXT) = :l AND "
                          "pupil_id = :p", l=lesson, p=pupil) == [(8, "absent", None)]
