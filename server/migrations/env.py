"""Alembic environment of the server database (see core.alembic_env.run_env)."""

from core.alembic_env import run_env
from server.schema import metadata

run_env(metadata)
