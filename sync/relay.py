"""The school's LAN carries one PC's link: a relay PC takes the other PCs' sealed request bundles (core.bundle), hands
them to the server whenever its own link is up, and keeps the answers until each PC collects its own. It can read
nothing in them and change nothing unseen: they are sealed for the server and for each PC, and signed.

    POST /bundles          a request bundle (its header checked, kept in the relay's folder)   → 202
    GET  /answers/<id>     the answer to the request bundle <id>, once the server has given it → 200 bytes, or 404

The relay is found on the LAN by zero-configuration discovery (mDNS, service `_dala-relay._tcp.local.`, its school's
number in the TXT record), or given its address. A PC uses it only when its own link is down; both paths converge on
the server, which applies each operation once (its number).

The HTTP side is the standard library's threading server: two routes, on the school's LAN, for a handful of PCs; the
app ships no web server of its own (the server's FastAPI and uvicorn are the server's)."""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal

import httpx

from core import bundle
from core.bundle import BundleError, Header
from storage.database import JournalDatabase
from storage.sync_answer import Applied
from sync import bundles
from sync.errors import SyncError
from sync.transport import ServerLink

SERVICE = "_dala-relay._tcp.local."
CARRY_EVERY_S = 15.0  # how often the relay tries its link when bundles wait
KEEP_ANSWERS = dt.timedelta(days=14)  # an answer (and its request) kept this long for its PC to collect
_ID = re.compile(r"^/answers/([0-9a-f-]{36})$")


