"""A base class for the common case: a plugin that provides one pilot.

Subclass :class:`PilotPlugin`, set ``self.pilot`` and override the plain
methods your letter has something to say about; the base class implements
every hook, answers only for its own pilot, and leaves the rest to other
plugins.  A plugin is still free to implement the hooks directly (see
:mod:`sociaaldomein.hookspecs`); this class only removes the boilerplate.

>>> from sociaaldomein import FEITEN, Citation, Compare, Looptijd, Pilot
>>> class Schuldhulp(PilotPlugin):
...     def __init__(self) -> None:
...         self.pilot = Pilot("schuldhulp", "Pilot schuldhulp", "Groningen",
...                            Looptijd(pendulum.date(2025, 1, 1), pendulum.date(2026, 1, 1)))
...     def eligibility(self) -> Rule:
...         return Compare(FEITEN.aantal_problemen, ">=", 1, source=Citation("brief.txt", "1"))
>>> from sociaaldomein import Gemeente
>>> sorted(Gemeente(plugins=[Schuldhulp()]).pilots)
['schuldhulp']
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Self

import pendulum

from sociaaldomein.domain.beeindiging import PilotEindregel, TrajectEindregel
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot, PilotStatus
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Route
from sociaaldomein.hookspecs import hookimpl

__all__ = ["PilotPlugin"]


class PilotPlugin:
    """A plugin that provides the one pilot in ``self.pilot``.

    Override :meth:`eligibility` (required) and any of :meth:`routes`,
    :meth:`funding`, :meth:`cost_model`, :meth:`pilot_termination`,
    :meth:`trajectory_termination`, :meth:`mandaat`, :meth:`escalation` and
    :meth:`evaluation_plan`.  Each is asked only about this plugin's own pilot.
    """

    pilot: Pilot

    # what a pilot says; override these --------------------------------------

    def eligibility(self) -> Rule:
        """The pilot's eligibility rule."""
        raise NotImplementedError(f"{type(self).__name__} must define eligibility()")

    def routes(self) -> Sequence[Route]:
        """Routes for eligible families, in order (none by default)."""
        return ()

    def funding(self) -> Sequence[Budgetregel]:
        """The pilot's budget lines (none by default)."""
        return ()

    def cost_model(self) -> Kostenmodel | None:
        """What running the pilot costs, if the letter says (the simulation's default)."""
        return None

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        """The rules that end the pilot (none by default)."""
        return ()

    def trajectory_termination(self) -> Sequence[TrajectEindregel]:
        """The rules that end a family's trajectory (none by default)."""
        return ()

    def mandaat(self) -> Mandaat | None:
        """The functional mandate, if the pilot has one."""
        return None

    def escalation(self) -> Escalatieladder | None:
        """The escalation ladder, if the pilot has one."""
        return None

    def evaluation_plan(self) -> Evaluatieplan | None:
        """The evaluation plan, if the letter gives one."""
        return None

    # changing the pilot -------------------------------------------------------

    def extend(
        self,
        new_end: pendulum.Date,
        *,
        reason: str,
        decided_on: pendulum.Date | None = None,
        source: Citation | None = None,
    ) -> Self:
        """A copy of this plugin with its pilot extended to ``new_end``.

        The original end stays recorded (:meth:`Pilot.extend`).  An extension is
        decided for a running pilot, so a pilot still in preparation becomes
        active first.
        """
        pilot = self.pilot
        if pilot.status is PilotStatus.PREPARING:
            pilot = pilot.with_status(PilotStatus.ACTIVE)
        extended = copy.copy(self)
        extended.pilot = pilot.extend(new_end, reason=reason, decided_on=decided_on, source=source)
        return extended

    # the hooks ----------------------------------------------------------------

    def _mine(self, pilot: Pilot) -> bool:
        return pilot.naam == self.pilot.naam

    @hookimpl
    def sociaaldomein_pilots(self) -> Sequence[Pilot]:
        """This plugin's pilot."""
        return [self.pilot]

    @hookimpl
    def sociaaldomein_eligibility(self, pilot: Pilot) -> Rule | None:
        """:meth:`eligibility`, for this plugin's pilot."""
        return self.eligibility() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_routes(self, pilot: Pilot) -> Sequence[Route] | None:
        """:meth:`routes`, for this plugin's pilot."""
        return self.routes() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_funding(self, pilot: Pilot) -> Sequence[Budgetregel] | None:
        """:meth:`funding`, for this plugin's pilot."""
        return self.funding() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_cost_model(self, pilot: Pilot) -> Kostenmodel | None:
        """:meth:`cost_model`, for this plugin's pilot."""
        return self.cost_model() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_pilot_termination(self, pilot: Pilot) -> Sequence[PilotEindregel] | None:
        """:meth:`pilot_termination`, for this plugin's pilot."""
        return self.pilot_termination() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_trajectory_termination(
        self, pilot: Pilot
    ) -> Sequence[TrajectEindregel] | None:
        """:meth:`trajectory_termination`, for this plugin's pilot."""
        return self.trajectory_termination() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_mandaat(self, pilot: Pilot) -> Mandaat | None:
        """:meth:`mandaat`, for this plugin's pilot."""
        return self.mandaat() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_escalation(self, pilot: Pilot) -> Escalatieladder | None:
        """:meth:`escalation`, for this plugin's pilot."""
        return self.escalation() if self._mine(pilot) else None

    @hookimpl
    def sociaaldomein_evaluation_plan(self, pilot: Pilot) -> Evaluatieplan | None:
        """:meth:`evaluation_plan`, for this plugin's pilot."""
        return self.evaluation_plan() if self._mine(pilot) else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(pilot={self.pilot.naam!r})"
