"""The plugin: the pilot's values, handed to the composition through PilotPlugin.

:class:`~sociaaldomein.PilotPlugin` implements every hook for this plugin's
own pilot and answers ``None`` for any other, so this plugin composes with any
other.  What the pilot has no answer for (a functional mandate, an escalation
ladder) is simply not overridden.

>>> from sociaaldomein import Gemeente
>>> gemeente = Gemeente("Voorbeeldstad", plugins=[Vroegsignalering()])
>>> gemeente.pilot("vroegsignalering").capaciteit
30
"""

from __future__ import annotations

from collections.abc import Sequence

from sociaaldomein import (
    Budgetregel,
    Evaluatieplan,
    PilotEindregel,
    PilotPlugin,
    Route,
    Rule,
    TrajectEindregel,
)
from sociaaldomein_vroegsignalering.pilot import (
    CAPACITEIT,
    doelgroep,
    eindregels,
    evaluatieplan,
    financiering,
    make_pilot,
    routes,
    trajectregels,
)

__all__ = ["Vroegsignalering"]


class Vroegsignalering(PilotPlugin):
    """The vroegsignalering pilot of Voorbeeldstad, as a sociaaldomein plugin.

    The entry point names this class; the composition instantiates it with
    the defaults, which are the letter's reading.
    """

    def __init__(self, capaciteit: int = CAPACITEIT) -> None:
        self.pilot = make_pilot(capaciteit)

    def eligibility(self) -> Rule:
        return doelgroep()

    def routes(self) -> Sequence[Route]:
        return routes()

    def funding(self) -> Sequence[Budgetregel]:
        return financiering(self.pilot)

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        return eindregels()

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        return trajectregels()

    def evaluation_plan(self) -> Evaluatieplan:
        return evaluatieplan()
