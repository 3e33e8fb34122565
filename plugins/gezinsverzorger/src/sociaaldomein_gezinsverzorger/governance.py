"""When the pilot and a family's trajectory end, and when and on what the pilot is evaluated.

* The pilot ends after its two years ("Kosten pilot": "deze tweejarige pilot"),
  unless the council extends it (see ``GezinsverzorgerPilot.extend``).
* A family's trajectory ends on step-down (afschaling) to a gezinscoach, once
  its zelfredzaamheid can be strengthened (the same rule as the route, cited to
  "Aansturing": the gezinsverzorgers work with the gezinscoaches "tijdens de
  afschaling van de hulp"), or when its goals are met: the gezinsverzorger takes
  over "(tijdelijk)" ("Initiatiefvoorstel").
* Evaluation: a tussenevaluatie halfway and, before the end, a proposal whether
  and how to embed the role ("Kosten pilot"); the pilot joins the regional
  monitoring of gezinsverzorger pilots ("Monitoring").  The letter names no
  indicators; :func:`indicators` chooses them from what the letter wants to
  learn, each citing the section that asks for it.

>>> from sociaaldomein_gezinsverzorger.funding import LOOPTIJD
>>> plan = evaluation_plan()
>>> [(day.isoformat(), m.naam) for day, m in plan.schedule(LOOPTIJD)]
[('2022-10-01', 'tussenevaluatie'), ('2023-07-01', 'voorstel borging')]
"""

from __future__ import annotations

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
    PilotEindregel,
    Rule,
    TrajectEindregel,
    UitstroomAlsRegel,
)
from sociaaldomein_gezinsverzorger.letter import (
    AANSTURING,
    AANTAL_GEZINNEN,
    BEMENSING,
    EVALUATIE,
    INITIATIEFVOORSTEL,
    INLEIDING,
    INZET_VRIJWILLIGERS,
    KOSTEN_PILOT,
    LETTER,
    MONITORING,
    ZWARE_ZORG,
)
from sociaaldomein_gezinsverzorger.rules import GEZINSCOACH

__all__ = [
    "COUNCIL_INFORMED",
    "INITIATIEFNEMERS",
    "PROPOSAL_BEFORE_END",
    "Informatiemoment",
    "evaluation_plan",
    "indicators",
    "pilot_termination",
    "trajectory_termination",
]

PROPOSAL_BEFORE_END: Final = pendulum.duration(months=3)
"""How long before the end the proposal on embedding falls: the letter says only "voor het
aflopen van de pilot", so this is the library's reading (the core's usual three months)."""


INITIATIEFNEMERS: Final[tuple[str, ...]] = ("100% Groningen", "GroenLinks", "SP", "PvdA")
"""The parties whose initiatiefvoorstel of November 2020 asked for the two-year pilot (opening)."""

_INITIATIEFNEMERS_BRON: Final = LETTER.cite(
    INLEIDING.section,
    quote=(
        "In november 2020 is er een initiatiefvoorstel ingediend voor een 2 jaar durende pilot "
        "'de gezinsverzorger' door 100% Groningen, GroenLinks, SP en PvdA."
    ),
)


@attrs.frozen
class Informatiemoment:
    """When the college informs whom about what: the letter's promises to the council."""

    wanneer: str
    over: str
    aan: str
    bron: Citation

    def __str__(self) -> str:
        return f"{self.wanneer}: {self.aan} is informed about {self.over} [{self.bron}]"


_DICTUM: Final = LETTER.cite(
    EVALUATIE.section,
    quote=(
        "Het college zal uw raad, conform het genoemde in het dictum van het "
        "initiatiefvoorstel, gedurende de pilot op de hoogte houden van de vorderingen."
    ),
)

