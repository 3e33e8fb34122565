"""The plugin: the pilot gezinsverzorger of Groningen, answering the sociaaldomein hooks.

Loaded from its entry point the class is built without arguments, so every
default below is the letter's reading (000_6fd8bb18cab06410.txt).  Composed in
code, keyword parameters change a reading, for example to compare designs:

>>> from sociaaldomein import Gemeente
>>> groningen = Gemeente(plugins=[GezinsverzorgerPilot(),
...                               GezinsverzorgerPilot(name="gezinsverzorger-8", capacity=8)])
>>> sorted((name, pilot.capaciteit) for name, pilot in groningen.pilots.items())
[('gezinsverzorger', 10), ('gezinsverzorger-8', 8)]

The letter gives the pilot no functional mandate and no escalation ladder, so
:meth:`~sociaaldomein.PilotPlugin.mandate` and
:meth:`~sociaaldomein.PilotPlugin.escalation` keep their default, ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

import pendulum

from sociaaldomein import (
    Budgetregel,
    Evaluatieplan,
    InvalidValueError,
    Kostenmodel,
    Looptijd,
    Money,
    Note,
    Pilot,
    PilotEindregel,
    PilotPlugin,
    Professional,
    Reading,
    Route,
    Rule,
    TrajectEindregel,
    ZrmDomein,
)
from sociaaldomein.parameters import Between
from sociaaldomein_gezinsverzorger import funding, governance, rules
from sociaaldomein_gezinsverzorger.letter import AANTAL_GEZINNEN, LETTER
from sociaaldomein_gezinsverzorger.messages import _
from sociaaldomein_gezinsverzorger.readings import READINGS
from sociaaldomein_gezinsverzorger.staffing import (
    AANSTURING_PILOT,
    HUMANITAS_VRIJWILLIGER,
    LETTER_STAFF,
    PARTNERS,
    check_staffing,
)

__all__ = ["CAPACITY", "GezinsverzorgerPilot"]

CAPACITY = 10
"""Families at once: "maximaal 8 á 10" ("Aantal gezinnen"); the default takes the upper bound."""


class GezinsverzorgerPilot(PilotPlugin):
    """The pilot gezinsverzorger (000_6fd8bb18cab06410.txt) as a sociaaldomein plugin.

    :param name: the pilot's key; another name lets two designs run side by side.
    :param capacity: families the two professionals carry at once.  The letter
        says "maximaal 8 á 10" ("Aantal gezinnen"); the default is 10.
    :param start: first day of the pilot; derived 1 October 2021 (:data:`.funding.LOOPTIJD`).
    :param end: the day after the last day; derived 1 October 2023, two years on.
    :param household_domains: the ZRM domains the choice between gezinscoach and
        gezinsverzorger looks at; the library's reading of "Initiatiefvoorstel"
        (:data:`.rules.HOUSEHOLD_DOMAINS`).
    :param zrm_threshold: the ZRM level, now or achievable, from which a domain
        counts as strengthenable; default 3, "beperkt zelfredzaam".
    :param require_zrm: make a recent ZRM assessment a condition of eligibility;
        default ``False``: the letter makes only the choice of coach depend on it.
    :param staff: the professionals; default the letter's two positions
        (:data:`.staffing.LETTER_STAFF`).
    :param vrijwilliger_vanaf_jaar_twee: add a Humanitas volunteer (fte 0) beside
        a professional in a family from the second year.  Default ``False``: the
        letter only says this will be investigated ("Inzet vrijwilligers").
    :param proposal_before_end: how long before the end the proposal on embedding
        falls; the letter says only "voor het aflopen", default three months.
    """

    def __init__(
        self,
        name: str = "gezinsverzorger",
        *,
        capacity: Annotated[int, Between(0, 10**7)] = CAPACITY,
        start: pendulum.Date = funding.LOOPTIJD.start,
        end: pendulum.Date = funding.LOOPTIJD.end,
        household_domains: Sequence[ZrmDomein] = rules.HOUSEHOLD_DOMAINS,
        zrm_threshold: Annotated[int, Between(1, 5)] = rules.ZRM_THRESHOLD,
        require_zrm: bool = False,
        staff: Sequence[Professional] = LETTER_STAFF,
        vrijwilliger_vanaf_jaar_twee: bool = False,
        proposal_before_end: pendulum.Duration = governance.PROPOSAL_BEFORE_END,
    ) -> None:
        self.household_domains = _domains(household_domains)
        self.zrm_threshold = _level(zrm_threshold)
        self.require_zrm = require_zrm
        self.vrijwilliger_vanaf_jaar_twee = vrijwilliger_vanaf_jaar_twee
        self.proposal_before_end = proposal_before_end
        volunteers = (HUMANITAS_VRIJWILLIGER,) if vrijwilliger_vanaf_jaar_twee else ()
        self.pilot = Pilot(
            naam=name,
            titel="Pilot gezinsverzorger",
            gemeente="Groningen",
            looptijd=Looptijd(start, end),
            capaciteit=capacity,
            capaciteit_bron=AANTAL_GEZINNEN,
            bemensing=(*_professionals(staff), *volunteers),
            partners=PARTNERS,
            brief=LETTER,
            omschrijving=(
                "A gezinsverzorger (temporarily) takes over running the household and part of "
                f"the upbringing in families where a parent has chronic problems; "
                f"{AANSTURING_PILOT}."
            ),
        )
        self.eligibility_rule: Rule = rules.eligibility(require_zrm=require_zrm)
        # Only a recent ZRM may send a family to the lighter gezinscoach
        # (ZRM_MAX_AGE_DAYS): an old score is named in the verdict and not used.
        self.gezinscoach_rule: Rule = rules.gezinscoach_rule(
            rules.can_be_strengthened(self.household_domains, self.zrm_threshold)
        )

    # what the letter gives besides the hooks --------------------------------

    @property
    def vrijwilliger_vanaf(self) -> pendulum.Date | None:
        """From when a volunteer may join a family: year two, or ``None`` when not allowed."""
        if not self.vrijwilliger_vanaf_jaar_twee:
            return None
        return self.pilot.looptijd.start.add(years=1)

    def staffing_problems(self) -> tuple[Note, ...]:
        """How the pilot's staff falls short of "Bemensing pilot" (empty: it does not)."""
        return check_staffing(self.pilot.bemensing)

    def monthly_plan(self) -> tuple[tuple[pendulum.Date, Money], ...]:
        """The *derived* monthly plan over the looptijd as first decided (EUR 14.000 a month)."""
        return funding.monthly_plan(self.pilot.looptijd.oorspronkelijke_periode)

    def readings(self) -> tuple[Reading, ...]:
        """How this plugin reads letter 000, for the pilot page's Readings table."""
        return READINGS

    # what the letter says, for the hooks of PilotPlugin ------------------------

    def eligibility(self) -> Rule:
        """Chronic problems of a parent, a household to take over, a child under 18.

        "Bemensing pilot", "Initiatiefvoorstel" and "Kosten pilot" (:func:`.rules.eligibility`).
        """
        return self.eligibility_rule

    def routes(self) -> Sequence[Route]:
        """To a gezinscoach when the family's zelfredzaamheid can be strengthened.

        "Initiatiefvoorstel" (:func:`.rules.can_be_strengthened`).
        """
        return [rules.gezinscoach_route(self.gezinscoach_rule)]

    def funding(self) -> Sequence[Budgetregel]:
        """The three yearly amounts of "Kosten pilot"; staff costs are the same money."""
        return funding.budget_lines(self.pilot.naam)

    def cost_model(self) -> Kostenmodel:
        """The two professionals, EUR 14.000 a month whoever is in care (*derived*).

        "Kosten pilot" (:func:`.funding.cost_model`).
        """
        return funding.cost_model()

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The end of the looptijd, extensions included."""
        return governance.pilot_termination()

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        """Step-down to a gezinscoach, or goals met."""
        return governance.trajectory_termination(self.gezinscoach_rule)

    def evaluation_plan(self) -> Evaluatieplan:
        """Halfway and before the end ("Kosten pilot"), and the regional "Monitoring"."""
        return governance.evaluation_plan(
            proposal_before_end=self.proposal_before_end,
            volunteers=self.vrijwilliger_vanaf_jaar_twee,
        )

    def __repr__(self) -> str:
        return (
            f"GezinsverzorgerPilot(name={self.pilot.naam!r}, capacity={self.pilot.capaciteit}, "
            f"looptijd={self.pilot.looptijd.periode})"
        )


# Parameters arrive from code and from plain data (a PluginSpec), so they are
# checked as the objects they are, and a wrong one is named as the parameter.


def _domains(value: Sequence[ZrmDomein]) -> tuple[ZrmDomein, ...]:
    items: tuple[object, ...] = tuple(value)
    field = "GezinsverzorgerPilot.household_domains"
    if not items:
        raise InvalidValueError(field, _("must name at least one ZRM domain"))
    domains = tuple(d for d in items if isinstance(d, ZrmDomein))
    if len(domains) != len(items):
        wrong = next(d for d in items if not isinstance(d, ZrmDomein))
        raise InvalidValueError(
            field, _("must hold ZrmDomein members, got {value}", value=repr(wrong))
        )
    if len(set(domains)) != len(domains):
        raise InvalidValueError(field, _("names a domain twice"))
    return domains


def _level(value: int) -> int:
    raw: object = value
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 5:
        raise InvalidValueError(
            "GezinsverzorgerPilot.zrm_threshold",
            _("must be a ZRM level, a whole number from 1 to 5, got {value}", value=repr(value)),
        )
    return raw


def _professionals(value: Sequence[Professional]) -> tuple[Professional, ...]:
    items: tuple[object, ...] = tuple(value)
    staff = tuple(p for p in items if isinstance(p, Professional))
    if len(staff) != len(items):
        i, wrong = next((i, p) for i, p in enumerate(items) if not isinstance(p, Professional))
        raise InvalidValueError(
            f"GezinsverzorgerPilot.staff[{i}]",
            _("must be a Professional, got {value}", value=repr(wrong)),
        )
    return staff
