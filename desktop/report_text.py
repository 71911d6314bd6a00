"""The reports as documents (desktop.report_document) in a given language: the same tables and charts are shown in the
reports window in the teacher's language and saved, as PDF or XLSX, in the school's. Texts are in the context
"Report" (desktop.i18n.words), marked here for translation with QT_TRANSLATE_NOOP."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.school_reports import ClassReport
from desktop.report_document import Cell, Chart, Document, Table
from storage.class_summary import ClassSummary, PupilSummary
from storage.sheet_choices import PeriodChoice

Words = Callable[[object], str]  # desktop.i18n.words: a text marked for translation, in a language


MARKS = {"n/a": QT_TRANSLATE_NOOP("Report", "n/a"), "pass": QT_TRANSLATE_NOOP("Report", "pass"),
         "fail": QT_TRANSLATE_NOOP("Report", "fail")}
OUTCOMES = {"year_test": QT_TRANSLATE_NOOP("Report", "a year test"),
            "repeat": QT_TRANSLATE_NOOP("Report", "repeats the year")}
ATTENDANCE = {"absent": QT_TRANSLATE_NOOP("Report", "absent"), "ill": QT_TRANSLATE_NOOP("Report", "ill"),
              "excused": QT_TRANSLATE_NOOP("Report", "excused"), "late": QT_TRANSLATE_NOOP("Report", "late")}
PUPIL, SUBJECT, YEAR = (QT_TRANSLATE_NOOP("Report", "Pupil"), QT_TRANSLATE_NOOP("Report", "Subject"),
                        QT_TRANSLATE_NOOP("Report", "Year"))
BY_SUBJECT = QT_TRANSLATE_NOOP("Report", "Marks by subject")


def mark(value: object, t: Words) -> Cell:
    """A term or year mark as a report holds it: the number (a number, so a spreadsheet counts it), «н/а», pass or
    fail, or None for none yet."""
    if value is None or isinstance(value, int):
        return value
    return t(MARKS.get(str(value), str(value)))


def period_name(period: PeriodChoice, t: Words) -> str:
    if period.kind == "term":
        return t(QT_TRANSLATE_NOOP("Report", "Term %1")).replace("%1", str(period.number))
    if period.kind == "half_year":
        return t(QT_TRANSLATE_NOOP("Report", "Half-year %1")).replace("%1", str(period.number))
    return t(YEAR)


def class_report(report: ClassReport, periods: Sequence[PeriodChoice], school: str, t: Words) -> Document:
    """The end-of-term report of a class and period, with its attendance, today's absentees and the year's
    outcomes; the class's marks by term as a chart."""
    by_id = {p.id: p for p in periods}
    period = period_name(by_id[report.period_id], t)

    def percent(value: object) -> Cell:
        return None if value is None else round(float(value), 1)  # type: ignore[arg-type]

    subjects: list[list[Cell]] = [[
        t(SUBJECT), "5", "4", "3", "2", t(MARKS["n/a"]), t(MARKS["pass"]), t(MARKS["fail"]),
        t(QT_TRANSLATE_NOOP("Report", "Quality, %")), t(QT_TRANSLATE_NOOP("Report", "Success, %"))]]
    subjects += [[line.subject, *(line.counts[m] for m in (5, 4, 3, 2)), line.not_attested, line.passed, line.failed,
                  percent(line.quality), percent(line.success)] for line in report.subjects]
    attendance: list[list[Cell]] = [[
        t(PUPIL), t(QT_TRANSLATE_NOOP("Report", "Lessons missed")), t(ATTENDANCE["ill"]),
        t(QT_TRANSLATE_NOOP("Report", "without a reason")), t(QT_TRANSLATE_NOOP("Report", "other valid reason")),
        t(ATTENDANCE["late"])]]
    attendance += [[a.name, a.missed, a.ill, a.without_reason, a.excused, a.late] for a in report.attendance]
    absent: list[list[Cell]] = [[t(PUPIL), t(QT_TRANSLATE_NOOP("Report", "Lessons"))]]
    absent += [[a.name, ", ".join(f"{slot}: {t(ATTENDANCE.get(code, code))}" for slot, code in a.lessons)]
               for a in report.absent_today]
    golden: list[list[Cell]] = [[t(PUPIL)]]
    golden += [[p.name] for p in report.golden]
    honours: list[list[Cell]] = [[t(PUPIL)]]
    honours += [[p.name] for p in report.honours]
    at_risk: list[list[Cell]] = [[t(PUPIL), t(QT_TRANSLATE_NOOP("Report", "Subjects with a 2")),
                                  t(QT_TRANSLATE_NOOP("Report", "Outcome"))]]
    at_risk += [[r.pupil.name, ", ".join(r.failed), t(OUTCOMES[r.outcome])] for r in report.at_risk]
    terms = [period_name(by_id[term], t) for term, _ in report.terms if term in by_id]
    chart = Chart(t(QT_TRANSLATE_NOOP("Report", "Marks by term")), "bars", terms,
                  [(str(m), [float(counts[m]) for _, counts in report.terms]) for m in (5, 4, 3, 2)])
    tables = [Table(t(BY_SUBJECT), subjects), Table(t(QT_TRANSLATE_NOOP("Report", "Attendance")), attendance),
              Table(t(QT_TRANSLATE_NOOP("Report", "Absent today")), absent),
              Table(t(QT_TRANSLATE_NOOP("Report", "«Altyn belgi» candidates")), golden),
              Table(t(QT_TRANSLATE_NOOP("Report", "Certificate with honours")), honours),
              Table(t(QT_TRANSLATE_NOOP("Report", "Year mark 2")), at_risk)]
    return Document(t(QT_TRANSLATE_NOOP("Report", "End-of-term report")),
                    f"{school} · {report.class_name} · {period}", tables, [chart], f"{report.class_name} {period}")


