"""What running a pilot costs: its cost model (:class:`Kostenmodel`).

A budget line (:mod:`sociaaldomein.domain.budget`) says how much money a pilot
has; a cost model says how the pilot spends it: a fixed amount a month whoever
is in care (staff), an amount a month for each family in care, and a one-off
amount for each family admitted (an intake, a purchase for its plan).  The
simulation charges it month by month.  Like a budget line, a cost model says
where its figures come from: the letter, derived from it (``afgeleid``), or an
example where the letter gives none (``illustratief``).

The gezinsverzorger pilot, letter ``000_6fd8bb18cab06410.txt``, "Kosten pilot":
EUR 336.000 for two staff over two years is EUR 14.000 a month, whoever is in
care, a figure derived from the letter:

>>> bron = Citation("000_6fd8bb18cab06410.txt", "Kosten pilot")
>>> kosten = Kostenmodel(vast_per_maand=Money(14_000), bron=bron, afgeleid=True)
>>> str(kosten.total(months=24, family_months=180, admitted=12))
'EUR 336.000,00'
>>> kosten.herkomst
'derived'
"""

from __future__ import annotations

from typing import Any

import attrs

from sociaaldomein._validators import field_name, one_of_type
from sociaaldomein.domain.budget import is_cents
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.money import Money
from sociaaldomein.errors import InvalidValueError

__all__ = ["Kostenmodel"]


def _not_negative(instance: object, attribute: attrs.Attribute[Any], value: Money) -> None:
    if value < Money.zero():
        raise InvalidValueError(
            field_name(instance, attribute), f"must be at least EUR 0,00, got {value}"
        )


def _whole_count(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(field, f"must be a whole number of at least 0, got {value!r}")
    return value


@attrs.frozen
class Kostenmodel:
    """A pilot's costs: fixed a month, per family in care a month, per admitted family.

    Every amount is :class:`~sociaaldomein.Money` in whole cents, at least
    EUR 0,00, and EUR 0,00 unless given.  ``afgeleid`` is True when a figure is
    arithmetic on the letter rather than written in it (EUR 14.000 a month from
    EUR 336.000 over 24 months); ``illustratief`` when the letter gives no figure
    and the amount is an example a municipality should replace with its own.

    :param vast_per_maand: what the pilot costs a month whoever is in it (staff).
    :param per_gezin_per_maand: what one family in care costs a month.
    :param per_instroom: a one-off cost per admitted family (an intake, a GHP purchase).
    :param bron: where the letter gives the figures (or the figures they are derived from).
    """

    vast_per_maand: Money = attrs.field(default=Money(0), validator=[is_cents, _not_negative])
    per_gezin_per_maand: Money = attrs.field(default=Money(0), validator=[is_cents, _not_negative])
    per_instroom: Money = attrs.field(default=Money(0), validator=[is_cents, _not_negative])
    bron: Citation | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(Citation))
    )
    afgeleid: bool = attrs.field(default=False, validator=one_of_type(bool))
    illustratief: bool = attrs.field(default=False, validator=one_of_type(bool))

    @property
    def herkomst(self) -> str:
        """Where the figures come from: "letter", "derived" or "illustrative"."""
        if self.illustratief:
            return "illustrative"
        return "derived" if self.afgeleid else "letter"

    def total(self, months: int, family_months: int = 0, admitted: int = 0) -> Money:
        """The cost of ``months`` months with ``family_months`` months of care and ``admitted``
        families admitted, exactly.

        >>> Kostenmodel(Money(100), Money(10), Money(1)).total(12, family_months=30, admitted=4)
        Money('1504.00')
        """
        months = _whole_count(months, "Kostenmodel.total.months")
        family_months = _whole_count(family_months, "Kostenmodel.total.family_months")
        admitted = _whole_count(admitted, "Kostenmodel.total.admitted")
        return (
            self.vast_per_maand * months
            + self.per_gezin_per_maand * family_months
            + self.per_instroom * admitted
        )

    def __str__(self) -> str:
        text = (
            f"{self.vast_per_maand} a month, {self.per_gezin_per_maand} a family a month, "
            f"{self.per_instroom} per admitted family"
        )
        if self.illustratief:
            text += " [illustratief: an example, the letter gives no figure]"
        elif self.afgeleid:
            text += " [afgeleid: derived, not written in the letter]"
        if self.bron is not None:
            text += f" [{self.bron}]"
        return text
