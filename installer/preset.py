"""A school's installer preset (PRESET.toml): the server's address, the school's name, the default language,
an optional CA bundle and an optional list of teacher usernames. It holds no secrets, and is checked in
full before any build starts: every problem is listed, in words a school admin can act on.

    server_url = "https://journal.school17.kz"
    school = "№17 мектеп-гимназия, Жаңаөзен"
    language = "kk"                       # kk, ru or en
    ca_bundle = "school17-ca.pem"         # optional: relative to the preset's folder
    teachers = ["aigerim.t", "bolat.s"]   # optional
    server_bundle_key = "…"               # optional: `dala-server bundle-key` prints it (sealed sync bundles)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.bundle import PublicKeys
from sync.errors import SyncError
from sync.server_url import check_url

LANGUAGES = ("kk", "ru", "en")
KNOWN_KEYS = {"server_url", "school", "language", "ca_bundle", "teachers", "server_bundle_key"}
SECRET_WORDS = ("password", "secret", "token", "key")
_USERNAME = re.compile(r"^[A-Za-z0-9._@-]{1,64}$")


class PresetInvalid(Exception):
    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.path, self.problems = path, problems


@dataclass(frozen=True)
class Preset:
    server_url: str
    school: str
    language: str
    ca_bundle: Path | None = None
    teachers: list[str] = field(default_factory=list)
    server_bundle_key: str = ""  # the server's public bundle key (core.bundle): what the PCs seal for, and trust

    def as_bundled(self) -> dict[str, Any]:
        """The preset as the app reads it from inside the bundle: the CA bundle by its file name there."""
        return {"server_url": self.server_url, "school": self.school, "language": self.language,
                "ca_bundle": self.ca_bundle.name if self.ca_bundle else None, "teachers": list(self.teachers),
                "server_bundle_key": self.server_bundle_key}


def load(path: Path) -> Preset:
    """Read and check a preset; raises PresetInvalid listing every problem found."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PresetInvalid(path, ["the preset file does not exist"]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PresetInvalid(path, [f"it is not valid TOML: {error}"]) from None
    problems = []
    for name in sorted(set(data) - KNOWN_KEYS):
        if any(word in name.lower() for word in SECRET_WORDS):
            problems.append(f"{name!r} looks like a secret; a preset must hold none (teachers log in themselves)")
        else:
            problems.append(f"unknown setting {name!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    url = data.get("server_url")
    if not isinstance(url, str) or not url.strip():
        problems.append("server_url is missing (the school server's address, https://…)")
    else:
        try:
            url = check_url(url)
        except SyncError as error:
            problems.append(f"server_url: {error.message}")
    school = data.get("school")
    if not isinstance(school, str) or not school.strip():
        problems.append("school is missing (the school's name, as teachers should see it)")
    language = data.get("language")
    if language not in LANGUAGES:
        problems.append(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    ca_bundle = None
    if data.get("ca_bundle") is not None:
        ca_bundle = (path.parent / str(data["ca_bundle"])).resolve()
        if not ca_bundle.is_file():
            problems.append(f"ca_bundle {data['ca_bundle']!r}: no such file next to the preset ({ca_bundle})")
        elif b"-----BEGIN CERTIFICATE-----" not in (pem := ca_bundle.read_bytes()):
            problems.append(f"ca_bundle {data['ca_bundle']!r} holds no PEM certificate")
        elif b"PRIVATE KEY-----" in pem:  # BEGIN PRIVATE KEY, RSA/EC/ENCRYPTED PRIVATE KEY: every PEM private key
            problems.append(f"ca_bundle {data['ca_bundle']!r} also holds a private key: the server's key must never "
                            "leave it; bundle the certificate(s) alone")
    teachers = data.get("teachers", [])
    if not isinstance(teachers, list) or not all(isinstance(t, str) and _USERNAME.match(t) for t in teachers):
        problems.append("teachers must be a list of usernames (letters, digits, . _ @ -)")
    bundle_key = data.get("server_bundle_key", "")
    try:
        if bundle_key:
            PublicKeys.parse(str(bundle_key))
    except ValueError:
        problems.append("server_bundle_key is not the server's public bundle key (`dala-server bundle-key` prints it)")
    if problems or not isinstance(url, str) or not isinstance(school, str) or not isinstance(language, str):
        raise PresetInvalid(path, problems)
    return Preset(url, school.strip(), language, ca_bundle, list(teachers), str(bundle_key))
