"""The composition compiled for simulation: plain integer tables, built once.

:func:`build_model` consults the composition once: the pilots, their compiled
rules (:meth:`~sociaaldomein.Gemeente.compile`), funding lines, cost models
(the default of each pilot's design, :meth:`PilotDesign.costs
<sociaaldomein.simulation.PilotDesign.costs>`), evaluation plans and
termination rules.  It evaluates every pilot's outcome for every
family of the cohort with the vectorised
:meth:`~sociaaldomein.CompiledPilot.outcomes`, month by month, and keeps a
compact routing table: per family an 8-bit mask of the pilots that would take
it and one fallback code, deduplicated over months whose answer does not
change (*epochs*).  The month loop then only looks numbers up; no hook, rule
or date is touched in it.

Money is kept in integer cents (``int64``) inside the model and the kernels;
:class:`~sociaaldomein.simulation.results.Results` converts it back to
:class:`~sociaaldomein.Money` exactly.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs
import numpy as np
import pendulum

from sociaaldomein.composition.gemeente import Compilation, Gemeente
from sociaaldomein.domain.beeindiging import BudgetUitgeput, PartnerOpzegging
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.columns import CohortColumns
from sociaaldomein.domain.compiled import OUTCOME_CODES, CompiledPilot
from sociaaldomein.domain.dynamics import (
    Precomputed,
    changes,
    precompute,
    require_declared,
    split,
)
from sociaaldomein.domain.feiten import FEITEN
from sociaaldomein.domain.gezin import Verwijzer, ZrmDomein
from sociaaldomein.domain.ids import CohortIds
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.money import CENT, Money
from sociaaldomein.domain.periode import Periode, month_index
from sociaaldomein.domain.pilot import Looptijd, Pilot
from sociaaldomein.domain.provenance import PluginFailure
from sociaaldomein.domain.rules import Compare, HasAll, HasAny, Rule
from sociaaldomein.domain.verdict import Outcome
from sociaaldomein.errors import InvalidValueError, PluginFailedError, UnknownPilotError
from sociaaldomein.simulation.settings import PRIORITIES, PilotDesign, Settings

__all__ = [
    "BIG",
    "NOT_PLACED",
    "Dynamics",
    "Model",
    "build_model",
    "cents",
    "combine",
    "money",
    "threshold",
]

BIG: Final = 1 << 40
"""Stands for "no limit" in capacities and affordable counts."""

NOT_PLACED: Final = {-1: "not eligible", -2: "referred elsewhere", -3: "regular route"}
"""Fallback codes of a family no running pilot takes."""

_ELIGIBLE: Final = OUTCOME_CODES[Outcome.ELIGIBLE]
_REFERRED: Final = OUTCOME_CODES[Outcome.REFERRED]
_REGULAR: Final = OUTCOME_CODES[Outcome.REGULAR_ROUTE]
_OUTCOME: Final = "outcome:{}"  # the precomputed outcome codes of pilot {} (dynamics)


def threshold(p: float) -> int:
    """A probability as a threshold on a uniform 32-bit draw: ``u < threshold(p)``.

    Integer thresholds make the vectorised and the object kernel decide
    exactly alike (a float comparison could differ in the last bit).
    """
    return min(1 << 32, round(p * (1 << 32)))


def cents(amount: Money) -> int:
    """Whole cents of ``amount`` (rounded half to even if it holds a fraction of a cent)."""
    return int((amount.rounded().amount / CENT).to_integral_value())


def money(amount_cents: int) -> Money:
    """Exact :class:`Money` for a number of cents."""
    return Money(Decimal(int(amount_cents)).scaleb(-2))


_DERIVED: weakref.WeakKeyDictionary[CompiledPilot, dict[object, Any]] = weakref.WeakKeyDictionary()


def derived(cp: CompiledPilot) -> dict[object, Any]:
    """What builds work out from compiled pilot ``cp`` alone, kept while ``cp`` lives.

    A composition keeps its compiled pilots (:meth:`Gemeente.compile
    <sociaaldomein.Gemeente.compile>`), so a composition simulated again reuses
    its monthly plans and split rules instead of working them out anew.
    """
    try:
        return _DERIVED.setdefault(cp, {})
    except TypeError:  # not weakly referable: nothing kept
        return {}


@attrs.frozen(eq=False)
class Dynamics:
    """Routing when problems change monthly.

    ``pilots`` are the compiled pilots with every part of their rules that
    reads no changing fact replaced by a precomputed column
    (:func:`sociaaldomein.domain.dynamics.split`), or ``None`` for a pilot
    none of whose rules changes: its outcome codes are a precomputed column.
    The columns are computed once per epoch of months whose answer is the
    same.  Both kernels route through :meth:`routes`, so they decide alike by
    construction.
    """

    pilots: tuple[CompiledPilot | None, ...]
    cohort: Cohort  # without Gezin objects: a view replaces its problems
    dates: tuple[pendulum.Date, ...]
    statics: tuple[dict[str, Array], ...]  # per static epoch: the precomputed columns, (F,)
    gates: tuple[Array, ...]  # per static epoch: (P, F) bool, phased intake allows
    epoch_of_month: Array
    date_free: bool = False
    """Whether, within an epoch, routing depends on a family's row and problems only (no
    dated version, and every leaf that is not precomputed reads the problems through the
    core's facts): then months of one epoch may be routed together (:meth:`routes`)."""
    problems_only: bool = False
    """Whether routing depends on a family's problems alone (date free, every leaf reads
    the problems, no precomputed column, no phased intake): then a month's routing is a
    table over the problem masks (:meth:`table`)."""
    tables: dict[object, Any] = attrs.field(factory=dict)
    """The routing tables found so far (:meth:`table`), by month."""

    @classmethod
    def of(
        cls,
        pilots: Sequence[CompiledPilot],
        cohort: Cohort,
        dates: Sequence[pendulum.Date],
        gates: Sequence[Array],
    ) -> Dynamics:
        """Split the pilots' rules and precompute their static parts (once per run set)."""
        statics, split_pilots, fixed, date_free, facts = _split_all(pilots)

        def columns_on(day: pendulum.Date) -> dict[str, Array]:
            out = precompute(statics, cohort, day)
            out.update({key: cp.outcomes(cohort, day) for key, cp in fixed.items()})
            return out

        names: list[str] = []

        def months() -> Iterator[tuple[Array, ...]]:
            # One month at a time: only the epochs are kept, never every month's columns.
            for m, day in enumerate(dates):
                columns = columns_on(day)
                if not names:
                    names.extend(columns)
                yield (*columns.values(), gates[m])

        if statics or fixed:
            epochs, of_month = _dedupe(months())
        elif len({id(gate) for gate in gates}) == 1:  # one intake mask for every month
            epochs, of_month = [(gates[0],)], np.zeros(len(gates), dtype=np.int64)
        else:  # every rule reads a changing fact: the epochs are the intake masks'
            epochs, of_month = _dedupe((gate,) for gate in gates)
        read = _read_columns(cohort, facts)
        return cls(
            tuple(split_pilots),
            # Routing reads no id: counted ids cost nothing to take a month's rows of.  It
            # holds only the columns the rules read (a month's rules may look through all).
            Cohort(
                CohortIds.numbered(len(cohort)),
                read,
                cohort.vocabularies,
            ),
            tuple(dates),
            tuple(dict(zip(names, e[:-1], strict=True)) for e in epochs),
            tuple(e[-1] for e in epochs),
            of_month,
            date_free,
            date_free
            and not statics
            and not fixed
            and set(read) <= {"problemen"}
            and all(bool(gate.all()) for gate in (e[-1] for e in epochs)),
        )

    def routes(self, month: int, rows: Array, problems: Array) -> tuple[Array, Array]:
        """Eligible-pilot bitmask and fallback code of families ``rows`` with ``problems``."""
        e = int(self.epoch_of_month[month])
        now = _month_view(self.cohort, rows, problems, self.statics[e])
        on = self.dates[month]
        outcomes = [
            now.column(_OUTCOME.format(p)) if cp is None else cp.outcomes(now, on)
            for p, cp in enumerate(self.pilots)
        ]
        return combine(outcomes, self.gates[e][:, rows])

    def table(self, month: int) -> tuple[Array, Array] | None:
        """Month ``month``'s routing of every problem mask, when routing reads the problems
        alone (:attr:`problems_only`): ``routes(month, rows, problems)`` is then
        ``(bits[problems], fallback[problems])`` for any rows.  ``None`` otherwise.

        A month routes a few hundred families of a big cohort in a dozen numpy calls;
        the table is those calls once for all masks (512 for nine problems), and then
        two lookups a month.  Worked out once per epoch and per set of pilots in
        their looptijd (the rules answer "closed" outside it).
        """
        if not self.problems_only or len(self.cohort) == 0:
            return None
        if month in self.tables:
            known: tuple[Array, Array] | None = self.tables[month]
            return known
        on = self.dates[month]
        highest = self.tables.get(_HIGHEST)
        if highest is None:
            highest = self.tables[_HIGHEST] = int(self.cohort.column("problemen").max(initial=0))
        # Problem changes flip the nine lowest bits; no mask reaches beyond these.
        size = 1 << max(_CHANGING_PROBLEMS, int(highest).bit_length())
        if size > _TABLE_LIMIT:
            self.tables[month] = None
            return None
        # What the table depends on: the split pilots (kept with the composition), which of
        # them are in their looptijd, and the masks; the same for every build that keeps them.
        pilots = tuple(cp for cp in self.pilots if cp is not None)
        key = (
            _TABLE,
            tuple(id(cp) for cp in pilots),
            tuple(on in cp.pilot.looptijd for cp in pilots),
            size,
            tuple(self.cohort.vocabularies.get("problemen", ())),
        )
        kept = derived(pilots[0])
        found: tuple[Array, Array] | None = kept.get(key)
        if found is None:
            masks = np.arange(size, dtype=np.uint16)
            found = self.routes(month, np.arange(size) % len(self.cohort), masks)
            for a in found:
                a.flags.writeable = False
            kept[key] = found
        self.tables[month] = found
        return found


