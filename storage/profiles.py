"""Teacher profiles on a shared PC: each teacher's own encrypted journal, opened with their offline password.

The profiles folder holds `profiles.json` (usernames, display names, each profile's folder and this PC's
device id per profile: what the start screen lists, nothing secret) and a folder per profile with its
journal (`journal.db`, SQLCipher) and `unlock.json` (wrong-password throttling: counts and times, nothing
secret). The journal key exists only wrapped: under the offline password and, once the teacher has logged
in online, under the server's recovery key for this device (storage.keys), kept in the keychain, or in
`keys.json` beside the journal on a PC without a working one (storage.profile_secrets), together with the
device token sealed under the journal key. Wrong offline passwords are throttled: after FREE_TRIES the next
try waits, doubling each time up to MAX_WAIT_S. The throttle makes guessing at the PC slow; the file itself
resists guessing through Argon2id's cost, since an attacker with the disk can skip the throttle.

A profile's folder is named from a hash of its username (`p-<hex>`), never from what was typed, and the
username itself is checked (check_username): "." or ".." once named the profiles folder itself, and
removing such a profile removed every teacher's journal. Removing a profile touches only its own folder, a
direct child of the profiles folder and not a symlink, and never a journal with unsent changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage import keys, sqlite_file
from storage.keychain import Keychain
from storage.profile_secrets import KEY_FILE, KeyFile, ProfileTokens, SecretStore

FREE_TRIES = 3
FIRST_WAIT_S = 5
MAX_WAIT_S = 15 * 60
MAX_USERNAME = 64
_USERNAME_CHARACTER = re.compile(r"[A-Za-z0-9._@-]")
log = logging.getLogger(__name__)


class ProfileError(Exception):
    code = "profile_error"


class UnknownProfile(ProfileError):
    code = "unknown_profile"


class WrongPassword(ProfileError):
    code = "wrong_password"

    def __init__(self, wait_s: int) -> None:
        super().__init__(f"wrong offline password; next try in {wait_s} s" if wait_s else "wrong offline password")
        self.wait_s = wait_s


class Throttled(ProfileError):
    code = "throttled"

    def __init__(self, wait_s: int) -> None:
        super().__init__(f"too many wrong passwords; try again in {wait_s} s")
        self.wait_s = wait_s


class NoRecovery(ProfileError):
    code = "no_recovery"


class BadUsername(ProfileError):
    """Not a username a profile can have; `reason`: empty, too_long, character (`character` holds the first
    one refused) or no_letter_or_digit."""

    code = "bad_username"

    def __init__(self, reason: str, character: str = "") -> None:
        super().__init__(f"not a username ({reason}{': ' + repr(character) if character else ''})")
        self.reason, self.character = reason, character


class UnsentChanges(ProfileError):
    """The profile's journal has operations in its outbox (or cannot be read to show it has none): it stays."""

    code = "unsent_changes"


def check_username(username: str) -> str:
    """`username` when a profile may have it: 1–MAX_USERNAME of Latin letters, digits and . _ @ -, with at
    least one letter or digit (so never "." or ".."); raises BadUsername."""
    if not username.strip():
        raise BadUsername("empty")
    if len(username) > MAX_USERNAME:
        raise BadUsername("too_long")
    refused = next((c for c in username if not _USERNAME_CHARACTER.fullmatch(c)), None)
    if refused is not None:
        raise BadUsername("character", refused)
    if not any(c.isalnum() for c in username):
        raise BadUsername("no_letter_or_digit")
    return username


@dataclass(frozen=True)
class Profile:
    username: str
    display_name: str
    folder: Path
    device_id: str | None = None  # the journal's device id, once it has logged in online

    @property
    def journal(self) -> Path:
        return self.folder / "journal.db"


