"""Wrong passwords counted in the database (server.rate_limits.PasswordThrottle), so that every worker and app server
throttles one username from one address alike: counted in each worker's memory, two workers let through twice the
guesses (with `--workers 2`, 10 of 30 over the limit passed).

Revision ID: 0018
Revises: 0017

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0018'
down_revision: str | Sequence[str] | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('login_failure',
                    sa.Column('who', sa.String(length=64), nullable=False),
                    sa.Column('at', sa.DateTime(timezone=True), nullable=False))
    op.create_index('ix_login_failure_who_at', 'login_failure', ['who', 'at'])


def downgrade() -> None:
    op.drop_index('ix_login_failure_who_at', table_name='login_failure')
    op.drop_table('login_failure')
