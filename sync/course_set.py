"""The journal's courses follow what the server lets its teacher read: after a sync whose answer names another set
(core.protocol.SyncResponse.courses), the courses the journal lacks are downloaded, page by page as a first
download is, and those it may no longer read are dropped (storage.course_set): a course given to this teacher or
taken from them, a substitution begun or over."""

from __future__ import annotations

from collections.abc import Callable

from core.protocol import courses_digest
from storage import course_set, first_download_rows
from storage.database import JournalDatabase
from sync.first_download import PAGE
from sync.transport import ServerLink


def follow(db: JournalDatabase, link: ServerLink, digest: str | None,
           progress: Callable[[int, int], None] = lambda done, total: None) -> set[int]:
    """Bring the journal's courses to the server's set when its digest differs; the courses added or dropped."""
    with db.read() as conn:
        held = course_set.held(conn)
    if digest is None or courses_digest(held) == digest:
        return set()
    wanted = set(link.readable_courses().answer["courses"])
    missing, extra = wanted - held, held - wanted
    touched: set[int] = set()
    if missing:
        reference = link.bootstrap_reference(missing).answer
        first_download_rows.store_courses(db, reference)
        total, done, after, more = int(reference["lessons_total"]), 0, "", True
        while more:
            page = link.bootstrap_lessons(after, PAGE, missing).answer
            after, more = first_download_rows.store_courses_page(db, page)
            done += len(page["lessons"])
            progress(done, max(total, done))
        touched |= missing
    if extra and course_set.drop(db, extra):
        touched |= extra
    return touched
