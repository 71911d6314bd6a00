"""A new PC's first download (the server's bootstrap): the teacher's school, classes, rosters, timetable
and calendar in one answer, then the whole year's lessons with their cells, works and scores, page by page;
storage.first_download_rows writes each part in its own transaction, so a dropped link resumes where it
stopped. Progress is lessons received / lessons in all. Each page is sized to the link as a sync's calls are
(sync.link), and teaches the estimate in turn."""

from __future__ import annotations

from collections.abc import Callable

from core.protocol import MAX_LESSONS_PAGE
from storage import first_download_rows, sync_state
from storage.database import JournalDatabase
from sync.link import LinkEstimate, with_tail
from sync.transport import ServerLink


def download(db: JournalDatabase, link: ServerLink, progress: Callable[[int, int], None],
             estimate: LinkEstimate | None = None) -> None:
    estimate = estimate or LinkEstimate()
    with db.read() as conn:
        state = sync_state.load(conn)
    if state is None or state["bootstrapped"]:
        return
    after, total = state["bootstrap_after"], state["bootstrap_total"]
    if after is None:  # the reference data has not arrived yet
        reference = link.bootstrap_reference()
        estimate.observe(reference.sent, reference.received, reference.seconds, reference.answered)
        total = first_download_rows.store_reference(db, reference.answer)
        after = ""
    done = first_download_rows.lessons_held(db)
    progress(done, total or done)
    more = True
    while more:
        exchange = link.bootstrap_lessons(after, with_tail(estimate.page_lessons(), (total or 0) - done,
                                                           MAX_LESSONS_PAGE))
        page = exchange.answer
        estimate.observe(exchange.sent, exchange.received, exchange.seconds, exchange.answered,
                         lessons=len(page["lessons"]))
        after, more = first_download_rows.store_page(db, page)
        done += len(page["lessons"])
        progress(done, max(total or 0, done))
