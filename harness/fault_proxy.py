"""A fault-injecting TCP proxy between a real client and the real server, for tests and benchmarks.

It emulates a link no kinder than a real one: one-way latency; a bandwidth cap per direction shared by every
connection going that way (one radio link, not one per connection); a new connection's first byte held one round
trip (the TCP handshake); and loss as a segment sent again after the retransmission timeout, the direction carrying
nothing meanwhile (a real RTO stalls the sender) and everything after it delivered in order behind it, as TCP
delivers. Losses are drawn unseeded unless a test asks for a seed. And it injects faults, one
per new connection from a queue: a connection cut after so many bytes of the request or of the response,
a response truncated (closed cleanly) after so many bytes, a 503 with Retry-After in place of the server,
or a refused connection; `down` refuses every connection until cleared.

Written here rather than taken from a package: toxiproxy is a Go service we could not install from the
package registries, and the kernel's netem is missing on these machines (tbf alone cannot delay or lose).
Runs its own asyncio loop on a thread; counts the bytes it carries each way.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Link:
    latency: float = 0.0  # seconds, one way
    up_rate: float | None = None  # bytes a second, client → server
    down_rate: float | None = None  # server → client
    segment: int = 1460
    loss: float = 0.0  # share of segments lost: the direction stalls one retransmission timeout, then sends it again
    rto: float = 1.0


@dataclass(frozen=True)
class Fault:
    """kind: 'cut_request' / 'cut_response' (abort after `after` bytes that way), 'truncate' (close cleanly
    after `after` bytes of the response), 'busy' (answer 503 with Retry-After `after`), 'refuse'."""

    kind: str
    after: int = 0


@dataclass
class Counters:
    up: int = 0
    down: int = 0
    connections: int = 0
    requests: int = 0  # exchanges: a request starts when the client sends after the answer (or on a new connection)
    faults_done: list[str] = field(default_factory=list)


class FaultProxy:
    def __init__(self, upstream_port: int, link: Link | None = None, seed: int | None = None) -> None:
        self.upstream_port = upstream_port
        self.link = link or Link()
        self.faults: deque[Fault] = deque()
        self._down = False
        self.counters = Counters()
        self._live: set[asyncio.StreamWriter] = set()
        self._rng = random.Random(seed)  # None: seeded from the system's entropy, a new draw of losses each run
        self._wire_free = {"up": 0.0, "down": 0.0}  # when each direction's shared link is free to send again
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.base_events.Server | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            for writer in list(self._live):
                writer.transport.abort()
            await asyncio.sleep(0.05)  # let the connections' tasks see the aborts and end

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    @property
    def down(self) -> bool:
        return self._down

    @down.setter
    def down(self, value: bool) -> None:
        """The link is gone (every connection refused, live ones dropped) or back."""
        self._down = value
        if value:
            self.drop_connections()

    def inject(self, *faults: Fault) -> None:
        """Queue faults for the next connections; the live ones drop first (a link that fails takes its
        connections with it), so the next request opens a connection that meets the first fault."""
        self.faults.extend(faults)
        self.drop_connections()

    def drop_connections(self) -> None:
        def abort_all() -> None:
            for writer in list(self._live):
                writer.transport.abort()
            self._live.clear()

        self._loop.call_soon_threadsafe(abort_all)
        time.sleep(0.05)

    # -- one client connection --------------------------------------------------------------------

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        self.counters.connections += 1
        fault = self.faults.popleft() if self.faults else None
        if self.down or (fault and fault.kind == "refuse"):
            if fault:
                self.counters.faults_done.append(fault.kind)
            client_w.transport.abort()
            return
        if fault and fault.kind == "busy":
            await self._answer_busy(client_r, client_w, fault.after)
            return
        try:
            server_r, server_w = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            client_w.transport.abort()
            return
        self._live.update((client_w, server_w))
        ready = time.monotonic() + 2 * self.link.latency  # SYN, SYN-ACK: the request's first byte leaves after that
        turn = {"last": "down"}  # which way the connection last carried data, to count requests
        up_limit = fault.after if fault and fault.kind == "cut_request" else None
        down_limit = fault.after if fault and fault.kind in ("cut_response", "truncate") else None
        clean = bool(fault and fault.kind == "truncate")
        done = asyncio.Event()
        tasks = [
            asyncio.create_task(self._pipe(client_r, server_w, "up", up_limit, False, done, (client_w, server_w),
                                           ready, turn)),
            asyncio.create_task(self._pipe(server_r, client_w, "down", down_limit, clean, done, (client_w, server_w),
                                           ready, turn)),
        ]
        await done.wait()
        for task in tasks:
            task.cancel()
        if fault:
            self.counters.faults_done.append(fault.kind)
        for writer in (client_w, server_w):
            self._live.discard(writer)
            if not writer.is_closing():
                writer.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, way: str, limit: int | None,
                    clean: bool, done: asyncio.Event, both: tuple[asyncio.StreamWriter, asyncio.StreamWriter],
                    ready: float, turn: dict[str, str]) -> None:
        link = self.link
        rate = link.up_rate if way == "up" else link.down_rate
        queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()
        carried = 0

        async def deliver() -> None:
            while True:
                at, data = await queue.get()
                if data is None:
                    break
                wait = at - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                writer.write(data)
                await writer.drain()
                if way == "up":
                    self.counters.up += len(data)
                else:
                    self.counters.down += len(data)

        sender = asyncio.create_task(deliver())
        last_delivery = 0.0
        try:
            while True:
                chunk = await reader.read(65536)
                if not chunk:
                    break
                if turn["last"] != way:
                    turn["last"] = way
                    if way == "up":
                        self.counters.requests += 1
                if limit is not None and carried + len(chunk) >= limit:
                    chunk = chunk[: max(0, limit - carried)]
                for start in range(0, len(chunk), link.segment):
                    piece = chunk[start : start + link.segment]
                    on_wire = len(piece) / rate if rate else 0.0
                    sent = max(self._wire_free[way], time.monotonic(), ready) + on_wire
                    if link.loss and self._rng.random() < link.loss:
                        sent += link.rto + on_wire  # nothing goes this way until the timeout, then it goes again
                    self._wire_free[way] = sent  # one link per direction: the next segment, any connection's, waits
                    last_delivery = max(last_delivery, sent + link.latency)  # in order, as TCP hands data over
                    queue.put_nowait((last_delivery, piece))
                carried += len(chunk)
                if limit is not None and carried >= limit:
                    break
            queue.put_nowait((0.0, None))
            await sender
            if limit is not None and not clean:
                for w in both:
                    w.transport.abort()
            elif limit is not None or way == "down":
                writer.close()
            else:
                writer.write_eof() if writer.can_write_eof() else None
                return  # the request side ended; wait for the answer
        except (ConnectionError, OSError, asyncio.CancelledError):
            pass
        finally:
            sender.cancel()
        done.set()

    async def _answer_busy(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, retry_after: int) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.decode("latin-1").split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            if length:
                await reader.readexactly(length)
            body = b'{"error":"busy","message":"The server is busy; try again shortly.","detail":null}'
            writer.write(b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
                         b"retry-after: %d\r\ncontent-length: %d\r\nconnection: close\r\n\r\n%s"
                         % (retry_after, len(body), body))
            await writer.drain()
            self.counters.faults_done.append("busy")
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()
