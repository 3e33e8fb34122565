"""The plugin: SAMEN. at WIJ Groningen, answering the sociaaldomein hooks.

Loaded from its entry point the class is built without arguments, so every
default below is the letter's reading (002_3dca2c59337eb1a8.txt) or, where the
letter is silent, the library's, said so in each parameter.  SAMEN. has no
capacity (the lumpsum covers all basic youth care), no functional mandate and
no escalation ladder, so :meth:`~sociaaldomein.PilotPlugin.mandate` and
:meth:`~sociaaldomein.PilotPlugin.escalation` keep their default, ``None``.

>>> from sociaaldomein import Gemeente
>>> groningen = Gemeente(plugins=[SamenPilot()])
>>> [route.to for route in groningen.compiled("samen").routes]
['specialistische jeugdhulp (regionaal ingekocht)', 'Open House aanbieders op indicatie']
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence

import pendulum

from sociaaldomein import (
    Budgetregel,
    Evaluatiemoment,
    Evaluatieplan,
    InvalidValueError,
    Kostenmodel,
    Looptijd,
    Lumpsum,
    Money,
    Periode,
    Pilot,
    PilotEindregel,
    PilotPlugin,
    ProductVolume,
    Reading,
    Route,
    Rule,
    TrajectEindregel,
    Verwijzer,
    lumpsum_from_counterfactual,
)
from sociaaldomein_samen import funding, governance, rules, safety_net
from sociaaldomein_samen.letter import LETTER
from sociaaldomein_samen.messages import _
from sociaaldomein_samen.phasing import DEFAULT_PHASING, START, phase_in_date, regular_route
from sociaaldomein_samen.readings import READINGS

__all__ = ["Phasing", "SamenPilot"]

Phasing = Mapping[Verwijzer, datetime.date] | Mapping[str, datetime.date]
"""A phasing plan: referrer (a member, its name or its COD327 code) to the day it is phased in.

Names and codes let a plan come from plain data, such as a scenario file or a
:class:`~sociaaldomein.PluginSpec`; dates may be plain ``datetime.date``.
"""


class SamenPilot(PilotPlugin):
    """SAMEN. (002_3dca2c59337eb1a8.txt) as a sociaaldomein plugin.

    :param name: the pilot's key; another name lets two designs run side by side.
    :param start: WIJ Groningen starts on 1 January 2023 (the letter).
    :param end: the end of the separate assignment.  The letter gives SAMEN. no
        end ("de eerste jaren", then an evaluation); 1 January 2026 is the
        library's assumption (:data:`.governance.END`, :mod:`.readings`).
    :param phasing: from which day each referrer's new families go to WIJ; the
        letter gives only start and end, the dates between are the library's
        (:data:`.phasing.DEFAULT_PHASING`).  A referrer left out is never phased in.
    :param unknown_referrer_as: the referrer a family without one counts as;
        default the gemeente (WIJ is the access), ``None``: the regular route.
    :param open_house_until: the first day without Open House contracts, once
        decided; the letter says "tenminste 2,5 jaar" after the start, a minimum
        (1 July 2025, the earliest allowed) and no end, so the default ``None``
        keeps them in force.
    :param fully_operational: the end of the transition, "tot eind 2024"
        ("Afsluitend"): 1 January 2025.
    :param counterfactual: a year of indicated care the lumpsum replaces, P x Q;
        *illustrative* default, the letter gives no amounts.
    :param voorinvestering: the implementation budget, in the year before the
        start; *illustrative* default.
    :param incidenteel_budget: the transition budget, over the transition;
        *illustrative* default.
    :param business_case: the assumptions of the business case; *illustrative*.
    :param evaluation_moments: default :func:`.governance.default_moments`.
    """

    def __init__(
        self,
        name: str = "samen",
        *,
        start: pendulum.Date = START,
        end: pendulum.Date = governance.END,
        phasing: Phasing = DEFAULT_PHASING,
        unknown_referrer_as: Verwijzer | str | None = Verwijzer.GEMEENTE,
        open_house_until: pendulum.Date | None = None,
        fully_operational: pendulum.Date = governance.FULLY_OPERATIONAL,
        counterfactual: Sequence[ProductVolume] = funding.ILLUSTRATIVE_COUNTERFACTUAL,
        voorinvestering: Money = funding.ILLUSTRATIVE_VOORINVESTERING,
        incidenteel_budget: Money = funding.ILLUSTRATIVE_INCIDENTEEL_BUDGET,
        business_case: funding.BusinessCase = funding.DEFAULT_BUSINESS_CASE,
        evaluation_moments: Sequence[Evaluatiemoment] | None = None,
    ) -> None:
        self.pilot = Pilot(
            naam=name,
            titel="SAMEN. (basisjeugdhulp bij WIJ Groningen)",
            gemeente="Groningen",
            looptijd=Looptijd(start, end),
            partners=governance.PARTNERS,
            brief=LETTER,
            omschrijving=(
                "WIJ Groningen itself delivers basic youth care (begeleiding, lichte behandeling) "
                "that contracted providers delivered on indicatie, for a lumpsum subsidy."
            ),
        )
        self.open_house_until = (
            None if open_house_until is None else _open_house_until(open_house_until, start)
        )
        # A referrer must be phased in while the safety net is sure to be there.
        self.phasing: Mapping[Verwijzer, pendulum.Date] = _phasing(
            phasing, self.open_house_until or safety_net.open_house_end_floor(start)
        )
        self.unknown_referrer_as = (
            None
            if unknown_referrer_as is None
            else _referrer(unknown_referrer_as, "SamenPilot.unknown_referrer_as")
        )
        self.transitie = Periode(start, fully_operational)
        self.counterfactual = tuple(counterfactual)
        self.voorinvestering = voorinvestering
        self.incidenteel_budget = incidenteel_budget
        self.business_case = business_case
        self.evaluation_moments = (
            governance.default_moments(fully_operational)
            if evaluation_moments is None
            else tuple(evaluation_moments)
        )
        self.eligibility_rule: Rule = rules.eligibility()
        self._routes: tuple[Route, ...] = (
            rules.specialist_route(),
            regular_route(self.phasing, self.unknown_referrer_as),
        )

    # what the letter gives besides the hooks --------------------------------

    def phase_in_date(self, verwijzer: Verwijzer | None) -> pendulum.Date | None:
        """From which day new families of ``verwijzer`` go to WIJ (``None``: never)."""
        return phase_in_date(verwijzer, self.phasing, self.unknown_referrer_as)

    def open_house_in_force(self, on: pendulum.Date) -> bool:
        """Whether the Open House safety net is in force on ``on``: always, unless an end is set."""
        return safety_net.open_house_in_force(on, self.open_house_until)

    def lumpsum(self) -> Lumpsum:
        """The yearly lumpsum, P x Q over the counterfactual (*illustrative* by default)."""
        return lumpsum_from_counterfactual(self.counterfactual)

    def payback_year(self) -> int | None:
        """The year the pre-investment and transition budget are earned back, or ``None``."""
        return funding.payback(
            self.voorinvestering + self.incidenteel_budget,
            self.lumpsum().bedrag,
            self.business_case,
        )

    # what the letter says, for the hooks of PilotPlugin ------------------------

    def eligibility(self) -> Rule:
        """A jeugdige with a youth-care need: WIJ Groningen is the access.

        "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen" (:func:`.rules.eligibility`).
        """
        return self.eligibility_rule

    def routes(self) -> Sequence[Route]:
        """Specialist youth care first, then the regular route for referrers not phased in.

        "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld" and
        "Gezamenlijk proces, veranderstrategie en aansturing".
        """
        return self._routes

    def funding(self) -> Sequence[Budgetregel]:
        """A lumpsum per year of the assignment, the pre-investment, the transition budget.

        "Hoe wordt de taak SAMEN. gefinancierd?" and "Welke stukken leggen wij nu aan u
        voor"; the amounts are *illustrative* by default.
        """
        looptijd = self.pilot.looptijd
        return funding.budget_lines(
            self.pilot.naam,
            years=looptijd.periode.years(),
            counterfactual=self.counterfactual,
            voorinvestering=self.voorinvestering,
            voorinvestering_jaar=looptijd.start.year - 1,
            incidenteel_budget=self.incidenteel_budget,
            transitie=self.transitie,
        )

    def cost_model(self) -> Kostenmodel:
        """The lumpsum subsidy, a twelfth of the yearly amount each month.

        "Hoe wordt de taak SAMEN. gefinancierd?" (:func:`.funding.cost_model`);
        *illustrative* by default, like the lumpsum.
        """
        return funding.cost_model(self.counterfactual)

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The end of the separate assignment."""
        return governance.pilot_termination()

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        """Scaling up to specialist youth care, or goals met ("Het grote kader")."""
        return governance.trajectory_termination()

    def evaluation_plan(self) -> Evaluatieplan:
        """At full operation ("Afsluitend") and before the end of the separate assignment."""
        return governance.evaluation_plan(self.evaluation_moments)

    def readings(self) -> Sequence[Reading]:
        """How the plugin reads the letter; the end and the phasing dates are assumptions."""
        return READINGS

    def __repr__(self) -> str:
        return f"SamenPilot(name={self.pilot.naam!r}, looptijd={self.pilot.looptijd.periode})"


