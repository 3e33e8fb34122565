"""Synthetic families: a seeded, calibrated generator that fills a columnar cohort directly.

:func:`generate_cohort` draws families with children with numpy and builds the
:class:`~sociaaldomein.domain.cohort.Cohort` through
:meth:`~sociaaldomein.domain.cohort.Cohort.from_columns`: no :class:`Gezin`
object is made, so a million families take well under a second.
:func:`materialise` turns a few rows back into :class:`Gezin` objects, for an
explanation that a person can read.

The defaults (:data:`GRONINGEN`) are calibrated on the public figures for the
gemeente Groningen in the project's domain notes (``DOMAIN.md``, "Public
figures"); every default says where it comes from, and figures that are
arithmetic on those, or assumptions, say so.

>>> cohort = generate_cohort(1_000, seed=7)
>>> len(cohort), cohort.ids[0]
(1000, 'syn-0000000')
>>> bool((generate_cohort(1_000, seed=7).column("problemen") == cohort.column("problemen")).all())
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
import numpy as np
import pendulum

from sociaaldomein._validators import one_of_type
from sociaaldomein.domain.cohort import Array, Cohort
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
from sociaaldomein.errors import InvalidValueError

__all__ = ["GRONINGEN", "WIJKEN", "CohortParams", "generate_cohort", "materialise"]

WIJKEN: Final = (
    "Centrum",
    "Oosterparkwijk",
    "Indische Buurt",
    "Korrewegwijk",
    "de Hoogte",
    "Tuinwijk",
    "Selwerd",
    "Paddepoel",
    "Vinkhuizen",
    "Beijum",
    "Lewenborg",
    "Helpman",
    "Corpus den Hoorn",
    "Hoogkerk",
    "Haren",
    "Meerstad",
)
"""Wijken of the synthetic city; equal weights (an assumption, not a figure)."""

_HOUSEHOLDS: Final = 136_500
_SHARE_WITH_CHILDREN: Final = 0.19


def _probability(instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidValueError(
            f"CohortParams.{attribute.name}", f"must be a probability from 0 to 1, got {value!r}"
        )


def _weights(
    instance: object, attribute: attrs.Attribute[tuple[float, ...]], value: object
) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or any(isinstance(w, bool) or not isinstance(w, int | float) or w < 0 for w in value)
        or sum(value) <= 0
    ):
        raise InvalidValueError(
            f"CohortParams.{attribute.name}",
            f"must be a non-empty tuple of non-negative weights, got {value!r}",
        )


@attrs.frozen
class CohortParams:
    """The knobs of the synthetic city.  Every default is documented with its source.

    Shares are per *family with children* (the unit the pilots serve), which is
    why some are derived from per-household or per-child figures.
    """

    households: int = attrs.field(default=_HOUSEHOLDS, validator=one_of_type(int))
    """Households in the gemeente Groningen: about 136,500 (CBS core figures, about 2021)."""
    share_with_children: float = attrs.field(default=_SHARE_WITH_CHILDREN, validator=_probability)
    """Share of households with children: 19% (CBS core figures, about 2021)."""
    single_parent_share: float = attrs.field(default=0.227, validator=_probability)
    """Share of families with one parent: 22.7% in Groningen (CBS, 2019)."""
    youth_care_share: float = attrs.field(default=0.15, validator=_probability)
    """Share of families with youth care now.  CBS gives 14.77-15.27% of *youth* 0-17 with
    jeugdhulp (2021-2023); using it per family is an assumption (one child in care per
    family in care)."""
    multiprobleem_share: float = attrs.field(default=0.024, validator=_probability)
    """Share of families that are multiprobleemgezinnen: 0.37-0.55% of households in
    comparable cities (NJi via Almelo, 2017); derived per family with children as the
    midpoint 0.46% x 136,500 / (19% x 136,500) = 2.4%."""
    children_weights: tuple[float, ...] = attrs.field(
        default=(0.42, 0.40, 0.13, 0.05), validator=_weights
    )
    """Weights of 1, 2, 3, 4 children (an assumption giving about 1.8 children a family)."""
    wijken: tuple[str, ...] = attrs.field(default=WIJKEN)
    """The wijken, drawn with equal weights (an assumption)."""
    verwijzer_weights: tuple[float, ...] = attrs.field(
        default=(0.30, 0.40, 0.10, 0.07, 0.08, 0.05, 0.0), validator=_weights
    )
    """Weights of the referrers of youth care in :class:`Verwijzer` order (gemeente, huisarts,
    jeugdarts, GI, medisch specialist, zelfverwijzer, rechter): an assumption in the shape of
    national figures, where the huisarts and the local team refer most."""
    pgb_share: float = attrs.field(default=0.10, validator=_probability)
    """Share of care delivered as PGB rather than in natura (an assumption)."""
    zrm_scored_share: float = attrs.field(default=0.5, validator=_probability)
    """Share of families in care whose ZRM was taken (an assumption; multiprobleemgezinnen
    are always scored)."""
    reference_date: pendulum.Date = attrs.field(default=pendulum.date(2024, 1, 1))
    """The day ages and assessment dates are counted from."""

    @property
    def families(self) -> int:
        """Families with children in the city: households x share with children (25,935)."""
        return round(self.households * self.share_with_children)


GRONINGEN: Final = CohortParams()
"""The defaults: a synthetic gemeente Groningen."""

_N_PROBLEMS: Final = len(Probleem)
_N_SIGNALS: Final = len(Signaal)
_N_DWANG: Final = len(Dwangmiddel)
_ZRM_FIELDS: Final = tuple(d.field for d in ZrmDomein)


def _random_bits(rng: np.random.Generator, counts: Array, width: int) -> Array:
    """For each row a bitmask with ``counts[i]`` distinct bits out of ``width``."""
    out: Array = np.zeros(len(counts), dtype=np.int64)
    rows = np.flatnonzero(counts)
    if rows.size:
        ranks = rng.random((rows.size, width)).argsort(axis=1).argsort(axis=1)
        weights = np.left_shift(np.int64(1), np.arange(width, dtype=np.int64))
        out[rows] = ((ranks < counts[rows, None]) * weights).sum(axis=1)
    return out


def _ints(rng: np.random.Generator, low: int, high: int, shape: int | tuple[int, ...]) -> Array:
    """Whole numbers from ``low`` up to, not including, ``high`` (fast: one float draw each)."""
    out: Array = low + (rng.random(shape) * (high - low)).astype(np.int64)
    return out


def generate_cohort(
    size: int | None = None, seed: int = 0, params: CohortParams = GRONINGEN
) -> Cohort:
    """``size`` synthetic families with children (default: as many as the city has).

    The same ``seed`` and ``params`` give the same cohort, bit for bit.  Three
    groups are drawn: multiprobleemgezinnen (3-6 problems, at least one signal,
    a coercive instrument in 80%, low ZRM levels, many care providers), other
    families with youth care (0-2 problems, care with a referrer, middling ZRM)
    and the rest (at most one problem, no care, no ZRM).
    """
    n: object = params.families if size is None else size
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise InvalidValueError(
            "generate_cohort.size", f"must be a whole number >= 0, got {size!r}"
        )
    rng = np.random.default_rng(np.random.SeedSequence(seed))
    ref = params.reference_date.toordinal()

    group = rng.random(n)
    mp = group < params.multiprobleem_share
    care = ~mp & (group < params.multiprobleem_share + params.youth_care_share)
    rest = ~(mp | care)

    ouders = np.where(rng.random(n) < params.single_parent_share, 1, 2)
    cw = np.asarray(params.children_weights, dtype=float)
    kinderen = rng.choice(np.arange(1, len(cw) + 1), size=n, p=cw / cw.sum())
    youngest_age_days = _ints(rng, 0, 18 * 365, n)
    wijk = _ints(rng, 1, len(params.wijken) + 1, n) if params.wijken else np.zeros(n)

    n_problems = np.where(mp, _ints(rng, 3, 7, n), np.where(care, _ints(rng, 0, 3, n), 0))
    n_problems = np.where(rest & (rng.random(n) < 0.2), 1, n_problems)
    n_signals = np.where(mp, _ints(rng, 1, 4, n), np.where(care, rng.random(n) < 0.05, 0))
    n_dwang = np.where(mp & (rng.random(n) < 0.8), _ints(rng, 1, 3, n), 0)
    problemen = _random_bits(rng, n_problems, _N_PROBLEMS)
    signalen = _random_bits(rng, n_signals.astype(np.int64), _N_SIGNALS)
    dwang = _random_bits(rng, n_dwang, _N_DWANG)

    in_care = mp | care
    hulpvraag_bit = _ints(rng, 0, 3, n)  # begeleiding, lichte behandeling, specialistisch
    hulpvragen = np.where(in_care, np.left_shift(1, hulpvraag_bit), 0)
    hulpvragen = np.where(mp, hulpvragen | (1 << 5), hulpvragen)  # overname huishouden
    zorgsoorten = np.where(in_care, 1 << 1, 0)  # toewijzing
    leveringsvormen = np.where(in_care, np.where(rng.random(n) < params.pgb_share, 2, 1), 0)
    vw = np.asarray(params.verwijzer_weights, dtype=float)
    verwijzer = np.where(in_care, rng.choice(np.arange(1, len(vw) + 1), size=n, p=vw / vw.sum()), 0)
    hulpverleners = np.where(mp, _ints(rng, 4, 11, n), np.where(care, _ints(rng, 1, 4, n), 0))
    chronisch = np.where(mp, rng.random(n) < 0.5, care & (rng.random(n) < 0.1))
    complex_ = mp & (rng.random(n) < 0.2)

    scored = mp | (care & (rng.random(n) < params.zrm_scored_share))
    rows = np.flatnonzero(scored)
    low = np.where(mp[rows], 1, 2)[:, None]
    span = np.where(mp[rows], 3, 4)[:, None]
    levels = np.zeros((n, len(_ZRM_FIELDS)), dtype=np.int8)
    haalbaar = np.zeros_like(levels)
    drawn = low + (rng.random((rows.size, len(_ZRM_FIELDS))) * span).astype(np.int8)
    levels[rows] = drawn
    haalbaar[rows] = np.minimum(drawn + _ints(rng, 0, 3, drawn.shape), 5)

    columns: dict[str, Array] = {
        "problemen": problemen,
        "signalen": signalen,
        "dwangmiddelen": dwang,
        "hulpvragen": hulpvragen,
        "zorgsoorten": zorgsoorten,
        "leveringsvormen": leveringsvormen,
        "verwijzer": verwijzer,
        "wijk": wijk,
        "aantal_hulpverleners": hulpverleners,
        "ouder_chronisch": chronisch,
        "complexe_vraag": complex_,
        "aantal_ouders": ouders,
        "aantal_kinderen": kinderen,
        "jongste_kind_geboren": ref - youngest_age_days,
        "zrm_afgenomen": np.where(scored, ref - _ints(rng, 0, 60, n), 0),
    }
    for i, name in enumerate(_ZRM_FIELDS):
        columns[f"zrm.{name}"] = levels[:, i]
        columns[f"zrm_haalbaar.{name}"] = haalbaar[:, i]
    ids = [f"syn-{i:07d}" for i in range(n)]
    return Cohort.from_columns(ids, columns, wijken=params.wijken)


def _members(mask: int, enum_type: type[Probleem] | type[Signaal] | type[Dwangmiddel]) -> list[str]:
    return [m.name for i, m in enumerate(enum_type) if mask >> i & 1]


def _scores(cohort: Cohort, prefix: str, row: int) -> ZrmScores | None:
    values = {d.field: int(cohort.column(f"{prefix}.{d.field}")[row]) for d in ZrmDomein}
    scored = {k: v for k, v in values.items() if v}
    return ZrmScores(**scored) if scored else None


def _date(ordinal: int) -> pendulum.Date:
    day = pendulum.Date.fromordinal(ordinal)
    return pendulum.date(day.year, day.month, day.day)


def _gezin(cohort: Cohort, row: int) -> Gezin:
    def col(name: str) -> int:
        return int(cohort.column(name)[row])

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
