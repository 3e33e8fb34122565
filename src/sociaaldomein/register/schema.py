"""The register's tables, in SQLAlchemy Core: the event log and the personal data beside it.

``events`` is the append-only log: one row per event, numbered ``seq`` from 1
without gaps, each row's ``hash`` the sha256 of its canonical form with the
previous row's hash.  The columns ``kind``, ``pilot``, ``datum``, ``ref`` and
``termijn`` repeat what the payload says, for the indexes; ``verify`` checks
that they agree with it.

``personal_data`` holds, per event, the fields that are personal data (the
family's pseudonymous key, free text) with a random nonce; only their digest is
in the chain, so erasing a row (Jeugdwet 7.3.9) leaves the chain whole.

The schema itself is made by the migrations in
:mod:`sociaaldomein.register.migrations`, never by ``create_all``: these
definitions are what the queries use, and a test checks they match.
"""

from __future__ import annotations

from typing import Final

import sqlalchemy as sa

__all__ = ["EVENTS", "METADATA", "PERSONAL", "SNAPSHOT"]

METADATA: Final = sa.MetaData()

EVENTS: Final = sa.Table(
    "events",
    METADATA,
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

PERSONAL: Final = sa.Table(
    "personal_data",
    METADATA,
    sa.Column("seq", sa.BigInteger, sa.ForeignKey("events.seq"), primary_key=True),
    sa.Column("gezin", sa.String(64), nullable=True, index=True),
    sa.Column("nonce", sa.String(32), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)

SNAPSHOT: Final = sa.Table(
    "snapshot",
    METADATA,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)
"""The folded state of every pilot after event ``seq`` (whose hash is ``hash``): derived data,
kept so that a new process folds only the events after it; replaced as the log grows and
deleted when personal data are erased."""

sa.Index(
    "ix_events_pilot_ref_cover",
    EVENTS.c.pilot,
    EVENTS.c.ref,
    EVENTS.c.seq,
    EVENTS.c.kind,
    EVENTS.c.datum,
)
sa.Index("ix_events_pilot_datum", EVENTS.c.pilot, EVENTS.c.datum)
sa.Index("ix_events_pilot_termijn", EVENTS.c.pilot, EVENTS.c.termijn)
