"""Budgets: funding lines (:class:`Budgetregel`) and their sum (:class:`Begroting`).

A line says who pays how much for what, in a calendar year or over a period,
under which :class:`Financieringsmodel` (or a funding model a plugin declares,
a :class:`~sociaaldomein.domain.vocabulary.Term` of ``"financieringsmodel"``,
such as a Wmo pilot's pgb), and where the letter says so.  A line
whose figure is arithmetic on the letter rather than written in it is marked
``afgeleid`` and says so when printed.

The gezinsverzorger pilot, letter ``000_6fd8bb18cab06410.txt``, "Kosten pilot":

>>> bron = Citation("000_6fd8bb18cab06410.txt", "Kosten pilot")
>>> def regel(jaar: int, bedrag: int) -> Budgetregel:
...     return Budgetregel("gezinsverzorger", "kosten pilot", Money(bedrag),
...                        "Gemeente Groningen (jeugdhulp)", "PROJECTBUDGET",
...                        jaar=jaar, bron=bron)
>>> begroting = Begroting([regel(2021, 42_000), regel(2022, 168_000), regel(2023, 126_000)])
>>> str(begroting.total())
'EUR 336.000,00'
>>> {jaar: str(bedrag) for jaar, bedrag in begroting.per_year().items()}
{2021: 'EUR 42.000,00', 2022: 'EUR 168.000,00', 2023: 'EUR 126.000,00'}
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar

import attrs
import pendulum

from sociaaldomein._validators import (
    between,
    coerce_enum,
    field_name,
    non_empty,
    one_of_type,
)
from sociaaldomein.compat import REMOVED_IN
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.vocabulary import Term, member_or_term
from sociaaldomein.errors import InvalidValueError, UnknownPilotError

__all__ = ["Begroting", "Budgetregel", "Financieringsmodel", "monthly_plan"]

K = TypeVar("K")


class Financieringsmodel(enum.Enum):
    """How a pilot is funded, as the letters describe it: the default vocabulary
    ``"financieringsmodel"``, which a plugin extends with a
    :class:`~sociaaldomein.domain.vocabulary.Term` (its ``description`` is the line
    on what the model means).

    PROJECTBUDGET: 000 (gezinsverzorger).  LUMPSUM, VOORINVESTERING and
    INCIDENTEEL: 002 (SAMEN.).  GHP_GEBONDEN: 003 (multiprobleemgezinnen).
    SUBSTITUTIE: 004 (Proeftuin Hoogkerk).

    >>> Financieringsmodel["LUMPSUM"].description
    'lumpsum subsidy equal to what the municipality would otherwise spend (a counterfactual)'
    """

    PROJECTBUDGET = "projectbudget"
    LUMPSUM = "lumpsum"
    SUBSTITUTIE = "substitutie"
    GHP_GEBONDEN = "ghp_gebonden"
    VOORINVESTERING = "voorinvestering"
    INCIDENTEEL = "incidenteel"

    @property
    def description(self) -> str:
        """One line in English on what the model means."""
        return _DESCRIPTIONS[self.name]


_DESCRIPTIONS: Final[dict[str, str]] = {
    "PROJECTBUDGET": "fixed budget for the project, charged to an existing budget",
    "LUMPSUM": (
        "lumpsum subsidy equal to what the municipality would otherwise spend (a counterfactual)"
    ),
    "SUBSTITUTIE": "money shifts from maatwerkvoorzieningen and zorgtoewijzingen",
    "GHP_GEBONDEN": "budget bound to a family's Gezins Herstel Plan, bought per family",
    "VOORINVESTERING": "pre-investment, to be earned back from savings on care costs",
    "INCIDENTEEL": "incidental budget for the transition period",
}


def require_money(value: object, field: str, *, cents: bool = False) -> None:
    """Refuse anything but :class:`Money` (and, with ``cents``, any fraction of a cent).

    A float gets its own message: it is the mistake people make.
    """
    if isinstance(value, float):
        raise InvalidValueError(
            field, f"a float is not exact money; pass Money(Decimal({str(value)!r}))"
        )
    if not isinstance(value, Money):
        raise InvalidValueError(field, f"must be Money, got {type(value).__name__} {value!r}")
    if cents and value != value.rounded():
        raise InvalidValueError(field, f"must be whole cents, got {value.amount}")


def is_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a :class:`Money`."""
    require_money(value, field_name(instance, attribute))


