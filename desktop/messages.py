"""What the app says about a refusal, in the teacher's language: the journal's coded errors, the keys a
cell does not take, and why a sync did not go through. Texts are translated (Qt `translate`, context
"Messages"); parameters are filled in afterwards."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from core.errors import JournalError
from desktop.cell_input import CellInput
from sync.errors import SyncError

# The sync protocol's refusal codes (docs/sync-protocol.md; the app does not import server/, and a test checks
# these against the server): why one operation was rejected, and why a whole request was.
OPERATION_REFUSALS = frozenset({
    "not_your_course", "not_your_school", "period_closed", "reason_required", "pupil_not_in_course",
    "invalid_mark", "invalid_attendance", "text_too_long", "not_text", "invalid_score", "marks_not_allowed",
    "unknown_lesson", "unknown_course", "unknown_work", "unknown_period", "unknown_conflict", "bad_key",
    "bad_value", "unknown_field", "outside_school_year", "conflict_resolved", "invalid_lesson", "invalid_work",
    "sequence_gap", "lesson_cancelled", "lesson_not_cancelled", "lesson_not_moved", "work_not_changed",
    "work_not_deleted", "invalid_attestation",
})
REQUEST_ERRORS = frozenset({
    "bad_compression", "no_token", "bad_token", "token_expired", "device_revoked", "wrong_device", "admin_only",
    "too_large", "unsupported_encoding", "invalid_request", "locked", "busy", "unavailable", "bad_credentials",
    "device_taken", "weak_password", "unsupported_media_type",
    "rate_limited", "not_found",
})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def local(value: Any) -> str:
    """A parameter as the teacher's language writes it: dates in the locale's short format, decimal commas."""
    locale = QLocale()
    if isinstance(value, str) and _ISO_DATE.match(value):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        # PySide6 takes a Python datetime; its stubs name QDateTime only:
        return locale.toString(value.astimezone(), QLocale.FormatType.ShortFormat)  # type: ignore[call-overload]
    if isinstance(value, dt.date):
        return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
    if isinstance(value, (float, Decimal)):
        return locale.toString(float(value), "f", 1).removesuffix(locale.decimalPoint() + "0")
    return str(value)


def mark_text(mark: object) -> str:
    """A term or year mark as a report shows it: the number, «н/а», pass or fail, or a dash for none yet."""
    if mark is None:
        return "–"
    texts = {"n/a": QCoreApplication.translate("Messages", "n/a"),
             "pass": QCoreApplication.translate("Messages", "pass"),
             "fail": QCoreApplication.translate("Messages", "fail")}
    return texts.get(str(mark), str(mark))


def local_moment(stamp: str) -> str:
    """An ISO timestamp (UTC or with its offset) as a local date and time in the teacher's language."""
    moment = dt.datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return local(moment)


def rule_name(rule: str) -> str:
    """A grading rule version (core.grading.RULES) by its meaning, not its code."""
    texts = {
        "order-125-2023/half-up": QCoreApplication.translate(
            "Messages", "Order No. 125 (2023), rounded half up"),
        "order-125-2023/exact": QCoreApplication.translate(
            "Messages", "Order No. 125 (2023), exact thresholds"),
    }
    return texts.get(rule, QCoreApplication.translate("Messages", "grading rule {rule}").format(rule=rule))


