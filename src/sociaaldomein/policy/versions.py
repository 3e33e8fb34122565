"""A pilot's dated versions: its compiled answers as each decision changes them from a date.

Every change of a decision that holds from a date (a parameter, the rule, the
costs) starts a new version on that date; the version holds every dated change
up to then, in the order the decisions were applied.  A version is compiled like
the pilot itself, through the composition's compiler, so the policies of the
composition wrap it too: a parameter of the plugin class builds the class again
with the parameters it was built with and the changed one; the pilot's own
fields (``capaciteit``, ``max_totaal``), the rule and the costs change the
compiled value.  Looptijd changes and added funding lines hold in every version.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from sociaaldomein.domain.besluit import (
    Besluit,
    Financiering,
    Geldigheid,
    KostenWijziging,
    LooptijdWijziging,
    ParameterWijziging,
    RegelWijziging,
    Wijziging,
)
from sociaaldomein.domain.compiled import CompiledPilot, Versie
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.pilot import Looptijd, Pilot, PilotStatus
from sociaaldomein.domain.provenance import PluginRef, Provenance
from sociaaldomein.domain.rules import AllOf
from sociaaldomein.errors import InvalidValueError

__all__ = ["PILOT_FIELDS", "Applied", "dated", "rebuild"]

PILOT_FIELDS = ("capaciteit", "max_totaal")
"""Parameters every pilot has, whatever its plugin class: changed on the compiled pilot."""

_DATED = (ParameterWijziging, RegelWijziging, KostenWijziging)


@attrs.frozen
class Applied:
    """One change of one decision, with where it sits (for messages: ``wijzigingen[2]``)."""

    besluit: Besluit
    index: int
    change: Wijziging

    @property
    def field(self) -> str:
        """The change's place in its decision."""
        return f"wijzigingen[{self.index}]"


def _arguments(definition: object) -> dict[str, Any]:
    """The arguments ``definition``'s class takes that it keeps under the same name."""
    signature = inspect.signature(type(definition))
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    own = vars(definition)
    out: dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if parameter.kind not in kinds:
            continue
        if name == "name":
            out[name] = definition.pilot.naam  # type: ignore[attr-defined]
        elif name in own:
            out[name] = own[name]
    return out


def _comparable(pilot: Pilot) -> Pilot:
    return attrs.evolve(pilot, looptijd=Looptijd(pilot.looptijd.start, pilot.looptijd.eind))


def rebuild(
    definition: object,
    changed: Mapping[str, object],
    fields: Mapping[str, str],
    known: Mapping[str, object] | None = None,
) -> object:
    """``definition``'s class built again with its own arguments and ``changed``.

    Its own arguments are ``known`` (those it was registered with, from a spec
    or a scenario), else the ones it keeps under the same name.  Refused, at the
    change's field, when the class takes no such parameter, refuses the value,
    or cannot be built again to the same pilot (its other arguments are then
    unknown, and a new version would silently lose them).
    """
    from sociaaldomein.io.errors import FileFormatError
    from sociaaldomein.io.scenario import plugin_arguments

    factory = type(definition)
    converted: dict[str, Any] = {}
    for name, value in changed.items():
        field = fields[name]
        try:
            converted |= plugin_arguments(factory, {name: value}, field="@")
        except FileFormatError as exc:
            tail = exc.field.removeprefix(f"@.{name}").removeprefix("@")
            raise InvalidValueError(field + tail, exc.problem) from None
    own = _arguments(definition)
    base = own if known is None else {**{k: v for k, v in own.items() if k == "name"}, **known}
    original: Pilot = definition.pilot  # type: ignore[attr-defined]
    try:
        again = factory(**base)
    except Exception as exc:
        again = None
        why = f"{type(exc).__name__}: {exc}"
    if again is None or _comparable(getattr(again, "pilot", None) or original) != _comparable(
        original
    ):
        raise InvalidValueError(
            next(iter(fields.values())),
            f"cannot change a parameter of {factory.__name__}: it cannot be built again from "
            "what it keeps"
            + (f" ({why})" if again is None else " (its other arguments are not kept)")
            + f"; change one of the pilot's own fields ({', '.join(PILOT_FIELDS)}) or build "
            "the changed plugin yourself",
        )
    try:
        built: Any = factory(**{**base, **converted})
    except InvalidValueError as exc:
        raise InvalidValueError(list(fields.values())[-1], exc.problem) from None
    # The looptijd and status as the composition has them (an extension, say).
    built.pilot = attrs.evolve(built.pilot, looptijd=original.looptijd, status=original.status)
    return built


def _scaled(costs: Kostenmodel | None, factor: Decimal, field: str) -> Kostenmodel:
    if costs is None:
        raise InvalidValueError(
            field, "the pilot has no cost model to change; give the simulation's costs instead"
        )

    def times(amount: Money) -> Money:
        return Money(amount.amount * factor).rounded()

    return attrs.evolve(
        costs,
        vast_per_maand=times(costs.vast_per_maand),
        per_gezin_per_maand=times(costs.per_gezin_per_maand),
        per_instroom=times(costs.per_instroom),
        afgeleid=True,
    )