class Profiles:
    def __init__(self, root: Path, keychain: Keychain | None, *, cost: keys.Argon2Cost = keys.DEFAULT_COST,
                 clock: Callable[[], float] = time.time) -> None:
        """`keychain` None, or one that does not work (Keychain.works): the keys are kept beside the journals."""
        self.root, self.keychain, self.cost, self.clock = Path(root), keychain, cost, clock

    # -- the list --------------------------------------------------------------------------------

    def list(self) -> list[Profile]:
        found = []
        for name, entry in sorted(self._index().items()):
            try:
                found.append(self._profile(name, entry))
            except ProfileError as damaged:
                log.warning("a profile is left out of the list: %s", damaged)
        return found

    def get(self, username: str) -> Profile:
        index = self._index()
        if username not in index:
            raise UnknownProfile(username)
        return self._profile(username, index[username])

    def create(self, username: str, password: str, display_name: str = "") -> tuple[Profile, bytes]:
        """A new profile with a new random journal key, wrapped under `password`; returns it and the key."""
        check_username(username)
        if username in self._index():
            raise ProfileError(f"{username} has a profile on this PC already")
        key = keys.new_key()
        entry = {"display_name": display_name or username, "folder": _folder_name(username)}
        profile = self._profile(username, entry)
        private_folder(self.root)
        private_folder(profile.folder)
        self._store(profile).put_json(_name(username, "by-password"), keys.wrap_with_password(key, password, self.cost))
        self._update(username, entry)
        return profile, key

    def remove(self, username: str, key: bytes) -> None:
        """Forget a new profile whose first online login did not happen: its folder (journal included), its
        keys and its line in the list. Refuses (ProfileError) a folder that is not this profile's own direct
        child of the profiles folder, and (UnsentChanges) a journal with anything in its outbox or that `key`
        does not open, since then it cannot be shown to have nothing unsent."""
        profile = self.get(username)
        folder = profile.folder
        if folder.is_symlink() or folder.resolve().parent != self.root.resolve():
            raise ProfileError(f"{username}'s folder is not a folder of its own in {self.root}")
        if any(other.folder == folder for other in self.list() if other.username != username):
            raise ProfileError(f"{username}'s folder belongs to another profile too")
        if _unsent(profile.journal, key):
            raise UnsentChanges(f"{username}'s journal has changes not yet sent")
        if folder.is_dir():
            try:
                shutil.rmtree(folder)  # its key file, if the keys were beside the journal, goes with it
            except OSError as error:
                raise ProfileError(f"{username}'s folder could not be removed: {error}") from error
        if self.keychain is not None and self._keychain_works():
            for name in (_name(username, "by-password"), _name(username, "by-recovery"), _tokens_name(username)):
                self.keychain.forget(name)
        index = self._index()
        index.pop(username, None)
        _write_json(self.root / "profiles.json", {"profiles": index})

    # -- opening -----------------------------------------------------------------------------------

    def unlock(self, username: str, password: str) -> bytes:
        """The journal key, when `password` is the profile's offline password."""
        profile = self.get(username)
        state = self._throttle(profile)
        wait = int(state.get("next_try_at", 0) - self.clock() + 0.999)
        if wait > 0:
            raise Throttled(wait)
        wrapped = self._store(profile).get_json(_name(username, "by-password"))
        if wrapped is None:
            raise NoRecovery(f"no key for {username} on this PC")
        try:
            key = keys.unwrap_with_password(wrapped, password)
        except keys.WrongSecret:
            failures = state.get("failures", 0) + 1
            wait = 0 if failures < FREE_TRIES else min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S)
            self._save_throttle(profile, {"failures": failures, "next_try_at": self.clock() + wait})
            raise WrongPassword(wait) from None
        self._save_throttle(profile, {"failures": 0, "next_try_at": 0})
        return key

    def tokens(self, username: str, key: bytes) -> ProfileTokens:
        """The unlocked profile's device tokens (sync.credentials.TokenStore), sealed under its journal key."""
        profile = self.get(username)
        return ProfileTokens(self._store(profile), _tokens_name(username), key,
                             self.keychain if self._keychain_works() else None)

    def name(self, username: str, display_name: str) -> None:
        """The name the start screen lists the profile under (the teacher's own, once the journal knows it)."""
        self.get(username)
        if display_name.strip():
            self._update(username, {"display_name": display_name.strip()})

    def keep_recovery(self, username: str, key: bytes, recovery_key_b64: str, device_id: str) -> None:
        """After an online login: wrap the journal key under the server's recovery key for this device, and
        remember the device (a recovery logs in as it)."""
        self._store(self.get(username)).put_json(_name(username, "by-recovery"),
                                                 keys.wrap_with_recovery(key, base64.b64decode(recovery_key_b64)))
        self._update(username, {"device_id": device_id})

    def recover(self, username: str, recovery_key_b64: str, new_password: str) -> bytes:
        """A forgotten offline password: the recovery key from an online login opens the journal key, which
        is wrapped again under the new password. Nothing in the journal changes."""
        wrapped = self._store(self.get(username)).get_json(_name(username, "by-recovery"))
        if wrapped is None:
            raise NoRecovery(f"{username} has never logged in online on this PC")
        key = keys.unwrap_with_recovery(wrapped, base64.b64decode(recovery_key_b64))
        self.change_password(username, key, new_password)
        return key

    def change_password(self, username: str, key: bytes, new_password: str) -> None:
        profile = self.get(username)
        self._store(profile).put_json(_name(username, "by-password"),
                                      keys.wrap_with_password(key, new_password, self.cost))
        self._save_throttle(profile, {"failures": 0, "next_try_at": 0})

    # -- files ---------------------------------------------------------------------------------------

    def _store(self, profile: Profile) -> SecretStore:
        """The keychain, unless it does not work or this profile's keys are beside its journal already."""
        beside = KeyFile(profile.folder / KEY_FILE)
        if beside.exists() or not self._keychain_works():
            return beside
        assert self.keychain is not None
        return self.keychain

    def _keychain_works(self) -> bool:
        return self.keychain is not None and self.keychain.works()

    def _index(self) -> dict[str, dict[str, Any]]:
        path = self.root / "profiles.json"
        if not path.is_file():
            return {}
        return dict(json.loads(path.read_text(encoding="utf-8")).get("profiles", {}))

    def _update(self, username: str, entry: dict[str, Any]) -> None:
        index = self._index()
        index[username] = {**index.get(username, {}), **entry}
        _write_json(self.root / "profiles.json", {"profiles": index})

    def _profile(self, username: str, entry: dict[str, Any]) -> Profile:
        return Profile(username, entry.get("display_name", username), self.root / _folder_of(username, entry),
                       entry.get("device_id"))

    def _throttle(self, profile: Profile) -> dict[str, Any]:
        path = profile.folder / "unlock.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def _save_throttle(self, profile: Profile, state: dict[str, Any]) -> None:
        _write_json(profile.folder / "unlock.json", state)


