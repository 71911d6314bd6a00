"""Alembic environment of a teacher's journal file (see storage.migrate.run_env)."""

from storage.migrate import run_env
from storage.models import Base

run_env(Base.metadata)
