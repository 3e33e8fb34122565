"""Synthetic families: a seeded, calibrated generator that fills a columnar cohort directly.

:func:`generate_cohort` draws families with children with numpy and builds the
:class:`~sociaaldomein.domain.cohort.Cohort` through
:meth:`~sociaaldomein.domain.cohort.Cohort.from_columns`: no :class:`Gezin`
object is made, so a million families take about a second.
:func:`materialise` turns a few rows back into :class:`Gezin` objects, for an
explanation that a person can read.

What the families look like is a :class:`~sociaaldomein.simulation.CohortParams`:
:data:`GRONINGEN` by default, read from the shipped parameter file
``sociaaldomein/data/cohort_groningen.toml``, whose every figure cites its source
(the public figures in the project's domain notes, ``DOMAIN.md``); another
municipality's comes from its own file
(:func:`~sociaaldomein.simulation.load_cohort_params`).

Families are drawn in blocks of :data:`CHUNK` rows, each column from its own
random stream per block, so memory stays a few bytes a family above the
columns themselves, and a cohort of only some columns (``columns=``, the ones a
composition reads) holds exactly the values the full cohort holds there.

>>> cohort = generate_cohort(1_000, seed=7)
>>> len(cohort), cohort.ids[0]
(1000, 'syn-0000000')
>>> bool((generate_cohort(1_000, seed=7).column("problemen") == cohort.column("problemen")).all())
True
>>> few = generate_cohort(1_000, seed=7, columns=["problemen"])
>>> sorted(few.columns), bool((few.column("problemen") == cohort.column("problemen")).all())
(['problemen'], True)
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Final

import numpy as np
import pendulum

from sociaaldomein.domain.cohort import SCHEMA, Array, Cohort
from sociaaldomein.domain.columns import CohortColumns, pack_levels
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.gezin import (
    Dwangmiddel,
    Gezin,
    Hulpvraag,
    Leveringsvorm,
    Lid,
    LidRol,
    Probleem,
    Signaal,
    Verwijzer,
    Zorg,
    Zorgsoort,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.domain.ids import CohortIds
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.params import GRONINGEN_FILE, load_cohort_params
from sociaaldomein.simulation.population import WIJKEN, CohortParams

__all__ = [
    "CHUNK",
    "GRONINGEN",
    "SIMULATION_COLUMNS",
    "WIJKEN",
    "CohortParams",
    "columns_needed",
    "columns_read",
    "generate_cohort",
    "materialise",
]

CHUNK: Final = 1 << 13
"""Families drawn at once; part of what a seed means (the same seed, the same cohort)."""

GRONINGEN: Final = load_cohort_params(GRONINGEN_FILE)
"""The defaults: a synthetic gemeente Groningen, from the shipped parameter file."""

_N_PROBLEMS: Final = len(Probleem)
_N_SIGNALS: Final = len(Signaal)
_N_DWANG: Final = len(Dwangmiddel)
_N_NEEDS: Final = len(Hulpvraag)
_ZRM_FIELDS: Final = tuple(d.field for d in ZrmDomein)
_ZRM_COLUMNS: Final = frozenset(
    f"{prefix}.{name}" for prefix in ("zrm", "zrm_haalbaar") for name in _ZRM_FIELDS
)
# One random stream per column (or group of columns drawn together), per block.
(
    _GROUP, _OUDERS, _KINDEREN, _JONGSTE, _WIJK, _PROBLEMEN, _SIGNALEN, _DWANG, _HULPVRAGEN,
    _LEVERING, _VERWIJZER, _HULPVERLENERS, _CHRONISCH, _COMPLEX, _ZRM, _ZRM_LEVELS, _HAALBAAR,
) = range(17)  # fmt: skip
_FACTS: Final = 1 << 8  # declared facts' streams start here


def _random_bits(rng: np.random.Generator, counts: Array, width: int) -> Array:
    """For each row a bitmask with ``counts[i]`` distinct bits out of ``width``, any alike."""
    out: Array = np.zeros(len(counts), dtype=np.int64)
    rows = np.flatnonzero(counts)
    if rows.size:
        ranks = rng.random((rows.size, width)).argsort(axis=1).argsort(axis=1)
        out[rows] = ((ranks < counts[rows, None]) * _BIT_VALUES[:width]).sum(axis=1)
    return out


def _weighted_bits(rng: np.random.Generator, counts: Array, weights: Array) -> Array:
    """For each row ``counts[i]`` distinct bits, drawn without replacement by ``weights``."""
    # Efraimidis-Spirakis: the k largest u ** (1 / w) are a weighted sample without replacement.
    with np.errstate(divide="ignore"):
        keys = np.log(rng.random((len(counts), len(weights)))) / weights
    ranks = (-keys).argsort(axis=1).argsort(axis=1)
    bits: Array = ((ranks < counts[:, None]) * _BIT_VALUES[: len(weights)]).sum(axis=1)
    return bits


_BIT_VALUES: Final = np.left_shift(np.int64(1), np.arange(16, dtype=np.int64))


def _ints(rng: np.random.Generator, low: int, high: int, shape: int | tuple[int, ...]) -> Array:
    """Whole numbers from ``low`` up to, not including, ``high`` (fast: one float draw each)."""
    out: Array = low + (rng.random(shape) * (high - low)).astype(np.int64)
    return out


def _choice(rng: np.random.Generator, weights: Sequence[float], size: int) -> Array:
    """Codes 1..len(weights) drawn by ``weights`` (one float draw each)."""
    cumulative = np.cumsum(np.asarray(weights, dtype=float))
    cumulative /= cumulative[-1]
    found = np.searchsorted(cumulative, rng.random(size), side="right")
    codes: Array = np.minimum(found, len(cumulative) - 1) + 1
    return codes


def columns_needed(columns: Iterable[str] | None) -> frozenset[str]:
    """The cohort columns among ``columns`` (fact names and columns, as ``Rule.facts()`` gives
    them); ``None`` is every column."""
    if columns is None:
        return frozenset(SCHEMA)
    if isinstance(columns, str):
        columns = (columns,)
    return frozenset(c for c in columns if c in SCHEMA)


SIMULATION_COLUMNS: Final = frozenset({"problemen", "verwijzer", *_ZRM_COLUMNS})
"""The columns the simulation itself reads, whatever the rules: the problems (which change
month by month), the referrer (phased intake) and the ZRM levels (progress in care)."""


def columns_read(
    pilots: Iterable[CompiledPilot | object], *, simulation: bool = False
) -> frozenset[str]:
    """The cohort columns (and declared facts) the rules of ``pilots`` read, for ``columns=``.

    This is the union of the rules' ``Rule.facts()``: the facts and the columns
    they are computed from; a name that is not a column is ignored by
    :func:`generate_cohort` and ``load_cohort``.

    ``pilots`` are compiled pilots (``Gemeente.compile()`` or ``.compiled(name)``);
    a failed pilot reads nothing.  Every version's eligibility and routes count.
    ``simulation=True`` adds :data:`SIMULATION_COLUMNS`, what a simulation reads
    besides the rules.
    """
    names: set[str] = set(SIMULATION_COLUMNS) if simulation else set()
    for pilot in pilots:
        if not isinstance(pilot, CompiledPilot):
            continue
        for version in (pilot, *(v.pilot for v in pilot.versions)):
            for rule in (version.eligibility, *(r.when for r in version.routes)):
                names |= rule.facts()
    # names no cohort holds (a fact computed from others) are ignored where this is used
    return frozenset(names)


def generate_cohort(
    size: int | None = None,
    seed: int = 0,
    params: CohortParams | None = None,
    *,
    columns: Collection[str] | None = None,
) -> Cohort:
    """``size`` synthetic families with children (default: as many as the city has).

    ``params`` describes the municipality (default :data:`GRONINGEN`).  The
    same ``seed`` and ``params`` give the same cohort, bit for bit.  Three
    groups are drawn: multiprobleemgezinnen (3-6 problems, at least one signal,
    a coercive instrument in 80%, low ZRM levels, many care providers), other
    families with youth care (care with a referrer, middling ZRM) and the rest
    (no care, no ZRM).  ``columns`` (for example the union of a composition's
    ``Rule.facts()``) limits the cohort to those columns; names that are not
    cohort columns are ignored, and every column kept has the values it has in
    the full cohort.
    """
    params = GRONINGEN if params is None else params
    if not isinstance(params, CohortParams):
        raise InvalidValueError(
            "generate_cohort.params", f"must be CohortParams, got {type(params).__name__}"
        )
    n: object = params.families if size is None else size
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise InvalidValueError(
            "generate_cohort.size", f"must be a whole number >= 0, got {size!r}"
        )
    given: object = seed
    if isinstance(given, bool) or not isinstance(given, int) or given < 0:
        raise InvalidValueError(
            "generate_cohort.seed", f"must be a whole number >= 0, got {seed!r}"
        )
    wanted = columns_needed(columns)
    out = {
        name: np.zeros(n, dtype=SCHEMA[name])
        for name in SCHEMA
        if name in wanted and name not in _ZRM_COLUMNS
    }
    # a ZRM domain's two levels are drawn into its one packed byte, never as two columns
    pairs = {
        field: np.zeros(n, dtype=np.uint8)
        for field in _ZRM_FIELDS
        if {f"zrm.{field}", f"zrm_haalbaar.{field}"} & wanted
    }
    named = None if columns is None else set(columns)
    facts = {k: v for k, v in params.fact_shares if named is None or k in named}
    extra = {name: np.zeros(n, dtype=np.bool_) for name in facts}
    plan = _Plan(params)
    for block, start in enumerate(range(0, n, CHUNK)):
        stop = min(n, start + CHUNK)
        _fill(out, pairs, wanted, start, stop, seed, block, plan)
        for name, share in facts.items():
            # a stream per fact, keyed by its name, so one fact's values do not depend on others
            key = (block, _FACTS + zlib.crc32(name.encode()))
            u = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key)).random(
                stop - start
            )
            extra[name][start:stop] = u < share
    held = CohortColumns(out, pairs, [c for c in SCHEMA if c in wanted])
    return Cohort.from_columns(
        CohortIds.numbered(n), held, wijken=params.wijken, select=wanted, extra=extra or None
    )


class _Plan:
    """What every block needs from the parameters, worked out once."""

    def __init__(self, params: CohortParams) -> None:
        self.params = params
        self.ref = params.reference_date.toordinal()
        shares = dict(params.problem_shares)
        self.problem_shares = np.asarray([shares.get(p.name, 0.0) for p in Probleem])
        self.by_share = bool(shares)
        # Multiprobleemgezinnen take the common problems more often (equal weights without
        # figures); the other families make up the rest of each problem's share.
        weights = self.problem_shares if self.by_share else np.ones(_N_PROBLEMS)
        self.mp_weights = np.where(weights > 0, weights, 1e-12)
        expected = 4.5 * weights / weights.sum() if weights.sum() else weights
        mp = params.multiprobleem_share
        rest = (self.problem_shares - mp * np.minimum(expected, 1)) / max(1 - mp, 1e-12)
        self.rest_shares = np.clip(rest, 0, 1)
        needs = dict(params.need_shares)
        self.need_shares = np.asarray([needs.get(h.name, 0.0) for h in Hulpvraag])
        self.by_need = bool(needs)


def _fill(
    out: dict[str, Array],
    pairs: dict[str, Array],
    wanted: frozenset[str],
    a: int,
    b: int,
    seed: int,
    block: int,
    plan: _Plan,
) -> None:
    """Draw the families ``a`` up to ``b`` into the columns of ``out`` and the ZRM ``pairs``."""
    p, m, ref = plan.params, b - a, plan.ref

    def rng(stream: int) -> np.random.Generator:
        # independent streams as numpy derives them: one spawn key per block and column
        return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(block, stream)))

    def put(name: str, values: Array) -> None:
        if name in out:
            out[name][a:b] = values

    group = rng(_GROUP).random(m)
    mp = group < p.multiprobleem_share
    care = ~mp & (group < p.multiprobleem_share + p.youth_care_share)
    in_care = mp | care

    if "aantal_ouders" in out:
        put("aantal_ouders", np.where(rng(_OUDERS).random(m) < p.single_parent_share, 1, 2))
    if "aantal_kinderen" in out:
        put("aantal_kinderen", _choice(rng(_KINDEREN), p.children_weights, m))
    if "jongste_kind_geboren" in out:
        put("jongste_kind_geboren", ref - _ints(rng(_JONGSTE), 0, 18 * 365, m))
    if "wijk" in out and p.wijken:
        weights = p.wijk_weights or (1.0,) * len(p.wijken)
        put("wijk", _choice(rng(_WIJK), weights, m))
    if "problemen" in out:
        put("problemen", _problems(rng(_PROBLEMEN), mp, care, plan))
    if "signalen" in out:
        r = rng(_SIGNALEN)
        count = np.where(mp, _ints(r, 1, 4, m), np.where(care, r.random(m) < 0.05, 0))
        put("signalen", _random_bits(r, count.astype(np.int64), _N_SIGNALS))
    if "dwangmiddelen" in out:
        r = rng(_DWANG)
        count = np.where(mp & (r.random(m) < 0.8), _ints(r, 1, 3, m), 0)
        put("dwangmiddelen", _random_bits(r, count, _N_DWANG))
    if "hulpvragen" in out:
        put("hulpvragen", _needs(rng(_HULPVRAGEN), mp, in_care, plan))
    if "zorgsoorten" in out:
        put("zorgsoorten", np.where(in_care, 1 << 1, 0))  # toewijzing
    if "leveringsvormen" in out:
        pgb = rng(_LEVERING).random(m) < p.pgb_share
        put("leveringsvormen", np.where(in_care, np.where(pgb, 2, 1), 0))
    if "verwijzer" in out:
        put("verwijzer", np.where(in_care, _choice(rng(_VERWIJZER), p.verwijzer_weights, m), 0))
    if "aantal_hulpverleners" in out:
        r = rng(_HULPVERLENERS)
        count = np.where(mp, _ints(r, 4, 11, m), np.where(care, _ints(r, 1, 4, m), 0))
        put("aantal_hulpverleners", count)
    if "ouder_chronisch" in out:
        u = rng(_CHRONISCH).random(m)
        put("ouder_chronisch", np.where(mp, u < 0.5, care & (u < 0.1)))
    if "complexe_vraag" in out:
        put("complexe_vraag", mp & (rng(_COMPLEX).random(m) < 0.2))
    if "zrm_afgenomen" in out or pairs:
        _zrm(out, pairs, wanted, a, b, rng, mp, care, plan)


def _problems(r: np.random.Generator, mp: Array, care: Array, plan: _Plan) -> Array:
    m = len(mp)
    out: Array = np.zeros(m, dtype=np.int64)
    rows = np.flatnonzero(mp)
    out[rows] = _weighted_bits(r, _ints(r, 3, 7, rows.size), plan.mp_weights)
    others = np.flatnonzero(~mp)
    if plan.by_share:
        bits = np.zeros(others.size, dtype=np.int64)
        for j, share in enumerate(plan.rest_shares):  # one problem at a time: little memory
            bits |= (r.random(others.size) < share).astype(np.int64) << j
        out[others] = bits
    else:
        count = np.where(care[others], _ints(r, 0, 3, others.size), 0)
        count = np.where(~care[others] & (r.random(others.size) < 0.2), 1, count)
        out[others] = _random_bits(r, count, _N_PROBLEMS)
    return out


def _needs(r: np.random.Generator, mp: Array, in_care: Array, plan: _Plan) -> Array:
    m = len(mp)
    if plan.by_need:
        needs: Array = np.zeros(m, dtype=np.int64)
        for j, share in enumerate(plan.need_shares):
            needs |= (r.random(m) < share).astype(np.int64) << j
        return np.where(in_care, needs, 0)
    # begeleiding, lichte behandeling or specialistisch; taking over the household if mp
    needs = np.where(in_care, np.left_shift(1, _ints(r, 0, 3, m)), 0)
    return np.where(mp, needs | (1 << 5), needs)


def _zrm(
    out: dict[str, Array],
    pairs: dict[str, Array],
    wanted: frozenset[str],
    a: int,
    b: int,
    rng: Callable[[int], np.random.Generator],
    mp: Array,
    care: Array,
    plan: _Plan,
) -> None:
    m, p = b - a, plan.params
    r = rng(_ZRM)
    scored = mp | (care & (r.random(m) < p.zrm_scored_share))
    if "zrm_afgenomen" in out:
        out["zrm_afgenomen"][a:b] = np.where(scored, plan.ref - _ints(r, 0, 60, m), 0)
    if not pairs:
        return
    rows = np.flatnonzero(scored)
    low = np.where(mp[rows], 1, 2)[:, None]
    span = np.where(mp[rows], 3, 4)[:, None]
    levels = (low + rng(_ZRM_LEVELS).random((rows.size, len(_ZRM_FIELDS))) * span).astype(np.int8)
    haalbaar = np.minimum(levels + _ints(rng(_HAALBAAR), 0, 3, levels.shape), 5)
    for i, name in enumerate(_ZRM_FIELDS):
        pair = pairs.get(name)
        if pair is not None:
            now = levels[:, i] if f"zrm.{name}" in wanted else None
            reachable = haalbaar[:, i] if f"zrm_haalbaar.{name}" in wanted else None
            pair[a + rows] = pack_levels(now, reachable, rows.size)


def _members(mask: int, enum_type: type[Probleem] | type[Signaal] | type[Dwangmiddel]) -> list[str]:
    return [m.name for i, m in enumerate(enum_type) if mask >> i & 1]


def _scores(cohort: Cohort, prefix: str, row: int) -> ZrmScores | None:
    values = {
        d.field: int(cohort.columns[f"{prefix}.{d.field}"][row])
        for d in ZrmDomein
        if f"{prefix}.{d.field}" in cohort.columns
    }
    scored = {k: v for k, v in values.items() if v}
    return ZrmScores(**scored) if scored else None


def _date(ordinal: int) -> pendulum.Date:
    day = pendulum.Date.fromordinal(ordinal)
    return pendulum.date(day.year, day.month, day.day)


def _gezin(cohort: Cohort, row: int) -> Gezin:
    def col(name: str) -> int:
        # a cohort of some columns only: what it does not hold is unknown
        column = cohort.columns.get(name)
        return 0 if column is None else int(column[row])

    youngest = col("jongste_kind_geboren")
    ref = youngest if youngest else pendulum.date(2024, 1, 1).toordinal()
    parents = [
        Lid(
            LidRol.OUDER,
            _date(ref - (30 + i) * 365),
            chronische_problematiek=(i == 0 and bool(col("ouder_chronisch"))),
        )
        for i in range(col("aantal_ouders"))
    ]
    children = [Lid(LidRol.KIND, _date(ref - 2 * 365 * i)) for i in range(col("aantal_kinderen"))]
    soorten = [z for i, z in enumerate(Zorgsoort) if col("zorgsoorten") >> i & 1]
    vormen = [v for i, v in enumerate(Leveringsvorm) if col("leveringsvormen") >> i & 1]
    since = _date(ref)
    zorg = [
        Zorg(soorten[min(i, len(soorten) - 1)], vormen[min(i, len(vormen) - 1)], since)
        for i in range(max(len(soorten), len(vormen)) if soorten and vormen else 0)
    ]
    huidig = _scores(cohort, "zrm", row)
    taken = col("zrm_afgenomen")
    zrm = (
        ZrmMeting(_date(taken), huidig, _scores(cohort, "zrm_haalbaar", row))
        if huidig is not None and taken
        else None
    )
    wijk_code = col("wijk")
    verwijzer_code = col("verwijzer")
    return Gezin(
        cohort.ids[row],
        parents + children,
        wijk=cohort.vocabularies["wijk"][wijk_code] if wijk_code else None,
        problemen=_members(col("problemen"), Probleem),
        signalen=_members(col("signalen"), Signaal),
        dwangmiddelen=_members(col("dwangmiddelen"), Dwangmiddel),
        aantal_hulpverleners=col("aantal_hulpverleners"),
        zrm=zrm,
        hulpvragen=[h.name for i, h in enumerate(Hulpvraag) if col("hulpvragen") >> i & 1],
        complexe_vraag=bool(col("complexe_vraag")),
        verwijzer=list(Verwijzer)[verwijzer_code - 1] if verwijzer_code else None,
        zorg=zorg,
    )


def materialise(cohort: Cohort, rows: Sequence[int] | int) -> list[Gezin]:
    """The families at ``rows`` of ``cohort`` as :class:`Gezin` objects, for explanation.

    What a column does not hold is filled in plainly: parents are 30 and 31
    years older than the youngest child, other children two years apart, and
    care started when the youngest child was born.  The facts the rules read
    are exact, so a verdict for the object equals the vectorised outcome for
    the row.
    """
    wanted = [rows] if isinstance(rows, int) else list(rows)
    out = []
    for row in wanted:
        if not 0 <= row < len(cohort):
            raise InvalidValueError(
                "materialise.rows", f"row {row} is outside the cohort of {len(cohort)} families"
            )
        out.append(_gezin(cohort, row))
    return out
