"""The composition: a municipality's pilots and policies, and what they decide together.

>>> import pendulum
>>> from sociaaldomein.testing import ToyPilot
>>> groningen = Gemeente("Groningen", plugins=[ToyPilot()])
>>> sorted(groningen.pilots)
['toy']
"""

from __future__ import annotations

import functools
import sys
import types
import warnings
from collections.abc import Collection, Hashable, Iterable, Iterator, Mapping
from typing import cast

import attrs
import pendulum
import pluggy

from sociaaldomein import hookspecs
from sociaaldomein.composition.calls import (
    FailedError,
    default_name,
    failure,
    guarded,
    plugin_ref,
)
from sociaaldomein.composition.compiler import as_definition, compile_pilot, plain_answer_hooks
from sociaaldomein.composition.declarations import Declared, collect_declarations
from sociaaldomein.composition.discovery import LoadedPlugin, PluginSpec, load_entry_points
from sociaaldomein.composition.overview import FundingOverview
from sociaaldomein.domain.beeindiging import (
    PilotEindregel,
    PilotToestand,
    TrajectEindregel,
    TrajectToestand,
)
from sociaaldomein.domain.besluit import Besluit
from sociaaldomein.domain.budget import Begroting
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.compiled import CompiledPilot, FailedPilot, TerminationCheck
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.provenance import PluginFailure, PluginRef
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Assessment, Route, Verdict
from sociaaldomein.errors import (
    CompositionError,
    PluginFailedError,
    PluginLoadWarning,
    UnknownPilotError,
)

__all__ = ["Compilation", "Gemeente", "PluginInfo"]

_REMOVED_IN = "0.3"
_MARK = f"{hookspecs.PROJECT_NAME}_impl"


@functools.cache
def _marked(cls: Hashable) -> frozenset[str]:
    """The names of the methods of ``cls`` (and its bases) marked with ``hookimpl``."""
    return frozenset(
        name
        for klass in cast("type", cls).__mro__
        for name, value in vars(klass).items()
        if hasattr(value, _MARK)
    )


class _PluginManager(pluggy.PluginManager):
    """pluggy's manager, but it inspects only the attributes that can be hook implementations.

    pluggy reads every attribute of a plugin statically; a ``PilotPlugin`` has
    dozens, which made registering a plugin cost milliseconds.  Methods defined
    on the class are looked up in one cached set; anything else (a module, an
    attribute set on the instance) goes through pluggy as before.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if not isinstance(plugin, types.ModuleType):
            own = getattr(plugin, "__dict__", {})
            if name not in own and name not in _marked(cast("Hashable", type(plugin))):
                return None
        return super().parse_hookimpl_opts(plugin, name)


@attrs.frozen(eq=False)
class Compilation(Mapping[str, CompiledPilot]):
    """Every pilot of a composition compiled: a mapping of the pilots that compiled.

    ``failed`` holds the pilots whose plugin failed, ``failures`` every
    failure of every plugin (including answers refused and plugins that
    provided nothing), and ``names`` every pilot in registration order.
    """

    compiled: Mapping[str, CompiledPilot]
    failed: Mapping[str, FailedPilot]
    failures: tuple[PluginFailure, ...]
    names: tuple[str, ...]
    feiten: Feitenregister = attrs.field(factory=Feitenregister.core)
    """The core's facts and those the plugins declared (a ``Feitenregister``)."""

    def __getitem__(self, name: str) -> CompiledPilot:
        return self.compiled[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.compiled)

    def __len__(self) -> int:
        return len(self.compiled)

    def get_any(self, name: str) -> CompiledPilot | FailedPilot:
        """The compiled or the failed pilot ``name``."""
        if name in self.compiled:
            return self.compiled[name]
        if name in self.failed:
            return self.failed[name]
        raise UnknownPilotError(name, self.names)


@attrs.frozen
class PluginInfo:
    """One registered plugin as ``sociaaldomein plugins`` shows it."""

    ref: PluginRef
    hooks: tuple[str, ...]
    pilots: tuple[str, ...]
    failures: tuple[PluginFailure, ...]


