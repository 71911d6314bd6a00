"""Alembic environment of the server database (see storage.migrate.run_env)."""

from server.schema import metadata
from storage.migrate import run_env

run_env(metadata)
