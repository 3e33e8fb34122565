"""A pseudonymised export for the evaluator: a keyed hash per family, small cells suppressed.

Two tables (AVG: pseudonymised data are still personal data, so the export
keeps only what an evaluation reads):

* ``events``: one row per event, with the family as ``HMAC-SHA256(key, key of
  the family)`` (a one-way hash with a key the municipality keeps, so the
  evaluator cannot link it back and nobody without the key can test a guess),
  the pilot, the kind, the *month* (not the day), and the outcome fields an
  evaluation counts (assessment outcome, JZ588 reason code, institution,
  answer); no free text, no actor.
* ``counts``: the number of events per pilot, kind and month, for publishing;
  a count from 1 to ``threshold - 1`` is suppressed (shown as ``None``, written
  ``<10``), as CBS does with small cells (default threshold 10).

>>> rows = [{"pilot": "p", "kind": "plaatsing", "month": "2011-01"}] * 3
>>> suppressed(count_cells(rows), threshold=10)[0]["count"] is None
True
"""

from __future__ import annotations

import csv
import enum
import hashlib
import hmac
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from sociaaldomein.register import events as ev
from sociaaldomein.register.errors import RegisterError

__all__ = [
    "MIN_KEY_BYTES",
    "SUPPRESSION_THRESHOLD",
    "ResearchExport",
    "count_cells",
    "family_hash",
    "research_export",
    "suppressed",
]

SUPPRESSION_THRESHOLD: Final = 10
"""Cells with fewer events than this (and more than none) are suppressed."""

MIN_KEY_BYTES: Final = 16
"""The shortest key accepted for the family hash."""

_OUTCOME_FIELDS: Final = ("uitkomst", "reden_code", "instelling", "antwoord", "soort", "niveau")


def family_hash(key: bytes, gezin: str) -> str:
    """The family's pseudonym in the export: HMAC-SHA256 of its key under ``key``."""
    return hmac.new(key, gezin.encode(), hashlib.sha256).hexdigest()


@attrs.frozen
class ResearchExport:
    """The two tables of the export (see the module's documentation)."""

    events: tuple[dict[str, Any], ...]
    counts: tuple[dict[str, Any], ...]
    threshold: int

    def write(self, folder: Path) -> tuple[Path, Path]:
        """``events.csv`` and ``counts.csv`` in ``folder``; a suppressed count reads ``<10``."""
        folder.mkdir(parents=True, exist_ok=True)
        events_csv, counts_csv = folder / "events.csv", folder / "counts.csv"
        _write(events_csv, ["family", "pilot", "kind", "month", *_OUTCOME_FIELDS], self.events)
        shown = [
            {**c, "count": f"<{self.threshold}" if c["count"] is None else c["count"]}
            for c in self.counts
        ]
        _write(counts_csv, ["pilot", "kind", "month", "count"], shown)
        return events_csv, counts_csv


def _write(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _value(event: ev.Event, name: str) -> Any:
    value = getattr(event, name, None)
    return value.name if isinstance(value, enum.Enum) else value


def research_export(
    recorded: Iterable[tuple[ev.Event, bool]], key: bytes, threshold: int = SUPPRESSION_THRESHOLD
) -> ResearchExport:
    """The export of ``recorded`` (each event with whether it was erased), under ``key``."""
    if len(key) < MIN_KEY_BYTES:
        raise RegisterError(
            f"the export key must be at least {MIN_KEY_BYTES} bytes, got {len(key)}; "
            "keep it apart from the export"
        )
    if threshold < 1:
        raise RegisterError(f"the suppression threshold must be at least 1, got {threshold}")
    rows = []
    for event, _erased in recorded:
        if isinstance(event, ev.Wissing):
            continue
        gezin = getattr(event, "gezin", None)
        row: dict[str, Any] = {
            "family": family_hash(key, gezin) if gezin is not None else None,
            "pilot": event.pilot,
            "kind": event.KIND,
            "month": event.datum.format("YYYY-MM"),
        }
        row.update({name: _value(event, name) for name in _OUTCOME_FIELDS})
        rows.append(row)
    return ResearchExport(tuple(rows), tuple(suppressed(count_cells(rows), threshold)), threshold)


def count_cells(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The number of rows per pilot, kind and month, sorted."""
    counts: dict[tuple[str, str, str], int] = {}
    for row in rows:
        cell = (row["pilot"], row["kind"], row["month"])
        counts[cell] = counts.get(cell, 0) + 1
    return [
        {"pilot": p, "kind": k, "month": m, "count": n} for (p, k, m), n in sorted(counts.items())
    ]


def suppressed(cells: Iterable[dict[str, Any]], threshold: int) -> list[dict[str, Any]]:
    """``cells`` with every count from 1 to ``threshold - 1`` replaced by ``None``."""
    return [{**c, "count": None if 0 < c["count"] < threshold else c["count"]} for c in cells]
