"""The school's LAN carries one PC's link (sync.relay): three teachers' PCs without internet hand their sealed bundles
to a relay PC on 127.0.0.1, found by mDNS; the relay's own link goes down and up again through the fault proxy while
they wait; the relay carries every bundle once its link is up, the PCs collect their answers, and every PC ends equal
to the server, each of its operations processed exactly once."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from sync import relay
from sync.transport import ServerLink
from tests.sync.conftest import Device, assert_same_cells_and_exactly_once, edit_many, synced_pcs

RELAY_DEVICE = "00000000-0000-4000-8000-0000000000ee"


def _collected(pc: Device, url: str, request) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 60
    while (outcome := relay.collect(pc.db, url, request)) is False:
        assert time.monotonic() < deadline, "the relay's answer did not come"
        time.sleep(0.2)
    assert outcome is not None, "applied, not passed over"


def test_a_relay_carries_three_pcs_bundles_while_its_link_goes_up_and_down(server, proxy, tmp_path: Path) -> None:
    logins = [r[0] for r in server.sql(
        "SELECT DISTINCT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE c.scale = 'criteria' "
        "AND c.subgroup_id IS NULL ORDER BY t.username LIMIT 3")]
    pcs = [synced_pcs(tmp_path, server.url, login, f"pc{i}")[0] for i, login in enumerate(logins)]
    link = ServerLink(proxy.url)
    hub = relay.Relay(tmp_path / "relay", link, RELAY_DEVICE, 1, every=0.2).start()
    try:
        url = relay.discover(1, wait=5.0)
        assert url is not None and url.endswith(f":{hub.port}"), url
        url = f"http://127.0.0.1:{hub.port}"
        proxy.down = True  # the relay's link is down when the bundles come
        queued = [edit_many(pc, lessons=2, value_seed=i) for i, pc in enumerate(pcs)]
        requests = [relay.hand_over(pc.db, url, tmp_path / f"own{i}") for i, pc in enumerate(pcs)]
        assert [r.ops for r in requests] == queued
        time.sleep(1.0)
        assert all(relay.collect(pc.db, url, r) is False for pc, r in zip(pcs, requests, strict=True))
        for _ in range(3):  # up and down again: a carry cut midway is carried again, applied once
            proxy.down = False
            time.sleep(0.3)
            proxy.down = True
            time.sleep(0.3)
        proxy.down = False
        for pc, request in zip(pcs, requests, strict=True):
            _collected(pc, url, request)
        for i, pc in enumerate(pcs):  # a second round pulls what the others' bundles brought since
            _collected(pc, url, relay.hand_over(pc.db, url, tmp_path / f"own{i}"))
        for pc in pcs:
            assert_same_cells_and_exactly_once(server, pc)
        assert hub.prune() == 0  # answers are kept for their PCs a while
        assert hub.prune(now=dt.datetime.now(dt.UTC) + relay.KEEP_ANSWERS * 2) == 12  # then go, with their requests
        assert list((tmp_path / "relay").glob("*.dala")) == []
    finally:
        hub.stop()
        link.close()


def test_a_pc_whose_link_is_down_syncs_through_the_relay_by_itself(server, proxy, tmp_path: Path) -> None:
    """The sync engine of a PC whose own link is down hands its pending sync to the LAN's relay and applies the answer
    when it comes, with nothing done by the teacher; its outbox empties and it equals the server."""
    from tests.sync.conftest import wait_for

    login = server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE c.scale = "
                       "'criteria' AND c.subgroup_id IS NULL ORDER BY t.username LIMIT 1")[0][0]
    link = ServerLink(server.url)  # the relay's own link is up
    hub = relay.Relay(tmp_path / "relay", link, RELAY_DEVICE, 1, every=0.2).start(announce=False)
    pc = Device(tmp_path, "pc", proxy.url, login, relay_url=f"http://127.0.0.1:{hub.port}").login()
    try:
        pc.sync()  # online once
        proxy.down = True
        assert edit_many(pc, lessons=2) > 0
        pc.engine.start()
        pc.engine.local_change()
        wait_for(lambda: pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0, 60)
        assert pc.engine.status.online is False  # its own link is still down
        assert_same_cells_and_exactly_once(server, pc)
    finally:
        pc.close()
        hub.stop()
        link.close()