def _lesson_or_work_reason(code: str, why: str) -> str | None:
    texts = {
        "invalid_lesson/unknown_kind": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: unknown kind of lesson."),
        "invalid_lesson/not_a_date": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: the date is not valid."),
        "invalid_lesson/no_such_slot": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: there is no lesson {slot} in the bell schedule."),
        "invalid_lesson/course_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: the course already has lesson {slot} on {date}."),
        "invalid_lesson/teacher_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: the teacher already teaches lesson {slot} on {date}."),
        "invalid_lesson/class_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: the class already has lesson {slot} on {date}."),
        "invalid_lesson/day_off": QCoreApplication.translate(
            "Messages", "The lesson cannot be added: {date} is a day off ({name})."),
        "invalid_lesson/moved_away": QCoreApplication.translate("Messages",
            "The lesson cannot be added: the course's lesson {slot} of {date} was moved to another day; move it "
            "back instead."),
        "lesson_not_cancelled/no_reason": QCoreApplication.translate(
            "Messages", "Say why the lesson is cancelled."),
        "lesson_not_cancelled/has_entries": QCoreApplication.translate("Messages",
            "The lesson of {date} cannot be cancelled: it holds marks or attendance ({count}); clear them first."),
        "lesson_not_moved/no_such_slot": QCoreApplication.translate(
            "Messages", "The lesson cannot be moved: there is no lesson {slot} in the bell schedule."),
        "lesson_not_moved/course_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be moved: the course already has lesson {slot} on {date}."),
        "lesson_not_moved/teacher_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be moved: the teacher already teaches lesson {slot} on {date}."),
        "lesson_not_moved/class_busy": QCoreApplication.translate(
            "Messages", "The lesson cannot be moved: the class already has lesson {slot} on {date}."),
        "lesson_not_moved/work_term": QCoreApplication.translate("Messages",
            "The lesson cannot be moved to {date}: a summative work is held in it, and the work must stay in its "
            "term."),
        "work_not_changed/bad_max_points": QCoreApplication.translate(
            "Messages", "The maximum points must be a whole number from 1 to {limit}."),
        "work_not_changed/score_over_max": QCoreApplication.translate("Messages",
            "The maximum cannot be {max_points}: a pupil already has {points} points for this work."),
        "work_not_changed/other_term": QCoreApplication.translate(
            "Messages", "The summative work cannot be moved to {date}: that day is in another term."),
        "work_not_changed/in_a_lesson": QCoreApplication.translate(
            "Messages", "This summative work is held in a lesson: move the lesson, and the work goes with it."),
        "work_not_deleted/has_scores": QCoreApplication.translate("Messages",
            "The summative work cannot be deleted: it holds scores ({count}); clear them first."),
        "invalid_attestation/not_year": QCoreApplication.translate(
            "Messages", "An exam or year test mark is set on the year, not on a term."),
        "invalid_attestation/not_exam_grade": QCoreApplication.translate(
            "Messages", "The final attestation's exams are held in grades 9 and 11 only."),
        "invalid_attestation/no_year_two": QCoreApplication.translate(
            "Messages", "A year test is written only after a year mark of 2."),
        "invalid_work/unknown_kind": QCoreApplication.translate(
            "Messages", "The summative work cannot be added: it must be a SOR or a SOCH."),
        "invalid_work/no_title": QCoreApplication.translate(
            "Messages", "The summative work cannot be added: give it a title."),
        "invalid_work/bad_max_points": QCoreApplication.translate("Messages",
            "The summative work cannot be added: the maximum points must be a whole number from 1 to {limit}."),
        "invalid_work/not_the_lesson": QCoreApplication.translate("Messages",
            "The summative work cannot be added: the lesson chosen is not this course's lesson on that date."),
        "invalid_work/not_by_works": QCoreApplication.translate("Messages",
            "The summative work cannot be added: this course is not graded by SOR and SOCH (grade 1, or classic or "
            "pass/fail marks)."),
        "invalid_work/no_soch_in_one_hour": QCoreApplication.translate("Messages",
            "The summative work cannot be added: a one-hour-a-week subject has no SOCH; it is graded per half-year "
            "from formative marks and SOR."),
        "database_problem/wrong_key": QCoreApplication.translate(
            "Messages", "The journal file {path} cannot be opened: the password does not open it."),
        "database_problem/not_a_journal": QCoreApplication.translate(
            "Messages", "The file {path} is not a Dala Journal file."),
        "database_problem/unreadable": QCoreApplication.translate(
            "Messages", "The journal file {path} cannot be read; the details are in the app's log."),
    }
    return texts.get(f"{code}/{why}")