COUNCIL_INFORMED: Final[tuple[Informatiemoment, ...]] = (
    Informatiemoment("gedurende de pilot", "de vorderingen", "de gemeenteraad", _DICTUM),
    Informatiemoment("halverwege de pilot", "een tussenevaluatie", "de gemeenteraad", EVALUATIE),
    Informatiemoment(
        "voor het aflopen van de pilot",
        "een voorstel of en hoe de praktijkkennis binnen de jeugdhulp geborgd kan worden",
        "de gemeenteraad",
        EVALUATIE,
    ),
    Informatiemoment(
        "als er kansen zijn",
        "een combinatie van een professional met een vrijwilliger in één gezin",
        "de gemeenteraad",
        INZET_VRIJWILLIGERS,
    ),
)
"""The college informs the council: throughout, halfway, before the end, and on volunteers.

"Kosten pilot" (its last paragraph) and "Inzet vrijwilligers": "Indien we
hiervoor kansen of mogelijkheden zien binnen dit project zullen we u hierover
informeren".  The council decides nothing further in this letter; it is kept informed.
"""


def indicators(*, volunteers: bool = False) -> tuple[Indicator, ...]:
    """What the pilot is evaluated on; the letter names none, so each cites why it is asked.

    :param volunteers: add the number of families with a Humanitas volunteer,
        for a pilot that allows one ("Inzet vrijwilligers").
    """
    chosen = [
        Indicator(
            "gezinnen begeleid",
            "families supported at the same time, against the 8 to 10 the professionals can "
            "carry: enough to learn what should follow",
            "aantal gezinnen",
            AANTAL_GEZINNEN,
        ),
        Indicator(
            "zelfredzaamheid huishouden",
            "change of the ZRM levels on the household domains between the start and the end "
            "of a trajectory: the measure the choice of coach or gezinsverzorger rests on",
            "ZRM-niveau",
            INITIATIEFVOORSTEL,
        ),
        Indicator(
            "afschaling naar gezinscoach",
            "trajectories ended by step-down to a gezinscoach",
            "aantal trajecten",
            AANSTURING,
        ),
        Indicator(
            "zware zorg",
            "families whose heavy care was avoided or reduced, the source of the savings "
            "expected in 2022 and 2023",
            "aantal gezinnen",
            ZWARE_ZORG,
        ),
        Indicator(
            "resultaat per opleidingsniveau",
            "the results of the MBO and of the HBO gezinsverzorger, to learn whether level "
            "or competences decide",
            "per opleidingsniveau",
            BEMENSING,
        ),
        Indicator(
            "kosten tegen plan",
            "spending against the monthly plan of EUR 14.000 (derived from the yearly amounts)",
            "euro",
            KOSTEN_PILOT,
        ),
    ]
    if volunteers:
        chosen.append(
            Indicator(
                "gezinnen met vrijwilliger",
                "families where a Humanitas volunteer works beside a professional",
                "aantal gezinnen",
                INZET_VRIJWILLIGERS,
            )
        )
    return tuple(chosen)


def evaluation_plan(
    *, proposal_before_end: pendulum.Duration = PROPOSAL_BEFORE_END, volunteers: bool = False
) -> Evaluatieplan:
    """The evaluation plan: halfway, before the end, on :func:`indicators`, regionally monitored."""
    momenten = (
        Evaluatiemoment(
            MomentSoort.HALVERWEGE,
            "tussenevaluatie",
            omschrijving="the council is informed halfway with an interim evaluation",
            bron=EVALUATIE,
        ),
        Evaluatiemoment(
            MomentSoort.VOOR_EINDE,
            "voorstel borging",
            voor_einde=proposal_before_end,
            omschrijving=(
                "a proposal whether and how the practice of gezinsverzorging is embedded in "
                "youth care in Groningen"
            ),
            bron=EVALUATIE,
        ),
    )
    return Evaluatieplan(
        momenten=momenten,
        indicatoren=indicators(volunteers=volunteers),
        omschrijving=(
            "joins the regional monitoring of the gezinsverzorger pilots, so that the region "
            "learns from one another"
        ),
        bron=MONITORING,
    )


def pilot_termination() -> tuple[PilotEindregel, ...]:
    """The pilot ends at the end of its looptijd (two years), extensions included."""
    return (EindeLooptijd(KOSTEN_PILOT),)


def trajectory_termination(strengthen: Rule) -> tuple[TrajectEindregel, ...]:
    """A trajectory ends on step-down to a gezinscoach (when ``strengthen`` holds) or goals met."""
    return (
        UitstroomAlsRegel("afschaling naar gezinscoach", strengthen, GEZINSCOACH, AANSTURING),
        DoelenBehaald(INITIATIEFVOORSTEL),
    )
