"""A forgotten offline password: the teacher logs in online as this PC's device, the server hands back the
device's recovery key, and the profile's journal key is unwrapped with it and wrapped again under a new
offline password (storage.profiles). The journal and its unsent changes are untouched. The login also gave
a fresh device token, which replaces the stored one (sealed under the journal key: storage.profile_secrets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storage.profiles import NoRecovery, Profiles
from sync.credentials import account_key
from sync.transport import ServerLink

if TYPE_CHECKING:
    import httpx


def recover_profile(profiles: Profiles, server_url: str, username: str, password: str,
                    new_offline_password: str, *, transport: httpx.BaseTransport | None = None,
                    ca_bundle: str | None = None) -> bytes:
    """The journal key, after resetting the offline password; raises SyncError when the login is refused
    (wrong password, a revoked device) and NoRecovery when this PC never logged in for the profile."""
    profile = profiles.get(username)
    if profile.device_id is None:
        raise NoRecovery(f"{username} has never logged in online on this PC")
    link = ServerLink(server_url, transport=transport, ca_bundle=ca_bundle)
    try:
        answer = link.login(username, password, profile.device_id, None).answer
    finally:
        link.close()
    key = profiles.recover(username, answer.recovery_key, new_offline_password)
    profiles.tokens(username, key).put(account_key(username, link.url), answer.token)
    return key
