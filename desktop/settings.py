"""The app's settings in QSettings, as typed options with defaults (after MusicBrainz Picard's config):
reading an option gives a value of its type or the default, never a stray string. A `version` option
lets later releases move old keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

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


SERVER_URL = Option("sync/server_url", "")
USERNAME = Option("sync/username", "")
LANGUAGE = Option("ui/language", "kk")
WINDOW_GEOMETRY = Option("ui/window_geometry", QByteArray())
WINDOW_STATE = Option("ui/window_state", QByteArray())
NAME_COLUMN_WIDTH = Option("ui/name_column_width", 220)
LAST_COURSE = Option("ui/last_course", 0)
IDLE_LOCK_MINUTES = Option("security/idle_lock_minutes", 10.0)  # the app locks after this long untouched
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