_TABLE: Final = ("routing table",)
_HIGHEST: Final = ("highest problem mask",)
_CHANGING_PROBLEMS: Final = 9
"""Problem dynamics flip one of the nine lowest bits of a family's problems."""
_TABLE_LIMIT: Final = 1 << 12
"""Masks at most in a routing table (:meth:`Dynamics.table`): beyond, routing as it comes."""


_Split = tuple[list[Rule], list[CompiledPilot | None], dict[str, CompiledPilot]]


class _Splitted(NamedTuple):
    statics: list[Rule]
    pilots: list[CompiledPilot | None]
    fixed: dict[str, CompiledPilot]
    date_free: bool
    facts: frozenset[str]


def _split_all(pilots: Sequence[CompiledPilot]) -> _Splitted:
    """The static subtrees, the split pilots, the pilots no change reaches, whether
    routing is date free (:func:`_date_free`) and the facts the split rules read.

    Kept with the first pilot for the same pilots in the same order (the
    static columns are numbered across them): a composition simulated again
    splits nothing.  What is kept refers to the pilots weakly, so keeping it
    keeps no pilot alive.
    """
    if not pilots:
        return _Splitted([], [], {}, True, frozenset({"problemen"}))
    kept = derived(pilots[0])
    found = kept.get(_SPLIT)
    if (
        found is not None
        and len(found[0]) == len(pilots)
        and all(ref() is cp for ref, cp in zip(found[0], pilots, strict=True))
    ):
        statics, split_pilots, fixed_at, date_free, facts = found[1:]
        fixed = {key: pilots[p] for key, p in fixed_at.items()}
        return _Splitted(statics, split_pilots, fixed, date_free, facts)
    statics, split_pilots, fixed = _split(pilots)
    date_free, facts = _date_free(split_pilots), _facts(split_pilots)
    refs = tuple(weakref.ref(cp) for cp in pilots)
    at = {key: next(p for p, cp in enumerate(pilots) if cp is f) for key, f in fixed.items()}
    kept[_SPLIT] = (refs, statics, split_pilots, at, date_free, facts)
    return _Splitted(statics, split_pilots, fixed, date_free, facts)


