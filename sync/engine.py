"""The sync engine: one background thread that syncs the journal with the school's server whenever it can.

- It syncs on its own: soon after a local edit, every `idle_interval` while online, and, after a failure,
  on a capped exponential backoff with jitter (sync.backoff), on its own timer. `sync_now()` starts one at
  once. An attempt is itself the connectivity probe: it costs one small request when nothing is waiting.
- A new PC first downloads the teacher's year (sync.first_download), then syncs (sync.session).
- Whoever shows the state subscribes to `SyncStatus` updates, and to each finished run's summary (what
  it changed here, record by record: storage.changed); listeners run on the engine's thread (the desktop hops
  them onto the UI thread). Nothing here imports Qt, and nothing here runs on the caller's
  thread except the few lines that queue work.
- `login()` also runs on the engine's thread and answers through a Future.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import httpx

from core.bundle import BundleError, Header
from core.protocol import LoginResponse, SyncRequest
from storage import backups, conflicts, device, outbox, rejections, sync_state
from storage.database import JournalDatabase
from sync import bundles, course_set, first_download, relay, session
from sync.backoff import Backoff
from sync.credentials import TokenStore, account_key
from sync.errors import SyncError
from sync.link import LinkEstimate
from sync.status import SyncStatus
from sync.transport import ServerLink

T = TypeVar("T")

log = logging.getLogger(__name__)
Listener = Callable[[SyncStatus], None]
RunListener = Callable[[session.RunSummary], None]
_LOGIN_AGAIN = {"bad_token", "token_expired", "device_revoked", "no_token", "wrong_device"}
_UNREACHABLE = {"offline", "garbled", "server_error"}


class SyncEngine:
    def __init__(self, db: JournalDatabase, server_url: str, tokens: TokenStore, *, device_name: str | None = None,
                 transport: httpx.BaseTransport | None = None, idle_interval: float = 60.0, debounce: float = 2.0,
                 backoff: Backoff | None = None, estimate: LinkEstimate | None = None,
                 on_login: Callable[[LoginResponse], None] | None = None, ca_bundle: str | None = None,
                 relay_url: str | None = None, find_relay: bool = False, server_bundle_key: str | None = None) -> None:
        self.db = db
        self.on_login = on_login  # told the server's login answer (its recovery key: storage.profiles)
        self.link = ServerLink(server_url, transport=transport, ca_bundle=ca_bundle)
        self.tokens = tokens
        self.device_name = device_name
        self.idle_interval, self.debounce = idle_interval, debounce
        self.backoff = backoff or Backoff()
        self.estimate = estimate or LinkEstimate()
        with db.write() as conn:
            self.device_id = device.device_id(conn)
            state = sync_state.load(conn)
        self.link.token = tokens.get(self._account_key(state["username"])) if state else None
        if state and estimate is None:  # the next sync starts from what the last learned
            self.estimate.restore(state.get("link_rtt"), state.get("link_up_rate"), state.get("link_rate"))
        self._status = SyncStatus()
        self._listeners: list[Listener] = []
        self._run_listeners: list[RunListener] = []
        self._cond = threading.Condition()
        self._due: float | None = time.monotonic()  # first attempt at start
        self._tasks: list[Callable[[], None]] = []
        self._stopping = False
        self._thread: threading.Thread | None = None
        self.last_run: session.RunSummary | None = None
        # The school's LAN relay (sync.relay), used while the server cannot be reached: its address given, or found
        # by mDNS when `find_relay`; the request handed to it and not yet answered.
        self.relay_url, self.find_relay = relay_url, find_relay
        # The server's public bundle key as the school's installer preset gives it: trusted over what a server tells.
        self.server_bundle_key = server_bundle_key
        if server_bundle_key and state is not None and not state.get("server_bundle_key"):
            with db.write() as conn:  # bundles can be sealed for the server before it has told its key
                sync_state.update_state(conn, server_bundle_key=server_bundle_key)
        self._relay_request: Header | None = None
        self._relay_found: str | None = None
        self._relay_since = 0.0  # when the last request went to the relay (time.monotonic)

    # -- what callers use (any thread) ------------------------------------------------------------

    @property
    def status(self) -> SyncStatus:
        with self._cond:
            return self._status

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def subscribe_runs(self, listener: RunListener) -> None:
        """Be told each attempt's summary when it ends (after its last status), also one cut off midway."""
        self._run_listeners.append(listener)

    def start(self) -> None:
        self._publish(**self._counts())
        self._thread = threading.Thread(target=self._loop, name="dala-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
        self.link.close()

    def sync_now(self) -> None:
        self._schedule(0.0, force=True)

    def local_change(self) -> None:
        """A teacher's edit was saved: sync soon, unless the server is known to be unreachable (then the
        backoff timer decides, so a dead link is not hammered on every keystroke)."""
        with self._cond:  # the count of waiting changes, refreshed on the engine's thread
            self._tasks.append(lambda: self._publish(waiting=self._waiting()))
            self._cond.notify_all()
        if self.status.online is not False:
            self._schedule(self.debounce)

    def login(self, username: str, password: str) -> Future[None]:
        """Log in on the engine's thread; the Future gives None or raises SyncError."""
        return self._on_thread(lambda: self.login_blocking(username, password))

    def change_password(self, current: str, new: str) -> Future[None]:
        """The teacher's password on the school's server, changed on the engine's thread (SyncError when refused:
        bad_credentials for a wrong current one, weak_password, locked, offline). The offline password that opens
        this PC's journal is another, and stays."""
        def task() -> None:
            self.link.change_password(current, new)

        return self._on_thread(task)

    def sign_out(self) -> Future[bool]:
        """This PC signs out of the school's server: the server ends its token (when it can be reached) and the PC
        forgets it; the journal and what waits to be sent stay, and the next sync asks for a login. The Future
        gives whether the server was told (False offline: the token is gone from this PC all the same)."""
        def task() -> bool:
            told = True
            try:
                self.link.sign_out()
            except SyncError as error:
                if error.code not in _LOGIN_AGAIN:  # already signed out there: nothing to tell
                    told = False
            with self.db.read() as conn:
                state = sync_state.load(conn)
            if state is not None:
                self.tokens.forget(self._account_key(state["username"]))
            self.link.token = None
            self._publish(needs_login=True)
            return told

        return self._on_thread(task)

    def sync_through(self, folder: Path) -> Future[bundles.FolderSync]:
        """A sync by a USB stick (sync.bundles.through_folder), on the engine's thread between its runs; what the
        answers applied changed is told to the run listeners, as a direct sync's run is."""

        def task() -> bundles.FolderSync:
            online = self.link.token is not None
            done = bundles.through_folder(self.db, self.link, folder, self.device_id, online=online)
            summary = session.RunSummary()
            for applied in done.applied:
                summary.take(applied, applied.pulled)
            self._tell_run(summary)
            self._publish(**self._counts())
            return done

        return self._on_thread(task)

    def carry_from(self, folder: Path) -> Future[list[bundles.Carried]]:
        """Other PCs' request bundles found in `folder` (a USB stick just inserted) taken to the server, their
        answers written beside them (sync.bundles.carry), on the engine's thread; nothing of this PC's is written."""
        return self._on_thread(lambda: bundles.carry(self.link, folder, self.device_id)
                               if self.link.token is not None else [])

    def _on_thread(self, work: Callable[[], T]) -> Future[T]:
        """`work` run on the engine's thread, between attempts; its result or error through the Future."""
        future: Future[T] = Future()

        def task() -> None:
            try:
                future.set_result(work())
            except Exception as error:  # noqa: BLE001 (handed to the caller through the Future)
                future.set_exception(error)

        with self._cond:
            self._tasks.append(task)
            self._cond.notify_all()
        return future

    def run_once(self, summary: session.RunSummary | None = None) -> session.RunSummary:
        """One whole attempt on the calling thread (the loop's body; tests and benchmarks call it). `summary`
        is filled as the attempt goes (see session.run)."""
        summary = summary if summary is not None else session.RunSummary()
        if self.link.token is None:
            raise SyncError("no_token", "Log in to the school's server first.", retry=False)
        with self.db.read() as conn:
            restored = (sync_state.load(conn) or {}).get("restored_seq") is not None
        if restored:
            self._reconcile()
        for _attempt in range(2):  # a second time when the server asks for the journal to be downloaded again
            with self.db.read() as conn:
                state = sync_state.load(conn)
            if state is not None and not state["bootstrapped"]:
                self._publish(running=True, phase="first_download", done=0, total=0)
                first_download.download(self.db, self.link, lambda d, t: self._publish(done=d, total=t),
                                        self.estimate)
                summary.changed.everything = True
            self._publish(running=True, phase="syncing", done=0, total=0)
            summary.download_again = False
            session.run(self.db, self.link, self.estimate, self.device_id,
                        lambda d, t: self._publish(done=d, total=t), summary, self.server_bundle_key)
            if not summary.download_again:
                break
        if course_set.follow(self.db, self.link, summary.courses, lambda d, t: self._publish(done=d, total=t),
                             self.estimate):
            summary.changed.everything = True  # a course came or went: the journal's choices are new
        if self.estimate.up_measured or self.estimate.down_measured:
            with self.db.write() as conn:
                sync_state.update_state(conn, link_rtt=self.estimate.rtt, **self.estimate.measured())
        self.last_run = summary
        return summary

    def _reconcile(self) -> None:
        """A journal restored from a backup squared with the server (storage.backups.reconcile): the server's last
        processed operation number of this PC asked by a call that sends and pulls nothing, then the outbox set
        straight and the journal marked to be downloaded again."""
        with self.db.read() as conn:
            state = sync_state.load(conn)
        assert state is not None
        probe = SyncRequest.model_construct(device_id=self.device_id, cursor=state["cursor"], limit=1, ops=[],
                                            audit_count=None, audit_hash=None, audit_receipt=None, bundle_key=None)
        last_seq = self.link.sync(probe).answer.last_seq
        with self.db.write() as conn:
            done = backups.reconcile(conn, last_seq)
        log.info("restored journal reconciled: %s", done)

    # -- the thread --------------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._tasks and not self._is_due():
                    wait = None if self._due is None else max(0.0, self._due - time.monotonic())
                    self._cond.wait(wait)
                if self._stopping:
                    return
                tasks, self._tasks = self._tasks, []
                due = self._is_due()
                if due:
                    self._due = None
            for task in tasks:
                task()
            if due:
                self._attempt()

    def _is_due(self) -> bool:
        return self._due is not None and time.monotonic() >= self._due

    def _schedule(self, delay: float, *, force: bool = False) -> None:
        with self._cond:
            at = time.monotonic() + delay
            if force or self._due is None or at < self._due:
                self._due = at
            self._cond.notify_all()

    def _attempt(self) -> None:
        """One attempt and its outcome, told in one status (a listener never sees the error without the time of
        the next attempt)."""
        delay: float | None = None
        outcome: dict[str, Any] = {}
        summary = session.RunSummary()
        try:
            self.run_once(summary)
            log.info("sync done: pushed=%d pulled=%d skipped=%d rejected=%d conflicts=%d round_trips=%d "
                     "bytes=%d/%d", summary.pushed, summary.pulled, summary.skipped, summary.rejected,
                     summary.conflicts, summary.round_trips, summary.sent_bytes, summary.received_bytes)
            self.backoff.reset()
            outcome = dict(online=True, error_code=None, error_message=None)
            delay = self.idle_interval
        except SyncError as error:
            log.info("sync failed: %s %s", error.code, error.message)
            if error.code in _LOGIN_AGAIN:  # the token is no good any more: a person must log in again
                with self.db.read() as conn:
                    state = sync_state.load(conn)
                if state is not None:
                    self.tokens.forget(self._account_key(state["username"]))
                self.link.token = None
                if error.code != "no_token":  # the server answered; without a token nothing was asked
                    outcome["online"] = True
            elif error.retry:
                delay = self.backoff.next_delay(error.retry_after)
                outcome["online"] = error.code not in _UNREACHABLE
                if error.code == "offline":
                    self._through_relay(summary)
            outcome.update(error_code=error.code, error_message=error.message)
        except Exception as error:  # a local database problem: keep the engine alive, say what happened
            log.exception("sync failed")
            delay = self.backoff.next_delay()
            outcome = dict(error_code="local_error", error_message=str(error))
        finally:
            self._publish(running=False, phase="idle", next_attempt_in=delay, **{**self._counts(), **outcome})
            self._tell_run(summary)
        if delay is not None:
            self._schedule(delay)

    def _through_relay(self, summary: session.RunSummary) -> bool:
        """With the server out of reach: the answer to the request handed to the LAN's relay collected and applied if
        it has come, and this PC's pending sync handed over anew (sync.relay). False when there is no relay."""
        with self.db.read() as conn:
            state = sync_state.load(conn)
        if state is None or not state.get("server_bundle_key") or not (self.relay_url or self.find_relay):
            return False
        url = self.relay_url or self._relay_found or relay.discover(state["school_id"])
        if url is None:
            return False
        self._relay_found = None if self.relay_url else url
        try:
            if self._relay_request is not None:
                applied = relay.collect(self.db, url, self._relay_request)
                if applied is False:
                    return True  # not answered yet: asked again next time
                self._relay_request = None
                if applied is not None:
                    summary.take(applied, applied.pulled)
            with self.db.read() as conn:
                waiting = outbox.count(conn)
            # what waits goes at once; with nothing to send, a request that only pulls goes as often as idle syncs
            if waiting or time.monotonic() - self._relay_since >= self.idle_interval:
                self._relay_request = relay.hand_over(self.db, url, self.db.path.parent / "relay-out")
                self._relay_since = time.monotonic()
        except (SyncError, BundleError) as error:
            log.info("relay: %s", error)
            self._relay_found = None  # (one found by mDNS is looked for again next time)
            return False
        return True

    def login_blocking(self, username: str, password: str) -> None:
        """Log in on the calling thread (not the UI's): raises SyncError when refused. A journal downloaded from
        one server, for one account, is refused before the password leaves the PC for any other."""
        with self.db.read() as conn:
            state = sync_state.load(conn)
        if state is not None and (state["username"] != username or state["server_url"] != self.link.url):
            raise SyncError("other_account", f"This journal belongs to {state['username']} on "
                            f"{state['server_url']}; it cannot sync for another account.", retry=False)
        exchange = self.link.login(username, password, self.device_id, self.device_name)
        answer = exchange.answer
        with self.db.write() as conn:
            sync_state.remember_login(conn, self.link.url, username, sync_state.Account(
                answer.account_id, answer.role, answer.teacher_id, answer.school_id))
            device.continue_after(conn, answer.last_seq)
        self.tokens.put(self._account_key(username), answer.token)
        self.link.token = answer.token
        if self.on_login is not None:
            self.on_login(answer)
        self._publish(needs_login=False, error_code=None, error_message=None)
        self.sync_now()

    def _account_key(self, username: str) -> str:
        return account_key(username, self.link.url)

    # -- status ------------------------------------------------------------------------------------

    def _waiting(self) -> int:
        with self.db.read() as conn:
            return outbox.count(conn)

    def _counts(self) -> dict[str, Any]:
        with self.db.read() as conn:
            state = sync_state.load(conn)
            return dict(waiting=outbox.count(conn), conflicts=conflicts.count(conn),
                        rejected=rejections.count_unseen(conn),
                        last_sync_at=state["last_sync_at"] if state else None,
                        needs_login=self.link.token is None)

    def _tell_run(self, summary: session.RunSummary) -> None:
        for listener in list(self._run_listeners):
            try:
                listener(summary)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync run listener failed")

    def _publish(self, **changes: Any) -> None:
        with self._cond:
            self._status = dataclasses.replace(self._status, **changes)
            status = self._status
        for listener in list(self._listeners):
            try:
                listener(status)
            except Exception:  # a broken listener must not stop syncing
                log.exception("sync status listener failed")