class Gemeente:
    """A municipality's composition of pilot plugins and policy plugins.

    Register plugins in code (:meth:`register`) or discover installed ones
    (:meth:`load_entry_points`).  Each pilot is compiled once, from its own
    provider and the policies, into a :class:`~sociaaldomein.CompiledPilot`
    that every method below works from; the answers are kept until a plugin
    is added or removed.

    A plugin that fails (raises, has a wrong signature, returns the wrong type,
    calls ``sys.exit``) is contained: its pilots answer "could not be assessed"
    naming the plugin and the call, and every other pilot goes on.
    ``strict=True`` turns any failure into a :class:`~sociaaldomein.PluginFailedError`.
    """

    def __init__(
        self,
        naam: str = "Groningen",
        *,
        plugins: Iterable[object] = (),
        specs: Iterable[PluginSpec] = (),
        strict: bool = False,
    ) -> None:
        self.naam = naam
        self.strict = strict
        self._pm = _PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._refs: dict[str, PluginRef] = {}
        self._broken: dict[str, tuple[object, PluginFailure]] = {}
        self._compilation: Compilation | None = None
        self._declarations: Declared | None = None
        self._besluiten: list[Besluit] = []
        self._params: dict[str, Mapping[str, object]] = {}
        self.loaded: list[LoadedPlugin] = []
        for plugin in plugins:
            self.register(plugin)
        for spec in specs:
            self.register(spec.build(), spec.name, params=spec.params)

    # plugins --------------------------------------------------------------

    def register(
        self,
        plugin: object,
        name: str | None = None,
        *,
        ref: PluginRef | None = None,
        params: Mapping[str, object] | None = None,
    ) -> str:
        """Add a pilot or policy plugin; returns the name it is registered under.

        Without ``name`` a plugin is named after its pilot, its module or its
        class.  A plugin whose hooks do not fit the specifications is kept as a
        failed plugin (an error with ``strict=True``).  ``params`` are the
        arguments its class was built with, when known: a decision that changes
        one of them builds the class again with the others
        (:meth:`apply`).
        """
        name = name or self._free_name(default_name(plugin))
        if self._pm.has_plugin(name) or name in self._broken:
            raise CompositionError(f"a plugin is already registered as {name!r}")
        if self._pm.is_registered(plugin):
            raise CompositionError(f"plugin {name!r} is already registered")
        ref = ref or plugin_ref(name, plugin)
        try:
            self._pm.register(plugin, name)
        except pluggy.PluginValidationError as exc:
            failure = PluginFailure(ref, "registration", str(exc).strip())
            if self.strict:
                raise PluginFailedError(failure) from exc
            self._broken[name] = (plugin, failure)
        else:
            self._refs[name] = ref
            if params is not None:
                self._params[name] = dict(params)
            self._warn_legacy(name, plugin)
        self._forget()
        return name

    def _free_name(self, base: str) -> str:
        name, n = base, 1
        while self._pm.has_plugin(name) or name in self._broken:
            n += 1
            name = f"{base}-{n}"
        return name

    def _warn_legacy(self, name: str, plugin: object) -> None:
        plain = plain_answer_hooks(self._impls_of(plugin))
        if plain:
            warnings.warn(
                f"plugin {name!r} implements {', '.join(plain)} as plain hooks (the 0.1 "
                "contract): return pilot definitions from sociaaldomein_pilots (subclass "
                "sociaaldomein.PilotPlugin) and change another pilot's answer only with "
                f"@hookimpl(wrapper=True); the 0.1 contract works until {_REMOVED_IN}",
                DeprecationWarning,
                stacklevel=3,
            )

    def _impls_of(self, plugin: object) -> list[pluggy.HookImpl]:
        return [
            impl
            for caller in self._pm.get_hookcallers(plugin) or []
            for impl in caller.get_hookimpls()
            if impl.plugin is plugin
        ]

    def unregister(self, plugin: object | str) -> None:
        """Remove a plugin, by object or by registered name."""
        name = plugin if isinstance(plugin, str) else self._pm.get_name(plugin)
        if name is None:
            name = next((n for n, (p, _) in self._broken.items() if p is plugin), None)
        if name in self._broken:
            del self._broken[name]
        elif name is not None and self._pm.has_plugin(name):
            self._pm.unregister(name=name)
            self._refs.pop(name, None)
            self._params.pop(name, None)
        else:
            raise CompositionError(f"no plugin registered as {plugin!r}")
        self._forget()

    def load_entry_points(
        self,
        *,
        allow: Collection[str] | None = None,
        block: Collection[str] = (),
        strict: bool | None = None,
    ) -> list[LoadedPlugin]:
        """Discover and register installed plugins (entry-point group ``sociaaldomein``).

        A plugin that cannot be loaded is named in a
        :class:`~sociaaldomein.errors.PluginLoadWarning` and skipped;
        ``strict=True`` (default: the composition's) raises instead.  Names
        already registered are not registered twice.
        """
        failed: list[tuple[LoadedPlugin, BaseException]] = []
        found = load_entry_points(
            allow=allow,
            block=block,
            strict=self.strict if strict is None else strict,
            skipped=failed,
        )
        for item, exc in failed:
            if self._pm.has_plugin(item.name) or item.name in self._broken:
                continue
            ref = PluginRef(item.name, item.distribution, item.version)
            broken = failure(ref, "loading its entry point", exc, None)
            # Kept as a failed plugin, so that it is listed with its failure like any other.
            self._broken[item.name] = (None, broken)
            warnings.warn(
                f"skipped plugin {item.name!r}: {broken.error}", PluginLoadWarning, stacklevel=2
            )
        self._forget()
        added = []
        for item in found:
            if self._pm.has_plugin(item.name) or item.name in self._broken:
                continue
            ref = PluginRef(item.name, item.distribution, item.version)
            self.register(item.plugin, item.name, ref=ref)
            added.append(item)
        self.loaded += added
        return added

    def plugin_names(self) -> list[str]:
        """The names of the registered plugins, failed ones included."""
        return [name for name, _ in self._pm.list_name_plugin()] + list(self._broken)

    def plugin(self, name: str) -> object:
        """The plugin registered as ``name``; an unknown name lists the registered ones."""
        plugin = self._pm.get_plugin(name)
        if plugin is None and name in self._broken:
            plugin = self._broken[name][0]
        if plugin is None:
            known = ", ".join(self.plugin_names()) or "none"
            raise CompositionError(f"no plugin registered as {name!r}; registered: {known}")
        return plugin

    def hooks_of(self, name: str) -> list[str]:
        """The hooks the plugin registered as ``name`` implements."""
        plugin = self._pm.get_plugin(name)
        callers = self._pm.get_hookcallers(plugin) or [] if plugin is not None else []
        return sorted(caller.name for caller in callers)

    def plugins_info(self) -> list[PluginInfo]:
        """Every registered plugin with its hooks, its pilots and its failures."""
        compilation = self.compile()
        providers = self._providers()
        out = []
        for name in self.plugin_names():
            ref = self._refs.get(name) or self._broken[name][1].plugin
            pilots = tuple(p for p, provider in providers.items() if provider == name)
            failures = tuple(f for f in compilation.failures if f.plugin.name == name)
            out.append(PluginInfo(ref, tuple(self.hooks_of(name)), pilots, failures))
        return out

    def _forget(self) -> None:
        self._compilation = None
        self._declarations = None

    # decisions of the council and the college -------------------------------

    def apply(self, besluit: Besluit) -> None:
        """Apply a decision: the pilots it changes get dated versions (:mod:`sociaaldomein.policy`).

        Decisions apply in the order given; each is checked at once (its pilots
        exist, its parameters fit), and a decision that does not fit is refused
        with the composition left as it was.  No plugin is edited: a version is
        the pilot compiled again with the changed values.
        """
        if not isinstance(besluit, Besluit):
            raise CompositionError(f"apply takes a Besluit, got {type(besluit).__name__}")
        self._besluiten.append(besluit)
        self._forget()
        try:
            known = self.compile().names
            for name in besluit.pilots():
                if name not in known:
                    raise UnknownPilotError(name, known)
        except BaseException:
            self._besluiten.pop()
            self._forget()
            raise

    @property
    def besluiten(self) -> tuple[Besluit, ...]:
        """The decisions applied, in order."""
        return tuple(self._besluiten)

    def _dated(self, compiled: CompiledPilot, definition: object, ref: PluginRef) -> CompiledPilot:
        from sociaaldomein.policy.versions import Applied, dated

        changes = [
            Applied(b, i, c)
            for b in self._besluiten
            for i, c in enumerate(b.wijzigingen)
            if c.pilot == compiled.name
        ]
        if not changes:
            return compiled

        def recompile(rebuilt: object) -> CompiledPilot:
            return compile_pilot(rebuilt, ref, self._pm, self._refs)[0]

        return dated(compiled, definition, changes, recompile, self._params.get(ref.name))

    # compiling ------------------------------------------------------------

    def _definitions(self) -> tuple[list[tuple[str, object]], list[PluginFailure]]:
        """(plugin name, definition) for every pilot, and the failures of asking for them."""
        found: list[tuple[str, object]] = []
        failures: list[PluginFailure] = []
        for impl in self._pm.hook.sociaaldomein_pilots.get_hookimpls():
            ref = self._refs[impl.plugin_name]
            own = {i.function.__name__: i for i in self._impls_of(impl.plugin)}
            try:
                answer = guarded(ref, "sociaaldomein_pilots", impl.function)
                items = list(cast("Iterable[object]", answer))
                found += [(impl.plugin_name, as_definition(i, own)) for i in items]
            except FailedError as failed:
                failures.append(failed.failure)
            except TypeError as exc:
                failures.append(PluginFailure(ref, "sociaaldomein_pilots", str(exc)))
        return found, failures

    def _providers(self) -> dict[str, str]:
        compilation = self.compile()
        out: dict[str, str] = {}
        for name in compilation.names:
            pilot = compilation.get_any(name)
            ref = pilot.provided_by if isinstance(pilot, CompiledPilot) else pilot.failure.plugin
            out[name] = ref.name
        return out

    def compile(self) -> Compilation:
        """Every pilot compiled once (kept until a plugin is registered or removed)."""
        if self._compilation is not None:
            return self._compilation
        definitions, failures = self._definitions()
        declared = self._declared(definitions)
        failures += declared.failures
        compiled: dict[str, CompiledPilot] = {}
        failed: dict[str, FailedPilot] = {}
        names: list[str] = []
        providers: dict[str, PluginRef] = {}
        for plugin_name, definition in definitions:
            ref = self._refs[plugin_name]
            pilot: Pilot = getattr(definition, "pilot")  # noqa: B009
            if pilot.naam in providers:
                failures.append(
                    PluginFailure(
                        ref,
                        "sociaaldomein_pilots",
                        f"provides a pilot named {pilot.naam!r}, which plugin "
                        f"{providers[pilot.naam]} provides already; give one of them "
                        "another pilot name",
                        pilot.naam,
                    )
                )
                continue
            providers[pilot.naam] = ref
            names.append(pilot.naam)
            if pilot.naam in declared.failed_pilots:  # its rules may read what failed to declare
                failed[pilot.naam] = FailedPilot(
                    pilot.naam, declared.failed_pilots[pilot.naam], pilot
                )
                continue
            try:
                compiled[pilot.naam], refused = compile_pilot(definition, ref, self._pm, self._refs)
                failures += refused
                if self._besluiten:
                    compiled[pilot.naam] = self._dated(compiled[pilot.naam], definition, ref)
            except FailedError as exc:
                failed[pilot.naam] = FailedPilot(pilot.naam, exc.failure, pilot)
                failures.append(exc.failure)
        for plugin, broken in self._broken.values():
            failures.append(broken)
            for pilot in _pilots_of_broken(plugin, broken.plugin):
                if pilot.naam not in providers:
                    names.append(pilot.naam)
                    failed[pilot.naam] = FailedPilot(pilot.naam, broken, pilot)
        if self.strict and failures:
            raise PluginFailedError(failures[0])
        self._compilation = Compilation(
            compiled, failed, tuple(failures), tuple(names), declared.feiten
        )
        return self._compilation

    def _declared(self, definitions: list[tuple[str, object]] | None = None) -> Declared:
        if self._declarations is None:
            found = self._definitions()[0] if definitions is None else definitions
            self._declarations = collect_declarations(found, self._pm, self._refs)
        return self._declarations

    @property
    def feiten(self) -> Feitenregister:
        """The facts and terms of the composition: the core's and every plugin's declared ones.

        Read family and cohort files against it (``read_gezinnen(path,
        feiten=gemeente.feiten)``) so that they may hold the declared facts.
        Asking for it compiles no pilot: only the declarations are collected.
        """
        if self._compilation is not None:
            return self._compilation.feiten
        return self._declared().feiten

    @property
    def failures(self) -> tuple[PluginFailure, ...]:
        """Every plugin failure of the composition (empty when all is well)."""
        return self.compile().failures

    # pilots ---------------------------------------------------------------

    @property
    def pilots(self) -> Mapping[str, Pilot]:
        """Every pilot of the composition by name, in registration order (failed ones too)."""
        compilation = self.compile()
        out: dict[str, Pilot] = {}
        for name in compilation.names:
            pilot = compilation.get_any(name).pilot
            if pilot is not None:
                out[name] = pilot
        return out

    def pilot(self, name: str) -> Pilot:
        """The pilot ``name``; an unknown name lists the known ones."""
        try:
            return self.pilots[name]
        except KeyError:
            raise UnknownPilotError(name, self.pilots) from None

    def compiled(self, name: str) -> CompiledPilot:
        """The pilot ``name`` with all its answers.

        Raises :class:`~sociaaldomein.PluginFailedError` when its plugin failed
        and :class:`~sociaaldomein.UnknownPilotError` for an unknown name.
        """
        pilot = self.compile().get_any(name)
        if isinstance(pilot, FailedPilot):
            raise PluginFailedError(pilot.failure)
        return pilot

    # decisions ------------------------------------------------------------

    def assess(
        self,
        gezin: Gezin,
        on: pendulum.Date,
        *,
        occupancy: Mapping[str, int] | None = None,
        admitted: Mapping[str, int] | None = None,
        pilots: Iterable[str] | None = None,
    ) -> Assessment:
        """One verdict per pilot for ``gezin`` on ``on``, each with its reasons.

        ``occupancy`` gives the number of families in each pilot now, and
        ``admitted`` the number admitted so far over its looptijd: a pilot full
        at once, or one that has reached its total (``Pilot.max_totaal``),
        waitlists an eligible family.  A pilot whose plugin failed (also while
        its rules are evaluated) gets a verdict that says so.
        """
        compilation = self.compile()
        names = list(compilation.names) if pilots is None else list(pilots)
        now, so_far = occupancy or {}, admitted or {}
        # A rule can hold plugin code (a Predicate): what it prints goes to standard error.
        # Swapped by hand: contextlib.redirect_stdout makes an object per family asked about.
        shown, sys.stdout = sys.stdout, sys.stderr
        try:
            verdicts = [self._decide(compilation, n, gezin, on, now, so_far) for n in names]
        finally:
            sys.stdout = shown
        return Assessment.of(gezin.id, on, verdicts)

    def _decide(
        self,
        compilation: Compilation,
        name: str,
        gezin: Gezin,
        on: pendulum.Date,
        now: Mapping[str, int],
        so_far: Mapping[str, int],
    ) -> Verdict:
        pilot = compilation.get_any(name)
        if isinstance(pilot, FailedPilot):
            return pilot.decide(gezin, on)
        try:
            return pilot.decide(gezin, on, now.get(name, 0), admitted_so_far=so_far.get(name, 0))
        except (Exception, SystemExit) as exc:  # evaluating a rule with plugin code failed
            found = failure(pilot.provided_by, "eligibility (evaluating the rule)", exc, name)
            if self.strict:
                raise PluginFailedError(found) from exc
            return Verdict.failed(name, gezin.id, on, found)

    def assess_cohort(self, cohort: Cohort, on: pendulum.Date) -> dict[str, Array]:
        """Outcome codes per pilot for every family of ``cohort`` (vectorised)."""
        compilation = self.compile()
        return {n: compilation.get_any(n).outcomes(cohort, on) for n in compilation.names}

    def funding(
        self, *, periode: Periode | None = None, pilots: Iterable[str] | None = None
    ) -> Begroting:
        """The budget lines of the pilots that compiled, optionally those touching ``periode``."""
        compilation = self.compile()
        names = list(compilation.names) if pilots is None else list(pilots)
        lines = [line for n in names if n in compilation for line in compilation[n].funding]
        for n in names:
            compilation.get_any(n)  # an unknown name raises, listing the known ones
        if periode is not None:
            lines = [line for line in lines if _touches(line.jaar, line.periode, periode)]
        return Begroting(lines)

    def funding_overview(
        self, *, years: Iterable[int] | None = None, pilots: Iterable[str] | None = None
    ) -> FundingOverview:
        """Money per pilot, funder and year, added exactly; a failed pilot has a row saying so."""
        compilation = self.compile()
        names = list(compilation.names) if pilots is None else list(pilots)
        failed = tuple(compilation.failed[n].failure for n in names if n in compilation.failed)
        return FundingOverview.of(self.funding(pilots=names), years, failed=failed)

    def check_termination(self, pilot: str, state: PilotToestand) -> TerminationCheck:
        """Whether ``pilot`` has ended in ``state``, and by which rule."""
        return self.compiled(pilot).check_termination(state)

    def check_trajectory(self, pilot: str, state: TrajectToestand) -> TerminationCheck:
        """Whether a family's trajectory in ``pilot`` has ended, and by which rule."""
        return self.compiled(pilot).check_trajectory(state)

    # 0.1 names: one answer each, now fields of the compiled pilot ----------

    def _deprecated(self, old: str, new: str, pilot: str) -> CompiledPilot:
        warnings.warn(
            f"Gemeente.{old}(name) is deprecated: use Gemeente.compiled(name).{new} "
            f"(until {_REMOVED_IN})",
            DeprecationWarning,
            stacklevel=3,
        )
        return self.compiled(pilot)

    def eligibility(self, pilot: str) -> Rule:
        """Deprecated: ``compiled(pilot).eligibility``."""
        return self._deprecated("eligibility", "eligibility", pilot).eligibility

    def routes(self, pilot: str) -> tuple[Route, ...]:
        """Deprecated: ``compiled(pilot).routes``."""
        return self._deprecated("routes", "routes", pilot).routes

    def cost_model(self, pilot: str) -> Kostenmodel | None:
        """Deprecated: ``compiled(pilot).cost_model``."""
        return self._deprecated("cost_model", "cost_model", pilot).cost_model

    def termination_rules(self, pilot: str) -> tuple[PilotEindregel, ...]:
        """Deprecated: ``compiled(pilot).pilot_termination``."""
        return self._deprecated("termination_rules", "pilot_termination", pilot).pilot_termination

    def trajectory_rules(self, pilot: str) -> tuple[TrajectEindregel, ...]:
        """Deprecated: ``compiled(pilot).trajectory_termination``."""
        compiled = self._deprecated("trajectory_rules", "trajectory_termination", pilot)
        return compiled.trajectory_termination

    def mandaat(self, pilot: str) -> Mandaat | None:
        """Deprecated: ``compiled(pilot).mandate``."""
        return self._deprecated("mandaat", "mandate", pilot).mandate

    def escalation(self, pilot: str) -> Escalatieladder | None:
        """Deprecated: ``compiled(pilot).escalation``."""
        return self._deprecated("escalation", "escalation", pilot).escalation

    def evaluation_plan(self, pilot: str) -> Evaluatieplan | None:
        """Deprecated: ``compiled(pilot).evaluation_plan``."""
        return self._deprecated("evaluation_plan", "evaluation_plan", pilot).evaluation_plan

    def __repr__(self) -> str:
        return f"Gemeente({self.naam!r}, pilots={sorted(self.pilots)!r})"


def _pilots_of_broken(plugin: object, ref: PluginRef) -> list[Pilot]:
    """The pilots a plugin that could not be registered says it has, if it can say."""
    provide = getattr(plugin, "sociaaldomein_pilots", None)
    if not callable(provide):
        return []
    try:
        items = list(guarded(ref, "sociaaldomein_pilots", provide))
    except (FailedError, TypeError):
        return []
    pilots = [getattr(i, "pilot", i) for i in items]
    return [p for p in pilots if isinstance(p, Pilot)]


def _touches(jaar: int | None, periode: Periode | None, window: Periode) -> bool:
    if periode is not None:
        return periode.overlap(window) is not None
    return jaar is not None and Periode.year(jaar).overlap(window) is not None
