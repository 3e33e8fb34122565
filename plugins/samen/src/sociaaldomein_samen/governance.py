"""Who commissions whom, how long the separate assignment runs, evaluation and termination.

002_3dca2c59337eb1a8.txt:

* "Gezamenlijk proces, veranderstrategie en aansturing": "de gemeente als
  opdrachtgever en WIJ Groningen als opdrachtnemer" (:data:`PARTNERS`).
* "De taak SAMEN, in relatie tot WIJ Groningen en het regionale
  jeugdhulpveld": "De eerste jaren is SAMEN, een aparte opdracht, daarna
  evalueren we en beoordelen we of het onderdeel van de brede opdracht kan
  worden."  The letter gives no end and does not say how many years.  The
  library *assumes* three calendar years, 2023 to 2025 (:data:`END`, a
  parameter, marked as an assumption wherever it shows): the rollout needs
  until the end of 2024 ("Afsluitend"), the Open House safety net runs until
  mid 2025, and one year of full operation gives the evaluation something to
  judge.
* Evaluation moments (the plugin's ``evaluation_moments``; defaults from
  :func:`default_moments`): when SAMEN. should be fully operational (start of
  2025, "Afsluitend"), and six months before the end of the separate
  assignment, the evaluation whether it joins WIJ's broad assignment.  The
  indicators come from what the letter promises families ("Wat levert deze
  beweging op ...") and from the business case.
* Termination: the separate assignment ends at the end of its looptijd; a
  family's trajectory ends when the family needs specialist youth care
  (scaled up, "op- en afgeschaald"), or when its goals are met, "zo licht als
  mogelijk" ("Het grote kader").

>>> from sociaaldomein import Periode
>>> assignment = Periode(pendulum.date(2023, 1, 1), END)
>>> [(d.isoformat(), m.naam) for d, m in evaluation_plan().schedule(assignment)]
[('2025-01-01', 'volledig operationeel'), ('2025-07-01', 'evaluatie aparte opdracht')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import pendulum

from sociaaldomein import (
    Citation,
    DoelenBehaald,
    EindeLooptijd,
    Evaluatiemoment,
    Evaluatieplan,
    Indicator,
    MomentSoort,
    Organisatie,
    PilotEindregel,
    TrajectEindregel,
    UitstroomAlsRegel,
)
from sociaaldomein_samen.letter import (
    AFSLUITEND,
    FASERING,
    GROTE_KADER,
    LETTER,
    OPBRENGST,
    OPDRACHT,
    STUKKEN,
)
from sociaaldomein_samen.rules import SPECIALISTISCH, specialist_need

__all__ = [
    "DECISIONS",
    "END",
    "EVALUATION_BEFORE_END",
    "FULLY_OPERATIONAL",
    "GEMEENTE_GRONINGEN",
    "PARTNERS",
    "WIJ_GRONINGEN",
    "Besluit",
    "default_moments",
    "evaluation_plan",
    "indicators",
    "pilot_termination",
    "trajectory_termination",
]

GEMEENTE_GRONINGEN: Final = Organisatie("Gemeente Groningen", "opdrachtgever")
"""The municipality, which commissions SAMEN. and pays the subsidy."""

WIJ_GRONINGEN: Final = Organisatie("WIJ Groningen", "opdrachtnemer")
"""The neighbourhood teams, which carry out SAMEN."""

PARTNERS: Final[tuple[Organisatie, ...]] = (GEMEENTE_GRONINGEN, WIJ_GRONINGEN)
"""Opdrachtgever and opdrachtnemer ("Gezamenlijk proces, veranderstrategie en aansturing")."""


@attrs.frozen
class Besluit:
    """Who decides what about SAMEN., on which day if the letter gives one."""

    wie: str
    wat: str
    bron: Citation
    datum: pendulum.Date | None = None

    def __str__(self) -> str:
        when = f" on {self.datum.isoformat()}" if self.datum is not None else ""
        return f"{self.wie}{when}: {self.wat} [{self.bron}]"


_INTRO: Final = "inleiding"

DECISIONS: Final[tuple[Besluit, ...]] = (
    Besluit(
        "college van burgemeester en wethouders",
        "stelt het Implementatieplan en de kaders van de opdracht en financiën vast, onder "
        "voorbehoud van wensen en bedenkingen van de raad",
        LETTER.cite(
            _INTRO,
            quote=(
                "Wij hebben op 6 september het Implementatieplan en de kaders van de opdracht en "
                "financiën aan WIJ Groningen vastgesteld onder voorbehoud van eventuele wensen "
                "en bedenkingen vanuit uw raad."
            ),
        ),
        pendulum.date(2022, 9, 6),
    ),
    Besluit(
        "gemeenteraad",
        "geeft wensen en bedenkingen op het Implementatieplan en de kaders, vóór de start",
        LETTER.cite(
            _INTRO,
            quote=(
                "U verzocht ons de resultaten daarvan in het najaar van 2022 aan de raad ter "
                "beoordeling voor te leggen alvorens met de overheveling van taken te starten."
            ),
        ),
    ),
    Besluit(
        "gemeenteraad",
        "besluit over de voorfinanciering (implementatiebudget, voorinvestering) op een "
        "raadsvoorstel",
        LETTER.cite(
            "Hoe wordt de taak SAMEN. gefinancierd?",
            quote="Hiervoor wordt u een raadsvoorstel voorgelegd.",
        ),
    ),
    Besluit(
        "gemeente en WIJ Groningen samen",
        "sturen de implementatie bij: versnellen en vertragen, op basis van opgedane ervaringen",
        LETTER.cite(
            "Gezamenlijk proces, veranderstrategie en aansturing",
            quote=(
                "De gemeente en WIJ Groningen zijn gezamenlijk eigenaar van het implementatieproces"
            ),
        ),
    ),
)
"""Who decides what, in the letter's order.