def _looptijd(pilot: Pilot, applied: Applied) -> Pilot:
    change = applied.change
    assert isinstance(change, LooptijdWijziging)
    lt = pilot.looptijd
    if change.eind > lt.eind:
        if pilot.status is PilotStatus.PREPARING:
            pilot = pilot.with_status(PilotStatus.ACTIVE)
        return pilot.extend(
            change.eind,
            reason=str(applied.besluit),
            decided_on=applied.besluit.datum,
            source=applied.besluit.bron,
        )
    if change.eind <= lt.start:
        raise InvalidValueError(
            f"{applied.field}.eind",
            f"must lie after the pilot's start {lt.start.isoformat()}, "
            f"got {change.eind.isoformat()}",
        )
    return attrs.evolve(pilot, looptijd=Looptijd(lt.start, change.eind))


def _with(
    cp: CompiledPilot, aspects: Sequence[str], ref: PluginRef, **changes: Any
) -> CompiledPilot:
    provenance = dict(cp.provenance)
    for aspect in aspects:
        old = provenance.get(aspect, Provenance(cp.provided_by))
        if ref not in old.changed_by:
            provenance[aspect] = Provenance(old.given_by, (*old.changed_by, ref))
    return attrs.evolve(cp, provenance=provenance, **changes)


def _version(
    base: CompiledPilot,
    definition: object,
    changes: Sequence[Applied],
    recompile: Callable[[object], CompiledPilot],
    known: Mapping[str, object] | None,
) -> CompiledPilot:
    """``base`` with every change of ``changes`` applied, in order."""
    params = {
        a.change.parameter: a
        for a in changes
        if isinstance(a.change, ParameterWijziging) and a.change.parameter not in PILOT_FIELDS
    }
    cp = base
    if params:
        values = {name: a.change.waarde for name, a in params.items()}  # type: ignore[union-attr]
        where = {name: f"{a.field}.waarde" for name, a in params.items()}
        rebuilt = rebuild(definition, values, where, known)
        cp = recompile(rebuilt)
        cp = attrs.evolve(cp, pilot=base.pilot, funding=base.funding, besluiten=base.besluiten)
        for a in params.values():
            cp = _with(cp, ("eligibility", "routes"), PluginRef(str(a.besluit)))
    for a in changes:
        change, ref = a.change, PluginRef(str(a.besluit))
        if isinstance(change, ParameterWijziging) and change.parameter in PILOT_FIELDS:
            value = change.waarde
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise InvalidValueError(
                    f"{a.field}.waarde", f"must be a whole number or none, got {value!r}"
                )
            fields: dict[str, Any] = {
                change.parameter: value,
                f"{change.parameter}_bron": a.besluit.bron,
            }
            try:
                pilot = attrs.evolve(cp.pilot, **fields)
            except InvalidValueError as exc:
                raise InvalidValueError(f"{a.field}.waarde", exc.problem) from None
            cp = _with(cp, ("eligibility",), ref, pilot=pilot)
        elif isinstance(change, RegelWijziging):
            rule = (
                change.regel if change.soort == "vervang" else AllOf([cp.eligibility, change.regel])
            )
            cp = _with(cp, ("eligibility",), ref, eligibility=rule)
        elif isinstance(change, KostenWijziging):
            costs = _scaled(cp.cost_model, change.factor, f"{a.field}.factor")
            cp = _with(
                cp, ("cost_model",), ref, cost_model=attrs.evolve(costs, bron=a.besluit.bron)
            )
    return cp


def _decisions(changes: Sequence[Applied]) -> tuple[Besluit, ...]:
    """The decisions of ``changes``, once each, in order (a value may be unhashable)."""
    out: list[Besluit] = []
    for a in changes:
        if not any(a.besluit is b for b in out):
            out.append(a.besluit)
    return tuple(out)


def dated(
    compiled: CompiledPilot,
    definition: object,
    changes: Sequence[Applied],
    recompile: Callable[[object], CompiledPilot],
    known: Mapping[str, object] | None = None,
) -> CompiledPilot:
    """``compiled`` with ``changes`` (all about it) applied: one version per date of change."""
    pilot = compiled.pilot
    funding = list(compiled.funding)
    besluiten = _decisions(changes)
    for a in changes:
        if isinstance(a.change, LooptijdWijziging):
            pilot = _looptijd(pilot, a)
        elif isinstance(a.change, Financiering):
            funding.append(a.change.regel)
    base = attrs.evolve(
        compiled.with_pilot(pilot), funding=tuple(funding), besluiten=besluiten, versions=()
    )
    if any(isinstance(a.change, Financiering) for a in changes):
        refs = [PluginRef(str(a.besluit)) for a in changes if isinstance(a.change, Financiering)]
        for ref in dict.fromkeys(refs):
            base = _with(base, ("funding",), ref)
    dated_changes = [a for a in changes if isinstance(a.change, _DATED)]
    if not dated_changes:
        return base
    starts = sorted({a.change.vanaf for a in dated_changes})  # type: ignore[union-attr]
    plain = "as its plugin provides it" + (f", from {pilot.brief.file}" if pilot.brief else "")
    versions = [Versie(1, Geldigheid(None, starts[0], None, plain), base)]
    for i, start in enumerate(starts):
        upto = [a for a in dated_changes if a.change.vanaf <= start]  # type: ignore[union-attr]
        now = [a for a in upto if a.change.vanaf == start]  # type: ignore[union-attr]
        until = starts[i + 1] if i + 1 < len(starts) else None
        reason = "; ".join(a.change.describe() for a in now)
        geldigheid = Geldigheid(start, until, now[-1].besluit.bron, reason)
        version = _version(base, definition, upto, recompile, known)
        versions.append(
            Versie(
                i + 2,
                geldigheid,
                version,
                _decisions(upto),
                tuple(a.change.describe() for a in upto),
            )
        )
    return attrs.evolve(base, versions=tuple(versions))
