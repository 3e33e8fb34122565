"""The pilot definition: one object that answers for its pilot, and a base class for it.

A pilot plugin returns definitions from the hook ``sociaaldomein_pilots``.  A
definition has the :class:`~sociaaldomein.Pilot` in ``pilot`` and one method
per answer (see :mod:`sociaaldomein.hookspecs`): :meth:`~PilotDefinition.eligibility`
is required, the others default to "none".  The composition asks only the
plugin that provides a pilot, once, and keeps the answers in a
:class:`~sociaaldomein.CompiledPilot`.

:class:`PilotPlugin` is the common case: a plugin that is the definition of its
one pilot.  Subclass it, set ``self.pilot`` and override the methods your letter
has something to say about.

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
import warnings
from collections.abc import Sequence
from typing import Any, Protocol, Self, runtime_checkable

import pendulum

from sociaaldomein.domain.beeindiging import PilotEindregel, TrajectEindregel
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.feiten import Feit
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot, PilotStatus
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Route
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.hookspecs import hookimpl

__all__ = ["PilotDefinition", "PilotPlugin"]


@runtime_checkable
class PilotDefinition(Protocol):
    """What a pilot plugin provides: one pilot that answers for itself.

    Implement :meth:`eligibility`; every other method has a default ("none").
    A class that subclasses this protocol inherits the defaults; any other
    object with a ``pilot`` and an ``eligibility()`` method is a definition too,
    and the methods it lacks count as "none".  Each method is called once per
    composition, so it may build its answer freely.
    """

    pilot: Pilot

    def eligibility(self) -> Rule:
        """The pilot's eligibility rule (required)."""
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

    def mandate(self) -> Mandaat | None:
        """The functional mandate, if the pilot has one."""
        return None

    def escalation(self) -> Escalatieladder | None:
        """The escalation ladder, if the pilot has one."""
        return None

    def evaluation_plan(self) -> Evaluatieplan | None:
        """The evaluation plan, if the letter gives one."""
        return None

    def facts(self) -> Sequence[Feit | Term]:
        """The facts and vocabulary terms the pilot declares (none by default).

        Declare a fact with :meth:`Feit.declare <sociaaldomein.Feit.declare>`
        and a term with :class:`~sociaaldomein.Term`; its rules may then read
        them, and family and cohort files may hold them.  Asked once per
        composition, before the pilot's answers; a failure here fails the pilot.
        """
        return ()


class PilotPlugin(PilotDefinition):
    """A plugin that provides the one pilot in ``self.pilot`` and is its definition.

    Override :meth:`eligibility` (required) and any of the other methods of
    :class:`PilotDefinition`.  Each is asked only about this plugin's own pilot.
    """

    pilot: Pilot

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # 0.1 called the mandate method by its Dutch name.
        if "mandaat" in vars(cls) and "mandate" not in vars(cls):
            warnings.warn(
                f"{cls.__qualname__}.mandaat() is renamed mandate() (method names are English "
                "since 0.2); rename it, the old name works until 0.3",
                DeprecationWarning,
                stacklevel=2,
            )
            cls.mandate = vars(cls)["mandaat"]  # type: ignore[method-assign]

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

    # the hook -------------------------------------------------------------------

    @hookimpl
    def sociaaldomein_pilots(self) -> Sequence[PilotDefinition]:
        """This plugin, the definition of its pilot."""
        return [self]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(pilot={self.pilot.naam!r})"