def journal_error(error: JournalError) -> str:
    params, code = {k: local(v) for k, v in error.params.items()}, error.code
    texts = {
        "invalid_mark": QCoreApplication.translate(
            "Messages", "{value} is not a mark here: this course takes {allowed}."),
        "marks_not_allowed": QCoreApplication.translate(
            "Messages", "This course is not graded with marks; only attendance and comments."),
        "invalid_attendance": QCoreApplication.translate("Messages", "Unknown attendance code."),
        "text_too_long": QCoreApplication.translate(
            "Messages", "The text is too long: {length} characters, at most {limit}."),
        "pupil_not_in_course": QCoreApplication.translate("Messages", "This pupil was not in the class on {date}."),
        "not_your_course": QCoreApplication.translate(
            "Messages", "This is not your course, and you are not substituting in this lesson."),
        "period_closed": QCoreApplication.translate(
            "Messages", "The period containing {date} is closed; its marks can no longer be changed."),
        "outside_school_year": QCoreApplication.translate("Messages", "{date} is not in any term of the school year."),
        "mark_in_future": QCoreApplication.translate(
            "Messages", "The lesson on {date} has not happened yet: a mark cannot be written into it."),
        "changed_since": QCoreApplication.translate(
            "Messages", "This cell was changed since your edit (on another device or the server); the undo left it "
            "as it is."),
        "not_found": QCoreApplication.translate("Messages", "This record is no longer in the journal."),
        "invalid_lesson": QCoreApplication.translate("Messages", "The lesson cannot be added."),
        "invalid_score": QCoreApplication.translate(
            "Messages", "{value} is outside 0–{max_points} points for this work."),
        "invalid_work": QCoreApplication.translate("Messages", "The summative work cannot be added."),
        "invalid_attestation": QCoreApplication.translate("Messages", "The exam or year test mark cannot be set."),
        "lesson_cancelled": QCoreApplication.translate(
            "Messages", "The lesson of {date} is cancelled: it takes no marks or attendance."),
        "lesson_not_cancelled": QCoreApplication.translate("Messages", "The lesson cannot be cancelled."),
        "lesson_not_moved": QCoreApplication.translate("Messages", "The lesson cannot be moved."),
        "work_not_changed": QCoreApplication.translate("Messages", "The summative work cannot be changed."),
        "work_not_deleted": QCoreApplication.translate("Messages", "The summative work cannot be deleted."),
        "reason_required": QCoreApplication.translate(
            "Messages", "A final mark of {mark} differs from the computed one: say why (the reason is audited)."),
        "not_text": QCoreApplication.translate("Messages", "Only text can be written here."),
        "invalid": QCoreApplication.translate("Messages", "This value cannot be written here."),
        "journal_error": QCoreApplication.translate("Messages", "The journal refused the change."),
        "database_problem": QCoreApplication.translate(
            "Messages", "The journal file {path} cannot be opened; the details are in the app's log."),
        "database_newer": QCoreApplication.translate(
            "Messages", "The journal file {path} was written by a newer version of Dala Journal; please update the "
            "app. The file was not changed."),
        "timetable_invalid": QCoreApplication.translate(
            "Messages", "The timetable has problems ({count}); the school admin must correct it."),
    }
    text = _lesson_or_work_reason(code, params.get("why", "")) or texts.get(code)
    if text is None:
        return QCoreApplication.translate("Messages", "The journal refused the change ({code}).").format(code=code)
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def cell_refusal(refusal: CellInput) -> str:
    if refusal.reason == "not_a_mark":
        return QCoreApplication.translate(
            "Messages", "{value} is not a mark here: this course takes {allowed}.").format(
            value=refusal.value, allowed=refusal.allowed)
    if refusal.reason == "over_maximum":
        return QCoreApplication.translate("Messages", "{value} is more than this work's maximum of {maximum}.").format(
            value=refusal.value, maximum=refusal.allowed)
    if refusal.reason == "not_points":
        return QCoreApplication.translate(
            "Messages", "{value} is not a score here: this work takes {allowed} points.").format(
            value=refusal.value, allowed=refusal.allowed)
    if refusal.reason == "marks_not_allowed":
        return QCoreApplication.translate(
            "Messages", "This course is not graded with marks; only attendance and comments.")
    return QCoreApplication.translate("Messages",
        "“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.").format(
            key=refusal.value, letters=refusal.allowed)


