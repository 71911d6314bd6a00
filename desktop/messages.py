"""What the app says about a refusal, in the teacher's language: the journal's coded errors, the keys a
cell does not take, and why a sync did not go through. Texts are translated (Qt `translate`, context
"Messages"); parameters are filled in afterwards."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.cell_input import CellInput
from storage.errors import JournalError
from sync.errors import SyncError


def journal_error(error: JournalError) -> str:
    params, code = error.params, error.code
    texts = {
        "invalid_mark": QCoreApplication.translate("Messages", "{value} is not a mark here: this course takes {allowed}."),
        "marks_not_allowed": QCoreApplication.translate("Messages", "This course is not graded with marks; only attendance and comments."),
        "invalid_attendance": QCoreApplication.translate("Messages", "Unknown attendance code."),
        "text_too_long": QCoreApplication.translate("Messages", "The text is too long: {length} characters, at most {limit}."),
        "pupil_not_in_course": QCoreApplication.translate("Messages", "This pupil was not in the class on {date}."),
        "not_your_course": QCoreApplication.translate("Messages", "This is not your course, and you are not substituting in this lesson."),
        "period_closed": QCoreApplication.translate("Messages", "The period containing {date} is closed; its marks can no longer be changed."),
        "outside_school_year": QCoreApplication.translate("Messages", "{date} is not in any term of the school year."),
        "not_found": QCoreApplication.translate("Messages", "This record is no longer in the journal."),
        "invalid_lesson": QCoreApplication.translate("Messages", "The lesson cannot be added: {reason}."),
        "invalid_score": QCoreApplication.translate("Messages", "{value} is outside 0–{max_points} points for this work."),
        "invalid_work": QCoreApplication.translate("Messages", "The summative work cannot be added: {reason}."),
        "reason_required": QCoreApplication.translate(
            "Messages", "A final mark of {mark} differs from the computed one: say why (the reason is audited)."),
    }
    text = texts.get(code)
    if text is None:
        return QCoreApplication.translate("Messages", "The journal refused the change ({code}).").format(code=code)
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def cell_refusal(refusal: CellInput) -> str:
    if refusal.reason == "not_a_mark":
        return QCoreApplication.translate("Messages", "{value} is not a mark here: this course takes {allowed}.").format(
            value=refusal.value, allowed=refusal.allowed)
    if refusal.reason == "over_maximum":
        return QCoreApplication.translate("Messages", "{value} is more than this work's maximum of {maximum}.").format(
            value=refusal.value, maximum=refusal.allowed)
    if refusal.reason == "not_points":
        return QCoreApplication.translate("Messages", "{value} is not a score here: this work takes {allowed} points.").format(
            value=refusal.value, allowed=refusal.allowed)
    if refusal.reason == "marks_not_allowed":
        return QCoreApplication.translate("Messages", "This course is not graded with marks; only attendance and comments.")
    return QCoreApplication.translate(
        "Messages", "“{key}” means nothing in a cell. Type a mark, an attendance letter ({letters}), or Delete.").format(
            key=refusal.value, letters=refusal.allowed)


def rejection_reason(code: str) -> str:
    texts = {
        "period_closed": QCoreApplication.translate("Messages", "the period is closed"),
        "not_your_course": QCoreApplication.translate("Messages", "not your course"),
        "not_your_school": QCoreApplication.translate("Messages", "another school's record"),
        "pupil_not_in_course": QCoreApplication.translate("Messages", "the pupil was not in the class that day"),
        "invalid_mark": QCoreApplication.translate("Messages", "not a valid mark"),
        "conflict_resolved": QCoreApplication.translate("Messages", "already resolved by someone else"),
        "reason_required": QCoreApplication.translate("Messages", "a final mark needs a reason"),
    }
    return texts.get(code, code)


def password_refusal(error: Exception) -> str:
    """A wrong or throttled offline password (storage.profiles), for the start screen and the lock screen."""
    wait = getattr(error, "wait_s", 0)
    if getattr(error, "code", "") == "throttled":
        return QCoreApplication.translate("Messages", "Too many wrong passwords; try again in {wait} s.").format(wait=wait)
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
    return text.format(**params)


def sync_error(code: str | None, message: str | None) -> str:
    texts = {
        "offline": QCoreApplication.translate("Messages", "No connection to the school's server."),
        "busy": QCoreApplication.translate("Messages", "The server is busy; trying again shortly."),
        "server_error": QCoreApplication.translate("Messages", "The server had a problem; trying again later."),
        "garbled": QCoreApplication.translate("Messages", "The connection broke off; trying again."),
        "bad_credentials": QCoreApplication.translate("Messages", "Wrong username or password."),
        "locked": QCoreApplication.translate("Messages", "Too many wrong passwords; wait a little and try again."),
        "token_expired": QCoreApplication.translate("Messages", "Your login has expired; please log in again."),
        "device_revoked": QCoreApplication.translate("Messages", "The school admin has revoked this PC; please log in again."),
        "no_token": QCoreApplication.translate("Messages", "Log in to sync with the school's server."),
        "other_account": QCoreApplication.translate("Messages", "This journal belongs to another account."),
        "local_error": QCoreApplication.translate("Messages", "The journal file had a problem: {message}"),
        "bad_certificate": QCoreApplication.translate(
            "Messages", "The server's certificate is not trusted: this may not be your school's server. Ask the "
            "school admin."),
        "insecure_url": QCoreApplication.translate(
            "Messages", "This address is not encrypted; the school's server must start with https://."),
        "bad_url": QCoreApplication.translate("Messages", "This is not a server address (https://…)."),
        "rate_limited": QCoreApplication.translate("Messages", "Too many requests; trying again shortly."),
    }
    if code is None:
        return ""
    text = texts.get(code)
    if text is None:
        return QCoreApplication.translate("Messages", "Sync failed: {message}").format(message=message or code)
    return text.format(message=message or "")


def describe(error: Exception) -> str:
    if isinstance(error, JournalError):
        return journal_error(error)
    if isinstance(error, SyncError):
        return sync_error(error.code, error.message)
    return str(error)
