"""Alembic glue both sides' migrations share: a configuration in code, and the body of an env.py.

Each side keeps its own scripts (storage/migrations for a journal file, server/migrations for the server's
database) and migrates them on a connection it made itself; this module opens nothing except, from the
`alembic` command line only, a throwaway engine on the .ini file's URL to write a new revision against.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, MetaData, engine_from_config, pool

if TYPE_CHECKING:
    from alembic.config import Config

# How a database is compared with the models, by autogenerate (writing a revision) and by
# tests/test_schema_matches_models.py alike: column types (with their lengths) and server-side defaults too.
# The models declare no server default (every default is SQLAlchemy's, on insert), so a migration that
# added one would be a difference.
# Partitions of a partitioned table ("<table>_default", "<table>_YYYY_MM": server.partitions) are made by the
# server as the months come, not declared in a schema: comparisons look at their parent only.
PARTITION = re.compile(r"^\w+_(default|\d{4}_\d{2})$")


def _not_partition(name: str | None, type_: str, _parents: Any) -> bool:
    return not (type_ == "table" and name is not None and PARTITION.match(name))


COMPARE = {"compare_type": True, "compare_server_default": True, "include_name": _not_partition}


def alembic_config(location: str) -> Config:
    """Alembic configured in code for the migrations at `location` ("storage:migrations", "server:migrations")."""
    from alembic.config import Config  # Alembic loads only when a migration is wanted (it takes ~0.1 s)

    cfg = Config()
    cfg.set_main_option("script_location", location)
    return cfg


def run_env(metadata: MetaData) -> None:
    """The body of an Alembic env.py: migrate on the connection the caller handed over, or, from the
    `alembic` command line (writing a revision), on a throwaway engine from the .ini file's URL."""
    from alembic import context

    config = context.config
    connection = config.attributes.get("connection")
    if connection is None:
        engine = engine_from_config(config.get_section(config.config_ini_section, {}), poolclass=pool.NullPool)
        with engine.begin() as conn:
            _configured_run(context, conn, metadata)
    else:
        _configured_run(context, connection, metadata)


def _configured_run(context: Any, connection: Connection, metadata: MetaData) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True, **COMPARE)
    with context.begin_transaction():
        context.run_migrations()
