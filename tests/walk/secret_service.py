"""A real Secret Service keychain for a test: a private D-Bus session bus with Debian's gnome-keyring-daemon
on it, its keyrings in the test's own folder, unlocked as a desktop login would. The app reaches it through
keyring's SecretService backend, exactly as on a teacher's GNOME or Xfce desktop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

LOGIN_PASSWORD = "the desktop login"


class SecretService:
    def __init__(self, home: Path) -> None:
        runtime = home / "run"
        runtime.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        self.env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                        XDG_RUNTIME_DIR=str(runtime))
        self.env.pop("PYTHON_KEYRING_BACKEND", None)
        bus = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                             env=self.env, capture_output=True, text=True, timeout=20, check=True)
        address, pid = bus.stdout.split()[:2]
        self.pids = [int(pid)]
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"], env=self.env,
                                input=LOGIN_PASSWORD, capture_output=True, text=True, timeout=20, check=True)
        for line in daemon.stdout.splitlines():  # GNOME_KEYRING_CONTROL=…
            name, _, value = line.partition("=")
            if name and value:
                self.env[name] = value
        self.pids += _daemons_on(address)

    def items(self) -> list[dict[str, str]]:
        """The attributes of every item the keychain holds, read over D-Bus by another process."""
        script = ("import json, secretstorage\n"
                  "bus = secretstorage.dbus_init()\n"
                  "print(json.dumps([dict(i.get_attributes(), label=i.get_label()) "
                  "for c in secretstorage.get_all_collections(bus) for i in c.get_all_items()]))")
        out = subprocess.run([sys.executable, "-c", script], env=self.env, capture_output=True, text=True,
                             timeout=30, check=True)
        return json.loads(out.stdout)

    def close(self) -> None:
        for pid in reversed(self.pids):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def _daemons_on(address: str) -> list[int]:
    """The gnome-keyring-daemon processes started on this bus (it forks away from the command that ran it)."""
    found = subprocess.run(["pgrep", "-f", "gnome-keyring-daemon"], capture_output=True, text=True).stdout.split()
    mine = []
    for pid in found:
        try:
            if address.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                mine.append(int(pid))
        except OSError:
            continue
    return mine
