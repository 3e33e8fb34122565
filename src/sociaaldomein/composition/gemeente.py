"""The composition: a municipality's pilots and policies, and what they decide together.

>>> import pendulum
>>> from sociaaldomein.testing import ToyPilot
>>> groningen = Gemeente("Groningen", plugins=[ToyPilot()])
>>> sorted(groningen.pilots)
['toy']
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import attrs
import numpy as np
import pendulum
import pluggy

from sociaaldomein import hookspecs
from sociaaldomein.composition.discovery import LoadedPlugin, PluginSpec, load_entry_points
from sociaaldomein.composition.overview import FundingOverview
from sociaaldomein.composition.relay import HookRelay
from sociaaldomein.domain.beeindiging import (
    Einde,
    PilotEindregel,
    PilotToestand,
    TrajectEindregel,
    TrajectToestand,
)
from sociaaldomein.domain.budget import Begroting
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.rules import Explanation, Rule
from sociaaldomein.domain.verdict import Assessment, Note, Outcome, Route, Verdict
from sociaaldomein.errors import CompositionError, UnknownPilotError

__all__ = ["OUTCOME_CODES", "CompiledPilot", "Gemeente", "TerminationCheck"]

OUTCOME_CODES: dict[Outcome, int] = {o: i for i, o in enumerate(Outcome)}
"""The integer code of each outcome in vectorised results."""


@attrs.frozen
class TerminationCheck:
    """Which termination rules ended something, and what every rule found."""

    ended: bool
    by: tuple[Einde, ...]
    checks: tuple[Einde, ...]

    def render(self) -> str:
        """Every rule's finding, one per line."""
        return "\n".join(str(c) for c in self.checks) or "no termination rules"


@attrs.frozen
class CompiledPilot:
    """A pilot with its rule and routes collected once, ready to evaluate many times."""

    pilot: Pilot
    eligibility: Rule
    routes: tuple[Route, ...]

    def decide(self, gezin: Gezin, on: pendulum.Date, occupancy: int = 0) -> Verdict:
        """The verdict for one family, with every reason."""
        pilot = self.pilot
        explanation = self.eligibility.explain(gezin, on)
        if on not in pilot.looptijd:
            note = Note(
                f"{pilot.titel} runs from {pilot.looptijd.start.isoformat()} "
                f"until {pilot.looptijd.eind.isoformat()}"
            )
            return Verdict(pilot.naam, gezin.id, on, Outcome.CLOSED, explanation, notes=(note,))
        if not explanation.passed:
            return Verdict(pilot.naam, gezin.id, on, Outcome.NOT_ELIGIBLE, explanation)
        not_taken: list[Explanation] = []
        for route in self.routes:
            checked = route.when.explain(gezin, on)
            if checked.passed:
                return Verdict(
                    pilot.naam,
                    gezin.id,
                    on,
                    route.outcome,
                    explanation,
                    route=checked,
                    to=route.to,
                    notes=(Note(route.reason, route.source),),
                    routes_not_taken=tuple(not_taken),
                )
            not_taken.append(checked)
        verdict = Verdict(
            pilot.naam,
            gezin.id,
            on,
            Outcome.ELIGIBLE,
            explanation,
            routes_not_taken=tuple(not_taken),
        )
        if pilot.capaciteit is not None and occupancy >= pilot.capaciteit:
            note = Note(
                f"no place: {occupancy} families already in a pilot of capacity "
                f"{pilot.capaciteit}; the family goes on the waitlist",
                pilot.capaciteit_bron,
            )
            return verdict.with_note(note, Outcome.WAITLIST)
        return verdict

    def outcomes(self, cohort: Cohort, on: pendulum.Date) -> Array:
        """The outcome code of every family of ``cohort`` (see :data:`OUTCOME_CODES`).

        Capacity is not applied here: it depends on order of arrival, which
        the simulation decides; eligible families get ``ELIGIBLE``.
        """
        n = len(cohort)
        if on not in self.pilot.looptijd:
            return np.full(n, OUTCOME_CODES[Outcome.CLOSED], dtype=np.int8)
        eligible = self.eligibility.evaluate(cohort, on)
        codes = np.where(
            eligible, OUTCOME_CODES[Outcome.ELIGIBLE], OUTCOME_CODES[Outcome.NOT_ELIGIBLE]
        ).astype(np.int8)
        undecided = eligible.copy()
        for route in self.routes:
            taken = undecided & route.when.evaluate(cohort, on)
            codes[taken] = OUTCOME_CODES[route.outcome]
            undecided &= ~taken
        return codes