def _folder_name(username: str) -> str:
    """A new profile's folder: from a hash of the username, so nothing typed becomes part of a path (and
    names differing only in case get folders of their own on Windows too)."""
    return "p-" + hashlib.sha256(username.encode("utf-8")).hexdigest()[:24]


def _folder_of(username: str, entry: dict[str, Any]) -> str:
    """The profile's folder name, checked to be a plain name (a direct child of the profiles folder). A
    profile made before folders were hashed lives in a folder named as its username, when that is a safe
    name; otherwise it gets a hashed one (its old folder is left alone)."""
    name = entry.get("folder")
    if name is None:
        try:
            name = check_username(username)
        except BadUsername:
            name = _folder_name(username)
    if not isinstance(name, str) or name in {"", ".", ".."} or Path(name).name != name or not name.isprintable() \
            or any(c in name for c in "/\\:"):
        raise ProfileError(f"{username}'s folder {name!r} is not a folder name")
    return name


def _unsent(journal: Path, key: bytes) -> int:
    """How many operations wait in the journal's outbox (none when there is no journal yet); raises
    UnsentChanges when `key` does not open it or it cannot be read."""
    if not journal.exists():
        return 0
    try:
        conn = sqlite_file.connect(journal, key=key)
    except sqlite_file.WrongKey as error:
        raise UnsentChanges(f"{journal} cannot be opened to check its outbox") from error
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox_op'").fetchone() is None:
            return 0
        return int(conn.execute("SELECT count(*) FROM outbox_op").fetchone()[0])
    except conn.DatabaseError as error:
        raise UnsentChanges(f"{journal} cannot be read to check its outbox") from error
    finally:
        conn.close()


def _name(username: str, what: str) -> str:
    return f"journal-key:{username}:{what}"


def _tokens_name(username: str) -> str:
    return f"device-token:{username}"


def private_folder(path: Path) -> None:
    """`path` as a folder only this user may open (0700 on Linux and macOS; Windows keeps a profile's folder under
    the user's own AppData): a journal's file, its write-ahead log and its backups inside are kept from the PC's
    other accounts whatever their own modes (a new file is 0644 by the usual umask)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)  # a folder made before, or by mkdir under a umask that took bits away


def _write_json(path: Path, value: dict[str, Any]) -> None:
    private_folder(path.parent)
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # the account's alone, any umask
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(json.dumps(value, ensure_ascii=False, indent=1))
    temporary.replace(path)
