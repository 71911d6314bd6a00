"""A throwaway Redis server for the tests and benchmarks: the store every server process shares its rate limits
in (server.rate_limits). Debian's redis-server (.ci/run installs it), on 127.0.0.1 and a free port, with
nothing kept on disk; stopped at the end."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

from harness.live_server import free_port


def available() -> bool:
    return shutil.which("redis-server") is not None


class RedisServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> RedisServer:
        redis = shutil.which("redis-server")
        if redis is None:
            raise RuntimeError("redis-server is not installed")
        self.process = subprocess.Popen([redis, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--appendonly", "no"], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start in 10 s")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
