"""`dala-server import-journal`: a school that comes mid-year brings its earlier marks, attendance and summative
scores from another system, one journal page a file (docs/journal-import.md: CSV or XLSX, as a teacher exports a
class's subject for a term).

Each page is placed on the school's own class, course, pupils and lessons (a date with no lesson of the course gets
one), and written as the school's admin writes: through the same operations as a PC's sync (server.operations), so
the write rules, the marks' scales and the terms hold; every write joins the school's feed, so the PCs receive it as
any change, and the audit log, with the source, file and day of the import as its reason. Every file is checked and
placed inside one transaction; any problem refuses them all with the file, row and reason, and nothing is kept. A
check (`--check`) runs the same and keeps nothing: the preview.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
import unicodedata
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, and_, select

from core import hlc, ids, json_codec, record_keys
from core.attendance import DEFAULT_LETTERS
from core.errors import InvalidMark
from core.protocol import Operation
from core.validation import check_mark
from server import audit_log, console_text, feed
from server.accounts import Principal
from server.db import writer
from server.operations import Applier
from server.schema import tables

K, C, S, L, M, P = (tables[n] for n in ("school_class", "course", "subject", "lesson", "class_membership", "period"))
CELL, SG, A, PUPIL = tables["lesson_cell"], tables["subgroup"], tables["account"], tables["pupil"]
LETTERS = {letter: a.value for by_language in DEFAULT_LETTERS.values() for letter, a in by_language.items()}
# The header lines, in the languages a page may be exported in
HEADS = {"class": ("class", "класс", "сынып"), "subject": ("subject", "предмет", "пән"),
         "term": ("term", "четверть", "тоқсан"), "group": ("group", "группа", "топ"),
         "pupil": ("pupil", "ученик", "оқушы", "фио", "аты-жөні")}
WORK_KINDS = {"сор": "sor", "бжб": "sor", "sor": "sor", "соч": "soch", "тжб": "soch", "soch": "soch"}
_WORK = re.compile(r"^(?P<kind>[^\W\d_]+)(?P<title>.*?)\((?P<max>\d+)\)\s*(?P<date>[\d.\-]+)\s*$")
# A page's term as teachers write it: "2", "2 четверть", "2-тоқсан", "II"
_TERM = re.compile(r"^\s*(?:(?P<number>\d+)\b.*|(?P<roman>i{1,3}|iv)\b.*)$", re.I)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# "н/б" (не был) is one letter, an absence: not two
_ABSENT_MARKS = re.compile(r"н\s*[/\\]\s*б|нб")
WORK, SCORE = tables["summative_work"], tables["summative_score"]


@dataclass(frozen=True)
class Problem:
    """Why a page, or a row of it, cannot be imported: a text of server.console_text with its parameters, told in the
    admin's language (the command line's: English)."""

    key: str
    params: dict[str, Any]

    def words(self, language: str) -> str:
        params = dict(self.params)
        if "hint" in params:
            params["hint"] = console_text.text("import_cp1251", language) if params["hint"] else ""
        if "why" in params:  # a write refused: its reason in the admin's language where the console has it
            params["message"] = console_text.text(params.pop("why"), language) if params["why"] else params["message"]
        return console_text.text(self.key, language, **params)

    def __str__(self) -> str:
        return self.words("en")


def problem(key: str, **params: Any) -> Problem:
    return Problem(key, params)


class ImportRefused(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass
class Page:
    """One file's journal page, read."""

    name: str
    heads: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number in the file, cells)