def is_cents(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a :class:`Money` in whole cents, so that spreading it conserves every cent."""
    require_money(value, field_name(instance, attribute), cents=True)


def _require(value: object, kind: type, field: str) -> None:
    if isinstance(value, bool) or not isinstance(value, kind):
        raise InvalidValueError(
            field, f"must be {kind.__name__}, got {type(value).__name__} {value!r}"
        )


def _as_financieringsmodel(
    value: Financieringsmodel | Term | str,
) -> Financieringsmodel | Term:
    return value if isinstance(value, Term) else coerce_enum(Financieringsmodel, value)


@attrs.frozen
class Budgetregel:
    """One funding line: ``bedrag`` from ``financier`` for ``omschrijving`` in ``pilot``.

    Exactly one of ``jaar`` (a calendar year) and ``periode`` is set.  ``bedrag``
    is in whole cents and may be negative (a correction).  ``afgeleid`` is True
    when the figure is derived arithmetic rather than written in the letter;
    ``illustratief`` when the letter gives no figure at all and the amount is
    an example a municipality should replace with its own.  ``model`` is a
    :class:`Financieringsmodel` (or its name) or a declared ``Term`` of
    ``"financieringsmodel"``.  ``financier`` is free text: who pays, in the
    letter's words (a funder needs no declaration).
    """

    pilot: str = attrs.field(validator=[one_of_type(str), non_empty])
    omschrijving: str = attrs.field(validator=[one_of_type(str), non_empty])
    bedrag: Money = attrs.field(validator=is_cents)
    financier: str = attrs.field(validator=[one_of_type(str), non_empty])
    model: Financieringsmodel | Term = attrs.field(
        converter=_as_financieringsmodel,
        validator=member_or_term(Financieringsmodel, "financieringsmodel"),
    )
    jaar: int | None = attrs.field(
        default=None, validator=attrs.validators.optional([one_of_type(int), between(1900, 2200)])
    )
    periode: Periode | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(Periode))
    )
    bron: Citation | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(Citation))
    )
    afgeleid: bool = attrs.field(default=False, validator=one_of_type(bool))
    illustratief: bool = attrs.field(default=False, validator=one_of_type(bool))

    @property
    def herkomst(self) -> str:
        """Where the amount comes from: "letter", "derived" or "illustrative"."""
        if self.illustratief:
            return "illustrative"
        return "derived" if self.afgeleid else "letter"

    def __attrs_post_init__(self) -> None:
        if self.jaar is None and self.periode is None:
            raise InvalidValueError(
                "Budgetregel.jaar", "set either jaar (a calendar year) or periode, got neither"
            )
        if self.jaar is not None and self.periode is not None:
            raise InvalidValueError(
                "Budgetregel.periode",
                f"set either jaar or periode, not both (jaar={self.jaar}, periode {self.periode})",
            )

    def years(self) -> tuple[int, ...]:
        """The calendar years this line touches."""
        return (self.jaar,) if self.jaar is not None else self._periode().years()

    def per_year(self) -> dict[int, Money]:
        """The amount per calendar year; a period is spread by days, conserving every cent.

        >>> regel = Budgetregel("p", "x", Money(365), "g", "INCIDENTEEL",
        ...                     periode=Periode.year(2022))
        >>> regel.per_year()
        {2022: Money('365.00')}
        """
        if self.jaar is not None:
            return {self.jaar: self.bedrag}
        periode = self._periode()
        days = [_days_in_year(periode, year) for year in periode.years()]
        return dict(zip(periode.years(), self.bedrag.allocate(days), strict=True))

    def per_jaar(self) -> dict[int, Money]:
        """Deprecated: renamed :meth:`per_year` (until 0.3)."""
        _renamed("Budgetregel.per_jaar", "per_year")
        return self.per_year()

    def _periode(self) -> Periode:
        # post-init guarantees a periode whenever jaar is None
        assert self.periode is not None
        return self.periode

    def __str__(self) -> str:
        when = str(self.jaar) if self.jaar is not None else str(self.periode)
        text = (
            f"{self.pilot}: {self.omschrijving}, {self.bedrag} in {when}, "
            f"paid by {self.financier} ({self.model.name})"
        )
        if self.afgeleid:
            text += " [afgeleid: derived, not written in the letter]"
        if self.bron is not None:
            text += f" [{self.bron}]"
        return text


def _renamed(old: str, new: str) -> None:
    warnings.warn(
        f"{old}() is renamed {new}(), as on FundingOverview; call {new}() instead "
        f"(the old name works until sociaaldomein {REMOVED_IN})",
        DeprecationWarning,
        stacklevel=3,
    )


def _days_in_year(periode: Periode, year: int) -> int:
    part = periode.overlap(Periode.year(year))
    return 0 if part is None else part.days()


def _as_regels(value: Iterable[Budgetregel]) -> tuple[Budgetregel, ...]:
    return tuple(value)


def _are_regels(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, regel in enumerate(value):
        if not isinstance(regel, Budgetregel):
            raise InvalidValueError(
                f"{field_name(instance, attribute)}[{i}]",
                f"must be a Budgetregel, got {type(regel).__name__} {regel!r}",
            )


@attrs.frozen
class Begroting:
    """A budget: an ordered tuple of :class:`Budgetregel`.

    Invariant, to the cent: ``total()`` equals the sum of ``per_year()``, of
    ``per_funder()``, of ``per_model()`` and of ``per_pilot()``.  A line with
    a periode spanning several calendar years is spread over those years in
    proportion to its days in each (``Money.allocate``, largest remainder), so
    no cent is lost or made up.
    """

    regels: tuple[Budgetregel, ...] = attrs.field(
        default=(), converter=_as_regels, validator=_are_regels
    )

    def total(self) -> Money:
        """The exact sum of all lines."""
        return Money.total(r.bedrag for r in self.regels)

    def per_year(self) -> dict[int, Money]:
        """The amount per calendar year, years ascending; periods are spread by days.

        Letters may count by months instead: 000 "Kosten pilot" gives 2021 three
        months of the 24 (EUR 42.000), while by days October to December is 92 of
        730.  Where a letter writes figures per year, enter them as ``jaar`` lines.

        >>> pilot = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))
        >>> r = Budgetregel("gezinsverzorger", "kosten pilot", Money(336_000),
        ...                 "Gemeente Groningen (jeugdhulp)", "PROJECTBUDGET", periode=pilot)
        >>> str(Begroting([r]).per_year()[2021])
        'EUR 42.345,21'
        """
        out: dict[int, Money] = {}
        for regel in self.regels:
            for year, share in regel.per_year().items():
                out[year] = out.get(year, Money.zero()) + share
        return dict(sorted(out.items()))

    def per_funder(self) -> dict[str, Money]:
        """The amount per funder, in order of first appearance."""
        return _group(self.regels, lambda r: r.financier)

    def per_jaar(self) -> dict[int, Money]:
        """Deprecated: renamed :meth:`per_year` (until 0.3)."""
        _renamed("Begroting.per_jaar", "per_year")
        return self.per_year()

    def per_financier(self) -> dict[str, Money]:
        """Deprecated: renamed :meth:`per_funder` (until 0.3)."""
        _renamed("Begroting.per_financier", "per_funder")
        return self.per_funder()

    def per_model(self) -> dict[Financieringsmodel | Term, Money]:
        """The amount per funding model, in order of first appearance."""
        return _group(self.regels, lambda r: r.model)

    def per_pilot(self) -> dict[str, Money]:
        """The amount per pilot, in order of first appearance."""
        return _group(self.regels, lambda r: r.pilot)

    def for_year(self, year: int) -> Begroting:
        """The lines that fall in ``year``, so that ``for_year(y).total() == per_year()[y]``.

        A line whose periode spans several years becomes a line for its share in
        ``year`` (the periode clipped to the year), marked ``afgeleid`` because
        the share is arithmetic, not a figure from the letter.
        """
        _require(year, int, "Begroting.for_year.year")
        out: list[Budgetregel] = []
        for regel in self.regels:
            if year not in regel.years():
                continue
            if len(regel.years()) == 1:
                out.append(regel)
                continue
            clipped = regel._periode().overlap(Periode.year(year))
            out.append(
                attrs.evolve(regel, bedrag=regel.per_year()[year], periode=clipped, afgeleid=True)
            )
        return Begroting(out)

    def for_pilot(self, name: str) -> Begroting:
        """The lines of pilot ``name``; an unknown name raises, listing the known pilots.

        A typo must not read as a budget of EUR 0,00.
        """
        out = [r for r in self.regels if r.pilot == name]
        if not out:
            raise UnknownPilotError(name, {r.pilot for r in self.regels})
        return Begroting(out)

    def __add__(self, other: object) -> Begroting:
        if not isinstance(other, Begroting):
            return NotImplemented
        return Begroting(self.regels + other.regels)

    def __iter__(self) -> Iterator[Budgetregel]:
        return iter(self.regels)

    def __len__(self) -> int:
        return len(self.regels)

    def __str__(self) -> str:
        lines = [str(r) for r in self.regels]
        lines.append(f"total: {self.total()}")
        return "\n".join(lines)


def _group(regels: Iterable[Budgetregel], key: Callable[[Budgetregel], K]) -> dict[K, Money]:
    out: dict[K, Money] = {}
    for regel in regels:
        k = key(regel)
        out[k] = out.get(k, Money.zero()) + regel.bedrag
    return out


def monthly_plan(total: Money, periode: Periode) -> tuple[tuple[pendulum.Date, Money], ...]:
    """``total`` spread evenly over the calendar months of ``periode``, conserving every cent.

    Each month is given by its first day; a month the period touches only in
    part still counts as a whole month.  When the total does not divide into
    cents evenly the first months carry the extra cent (``Money.split``).

    Letter ``000_6fd8bb18cab06410.txt``, "Kosten pilot", gives EUR 336.000 for
    a two-year pilot and the amounts per year; EUR 14.000 a month from October
    2021 is *derived* from those figures, the letter does not write it:

    >>> plan = monthly_plan(Money(336_000),
    ...                     Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1)))
    >>> len(plan), plan[0], plan[-1][0]
    (24, (Date(2021, 10, 1), Money('14000.00')), Date(2023, 9, 1))
    """
    require_money(total, "monthly_plan.total", cents=True)
    _require(periode, Periode, "monthly_plan.periode")
    months = tuple(periode.month_starts())
    return tuple(zip(months, total.split(len(months)), strict=True))
