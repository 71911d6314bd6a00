"""Errors the journal raises when it refuses something, each with a stable code and parameters.

The message is English for logs and tests; the desktop app translates by `code`, filling in `params`,
so a teacher reads the refusal in their own language. Where one code has several causes, `params["why"]`
names the cause as a code too (the English `reason` is for logs only).
"""

from __future__ import annotations

from typing import Any


class JournalError(Exception):
    """Base of every refusal; nothing was changed when one is raised."""

    code = "journal_error"
    template = "The journal refused the change."

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.template.format(**params))


class ValidationError(JournalError, ValueError):
    code = "invalid"
    template = "Invalid value."


class InvalidMark(ValidationError):
    code = "invalid_mark"
    template = "A mark of {value!r} is not allowed on the {scale} scale; allowed: {allowed}."


class MarksNotAllowed(ValidationError):
    code = "marks_not_allowed"
    template = "This course is not graded (scale {scale}); only attendance and comments can be written."


class InvalidAttendance(ValidationError):
    code = "invalid_attendance"
    template = "Unknown attendance code {value!r}; known codes: {allowed}."


class TextTooLong(ValidationError):
    code = "text_too_long"
    template = "The {field} is {length} characters long; at most {limit} are allowed."


class NotText(ValidationError):
    code = "not_text"
    template = "The {field} must be text, not {kind}."


class BadValue(ValidationError):
    code = "bad_value"
    template = "The {field} is not of the form it takes: {why}."


class InvalidScore(ValidationError):
    code = "invalid_score"
    template = "A score of {value!r} is outside 0–{max_points} for this work."


class InvalidLesson(ValidationError):
    code = "invalid_lesson"
    template = "Cannot add this lesson: {reason}."


class InvalidWork(ValidationError):
    code = "invalid_work"
    template = "Cannot add this summative work: {reason}."


class InvalidAttestation(ValidationError):
    code = "invalid_attestation"
    template = "Cannot set this attestation mark: {reason}."


class LessonNotCancelled(ValidationError):
    code = "lesson_not_cancelled"
    template = "Cannot cancel this lesson: {reason}."


class LessonNotMoved(ValidationError):
    code = "lesson_not_moved"
    template = "Cannot move this lesson: {reason}."


class WorkNotChanged(ValidationError):
    code = "work_not_changed"
    template = "Cannot change this summative work: {reason}."


class WorkNotDeleted(ValidationError):
    code = "work_not_deleted"
    template = "Cannot delete this summative work: {reason}."


class ReasonRequired(ValidationError):
    code = "reason_required"
    template = "A final mark of {mark} differs from the computed one; say why (the reason is audited)."


class NotFound(JournalError, LookupError):
    code = "not_found"
    template = "No {what} with id {id!r} in this journal."


class PupilNotInCourse(JournalError):
    code = "pupil_not_in_course"
    template = "Pupil {pupil_id} is not in the class (or subgroup) of this course on {date}."


class NotYourCourse(JournalError, PermissionError):
    code = "not_your_course"
    template = "Teacher {actor_id} does not teach course {course_id} and is not substituting in this lesson."


class PeriodClosed(JournalError):
    code = "period_closed"
    template = "The period containing {date} is closed; its marks can no longer be changed."


class MarkInFuture(JournalError):
    code = "mark_in_future"
    template = "The lesson on {date} has not happened yet; a mark cannot be written into it."


class LessonCancelled(JournalError):
    code = "lesson_cancelled"
    template = "The lesson on {date} is cancelled; no mark or attendance can be written into it."


class ChangedSince(JournalError):
    code = "changed_since"
    template = "The {field} was changed since this edit (by another device or the server); it is left as it is."


class OutsideSchoolYear(JournalError):
    code = "outside_school_year"
    template = "{date} is not in any term of the school year."


class DatabaseProblem(JournalError):
    code = "database_problem"
    template = "Cannot open the journal file {path}: {reason}."


class DatabaseFromNewerVersion(DatabaseProblem):
    code = "database_newer"
    template = (
        "The journal file {path} was written by a newer version of Dala Journal (schema {revision}); "
        "please update the app. The file was not changed."
    )


class TimetableInvalid(ValidationError):
    code = "timetable_invalid"
    template = "The timetable has {count} problem(s): {first}"


# Refusals of an edit the teacher may see: with one of these the server also tells the value the field holds
# (docs/sync-protocol.md), and the sync engine puts it back in the local journal. Never for records outside
# the teacher's courses, whose values they must not learn.
REFUSALS_TELLING_VALUE = frozenset({
    PeriodClosed.code, PupilNotInCourse.code, InvalidMark.code, InvalidAttendance.code, TextTooLong.code,
    NotText.code, InvalidScore.code, MarksNotAllowed.code, ReasonRequired.code, OutsideSchoolYear.code,
    LessonCancelled.code, LessonNotCancelled.code, LessonNotMoved.code, WorkNotChanged.code, WorkNotDeleted.code,
})