def read_page(name: str, data: bytes) -> Page:
    """A file's rows: XLSX (its first sheet) or CSV in UTF-8 (a byte-order mark or none)."""
    if name.lower().endswith(".xlsx"):
        rows = _xlsx_rows(name, data)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data":  # (only ever at the end)
                raise ImportRefused([problem("import_cut_letter", file=name)]) from None
            raise ImportRefused([problem("import_not_utf8", file=name, hint=_looks_cp1251(data))]) from None
        try:
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as error:
            raise ImportRefused([problem("import_bad_csv", file=name, error=str(error))]) from None
    page = Page(name)
    for number, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        head = _norm(cells[0])
        if not page.columns:
            kind = next((k for k, names in HEADS.items() if head in names), None)
            if kind == "pupil":
                page.columns = cells
            elif kind is not None:
                page.heads[kind] = cells[1] if len(cells) > 1 else ""
            else:
                raise ImportRefused([problem("import_bad_line", file=name, row=number, cell=cells[0])])
            continue
        if len(row) < len(page.columns) and len(row) != 1:
            raise ImportRefused([problem("import_short_row", file=name, row=number, fields=len(row),
                                         header=len(page.columns))])
        page.rows.append((number, cells + [""] * (len(page.columns) - len(cells))))
    missing = [k for k in ("class", "subject", "term") if k not in page.heads] + (["pupil"] if not page.columns else [])
    if missing:
        raise ImportRefused([problem("import_missing_lines", file=name,
                                     lines=" & ".join(k.capitalize() for k in missing))])
    return page


def _xlsx_rows(name: str, data: bytes) -> list[list[str]]:
    """The rows of the workbook's page: its first sheet that begins with a header line (a sheet of instructions
    before it, as some systems put first, is passed over), else its first sheet."""
    from openpyxl import load_workbook

    try:
        sheets = [[_xlsx_row(row) for row in sheet.iter_rows(values_only=True)]
                  for sheet in load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError):
        raise ImportRefused([problem("import_bad_xlsx", file=name)]) from None
    if not sheets:
        raise ImportRefused([problem("import_bad_xlsx", file=name)])
    return next((rows for rows in sheets if _begins_with_a_head(rows)), sheets[0])


def _xlsx_row(row: tuple[Any, ...]) -> list[str]:
    """A sheet's row as a CSV would hold it: dates as ISO days, whole numbers without a fraction."""
    return ["" if v is None else v.date().isoformat() if isinstance(v, dt.datetime)
            else v.isoformat() if isinstance(v, dt.date) else str(int(v)) if isinstance(v, float)
            and v.is_integer() else str(v) for v in row]


def _begins_with_a_head(rows: list[list[str]]) -> bool:
    """Whether the first filled row is a header line of a page (Class, Subject, Term, Group or Pupil)."""
    first = next((row for row in rows if any(cell.strip() for cell in row)), None)
    return first is not None and any(_norm(first[0]) in names for names in HEADS.values())


def _looks_cp1251(data: bytes) -> bool:
    """Cyrillic letters of Windows-1251 (0xC0–0xFF) standing alone, not as the lead bytes of UTF-8 pairs."""
    letters = sum(1 for b in data if 0xC0 <= b <= 0xFF)
    pairs = sum(1 for a, b in zip(data, data[1:], strict=False) if 0xD0 <= a <= 0xD3 and 0x80 <= b <= 0xBF)
    return letters > len(data) // 20 and pairs < letters // 2


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("ё", "е").split())


def _term_number(text: str) -> int | None:
    """A page's term number from how teachers write it: "2", "2 четверть", "2-тоқсан", "II"."""
    found = _TERM.match(text)
    if found is None:
        return None
    return int(found["number"]) if found["number"] else _ROMAN[found["roman"].lower()]


