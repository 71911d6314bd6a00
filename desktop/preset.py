"""The school's preset baked into an installer (installer/preset.py writes it): read at start, it gives the
server's address, the default language, the school's CA bundle and the teachers to list on the start screen.
It is found in the bundle's `preset/` folder, or where DALA_PRESET points (a JSON file; for trying a preset
from source). No preset: the app asks for the server's address, as before."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

PRESET_NAME = "dala_preset.json"


@dataclass(frozen=True)
class BundledPreset:
    path: Path
    server_url: str = ""
    school: str = ""
    language: str = ""
    ca_bundle: Path | None = None
    teachers: list[str] = field(default_factory=list)
    server_bundle_key: str = ""  # the school server's public bundle key (core.bundle), trusted over what it tells


def location() -> Path | None:
    named = os.environ.get("DALA_PRESET")
    if named:
        return Path(named)
    bundle = getattr(sys, "_MEIPASS", None)  # inside a PyInstaller bundle
    if bundle is not None and (Path(bundle) / "preset" / PRESET_NAME).is_file():
        return Path(bundle) / "preset" / PRESET_NAME
    return None


def load() -> BundledPreset | None:
    """The preset, or None when there is none; a damaged one raises ValueError saying so."""
    path = location()
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"the installer's preset {path} cannot be read: {error}") from None
    ca = data.get("ca_bundle")
    return BundledPreset(path, str(data.get("server_url") or ""), str(data.get("school") or ""),
                         str(data.get("language") or ""), path.parent / ca if ca else None,
                         [str(t) for t in data.get("teachers") or []], str(data.get("server_bundle_key") or ""))
