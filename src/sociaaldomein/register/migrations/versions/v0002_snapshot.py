"""A snapshot of the folded state, so that a new process need not fold the whole log.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The ``snapshot`` table: derived data, replaced as the log grows, deleted on erasure."""
    op.create_table(
        "snapshot",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the snapshots; the log alone still holds everything."""
    op.drop_table("snapshot")
