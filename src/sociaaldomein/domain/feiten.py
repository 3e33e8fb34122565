"""Facts: what a rule can look at in a family, in scalar and in columnar form.

A :class:`Feit` reads one value from a :class:`~sociaaldomein.domain.gezin.Gezin`
on a date, and the same value for every family of a
:class:`~sociaaldomein.domain.cohort.Cohort` at once.  Rules are built on facts,
which is what lets one rule definition explain a single verdict and evaluate a
million families alike.  :data:`FEITEN` is the catalogue; a plugin can define
its own facts with :class:`Feit` and the helpers here.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
import numpy as np
import pendulum

from sociaaldomein.domain.cohort import CATEGORY_ENUMS, FLAG_ENUMS, Array, Cohort, normalise_label
from sociaaldomein.domain.gezin import Gezin, ZrmDomein

__all__ = ["FEITEN", "Feit", "FeitSoort", "zrm_feit"]


class FeitSoort(enum.Enum):
    """What kind of value a fact holds, which decides the predicates that fit it."""

    BOOL = "yes or no"
    NUMBER = "number"
    CATEGORY = "one of a set of labels"
    FLAGS = "a set of enum members"


ScalarFn = Callable[[Gezin, pendulum.Date], Any]
VectorFn = Callable[[Cohort, pendulum.Date], Array]


def _names(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen(eq=False)
class Feit:
    """A named fact about a family.

    ``scalar(gezin, on)`` returns the value for one family (``None`` when
    unknown); ``vector(cohort, on)`` returns a numpy array for a cohort, where
    ``missing`` (if not ``None``) marks unknown values.  For CATEGORY facts the
    scalar value is a normalised label and the vector holds codes into the
    vocabulary of ``column``; for FLAGS facts the scalar value is a frozenset of
    ``enum_type`` members and the vector a bitmask.

    ``reads`` names the cohort columns the fact is computed from, besides its
    own: a rule on the fact reports them in :meth:`~sociaaldomein.Rule.facts`.
    A fact derived from the problems says ``reads=("problemen",)``, so a
    simulation in which problems change decides it again every month.
    """

    naam: str
    omschrijving: str
    soort: FeitSoort
    scalar: ScalarFn
    vector: VectorFn
    missing: int | None = None
    column: str | None = None
    enum_type: type[enum.Enum] | None = None
    reads: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_names)

    def facts(self) -> frozenset[str]:
        """Its own name, its column and the columns it reads."""
        own = {self.naam} if self.column is None else {self.naam, self.column}
        return frozenset(own).union(self.reads)

    def __repr__(self) -> str:
        return f"Feit({self.naam!r})"


def _col(name: str) -> VectorFn:
    def vector(cohort: Cohort, on: pendulum.Date) -> Array:
        return cohort.column(name)

    return vector


def _flags(name: str, omschrijving: str, attr: str) -> Feit:
    return Feit(
        naam=name,
        omschrijving=omschrijving,
        soort=FeitSoort.FLAGS,
        # Gezin keeps these as frozensets already; a subclass might not.
        scalar=lambda g, on: v if isinstance(v := getattr(g, attr), frozenset) else frozenset(v),
        vector=_col(name),
        column=name,
        enum_type=FLAG_ENUMS[name],
    )


def _count(name: str, of: Feit, omschrijving: str) -> Feit:
    column = of.column or of.naam
    return Feit(
        naam=name,
        omschrijving=omschrijving,
        soort=FeitSoort.NUMBER,
        scalar=lambda g, on: len(of.scalar(g, on)),
        vector=lambda c, on: np.bitwise_count(c.column(column)),
        reads=(column,),
    )


def zrm_feit(domein: ZrmDomein, *, haalbaar: bool = False) -> Feit:
    """The ZRM level on ``domein``: current, or the level judged achievable."""
    prefix = "zrm_haalbaar" if haalbaar else "zrm"
    name = f"{prefix}.{domein.field}"
    what = "achievable ZRM level" if haalbaar else "ZRM level"

    field = domein.field  # read once: an enum property costs more than the lookup itself

    def scalar(g: Gezin, on: pendulum.Date) -> int | None:
        if g.zrm is None:
            return None
        scores = g.zrm.haalbaar if haalbaar else g.zrm.huidig
        value: int | None = None if scores is None else getattr(scores, field)
        return value

    return Feit(name, f"{what} on {domein.value}", FeitSoort.NUMBER, scalar, _col(name), missing=0)


def _zrm_age_days(g: Gezin, on: pendulum.Date) -> int | None:
    return None if g.zrm is None else on.toordinal() - g.zrm.afgenomen_op.toordinal()


def _zrm_age_vector(c: Cohort, on: pendulum.Date) -> Array:
    taken = c.column("zrm_afgenomen").astype(np.int64)
    return np.where(taken == 0, np.iinfo(np.int64).min, on.toordinal() - taken)


def _minor_scalar(g: Gezin, on: pendulum.Date) -> bool:
    # A child born after `on` counts too (an expected child): that keeps the
    # fact a function of the youngest child's birth date alone, which is what
    # the columnar form stores.
    eighteen_ago = _eighteen_years_before(on)
    return any(k.geboortedatum > eighteen_ago for k in g.kinderen())


@functools.lru_cache(maxsize=1024)
def _eighteen_years_before(on: pendulum.Date) -> pendulum.Date:
    # Calendar arithmetic costs more than the rest of the fact; the same few dates recur.
    return on.subtract(years=18)


def _minor_vector(c: Cohort, on: pendulum.Date) -> Array:
    youngest = c.column("jongste_kind_geboren").astype(np.int64)
    return (youngest > 0) & (youngest > on.subtract(years=18).toordinal())


def _lowest_zrm(g: Gezin, on: pendulum.Date) -> int | None:
    return None if g.zrm is None else g.zrm.huidig.lowest()


def _lowest_zrm_vector(c: Cohort, on: pendulum.Date) -> Array:
    stack = np.stack([c.column(f"zrm.{d.field}") for d in ZrmDomein]).astype(np.int16)
    stack = np.where(stack == 0, 99, stack)
    lowest = stack.min(axis=0)
    return np.where(lowest == 99, 0, lowest)


def _category(name: str, omschrijving: str, scalar: ScalarFn) -> Feit:
    return Feit(
        naam=name,
        omschrijving=omschrijving,
        soort=FeitSoort.CATEGORY,
        scalar=scalar,
        vector=_col(name),
        missing=0,
        column=name,
        enum_type=CATEGORY_ENUMS.get(name),
    )


def _number(name: str, omschrijving: str, attr: str) -> Feit:
    return Feit(name, omschrijving, FeitSoort.NUMBER, lambda g, on: getattr(g, attr), _col(name))


def _bool(name: str, omschrijving: str, scalar: ScalarFn) -> Feit:
    return Feit(name, omschrijving, FeitSoort.BOOL, scalar, _col(name))


class _Catalogue:
    """The built-in facts, by attribute and by name (``FEITEN.problemen``, ``FEITEN["wijk"]``)."""

    def __init__(self) -> None:
        self.problemen = _flags("problemen", "the problems", "problemen")
        self.signalen = _flags("signalen", "the target-group signals", "signalen")
        self.dwangmiddelen = _flags(
            "dwangmiddelen", "the coercive instruments partners can deploy", "dwangmiddelen"
        )
        self.hulpvragen = _flags("hulpvragen", "the support needs", "hulpvragen")
        self.aantal_problemen = _count(
            "aantal_problemen", self.problemen, "the number of simultaneous problems"
        )
        self.aantal_signalen = _count("aantal_signalen", self.signalen, "the number of signals")
        self.aantal_dwangmiddelen = _count(
            "aantal_dwangmiddelen", self.dwangmiddelen, "the number of coercive instruments"
        )
        self.wijk = _category(
            "wijk",
            "the wijk the family lives in",
            lambda g, on: None if g.wijk is None else normalise_label(g.wijk),
        )
        self.verwijzer = _category(
            "verwijzer",
            "the referrer (COD327)",
            lambda g, on: None if g.verwijzer is None else g.verwijzer.name,
        )
        self.aantal_hulpverleners = _number(
            "aantal_hulpverleners", "the number of involved care providers", "aantal_hulpverleners"
        )
        self.ouder_chronisch = _bool(
            "ouder_chronisch",
            "a parent has problems of a chronic or structural nature",
            lambda g, on: g.ouder_met_chronische_problematiek,
        )
        self.complexe_vraag = _bool(
            "complexe_vraag", "the question is too complex", lambda g, on: g.complexe_vraag
        )
        self.aantal_kinderen = Feit(
            "aantal_kinderen",
            "the number of children",
            FeitSoort.NUMBER,
            lambda g, on: len(g.kinderen()),
            _col("aantal_kinderen"),
        )
        self.minderjarig_kind = Feit(
            "minderjarig_kind",
            "a child younger than 18 (or expected) belongs to the family",
            FeitSoort.BOOL,
            _minor_scalar,
            _minor_vector,
            reads=("jongste_kind_geboren",),
        )
        self.zrm_laagste = Feit(
            "zrm_laagste",
            "the lowest current ZRM level",
            FeitSoort.NUMBER,
            _lowest_zrm,
            _lowest_zrm_vector,
            missing=0,
            reads=tuple(f"zrm.{d.field}" for d in ZrmDomein),
        )
        self.zrm_leeftijd_dagen = Feit(
            "zrm_leeftijd_dagen",
            "days since the ZRM was assessed",
            FeitSoort.NUMBER,
            _zrm_age_days,
            _zrm_age_vector,
            missing=int(np.iinfo(np.int64).min),
            reads=("zrm_afgenomen",),
        )
        self.zrm: dict[ZrmDomein, Feit] = {d: zrm_feit(d) for d in ZrmDomein}
        self.zrm_haalbaar: dict[ZrmDomein, Feit] = {
            d: zrm_feit(d, haalbaar=True) for d in ZrmDomein
        }

    def all(self) -> dict[str, Feit]:
        """Every built-in fact by name."""
        out = {f.naam: f for f in vars(self).values() if isinstance(f, Feit)}
        for table in (self.zrm, self.zrm_haalbaar):
            out.update({f.naam: f for f in table.values()})
        return out

    def __getitem__(self, name: str) -> Feit:
        return self.all()[name]


FEITEN: Final = _Catalogue()
"""The catalogue of built-in facts."""
