"""The school server as its own process: `dala-server serve` on 127.0.0.1 and a free port, ready when it
answers /v1/health; with a look at its database for whoever started it (tests, benchmarks)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

import httpx
from sqlalchemy import Engine, Row, create_engine, event, text

ROOT = Path(__file__).resolve().parents[1]
# Tests and benchmarks drive many devices from 127.0.0.1 faster than any school would: the per-address and
# per-device rate limits are raised for them, unless the caller sets its own (tests/server/test_rate_limits.py).
LOOPBACK_RATE_LIMITS = ("login_per_address=100000/minute,"
                        "sync_per_address=100000/minute,sync_per_device=100000/minute")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    db_url: str
    process: subprocess.Popen[str]
    engine: Engine  # for the caller's own look at the database

    def sql(self, query: str, **params: object) -> Sequence[Row[Any]]:
        with self.engine.connect() as conn:
            return conn.execute(text(query), params).all()


Server = TypeVar("Server", bound=LiveServer)


class ServerProcess(subprocess.Popen[str]):
    """The server's process, with the address it answers on once it is up. What it prints to a pipe is read
    as it comes (a pipe left unread fills and stops the server mid-write) and kept for `output()`."""

    url: str
    printed: list[str]
    _reader: threading.Thread | None = None

    def keep_output(self) -> None:
        self.printed = []
        if self.stdout is not None:
            self._reader = threading.Thread(target=self._drain, args=(self.stdout,), daemon=True)
            self._reader.start()

    def _drain(self, pipe: IO[str]) -> None:
        for line in pipe:
            self.printed.append(line)

    def output(self) -> str:
        """What it printed (all of it, once it has stopped)."""
        if self._reader is not None and self.poll() is not None:
            self._reader.join(5)
        return "".join(self.printed)


def _output(process: subprocess.Popen[str]) -> str:
    if isinstance(process, ServerProcess):
        return process.output()
    return process.stdout.read() if process.stdout is not None else ""


def serve(db_url: str, port: int, *extra: str, output: int | None = None) -> ServerProcess:
    """`dala-server serve` on `port`, once it answers /v1/health (RuntimeError when it stops or stays silent for
    30 s); `output`: subprocess.PIPE to keep what it prints, None to let it print."""
    process = ServerProcess(
        [sys.executable, "-m", "server.cli", "serve", "--db", db_url, "--port", str(port), *extra],
        cwd=ROOT, stdout=output, stderr=subprocess.STDOUT if output is not None else None, text=True,
    )
    process.keep_output()
    url = f"{'https' if '--tls-cert' in extra else 'http'}://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {_output(process)}")
        try:  # readiness only: the TLS test checks the certificate itself
            if httpx.get(f"{url}/v1/health", timeout=1, verify=False).status_code == 200:  # noqa: S501
                process.url = url
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start in 30 s")


def start_server(db_url: str, *extra: str) -> ServerProcess:
    """The server on a free port, with the loopback rate limits unless `extra` sets its own."""
    if "--rate-limits" not in extra:
        extra = (*extra, "--rate-limits", LOOPBACK_RATE_LIMITS)
    return serve(db_url, free_port(), *extra, output=subprocess.PIPE)


def look_at(db_url: str) -> Engine:
    """An engine for a test's or a benchmark's own look at the server's database. On a Citus cluster its reads
    may join tables on their ids alone, which Citus runs only by repartitioning (the server's own statements
    all name their school: tests/server/test_citus_routing.py); on plain PostgreSQL the setting is a placeholder
    and inert. It is SET on each new connection rather than sent as a startup option, which PgBouncer refuses
    ("unsupported startup parameter: options")."""
    engine = create_engine(db_url)
    if db_url.startswith("postgresql"):
        @event.listens_for(engine, "connect")
        def _repartition_joins(dbapi_connection: Any, _record: object) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET citus.enable_repartition_joins = on")
            dbapi_connection.commit()
    return engine


# mypy cannot check a default for a parameter typed by a TypeVar (python/mypy#3737), hence the ignore.
@contextmanager
def running_server(db_url: str, *extra: str, kind: type[Server] = LiveServer) -> Iterator[Server]:  # type: ignore[assignment]
    process = start_server(db_url, *extra)
    engine = look_at(db_url)
    try:
        yield kind(process.url, db_url, process, engine)
    except BaseException:
        _stop(process, strict=False)  # the test's own failure is the one to report
        raise
    else:
        _stop(process, strict=True)
    finally:
        if os.environ.get("DALA_SERVER_LOG"):
            print(_output(process))
        engine.dispose()


def _stop(process: subprocess.Popen[str], *, strict: bool) -> None:
    """SIGTERM, as a service manager stops it; a server still running 10 s later is killed, and is a failure
    of its own when nothing else failed (it lets calls under way finish for server.cli.STOP_WAIT_S)."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        if strict:
            raise AssertionError("the server did not stop within 10 s of SIGTERM") from None
