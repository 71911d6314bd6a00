"""The installer's preset names the school's server, and it wins: a settings file edited to another address
(or DALA_SERVER_URL, or --server) no longer takes a teacher's login elsewhere; without a preset, a developer's
--server and the settings work as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop import settings as options
from desktop.app import _App, _arguments
from desktop.preset import BundledPreset
from desktop.settings import Settings


def _app(tmp_path: Path, preset: BundledPreset | None, *argv: str) -> _App:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(options.SERVER_URL, "https://not-the-school.example")
    return _App(_arguments(list(argv)), preset, data_dir=tmp_path, settings=settings)


def test_the_presets_server_wins_over_the_settings_the_environment_and_the_command_line(qtbot, tmp_path,
                                                                                         monkeypatch) -> None:
    monkeypatch.setenv("DALA_SERVER_URL", "https://also-not.example")
    preset = BundledPreset(tmp_path / "dala_preset.json", server_url="https://journal.school17.kz", language="kk")
    app = _app(tmp_path, preset, "--server", "https://elsewhere.example")
    assert app._server_url() == "https://journal.school17.kz"
    assert app.settings.get(options.SERVER_URL) == "https://journal.school17.kz"  # the edited file set right


def test_without_a_preset_the_command_line_then_the_settings_name_the_server(qtbot, tmp_path) -> None:
    assert _app(tmp_path, None, "--server", "https://dev.example")._server_url() == "https://dev.example"
    assert _app(tmp_path, None)._server_url() == "https://not-the-school.example"