The college sets the plan and the frame (6 September 2022), subject to the
council's wensen en bedenkingen; the council decides the pre-financing on a
raadsvoorstel; the municipality and WIJ Groningen own the implementation
together and steer it (the phasing plan, ``phasing``, is how a steering
decision enters the library).  The opening paragraphs have no heading: their
citations name the section "inleiding".
"""

FULLY_OPERATIONAL: Final = pendulum.date(2025, 1, 1)
"""The end of the transition: "tot eind 2024 ... volledig operationeel" ("Afsluitend")."""

END: Final = pendulum.date(2026, 1, 1)
"""The library's assumption, not the letter's: an end for the separate assignment.

The letter gives SAMEN. no end: "De eerste jaren is SAMEN, een aparte
opdracht, daarna evalueren we".  The core's looptijd needs an end to place the
evaluation before it, so the library assumes three calendar years (a
parameter, ``end``); the pilot page and the Readings table mark it as assumed.
"""

EVALUATION_BEFORE_END: Final = pendulum.duration(months=6)
"""How long before the end the evaluation falls, so a decision can follow in time."""


def default_moments(
    fully_operational: pendulum.Date = FULLY_OPERATIONAL,
) -> tuple[Evaluatiemoment, ...]:
    """The library's evaluation moments: at full operation, and before the end."""
    return (
        Evaluatiemoment(
            MomentSoort.OP_DATUM,
            "volledig operationeel",
            datum=fully_operational,
            omschrijving=(
                "is SAMEN. fully operational at WIJ Groningen, with every referrer phased in, "
                "and may the Open House safety net end after its minimum"
            ),
            bron=AFSLUITEND,
        ),
        Evaluatiemoment(
            MomentSoort.VOOR_EINDE,
            "evaluatie aparte opdracht",
            voor_einde=EVALUATION_BEFORE_END,
            omschrijving="whether SAMEN. can become part of WIJ Groningen's broad assignment",
            bron=OPDRACHT,
        ),
    )


def indicators() -> tuple[Indicator, ...]:
    """What SAMEN. is evaluated on; the letter names none, so each cites why it is asked."""
    return (
        Indicator(
            "wachttijd",
            "days from the question to the start of help: families should get help sooner",
            "dagen",
            OPBRENGST,
        ),
        Indicator(
            "hulpverleners per gezin",
            "care providers involved per family: fewer professionals in the family",
            "aantal",
            OPBRENGST,
        ),
        Indicator(
            "instroom bij WIJ per verwijzer",
            "the share of new families per referrer that WIJ Groningen takes on, against the "
            "phasing plan, to speed up or slow down",
            "procent",
            FASERING,
        ),
        Indicator(
            "opschaling specialistische jeugdhulp",
            "families referred to the regionally purchased specialist care: as light as "
            "possible, as heavy as necessary",
            "aantal gezinnen",
            GROTE_KADER,
        ),
        Indicator(
            "zorgkosten tegen businesscase",
            "care costs against the counterfactual and the savings the business case expects",
            "euro",
            STUKKEN,
        ),
    )


def evaluation_plan(moments: Sequence[Evaluatiemoment] | None = None) -> Evaluatieplan:
    """The plan on ``moments`` (default :func:`default_moments`) and :func:`indicators`."""
    return Evaluatieplan(
        momenten=default_moments() if moments is None else tuple(moments),
        indicatoren=indicators(),
        omschrijving=(
            "a separate assignment in the first years, then evaluated for inclusion in WIJ "
            "Groningen's broad assignment; a learning system with outside expertise"
        ),
        bron=OPDRACHT,
    )


def pilot_termination() -> tuple[PilotEindregel, ...]:
    """The separate assignment ends at the end of its looptijd, extensions included."""
    return (EindeLooptijd(OPDRACHT),)


def trajectory_termination() -> tuple[TrajectEindregel, ...]:
    """A trajectory ends on scaling up to specialist youth care, or when its goals are met."""
    return (
        UitstroomAlsRegel(
            "opschaling naar specialistische jeugdhulp",
            specialist_need(),
            SPECIALISTISCH,
            OPBRENGST,
        ),
        DoelenBehaald(GROTE_KADER),
    )
