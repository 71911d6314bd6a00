"""The link fails in every way a 2G link does, between the real client and the real server: afterwards
every change is on the server exactly once and both sides hold the same cells."""

from __future__ import annotations

import pytest

from harness.fault_proxy import Fault, FaultProxy
from tests.server.conftest import LiveServer
from tests.server.school import cell as server_cell
from tests.sync.conftest import (
    Device,
    assert_same_cells_and_exactly_once,
    edit_many,
    sync_until_done,
    wait_for,
)


@pytest.mark.parametrize("fault", [
    Fault("cut_request", 120),  # in the request's head
    Fault("cut_request", 400),  # in its body
    Fault("cut_response", 60),  # the server has applied the batch, the answer is lost
    Fault("cut_response", 400),
    Fault("truncate", 300),  # the answer ends early, cleanly
    Fault("busy", 1),  # 503 with Retry-After
    Fault("refuse"),
], ids=lambda f: f"{f.kind}-{f.after}")
def test_a_broken_exchange_costs_a_retry_and_nothing_else(server: LiveServer, proxy: FaultProxy, devices, tmp_path,
                                                          fault: Fault) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", proxy.url, spot.teacher_login).login()
    devices.append(pc)
    pc.sync()
    queued = edit_many(pc)
    assert queued > 50

    proxy.inject(fault, fault)  # twice in a row
    errors = sync_until_done(pc)

    # A connection broken under a request is sent once more at once (sync.transport: the server may have closed it as
    # it went out); the second break in a row is reported, and the engine's next attempt goes through.
    # (a refused connection is seen as closed under the request, or as refused, as the timing falls)
    expected = {"cut_request": {1}, "cut_response": {1}, "truncate": {1}, "refuse": {1, 2}}.get(fault.kind, {2})
    assert proxy.counters.faults_done.count(fault.kind) == 2 and len(errors) in expected
    assert pc.engine.last_run.pushed == queued
    assert_same_cells_and_exactly_once(server, pc)


def test_every_fault_in_turn_while_two_pcs_of_one_teacher_sync(server: LiveServer, proxy: FaultProxy, devices,
                                                                tmp_path) -> None:
    spot = server_cell(server)
    school = Device(tmp_path, "school", proxy.url, spot.teacher_login).login()
    home = Device(tmp_path, "home", proxy.url, spot.teacher_login).login()
    devices += [school, home]
    school.sync()
    home.sync()
    for round_no in range(3):
        edit_many(school, lessons=2, value_seed=round_no)
        edit_many(home, lessons=4, value_seed=round_no + 1)
        proxy.inject(Fault("cut_response", 200 + 97 * round_no), Fault("cut_request", 300), Fault("busy", 1),
                     Fault("truncate", 150 + round_no))
        sync_until_done(school)
        sync_until_done(home)
    sync_until_done(school)
    assert_same_cells_and_exactly_once(server, school)
    assert_same_cells_and_exactly_once(server, home)


def test_the_engine_syncs_by_itself_when_the_server_becomes_reachable(server: LiveServer, proxy: FaultProxy,
                                                                      devices, tmp_path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", proxy.url, spot.teacher_login, idle_interval=30.0).login()
    devices.append(pc)
    pc.sync()
    proxy.down = True
    pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 8)
    statuses = []
    pc.engine.subscribe(statuses.append)
    pc.engine.start()
    wait_for(lambda: pc.engine.status.online is False)
    assert pc.engine.status.error_code == "offline" and pc.engine.status.waiting == 1
    wait_for(lambda: proxy.counters.connections >= 5)  # it keeps trying on its own timer, no edit needed

    proxy.down = False
    wait_for(lambda: pc.engine.status.online and pc.engine.status.waiting == 0)

    assert server.sql("SELECT mark FROM lesson_cell WHERE lesson_id = :l AND pupil_id = :p",
                      l=spot.lesson_id, p=spot.pupil_id)[0][0] == 8
    assert pc.engine.status.last_sync_at is not None and pc.engine.status.error_code is None
    delays = [s.next_attempt_in for s in statuses if s.next_attempt_in and s.error_code == "offline"]
    assert all(d <= 1.0 for d in delays) and len(delays) >= 4  # capped (1 s in this test)


def test_a_busy_server_is_left_alone_for_as_long_as_it_asks(server: LiveServer, proxy: FaultProxy, devices,
                                                            tmp_path) -> None:
    spot = server_cell(server)
    pc = Device(tmp_path, "pc", proxy.url, spot.teacher_login).login()
    devices.append(pc)
    pc.sync()
    pc.journal.set_mark(spot.lesson_id, spot.pupil_id, 6)
    proxy.inject(Fault("busy", 3))
    pc.engine.start()
    wait_for(lambda: pc.engine.status.error_code == "busy")
    assert pc.engine.status.next_attempt_in >= 3
    assert pc.engine.status.online is True  # the server answered: it is there, only busy
    pc.engine.sync_now()  # the teacher's button does not wait
    wait_for(lambda: pc.engine.status.waiting == 0)

