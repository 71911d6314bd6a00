"""A shared PC's profiles and locking, through the real widgets: a new teacher chooses an offline password
(twice), a known one opens with it and wrong ones are refused and throttled; the window locks on Ctrl+L and
after the idle time, shows no pupil's name while locked, and opens again with the password. A username that
is not a safe name ("." or "..") is refused with the reason, and a PC without a keychain still opens the
start screen and keeps the keys beside the journal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget

from desktop.lock_screen import IdleWatch, LockScreen
from desktop.profile_dialog import ProfileDialog
from storage import keys
from storage.keychain import Keychain
from storage.profile_secrets import KEY_FILE
from storage.profiles import FREE_TRIES, Profiles
from tests.keyring_backend import MemoryKeyring

CHEAP = keys.Argon2Cost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def _profiles(tmp_path) -> Profiles:  # type: ignore[no-untyped-def]
    return Profiles(tmp_path / "profiles", Keychain(MemoryKeyring()), cost=CHEAP)


def test_a_new_teacher_chooses_an_offline_password_twice(qtbot, tmp_path) -> None:
    profiles = _profiles(tmp_path)
    dialog = ProfileDialog(profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "username").setText("aigerim.t")
    assert dialog.findChild(QLineEdit, "repeatPassword").isVisible()  # a new profile: the password twice
    dialog.findChild(QLineEdit, "offlinePassword").setText("short")
    dialog.open_profile()
    assert "at least 6" in dialog.findChild(QLabel, "profileMessage").text() and dialog.chosen is None
    dialog.findChild(QLineEdit, "offlinePassword").setText("көктем-2026")
    dialog.findChild(QLineEdit, "repeatPassword").setText("көктем-2027")
    dialog.open_profile()
    assert "differ" in dialog.findChild(QLabel, "profileMessage").text() and dialog.chosen is None
    dialog.findChild(QLineEdit, "repeatPassword").setText("көктем-2026")
    dialog.open_profile()
    username, key, new = dialog.chosen
    assert (username, new) == ("aigerim.t", True) and profiles.unlock("aigerim.t", "көктем-2026") == key


def test_a_known_teacher_opens_with_the_password_and_wrong_ones_are_throttled(qtbot, tmp_path) -> None:
    profiles = _profiles(tmp_path)
    _profile, key = profiles.create("aigerim.t", "көктем-2026", "Айгерім Т.")
    profiles.create("bolat.s", "жаз-2026", "Болат С.")
    dialog = ProfileDialog(profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    listed = dialog.findChild(QListWidget, "profileList")
    assert [listed.item(i).text() for i in range(listed.count())] == ["Айгерім Т. (aigerim.t)", "Болат С. (bolat.s)"]
    assert dialog.findChild(QLineEdit, "username").text() == "aigerim.t"
    assert not dialog.findChild(QLineEdit, "repeatPassword").isVisible()
    message = dialog.findChild(QLabel, "profileMessage")
    for attempt in range(FREE_TRIES):
        dialog.findChild(QLineEdit, "offlinePassword").setText(f"guess {attempt}")
        dialog.open_profile()
    assert "Try again in" in message.text() and dialog.chosen is None
    dialog.findChild(QLineEdit, "offlinePassword").setText("көктем-2026")
    dialog.open_profile()
    assert "Too many wrong passwords" in message.text() and dialog.chosen is None  # throttled even when right


def test_the_locked_window_shows_no_pupil_and_opens_with_the_password(make_window, qtbot, tmp_path) -> None:
    profiles = _profiles(tmp_path)
    profiles.create("aigerim.t", "көктем-2026", "Айгерім Т.")
    window = make_window("criteria")
    names = [p.name for p in window.model.sheet.pupils]
    screen = LockScreen("Айгерім Т.", lambda password: profiles.unlock("aigerim.t", password))
    window.use_lock_screen(screen)
    idle = IdleWatch(0.001, window)  # 60 ms
    idle.idle.connect(window.lock)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)  # untouched: it locks by itself

    assert window.model.rowCount() == 0 and not window.lesson_dock.isVisible()
    shown = " ".join(w.text() for w in window.findChildren(QLabel) if w.isVisible())
    assert not any(name in shown for name in names)
    assert window.pages.currentWidget() is screen

    screen.password.setText("wrong one")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert window.locked and "Wrong password" in screen.message.text()
    screen.password.setText("көктем-2026")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.locked and window.model.rowCount() == len(names)
    idle.timer.stop()
    window.lock_action.trigger()  # Ctrl+L
    assert window.locked and window.model.rowCount() == 0


def test_the_presets_teachers_are_listed_as_new_on_this_pc(qtbot, tmp_path, monkeypatch) -> None:
    import json

    from desktop import preset

    (tmp_path / "ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    (tmp_path / "dala_preset.json").write_text(json.dumps({
        "server_url": "https://journal.school17.kz", "school": "№17", "language": "ru", "ca_bundle": "ca.pem",
        "teachers": ["aigerim.t", "bolat.s"]}))
    monkeypatch.setenv("DALA_PRESET", str(tmp_path / "dala_preset.json"))
    found = preset.load()
    assert (found.server_url, found.language, found.ca_bundle) == ("https://journal.school17.kz", "ru",
                                                                    tmp_path / "ca.pem")
    profiles = _profiles(tmp_path)
    profiles.create("aigerim.t", "көктем-2026", "Айгерім Т.")
    dialog = ProfileDialog(profiles, suggested=found.teachers)
    qtbot.addWidget(dialog)
    dialog.show()
    listed = dialog.findChild(QListWidget, "profileList")
    assert [listed.item(i).text() for i in range(listed.count())] == ["Айгерім Т. (aigerim.t)",
                                                                      "bolat.s (new on this PC)"]
    listed.setCurrentRow(1)
    assert dialog.findChild(QLineEdit, "username").text() == "bolat.s"
    assert dialog.findChild(QLineEdit, "repeatPassword").isVisible()  # new here: the password is chosen twice


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("typed, says", [
    (".", "at least one letter or digit"), ("..", "at least one letter or digit"),
    ("../a", "“/” cannot be in a username"), ("a b", "no spaces"), ("x" * 65, "at most 64 characters"),
])
def test_a_username_that_is_not_a_name_is_refused_with_the_reason(qtbot, tmp_path, typed: str, says: str) -> None:
    profiles = _profiles(tmp_path)
    for name in ("a", "b"):
        profiles.create(name, f"password of {name}")
    before = _files(tmp_path)
    dialog = ProfileDialog(profiles)
    qtbot.addWidget(dialog)
    dialog.show()
    username = dialog.findChild(QLineEdit, "username")
    username.clear()
    qtbot.keyClicks(username, typed)
    dialog.findChild(QLineEdit, "offlinePassword").setText("көктем-2026")  # QTest types ASCII only
    dialog.findChild(QLineEdit, "repeatPassword").setText("көктем-2026")
    qtbot.keyClick(dialog.findChild(QLineEdit, "repeatPassword"), Qt.Key.Key_Return)
    assert says in dialog.findChild(QLabel, "profileMessage").text()
    assert dialog.chosen is None and dialog.isVisible()
    assert [p.username for p in profiles.list()] == ["a", "b"] and _files(tmp_path) == before


def test_the_start_screen_opens_on_a_pc_without_a_keychain(qtbot, tmp_path, monkeypatch) -> None:
    import keyring
    from keyring.backends import fail

    from desktop.app import _App, _arguments

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where the app keeps its profiles
    shown: list[str] = []

    def answer() -> None:  # the teacher at the start screen: a new profile, the offline password twice
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, answer)
            return
        shown.append(type(modal).__name__)
        if not isinstance(modal, ProfileDialog):
            modal.close()  # a message instead of the start screen
            return
        modal.findChild(QLineEdit, "username").setText("aigerim.t")
        for field in ("offlinePassword", "repeatPassword"):
            modal.findChild(QLineEdit, field).setText("көктем-2026")
        modal.open_profile()

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # no GNOME Keyring, no KWallet
    run = _App(_arguments(["--server", "http://127.0.0.1:9"]))
    try:
        QTimer.singleShot(0, answer)
        opened = run._choose_profile("http://127.0.0.1:9")
    finally:
        keyring.set_keyring(previous)
        run.close()
    assert opened and shown == ["ProfileDialog"]
    profile = run.profiles.get("aigerim.t")
    assert run.path == profile.journal and profile.journal.is_relative_to(tmp_path / "data")
    assert (profile.folder / KEY_FILE).is_file()  # the wrapped key beside the journal
    assert run.profiles.unlock("aigerim.t", "көктем-2026") == run.key
