"""`dala --self-test` from the source tree, as a school admin runs it on a PC: its checks and the teacher's
walk through the real windows on a throwaway profile, offline, and online against a real server. (The built
bundle runs the same: tests/test_installer_build.py.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.server.conftest import running_server

ROOT = Path(__file__).resolve().parents[2]


def _dala(*args: str, home: Path, password: str | None = None) -> subprocess.CompletedProcess:
    entry = Path(sys.executable).with_name("dala")
    command = [str(entry)] if entry.exists() else [sys.executable, "-m", "desktop"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"))
    env.pop("DALA_PRESET", None)
    if password is not None:
        env["DALA_PASSWORD"] = password
    return subprocess.run([*command, "--self-test", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_self_test_walks_offline_and_touches_nothing_of_the_users(tmp_path: Path) -> None:
    done = _dala(home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "walk: offline: unlocked, 3 marks typed, kept after a restart, locked and unlocked" in done.stdout
    assert not (tmp_path / "data").exists() and not (tmp_path / "config").exists()  # the user's folders untouched


def test_the_self_test_walks_online_against_a_real_server(server_template: Path, tmp_path: Path) -> None:
    shutil.copyfile(server_template, tmp_path / "server.db")
    with running_server(f"sqlite:///{tmp_path / 'server.db'}") as server:
        [(teacher,)] = server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id "
                                  "WHERE c.scale = 'criteria' ORDER BY t.id LIMIT 1")
        done = _dala("--server", server.url, "--user", teacher, home=tmp_path, password="dala-demo")
        marks = server.sql("SELECT c.entity_key, count(*) FROM change c JOIN device d ON d.id = c.device_id "
                           "JOIN account a ON a.id = d.account_id WHERE a.username = :name AND c.field = 'mark' "
                           "GROUP BY c.entity_key", name=teacher)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "online: a new profile, logged in, downloaded, 4 marks acknowledged" in done.stdout, done.stdout
    assert len(marks) == 4 and all(count == 1 for _key, count in marks)  # each typed mark received once


def test_a_failed_step_is_named_and_fails_the_self_test(tmp_path: Path) -> None:
    """Against a server that refuses the login, the walk stops at that step and says so."""
    with running_server(f"sqlite:///{tmp_path / 'empty.db'}") as server:
        done = _dala("--server", server.url, "--user", "nobody", home=tmp_path, password="wrong")
    assert done.returncode == 1 and "walk: MISSING OR BROKEN: the first download" in done.stdout, done.stdout


def test_the_shipped_dala_takes_no_password_on_its_command_line(tmp_path: Path) -> None:
    """A command line is readable by every account of the PC (ps): `--password` is no option of the shipped app."""
    done = _dala("--server", "https://journal.school17.kz", "--user", "a", "--password", "secret", home=tmp_path)
    assert done.returncode == 2 and "unrecognized arguments: --password secret" in done.stderr, done.stderr