def class_summary(summary: ClassSummary, school: str, t: Words) -> Document:
    """The class teacher's summary sheet: every pupil's term and year marks in every subject, and lessons missed."""
    rows: list[list[Cell]] = [[t(PUPIL), *summary.subjects, t(QT_TRANSLATE_NOOP("Report", "Lessons missed (ill)"))]]
    for pupil in summary.pupils:
        cells = []
        for subject in summary.subjects:
            terms, year = pupil.subjects.get(subject, ([], None))
            text = " ".join(str(mark(m, t) or "–") for m in terms) + " | " + str(mark(year, t) or "–")
            final = pupil.finals.get(subject)  # where an exam or a year test made the final mark differ
            cells.append(text + (f" → {mark(final, t)}" if final is not None else ""))
        rows.append([pupil.name, *cells, f"{pupil.missed} ({pupil.missed_ill})"])
    return Document(t(QT_TRANSLATE_NOOP("Report", "Class summary")), f"{school} · {summary.class_name}",
                    [Table(summary.class_name, rows)], file_name=summary.class_name)


def pupil_extract(pupil: PupilSummary, class_name: str, parts: Sequence[str], school: str, t: Words) -> Document:
    """A pupil's marks across subjects (выписка): each subject's term (half-year) marks and year mark, and his marks
    over the year as a chart, a line per subject. `parts`: the names of the terms, in order."""
    longest = max((len(terms) for terms, _ in pupil.subjects.values()), default=0)
    rows: list[list[Cell]] = [[t(SUBJECT), *parts[:longest], t(QT_TRANSLATE_NOOP("Report", "Year mark")),
                               t(QT_TRANSLATE_NOOP("Report", "Final mark"))]]
    series: list[tuple[str, list[float | None]]] = []
    for subject, (terms, year) in sorted(pupil.subjects.items()):
        rows.append([subject, *(mark(m, t) for m in terms), *([None] * (longest - len(terms))), mark(year, t),
                     mark(pupil.finals.get(subject, year), t)])
        if len(terms) == longest:  # per term, not per half-year: a line over the same points
            series.append((subject, [float(m) if isinstance(m, int) else None for m in terms]))
    chart = Chart(t(QT_TRANSLATE_NOOP("Report", "Marks over the year")), "lines", list(parts[:longest]), series,
                  lowest=2, highest=5)
    return Document(t(QT_TRANSLATE_NOOP("Report", "Marks extract")), f"{school} · {pupil.name} · {class_name}",
                    [Table(t(BY_SUBJECT), rows)], [chart], f"{pupil.name} {class_name}")


def journal_page(header: Sequence[Cell], rows: Sequence[Sequence[Cell]], place: str, school: str,
                 t: Words) -> Document:
    """A journal page as the grid shows it (a class-subject and period): a row per pupil, a column per lesson."""
    return Document(t(QT_TRANSLATE_NOOP("Report", "Journal page")), f"{school} · {place}" if school else place,
                    [Table(place, [header, *rows])], file_name=place)
