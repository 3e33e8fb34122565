"""Calculators for the funding models of the letters.

* :func:`lumpsum_from_counterfactual`: a lumpsum equal to what indicated care
  would have cost, price times volume (letter 002, SAMEN.).
* :func:`substitution_saving`: money shifted from maatwerk and zorgtoewijzing,
  and what it saves (letter 004, Proeftuin Hoogkerk).
* :class:`GhpBudget`: a pot from which the projectleider buys services per
  family, never the coaches themselves (letter 003, multiprobleemgezinnen).
* :func:`payback_year`: when savings have earned back a pre-investment
  (letter 002, voorfinanciering and businesscase).

All amounts are :class:`~sociaaldomein.domain.money.Money`; a float is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_decimal,
    at_least,
    field_name,
    is_date,
    is_decimal,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.bsn import pseudonymous_key
from sociaaldomein.domain.budget import is_cents, is_money, require_money
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.money import Money
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "GHP_BEGRIP",
    "GhpAankoop",
    "GhpBudget",
    "Lumpsum",
    "ProductVolume",
    "Substitutie",
    "lumpsum_from_counterfactual",
    "payback_year",
    "substitution_saving",
]

GHP_BEGRIP: Final = Citation(
    "003_720c15da674da257.txt",
    "Begrippenlijst",
    quote=(
        "GHP gebonden budget: Het budget dat nodig is om het GHP volledig ten uitvoering "
        "te brengen door “inkoop” van de diensten op het moment dat dit nodig is "
        "om het plan tot een succes te brengen. De kosten van de gezinscoaches zelf "
        "behoren hier niet toe."
    ),
)
"""The definition of the GHP-bound budget, which excludes the coaches' own costs."""


def _not_negative(instance: object, attribute: attrs.Attribute[Any], value: Money) -> None:
    if value < Money.zero():
        raise InvalidValueError(
            field_name(instance, attribute), f"must be at least EUR 0,00, got {value}"
        )


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Money) -> None:
    if value <= Money.zero():
        raise InvalidValueError(
            field_name(instance, attribute), f"must be more than EUR 0,00, got {value}"
        )


# --- lumpsum equal to a counterfactual (002) ---------------------------------


@attrs.frozen
class ProductVolume:
    """One category of indicated care the lumpsum replaces: ``volume`` units at ``prijs``.

    ``volume`` may be fractional (hours, part-years); its amount is exact.

    >>> ProductVolume("begeleiding", Decimal("1.5"), Money(60)).bedrag
    Money('90.00')
    """

    categorie: str = attrs.field(validator=[one_of_type(str), non_empty])
    volume: Decimal = attrs.field(converter=as_decimal, validator=[is_decimal, at_least(0)])
    prijs: Money = attrs.field(validator=[is_money, _not_negative])

    @property
    def bedrag(self) -> Money:
        """Price times volume, exact (it may hold fractions of a cent)."""
        return self.prijs * self.volume


def _as_products(value: Iterable[ProductVolume]) -> tuple[ProductVolume, ...]:
    return tuple(value)


