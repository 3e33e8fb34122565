"""Facts: what a rule can look at in a family, in scalar and in columnar form.

A :class:`Feit` reads one value from a :class:`~sociaaldomein.domain.gezin.Gezin`
on a date, and the same value for every family of a
:class:`~sociaaldomein.domain.cohort.Cohort` at once.  Rules are built on facts,
which is what lets one rule definition explain a single verdict and evaluate a
million families alike.  :data:`FEITEN` is the catalogue of the core's facts,
each citing where it comes from; a plugin **declares** facts of its own with
:meth:`Feit.declare` (a namespaced name, a type, a description, a citation
and, where it matters, how long an observation stays valid), and the
composition collects them in its
:class:`~sociaaldomein.domain.feitenregister.Feitenregister`.

>>> from sociaaldomein.domain.citation import Citation
>>> schuld = Feit.declare(
...     "schuldhulp.schuld", FeitSoort.MONEY, "the total debt",
...     bron=Citation("westerkwartier.txt", "2. Doelgroep"))
>>> schuld.naam, schuld.soort.value
('schuldhulp.schuld', 'an amount of money')
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

import attrs
import numpy as np
import pendulum

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import CATEGORY_ENUMS, FLAG_ENUMS, Array, Cohort, normalise_label
from sociaaldomein.domain.gezin import Gezin, ZrmDomein

__all__ = [
    "DATE_SUFFIX",
    "FEITEN",
    "MISSING_NUMBER",
    "ZRM_GELDIG_DAGEN",
    "Feit",
    "FeitSoort",
    "shared_vectors",
    "zrm_feit",
]


class FeitSoort(enum.Enum):
    """What kind of value a fact holds, which decides the predicates that fit it.

    ``NUMBER`` is a whole number (a declared one with its range), ``CATEGORY``
    one of a list, ``FLAGS`` several of a list.
    """

    BOOL = "yes or no"
    NUMBER = "number"
    CATEGORY = "one of a set of labels"
    FLAGS = "a set of enum members"
    TEXT = "text"
    DATE = "a date"
    MONEY = "an amount of money"


MISSING_NUMBER: Final = int(np.iinfo(np.int64).min)
"""The cohort cell of a declared whole number or amount that is not known."""

DATE_SUFFIX: Final = "@datum"
"""A declared fact ``x`` observed on a date keeps the date in the cohort column ``x@datum``."""

ZRM_GELDIG_DAGEN: Final = 30
"""How long a ZRM assessment stays valid: information older than about 30 days is not used
(DOMAIN.md, "Zelfredzaamheid-Matrix (ZRM)")."""

_ZRM_BRON: Final = Citation(
    "DOMAIN.md",
    "Zelfredzaamheid-Matrix (ZRM)",
    "A score is a snapshot (information older than about 30 days is not used).",
)
_CORE_BRON: Final = Citation(
    "sociaaldomein.domain.gezin", "Gezin", "the family as the pilots need to see it"
)


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
    bron: Citation | None = attrs.field(default=None, kw_only=True)
    """Where a declared fact comes from (:attr:`citation` also for the core's facts)."""
    geldig_dagen: int | None = attrs.field(default=None, kw_only=True)
    """How many days an observation of the fact stays valid; ``None``: it does not age."""
    datum: Callable[[Gezin], pendulum.Date | None] | None = attrs.field(default=None, kw_only=True)
    """The day the family's value was observed (``None`` when unknown or undated)."""
    datum_vector: Callable[[Cohort], Array] | None = attrs.field(default=None, kw_only=True)
    """The days of observation for a cohort, as ordinals (0 when unknown)."""
    bereik: tuple[int, int] | None = attrs.field(default=None, kw_only=True)
    """The smallest and largest value of a declared whole number."""
    keuzes: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    """The codes a declared one-of or several-of fact chooses from."""
    label: str | None = attrs.field(default=None, kw_only=True)
    """A short name for explanations ("ZRM of 2021-02-15 is older than 30 days")."""
    verloopt: bool = attrs.field(default=False, kw_only=True)
    """Whether every rule on the fact refuses an observation older than ``geldig_dagen``.

    True for a declared fact with a validity; the core's ZRM facts declare their
    30 days but leave applying them to :class:`~sociaaldomein.Recent` (see the
    design record), so that existing pilots keep their verdicts."""
    declared: bool = attrs.field(default=False, kw_only=True)
    """Whether a plugin or municipality declared the fact (it lives in ``Gezin.feiten``)."""

    def facts(self) -> frozenset[str]:
        """Its own name, its column and the columns it reads."""
        own = {self.naam} if self.column is None else {self.naam, self.column}
        return frozenset(own).union(self.reads)

    @property
    def citation(self) -> Citation:
        """Where the fact comes from: its ``bron``, or the core's source of a core fact.

        (A core fact's source is looked up rather than held, so that a rule's
        citations stay those of its own letter.)
        """
        if self.bron is not None:
            return self.bron
        if self.naam.startswith(("zrm", "core.zrm")):
            return _ZRM_BRON
        return _CORE_SOURCES.get(self.naam.removeprefix("core."), _CORE_BRON)

    def outdated(self, gezin: Gezin, on: pendulum.Date) -> str | None:
        """Why the family's value may not be used on ``on`` (too old), or ``None``."""
        if not self.verloopt or self.geldig_dagen is None or self.datum is None:
            return None
        seen = self.datum(gezin)
        if seen is None or on.toordinal() - seen.toordinal() <= self.geldig_dagen:
            return None
        return (
            f"{self.label or self.naam} of {seen.isoformat()} is older than "
            f"{self.geldig_dagen} days"
        )

    def values(self, cohort: Cohort, on: pendulum.Date) -> Array:
        """``vector(cohort, on)``, worked out once per cohort and date in :func:`shared_vectors`.

        The array may be shared by every rule that reads the fact: a caller
        never writes into it.
        """
        scope = _MEMO.get()
        if scope is None or (scope[1] is not None and self not in scope[1]):
            return self.vector(cohort, on)
        memo = scope[0]
        key = (id(cohort), self, on)
        found = memo.get(key)
        if found is not None and found[0] is cohort:
            return found[1]
        values = self.vector(cohort, on)
        memo[key] = (cohort, values)  # the cohort is held so that its id is not reused
        return values

    def fresh(self, cohort: Cohort, on: pendulum.Date) -> Array | None:
        """Where the cohort's values may be used on ``on`` (not too old); ``None``: everywhere."""
        if not self.verloopt or self.geldig_dagen is None or self.datum_vector is None:
            return None
        seen = self.datum_vector(cohort).astype(np.int64)
        fresh: Array = (seen == 0) | (on.toordinal() - seen <= self.geldig_dagen)
        return fresh

    @classmethod
    def declare(
        cls,
        naam: str,
        soort: FeitSoort,
        omschrijving: str,
        *,
        bron: Citation,
        bereik: tuple[int, int] | None = None,
        keuzes: Sequence[str] = (),
        geldig_dagen: int | None = None,
    ) -> Feit:
        """A fact a plugin or a municipality declares; families hold it in ``Gezin.feiten``.

        ``naam`` is namespaced (``"schuldhulp.schuld"``).  A whole number
        (``NUMBER``) needs its ``bereik``; one of a list (``CATEGORY``) and
        several of a list (``FLAGS``) need their ``keuzes``.  With
        ``geldig_dagen`` an observation older than that many days is not used:
        a rule on it fails and says so.  In a cohort the fact is the column
        ``naam`` (and ``naam@datum`` for the days of observation).
        """
        from sociaaldomein.domain.declared import declared_fact

        return declared_fact(
            naam,
            soort,
            omschrijving,
            bron=bron,
            bereik=bereik,
            keuzes=tuple(keuzes),
            geldig_dagen=geldig_dagen,
        )

    def __repr__(self) -> str:
        return f"Feit({self.naam!r})"


_Memo = dict[tuple[int, "Feit", pendulum.Date], tuple[Cohort, Array]]
_MEMO: contextvars.ContextVar[tuple[_Memo, frozenset[Feit] | None] | None] = contextvars.ContextVar(
    "sociaaldomein_fact_vectors", default=None
)


@contextlib.contextmanager
def shared_vectors(facts: Iterable[Feit] | None = None) -> Iterator[None]:
    """Inside the block each fact's vector over a cohort on a date is computed once.

    :meth:`~sociaaldomein.CompiledPilot.outcomes` opens one for its rule and
    routes; a caller asking several pilots about one cohort opens one around
    all of them, so that a fact every pilot reads (a minor in the family, the
    ZRM's age) is worked out once.  Nested blocks share the outer one; the
    vectors are dropped when the outermost block ends.  A cohort's columns must
    not be changed inside the block: a vector already worked out is not again.
    ``facts`` keeps only those (by default every fact): a vector kept is memory
    held until the block ends, which costs more than reading a column twice.

    >>> import pendulum
    >>> from sociaaldomein.testing import make_gezin
    >>> cohort = Cohort.from_gezinnen([make_gezin(problems=3)])
    >>> on = pendulum.date(2024, 6, 1)
    >>> with shared_vectors():
    ...     FEITEN.minderjarig_kind.values(cohort, on) is FEITEN.minderjarig_kind.values(cohort, on)
    True
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set(({}, None if facts is None else frozenset(facts)))
    try:
        yield
    finally:
        _MEMO.reset(token)


def _col(name: str) -> VectorFn:
    def vector(cohort: Cohort, on: pendulum.Date) -> Array:
        return cohort.column(name)

    return vector


def _flags(name: str, omschrijving: str, attr: str) -> Feit:
    return Feit(
        naam=name,
        omschrijving=omschrijving,
        soort=FeitSoort.FLAGS,
        scalar=functools.partial(_flag_scalar, attr),
        vector=_col(name),
        column=name,
        enum_type=FLAG_ENUMS[name],
    )


def _flag_scalar(attr: str, g: Gezin, on: pendulum.Date) -> frozenset[Any]:
    # Gezin keeps these as frozensets already; a subclass might not.
    members = v if isinstance(v := getattr(g, attr), frozenset) else frozenset(v)
    if g.termen:  # a plugin's terms of the same vocabulary count as members
        return members | g.terms(attr)
    return members


def _count_vector(column: str, c: Cohort) -> Array:
    counts: Array = np.bitwise_count(c.column(column))
    # by name first: reading every column would unpack every ZRM level
    prefix = f"{column}:"
    terms = [c.columns[k] for k in c.columns if k.startswith(prefix)]
    if terms:
        counts = counts.astype(np.int64) + np.sum(terms, axis=0, dtype=np.int64)
    return counts


def _count(name: str, of: Feit, omschrijving: str) -> Feit:
    column = of.column or of.naam
    return Feit(
        naam=name,
        omschrijving=omschrijving,
        soort=FeitSoort.NUMBER,
        scalar=lambda g, on: len(of.scalar(g, on)),
        vector=lambda c, on: _count_vector(column, c),
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

    return Feit(
        name,
        f"{what} on {domein.value}",
        FeitSoort.NUMBER,
        scalar,
        _col(name),
        missing=0,
        **_ZRM_VALIDITY,
    )


def _zrm_taken(g: Gezin) -> pendulum.Date | None:
    return None if g.zrm is None else g.zrm.afgenomen_op


def _zrm_taken_vector(c: Cohort) -> Array:
    return c.column("zrm_afgenomen")


_ZRM_VALIDITY: Final[dict[str, Any]] = {
    "geldig_dagen": ZRM_GELDIG_DAGEN,
    "datum": _zrm_taken,
    "datum_vector": _zrm_taken_vector,
    "label": "ZRM",
    "reads": ("zrm_afgenomen",),
}


def _zrm_age_days(g: Gezin, on: pendulum.Date) -> int | None:
    return None if g.zrm is None else on.toordinal() - g.zrm.afgenomen_op.toordinal()


def _zrm_age_vector(c: Cohort, on: pendulum.Date) -> Array:
    # whole-day ordinals: one subtraction into the result, then "no ZRM" written in place
    taken = c.column("zrm_afgenomen")
    age: Array = np.subtract(on.toordinal(), taken, dtype=np.int64)
    age[taken == 0] = MISSING_NUMBER
    return age


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
    # 0 is "no child"; any real birth day after the limit is above 0, so one comparison does
    youngest = c.column("jongste_kind_geboren")
    result: Array = youngest > max(_eighteen_years_before(on).toordinal(), 0)
    return result


def _lowest_zrm(g: Gezin, on: pendulum.Date) -> int | None:
    return None if g.zrm is None else g.zrm.huidig.lowest()


def _lowest_zrm_vector(c: Cohort, on: pendulum.Date) -> Array:
    # one domain at a time (each unpacked from its byte when read), never a stack of 13
    lowest: Array = np.full(len(c), 99, dtype=np.int16)
    for d in ZrmDomein:
        level = c.column(f"zrm.{d.field}").astype(np.int16)
        np.minimum(lowest, np.where(level == 0, 99, level), out=lowest)
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


_DOEL: Final = Citation("003_720c15da674da257.txt", "DOEL")
_TOEWIJZING: Final = Citation("003_720c15da674da257.txt", "7. Toewijzing gezinnen")
_CORE_SOURCES: Final = {
    "problemen": _DOEL,
    "aantal_problemen": _DOEL,
    "signalen": _TOEWIJZING,
    "aantal_signalen": _TOEWIJZING,
    "dwangmiddelen": _TOEWIJZING,
    "aantal_dwangmiddelen": _TOEWIJZING,
    "verwijzer": Citation(
        "DOMAIN.md", "Law and terms", "Verwijzers for youth care (iJw codelist COD327)"
    ),
    "ouder_chronisch": Citation("000_6fd8bb18cab06410.txt", "Bemensing pilot"),
    "minderjarig_kind": Citation("DOMAIN.md", "Law and terms", "jeugdige (under 18"),
}


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
            **{
                **_ZRM_VALIDITY,
                "reads": ("zrm_afgenomen", *(f"zrm.{d.field}" for d in ZrmDomein)),
            },
        )
        self.zrm_leeftijd_dagen = Feit(
            "zrm_leeftijd_dagen",
            "days since the ZRM was assessed",
            FeitSoort.NUMBER,
            _zrm_age_days,
            _zrm_age_vector,
            missing=MISSING_NUMBER,
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