_SPLIT: Final = ("dynamics split",)


def _split(pilots: Sequence[CompiledPilot]) -> _Split:
    statics: list[Rule] = []
    split_pilots: list[CompiledPilot | None] = []
    fixed: dict[str, CompiledPilot] = {}

    def split_pilot(cp: CompiledPilot) -> CompiledPilot:
        name = cp.pilot.naam
        routes = tuple(attrs.evolve(r, when=split(r.when, statics, pilot=name)) for r in cp.routes)
        eligibility = split(cp.eligibility, statics, pilot=name)
        return attrs.evolve(cp, eligibility=eligibility, routes=routes)

    for p, cp in enumerate(pilots):
        name = cp.pilot.naam
        # A pilot with dated versions (sociaaldomein.policy) has rules per version.
        parts = [v.pilot for v in cp.versions] or [cp]
        rules = [r for x in parts for r in (x.eligibility, *(t.when for t in x.routes))]
        for rule in rules:
            require_declared(rule, pilot=name)
        if not any(changes(r) for r in rules):
            fixed[_OUTCOME.format(p)] = cp
            split_pilots.append(None)
            continue
        versions = tuple(attrs.evolve(v, pilot=split_pilot(v.pilot)) for v in cp.versions)
        split_pilots.append(attrs.evolve(split_pilot(cp), versions=versions))
    return statics, split_pilots, fixed


def _date_free(pilots: Sequence[CompiledPilot | None]) -> bool:
    """Whether the split ``pilots`` decide from precomputed columns and the problems alone."""
    problem_facts = (FEITEN.problemen, FEITEN.aantal_problemen)
    for cp in pilots:
        if cp is None:
            continue
        if cp.versions:
            return False
        for rule in (cp.eligibility, *(r.when for r in cp.routes)):
            for leaf in rule.leaves():
                if isinstance(leaf, Precomputed):
                    continue
                feit = getattr(leaf, "feit", None)
                if not isinstance(leaf, Compare | HasAny | HasAll) or feit not in problem_facts:
                    return False
                if getattr(feit, "verloopt", False):
                    return False
    return True


def _facts(pilots: Sequence[CompiledPilot | None]) -> frozenset[str]:
    """The facts the rules of ``pilots`` read (``Rule.facts()``), and the problems always:
    a month's view replaces them."""
    facts: set[str] = {"problemen"}
    for cp in pilots:
        if cp is not None:
            for rule in (cp.eligibility, *(r.when for r in cp.routes)):
                facts |= rule.facts()
    return frozenset(facts)


def _read_columns(cohort: Cohort, facts: frozenset[str]) -> dict[str, Array]:
    """The columns of ``cohort`` for ``facts`` (:func:`_facts`), with each column's
    declared terms (``problemen:x``)."""
    columns = cohort.columns  # may unpack a column when it is read: read only these
    return {
        name: columns[name] for name in columns if name in facts or name.split(":", 1)[0] in facts
    }


class _Rows(Mapping[str, Array]):
    """Columns of some rows of a cohort, each sliced when a rule first reads it."""

    def __init__(self, base: Mapping[str, Array], rows: Array, problems: Array) -> None:
        self._base, self._rows = base, rows
        self._read = {"problemen": problems}

    def __getitem__(self, name: str) -> Array:
        found = self._read.get(name)
        if found is None:
            found = self._read[name] = self._base[name][self._rows]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._base)

    def __len__(self) -> int:
        return len(self._base)


def _month_view(
    cohort: Cohort, rows: Array, problems: Array, precomputed: Mapping[str, Array]
) -> Cohort:
    """Families ``rows`` with their problems of this month, and the epoch's precomputed columns.

    :func:`sociaaldomein.domain.dynamics.view` for the month loop: the ids are
    taken as counted ids (never checked again), the columns sliced when read.
    """
    current = np.asarray(problems).astype(cohort.column("problemen").dtype, copy=False)
    return Cohort(
        ids=cohort.ids.take(rows),
        columns=_Rows({**cohort.columns, **precomputed}, rows, current),
        vocabularies=cohort.vocabularies,
    )


