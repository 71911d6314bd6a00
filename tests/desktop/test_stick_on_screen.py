"""A sync by a USB stick from the app's real window, in Kazakh, against a real server: the teacher's PC has lost its
link (the proxy in front of the server is down); Account → Sync by USB stick… writes her pending sync onto the stick
and says so; a colleague's online PC carries the stick's bundle to the server; back on her PC the same action applies
the server's answer: her outbox empties, and the report lists the stick's bundles and what each holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from sync import bundles
from sync.transport import ServerLink
from tests.desktop.conftest import synced_window
from tests.server.conftest import LiveServer
from tests.sync.conftest import Device, edit_many


def _report(qtbot, window) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "stickSyncReport") is not None, timeout=20_000)
    box = window.findChild(QMessageBox, "stickSyncReport")
    box.setObjectName("")  # the next report is found as the next one
    box.close()
    return box


def test_a_teacher_without_internet_syncs_by_a_usb_stick_from_the_window(server: LiveServer, proxy, qtbot,
                                                                        tmp_path: Path, monkeypatch) -> None:
    login = server.sql("SELECT t.username FROM teacher t JOIN course c ON c.teacher_id = t.id WHERE "
                       "c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY t.id LIMIT 1")[0][0]
    pc = Device(tmp_path, "pc", proxy.url, login).login()
    pc.sync()  # online once: the PC's bundle key is registered, the server's is known
    window = synced_window(qtbot, pc, tmp_path, "kk")
    pc.engine.start()
    proxy.down = True  # the village's link is gone
    queued = edit_many(pc, lessons=1)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kw: str(stick))

    window.stick_action.trigger()
    first = _report(qtbot, window)
    assert window.stick_action.text() == "Флешка арқылы синхрондау…"
    assert f"Сіздің пакетіңіз флешкада, өзгерістер саны: {queued}." in first.text()
    assert "осы компьютер" in first.detailedText() and "сұрау" in first.detailedText()
    [request] = stick.glob("request-*.dala")

    link = ServerLink(server.url)  # a colleague's PC with internet
    [carried] = bundles.carry(link, stick, "00000000-0000-4000-8000-00000000c0de")
    link.close()
    assert carried.answer is not None

    window.stick_action.trigger()
    second = _report(qtbot, window)
    assert f"{queued} расталды" in second.text()
    assert pc.sql("SELECT count(*) FROM outbox_op")[0][0] == 0
    assert "жауап" in second.detailedText() and request.name in second.detailedText()
    pc.close()


def test_a_pc_made_the_schools_relay_from_the_window_carries_another_pcs_sync(server: LiveServer, qtbot,
                                                                             tmp_path: Path) -> None:
    """Account → Carry other PCs' syncs on this network: the PC becomes the LAN's relay (and stays one at the next
    start, from the settings); a colleague's PC without internet hands it her bundle and gets her answer."""
    import time

    from desktop import settings as options
    from sync import relay

    logins = [r[0] for r in server.sql("SELECT DISTINCT t.username FROM teacher t JOIN course c ON c.teacher_id = "
                                       "t.id WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY 1 LIMIT 2")]
    host = Device(tmp_path, "host", server.url, logins[0]).login()
    host.sync()
    colleague = Device(tmp_path, "colleague", server.url, logins[1]).login()
    colleague.sync()
    window = synced_window(qtbot, host, tmp_path)
    host.engine.start()
    window.relay_action.trigger()
    assert window.relay is not None and window.settings.get(options.RELAY_HOST) is True
    url = f"http://127.0.0.1:{window.relay.port}"
    queued = edit_many(colleague, lessons=1)
    request = relay.hand_over(colleague.db, url, tmp_path / "out")
    deadline = time.monotonic() + 60
    while (applied := relay.collect(colleague.db, url, request)) is False:
        assert time.monotonic() < deadline
        qtbot.wait(200)
    assert applied is not None and applied.acknowledged == queued
    window.relay_action.trigger()
    assert window.relay is None and window.settings.get(options.RELAY_HOST) is False
    host.close()
    colleague.close()


def test_a_stick_inserted_into_an_online_pc_has_its_bundles_carried(server: LiveServer, qtbot, tmp_path: Path) -> None:
    """A colleague's stick with a PC's bundle on it is inserted into a PC with internet while the app runs: the app
    takes the bundle to the server by itself, writes the answer onto the stick and says so; nothing of its own is
    written there."""
    logins = [r[0] for r in server.sql("SELECT DISTINCT t.username FROM teacher t JOIN course c ON c.teacher_id = "
                                       "t.id WHERE c.scale = 'criteria' AND c.subgroup_id IS NULL ORDER BY 1 LIMIT 2")]
    online = Device(tmp_path, "online", server.url, logins[0]).login()
    online.sync()
    village = Device(tmp_path, "village", server.url, logins[1]).login()
    village.sync()
    queued = edit_many(village, lessons=1)
    stick = tmp_path / "stick"
    (stick / "dala").mkdir(parents=True)
    bundles.write_request(village.db, stick / "dala")
    mounted = ["/"]
    window = synced_window(qtbot, online, tmp_path)
    window.volumes = lambda: list(mounted)
    online.engine.start()
    window._seen_volumes = set(mounted)
    mounted.append(str(stick))  # the stick goes in
    window._watch_sticks()
    qtbot.waitUntil(lambda: "taken to the server (1)" in window.hint.text(), timeout=20_000)
    [answer] = (stick / "dala").glob("answer-*.dala")
    assert not list((stick / "dala").glob(f"request-{online.engine.device_id[:8]}*"))
    applied = bundles.read_answer(village.db, answer.read_bytes())
    assert applied is not None and applied.acknowledged == queued
    online.close()
    village.close()
