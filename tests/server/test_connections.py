"""The server keeps an idle connection open longer than a client keeps it, so a PC's next call never lands on
a connection the server is closing at that instant (a reset the PC would take for the link dropping); and it
closes, over real sockets, a connection whose request head comes too slowly or grows too large, or that sends
nothing (server.http_guard), while requests after them are served as ever."""

from __future__ import annotations

import http.client
import shutil
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.cli import KEEP_ALIVE_S
from sync.transport import KEEP_ALIVE
from tests.server.conftest import running_server

# how long the PC's link (sync.transport) keeps an idle connection
PC_KEEP_ALIVE_S = float(KEEP_ALIVE.keepalive_expiry or 0)


def test_a_connection_idle_past_the_clients_keep_alive_is_still_served(server_template: Path,
                                                                        tmp_path: Path) -> None:
    assert KEEP_ALIVE_S > PC_KEEP_ALIVE_S + 30  # a margin for an answer coming down a slow link, and late timers
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        address = urlsplit(server.url)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        connection.request("GET", "/v1/health")
        first = connection.getresponse()
        first.read()
        socket = connection.sock
        time.sleep(PC_KEEP_ALIVE_S + 1)  # idle past the moment the PC itself would drop it
        connection.request("GET", "/v1/health")
        second = connection.getresponse()  # before: RemoteDisconnected (the server had closed it at 5 s, then 20 s)
        assert (first.status, second.status) == (200, 200) and connection.sock is socket
        connection.close()


def _read_all(conn: socket.socket, seconds: float) -> tuple[bytes, float]:
    """What the server sends until it closes the connection, and how long that took (fails past `seconds`)."""
    began, got = time.monotonic(), b""
    conn.settimeout(seconds)
    while chunk := conn.recv(65536):
        got += chunk
    return got, time.monotonic() - began


def test_a_slow_or_huge_request_head_and_a_silent_connection_are_closed(server_template: Path,
                                                                          tmp_path: Path) -> None:
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}", "--head-timeout", "1") as server:
        address = urlsplit(server.url)
        place = (address.hostname or "", address.port or 0)
        with socket.create_connection(place) as slow:  # headers a byte at a time, as a slowloris sends them
            slow.sendall(b"POST /v1/sync HTTP/1.1\r\nHost: x\r\n")
            for byte in b"X-Padding: aaaaaaaaaa":
                try:
                    slow.sendall(bytes([byte]))
                except OSError:
                    break  # closed under it
                time.sleep(0.2)
            answer, _ = _read_all(slow, 10)
        assert answer.startswith(b"HTTP/1.1 408"), answer
        with socket.create_connection(place) as silent:
            answer, waited = _read_all(silent, 10)
        assert answer.startswith(b"HTTP/1.1 408") and waited < 5, (answer, waited)
        with socket.create_connection(place) as huge:
            head = b"GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (8 * 2**20)
            try:
                huge.sendall(head)
            except OSError:
                pass  # closed while the rest was still going out
            answer, _ = _read_all(huge, 10)
        assert answer.startswith(b"HTTP/1.1 431"), answer[:100]
        assert httpx.get(f"{server.url}/v1/health", timeout=10).status_code == 200  # the others served as ever
