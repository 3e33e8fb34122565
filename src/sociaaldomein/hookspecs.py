"""The contract between the composition and plugins: every hook, typed and documented.

A plugin is any object (a module, a class instance) with methods decorated by
:data:`sociaaldomein.hookimpl` and named like the specs below.  Two kinds of
plugin use them:

* a **pilot plugin** implements :func:`sociaaldomein_pilots` and returns pilot
  definitions: objects that answer for their own pilot (see
  :class:`~sociaaldomein.PilotDefinition`; :class:`~sociaaldomein.PilotPlugin`
  is a base class that is its own definition).  The composition records which
  plugin provides which pilot and asks only that plugin about it;
* a **policy plugin** changes another plugin's answer.  It implements one of the
  answer hooks below as a wrapper, ``@hookimpl(wrapper=True)``: the wrapper
  receives the pilot, ``answer = yield`` gives it the answer so far, and what it
  returns replaces that answer.  Every change is recorded: explanations,
  ``sociaaldomein plugins --json`` and the pilot pages show which plugin gave an
  answer and which policies changed it, in order.

Each answer hook corresponds to one method of the pilot definition with the
same name (``sociaaldomein_eligibility`` and ``eligibility()``), and to one field
of :class:`~sociaaldomein.CompiledPilot`; :data:`sociaaldomein.aspects.ASPECTS`
is derived from this module, so adding a hook is one specification here plus
the definition's method.  An answer hook implemented as a plain (non-wrapper)
hook is the 0.1 contract: it still works with a :class:`DeprecationWarning`
(see the changelog), and an answer it gives for a pilot its plugin does not
provide is refused.

The composition consults the hooks once per composition (and again only after
a plugin is registered or removed), never once per family: rules come back as
values that are then evaluated, explained and vectorised without further calls.

Hook specifications change only by adding arguments; plugins may accept fewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

import pluggy

from sociaaldomein.domain.beeindiging import PilotEindregel, TrajectEindregel
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.feiten import Feit
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Route
from sociaaldomein.domain.vocabulary import Term

if TYPE_CHECKING:
    from sociaaldomein.pilotplugin import PilotDefinition

__all__ = ["PROJECT_NAME", "REQUIRED", "hookimpl"]

PROJECT_NAME = "sociaaldomein"
"""The pluggy project name, and the entry-point group plugins register under."""

_hookspec = pluggy.HookspecMarker(PROJECT_NAME)

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's method as the implementation of the hook of the same name.

Use ``@hookimpl`` on :func:`sociaaldomein_pilots` and
``@hookimpl(wrapper=True)`` for a policy that changes another plugin's answer
(see the design record).
"""

REQUIRED: Final = frozenset({"sociaaldomein_eligibility"})
"""The answer hooks every pilot must answer; the others have a default (none)."""


def __getattr__(name: str) -> object:
    # The spec marker was public in 0.1; plugin authors never needed it.
    if name == "hookspec":
        import warnings

        warnings.warn(
            "sociaaldomein.hookspecs.hookspec is private since 0.2; plugins need only "
            "sociaaldomein.hookimpl",
            DeprecationWarning,
            stacklevel=2,
        )
        return _hookspec
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@_hookspec
def sociaaldomein_pilots() -> Sequence[PilotDefinition]:
    """The pilot definitions this plugin provides.

    Each plugin is asked on its own, so the composition knows which plugin
    provides which pilot.  A pilot name provided twice is refused: the second
    provider's pilot is reported as failed, naming both plugins.  (A 0.1 plugin
    returned :class:`~sociaaldomein.Pilot` values and answered the hooks below
    itself; that still works, with a deprecation warning.)

    :return: the plugin's pilot definitions (an empty list for a policy plugin).
    """
    raise NotImplementedError


@_hookspec
def sociaaldomein_facts() -> Sequence[Feit | Term]:
    """Facts and vocabulary terms this plugin declares for the whole composition.

    A pilot declares its own through its definition's ``facts()`` method (see
    :class:`~sociaaldomein.PilotDefinition`); this hook is for a plugin that
    has no pilot, such as a municipality's own facts and terms shared by its
    pilots.  Each plugin is asked on its own; the composition's register
    (``Gemeente.feiten``) collects the core's facts and every declaration and
    refuses a name declared twice, as a failure of the second plugin.  A
    plugin whose declaration fails is reported and its declarations are left
    out; every other plugin goes on.

    :return: :class:`~sociaaldomein.Feit` values made with
        :meth:`Feit.declare <sociaaldomein.Feit.declare>` and
        :class:`~sociaaldomein.Term` values.
    """
    raise NotImplementedError


