"""A request's head (its request line and headers) kept short and quick: whole within `head_timeout` seconds of
its first byte (or of the connection, for one that sends nothing) and within MAX_HEAD bytes, else the connection is
closed (431 for one too large). Before, a client sending headers byte by byte held a connection for good (300 of
them took every descriptor) and one 100 MiB header took the worker from 158 to 581 MB; neither needs a token.

uvicorn's own HTTP protocol (httptools) gives neither bound: its keep-alive timer stops at the first byte of a new
request, and httptools gathers a header whole however long it is. So this is uvicorn's protocol with the two
bounds added (`serve` hands it to uvicorn; `DALA_HEAD_TIMEOUT_S` carries `--head-timeout` to the workers)."""

from __future__ import annotations

import asyncio
import os
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_HEAD = 64 * 1024  # bytes; a PC's request head is under 1 KiB
HEAD_TIMEOUT_VARIABLE = "DALA_HEAD_TIMEOUT_S"
HEAD_TIMEOUT_S = 20.0  # a 1 KiB head over a lossy 32 kbit/s link with 600 ms round trips takes a few seconds
TOO_LARGE = b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
TOO_SLOW = b"HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timeout = float(os.environ.get(HEAD_TIMEOUT_VARIABLE) or HEAD_TIMEOUT_S)
        self._head_bytes = 0
        self._reading_head = True
        self._head_deadline: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._reading_head:
            self._arm()
            self._head_bytes += len(data)
        super().data_received(data)
        # Still no whole head after this much: refused before the parser gathers more (a chunk past a head that
        # ended within it is a body, and does not count).
        if self._reading_head and self._head_bytes > MAX_HEAD and not self.transport.is_closing():
            self._refuse(TOO_LARGE)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._reading_head, self._head_bytes = True, 0  # the next request's head, timed from its first byte

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._head_deadline is None:
            self._head_deadline = self.loop.call_later(self._head_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _too_slow(self) -> None:
        self._head_deadline = None
        if self._reading_head and not self.transport.is_closing():
            self._refuse(TOO_SLOW)

    def _refuse(self, answer: bytes) -> None:
        self._disarm()
        self.transport.write(answer)
        self.transport.close()


def uvicorn_options(head_timeout_s: float) -> dict[str, Any]:
    """What `serve` gives uvicorn.run for the guard: the protocol, and the timeout through the environment (each
    worker is a process of its own)."""
    os.environ[HEAD_TIMEOUT_VARIABLE] = str(head_timeout_s)
    return {"http": GuardedHttpToolsProtocol}
