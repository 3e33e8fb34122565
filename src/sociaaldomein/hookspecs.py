"""The contract between the composition and pilot plugins: every hook, typed and documented.

A plugin is any object (a module, a class instance) with methods decorated by
:data:`sociaaldomein.hookimpl` and named like the specs below.  Every hook
receives the :class:`~sociaaldomein.domain.pilot.Pilot` it is asked about, so one
plugin can provide several pilots and a municipal policy plugin can act on any
of them.  A plugin returns ``None`` for a pilot that is not its own.

The composition consults these hooks once per composition (and again only
after a plugin is registered or removed), never once per family: rules come
back as values that are then evaluated, explained and vectorised without
further hook calls.

Two kinds of hooks:

* *first result* hooks (marked below) stop at the first plugin that returns
  something other than ``None``; a municipal policy plugin can wrap them with
  ``@hookimpl(wrapper=True)`` to change that answer, for example to add a
  condition to a pilot's eligibility rule;
* *collecting* hooks call every plugin and concatenate their lists, so that a
  policy plugin can add a funding line or a termination rule beside the pilot's own.

Hook specifications change only by adding arguments; plugins may accept fewer.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from sociaaldomein.domain.beeindiging import PilotEindregel, TrajectEindregel
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Route

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "sociaaldomein"
"""The pluggy project name, and the entry-point group plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks the specifications below; plugin authors do not need it."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's method as the implementation of the hook of the same name.

Use ``@hookimpl`` for an ordinary implementation and ``@hookimpl(wrapper=True)``
for a policy that changes another plugin's answer (see the design record).
"""


@hookspec
def sociaaldomein_pilots() -> Sequence[Pilot]:
    """The pilots this plugin provides.

    Collecting: every plugin's list is concatenated.  Two plugins providing a
    pilot of the same name is an error of the composition.

    :return: the plugin's pilots (an empty list for a policy plugin).
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_eligibility(pilot: Pilot) -> Rule | None:
    """The eligibility rule of ``pilot``: which families the pilot is for.

    First result: stops at the first non-``None`` answer.  A policy plugin may
    wrap it (``@hookimpl(wrapper=True)``) to add or relax a condition; the
    changed rule then shows, with its citation, in every explanation.

    :param pilot: the pilot asked about.
    :return: a :class:`~sociaaldomein.domain.rules.Rule`, or ``None`` when
        ``pilot`` is not this plugin's.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_routes(pilot: Pilot) -> Sequence[Route] | None:
    """The routing of families that meet ``pilot``'s eligibility rule.

    Routes are tried in order and the first whose rule holds decides: the
    family is referred elsewhere (for example to a gezinscoach) or to the
    regular route (a maatwerkbeschikking or zorgtoewijzing).  A family no
    route catches is placed in the pilot, or waitlisted when it is full.

    First result: stops at the first non-``None`` answer.

    :param pilot: the pilot asked about.
    :return: the routes in order (possibly empty), or ``None`` when ``pilot`` is
        not this plugin's.
    """
    raise NotImplementedError


@hookspec
def sociaaldomein_funding(pilot: Pilot) -> Sequence[Budgetregel] | None:
    """The funding lines of ``pilot``: amounts, years or periods, funders and models.

    Collecting: the lines of every plugin are concatenated, so a policy plugin
    can add co-funding.  The composition selects lines by period and year and
    adds them up exactly; plugins return all their lines.

    :param pilot: the pilot asked about.
    :return: budget lines, or ``None`` when ``pilot`` is not this plugin's.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_cost_model(pilot: Pilot) -> Kostenmodel | None:
    """What running ``pilot`` costs: fixed a month, per family in care a month, per admission.

    The funding lines (:func:`sociaaldomein_funding`) say how much money the
    pilot has; the cost model says how it spends that money, as the letter
    describes it (staff paid whoever is in care, a price per family, a
    purchase per admitted family).  The simulation uses it as the default of
    the pilot's design: a cost the analyst's
    :class:`~sociaaldomein.simulation.PilotDesign` leaves unset is the cost
    model's, and one the design sets overrides it.  Without a cost model the
    simulation assumes a generic EUR 750 a family a month.  It is consulted
    once, when a simulation is built, never inside its month loop.

    First result: stops at the first non-``None`` answer.  A policy plugin may
    wrap it (``@hookimpl(wrapper=True)``), for example to add a municipality's
    overhead to every pilot.

    :param pilot: the pilot asked about.
    :return: the :class:`~sociaaldomein.Kostenmodel`, or ``None`` when the
        pilot has none or is not this plugin's.
    """
    raise NotImplementedError


@hookspec
def sociaaldomein_pilot_termination(pilot: Pilot) -> Sequence[PilotEindregel] | None:
    """The rules that end ``pilot``: end of looptijd, a partner vote, money, inflow.

    Collecting: every plugin's rules are checked; the first that ends the
    pilot is reported, with all others' findings.

    :param pilot: the pilot asked about.
    :return: termination rules, or ``None`` when ``pilot`` is not this plugin's.
    """
    raise NotImplementedError


@hookspec
def sociaaldomein_trajectory_termination(pilot: Pilot) -> Sequence[TrajectEindregel] | None:
    """The rules that end one family's trajectory in ``pilot``.

    For example goals met, step-down (afschaling) to a gezinscoach, or the
    regular route when the question proves too complex.  Collecting.

    :param pilot: the pilot asked about.
    :return: trajectory termination rules, or ``None`` when ``pilot`` is not
        this plugin's.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_mandaat(pilot: Pilot) -> Mandaat | None:
    """The functional mandate of ``pilot``'s professionals over partner institutions.

    First result.

    :param pilot: the pilot asked about.
    :return: the :class:`~sociaaldomein.domain.mandaat.Mandaat`, or ``None``
        when the pilot has none or is not this plugin's.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_escalation(pilot: Pilot) -> Escalatieladder | None:
    """The escalation ladder of ``pilot``: levels, who holds them, deadlines.

    First result.

    :param pilot: the pilot asked about.
    :return: the :class:`~sociaaldomein.domain.mandaat.Escalatieladder`, or
        ``None`` when the pilot has none or is not this plugin's.
    """
    raise NotImplementedError


@hookspec(firstresult=True)
def sociaaldomein_evaluation_plan(pilot: Pilot) -> Evaluatieplan | None:
    """When and on what ``pilot`` is evaluated.

    First result.

    :param pilot: the pilot asked about.
    :return: the :class:`~sociaaldomein.domain.evaluatie.Evaluatieplan`, or
        ``None`` when the pilot has none or is not this plugin's.
    """
    raise NotImplementedError
