"""The teacher's account from the app's real window against a real server: she changes the password import-school
printed for her (a wrong current one and two different new ones are refused in words, and nothing changes), and
signs a shared PC out of the server: the server ends the PC's token, the journal and its waiting work stay, and
the sync bar offers a login. In Russian the menu and the dialog are in Russian."""

from __future__ import annotations

from pathlib import Path

import httpx
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from desktop import i18n
from desktop.account_dialog import PasswordDialog
from server import demo
from tests.desktop.conftest import synced_window
from tests.server.conftest import LiveServer
from tests.sync.conftest import Device
from tests.sync.test_roster import _spot

NEW = "жаңа-құпия-2026"


def _login_status(server: LiveServer, username: str, password: str) -> int:
    return httpx.post(f"{server.url}/v1/login", json={"username": username, "password": password,
                                                     "device_id": "00000000-0000-4000-8000-00000000c0de"}).status_code


def test_a_teacher_changes_her_password_and_signs_the_pc_out_from_the_window(server: LiveServer, qtbot,
                                                                              tmp_path: Path, monkeypatch) -> None:
    spot = _spot(server)
    pc = Device(tmp_path, "pc", server.url, spot.login_a).login()
    pc.sync()
    window = synced_window(qtbot, pc, tmp_path, "ru")
    pc.engine.start()
    assert window.account_menu.menuAction().isVisible() and window.account_menu.title() == "Учётная запись"

    window.password_action.trigger()
    dialog = window.findChild(PasswordDialog)
    assert dialog is not None and dialog.windowTitle() == "Смена пароля"
    problem = dialog.findChild(QLabel, "passwordProblem")

    def fill(current: str, new: str, repeat: str) -> None:
        for name, text in (("currentPassword", current), ("newPassword", new), ("repeatPassword", repeat)):
            dialog.findChild(QLineEdit, name).setText(text)
        dialog.change()

    fill(demo.DEMO_PASSWORD, NEW, NEW + "x")
    assert problem.text() == "Новые пароли не совпадают."
    fill("not-my-password", NEW, NEW)
    qtbot.waitUntil(lambda: problem.text() == "Текущий пароль неверен.", timeout=10_000)
    assert _login_status(server, spot.login_a, demo.DEMO_PASSWORD) == 200  # nothing changed
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        fill(demo.DEMO_PASSWORD, NEW, NEW)
    assert _login_status(server, spot.login_a, demo.DEMO_PASSWORD) == 401
    assert _login_status(server, spot.login_a, NEW) == 200

    assert pc.journal.set_attendance(spot.after, _first_pupil(pc, spot), "late")  # typed, not yet sent
    token = pc.engine.link.token
    monkeypatch.setattr(QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes)
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: window.hint.text() == "Вы вышли с сервера школы. Войдите, чтобы снова синхронизировать.",
                    timeout=10_000)
    refused = httpx.post(f"{server.url}/v1/sync", json={"device_id": pc.engine.device_id, "ops": []},
                         headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and refused.json()["error"] == "bad_token"  # the server ended the token
    assert pc.engine.link.token is None
    qtbot.waitUntil(lambda: window.sync_bar.login_button.isVisible(), timeout=10_000)
    with pc.db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox_op").scalar_one() >= 1  # her work waits here
    pc.engine.stop()
    window.close()
    pc.close()
    i18n.use_language("en")


def _first_pupil(pc: Device, spot) -> int:  # type: ignore[no-untyped-def]
    from tests.sync.test_roster import _sheet

    return _sheet(pc, spot.course_a).pupils[0].id
