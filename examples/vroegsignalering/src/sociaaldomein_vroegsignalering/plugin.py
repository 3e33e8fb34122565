"""The plugin: hook implementations that hand the pilot's values to the composition.

Every hook is asked about one pilot and answers ``None`` for a pilot that is
not its own, so this plugin composes with any other.  Hooks the pilot has no
answer for (a functional mandate, an escalation ladder) are simply left out.

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
    Pilot,
    PilotEindregel,
    Route,
    Rule,
    TrajectEindregel,
    hookimpl,
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


class Vroegsignalering:
    """The vroegsignalering pilot of Voorbeeldstad, as a sociaaldomein plugin.

    The entry point names this class; the composition instantiates it with
    the defaults, which are the letter's reading.
    """

    def __init__(self, capaciteit: int = CAPACITEIT) -> None:
        self.pilot = make_pilot(capaciteit)

    def _mine(self, pilot: Pilot) -> bool:
        return pilot.naam == self.pilot.naam

    @hookimpl
    def sociaaldomein_pilots(self) -> Sequence[Pilot]:
        return [self.pilot]

    @hookimpl
    def sociaaldomein_eligibility(self, pilot: Pilot) -> Rule | None:
        return doelgroep() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_routes(self, pilot: Pilot) -> Sequence[Route] | None:
        return routes() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_funding(self, pilot: Pilot) -> Sequence[Budgetregel] | None:
        return financiering(pilot) if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_pilot_termination(self, pilot: Pilot) -> Sequence[PilotEindregel] | None:
        return eindregels() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_trajectory_termination(
        self, pilot: Pilot
    ) -> Sequence[TrajectEindregel] | None:
        return trajectregels() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_evaluation_plan(self, pilot: Pilot) -> Evaluatieplan | None:
        return evaluatieplan() if self._mine(pilot) else None
