"""Teacher profiles on a shared PC: each teacher's own encrypted journal, opened with their offline password.

The profiles folder holds `profiles.json` (usernames, display names and this PC's device id per profile:
what the start screen lists, nothing secret)
and a folder per profile with its journal (`journal.db`, SQLCipher) and `unlock.json` (wrong-password
throttling: counts and times, nothing secret). The journal key exists only wrapped, in the keychain: under
the offline password and, once the teacher has logged in online, under the server's recovery key for this
device (storage.keys). Wrong offline passwords are throttled: after FREE_TRIES the next try waits, doubling
each time up to MAX_WAIT_S. The throttle makes guessing at the PC slow; the file itself resists guessing
through Argon2id's cost, since an attacker with the disk can skip the throttle.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storage import keys
from storage.keychain import Keychain

FREE_TRIES = 3
FIRST_WAIT_S = 5
MAX_WAIT_S = 15 * 60
_USERNAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


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
    def __init__(self, root: Path, keychain: Keychain, *, cost: keys.Argon2Cost = keys.DEFAULT_COST,
                 clock: Callable[[], float] = time.time) -> None:
        self.root, self.keychain, self.cost, self.clock = Path(root), keychain, cost, clock

    # -- the list --------------------------------------------------------------------------------

    def list(self) -> list[Profile]:
        return [self._profile(name, entry) for name, entry in sorted(self._index().items())]

    def get(self, username: str) -> Profile:
        index = self._index()
        if username not in index:
            raise UnknownProfile(username)
        return self._profile(username, index[username])

    def create(self, username: str, password: str, display_name: str = "") -> tuple[Profile, bytes]:
        """A new profile with a new random journal key, wrapped under `password`; returns it and the key."""
        if not _USERNAME.match(username):
            raise ProfileError(f"not a username: {username!r}")
        key = keys.new_key()
        entry = {"display_name": display_name or username}
        profile = self._profile(username, entry)
        profile.folder.mkdir(parents=True, exist_ok=True)
        self.keychain.put_json(_name(username, "by-password"), keys.wrap_with_password(key, password, self.cost))
        self._update(username, entry)
        return profile, key

    def remove(self, username: str) -> None:
        """Forget a profile: its keys in the keychain, its folder (journal included) and its line in the list.
        For a new profile whose first online login did not happen; a journal with data is not removed here."""
        import shutil

        for what in ("by-password", "by-recovery"):
            self.keychain.forget(_name(username, what))
        shutil.rmtree(self.root / username, ignore_errors=True)
        index = self._index()
        index.pop(username, None)
        _write_json(self.root / "profiles.json", {"profiles": index})

    # -- opening -----------------------------------------------------------------------------------

    def unlock(self, username: str, password: str) -> bytes:
        """The journal key, when `password` is the profile's offline password."""
        self.get(username)
        state = self._throttle(username)
        wait = int(state.get("next_try_at", 0) - self.clock() + 0.999)
        if wait > 0:
            raise Throttled(wait)
        wrapped = self.keychain.get_json(_name(username, "by-password"))
        if wrapped is None:
            raise NoRecovery(f"no key for {username} in this PC's keychain")
        try:
            key = keys.unwrap_with_password(wrapped, password)
        except keys.WrongSecret:
            failures = state.get("failures", 0) + 1
            wait = 0 if failures < FREE_TRIES else min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S)
            self._save_throttle(username, {"failures": failures, "next_try_at": self.clock() + wait})
            raise WrongPassword(wait) from None
        self._save_throttle(username, {"failures": 0, "next_try_at": 0})
        return key

    def keep_recovery(self, username: str, key: bytes, recovery_key_b64: str, device_id: str) -> None:
        """After an online login: wrap the journal key under the server's recovery key for this device, and
        remember the device (a recovery logs in as it)."""
        self.keychain.put_json(_name(username, "by-recovery"),
                               keys.wrap_with_recovery(key, base64.b64decode(recovery_key_b64)))
        self._update(username, {"device_id": device_id})

    def recover(self, username: str, recovery_key_b64: str, new_password: str) -> bytes:
        """A forgotten offline password: the recovery key from an online login opens the journal key, which
        is wrapped again under the new password. Nothing in the journal changes."""
        self.get(username)
        wrapped = self.keychain.get_json(_name(username, "by-recovery"))
        if wrapped is None:
            raise NoRecovery(f"{username} has never logged in online on this PC")
        key = keys.unwrap_with_recovery(wrapped, base64.b64decode(recovery_key_b64))
        self.change_password(username, key, new_password)
        return key

    def change_password(self, username: str, key: bytes, new_password: str) -> None:
        self.keychain.put_json(_name(username, "by-password"), keys.wrap_with_password(key, new_password, self.cost))
        self._save_throttle(username, {"failures": 0, "next_try_at": 0})

    # -- files ---------------------------------------------------------------------------------------

    def _index(self) -> dict[str, dict]:
        path = self.root / "profiles.json"
        if not path.is_file():
            return {}
        return dict(json.loads(path.read_text(encoding="utf-8")).get("profiles", {}))

    def _update(self, username: str, entry: dict) -> None:
        index = self._index()
        index[username] = {**index.get(username, {}), **entry}
        _write_json(self.root / "profiles.json", {"profiles": index})

    def _profile(self, username: str, entry: dict) -> Profile:
        return Profile(username, entry.get("display_name", username), self.root / username, entry.get("device_id"))

    def _throttle(self, username: str) -> dict:
        path = self.root / username / "unlock.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}

    def _save_throttle(self, username: str, state: dict) -> None:
        _write_json(self.root / username / "unlock.json", state)


def _name(username: str, what: str) -> str:
    return f"journal-key:{username}:{what}"


def _write_json(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)
