"""Every write the window makes to the journal file, one way (as Anki's CollectionOp with its OpChanges): a
write is a job on the serial worker (desktop.worker) that goes through storage and returns what it changed,
as storage.changed.Changed (the type a sync run reports its changes in), with what the journal's call returned
(a new work's id, the step an undo took). When the job is done, on the UI thread: an edit is reported (the
hint clears, the sync engine is told), the write's own follow-up runs (`then`, as CollectionOp's success),
and the changes go to the window's one handler (`show`, as Anki's operation_did_execute), told which widget
made the write so that widget is not refreshed from its own edit. A refusal goes to the write's `refused`,
else to the runner's. The jobs themselves are in desktop.write_jobs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.worker import Failed, Worker
from storage.changed import Changed

Show = Callable[[Changed, object | None], None]  # the window's handler: what changed, and which widget wrote it


@dataclass(frozen=True)
class Written:
    """What a write did: the records it changed, and what the journal's call returned, for its follow-up."""

    changed: Changed = field(default_factory=Changed)
    returned: Any = None


class Writes:
    """Runs the window's writes on the worker and hands what each changed to one handler."""

    def __init__(self, worker: Worker, show: Show, refused: Failed, wrote: Callable[[], None]) -> None:
        self.worker = worker
        self.show = show  # what changed is shown
        self.refused = refused  # a refusal no write took itself
        self.wrote = wrote  # an edit went into the journal (and its outbox, for the server)

    def run(self, job: Callable[[], Written], *, then: Callable[[Any], None] | None = None,
            refused: Failed | None = None, initiator: object | None = None, edit: bool = True) -> None:
        """Run `job` after the jobs queued before it. `then(returned)` follows it; `initiator` is the widget the
        write came from; `edit` False for a write that is the device's own bookkeeping, not for the server."""
        def done(written: Written) -> None:
            if edit:
                self.wrote()
            if then is not None:
                then(written.returned)
            self.show(written.changed, initiator)

        self.worker.run(job, done, refused or self.refused)