def rejection_reason(code: str) -> str:
    """Why the server rejected one operation (OPERATION_REFUSALS), as the end of a sentence."""
    texts = {
        "period_closed": QCoreApplication.translate("Messages", "the period is closed"),
        "not_your_course": QCoreApplication.translate("Messages", "not your course"),
        "not_your_school": QCoreApplication.translate("Messages", "another school's record"),
        "pupil_not_in_course": QCoreApplication.translate("Messages", "the pupil was not in the class that day"),
        "invalid_mark": QCoreApplication.translate("Messages", "not a valid mark"),
        "conflict_resolved": QCoreApplication.translate("Messages", "already resolved by someone else"),
        "reason_required": QCoreApplication.translate("Messages", "a final mark needs a reason"),
        "invalid_attendance": QCoreApplication.translate("Messages", "not a valid attendance mark"),
        "text_too_long": QCoreApplication.translate("Messages", "the text is too long"),
        "not_text": QCoreApplication.translate("Messages", "only text can be written there"),
        "invalid_score": QCoreApplication.translate("Messages", "the score is outside the work's points"),
        "marks_not_allowed": QCoreApplication.translate("Messages", "the course is not graded with marks"),
        "unknown_lesson": QCoreApplication.translate("Messages", "the server has no such lesson"),
        "unknown_course": QCoreApplication.translate("Messages", "the server has no such course"),
        "unknown_work": QCoreApplication.translate("Messages", "the server has no such summative work"),
        "unknown_period": QCoreApplication.translate("Messages", "the server has no such period"),
        "unknown_conflict": QCoreApplication.translate("Messages", "the server has no such conflict"),
        "bad_key": QCoreApplication.translate("Messages", "the record is named wrongly"),
        "bad_value": QCoreApplication.translate("Messages", "the value is not valid"),
        "unknown_field": QCoreApplication.translate("Messages", "the server does not know this field"),
        "outside_school_year": QCoreApplication.translate("Messages", "the date is not in the school year"),
        "invalid_lesson": QCoreApplication.translate("Messages", "the lesson cannot be added"),
        "invalid_work": QCoreApplication.translate("Messages", "the summative work cannot be added"),
        "invalid_attestation": QCoreApplication.translate(
            "Messages", "an exam or year test mark belongs to the year, and an exam to grades 9 and 11"),
        "sequence_gap": QCoreApplication.translate("Messages", "an earlier change had not arrived"),
        "lesson_cancelled": QCoreApplication.translate("Messages", "the lesson is cancelled"),
        "lesson_not_cancelled": QCoreApplication.translate("Messages", "the lesson cannot be cancelled"),
        "lesson_not_moved": QCoreApplication.translate("Messages", "the lesson cannot be moved there"),
        "work_not_changed": QCoreApplication.translate("Messages", "the summative work cannot be changed so"),
        "work_not_deleted": QCoreApplication.translate("Messages", "the summative work holds scores"),
    }
    text = texts.get(code)
    return text if text is not None else QCoreApplication.translate("Messages", "refused ({code})").format(code=code)


def password_refusal(error: Exception) -> str:
    """A wrong or throttled offline password (storage.profiles), for the start screen and the lock screen."""
    wait = getattr(error, "wait_s", 0)
    if getattr(error, "code", "") == "throttled":
        return QCoreApplication.translate(
            "Messages", "Too many wrong passwords; try again in {wait} s.").format(wait=wait)
    if wait:
        return QCoreApplication.translate("Messages", "Wrong password. Try again in {wait} s.").format(wait=wait)
    return QCoreApplication.translate("Messages", "Wrong password.")


def schedule_warning(code: str, params: dict) -> str:
    """A scheduling limit a summative work breaks (storage.summative_schedule): a warning, the work is kept."""
    texts = {
        "too_many_sor": QCoreApplication.translate(
            "Messages", "This is SOR number {count} in the term; at most {limit} are allowed."),
        "too_many_soch_in_a_day": QCoreApplication.translate(
            "Messages", "{count} SOCH on {date} in this class; at most {limit} a day are allowed."),
        "soch_on_last_day": QCoreApplication.translate(
            "Messages", "A SOCH may not be held on the last day of the term ({date})."),
        "soch_with_sor": QCoreApplication.translate(
            "Messages", "A SOCH and a SOR of one subject may not be held on the same day ({date})."),
    }
    text = texts.get(code, code)
    return text.format(**{name: local(value) for name, value in params.items()})


