"""Which server addresses the app will talk to: https:// only, bar this PC itself (the demo, tests), so a
teacher's password and pupils' data never cross a school's network in the clear. Light on purpose: the
app checks the address before its first paint, before httpx is loaded."""

from __future__ import annotations

from urllib.parse import urlsplit

from sync.errors import SyncError

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def check_url(url: str) -> str:
    """The server address as the link will use it; refuses what is not https (bar this PC) or not a URL."""
    parsed = urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise SyncError("bad_url", f"{url!r} is not a server address (https://…).", retry=False)
    if parsed.username is not None or parsed.password is not None:
        # https://admin:secret@host: a name or password in an address is copied into settings, logs and installers.
        raise SyncError("bad_url", f"{parsed.hostname}: a server address holds no name or password "
                        "(teachers log in themselves).", retry=False)
    if parsed.scheme == "http" and parsed.hostname not in LOCAL_HOSTS:
        raise SyncError("insecure_url", f"{url} is not encrypted: the school's server must be reached over https://.",
                        retry=False)
    return url.strip().rstrip("/")
