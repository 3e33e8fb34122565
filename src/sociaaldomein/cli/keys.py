"""The keys of the command line's JSON and CSV: English, the stable interface since 0.2.

The domain's classes keep their Dutch field names (``FundingRow.bedrag``);
what a tool reads from ``--json`` and ``--csv`` is English (``"amount"``).
``--legacy-keys`` gives the 0.1 keys for one release, so that a tool can move
at its own pace; it is deprecated and goes in 0.3.

>>> english({"jaar": 2024, "bedrag": "10.00", "per_pilot": {"jaar": "1.00"}}, keep=("per_pilot",))
{'year': 2024, 'amount': '10.00', 'per_pilot': {'jaar': '1.00'}}
>>> english({"verdicts": {"advies": {"gezin_id": "g-1"}}}, names=("verdicts",))
{'verdicts': {'advies': {'family_id': 'g-1'}}}

Input files keep their Dutch field names (they are the domain's nouns, see
the file formats); only what the commands write is renamed.  The HTTP
service answers with the same English keys.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection
from typing import Any, Final

__all__ = [
    "ENGLISH",
    "REGISTER_AS_WRITTEN",
    "add_legacy_keys",
    "english",
    "keys_for",
    "warn_legacy",
]

ENGLISH: Final[dict[str, str]] = {
    # the funding overview's rows (FundingRow)
    "financier": "funder",
    "jaar": "year",
    "omschrijving": "description",
    "bedrag": "amount",
    "afgeleid": "derived",
    "bron": "source",
    "illustratief": "illustrative",
    # the mandate (Mandaat, MandaatRegel) and the escalation ladder (Escalatieladder, Trede)
    "mandaat": "mandate",
    "escalatieladder": "escalation_ladder",
    "regels": "rows",
    "leefgebied": "life_domain",
    "instelling": "institution",
    "besluiten": "decisions",
    "besluit": "decision",
    "alleen_geselecteerde_gezinnen": "selected_families_only",
    "treden": "levels",
    "niveau": "level",
    "naam": "name",
    "houders": "holders",
    "termijn": "deadline",
    "uitzonderingen": "exceptions",
    "samenwerkingsafspraken": "cooperation_agreements",
    "acties": "actions",
    "budgetopvang": "budget_cover",
    "kenmerken": "characteristics",
    # an advice and the verdict on it (Advies, AdviesOordeel)
    "advies": "advice",
    "geselecteerd": "selected",
    "oordeel": "verdict",
    "reden": "reason",
    "gezin_id": "family_id",
    "datum": "date",
    "wettelijk_toegestaan": "allowed_by_law",
    "wettelijke_grond": "legal_ground",
    "afwijking_grond": "deviation_ground",
    "afgewezen_grond": "rejected_ground",
    # a decision of the council or the college (Besluit), as ``plugins --besluit`` lists it
    "orgaan": "body",
    "kenmerk": "reference",
    "wijzigingen": "changes",
    # a pilot in the service's list of pilots
    "titel": "title",
    # a cohort's summary (``cohort describe``)
    "gemeente": "municipality",
    # the register's answers (``register ... --json``)
    "zaak": "case",
    "adviezen": "advices",
    "opgevolgd": "followed",
    "afwijking": "deviations",
    "geweigerd": "refused",
    "onbeantwoord": "unanswered",
}
"""Every 0.1 key of the command line's output and its English key."""

REGISTER_AS_WRITTEN: Final = ("event", "counts")
"""Keys of the register's answers whose values stay as they are: an event in the event
file's own fields (an input format), and the number of events per kind (``plaatsing``)."""


def english(data: Any, *, keep: Collection[str] = (), names: Collection[str] = ()) -> Any:
    """``data`` with every key of :data:`ENGLISH` renamed, at every depth.

    The values under a key in ``keep`` are data keyed by names (pilots, years,
    funders), not fields, and are left as they are; under a key in ``names``
    the mapping's keys are names (``{PILOT: VERDICT}``), kept, and its values
    are renamed.
    """
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in keep:
                out[ENGLISH.get(k, k)] = v
            elif k in names and isinstance(v, dict):
                out[ENGLISH.get(k, k)] = {
                    name: english(item, keep=keep, names=names) for name, item in v.items()
                }
            else:
                out[ENGLISH.get(k, k)] = english(v, keep=keep, names=names)
        return out
    if isinstance(data, list):
        return [english(v, keep=keep, names=names) for v in data]
    return data


def keys_for(
    args: argparse.Namespace,
    data: Any,
    *,
    keep: Collection[str] = (),
    names: Collection[str] = (),
) -> Any:
    """``data`` with English keys, or as it is with ``--legacy-keys``."""
    if getattr(args, "legacy_keys", False):
        return data
    return english(data, keep=keep, names=names)


def add_legacy_keys(parser: argparse.ArgumentParser) -> None:
    """The option ``--legacy-keys`` (deprecated)."""
    from sociaaldomein import i18n

    parser.add_argument(
        "--legacy-keys",
        action="store_true",
        help=i18n._(
            "the 0.1 keys in --json and --csv (gezin_id, financier, jaar, bedrag); deprecated, "
            "gone in 0.3"
        ),
    )


def warn_legacy(args: argparse.Namespace) -> None:
    """One warning line on standard error when ``--legacy-keys`` is given."""
    from sociaaldomein.cli.common import warn
    from sociaaldomein.i18n import gettext as _

    if getattr(args, "legacy_keys", False):
        warn(
            _(
                "--legacy-keys is deprecated and goes in 0.3: read the English keys "
                "(docs: the command line, output for tools)"
            )
        )
