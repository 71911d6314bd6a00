"""A shared PC's profiles and locking, through the real widgets: a new teacher chooses an offline password
(twice), a known one opens with it and wrong ones are refused and throttled; the window locks on Ctrl+L and
after the idle time, shows no pupil's name while locked, and opens again with the password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from desktop.lock_screen import IdleWatch, LockScreen
from desktop.profile_dialog import ProfileDialog
from storage import keys
from storage.keychain import Keychain
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
