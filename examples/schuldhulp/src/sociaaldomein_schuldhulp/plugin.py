"""The plugin: the pilot's values and declarations, handed over through PilotPlugin.

Besides the answers every pilot gives, it declares its facts and terms in
``facts()``; the composition collects them (``Gemeente.feiten``) so that family
files, cohort files and the JSON Schema know them.

>>> from sociaaldomein import Gemeente
>>> gemeente = Gemeente("Westerkwartier", plugins=[SchuldhulpJongeren()])
>>> gemeente.pilot("schuldhulp-jongeren").capaciteit
25
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from sociaaldomein import (
    Budgetregel,
    Escalatieladder,
    Feit,
    PilotEindregel,
    PilotPlugin,
    Route,
    Rule,
    Term,
)
from sociaaldomein.parameters import Between
from sociaaldomein_schuldhulp import facts, pilot
from sociaaldomein_schuldhulp.pilot import CAPACITY, make_pilot

__all__ = ["SchuldhulpJongeren"]


class SchuldhulpJongeren(PilotPlugin):
    """The schuldhulp pilot for young adults of gemeente Westerkwartier (an example)."""

    def __init__(self, capacity: Annotated[int, Between(1, 500)] = CAPACITY) -> None:
        self.pilot = make_pilot(capacity)

    def facts(self) -> Sequence[Feit | Term]:
        return facts.declarations()

    def eligibility(self) -> Rule:
        return pilot.doelgroep()

    def routes(self) -> Sequence[Route]:
        return pilot.routes()

    def funding(self) -> Sequence[Budgetregel]:
        return pilot.budget_lines(self.pilot)

    def escalation(self) -> Escalatieladder | None:
        return pilot.escalation()

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        return pilot.pilot_termination()
