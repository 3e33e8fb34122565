"""The plugin: the pilot's values, handed to the composition through PilotPlugin.

:class:`~sociaaldomein.PilotPlugin` makes this class the definition of its one
pilot: the composition asks it only about that pilot.  What the pilot has no
answer for (a functional mandate, an escalation ladder) is simply not
overridden.  Each method hands over the function of :mod:`.pilot` with the
same name.

>>> from sociaaldomein import Gemeente
>>> gemeente = Gemeente("Voorbeeldstad", plugins=[Vroegsignalering()])
>>> gemeente.pilot("vroegsignalering").capaciteit
30
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from sociaaldomein import (
    Budgetregel,
    Evaluatieplan,
    PilotEindregel,
    PilotPlugin,
    Route,
    Rule,
    TrajectEindregel,
)
from sociaaldomein.compat import renamed_parameters
from sociaaldomein.parameters import Between
from sociaaldomein_vroegsignalering import pilot
from sociaaldomein_vroegsignalering.pilot import CAPACITY, make_pilot

__all__ = ["Vroegsignalering"]


class Vroegsignalering(PilotPlugin):
    """The vroegsignalering pilot of Voorbeeldstad, as a sociaaldomein plugin.

    The entry point names this class; the composition instantiates it with
    the defaults, which are the letter's reading.
    """

    @renamed_parameters(capaciteit="capacity")
    def __init__(self, capacity: Annotated[int, Between(1, 500)] = CAPACITY) -> None:
        self.pilot = make_pilot(capacity)

    def eligibility(self) -> Rule:
        return pilot.doelgroep()

    def routes(self) -> Sequence[Route]:
        return pilot.routes()

    def funding(self) -> Sequence[Budgetregel]:
        return pilot.budget_lines(self.pilot)

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        return pilot.pilot_termination()

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        return pilot.trajectory_termination()

    def evaluation_plan(self) -> Evaluatieplan:
        return pilot.evaluation_plan()
