"""The server behind a PgBouncer (Debian's) in transaction pooling mode, as a region running many app workers on
one PostgreSQL would put it: logins and syncs go through, statements repeated past psycopg's prepare threshold
included, with `--pgbouncer`."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from harness.live_server import free_port
from server import demo
from tests.server import school
from tests.server.conftest import fresh_database, postgres, running_server  # noqa: F401  (the fixture)

PGBOUNCER = "/usr/sbin/pgbouncer"
pytestmark = pytest.mark.skipif(not Path(PGBOUNCER).exists(), reason="pgbouncer is not installed")


@pytest.fixture(params=["postgresql"])
def through_pgbouncer(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh demo-school database, reached through a PgBouncer in transaction mode."""
    direct = fresh_database(request, tmp_path)
    cluster = request.getfixturevalue("postgres")
    name = direct.rsplit("/", 1)[1]
    folder = Path(shutil.os.environ.get("TMPDIR", "/tmp")) / f"dala-pgbouncer-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    port = free_port()
    (folder / "pgbouncer.ini").write_text(
        f"[databases]\n{name} = host=127.0.0.1 port={cluster.port} user={cluster.user}\n"
        f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nauth_type = any\n"
        f"pool_mode = transaction\ndefault_pool_size = 5\nmax_client_conn = 200\n"
        f"unix_socket_dir = {folder}\nlogfile = {folder / 'log'}\n")
    command = [PGBOUNCER, str(folder / "pgbouncer.ini")]
    if cluster.as_postgres:  # PgBouncer refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        command = ["runuser", "-u", "postgres", "--", *command]
    bouncer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    time.sleep(0.5)
    try:
        yield f"postgresql+psycopg://{cluster.user}@127.0.0.1:{port}/{name}"
    finally:
        bouncer.terminate()
        bouncer.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def test_logins_and_syncs_go_through_pgbouncer(through_pgbouncer: str) -> None:
    with running_server(through_pgbouncer, "--pgbouncer") as server:
        cell = school.cell(server)
        pcs = [server.client() for _ in range(3)]
        for api in pcs:
            assert api.login(cell.teacher_login, demo.DEMO_PASSWORD).status_code == 200
        def pc(n: int) -> list[str]:  # past psycopg's prepare threshold (5) on every statement of a sync
            api = pcs[n]
            return [api.sync([api.op("cell", cell.key, "comment", f"{round_}.{n}")])["results"][0]["status"]
                    for round_ in range(8)]

        with ThreadPoolExecutor(3) as pool:  # at once: PgBouncer hands each transaction the server it has free
            statuses = [status for outcome in pool.map(pc, range(3)) for status in outcome]
        assert set(statuses) <= {"applied", "merged", "conflict"} and len(statuses) == 24
        assert server.sql("SELECT comment FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                          l=cell.lesson_id, p=cell.pupil_id)[0][0] in {f"7.{n}" for n in range(3)}