@dataclass
class _School:
    """What a page is placed on: the school's classes, subjects, courses, terms and pupils."""

    school_id: int
    classes: dict[str, int]
    subjects: dict[str, int]
    courses: dict[tuple[int, int], list[tuple[int, int | None, str]]]  # (class, subject) → (course, subgroup, scale)
    groups: dict[int, str]
    terms: dict[int, tuple[int, dt.date, dt.date]]  # number → (period, start, end)
    year: tuple[dt.date, dt.date]

    @classmethod
    def load(cls, conn: Connection, school_id: int) -> _School:
        classes = {_norm(f"{grade}{letter}"): cid for cid, grade, letter in conn.execute(
            select(K.c.id, K.c.grade, K.c.letter).where(K.c.school_id == school_id))}
        subjects: dict[str, int] = {}
        courses: dict[tuple[int, int], list[tuple[int, int | None, str]]] = {}
        for course, class_id, subject, group, scale, code, *names in conn.execute(
                select(C.c.id, C.c.class_id, C.c.subject_id, C.c.subgroup_id, C.c.scale, S.c.code, S.c.name_kk,
                       S.c.name_ru, S.c.name_en).join(S, S.c.id == C.c.subject_id).where(C.c.school_id == school_id)):
            for label in (code, *names):
                if label:
                    subjects[_norm(label)] = subject
            courses.setdefault((class_id, subject), []).append((course, group, scale))
        groups = dict(conn.execute(select(SG.c.id, SG.c.name).where(SG.c.school_id == school_id)).all())
        # A page's term is the term of that number; a school graded by half-years (or a subject of one hour a week)
        # names its half-year
        terms = {number: (pid, start, end) for pid, number, start, end in conn.execute(
            select(P.c.id, P.c.number, P.c.start_date, P.c.end_date)
            .where(P.c.school_id == school_id, P.c.kind.in_(("term", "half_year")))
            .order_by(P.c.kind == "term"))}  # the terms last: they win
        starts = [t[1] for t in terms.values()]
        ends = [t[2] for t in terms.values()]
        return cls(school_id, classes, subjects, courses, groups, terms, (min(starts), max(ends)))

    def day(self, text: str) -> dt.date | None:
        """A column's date: YYYY-MM-DD, DD.MM.YYYY, or DD.MM within the school year."""
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
            if found := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
                return dt.date(int(found[3]), int(found[2]), int(found[1]))
            if found := re.fullmatch(r"(\d{1,2})\.(\d{1,2})", text):
                month = int(found[2])
                year = self.year[0].year if month >= self.year[0].month else self.year[1].year
                return dt.date(year, month, int(found[1]))
        except ValueError:
            return None
        return None


@dataclass
class _Plan:
    """What the pages would write, as a PC's operations would say it."""

    source: str  # the other system's name, and the day of the import: each cell and score is marked with them
    day: str
    ops: list[Operation] = field(default_factory=list)
    origins: list[tuple[str, int | None, str]] = field(default_factory=list)  # each op's (file, row, column)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"lessons": 0, "marks": 0, "attendance": 0, "works": 0,
                                                             "scores": 0})
    slots: dict[tuple[int, dt.date], set[int]] = field(default_factory=dict)  # a class's slots taken by new lessons

    def imported(self, file: str) -> str:
        """What a cell or score imported from `file` is marked with: "<source>: <file>, <day>"."""
        return f"{self.source}: {file}, {self.day}"

    def add(self, entity: str, key: str, name: str, value: Any, base: int = 0, *,
            where: tuple[str, int | None, str]) -> None:
        """One operation, and where on the pages it comes from (file, row, column), for its refusal."""
        self.origins.append(where)
        stamp = hlc.pack(int(dt.datetime.now(dt.UTC).timestamp() * 1000), len(self.ops) % 65536)
        self.ops.append(Operation.model_construct(seq=len(self.ops) + 1, hlc=stamp, entity=entity, key=key,
                                                  field=name, value=value, base=base))