def _are_products(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        raise InvalidValueError(
            field_name(instance, attribute), "a lumpsum needs at least one ProductVolume"
        )
    for i, product in enumerate(value):
        if not isinstance(product, ProductVolume):
            raise InvalidValueError(
                f"{field_name(instance, attribute)}[{i}]",
                f"must be a ProductVolume, got {type(product).__name__} {product!r}",
            )


@attrs.frozen
class Lumpsum:
    """A lumpsum subsidy equal to a counterfactual: the sum of P x Q over ``regels``.

    ``bedrag`` is the exact sum rounded once to cents (never per line, so that
    rounding does not pile up); :meth:`per_categorie` splits it back over the
    categories in whole cents that add up to ``bedrag`` exactly.
    """

    regels: tuple[ProductVolume, ...] = attrs.field(converter=_as_products, validator=_are_products)
    bedrag: Money = attrs.field(init=False)

    @bedrag.default
    def _bedrag(self) -> Money:
        return Money.total(p.bedrag for p in self.regels).rounded()

    def per_categorie(self) -> dict[str, Money]:
        """Whole cents per category (repeated categories summed), adding up to ``bedrag``."""
        exact: dict[str, Money] = {}
        for p in self.regels:
            exact[p.categorie] = exact.get(p.categorie, Money.zero()) + p.bedrag
        if not self.bedrag:
            return {name: Money.zero() for name in exact}
        shares = self.bedrag.allocate([m.amount for m in exact.values()])
        return dict(zip(exact, shares, strict=True))


def lumpsum_from_counterfactual(products: Iterable[ProductVolume]) -> Lumpsum:
    """The lumpsum equal to what indicated care would have cost: sum of price x volume.

    Letter ``002_3dca2c59337eb1a8.txt``, "Hoe wordt de taak SAMEN. gefinancierd?":
    WIJ Groningen receives a lumpsum "ter hoogte van het budget dat de gemeente
    anders zou uitgeven aan de op indicatie verstrekte jeugdhulp".  The letter
    gives no figures; the ones below are made up.

    >>> ls = lumpsum_from_counterfactual([
    ...     ProductVolume("begeleiding", 1_000, Money(75)),
    ...     ProductVolume("lichte behandeling", Decimal("250.5"), Money(110))])
    >>> str(ls.bedrag)
    'EUR 102.555,00'
    """
    return Lumpsum(products)


# --- substitution (004) -------------------------------------------------------


@attrs.frozen
class Substitutie:
    """The business case of substitution for ``residents`` residents.

    ``besparing`` is the saving for the same residents (negative: extra cost);
    ``extra_bewoners`` is how many more residents the counterfactual total serves
    at the actual cost per resident, rounded down (negative: fewer).
    """

    counterfactual_per_resident: Money = attrs.field(validator=[is_money, _positive])
    actual_per_resident: Money = attrs.field(validator=[is_money, _positive])
    residents: int = attrs.field(validator=[one_of_type(int), at_least(0)])

    @property
    def besparing(self) -> Money:
        """Less money for the same residents: (counterfactual - actual) x residents."""
        return (self.counterfactual_per_resident - self.actual_per_resident) * self.residents

    @property
    def extra_bewoners(self) -> int:
        """More residents for the same money, counting only residents served in full."""
        budget = self.counterfactual_per_resident * self.residents
        # Decimal // is exact integer division (floor, for positive operands)
        served = int(budget.amount // self.actual_per_resident.amount)
        return served - self.residents

    @property
    def is_saving(self) -> bool:
        """Whether the substitution saves money, the condition the letter sets."""
        return self.besparing > Money.zero()


def substitution_saving(
    counterfactual_per_resident: Money, actual_per_resident: Money, residents: int
) -> Substitutie:
    """What substitution saves, as less money or as more residents.

    Letter ``004_b7ccad7045cc3ba8.txt``, "Kosten": the support from BT Hoogkerk
    replaces maatwerkvoorzieningen and zorgtoewijzingen; the saving shows "door
    het besteden van minder middelen óf door het begeleiden van meer bewoners,
    voor dezelfde middelen", and is a condition of the proeftuin.  The letter
    gives no figures; these are made up:

    >>> s = substitution_saving(Money(5_000), Money(4_000), 100)
    >>> str(s.besparing), s.extra_bewoners, s.is_saving
    ('EUR 100.000,00', 25, True)
    """
    return Substitutie(counterfactual_per_resident, actual_per_resident, residents)


# --- GHP-bound budget (003) ---------------------------------------------------


@attrs.frozen
class GhpAankoop:
    """A service bought for one family out of the GHP-bound budget."""

    gezin_id: str = attrs.field(validator=pseudonymous_key)
    omschrijving: str = attrs.field(validator=[one_of_type(str), non_empty])
    bedrag: Money = attrs.field(validator=[is_cents, _positive])
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)


def _as_aankopen(value: Iterable[GhpAankoop]) -> tuple[GhpAankoop, ...]:
    return tuple(value)


def _are_aankopen(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for i, aankoop in enumerate(value):
        if not isinstance(aankoop, GhpAankoop):
            raise InvalidValueError(
                f"{field_name(instance, attribute)}[{i}]",
                f"must be a GhpAankoop, got {type(aankoop).__name__} {aankoop!r}",
            )


@attrs.frozen
class GhpBudget:
    """The GHP-bound budget: a pot from which the projectleider buys services per family.

    Letter ``003_720c15da674da257.txt``, "12. Financiën": of EUR 1,5 million,
    about EUR 7,5 ton is left on 1 April 2011 and about EUR 6 ton goes to running
    the doorstart; the rest is GHP-bound.  The pot of EUR 150.000 below is that
    difference, *derived*, not a figure in the letter.  Coach costs are not
    GHP-bound (:data:`GHP_BEGRIP`).

    >>> pot = GhpBudget(Money(150_000))
    >>> pot = pot.purchase("gezin-07", "schuldhulp", Money(2_500), pendulum.date(2011, 3, 1))
    >>> str(pot.remaining())
    'EUR 147.500,00'
    """

    pot: Money = attrs.field(validator=[is_cents, _not_negative])
    aankopen: tuple[GhpAankoop, ...] = attrs.field(
        default=(), converter=_as_aankopen, validator=_are_aankopen
    )

    def __attrs_post_init__(self) -> None:
        if self.spent() > self.pot:
            raise InvalidValueError(
                "GhpBudget.aankopen", f"spend {self.spent()}, more than the pot of {self.pot}"
            )

    def purchase(
        self,
        gezin_id: str,
        omschrijving: str,
        bedrag: Money,
        datum: pendulum.Date,
        coach_kosten: bool = False,
    ) -> GhpBudget:
        """A new budget with the purchase recorded; coach costs and overspending are refused."""
        if coach_kosten:
            raise InvalidValueError(
                "GhpAankoop.coach_kosten",
                f"the costs of the gezinscoaches themselves are not GHP-bound ({GHP_BEGRIP}: "
                '"De kosten van de gezinscoaches zelf behoren hier niet toe"); '
                "charge them to the running costs of the pilot",
            )
        aankoop = GhpAankoop(gezin_id, omschrijving, bedrag, datum)
        if aankoop.bedrag > self.remaining():
            raise InvalidValueError(
                "GhpAankoop.bedrag",
                f"{aankoop.bedrag} for {gezin_id!r} is more than remains of the "
                f"GHP-bound budget: {self.remaining()}",
            )
        return attrs.evolve(self, aankopen=(*self.aankopen, aankoop))

    def spent(self) -> Money:
        """The sum of all purchases."""
        return Money.total(a.bedrag for a in self.aankopen)

    def remaining(self) -> Money:
        """What is left in the pot."""
        return self.pot - self.spent()

    def per_gezin(self) -> dict[str, Money]:
        """What was bought per family, in order of the first purchase."""
        out: dict[str, Money] = {}
        for a in self.aankopen:
            out[a.gezin_id] = out.get(a.gezin_id, Money.zero()) + a.bedrag
        return out


# --- business case of a pre-investment (002) --------------------------------


def payback_year(voorinvestering: Money, besparingen: Mapping[int, Money]) -> int | None:
    """The first year in which cumulative savings reach the pre-investment, else ``None``.

    Years are taken in ascending order whatever the mapping's order; a negative
    saving (extra cost in a year) lowers the cumulative sum.  Letter
    ``002_3dca2c59337eb1a8.txt`` (the proposal for voorfinanciering): the
    incidental costs "op termijn kunnen worden terugverdiend met de besparingen
    op de zorgkosten. Dit blijkt uit de opgestelde businesscase".  The letter
    gives no figures; these are made up:

    >>> payback_year(Money(1_000_000),
    ...              {2023: Money(-200_000), 2024: Money(400_000), 2025: Money(900_000)})
    2025
    """
    require_money(voorinvestering, "payback_year.voorinvestering")
    if voorinvestering <= Money.zero():
        raise InvalidValueError(
            "payback_year.voorinvestering", f"must be more than EUR 0,00, got {voorinvestering}"
        )
    for year, saving in besparingen.items():
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValueError(
                "payback_year.besparingen", f"years must be int, got {type(year).__name__} {year!r}"
            )
        require_money(saving, f"payback_year.besparingen[{year}]")
    cumulative = Money.zero()
    for year in sorted(besparingen):
        cumulative += besparingen[year]
        if cumulative >= voorinvestering:
            return year
    return None
