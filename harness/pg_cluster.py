"""A throwaway PostgreSQL cluster for the tests and benchmarks: initdb into a temporary folder, started on 127.0.0.1 and
a free port, stopped at the end. Runs as the `postgres` user when the tests run as root (initdb refuses
root), as the current user otherwise. PostgreSQL comes from Debian's packages (.ci/run installs them).

A cluster may be given extra server settings and a PostgreSQL of its own (`settings`, `bindir`): each node of a
Citus cluster (harness.citus_cluster) is one of these."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from harness.live_server import free_port


def _bin(name: str, bindir: str | None = None) -> str | None:
    if bindir is not None:
        path = os.path.join(bindir, name)
        return path if os.access(path, os.X_OK) else None
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _tool(name: str, bindir: str | None = None) -> str:
    path = _bin(name, bindir)
    if path is None:
        raise RuntimeError(f"PostgreSQL's {name} is not installed")
    return path


def available() -> bool:
    return _bin("initdb") is not None and _bin("pg_ctl") is not None


class Cluster:
    def __init__(self, durable: bool = False, settings: Mapping[str, str] | None = None,
                 bindir: str | None = None) -> None:
        # Tests run without fsync (speed; the data is thrown away); a benchmark asks for a durable cluster.
        self.durable = durable
        # Extra postgresql.conf lines (name -> value as the file spells it, quotes included) and the PostgreSQL
        # to run (its bin folder; default: the newest installed).
        self.settings = dict(settings or {})
        self.bindir = bindir
        # Directly under the system temp folder: the postgres user must be able to reach it.
        self.folder = Path(tempfile.mkdtemp(prefix="dala-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        self.user = "postgres" if self.as_postgres else pwd.getpwuid(os.geteuid()).pw_name

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}")

    def start(self) -> Cluster:
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(_tool("initdb", self.bindir), "-D", str(self.data), "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        if self.settings:  # in the file rather than on pg_ctl's command line, which a shell splits
            with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.writelines(f"{name} = {value}\n" for name, value in self.settings.items())
        return self.start_server()

    def start_server(self) -> Cluster:
        """Start PostgreSQL on the cluster's data (again, after stop_server)."""
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -k {self.folder} "
                   f"-c fsync={'on' if self.durable else 'off'} -c max_connections=300 -c shared_buffers=128MB")
        self._run(_tool("pg_ctl", self.bindir), "-D", str(self.data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")
        return self

    def stop_server(self) -> None:
        """Stop PostgreSQL at once, as a crash or a restart would, keeping its data (start_server again)."""
        self._run(_tool("pg_ctl", self.bindir), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            self._run(_tool("pg_ctl", self.bindir), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except RuntimeError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
