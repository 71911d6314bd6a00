"""A throwaway Citus cluster for the tests and benchmarks: a coordinator and N workers on 127.0.0.1, each a
harness.pg_cluster node with Citus preloaded, joined into one cluster, stopped together at the end.

Citus keeps its metadata (which nodes, which shards where) per database, and a distributed table's shards live
in the database of the same name on the workers, so a database is made on every node at once
(`create_database`): created on each node, `CREATE EXTENSION citus` in each, then the coordinator told its own
address and each worker's.

A filled database can be copied, as tests/server/conftest.py copies its PostgreSQL demo template, but only on
every node at once (`freeze_template`, then `clone_database`): `CREATE DATABASE … TEMPLATE` on the coordinator
alone would copy metadata naming shards that the workers' databases of the new name do not hold, and Citus
refuses any template but template1 when it propagates CREATE DATABASE itself
(citus.enable_create_database_propagation, off by default). Each node's copy of the template must also have
no sessions: Citus's maintenance daemon and the nodes' cached connections to each other stay connected to every
database with the extension, so the template is closed to connections first. The copies then hold the same
shard ids on the same nodes, which is what their metadata says.

Citus 13.2.2 is built from the vendored source into Debian's PostgreSQL 15 (.ci/run, the vendor folder's
build-citus.sh); `available()` tells whether citus.so is installed.
"""

from __future__ import annotations

import glob
import os
import re
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import psycopg

from harness import pg_cluster

HOST = "127.0.0.1"
# The nodes talk to each other over loopback with trust authentication, as the tests' own connections do:
# no TLS between them (Citus asks for it by default when built with OpenSSL).
NODE_SETTINGS = {
    "shared_preload_libraries": "'citus'",
    "citus.node_conninfo": "'sslmode=disable'",
    # Moving shards onto a worker added later (the rebalancer) uses logical replication.
    "wal_level": "logical",
}
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
TEMPLATE_ATTEMPTS = 50


def _checked(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a plain lower-case database name")
    return name


def _citus_bindir() -> str | None:
    """The bin folder of the PostgreSQL that has citus.so installed (Debian: /usr/lib/postgresql/15/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/lib/citus.so"))
    if not found:
        return None
    bindir = Path(found[-1]).parents[1] / "bin"
    return str(bindir) if os.access(bindir / "initdb", os.X_OK) else None


def available() -> bool:
    return _citus_bindir() is not None


class CitusCluster:
    """A coordinator and `workers` workers (default 2). `settings` are added to every node's postgresql.conf
    (e.g. {"citus.shard_count": "8"})."""

    def __init__(self, workers: int = 2, durable: bool = False, settings: Mapping[str, str] | None = None) -> None:
        bindir = _citus_bindir()
        if bindir is None:
            raise RuntimeError("Citus is not installed (citus.so); build it with the vendor folder's build-citus.sh")
        node_settings = {**NODE_SETTINGS, **(settings or {})}
        self.coordinator = pg_cluster.Cluster(durable, node_settings, bindir)
        self.workers = [pg_cluster.Cluster(durable, node_settings, bindir) for _ in range(workers)]
        self.user = self.coordinator.user

    @property
    def nodes(self) -> list[pg_cluster.Cluster]:
        return [self.coordinator, *self.workers]

    def start(self) -> CitusCluster:
        try:
            for node in self.nodes:
                node.start()
            self._join("postgres")
        except BaseException:
            self.stop()
            raise
        return self

    def url(self, database: str = "postgres") -> str:
        """The coordinator's URL: where the server and the tests connect."""
        return self.coordinator.url(database)

    def create_database(self, name: str) -> str:
        """A new empty database of this name on every node, with the extension and the cluster's nodes in
        its metadata; returns its URL on the coordinator."""
        for node in self.nodes:
            self.execute(node, "postgres", f"CREATE DATABASE {_checked(name)}")
        self._join(name)
        return self.url(name)

    def freeze_template(self, name: str) -> None:
        """Close database `name` to connections on every node (Citus's own sessions to it are ended), so that
        it can be copied with clone_database. It stays closed: a template, no longer a database to use."""
        for node in self.nodes:
            self.execute(node, "postgres", f"ALTER DATABASE {_checked(name)} ALLOW_CONNECTIONS false")
            self._end_sessions(node, name)

    def clone_database(self, template: str, name: str) -> str:
        """A copy of frozen database `template` (freeze_template) on every node; returns its coordinator URL."""
        for node in self.nodes:
            for attempt in range(TEMPLATE_ATTEMPTS):
                try:
                    self.execute(node, "postgres", f"CREATE DATABASE {_checked(name)} TEMPLATE {_checked(template)}")
                    break
                except psycopg.errors.ObjectInUse:  # a session of Citus's still leaving
                    if attempt == TEMPLATE_ATTEMPTS - 1:
                        raise
                    self._end_sessions(node, template)
                    time.sleep(0.1)
        return self.url(name)

    def _end_sessions(self, node: pg_cluster.Cluster, database: str) -> None:
        self.execute(node, "postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))

    def execute(self, node: pg_cluster.Cluster, database: str, sql: str,
                params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run one statement on one node, outside any transaction; its rows (none for a command)."""
        with psycopg.connect(host=HOST, port=node.port, user=node.user, dbname=database, autocommit=True) as conn:
            cursor = conn.execute(sql.encode(), params)
            return cursor.fetchall() if cursor.description is not None else []

    def _join(self, database: str) -> None:
        for node in self.nodes:
            self.execute(node, database, "CREATE EXTENSION IF NOT EXISTS citus")
        self.execute(self.coordinator, database, "SELECT citus_set_coordinator_host(%s, %s)",
                     (HOST, self.coordinator.port))
        for worker in self.workers:
            self.execute(self.coordinator, database, "SELECT citus_add_node(%s, %s)", (HOST, worker.port))

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def __enter__(self) -> CitusCluster:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()