@attrs.frozen(eq=False)
class Model:
    """Everything the kernels need, as arrays.  Built by :func:`build_model`."""

    settings: Settings
    pilot_values: tuple[Pilot, ...]
    """The routed pilots as compiled (looptijd, partners); the model holds no composition."""
    failed: tuple[PluginFailure, ...]
    """The pilots left out because their plugin failed: results list them as not simulated."""
    pilots: tuple[str, ...]
    dates: tuple[pendulum.Date, ...]
    n_families: int
    costs: tuple[Kostenmodel, ...]
    """Per pilot, the costs simulated: the design's, else the pilot's cost model, else
    the default (:meth:`~sociaaldomein.simulation.PilotDesign.costs`)."""
    # per pilot (P,)
    capacity: Array
    """Families in care at once (``BIG``: no cap)."""
    total_cap: Array
    """Families admitted in total over the looptijd (``Pilot.max_totaal``; ``BIG``: no cap)."""
    fixed_cents: Array
    family_cents: Array
    intake_cents: Array
    reserve_months: Array
    t_up: Array
    t_down: Array
    t_regular: Array
    t_step_down: Array
    t_leave: Array
    step_down_level: Array
    max_months: Array
    priority: Array
    end_on_exhaustion: Array
    start_month: Array
    end_month: Array
    plan_cents: Array  # (P, M)
    pot_of_month: Array  # (P, M)
    pot_budget: Array  # (P, K)
    # per family (F,)
    level0: Array
    target: Array
    problems0: Array
    # routing without dynamics: (E, F) and (M,)
    bits: Array
    fallback: Array
    epoch_of_month: Array
    dynamics: Dynamics | None
    moments: tuple[tuple[int, int, str], ...]  # (pilot, month, moment name)
    partner_rules: tuple[tuple[PartnerOpzegging, ...], ...]
    partners: tuple[tuple[str, ...], ...]
    t_referral: int
    t_problem_change: int  # on the top 16 bits of a draw
    cache: dict[object, Any] = attrs.field(factory=dict)
    """Decisions of termination rules already taken (partner votes), shared by runs."""
    from_month: dict[int, Model] = attrs.field(factory=dict)
    """Dated changes (:mod:`sociaaldomein.policy`): from month ``m`` on the kernels use
    ``from_month[m]``, the same tables with the per-pilot values (capacity, total, costs)
    of the versions in force then; every model of one simulation shares this mapping."""

    @property
    def months(self) -> int:
        """Months simulated."""
        return len(self.dates)

    def nbytes_per_family(self) -> float:
        """Bytes per family of the compact tables (routing, levels, problems)."""
        arrays = [self.bits, self.fallback, self.level0, self.target, self.problems0]
        return sum(int(a.nbytes) for a in arrays) / max(1, self.n_families)