def sync_error(code: str | None, message: str | None) -> str:
    texts = {
        "offline": QCoreApplication.translate("Messages", "No connection to the school's server."),
        "bundle_key_mismatch": QCoreApplication.translate(
            "Messages", "The server's key is not the one in the school's installer: it may not be the school's "
            "server. Tell the school admin."),
        "no_bundle_key": QCoreApplication.translate(
            "Messages", "This PC must sync online once before it can sync by a USB stick."),
        "busy": QCoreApplication.translate("Messages", "The server is busy; trying again shortly."),
        "unavailable": QCoreApplication.translate(
            "Messages", "The school's server cannot reach its database just now; trying again shortly."),
        "server_error": QCoreApplication.translate("Messages", "The server had a problem; trying again later."),
        "garbled": QCoreApplication.translate("Messages", "The connection broke off; trying again."),
        "bad_credentials": QCoreApplication.translate("Messages", "Wrong username or password."),
        "locked": QCoreApplication.translate("Messages", "Too many wrong passwords; wait a little and try again."),
        "token_expired": QCoreApplication.translate("Messages", "Your login has expired; please log in again."),
        "device_revoked": QCoreApplication.translate(
            "Messages", "The school admin has revoked this PC; ask the admin to restore it. What you typed waits on "
            "this PC."),
        "no_token": QCoreApplication.translate("Messages", "Log in to sync with the school's server."),
        "other_account": QCoreApplication.translate("Messages", "This journal belongs to another account."),
        "local_error": QCoreApplication.translate(
            "Messages", "The journal file had a problem; the details are in the app's log."),
        "bad_certificate": QCoreApplication.translate(
            "Messages", "The server's certificate is not trusted: this may not be your school's server. Ask the "
            "school admin."),
        "insecure_url": QCoreApplication.translate(
            "Messages", "This address is not encrypted; the school's server must start with https://."),
        "bad_url": QCoreApplication.translate("Messages", "This is not a server address (https://…)."),
        "rate_limited": QCoreApplication.translate("Messages", "Too many requests; trying again shortly."),
        "bad_token": QCoreApplication.translate(
            "Messages", "The server no longer knows this login; please log in again."),
        "unsupported_media_type": QCoreApplication.translate(
            "Messages", "The server did not take the app's request as it was sent; install the school's latest "
            "Dala Journal."),
        "weak_password": QCoreApplication.translate(
            "Messages", "The new password is too weak: at least 8 characters, and not your username."),
        "device_taken": QCoreApplication.translate(
            "Messages", "This PC is registered to another account on the server; ask the school admin."),
        "wrong_device": QCoreApplication.translate(
            "Messages", "This login belongs to another PC; please log in again."),
        "admin_only": QCoreApplication.translate("Messages", "Only the school admin may do this."),
        "not_found": QCoreApplication.translate("Messages", "The server has no such record."),
        "bad_compression": QCoreApplication.translate("Messages", "The data was damaged on the way; trying again."),
        "unsupported_encoding": QCoreApplication.translate(
            "Messages", "The server does not understand this app's data; please update the app."),
        "invalid_request": QCoreApplication.translate(
            "Messages", "The server does not understand this app's data; please update the app."),
        "too_large": QCoreApplication.translate("Messages", "Too much to send at once; trying in smaller parts."),
        "not_set_up": QCoreApplication.translate("Messages", "This journal is not set up yet: log in once online."),
        "sequence_gap": QCoreApplication.translate("Messages", "Some changes have to be sent again; trying again."),
        "no_progress": QCoreApplication.translate(
            "Messages", "The server accepts none of the changes waiting to be sent; ask the school admin."),
    }
    if code is None:
        return ""
    text = texts.get(code)
    if text is None:
        return QCoreApplication.translate("Messages", "Sync failed ({code}); trying again later.").format(code=code)
    return text


def describe(error: Exception) -> str:
    if isinstance(error, JournalError):
        return journal_error(error)
    if isinstance(error, SyncError):
        return sync_error(error.code, error.message)
    return QCoreApplication.translate("Messages", "Something went wrong ({kind}).").format(kind=type(error).__name__)
