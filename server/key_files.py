"""The server's key files (its audit signing key, its bundle keys): kept outside the database, in the server user's
data folder, made once on first start and never over another."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path


def data_folder() -> Path:
    """The server user's data folder for its keys, never beside the database's data."""
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data) / "dala-server"


def read(path: str | os.PathLike[str], make: Callable[[], bytes], *, create: bool) -> bytes:
    """The file's bytes; when `create` and there is none, `make()` written there first: the folder 0700, the file
    0600, written whole and linked into place, never over another file (two servers starting at once both end up
    with the first's)."""
    path = Path(path)
    if create and not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.new")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(make())
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(partial, path)  # unlike a rename, never replaces a key another server made meanwhile
        except FileExistsError:
            pass
        finally:
            partial.unlink()
    return path.read_bytes()
