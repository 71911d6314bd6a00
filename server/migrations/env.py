"""Alembic environment of the server database: runs on the connection server.db hands over, or on
alembic-server.ini's URL for `alembic -c alembic-server.ini revision --autogenerate`."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from server.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(config.get_section(config.config_ini_section, {}), poolclass=pool.NullPool)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()