@functools.lru_cache(maxsize=128)
def _month_starts(start: pendulum.Date, months: int) -> tuple[pendulum.Date, ...]:
    """The first days of ``months`` months from ``start`` (a first day), by arithmetic.

    Kept: every build asks for the same few windows, and dates are immutable.
    """
    first = start.year * 12 + start.month - 1
    return tuple(pendulum.date((first + m) // 12, (first + m) % 12 + 1, 1) for m in range(months))


def _period_months(periode: Periode) -> tuple[pendulum.Date, ...]:
    """:meth:`Periode.month_starts <sociaaldomein.domain.periode.Periode.month_starts>`, kept."""
    return _month_starts(periode.start.replace(day=1), periode.months())


def _month_span(start: pendulum.Date, looptijd: Looptijd) -> tuple[int, int]:
    first = month_index(start, looptijd.start)
    end = looptijd.eind
    last = month_index(start, end) + (1 if end.day > 1 else 0)
    return first, last


def _plan(compiled: CompiledPilot, settings: Settings, start: pendulum.Date) -> Array:
    """The pilot's money planned per simulated month, in cents (kept with the pilot)."""
    key = ("plan", compiled.name, settings.design(compiled.name), start, settings.months)
    kept = derived(compiled)
    try:
        found = kept.get(key)
    except TypeError:  # a design that cannot be hashed: worked out, not kept
        return _work_out_plan(compiled, settings, start)
    if found is None:
        if len(kept) > 64:  # a sweep of many designs keeps a few, not all
            kept.clear()
        found = kept[key] = _work_out_plan(compiled, settings, start)
        found.flags.writeable = False  # shared by every model built from the pilot
    plan: Array = found
    return plan


def _work_out_plan(compiled: CompiledPilot, settings: Settings, start: pendulum.Date) -> Array:
    from sociaaldomein.domain.budget import Begroting, monthly_plan

    months = settings.months
    out = np.zeros(months, dtype=np.int64)
    pilot, name = compiled.pilot, compiled.name
    design = settings.design(name)
    spread: list[tuple[pendulum.Date, int]]
    if design.budget is not None:
        spread = [(d, cents(a)) for d, a in monthly_plan(design.budget, pilot.looptijd.periode)]
    else:
        spread = []
        looptijd_months = _period_months(pilot.looptijd.periode)
        for regel in compiled.funding:
            # A line over a period is spent in that period's months only: money that
            # remains from April (003) is not spent in January.
            own = None if regel.periode is None else set(_period_months(regel.periode))
            spent_in = [d for d in looptijd_months if own is None or d in own]
            for year, amount in Begroting([regel]).per_year().items():
                in_year = [d for d in spent_in if d.year == year] or [
                    pendulum.date(year, m, 1) for m in range(1, 13)
                ]
                spread += list(zip(in_year, split_cents(cents(amount), len(in_year)), strict=True))
    for day, amount_cents in spread:
        m = month_index(start, day)
        if 0 <= m < months:
            out[m] += amount_cents
    return out


def split_cents(total: int, parts: int) -> list[int]:
    """:meth:`Money.split <sociaaldomein.Money.split>` in whole cents: the first parts get
    the extra cents (for a negative total, the extra negative cents)."""
    if total < 0:
        return [-c for c in split_cents(-total, parts)]
    whole, extra = divmod(total, parts)
    return [whole + 1] * extra + [whole] * (parts - extra)


def _pots(plan: Array, dates: Sequence[pendulum.Date], scope: str) -> tuple[Array, Array]:
    if scope == "total":
        return np.zeros(len(dates), dtype=np.int64), np.asarray([plan.sum()], dtype=np.int64)
    years = sorted({d.year for d in dates})
    of_month = np.asarray([years.index(d.year) for d in dates], dtype=np.int64)
    budget = np.asarray([int(plan[of_month == k].sum()) for k in range(len(years))], dtype=np.int64)
    return of_month, budget


def _capacity(designed: int | None, pilot: int | None) -> int:
    if designed is not None:
        return designed
    return pilot if pilot is not None else BIG


def _family_levels(cohort: Cohort, settings: Settings) -> tuple[Array, Array]:
    # The lowest level above 0 (0: not measured) over the domains, one domain at a time:
    # a few bytes a family at once, where stacking the 13 domains would take 26.  Levels
    # minus one as unsigned bytes put "not measured" (0 - 1 = 255) above every level, so
    # one subtraction and one minimum a domain do it; 255 + 1 is 0 again.
    n = len(cohort)
    columns = cohort.columns
    if n <= _STACKED_LEVELS:
        found = [_pair(columns, field) for field in _ZRM_FIELDS]
        pairs = [p for p in found if p is not None]
        if len(pairs) == len(found):
            # A small cohort: all domains at once, a few numpy calls instead of six a domain.
            # A nibble is at most 15, so both lowest levels fit one byte, a code into tables.
            packed = np.array(pairs)  # (domains, F) uint8; np.stack does the same, slower
            low = np.bitwise_and(packed, 15)
            low -= 1
            code = low.min(axis=0)
            code += 1
            code <<= 4
            np.right_shift(packed, 4, out=low)
            low -= 1
            reachable = low.min(axis=0)
            reachable += 1
            code |= reachable
            level, goal = _level_tables(settings.default_zrm, settings.goal_gain)
            return level[code], goal[code]
    now = np.full(n, 255, dtype=np.uint8)
    reachable = np.full(n, 255, dtype=np.uint8)
    less = np.empty(n, dtype=np.uint8)
    for d in ZrmDomein:
        pair = _pair(columns, d.field)
        if pair is not None:
            # Both levels of the domain packed in one byte, checked when packed: the
            # nibbles are read in place, without unpacking or checking again.
            np.bitwise_and(pair, 15, out=less)
            np.subtract(less, 1, out=less)
            np.minimum(now, less, out=now)
            np.right_shift(pair, 4, out=less)
            np.subtract(less, 1, out=less)
            np.minimum(reachable, less, out=reachable)
            continue
        for prefix, low in (("zrm", now), ("zrm_haalbaar", reachable)):
            column = _level_column(cohort, f"{prefix}.{d.field}")
            np.subtract(column.astype(np.uint8, copy=False), 1, out=less, casting="unsafe")
            np.minimum(low, less, out=low)
    now += 1
    reachable += 1
    return _levels_and_goals(now, reachable, settings.default_zrm, settings.goal_gain)


_STACKED_LEVELS: Final = 1 << 16
_ZRM_FIELDS: Final = tuple(d.field for d in ZrmDomein)
_LEVEL_NAMES: Final = {f: (f"zrm.{f}", f"zrm_haalbaar.{f}") for f in _ZRM_FIELDS}
"""Up to this many families the 13 domains' packed levels are stacked (13 bytes a family)."""


def _levels_and_goals(
    now: Array, reachable: Array, default_zrm: int, goal_gain: int
) -> tuple[Array, Array]:
    """The starting level and the goal of every family, from its lowest levels (0: none)."""
    lowest, goal_lowest = now.astype(np.int16), reachable.astype(np.int16)
    level = np.where(lowest == 0, default_zrm, lowest).clip(1, 5)
    goal = np.where(goal_lowest > 0, np.maximum(goal_lowest, level + 1), level + goal_gain)
    return level.astype(np.int8), np.minimum(goal, 5).astype(np.int8)


@functools.lru_cache(maxsize=16)
def _level_tables(default_zrm: int, goal_gain: int) -> tuple[Array, Array]:
    """:func:`_levels_and_goals` of every ``now << 4 | reachable`` below 256, as two tables."""
    codes = np.arange(256, dtype=np.uint8)
    tables = _levels_and_goals(codes >> 4, codes & 15, default_zrm, goal_gain)
    for table in tables:
        table.flags.writeable = False
    return tables


def _pair(columns: Mapping[str, Array], field: str) -> Array | None:
    """A domain's packed byte of both levels, when the cohort holds both (else ``None``)."""
    if not isinstance(columns, CohortColumns):
        return None
    now, reachable = _LEVEL_NAMES[field]
    if now not in columns or reachable not in columns:
        return None  # read one by one: a missing level is reported as such
    pair = columns.pair(field)
    return pair if pair is not None and pair.dtype == np.uint8 else None


def _level_column(cohort: Cohort, name: str) -> Array:
    """A ZRM level column, refused when it holds a value no level has."""
    column = cohort.column(name)
    if len(column) and (column.dtype.itemsize > 1 or column.dtype.kind == "i"):
        lowest_found = int(column.min())
        highest = int(column.max()) if column.dtype.itemsize > 1 else 0
        if lowest_found < 0 or highest > 254:
            raise InvalidValueError(
                f"cohort.{name}",
                "a ZRM level is 1 to 5, or 0 when not measured; found "
                f"{lowest_found if lowest_found < 0 else highest}",
            )
    return column


def _gates(
    settings: Settings, pilots: Sequence[str], starts: Array, cohort: Cohort, months: int
) -> list[Array]:
    """Per month a (P, F) mask: may the family's referrer enter the pilot yet (phased intake)."""
    if not any(settings.design(name).phases for name in pilots):
        return [np.ones((len(pilots), len(cohort)), dtype=bool)] * months  # one mask
    out: list[Array] = []
    made: dict[tuple[tuple[bool, ...], ...], Array] = {}
    codes: Array | None = None
    for m in range(months):
        # Which referrers each pilot takes this month; a month like an earlier one shares
        # its mask, so no phases cost one mask, not one a month.
        key = []
        for p, name in enumerate(pilots):
            phases = settings.design(name).phases
            allowed = np.ones(len(Verwijzer) + 1, dtype=bool)
            if phases:
                since = m - int(starts[p])
                allowed[:] = False
                allowed[0] = since >= min(ph.month for ph in phases)
                for ph in phases:
                    if since >= ph.month:
                        allowed[[list(Verwijzer).index(v) + 1 for v in ph.verwijzers]] = True
            key.append(tuple(bool(a) for a in allowed))
        found = made.get(tuple(key))
        if found is None:
            gate = np.ones((len(pilots), len(cohort)), dtype=bool)
            for p, allowed_codes in enumerate(key):
                if not all(allowed_codes):
                    if codes is None:
                        codes = cohort.column("verwijzer").astype(np.int64)
                    gate[p] = np.asarray(allowed_codes, dtype=bool)[codes]
            found = made[tuple(key)] = gate
        out.append(found)
    return out


def combine(outcomes: Sequence[Array], gate: Array) -> tuple[Array, Array]:
    """Pilot outcome codes -> (eligible bitmask, fallback code)."""
    n = gate.shape[1]
    bits = np.zeros(n, dtype=np.uint8)
    referred = np.zeros(n, dtype=bool)
    regular = np.zeros(n, dtype=bool)
    for p, codes in enumerate(outcomes):
        eligible = (codes == _ELIGIBLE) & gate[p]
        bits |= eligible.astype(np.uint8) << p
        referred |= codes == _REFERRED
        regular |= (codes == _REGULAR) | ((codes == _ELIGIBLE) & ~gate[p])
    fallback = np.where(referred, -2, np.where(regular, -3, -1)).astype(np.int8)
    return bits, fallback


def _dedupe(per_month: Iterable[tuple[Array, ...]]) -> tuple[list[tuple[Array, ...]], Array]:
    """Consecutive months with the same arrays as one epoch; read one month at a time."""
    epochs: list[tuple[Array, ...]] = []
    of_month: list[int] = []
    for arrays in per_month:
        same = epochs and all(
            a is b or np.array_equal(a, b) for a, b in zip(epochs[-1], arrays, strict=True)
        )
        if not same:
            epochs.append(arrays)
        of_month.append(len(epochs) - 1)
    return epochs, np.asarray(of_month, dtype=np.int64)


def build_model(
    source: Gemeente | Mapping[str, CompiledPilot], cohort: Cohort, settings: Settings
) -> Model:
    """Build the model of ``source`` simulating ``cohort`` under ``settings`` (once per run set).

    ``source`` is a composition (compiled here, once) or its compiled pilots
    (:meth:`Gemeente.compile <sociaaldomein.Gemeente.compile>`); nothing in the
    model refers back to the composition, and no plugin is called after this.
    A pilot whose plugin failed is left out and listed in :attr:`Model.failed`.

    What the pilots and the settings decide alone (money plans, pots, costs,
    thresholds, evaluation moments, dated versions) is worked out once per
    composition and equal settings and kept with the compiled pilots; only what
    reads the cohort (routing, levels, problems) is worked out on every call.
    """
    compiled: Mapping[str, CompiledPilot] = (
        source.compile() if isinstance(source, Gemeente) else source
    )
    broken = compiled.failed if isinstance(compiled, Compilation) else {}
    order = list(compiled.names) if isinstance(compiled, Compilation) else list(compiled)
    for name in [*(settings.routing or ()), *settings.pilots]:
        if name not in order:
            raise UnknownPilotError(name, order)
    wanted = settings.routing or tuple(order)
    names = tuple(n for n in wanted if n in compiled)
    failed = tuple(broken[n].failure for n in wanted if n in broken)
    if not names and failed:
        raise PluginFailedError(failed[0])
    if not 1 <= len(names) <= 8:
        raise InvalidValueError(
            "Settings.routing", f"a simulation takes 1 to 8 pilots, got {len(names)}"
        )
    pilots = [compiled[n] for n in names]
    fixed = _fixed(names, pilots, failed, settings)
    dates, n_months = fixed.dates, settings.months
    # Pilots evaluated as if running over the whole window: the kernels decide per run
    # whether a pilot runs (looptijd, extension, votes, money).
    opened = [cp if w is None else w for cp, w in zip(pilots, fixed.widened, strict=True)]
    gates = _gates(settings, names, fixed.tables["start_month"], cohort, n_months)
    dynamics = None
    if settings.problem_change_probability > 0:
        dynamics = Dynamics.of(opened, cohort, dates, gates)
        bits = np.zeros((0, len(cohort)), dtype=np.uint8)
        fallback = np.zeros((0, len(cohort)), dtype=np.int8)
        epoch_of_month = np.zeros(n_months, dtype=np.int64)
    else:
        table = (
            combine([cp.outcomes(cohort, d) for cp in opened], gates[m])
            for m, d in enumerate(dates)
        )
        epochs2, epoch_of_month = _dedupe(table)
        bits = np.stack([e[0] for e in epochs2])
        fallback = np.stack([e[1] for e in epochs2])
    level0, target = _family_levels(cohort, settings)
    tables = fixed.tables
    model = Model(
        settings=settings,
        pilot_values=fixed.values,
        failed=fixed.failed,
        pilots=fixed.names,
        dates=dates,
        n_families=len(cohort),
        costs=fixed.costs,
        level0=level0,
        target=target,
        problems0=cohort.column("problemen").astype(np.uint16),
        bits=bits,
        fallback=fallback,
        epoch_of_month=epoch_of_month,
        dynamics=dynamics,
        moments=fixed.moments,
        partner_rules=fixed.partner_rules,
        partners=fixed.partners,
        t_referral=fixed.t_referral,
        t_problem_change=fixed.t_problem_change,
        capacity=tables["capacity"],
        total_cap=tables["total_cap"],
        fixed_cents=tables["fixed_cents"],
        family_cents=tables["family_cents"],
        intake_cents=tables["intake_cents"],
        reserve_months=tables["reserve_months"],
        t_up=tables["t_up"],
        t_down=tables["t_down"],
        t_regular=tables["t_regular"],
        t_step_down=tables["t_step_down"],
        t_leave=tables["t_leave"],
        step_down_level=tables["step_down_level"],
        max_months=tables["max_months"],
        priority=tables["priority"],
        end_on_exhaustion=tables["end_on_exhaustion"],
        start_month=tables["start_month"],
        end_month=tables["end_month"],
        plan_cents=tables["plan_cents"],
        pot_of_month=tables["pot_of_month"],
        pot_budget=tables["pot_budget"],
    )
    for m, changed in fixed.dated:  # every model of the simulation shares from_month
        model.from_month[m] = attrs.evolve(model, **changed)
    return model


@attrs.frozen(eq=False)
class _Fixed:
    """What a model takes from the compiled pilots and the settings alone, not the cohort.

    Its arrays are read-only: every model built from it shares them.
    """

    names: tuple[str, ...]
    failed: tuple[PluginFailure, ...]
    dates: tuple[pendulum.Date, ...]
    values: tuple[Pilot, ...]
    costs: tuple[Kostenmodel, ...]
    widened: tuple[CompiledPilot | None, ...]
    """Per pilot, a copy running over the whole window; ``None``: the pilot does already."""
    tables: Mapping[str, Array]
    """The per-pilot (and per pilot and month) arrays of :class:`Model`, by field name."""
    moments: tuple[tuple[int, int, str], ...]
    partner_rules: tuple[tuple[PartnerOpzegging, ...], ...]
    partners: tuple[tuple[str, ...], ...]
    t_referral: int
    t_problem_change: int
    dated: tuple[tuple[int, Mapping[str, Any]], ...]
    """From which month which per-pilot values change (dated versions, policy)."""


_FIXED: Final = ("model without the cohort",)
_FIXED_KEPT: Final = 8
"""Settings kept per composition: a sweep of many designs keeps the last few."""


def _fixed(
    names: tuple[str, ...],
    pilots: Sequence[CompiledPilot],
    failed: tuple[PluginFailure, ...],
    settings: Settings,
) -> _Fixed:
    """:class:`_Fixed` of ``pilots`` named ``names`` (in routing order) under ``settings``.

    Kept with the first pilot for the same pilots in the same order and equal
    settings (compared with a copy taken when kept, so a design changed in place
    is a new one); what is kept refers to the pilots weakly and to none of them
    strongly, so keeping it keeps no pilot alive.
    """
    entries: list[Any] = derived(pilots[0]).setdefault(_FIXED, [])
    for was_names, refs, was_failed, given, copy, found in entries:
        if (
            was_names == names
            and all(ref() is cp for ref, cp in zip(refs, pilots, strict=True))
            and was_failed == failed
            # The same settings object with the same designs (the only part of frozen
            # settings that can change), or equal settings.
            and ((given is settings and settings.pilots == copy.pilots) or copy == settings)
        ):
            fixed: _Fixed = found
            return fixed
    fixed = _work_out_fixed(names, pilots, failed, settings)
    if len(entries) >= _FIXED_KEPT:
        del entries[0]
    refs = tuple(weakref.ref(cp) for cp in pilots)
    entries.append((names, refs, failed, settings, attrs.evolve(settings), fixed))
    return fixed


def _work_out_fixed(
    names: tuple[str, ...],
    pilots: Sequence[CompiledPilot],
    failed: tuple[PluginFailure, ...],
    settings: Settings,
) -> _Fixed:
    start = settings.start.replace(day=1)
    dates = _month_starts(start, settings.months)
    window_end = start.add(months=settings.months)
    n_pilots = len(names)
    values = tuple(cp.pilot for cp in pilots)

    spans = [_month_span(start, pilot.looptijd) for pilot in values]
    designs = [settings.design(n) for n in names]
    # The plugins' cost models are asked here, once; the kernels only see cents.
    costs = tuple(d.costs(cp.cost_model) for cp, d in zip(pilots, designs, strict=True))
    plans = np.stack([_plan(cp, settings, start) for cp in pilots])
    pots = [_pots(plans[p], dates, designs[p].budget_scope) for p in range(n_pilots)]
    width = max(len(b) for _, b in pots)
    pot_budget = np.zeros((n_pilots, width), dtype=np.int64)
    for p, (_, budget) in enumerate(pots):
        pot_budget[p, : len(budget)] = budget

    def widened(cp: CompiledPilot) -> CompiledPilot | None:
        lt = cp.pilot.looptijd
        if lt.start <= start and lt.eind >= window_end:
            return None  # open over the whole window already
        wide = Looptijd(min(lt.start, start), max(lt.eind, window_end))
        return cp.with_pilot(attrs.evolve(cp.pilot, looptijd=wide))

    moments = []
    for p, cp in enumerate(pilots):
        plan = cp.evaluation_plan
        if plan is None:
            continue
        for day, moment in plan.schedule(cp.pilot.looptijd.periode):
            m = month_index(start, day)
            if 0 <= m < settings.months:
                moments.append((p, m, moment.naam))
    rules = [cp.pilot_termination for cp in pilots]

    def per_pilot(values: Sequence[int | float | bool], dtype: type = np.int64) -> Array:
        return np.asarray(values, dtype=dtype)

    tables = {
        "capacity": per_pilot(
            [
                _capacity(d.capacity, pilot.capaciteit)
                for pilot, d in zip(values, designs, strict=True)
            ]
        ),
        "total_cap": per_pilot([_capacity(None, pilot.max_totaal) for pilot in values]),
        "fixed_cents": per_pilot([cents(c.vast_per_maand) for c in costs]),
        "family_cents": per_pilot([cents(c.per_gezin_per_maand) for c in costs]),
        "intake_cents": per_pilot([cents(c.per_instroom) for c in costs]),
        "reserve_months": per_pilot([d.reserve_months for d in designs]),
        "t_up": per_pilot([threshold(d.progress_probability) for d in designs]),
        "t_down": per_pilot([threshold(d.setback_probability) for d in designs]),
        "t_regular": per_pilot([threshold(d.regular_care_probability) for d in designs]),
        "t_step_down": per_pilot([threshold(d.step_down_probability) for d in designs]),
        "t_leave": per_pilot([threshold(d.waitlist_leave_probability) for d in designs]),
        "step_down_level": per_pilot([d.step_down_level for d in designs]),
        "max_months": per_pilot([d.max_months or 0 for d in designs]),
        "priority": per_pilot([PRIORITIES.index(d.priority) for d in designs]),
        "end_on_exhaustion": per_pilot(
            [
                d.end_when_budget_exhausted
                if d.end_when_budget_exhausted is not None
                else any(isinstance(r, BudgetUitgeput) for r in rules[p])
                for p, d in enumerate(designs)
            ],
            bool,
        ),
        "start_month": np.asarray([s for s, _ in spans], dtype=np.int64),
        "end_month": np.asarray([e for _, e in spans], dtype=np.int64),
        "plan_cents": plans,
        "pot_of_month": np.stack([of for of, _ in pots]),
        "pot_budget": pot_budget,
    }
    dated = _dated(pilots, designs, dates) if any(cp.versions for cp in pilots) else ()
    for table in [*tables.values(), *(a for _, c in dated for a in c.values())]:
        if isinstance(table, np.ndarray):
            table.flags.writeable = False
    return _Fixed(
        names=names,
        failed=failed,
        dates=dates,
        values=values,
        costs=costs,
        widened=tuple(widened(cp) for cp in pilots),
        tables=tables,
        moments=tuple(moments),
        partner_rules=tuple(
            tuple(r for r in rs if isinstance(r, PartnerOpzegging)) for rs in rules
        ),
        partners=tuple(
            d.partners or tuple(o.naam for o in pilot.partners)
            for pilot, d in zip(values, designs, strict=True)
        ),
        t_referral=threshold(settings.referral_probability),
        t_problem_change=threshold(settings.problem_change_probability) >> 16,
        dated=dated,
    )


def _dated(
    pilots: Sequence[CompiledPilot],
    designs: Sequence[PilotDesign],
    dates: Sequence[pendulum.Date],
) -> tuple[tuple[int, Mapping[str, Any]], ...]:
    """From each month a version of a pilot starts, that month's per-pilot values."""

    def numbers(day: pendulum.Date | None) -> tuple[int, ...]:
        found = [None if day is None else cp.version_on(day) for cp in pilots]
        return tuple(1 if v is None else v.nummer for v in found)

    out: list[tuple[int, Mapping[str, Any]]] = []
    previous = numbers(None)  # the model's own values are those of the first versions
    for m, day in enumerate(dates):
        now = numbers(day)
        if now != previous:
            versions = [cp.at(day) for cp in pilots]
            costs = [d.costs(v.cost_model) for v, d in zip(versions, designs, strict=True)]
            changed = {
                "capacity": np.asarray(
                    [
                        _capacity(d.capacity, v.pilot.capaciteit)
                        for v, d in zip(versions, designs, strict=True)
                    ],
                    dtype=np.int64,
                ),
                "total_cap": np.asarray(
                    [_capacity(None, v.pilot.max_totaal) for v in versions], dtype=np.int64
                ),
                "fixed_cents": np.asarray([cents(c.vast_per_maand) for c in costs], dtype=np.int64),
                "family_cents": np.asarray(
                    [cents(c.per_gezin_per_maand) for c in costs], dtype=np.int64
                ),
                "intake_cents": np.asarray([cents(c.per_instroom) for c in costs], dtype=np.int64),
                "costs": tuple(costs),
            }
            out.append((m, changed))
        previous = now
    return tuple(out)
