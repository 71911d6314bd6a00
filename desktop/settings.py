"""The app's settings in QSettings, as typed options with defaults (after MusicBrainz Picard's config):
reading an option gives a value of its type or the default, never a stray string. A `version` option
lets later releases move old keys.

A school's attendance letters (shared/domain.md: no official list exists) are one option per interface
language, e.g. `attendance/letters_kk = absent=ж ill=а excused=с late=к` in the settings file; a code may
have several letters (`absent=жн`). A value that does not give every code a letter of its own is ignored
for the defaults of core.attendance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from core.attendance import DEFAULT_LETTERS, Attendance

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    default: Any

    def read(self, store: QSettings) -> Any:
        value = store.value(self.key, self.default)
        kind = type(self.default)
        if value is None or isinstance(value, kind):
            return value
        try:
            if kind is bool:
                return str(value).lower() in ("true", "1")
            return kind(value)
        except (TypeError, ValueError):
            return self.default


def format_letters(letters: dict[str, Attendance]) -> str:
    by_code = {code: "".join(letter for letter, c in letters.items() if c == code) for code in Attendance}
    return " ".join(f"{code.value}={chars}" for code, chars in by_code.items())


def parse_letters(text: str) -> dict[str, Attendance] | None:
    """letter → code from "absent=ж ill=а excused=с late=к"; None unless every code has its own letters
    (single characters that are neither digits nor spaces, each meaning one code)."""
    letters: dict[str, Attendance] = {}
    for part in text.split():
        code, _, chars = part.partition("=")
        if code not in Attendance._value2member_map_ or not chars:
            return None
        for char in chars.lower():
            if char.isdigit() or not char.isprintable() or char in letters:
                return None
            letters[char] = Attendance(code)
    return letters if set(letters.values()) == set(Attendance) else None


@dataclass(frozen=True)
class LettersOption(Option):
    """The attendance letters a school types for one interface language (letter → code)."""

    def read(self, store: QSettings) -> dict[str, Attendance]:
        value = store.value(self.key, self.default)
        text = " ".join(value) if isinstance(value, list) else str(value)  # an INI line with commas is a list
        letters = parse_letters(text) or parse_letters(self.default)
        if letters is None:
            raise ValueError(f"the default attendance letters {self.default!r} do not parse")
        return letters


SERVER_URL = Option("sync/server_url", "")
USERNAME = Option("sync/username", "")
# The school's LAN relay (sync.relay): an address given to reach it ("" : found by mDNS), and whether this PC is one.
RELAY_URL = Option("sync/relay_url", "")
RELAY_HOST = Option("sync/relay_host", False)
LANGUAGE = Option("ui/language", "kk")
WINDOW_GEOMETRY = Option("ui/window_geometry", QByteArray())
WINDOW_STATE = Option("ui/window_state", QByteArray())
NAME_COLUMN_WIDTH = Option("ui/name_column_width", 220)
LAST_COURSE = Option("ui/last_course", 0)
IDLE_LOCK_MINUTES = Option("security/idle_lock_minutes", 10.0)  # the app locks after this long untouched
ATTENDANCE_LETTERS = {language: LettersOption(f"attendance/letters_{language}", format_letters(letters))
                      for language, letters in DEFAULT_LETTERS.items()}
VERSION = Option("version", SETTINGS_VERSION)


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, option: Option) -> Any:
        return option.read(self.store)

    def set(self, option: Option, value: Any) -> None:
        self.store.setValue(option.key, value)

    def sync(self) -> None:
        self.store.setValue(VERSION.key, SETTINGS_VERSION)
        self.store.sync()
