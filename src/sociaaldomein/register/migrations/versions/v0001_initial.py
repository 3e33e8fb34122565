"""The first schema: the event log, the personal data beside it, and append-only triggers.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_REFUSE = "the event log is append-only: an event is never changed or removed"


def upgrade() -> None:
    """Create the tables, their indexes and the triggers that refuse UPDATE and DELETE."""
    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("pilot", sa.String(100), nullable=False),
        sa.Column("datum", sa.String(10), nullable=False),
        sa.Column("ref", sa.String(64), nullable=True),
        sa.Column("termijn", sa.String(10), nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("bron", sa.Text, nullable=True),
        sa.Column("versions", sa.Text, nullable=False),
        sa.Column("personal_digest", sa.String(64), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_events_pilot_ref_seq", "events", ["pilot", "ref", "seq"])
    op.create_index("ix_events_pilot_datum", "events", ["pilot", "datum"])
    op.create_index("ix_events_pilot_termijn", "events", ["pilot", "termijn"])
    op.create_table(
        "personal_data",
        sa.Column("seq", sa.BigInteger, sa.ForeignKey("events.seq"), primary_key=True),
        sa.Column("gezin", sa.String(64), nullable=True),
        sa.Column("nonce", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_personal_data_gezin", "personal_data", ["gezin"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION sociaaldomein_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{_REFUSE}'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
            "FOR EACH ROW EXECUTE FUNCTION sociaaldomein_append_only()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER events_no_{action.lower()} BEFORE {action} ON events "
                f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END"
            )


def downgrade() -> None:
    """Refused: a register's log is never dropped by a migration."""
    raise NotImplementedError("the register's first schema is not downgraded")
