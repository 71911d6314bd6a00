"""Fixtures for the walk: the demo school's server on a port that stays the same across restarts."""

from __future__ import annotations

from tests.server.conftest import server_template  # noqa: F401  (the demo school's server database)
