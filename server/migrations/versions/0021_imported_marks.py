"""Where an imported cell's or score's values came from (server.journal_import): "<source>: <file>, <day>".

Revision ID: 0021
Revises: 0020

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0021'
down_revision: str | Sequence[str] | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('lesson_cell', sa.Column('imported', sa.Text(), nullable=True))
    op.add_column('summative_score', sa.Column('imported', sa.Text(), nullable=True))


def downgrade() -> None:
    op.drop_column('summative_score', 'imported')
    op.drop_column('lesson_cell', 'imported')