def _open_house_until(value: pendulum.Date, start: pendulum.Date) -> pendulum.Date:
    floor = safety_net.open_house_end_floor(start)
    raw: object = value
    if not isinstance(raw, datetime.date) or raw < floor:
        raise InvalidValueError(
            "SamenPilot.open_house_until",
            _(
                "the Open House stays at least 2.5 years after the start, until {floor} "
                '(002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en '
                'aansturing"), got {value}',
                floor=floor.isoformat(),
                value=repr(value),
            ),
        )
    return pendulum.Date(raw.year, raw.month, raw.day)


def _referrer(value: object, field: str) -> Verwijzer:
    if isinstance(value, Verwijzer):
        return value
    if isinstance(value, str):
        if value.strip().upper() in Verwijzer.__members__:
            return Verwijzer[value.strip().upper()]
        try:
            return Verwijzer.from_code(value)
        except InvalidValueError as exc:
            raise InvalidValueError(field, exc.problem) from None
    raise InvalidValueError(
        field, _("must be a Verwijzer, its name or its code, got {value}", value=repr(value))
    )


def _phasing(value: Phasing, open_house_until: pendulum.Date) -> Mapping[Verwijzer, pendulum.Date]:
    plan: dict[Verwijzer, pendulum.Date] = {}
    for key, day in value.items():
        referrer = _referrer(key, "SamenPilot.phasing")
        field = f"SamenPilot.phasing[{referrer.name}]"
        raw: object = day
        if not isinstance(raw, datetime.date):
            raise InvalidValueError(field, _("must be a date, got {value}", value=repr(day)))
        if raw >= open_house_until:
            raise InvalidValueError(
                field,
                _(
                    "{date} is not before {until}, when the Open House may end; until a "
                    "referrer is phased in its families need that safety net",
                    date=raw.isoformat(),
                    until=str(open_house_until),
                ),
            )
        plan[referrer] = pendulum.Date(raw.year, raw.month, raw.day)
    return plan
