"""The pilot as values: who it is for, where, who pays, when it ends.

Its rule reads the facts of :mod:`.facts` as it reads the core's: a debt of
at least EUR 1.000 (an amount, compared with :class:`~sociaaldomein.Money`), at
least two creditors (an observation of at most 90 days old), an income of at
most EUR 1.600 a month, 18 to 27 years old, and living in gemeente
Westerkwartier (an area rule on the pilot's own tree).  Its staff include a
role and its budget a funding model that the core does not have, declared in
:mod:`.facts`.

>>> import pendulum
>>> from sociaaldomein import Observatie
>>> from sociaaldomein.testing import make_gezin
>>> gezin = make_gezin(wijk="Zuidhorn", feiten={
...     "schuldhulp.schuld": Money("4200.00"), "schuldhulp.inkomen": Money("1100.00"),
...     "schuldhulp.schuldeisers": Observatie(3, pendulum.date(2025, 5, 1)),
...     "schuldhulp.geboortedatum": pendulum.date(2003, 8, 1)})
>>> doelgroep().passes(gezin, pendulum.date(2025, 6, 1))
True
>>> print(doelgroep().explain(gezin, pendulum.date(2025, 9, 1)).outdated_nodes()[0].observed)
schuldhulp.schuldeisers of 2025-05-01 is older than 90 days
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import pendulum

from sociaaldomein import (
    FEITEN,
    AllOf,
    Budgetregel,
    BudgetUitgeput,
    Compare,
    EindeLooptijd,
    Escalatieladder,
    Financieringsmodel,
    HasAny,
    InGebied,
    IsTrue,
    Looptijd,
    Money,
    Organisatie,
    Outcome,
    Pilot,
    PilotEindregel,
    Professional,
    Rol,
    Route,
    Rule,
    Trede,
)
from sociaaldomein_schuldhulp.facts import (
    BESLAG,
    DOORBRAAKFUNCTIONARIS,
    INKOMEN,
    JONGVOLWASSENE,
    SANERINGSKREDIET,
    SCHULD,
    SCHULDEISERS,
    WESTERKWARTIER,
)
from sociaaldomein_schuldhulp.letter import (
    CAPACITEIT,
    DOELGROEP,
    DOORBRAAK,
    GEBIED,
    KOSTEN,
    LETTER,
    LOOPTIJD,
    SANERING,
    WERKWIJZE,
)

__all__ = [
    "CAPACITY",
    "NAME",
    "budget_lines",
    "doelgroep",
    "escalation",
    "make_pilot",
    "routes",
]

NAME: Final = "schuldhulp-jongeren"
"""The pilot's short name: the key in code, files and on the command line."""

CAPACITY: Final = 25
"""5. Capaciteit: "ten hoogste 25 jongeren tegelijk"."""

PER_JAAR: Final = Money(80_000)
"""7. Kosten: "EUR 80.000 per jaar"."""

SANERING_PER_JAAR: Final = Money(10_000)
"""7. Kosten: "EUR 10.000 per jaar voor saneringskredieten"."""

GEMEENTE: Final = Organisatie("Gemeente Westerkwartier (voorbeeld)", "gemeente")
REGULIER: Final = "reguliere schuldhulpverlening (Wgs) van de gemeente"


def make_pilot(capacity: int = CAPACITY) -> Pilot:
    """The pilot as the letter decides it; ``capacity`` may be changed for a what-if."""
    return Pilot(
        naam=NAME,
        titel="Pilot schuldhulp voor jongvolwassenen",
        gemeente="Westerkwartier",
        looptijd=Looptijd(pendulum.date(2025, 4, 1), pendulum.date(2027, 4, 1)),
        capaciteit=capacity,
        capaciteit_bron=CAPACITEIT,
        bemensing=(
            Professional("schuldhulpmaatje", Rol.VRIJWILLIGER, "0", GEMEENTE),
            # 8. Doorbraak: a role of the pilot's own, declared as a Term of "rol"
            Professional("doorbraakfunctionaris", DOORBRAAKFUNCTIONARIS, "0.2", GEMEENTE),
        ),
        partners=(GEMEENTE,),
        brief=LETTER,
        omschrijving=(
            "A schuldhulpmaatje sees young adults with young debts within two weeks, "
            "before the debts grow (an example: the letter is invented)."
        ),
    )


def doelgroep() -> Rule:
    """2. Doelgroep and 4. Gebied: who the pilot is for."""
    return AllOf(
        (
            IsTrue(JONGVOLWASSENE, source=DOELGROEP),
            Compare(SCHULD, ">=", Money(1000), source=DOELGROEP),
            Compare(SCHULDEISERS, ">=", 2, source=DOELGROEP),
            Compare(INKOMEN, "<=", Money(1600), source=DOELGROEP),
            InGebied(WESTERKWARTIER, ["Westerkwartier"], source=GEBIED),
        ),
        label="a young adult in Westerkwartier with young debts and a low income",
        source=DOELGROEP,
    )


def routes() -> Sequence[Route]:
    """3. Werkwijze: a seized income goes to the regular schuldhulpverlening at once."""
    return [
        Route(
            when=HasAny(FEITEN.problemen, [BESLAG], source=WERKWIJZE),
            outcome=Outcome.REGULAR_ROUTE,
            to=REGULIER,
            reason="with beslag on the income the regular schuldhulpverlening takes over",
            source=WERKWIJZE,
        )
    ]


def budget_lines(pilot: Pilot) -> list[Budgetregel]:
    """7. Kosten: EUR 80.000 and EUR 10.000 for saneringskredieten in every year of the
    looptijd; the credits under a funding model of the pilot's own."""
    years = pilot.looptijd.periode.years()
    funder = "Gemeente Westerkwartier (schuldhulpverlening)"
    return [
        *(
            Budgetregel(
                pilot=pilot.naam,
                omschrijving="schuldhulpmaatjes en coördinatie",
                bedrag=PER_JAAR,
                financier=funder,
                model=Financieringsmodel.PROJECTBUDGET,
                jaar=jaar,
                bron=KOSTEN,
            )
            for jaar in years
        ),
        *(
            Budgetregel(
                pilot=pilot.naam,
                omschrijving="saneringskredieten",
                bedrag=SANERING_PER_JAAR,
                financier=funder,
                model=SANERINGSKREDIET,
                jaar=jaar,
                bron=SANERING,
            )
            for jaar in years
        ),
    ]


def escalation() -> Escalatieladder:
    """8. Doorbraak: what the maatje cannot solve goes to the doorbraakfunctionaris.

    A level's holders are text; a declared role is written by its label.
    """
    return Escalatieladder(
        (
            Trede(1, "maatje", ("schuldhulpmaatje",), None, bron=DOORBRAAK),
            Trede(
                2,
                "doorbraak",
                (DOORBRAAKFUNCTIONARIS.label,),
                # "binnen vijf werkdagen": a calendar week
                pendulum.duration(days=7),
                "may depart from the usual procedure on behalf of the municipality",
                bron=DOORBRAAK,
            ),
        ),
        bron=DOORBRAAK,
    )


def pilot_termination() -> list[PilotEindregel]:
    """6. Looptijd and 7. Kosten: the pilot ends with its looptijd, or when the money is spent."""
    return [EindeLooptijd(LOOPTIJD), BudgetUitgeput(KOSTEN)]