def _place(conn: Connection, school: _School, page: Page, plan: _Plan, seen: set[tuple[Any, ...]]) -> None:
    where = page.name
    class_id = school.classes.get(re.sub(r"[«»\s\-]", "", _norm(page.heads["class"])))
    subject = school.subjects.get(_norm(page.heads["subject"]))
    if class_id is None:
        plan.problems.append(problem("import_no_class", file=where, name=page.heads["class"]))
    if subject is None:
        plan.problems.append(problem("import_no_subject", file=where, name=page.heads["subject"]))
    number_of_term = _term_number(page.heads["term"])
    term = school.terms.get(number_of_term) if number_of_term is not None else None
    if term is None:
        plan.problems.append(problem("import_no_term", file=where, name=page.heads["term"]))
    if class_id is None or subject is None or term is None:
        return
    options = school.courses.get((class_id, subject), [])
    wanted_group = _norm(page.heads.get("group", ""))
    chosen = [o for o in options
              if not wanted_group or (o[1] is not None and _norm(school.groups[o[1]]) == wanted_group)]
    if len(chosen) != 1:
        klass, subject_name = page.heads["class"], page.heads["subject"]
        plan.problems.append(
            problem("import_groups", file=where, klass=klass, subject=subject_name, count=len(options))
            if len(chosen) > 1 else problem("import_not_taught", file=where, klass=klass, subject=subject_name,
                                           group=f" ({page.heads['group']})" if wanted_group else ""))
        return
    course, _group, scale = chosen[0]
    period_id, start, end = term
    if (course, period_id) in seen:
        plan.problems.append(problem("import_same_page", file=where, klass=page.heads["class"],
                                     subject=page.heads["subject"], term=page.heads["term"]))
        return
    seen.add((course, period_id))
    pupils: dict[str, list[int]] = {}
    for pupil_id, last, first, middle in conn.execute(
            select(PUPIL.c.id, PUPIL.c.last_name, PUPIL.c.first_name, PUPIL.c.patronymic)
            .join(M, and_(M.c.school_id == PUPIL.c.school_id, M.c.pupil_id == PUPIL.c.id))
            # (the school named on every table: on Citus the whole import is one shard's transaction)
            .where(PUPIL.c.school_id == school.school_id, M.c.school_id == school.school_id, M.c.class_id == class_id,
                   M.c.from_date <= end, (M.c.to_date.is_(None)) | (M.c.to_date >= start)).distinct()):
        for name in {_norm(f"{last} {first}"), _norm(f"{last} {first} {middle or ''}")}:
            pupils.setdefault(name, []).append(pupil_id)
    lessons: dict[dt.date, str] = {}
    for lesson_id, day in conn.execute(select(L.c.id, L.c.date).where(
            L.c.school_id == school.school_id, L.c.course_id == course, L.c.date >= start, L.c.date <= end)
            .order_by(L.c.date, L.c.slot)):
        lessons.setdefault(day, lesson_id)
    # The course's works of the term already here (a pupil's transfer pages name the works his new class has too):
    # a column of the same kind, date and points is that work, not another.
    works_here: dict[tuple[str, dt.date, int], list[str]] = {}
    for work_id_here, kind_here, day_here, top_here in conn.execute(
            select(WORK.c.id, WORK.c.kind, WORK.c.date, WORK.c.max_points).where(
                WORK.c.school_id == school.school_id, WORK.c.course_id == course, WORK.c.period_id == period_id)):
        works_here.setdefault((kind_here, day_here, top_here), []).append(str(work_id_here))
    columns: list[tuple[str, Any]] = []  # ("lesson", lesson id) or ("work", (work id, max points))
    for text in page.columns[1:]:
        if not text:
            columns.append(("skip", None))
            continue
        work = _WORK.match(text)
        if work and _norm(work["kind"]) in WORK_KINDS:
            day = school.day(work["date"])
            if day is None or not start <= day <= end:
                plan.problems.append(problem("import_work_date", file=where, work=text, term=page.heads["term"]))
                columns.append(("skip", None))  # (a column each header: the rows' cells stay in line)
                continue
            kind, top = WORK_KINDS[_norm(work["kind"])], int(work["max"])
            same = works_here.get((kind, day, top), [])
            if len(same) == 1:
                columns.append(("work", (same[0], top)))
                continue
            work_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"dala-import/{course}/{period_id}/{text}"))
            plan.add("work", work_id, "create", {"id": work_id, "course_id": course, "kind": kind,
                                                 "title": (work["kind"] + " " + work["title"].strip()).strip(),
                                                 "section": None, "date": day.isoformat(), "max_points": top,
                                                 "lesson_id": None}, where=(where, None, text))
            plan.counts["works"] += 1
            works_here[(kind, day, top)] = [work_id]
            columns.append(("work", (work_id, top)))
            continue
        day = school.day(text)
        if day is None:
            plan.problems.append(problem("import_bad_date" if re.fullmatch(r"[\d.\-]+", text) else "import_bad_column",
                                         file=where, text=text))
            columns.append(("skip", None))
            continue
        if not start <= day <= end:
            plan.problems.append(problem("import_outside_term", file=where, day=f"{day:%d.%m.%Y}",
                                         term=page.heads["term"]))
            columns.append(("skip", None))
            continue
        if day not in lessons:
            slot = _free_slot(conn, school.school_id, class_id, day, plan.slots.setdefault((class_id, day), set()))
            lesson_id = ids.lesson_id(course, day, slot)
            plan.add("lesson", lesson_id, "create", {"id": lesson_id, "course_id": course, "date": day.isoformat(),
                                                     "slot": slot, "kind": "regular", "topic": None,
                                                     "homework": None}, where=(where, None, text))
            lessons[day] = lesson_id
            plan.counts["lessons"] += 1
        columns.append(("lesson", lessons[day]))
    held = {(lesson, pupil): (mark, attendance, version) for lesson, pupil, mark, attendance, version in conn.execute(
        select(CELL.c.lesson_id, CELL.c.pupil_id, CELL.c.mark, CELL.c.attendance, CELL.c.server_version)
        .where(CELL.c.school_id == school.school_id, CELL.c.lesson_id.in_(set(lessons.values()))))}
    scored = {(str(work_id_here), pupil): points for work_id_here, pupil, points in conn.execute(
        select(SCORE.c.work_id, SCORE.c.pupil_id, SCORE.c.points).where(
            SCORE.c.school_id == school.school_id,
            SCORE.c.work_id.in_([w for ids_here in works_here.values() for w in ids_here])))}
    named: set[int] = set()
    for number, cells in page.rows:
        found = pupils.get(_norm(cells[0]), [])
        if not found and len(cells[0].split()) > 2:  # a patronymic the school does not hold
            found = pupils.get(_norm(" ".join(cells[0].split()[:2])), [])
        if len(found) != 1:
            plan.problems.append(
                problem("import_no_pupil", file=where, row=number, name=cells[0], klass=page.heads["class"],
                        term=number_of_term)
                if not found else problem("import_many_pupils", file=where, row=number, name=cells[0],
                                          klass=page.heads["class"], count=len(found)))
            continue
        pupil = found[0]
        if pupil in named:
            plan.problems.append(problem("import_twice", file=where, row=number, name=cells[0]))
            continue
        named.add(pupil)
        for column, ((what, target), text) in enumerate(zip(columns, cells[1:], strict=False), start=1):
            if what == "skip" or not text:
                continue
            if what == "work":
                work_id, top = target
                origin = (where, number, page.columns[column])
                if not text.isdigit() or int(text) > top:
                    plan.problems.append(problem("import_bad_score", file=where, row=number, column=origin[2],
                                                 text=text, top=top))
                    continue
                had = scored.get((work_id, pupil))
                if had == int(text):
                    continue  # the same page again, or the work's score as the school has it: nothing to write
                if had is not None:
                    plan.problems.append(problem("import_held", file=where, row=number, column=origin[2], old=had,
                                                 new=text))
                    continue
                plan.add("score", record_keys.score(work_id, pupil), "points", int(text), where=origin)
                plan.add("score", record_keys.score(work_id, pupil), "imported", plan.imported(where), where=origin)
                plan.counts["scores"] += 1
                continue
            _cell(plan, (where, number, page.columns[column]), target, pupil, text, scale, held)


