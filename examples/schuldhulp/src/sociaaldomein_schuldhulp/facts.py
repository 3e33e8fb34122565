"""The pilot's own facts, terms and areas: what the core does not know about young adults.

Each fact is declared with :meth:`Feit.declare <sociaaldomein.Feit.declare>`:
a namespaced name (``schuldhulp.``), a type, a description, the section of the
letter it comes from and, for the number of creditors, how long an
observation stays valid.  Its terms extend the core's lists: a problem and a
need of the family, a role of its staff (the doorbraakfunctionaris) and a
funding model (the saneringskrediet).  The plugin hands them to the
composition in ``facts()``; family and cohort files may then hold them.

>>> from sociaaldomein import Gemeente
>>> from sociaaldomein_schuldhulp import SchuldhulpJongeren
>>> sorted(Gemeente(plugins=[SchuldhulpJongeren()]).feiten.declared())[:2]
['schuldhulp.geboortedatum', 'schuldhulp.inkomen']
"""

from __future__ import annotations

from importlib import resources
from typing import Final

import numpy as np
import pendulum

from sociaaldomein import Cohort, Feit, FeitSoort, Gebiedsindeling, Gezin, Term
from sociaaldomein.domain.cohort import Array
from sociaaldomein.domain.observatie import observed_value
from sociaaldomein.io.gebied import loads_gebiedsindeling
from sociaaldomein_schuldhulp.letter import DOELGROEP, DOORBRAAK, SANERING, WERKWIJZE

__all__ = [
    "BESLAG",
    "BUDGETBEHEER",
    "DOORBRAAKFUNCTIONARIS",
    "GEBOORTEDATUM",
    "INKOMEN",
    "JONGVOLWASSENE",
    "SANERINGSKREDIET",
    "SCHULD",
    "SCHULDEISERS",
    "WESTERKWARTIER",
    "declarations",
]

SCHULD: Final = Feit.declare("schuldhulp.schuld", FeitSoort.MONEY, "the total debt", bron=DOELGROEP)
INKOMEN: Final = Feit.declare(
    "schuldhulp.inkomen", FeitSoort.MONEY, "the net income a month", bron=DOELGROEP
)
SCHULDEISERS: Final = Feit.declare(
    "schuldhulp.schuldeisers",
    FeitSoort.NUMBER,
    "the number of creditors",
    bron=DOELGROEP,
    bereik=(0, 500),
    geldig_dagen=90,  # "een vaststelling ouder dan 90 dagen gebruiken wij niet"
)
GEBOORTEDATUM: Final = Feit.declare(
    "schuldhulp.geboortedatum",
    FeitSoort.DATE,
    "the birth date of the young adult who asks for help",
    bron=DOELGROEP,
)

BESLAG: Final = Term("problemen", "schuldhulp.beslag", "beslag op het inkomen", bron=WERKWIJZE)
"""A problem the core's list does not have: a creditor has seized part of the income."""
BUDGETBEHEER: Final = Term(
    "hulpvragen", "schuldhulp.budgetbeheer", "hulp bij budgetbeheer", bron=WERKWIJZE
)
"""A need the core's list does not have."""
DOORBRAAKFUNCTIONARIS: Final = Term(
    "rol", "schuldhulp.doorbraakfunctionaris", "doorbraakfunctionaris", bron=DOORBRAAK
)
"""A role the core's list (:class:`~sociaaldomein.Rol`) does not have: the official who may
depart from the usual procedure when a solution is stuck."""
SANERINGSKREDIET: Final = Term(
    "financieringsmodel",
    "schuldhulp.saneringskrediet",
    "saneringskrediet",
    bron=SANERING,
    description="the municipality pays off the debts at once; the young adult repays it",
)
"""A funding model the core's list (:class:`~sociaaldomein.Financieringsmodel`) does not have."""


def _born(gezin: Gezin) -> pendulum.Date | None:
    value = observed_value(gezin.feiten.get(GEBOORTEDATUM.naam))
    return value if isinstance(value, pendulum.Date) else None


def _young_adult(gezin: Gezin, on: pendulum.Date) -> bool | None:
    born = _born(gezin)
    if born is None:
        return None
    return on.subtract(years=28) < born <= on.subtract(years=18)


def _young_adult_vector(cohort: Cohort, on: pendulum.Date) -> Array:
    born = GEBOORTEDATUM.vector(cohort, on).astype(np.int64)
    oldest, youngest = on.subtract(years=28).toordinal(), on.subtract(years=18).toordinal()
    result: Array = (born > oldest) & (born <= youngest)  # 0 (unknown) is never in range
    return result


JONGVOLWASSENE: Final = Feit(
    "schuldhulp.jongvolwassene",
    "the young adult is 18 to 27 years old",
    FeitSoort.BOOL,
    _young_adult,
    _young_adult_vector,
    reads=(GEBOORTEDATUM.naam,),
    bron=DOELGROEP,
)
"""A fact derived from a declared one: an ordinary :class:`~sociaaldomein.Feit` whose
``reads`` names what it is computed from (it is not declared itself)."""


def _tree() -> Gebiedsindeling:
    data = resources.files(__package__).joinpath("data/gebieden_westerkwartier.toml")
    return loads_gebiedsindeling(data.read_bytes(), "toml", source=str(data))


WESTERKWARTIER: Final = _tree()
"""Gemeente Westerkwartier and the villages the letter names (``data/``; no CBS codes)."""


def declarations() -> list[Feit | Term]:
    """Everything the pilot declares, for ``facts()``."""
    return [
        SCHULD,
        INKOMEN,
        SCHULDEISERS,
        GEBOORTEDATUM,
        BESLAG,
        BUDGETBEHEER,
        DOORBRAAKFUNCTIONARIS,
        SANERINGSKREDIET,
    ]
