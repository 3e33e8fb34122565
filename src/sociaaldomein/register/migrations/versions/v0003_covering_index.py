"""An index that answers "is there a later event on this case?" without reading the log's rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """(pilot, ref, seq) becomes (pilot, ref, seq, kind, datum): the overdue query reads only it."""
    op.drop_index("ix_events_pilot_ref_seq", "events")
    op.create_index("ix_events_pilot_ref_cover", "events", ["pilot", "ref", "seq", "kind", "datum"])


def downgrade() -> None:
    """Back to the narrower index."""
    op.drop_index("ix_events_pilot_ref_cover", "events")
    op.create_index("ix_events_pilot_ref_seq", "events", ["pilot", "ref", "seq"])