def _cell(plan: _Plan, origin: tuple[str, int, str], lesson: str, pupil: int, text: str, scale: str,
          held: dict[tuple[str, int], tuple[Any, Any, int]]) -> None:
    where, number, column = origin
    mark: int | None = None
    attendance: str | None = None
    tokens = [t for t in re.split(r"[\s/]+", _ABSENT_MARKS.sub("н", text.casefold())) if t]
    for token in tokens:
        if token in LETTERS and attendance is None:
            attendance = LETTERS[token]
        elif (token.isdigit() or (token.startswith("-") and token[1:].isdigit())) and mark is None:
            mark = int(token)
        elif token in LETTERS or token.lstrip("-").isdigit():  # "4/5", "н б": which one was meant is not for us to say
            plan.problems.append(problem("import_two_values", file=where, row=number, column=column, text=text))
            return
        else:
            plan.problems.append(problem("import_bad_cell", file=where, row=number, column=column, text=text))
            return
    if mark is not None:
        try:
            check_mark(scale, mark)
        except InvalidMark as error:
            plan.problems.append(problem("import_bad_mark", file=where, row=number, column=column, mark=mark,
                                         scale=scale, allowed=error.params.get("allowed", "")))
            return
    old_mark, old_attendance, version = held.get((lesson, pupil), (None, None, 0))
    key = record_keys.cell(lesson, pupil)
    written = False
    for name, value, old in (("mark", mark, old_mark), ("attendance", attendance, old_attendance)):
        if value is None or value == old:
            continue
        if old is not None:
            plan.problems.append(problem("import_held", file=where, row=number, column=column, old=old, new=value))
            continue
        plan.add("cell", key, name, value, base=version, where=origin)
        plan.counts["marks" if name == "mark" else "attendance"] += 1
        written = True
    if written and old_mark is None and old_attendance is None:
        # marked as imported only a cell that held nothing of a teacher's: a mark she wrote is not shown as imported
        plan.add("cell", key, "imported", plan.imported(where), base=version, where=origin)