class Relay:
    """A relay on this PC: the bundles in `folder`, served on `port` (0: any free one), carried to the server by `link`
    every CARRY_EVERY_S while any wait (and at once when one arrives)."""

    def __init__(self, folder: Path, link: ServerLink, device_id: str, school_id: int, *, host: str = "0.0.0.0",
                 port: int = 0, every: float = CARRY_EVERY_S) -> None:
        self.folder, self.link, self.device_id, self.school_id = folder, link, device_id, school_id
        self.every = every
        folder.mkdir(parents=True, exist_ok=True)
        self._wake = threading.Event()
        self._stopping = False
        self._carry_lock = threading.Lock()
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
                relay._take(self)

            def do_GET(self) -> None:  # noqa: N802
                relay._give(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (its signature)
                pass  # no pupil data in a log; nothing to say per call

        self.http = ThreadingHTTPServer((host, port), Handler)
        self.port = self.http.server_address[1]
        self._threads = [threading.Thread(target=self.http.serve_forever, daemon=True),
                         threading.Thread(target=self._carrying, daemon=True)]
        self._zeroconf: object | None = None

    def start(self, *, announce: bool = True) -> Relay:
        for thread in self._threads:
            thread.start()
        if announce:
            self._announce()
        return self

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        self.http.shutdown()
        self.http.server_close()
        if self._zeroconf is not None:
            self._zeroconf.close()  # type: ignore[attr-defined]

    def carry_now(self) -> list[bundles.Carried]:
        """The waiting bundles taken to the server now (SyncError when the link is down)."""
        with self._carry_lock:
            return bundles.carry(self.link, self.folder, self.device_id)

    def _carrying(self) -> None:
        while not self._stopping:
            self._wake.wait(self.every)
            self._wake.clear()
            if self._stopping:
                return
            try:
                self.carry_now()
            except SyncError:
                pass  # the link is down: tried again in a while
            self.prune()

    def prune(self, now: dt.datetime | None = None) -> int:
        """Answers older than KEEP_ANSWERS removed with their requests (a PC that comes later syncs anew: its
        operations are answered from the server's record); returns how many files went."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - KEEP_ANSWERS
        found = bundles.listed(self.folder, self.device_id)
        old = {f.header.answers for f in found if f.header and f.header.kind == "answer" and f.header.made_at < cutoff}
        gone = [f.path for f in found if f.header and ((f.header.kind == "answer" and f.header.answers in old)
                                                      or (f.header.kind == "request" and f.header.id in old))]
        for path in gone:
            path.unlink(missing_ok=True)
        return len(gone)

    def _take(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        if request.path != "/bundles" or not 0 < length <= bundle.MAX_BYTES:
            request.send_error(404 if request.path != "/bundles" else 413)
            return
        data = request.rfile.read(length)
        try:
            header = bundle.header_of(data)
        except BundleError as error:
            request.send_error(422, error.code)
            return
        if header.kind != "request" or header.school_id != self.school_id:
            request.send_error(422, "not_for_us")
            return
        path = self.folder / f"request-{header.id}{bundle.SUFFIX}"
        if not path.exists():
            partial = path.with_name(path.name + ".part")
            partial.write_bytes(data)
            partial.replace(path)
        request.send_response(202)
        request.send_header("Content-Length", "0")
        request.end_headers()
        self._wake.set()

    def _give(self, request: BaseHTTPRequestHandler) -> None:
        matched = _ID.match(request.path)
        answer = self._answer_to(matched.group(1)) if matched else None
        if answer is None:
            request.send_error(404)
            return
        data = answer.read_bytes()
        request.send_response(200)
        request.send_header("Content-Type", "application/octet-stream")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def _answer_to(self, request_id: str) -> Path | None:
        for found in bundles.listed(self.folder, self.device_id):
            if found.header is not None and found.header.kind == "answer" and found.header.answers == request_id:
                return found.path
        return None

    def _announce(self) -> None:
        """The relay made known on the LAN by mDNS, with its school's number."""
        from zeroconf import ServiceInfo, Zeroconf

        address = _lan_address()
        info = ServiceInfo(SERVICE, f"dala-{self.device_id[:8]}.{SERVICE}", port=self.port,
                           properties={"school": str(self.school_id)}, addresses=[socket.inet_aton(address)])
        zeroconf = Zeroconf()
        zeroconf.register_service(info)
        self._zeroconf = zeroconf


def discover(school_id: int, wait: float = 3.0) -> str | None:
    """The address (http://host:port) of a relay of this school on the LAN, found by mDNS within `wait` seconds."""
    from zeroconf import ServiceBrowser, ServiceStateChange, Zeroconf

    found: list[str] = []
    zeroconf = Zeroconf()

    def seen(zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange) -> None:
        if state_change is not ServiceStateChange.Added:
            return
        info = zeroconf.get_service_info(service_type, name, timeout=int(wait * 1000))
        if info is None or info.properties.get(b"school") != str(school_id).encode():
            return
        addresses = info.parsed_addresses()
        if addresses:
            found.append(f"http://{addresses[0]}:{info.port}")

    browser = ServiceBrowser(zeroconf, SERVICE, handlers=[seen])
    deadline = time.monotonic() + wait
    while not found and time.monotonic() < deadline:
        time.sleep(0.05)
    browser.cancel()
    zeroconf.close()
    return found[0] if found else None


def hand_over(db: JournalDatabase, relay_url: str, folder: Path) -> Header:
    """This PC's pending sync written as a request bundle (into `folder`, its own copy) and handed to the relay."""
    folder.mkdir(parents=True, exist_ok=True)
    path, header = bundles.write_request(db, folder)
    _relay_call(lambda client: client.post(f"{relay_url}/bundles", content=path.read_bytes(),
                                          headers={"Content-Type": "application/octet-stream"}), expect=202)
    return header


def collect(db: JournalDatabase, relay_url: str, request: Header) -> Applied | None | Literal[False]:
    """The relay's answer to `request`, applied (sync.bundles.read_answer: None when passed over); False while the
    relay has none yet."""
    response = _relay_call(lambda client: client.get(f"{relay_url}/answers/{request.id}"), expect=(200, 404))
    if response.status_code == 404:
        return False
    return bundles.read_answer(db, response.content)


def _relay_call(call: Callable[[httpx.Client], httpx.Response], expect: int | tuple[int, ...]) -> httpx.Response:
    expected = (expect,) if isinstance(expect, int) else expect
    try:
        with httpx.Client(timeout=30) as client:
            response = call(client)
    except httpx.HTTPError as error:
        raise SyncError("offline", f"The relay cannot be reached ({type(error).__name__}).", retry=True) from None
    if response.status_code not in expected:
        raise SyncError("relay_refused", f"The relay answered {response.status_code}.", retry=False)
    return response


def _lan_address() -> str:
    """This PC's address on the LAN (the one its default route leaves by), else the loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))  # no packet is sent: only the route is chosen
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
