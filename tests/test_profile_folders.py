"""A profile's folder on a shared PC: a username that is not a safe name (".", "..", a path, control
characters, too long) is refused; removing a profile touches that profile's folder only, never another's or
anything around them; and a journal with unsent changes in its outbox is never removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from core.demo_school import generator
from storage import keys
from storage.database import open_database
from storage.journal import Journal
from storage.keychain import Keychain
from storage.profiles import BadUsername, ProfileError, Profiles, UnknownProfile, UnsentChanges
from tests.conftest import TODAY
from tests.keyring_backend import MemoryKeyring

CHEAP = keys.Argon2Cost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SMALL = generator.Spec(grades=(5,), letters=("А",), pupils_per_class=4, weeks_filled=1)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _two_profiles(tmp_path: Path) -> tuple[Profiles, dict[str, bytes]]:
    """Profiles "a" and "b", each with its journal; a file of someone else's beside the profiles folder."""
    profiles = Profiles(tmp_path / "profiles", Keychain(MemoryKeyring()), cost=CHEAP)
    for name in ("a", "b"):
        profile, key = profiles.create(name, f"password of {name}")
        with open_database(profile.journal, key=key):
            pass
    (tmp_path / "not-ours.txt").write_text("the user's own file")
    return profiles, _files(tmp_path)


@pytest.mark.parametrize("username, reason", [
    (".", "no_letter_or_digit"), ("..", "no_letter_or_digit"), ("...", "no_letter_or_digit"),
    ("", "empty"), ("   ", "empty"), ("a/b", "character"), ("..\\b", "character"), ("a\x00b", "character"),
    ("a\nb", "character"), ("a b", "character"), ("x" * 65, "too_long"),
])
def test_a_username_that_is_not_a_safe_name_is_refused(tmp_path: Path, username: str, reason: str) -> None:
    profiles, before = _two_profiles(tmp_path)
    with pytest.raises(BadUsername) as refused:
        profiles.create(username, "a good password")
    assert refused.value.code == "bad_username" and refused.value.reason == reason
    assert [p.username for p in profiles.list()] == ["a", "b"]
    assert _files(tmp_path) == before


@pytest.mark.parametrize("username", [".", "..", "", "a/../b", "../profiles"])
def test_removing_a_name_that_is_no_profile_removes_nothing(tmp_path: Path, username: str) -> None:
    profiles, before = _two_profiles(tmp_path)
    with pytest.raises(ProfileError):
        profiles.remove(username, keys.new_key())
    assert _files(tmp_path) == before


def test_removing_a_profile_never_deletes_another_ones_files(tmp_path: Path) -> None:
    profiles, _before = _two_profiles(tmp_path)
    a_folder, b_folder = profiles.get("a").folder, profiles.get("b").folder
    b_files = _files(b_folder)
    profiles.remove("a", profiles.unlock("a", "password of a"))
    assert [p.username for p in profiles.list()] == ["b"] and not a_folder.exists()
    assert _files(b_folder) == b_files and (tmp_path / "not-ours.txt").is_file()
    assert profiles.unlock("b", "password of b")  # b's wrapped key is still in the keychain


def test_profiles_json_pointing_outside_its_folder_removes_nothing(tmp_path: Path) -> None:
    profiles, before = _two_profiles(tmp_path)
    index_path = tmp_path / "profiles" / "profiles.json"
    index = json.loads(index_path.read_text())
    index["profiles"]["a"]["folder"] = ".."  # a damaged or tampered list
    index["profiles"]["b"]["folder"] = index["profiles"]["b"].get("folder", "b")
    index["profiles"]["c"] = {"display_name": "c", "folder": index["profiles"]["b"]["folder"]}  # b's folder
    index_path.write_text(json.dumps(index))
    before = _files(tmp_path)
    for name in ("a", "c"):
        with pytest.raises(ProfileError):
            profiles.remove(name, keys.new_key())
    assert _files(tmp_path) == before


def test_a_profile_folder_that_is_a_symlink_is_not_followed(tmp_path: Path) -> None:
    profiles, _before = _two_profiles(tmp_path)
    profile, key = profiles.create("c", "password of c")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me")
    for item in profile.folder.iterdir():
        item.unlink()
    profile.folder.rmdir()
    profile.folder.symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ProfileError):
        profiles.remove("c", key)
    assert (elsewhere / "precious.txt").read_text() == "keep me"