class Gemeente:
    """A municipality's composition of pilot plugins and policy plugins.

    Register plugins in code (:meth:`register`) or discover installed ones
    (:meth:`load_entry_points`).  Hooks are consulted once and the answers kept
    until a plugin is added or removed; every method below is typed, so no
    caller touches ``pm.hook``.
    """

    def __init__(
        self,
        naam: str = "Groningen",
        *,
        plugins: Iterable[object] = (),
        specs: Iterable[PluginSpec] = (),
    ) -> None:
        self.naam = naam
        self._pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._relay = HookRelay(self._pm)
        self._compiled: dict[str, CompiledPilot] = {}
        self._pilots: dict[str, Pilot] | None = None
        self.loaded: list[LoadedPlugin] = []
        for plugin in plugins:
            self.register(plugin)
        for spec in specs:
            self.register(spec.build(), spec.name)

    # plugins --------------------------------------------------------------

    def register(self, plugin: object, name: str | None = None) -> str:
        """Add a pilot or policy plugin; returns the name it is registered under."""
        registered = self._pm.register(plugin, name)
        if registered is None:
            raise CompositionError(f"plugin {name or plugin!r} is blocked from registering")
        self._forget()
        return registered

    def unregister(self, plugin: object | str) -> None:
        """Remove a plugin, by object or by registered name."""
        if isinstance(plugin, str):
            if self._pm.get_plugin(plugin) is None:
                raise CompositionError(f"no plugin registered as {plugin!r}")
            self._pm.unregister(name=plugin)
        else:
            self._pm.unregister(plugin)
        self._forget()

    def load_entry_points(
        self,
        *,
        allow: Collection[str] | None = None,
        block: Collection[str] = (),
        strict: bool = False,
    ) -> list[LoadedPlugin]:
        """Discover and register installed plugins (entry-point group ``sociaaldomein``).

        A broken plugin is named in a :class:`~sociaaldomein.errors.PluginLoadWarning`
        and skipped; ``strict=True`` raises instead.  Already registered names
        are not registered twice.
        """
        found = load_entry_points(allow=allow, block=block, strict=strict)
        added = []
        for item in found:
            if self._pm.has_plugin(item.name):
                continue
            self.register(item.plugin, item.name)
            added.append(item)
        self.loaded += added
        return added

    def plugin_names(self) -> list[str]:
        """The names of the registered plugins."""
        return [name for name, _ in self._pm.list_name_plugin()]

    def plugin(self, name: str) -> object:
        """The plugin registered as ``name``; an unknown name lists the registered ones."""
        plugin = self._pm.get_plugin(name)
        if plugin is None:
            known = ", ".join(self.plugin_names()) or "none"
            raise CompositionError(f"no plugin registered as {name!r}; registered: {known}")
        return plugin

    def hooks_of(self, name: str) -> list[str]:
        """The hooks the plugin registered as ``name`` implements."""
        plugin = self._pm.get_plugin(name)
        callers = self._pm.get_hookcallers(plugin) or []
        return sorted(caller.name for caller in callers)

    def _forget(self) -> None:
        self._compiled.clear()
        self._pilots = None

    # pilots ---------------------------------------------------------------

    @property
    def pilots(self) -> Mapping[str, Pilot]:
        """Every pilot of the composition by name."""
        if self._pilots is None:
            pilots: dict[str, Pilot] = {}
            for pilot in self._relay.pilots():
                if pilot.naam in pilots:
                    raise CompositionError(
                        f"two plugins provide a pilot named {pilot.naam!r}; "
                        "register one of them under another pilot name"
                    )
                pilots[pilot.naam] = pilot
            self._pilots = pilots
        return self._pilots

    def pilot(self, name: str) -> Pilot:
        """The pilot ``name``; an unknown name lists the known ones."""
        try:
            return self.pilots[name]
        except KeyError:
            raise UnknownPilotError(name, self.pilots) from None

    def compiled(self, name: str) -> CompiledPilot:
        """The pilot ``name`` with its rule and routes collected (once)."""
        if name not in self._compiled:
            pilot = self.pilot(name)
            rule = self._relay.eligibility(pilot)
            if rule is None:
                raise CompositionError(f"no plugin gives eligibility rules for pilot {name!r}")
            self._compiled[name] = CompiledPilot(pilot, rule, self._relay.routes(pilot) or ())
        return self._compiled[name]

    def compile(self) -> dict[str, CompiledPilot]:
        """Every pilot compiled, for repeated evaluation (simulations, cohorts)."""
        return {name: self.compiled(name) for name in self.pilots}

    def eligibility(self, pilot: str) -> Rule:
        """The eligibility rule of ``pilot``, as plugins and policies made it."""
        return self.compiled(pilot).eligibility

    def routes(self, pilot: str) -> tuple[Route, ...]:
        """The routes of ``pilot``, in order."""
        return self.compiled(pilot).routes

    # decisions ------------------------------------------------------------

    def assess(
        self,
        gezin: Gezin,
        on: pendulum.Date,
        *,
        occupancy: Mapping[str, int] | None = None,
        pilots: Iterable[str] | None = None,
    ) -> Assessment:
        """One verdict per pilot for ``gezin`` on ``on``, each with its reasons.

        ``occupancy`` gives the number of families already in each pilot; a
        full pilot waitlists an eligible family.
        """
        names = list(self.pilots) if pilots is None else list(pilots)
        taken = occupancy or {}
        verdicts = [self.compiled(n).decide(gezin, on, taken.get(n, 0)) for n in names]
        return Assessment.of(gezin.id, on, verdicts)

    def assess_cohort(self, cohort: Cohort, on: pendulum.Date) -> dict[str, Array]:
        """Outcome codes per pilot for every family of ``cohort`` (vectorised)."""
        return {name: c.outcomes(cohort, on) for name, c in self.compile().items()}

    def funding(
        self, *, periode: Periode | None = None, pilots: Iterable[str] | None = None
    ) -> Begroting:
        """The budget lines of the pilots, optionally those touching ``periode``."""
        names = list(self.pilots) if pilots is None else list(pilots)
        lines = [line for n in names for line in self._relay.funding(self.pilot(n))]
        if periode is not None:
            lines = [line for line in lines if _touches(line.jaar, line.periode, periode)]
        return Begroting(lines)

    def funding_overview(
        self, *, years: Iterable[int] | None = None, pilots: Iterable[str] | None = None
    ) -> FundingOverview:
        """Money per pilot, funder and year, added exactly."""
        return FundingOverview.of(self.funding(pilots=pilots), years)

    def cost_model(self, pilot: str) -> Kostenmodel | None:
        """What running ``pilot`` costs, as its plugin says (``None`` when it does not say).

        The simulation takes it as the default of the pilot's design.
        """
        return self._relay.cost_model(self.pilot(pilot))

    def termination_rules(self, pilot: str) -> tuple[PilotEindregel, ...]:
        """The rules that can end ``pilot``, from every plugin."""
        return tuple(self._relay.pilot_termination(self.pilot(pilot)))

    def trajectory_rules(self, pilot: str) -> tuple[TrajectEindregel, ...]:
        """The rules that can end a family's trajectory in ``pilot``, from every plugin."""
        return tuple(self._relay.trajectory_termination(self.pilot(pilot)))

    def check_termination(self, pilot: str, state: PilotToestand) -> TerminationCheck:
        """Whether ``pilot`` has ended in ``state``, and by which rule."""
        checks = tuple(
            rule.check(self.pilot(pilot), state) for rule in self.termination_rules(pilot)
        )
        return TerminationCheck(
            any(c.ended for c in checks), tuple(c for c in checks if c.ended), checks
        )

    def check_trajectory(self, pilot: str, state: TrajectToestand) -> TerminationCheck:
        """Whether a family's trajectory in ``pilot`` has ended, and by which rule."""
        checks = tuple(rule.check(state) for rule in self.trajectory_rules(pilot))
        return TerminationCheck(
            any(c.ended for c in checks), tuple(c for c in checks if c.ended), checks
        )

    def mandaat(self, pilot: str) -> Mandaat | None:
        """The functional mandate of ``pilot`` (``None`` when it has none)."""
        return self._relay.mandaat(self.pilot(pilot))

    def escalation(self, pilot: str) -> Escalatieladder | None:
        """The escalation ladder of ``pilot`` (``None`` when it has none)."""
        return self._relay.escalation(self.pilot(pilot))

    def evaluation_plan(self, pilot: str) -> Evaluatieplan | None:
        """The evaluation plan of ``pilot`` (``None`` when it has none)."""
        return self._relay.evaluation_plan(self.pilot(pilot))

    def __repr__(self) -> str:
        return f"Gemeente({self.naam!r}, pilots={sorted(self.pilots)!r})"


def _touches(jaar: int | None, periode: Periode | None, window: Periode) -> bool:
    if periode is not None:
        return periode.overlap(window) is not None
    return jaar is not None and Periode.year(jaar).overlap(window) is not None
