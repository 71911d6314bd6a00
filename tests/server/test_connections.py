"""The server keeps an idle connection open longer than a client keeps it, so a PC's next call never lands on
a connection the server is closing at that instant (a reset the PC would take for the link dropping)."""

from __future__ import annotations

import http.client
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from server.cli import KEEP_ALIVE_S
from tests.server.conftest import running_server

# httpx's default keepalive_expiry (5 s), which the PC's link (sync.transport) keeps
HTTPX_KEEP_ALIVE_S = float(httpx.Limits().keepalive_expiry or 0)


def test_a_connection_idle_past_the_clients_keep_alive_is_still_served(server_template: Path,
                                                                        tmp_path: Path) -> None:
    assert KEEP_ALIVE_S > HTTPX_KEEP_ALIVE_S + 5  # a margin for a busy event loop's late timers
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        address = urlsplit(server.url)
        connection = http.client.HTTPConnection(address.hostname or "", address.port, timeout=10)
        connection.request("GET", "/v1/health")
        first = connection.getresponse()
        first.read()
        socket = connection.sock
        time.sleep(HTTPX_KEEP_ALIVE_S + 1)  # idle past the moment the client itself would drop it
        connection.request("GET", "/v1/health")
        second = connection.getresponse()  # before: RemoteDisconnected (the server had closed it at 5 s)
        assert (first.status, second.status) == (200, 200) and connection.sock is socket
        connection.close()
