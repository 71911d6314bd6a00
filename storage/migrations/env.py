"""Alembic environment of a teacher's journal file (see core.alembic_env.run_env)."""

from core.alembic_env import run_env
from storage.models import metadata

run_env(metadata)