# The answer hooks.  Each is answered by the pilot's definition (the method of
# the same name without the prefix) and changed by policies that wrap it.  The
# return annotation says what an answer is: one value (``X | None``) or a list
# (``Sequence[X] | None``); :mod:`sociaaldomein.aspects` reads it from here.
# A policy implements one as a wrapper: ``answer = yield`` gives it the answer
# of the pilot's provider (and of policies nearer to it), and what it returns
# replaces that answer.  Only wrappers are called for another plugin's pilot.


@_hookspec(firstresult=True)
def sociaaldomein_eligibility(pilot: Pilot) -> Rule | None:
    """The eligibility rule of ``pilot``: which families the pilot is for.

    Every pilot must have one (:meth:`PilotDefinition.eligibility
    <sociaaldomein.PilotDefinition.eligibility>`).  A policy adds or relaxes
    a condition; the changed rule then shows, with its citation and the
    policy's name, in every explanation."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_routes(pilot: Pilot) -> Sequence[Route] | None:
    """The routing of families that meet ``pilot``'s eligibility rule, in order.

    The first route whose rule holds decides: the family is referred elsewhere
    (for example to a gezinscoach) or to the regular route (a
    maatwerkbeschikking or zorgtoewijzing).  A family no route catches is
    placed in the pilot, or waitlisted when it is full.  Default: no routes."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_funding(pilot: Pilot) -> Sequence[Budgetregel] | None:
    """The funding lines of ``pilot``: amounts, years or periods, funders and models.

    The composition selects lines by period and year and adds them up
    exactly; a definition returns all its lines.  A policy may add a line,
    for example co-funding by another funder.  Default: no lines."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_cost_model(pilot: Pilot) -> Kostenmodel | None:
    """What running ``pilot`` costs: fixed a month, per family in care a month, per admission.

    The funding lines say how much money the pilot has; the cost model says
    how it spends that money, as the letter describes it.  The simulation uses
    it as the default of the pilot's design: a cost the analyst's
    :class:`~sociaaldomein.simulation.PilotDesign` leaves unset is the cost
    model's.  Without one the simulation assumes a generic EUR 750 a family a
    month.  A policy may add a municipality's overhead.  Default: none."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_pilot_termination(pilot: Pilot) -> Sequence[PilotEindregel] | None:
    """The rules that end ``pilot``: end of looptijd, a partner vote, money, inflow.

    Every rule is checked; the first that ends the pilot is reported, with all
    others' findings.  Default: none."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_trajectory_termination(pilot: Pilot) -> Sequence[TrajectEindregel] | None:
    """The rules that end one family's trajectory in ``pilot``.

    For example goals met, step-down (afschaling) to a gezinscoach, or the
    regular route when the question proves too complex.  Default: none."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_mandate(pilot: Pilot) -> Mandaat | None:
    """The functional mandate of ``pilot``'s professionals over partner institutions.

    Default: none (the pilot has no mandate)."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_escalation(pilot: Pilot) -> Escalatieladder | None:
    """The escalation ladder of ``pilot``: levels, who holds them, deadlines.

    Default: none."""
    raise NotImplementedError


@_hookspec(firstresult=True)
def sociaaldomein_evaluation_plan(pilot: Pilot) -> Evaluatieplan | None:
    """When and on what ``pilot`` is evaluated.

    Default: none."""
    raise NotImplementedError


@_hookspec(
    firstresult=True,
    warn_on_impl=DeprecationWarning(
        "the hook sociaaldomein_mandaat is renamed sociaaldomein_mandate (hook names are "
        "English since 0.2); rename the method, the old name works until 0.3"
    ),
)
def sociaaldomein_mandaat(pilot: Pilot) -> Mandaat | None:
    """Deprecated: the 0.1 name of :func:`sociaaldomein_mandate`."""
    raise NotImplementedError