def _free_slot(conn: Connection, school_id: int, class_id: int, day: dt.date, planned: set[int]) -> int:
    """The first slot of the day the class has no lesson in (nor one this import makes)."""
    taken = planned | set(conn.execute(
        select(L.c.slot).join(C, and_(C.c.school_id == school_id, C.c.id == L.c.course_id))
        .where(L.c.school_id == school_id, C.c.class_id == class_id, L.c.date == day)).scalars())
    slot = next(s for s in itertools.count(1) if s not in taken)
    planned.add(slot)
    return slot


def load(engine: Engine, school_id: int, files: Sequence[tuple[str, bytes]], source: str,
         check_only: bool = False, into_class: str | None = None) -> dict[str, int]:
    """Place and write every page of `files`, as the school's admin; or, `check_only`, place them and keep nothing;
    `into_class`: every page in that class, whatever it names (a transfer extract: server.transfer_extract). The
    counts of what was (or would be) written; ImportRefused with every problem."""
    problems: list[Problem] = []
    pages = []
    for name, data in files:
        try:
            pages.append(read_page(name, data))
            if into_class:
                pages[-1].heads["class"] = into_class
        except ImportRefused as refused:
            problems.extend(refused.problems)
    now = dt.datetime.now(dt.UTC)
    with writer(engine).connect() as conn, conn.begin() as transaction:
        admin = conn.execute(select(A.c.id).where(A.c.school_id == school_id, A.c.role == "admin")
                             .order_by(A.c.id).limit(1)).scalar()
        if admin is None:
            raise ImportRefused([problem("import_no_school", school=school_id)])
        school = _School.load(conn, school_id)
        plan = _Plan(source.strip(), f"{now:%Y-%m-%d}", problems=problems)
        if not plan.source:
            plan.problems.append(problem("import_no_source"))
        seen: set[tuple[Any, ...]] = set()
        for page in pages:
            _place(conn, school, page, plan, seen)
        who = Principal(account_id=admin, school_id=school_id, role="admin", teacher_id=None, device_id=None)
        applier = Applier(conn, who, now, by_school=True)
        applier.prefetch(plan.ops)
        reason = f"imported from {plan.source}: {', '.join(name for name, _ in files)}, {now:%Y-%m-%d}"
        entries = []
        not_made: set[str] = set()  # lessons and works refused: their cells and scores are not tried
        # Written even when a page did not check (and then rolled back), so every problem is told at once.
        for op, (file, row, column) in zip(plan.ops, plan.origins, strict=True):
            parent = record_keys.parse_pupil_key(op.key)
            if parent is not None and parent.record in not_made:
                continue
            outcome = applier.apply(op)
            if outcome.status not in ("applied", "merged"):
                if op.entity in ("lesson", "work"):
                    not_made.add(op.key)
                why = f"why_{outcome.reason}"
                plan.problems.append(problem("import_write" if row is not None else "import_write_column", file=file,
                                             row=row, column=column, why=why if why in console_text.TEXTS else "",
                                             message=outcome.message or outcome.reason or ""))
                continue
            entries.append(dict(at=now, school_id=school_id, account_id=admin, device_id=None, entity=op.entity,
                                entity_key=op.key, field=op.field, old_value=json_codec.column(outcome.old),
                                new_value=json_codec.column(outcome.new), result="admin", reason=reason,
                                version=outcome.version))
            if op.entity in ("lesson", "work"):
                applier.flush()  # a new lesson or work before the cells and scores that need it
        if plan.problems:
            transaction.rollback()
            raise ImportRefused(plan.problems)
        applier.flush()
        if check_only:
            transaction.rollback()
            return plan.counts
        audit_log.record_many(conn, entries)
        feed.publish(conn, school_id, applier.take_changes())
        transaction.commit()
    return plan.counts
