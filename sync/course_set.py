"""The journal's courses follow what the server lets its teacher read: after a sync whose answer names another set
(core.protocol.SyncResponse.courses), the courses the journal lacks are downloaded, page by page as a first
download is, those it may no longer read are dropped (storage.course_set), and one given to another teacher is
downloaded again: a course given to this teacher or taken from them, a substitution begun or over."""

from __future__ import annotations

from collections.abc import Callable

from core.protocol import courses_digest
from storage import course_set, first_download_rows
from storage.database import JournalDatabase
from sync.link import LinkEstimate
from sync.transport import ServerLink


def follow(db: JournalDatabase, link: ServerLink, digest: str | None,
           progress: Callable[[int, int], None] = lambda done, total: None,
           estimate: LinkEstimate | None = None) -> set[int]:
    """Bring the journal's courses to the server's set when its digest differs; the courses added, dropped or
    downloaded again."""
    with db.read() as conn:
        held = course_set.held(conn)
    if digest is None or courses_digest(held) == digest:
        return set()
    answer = link.readable_courses().answer
    # (an older server names no teachers: a course's change of hands is then not seen)
    wanted = dict(zip(answer["courses"], answer.get("teachers") or [held.get(c) for c in answer["courses"]],
                      strict=True))
    # A course given to another teacher is downloaded again as it now stands: the journal may hold more of it than
    # it may now read (its former teacher keeps the lessons he gave), or less (the new teacher's other PCs).
    handed_over = {c for c in wanted.keys() & held.keys() if wanted[c] != held[c]}
    extra = held.keys() - wanted.keys()
    touched: set[int] = set()
    if extra | handed_over:
        if not course_set.drop(db, extra | handed_over):
            return set()  # what this PC typed goes first; the next sync tries again
        touched |= extra
    missing = wanted.keys() - held.keys() | handed_over
    if missing:
        reference = link.bootstrap_reference(missing).answer
        first_download_rows.store_courses(db, reference)
        total, done, after, more = int(reference["lessons_total"]), 0, "", True
        while more:
            page = link.bootstrap_lessons(after, (estimate or LinkEstimate()).page_lessons(), missing).answer
            after, more = first_download_rows.store_courses_page(db, page)
            done += len(page["lessons"])
            progress(done, max(total, done))
        touched |= missing
    return touched
