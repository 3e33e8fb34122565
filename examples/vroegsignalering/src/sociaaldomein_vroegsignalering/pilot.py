"""The pilot as values: who it is for, who pays, when it ends, when it is evaluated.

Nothing here calls a hook.  Each function returns a plain value of the core
domain that cites a section of the letter; :mod:`.plugin` hands them to the
composition.  Keeping them apart makes every piece testable on its own.

>>> from sociaaldomein.testing import make_gezin
>>> gezin = make_gezin(problemen={"SCHULDEN"})
>>> doelgroep().passes(gezin, pendulum.date(2025, 3, 1))  # no ZRM score yet
False
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
    Evaluatiemoment,
    Evaluatieplan,
    Financieringsmodel,
    HasAny,
    Indicator,
    IsTrue,
    Looptijd,
    MomentSoort,
    Money,
    Opleidingsniveau,
    Organisatie,
    Outcome,
    Pilot,
    PilotEindregel,
    Probleem,
    Professional,
    Rol,
    Route,
    Rule,
    TrajectEindregel,
    UitstroomAlsRegel,
    ZrmDomein,
)
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_vroegsignalering.letter import (
    BEMENSING,
    DOELGROEP,
    EVALUATIE,
    KOSTEN,
    LETTER,
    LOOPTIJD,
    WERKWIJZE,
)

__all__ = [
    "CAPACITY",
    "NAME",
    "budget_lines",
    "doelgroep",
    "evaluation_plan",
    "make_pilot",
    "pilot_termination",
    "routes",
    "trajectory_termination",
]

NAME: Final = "vroegsignalering"
"""The pilot's short name: the key in code, files and on the command line."""

CAPACITY: Final = 30
"""4. Capaciteit en bemensing: "ten hoogste 30 gezinnen tegelijk"."""

PER_JAAR: Final = Money(120_000)
"""6. Kosten: "EUR 120.000 per jaar"."""

BIJDRAGE_CORPORATIE: Final = Money(20_000)
"""6. Kosten: the housing corporation's contribution "over de hele looptijd"."""

WIJKTEAM: Final = Organisatie("Wijkteam Voorbeeldstad", "wijkteam")
GEMEENTE: Final = Organisatie("Gemeente Voorbeeldstad", "gemeente")
STADSBANK: Final = "reguliere schuldhulpverlening (Stadsbank Voorbeeldstad)"
BUDGETCURSUS: Final = "budgetcursus in de wijk"


def make_pilot(capacity: int = CAPACITY) -> Pilot:
    """The pilot as the letter decides it; ``capacity`` may be changed for a what-if."""
    return Pilot(
        naam=NAME,
        titel="Pilot vroegsignalering schulden bij gezinnen met kinderen",
        gemeente="Voorbeeldstad",
        looptijd=Looptijd(pendulum.date(2025, 1, 1), pendulum.date(2027, 1, 1)),
        capaciteit=capacity,
        capaciteit_bron=BEMENSING,
        bemensing=(
            Professional("geldcoach (hbo)", Rol.GEZINSCOACH, "0.8", WIJKTEAM, Opleidingsniveau.HBO),
            Professional("geldcoach (mbo)", Rol.GEZINSCOACH, "0.8", WIJKTEAM, Opleidingsniveau.MBO),
            Professional("projectleider", Rol.PROJECTLEIDER, "0.2", GEMEENTE),
        ),
        partners=(WIJKTEAM, GEMEENTE, Organisatie("Thuis in Voorbeeldstad", "woningcorporatie")),
        brief=LETTER,
        omschrijving=(
            "Geldcoaches visit families with debts and a minor child at home soon after "
            "a signal of payment arrears, before the arrears become problematic debts."
        ),
    )


def doelgroep() -> Rule:
    """2. Doelgroep: debts, a minor child, and ZRM Financien at most 3."""
    return AllOf(
        (
            HasAny(FEITEN.problemen, {Probleem.SCHULDEN}, source=DOELGROEP),
            IsTrue(FEITEN.minderjarig_kind, source=DOELGROEP),
            Compare(FEITEN.zrm[ZrmDomein.FINANCIEN], "<=", 3, source=DOELGROEP),
        ),
        label="a family with debts, a minor child and limited financial self-reliance",
        source=DOELGROEP,
    )


def routes() -> Sequence[Route]:
    """3. Werkwijze: complex debts go straight to the regular schuldhulpverlening."""
    return [
        Route(
            when=IsTrue(FEITEN.complexe_vraag, source=WERKWIJZE, label="the debts are complex"),
            outcome=Outcome.REGULAR_ROUTE,
            to=STADSBANK,
            reason="complex debts are referred to the regular schuldhulpverlening at once",
            source=WERKWIJZE,
        )
    ]


def budget_lines(pilot: Pilot) -> list[Budgetregel]:
    """6. Kosten: EUR 120.000 in every year, and the corporation's EUR 20.000 over the looptijd."""
    gemeente = [
        Budgetregel(
            pilot=pilot.naam,
            omschrijving="geldcoaches en projectleiding",
            bedrag=PER_JAAR,
            financier="Gemeente Voorbeeldstad (schuldhulpverlening)",
            model=Financieringsmodel.PROJECTBUDGET,
            jaar=jaar,
            bron=KOSTEN,
        )
        for jaar in pilot.looptijd.periode.years()
    ]
    corporatie = Budgetregel(
        pilot=pilot.naam,
        omschrijving="bijdrage woningcorporatie",
        bedrag=BIJDRAGE_CORPORATIE,
        financier="Thuis in Voorbeeldstad",
        model=Financieringsmodel.PROJECTBUDGET,
        periode=pilot.looptijd.periode,
        bron=KOSTEN,
    )
    return [*gemeente, corporatie]


def pilot_termination() -> list[PilotEindregel]:
    """5. Looptijd and 6. Kosten: the pilot ends with its looptijd, or when the money is spent."""
    return [EindeLooptijd(LOOPTIJD), BudgetUitgeput(KOSTEN)]


def trajectory_termination() -> list[TrajectEindregel]:
    """3. Werkwijze: step down to the budgetcursus once ZRM Financien is 4 or more."""
    afschaling = Compare(FEITEN.zrm[ZrmDomein.FINANCIEN], ">=", 4, source=WERKWIJZE)
    return [UitstroomAlsRegel("afschaling", afschaling, BUDGETCURSUS, WERKWIJZE)]


def evaluation_plan() -> Evaluatieplan:
    """7. Evaluatie: halfway, and a proposal three months before the end."""
    return Evaluatieplan(
        momenten=(
            Evaluatiemoment(MomentSoort.HALVERWEGE, "tussenevaluatie", bron=EVALUATIE),
            Evaluatiemoment(
                MomentSoort.VOOR_EINDE,
                "voorstel voortzetting",
                voor_einde=pendulum.duration(months=3),
                omschrijving="whether and how the approach continues",
                bron=EVALUATIE,
            ),
        ),
        indicatoren=(
            Indicator("gezinnen bereikt", "families the geldcoaches reach", "gezinnen", EVALUATIE),
            Indicator(
                "betalingsregelingen", "families that agree a payment plan", "gezinnen", EVALUATIE
            ),
            Indicator(
                "huisuitzettingen voorkomen", "evictions prevented", "huisuitzettingen", EVALUATIE
            ),
        ),
        bron=EVALUATIE,
    )


_RENAMED: Final = {
    "CAPACITEIT": "CAPACITY",
    "NAAM": "NAME",
    "financiering": "budget_lines",
    "eindregels": "pilot_termination",
    "trajectregels": "trajectory_termination",
    "evaluatieplan": "evaluation_plan",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