def test_a_journal_with_unsent_changes_is_never_removed(tmp_path: Path) -> None:
    profiles = Profiles(tmp_path / "profiles", Keychain(MemoryKeyring()), cost=CHEAP)
    profile, key = profiles.create("a", "password of a")
    with open_database(profile.journal, key=key) as db:
        generator.build(db, SMALL, TODAY)
        with db.read() as conn:
            lesson, teacher, class_id = conn.execute(text(
                "SELECT l.id, c.teacher_id, c.class_id FROM lesson l JOIN course c ON c.id = l.course_id "
                "WHERE c.subgroup_id IS NULL AND l.date <= :today ORDER BY l.date DESC LIMIT 1"),
                {"today": TODAY.isoformat()}).one()
            pupil = conn.execute(text("SELECT pupil_id FROM class_membership WHERE class_id = :k LIMIT 1"),
                                 {"k": class_id}).scalar_one()
        Journal(db, teacher).set_comment(lesson, pupil, "Жақсы жұмыс")  # one operation waits in the outbox
    before = _files(profile.folder)
    with pytest.raises(UnsentChanges) as kept:
        profiles.remove("a", key)
    assert kept.value.code == "unsent_changes"
    with pytest.raises(UnsentChanges):  # a key that does not open the journal cannot show it is empty
        profiles.remove("a", keys.new_key())
    assert [p.username for p in profiles.list()] == ["a"] and _files(profile.folder) == before
    assert profiles.unlock("a", "password of a") == key


def test_an_unknown_profile_is_not_removed(tmp_path: Path) -> None:
    profiles, before = _two_profiles(tmp_path)
    with pytest.raises(UnknownProfile):
        profiles.remove("c", keys.new_key())
    assert _files(tmp_path) == before


def test_a_profile_made_before_folders_were_hashed_keeps_its_folder(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    root = tmp_path / "profiles"
    old = root / "aigerim.t"  # as the previous version laid it out: the folder named as the username
    key = keys.new_key()
    old.mkdir(parents=True)
    with open_database(old / "journal.db", key=key):
        pass
    Keychain(backend).put_json("journal-key:aigerim.t:by-password", keys.wrap_with_password(key, "pw", CHEAP))
    root.joinpath("profiles.json").write_text(json.dumps({"profiles": {"aigerim.t": {"display_name": "Айгерім"}}}))
    profiles = Profiles(root, Keychain(backend), cost=CHEAP)
    assert profiles.get("aigerim.t").journal == old / "journal.db"
    assert profiles.unlock("aigerim.t", "pw") == key
    profiles.remove("aigerim.t", key)
    assert not old.exists() and backend.secrets == {} and profiles.list() == []


def test_a_username_with_a_profile_already_is_not_made_again(tmp_path: Path) -> None:
    profiles, before = _two_profiles(tmp_path)
    with pytest.raises(ProfileError):
        profiles.create("a", "someone else's password")
    assert _files(tmp_path) == before and profiles.unlock("a", "password of a")


def test_a_profile_is_listed_by_the_name_it_is_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    profiles = Profiles(tmp_path / "profiles", Keychain(MemoryKeyring()), cost=CHEAP)
    profiles.create("aigerim.t", "көктем-2026")
    profiles.name("aigerim.t", "Тоқтарова Айгерім Серікқызы")
    profiles.name("aigerim.t", "  ")  # a blank name changes nothing
    assert [(p.username, p.display_name) for p in profiles.list()] == [("aigerim.t", "Тоқтарова Айгерім Серікқызы")]


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid"), reason="POSIX modes")
def test_the_profiles_and_each_journal_are_kept_from_the_pcs_other_accounts(tmp_path: Path) -> None:
    """The profiles folder and each profile's folder open to their user alone (0700), so its journal, write-ahead
    log and backups are not readable by another account on a shared PC, whatever mode the files got."""
    import stat

    profiles, _ = _two_profiles(tmp_path)
    folders = [tmp_path / "profiles", *(profiles.get(name).folder for name in ("a", "b"))]
    assert [stat.S_IMODE(folder.stat().st_mode) for folder in folders] == [0o700] * 3
    (tmp_path / "profiles").chmod(0o755)  # a folder from an older version, made world-readable
    profiles.create("c", "password of c")
    assert stat.S_IMODE((tmp_path / "profiles").stat().st_mode) == 0o700
