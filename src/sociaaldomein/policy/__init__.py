"""Rules over time: decisions that change pilots from a date, their impact, and policy cases.

A :class:`~sociaaldomein.Besluit` of the council or the college changes pilots
from a date; :meth:`Gemeente.apply <sociaaldomein.Gemeente.apply>` gives each
pilot it touches dated versions, and a verdict on a date uses the version in
force then and says which, and why.  :func:`load_besluiten` reads decisions from
a TOML file; :func:`compare` simulates a composition before and after a change
(:mod:`sociaaldomein.policy.impact`); :mod:`sociaaldomein.policy.cases` runs the
test cases a policy officer writes.
"""

from __future__ import annotations

from sociaaldomein.domain.besluit import (
    Besluit,
    Financiering,
    Geldigheid,
    KostenWijziging,
    LooptijdWijziging,
    Orgaan,
    ParameterWijziging,
    RegelWijziging,
    Wijziging,
)
from sociaaldomein.domain.compiled import Versie
from sociaaldomein.policy.files import apply_file, load_besluiten, loads_besluiten
from sociaaldomein.policy.impact import FIGURES, Impact, VerdictChange, compare

__all__ = [
    "FIGURES",
    "Besluit",
    "Financiering",
    "Geldigheid",
    "Impact",
    "KostenWijziging",
    "LooptijdWijziging",
    "Orgaan",
    "ParameterWijziging",
    "RegelWijziging",
    "VerdictChange",
    "Versie",
    "Wijziging",
    "apply_file",
    "compare",
    "load_besluiten",
    "loads_besluiten",
]
