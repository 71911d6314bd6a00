"""Crash safety: the teacher's PC killed with SIGKILL at random points while it types and syncs, many rounds;
the server killed and restarted in the middle of a sync. Afterwards every change is on the server exactly
once, nothing is waiting, and both sides hold the same cells."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from harness.fault_proxy import FaultProxy, Link
from sync.link import LinkEstimate
from tests.server.conftest import ROOT, LiveServer, start_server
from tests.server.school import cell as server_cell
from tests.sync.conftest import (
    Device,
    assert_same_cells_and_exactly_once,
    edit_many,
    sync_until_done,
    wait_for,
)

ROUNDS = 12


def test_the_pc_killed_again_and_again_mid_sync_loses_and_doubles_nothing(server: LiveServer, devices,
                                                                         tmp_path) -> None:
    spot = server_cell(server)
    journal_path = tmp_path / "pc.db"
    rng = random.Random(7)
    kills_after_ready = 0
    for round_no in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-m", "tests.sync.sync_client", str(journal_path), server.url,
                                  spot.teacher_login, str(round_no)], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        if round_no % 3 == 0:  # sometimes during login and the first download
            time.sleep(rng.uniform(0.3, 1.5))
        else:
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            kills_after_ready += 1
            time.sleep(rng.uniform(0.05, 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert child.returncode == -signal.SIGKILL, child.stderr.read()

    pc = Device(tmp_path, "pc", server.url, spot.teacher_login).login()  # the same file, opened again
    devices.append(pc)
    waiting_before = pc.sql("SELECT count(*) FROM outbox_op")[0][0]
    sync_until_done(pc)

    assert kills_after_ready >= 8
    assert pc.sql("SELECT next_seq FROM device_state")[0][0] > 100  # many changes went through the kills
    assert pc.engine.last_run.pushed == waiting_before
    assert_same_cells_and_exactly_once(server, pc)


def test_the_server_killed_and_restarted_mid_sync(server: LiveServer, devices, tmp_path) -> None:
    spot = server_cell(server)
    # A slow link, so that the kill lands while batches are on the wire.
    proxy = FaultProxy(int(server.url.rsplit(":", 1)[1]), Link(latency=0.05, up_rate=20_000, down_rate=40_000)).start()
    restarted = None
    try:
        pc = Device(tmp_path, "pc", proxy.url, spot.teacher_login).login()
        devices.append(pc)
        pc.sync()
        # Small batches from the start, as on a link it knows nothing of (what the first sync learned of the fast
        # link would send everything in one batch, over before the kill).
        pc.engine.estimate = LinkEstimate(initial_ops=40)
        queued = edit_many(pc, lessons=12)
        assert queued > 250
        pc.engine.start()
        wait_for(lambda: 0 < pc.engine.status.done)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(10)
        wait_for(lambda: pc.engine.status.online is False)
        assert pc.engine.status.waiting > 0

        restarted = start_server(server.db_url)
        proxy.upstream_port = int(restarted.url.rsplit(":", 1)[1])
        pc.engine.sync_now()
        wait_for(lambda: pc.engine.status.online and pc.engine.status.waiting == 0, seconds=60)
        pc.engine.stop()
        assert_same_cells_and_exactly_once(server, pc)
    finally:
        proxy.stop()
        if restarted is not None:
            restarted.terminate()
            restarted.wait(10)

