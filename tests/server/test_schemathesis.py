"""schemathesis generates requests from the served OpenAPI spec, valid and not; none may get a 5xx.

Run through schemathesis's own command line: its pytest plugin does not work with pytest 9.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.server import school
from tests.server.conftest import running_server


def test_no_generated_request_makes_a_server_error(server_template, tmp_path):
    path = tmp_path / "server.db"
    shutil.copyfile(server_template, path)
    with running_server(f"sqlite:///{path}") as server:
        api = server.client()
        assert api.login(school.cell(server).teacher_login).status_code == 200
        cli = Path(sys.executable).with_name("schemathesis")
        done = subprocess.run(
            [str(cli), "run", f"{server.url}/openapi.json", "--checks", "not_a_server_error",
             "--max-examples", "40", "--seed", "20261122", "--header", f"Authorization: Bearer {api.token}",
             "--no-color"],
            capture_output=True, text=True, timeout=600, cwd=tmp_path,
        )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "passed" in done.stdout.lower() or "no issues" in done.stdout.lower(), done.stdout[-2000:]
