"""Money: exact euros on :class:`~decimal.Decimal`.

A float never becomes money: ``Money(0.1)`` is refused, because 0.1 has no
exact binary value and budgets must add up to the cent.  What ``Money`` is
given is checked, and every refusal is an
:class:`~sociaaldomein.errors.InvalidValueError` naming the field, never a
raw ``decimal`` exception:

* only finite amounts below :data:`LIMIT` (10^18 euros) in size;
* text is plain ASCII digits with an optional ``-`` and decimal point:
  ``"336000.50"``; no exponent (``"1e5"``), no other digits (``"٣"``), no
  underscores (``"5_000"``), no surrounding spaces (:meth:`Money.parse` reads
  the notations of the letters, spaces included);
* whole cents, unless the caller asks for more with ``exact=True`` (a price
  per hour, an amount on its way to being rounded);
  ``Money(Decimal(0.1))`` is refused either way, because a Decimal made from
  a float holds the float's binary noise (more than 28 significant digits).

Arithmetic is exact and keeps fractions of a cent (``Money(60) * Decimal("1.5")``).

>>> total = Money(42_000) + Money("168000") + Money(Decimal("126000.00"))
>>> total
Money('336000.00')
>>> str(total)
'EUR 336.000,00'
>>> total.plain()
'336000.00'
>>> [m.plain() for m in Money(100).split(3)]
['33.34', '33.33', '33.33']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, DecimalException
from typing import Final, final

from sociaaldomein.errors import InvalidValueError

__all__ = ["CENT", "LIMIT", "Money"]

CENT: Final = Decimal("0.01")
LIMIT: Final = Decimal(10) ** 18
"""Amounts lie strictly between ``-LIMIT`` and ``LIMIT``: far above any budget, and far
enough below the 28 digits of decimal arithmetic that rounding to cents never fails."""

_DIGITS: Final = 28  # the precision of the default decimal context
_TEXT: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)


@final
class Money:
    """An amount in euros.  Exact: addition and subtraction never round.

    Construct from ``int``, ``Decimal`` or a numeric string (``"336000.00"``,
    also the Dutch ``"EUR 336.000,00"`` via :meth:`parse`).  Multiplication by an
    ``int`` or ``Decimal`` is exact; division is not offered because it rarely
    is: use :meth:`split` or :meth:`allocate`, which conserve every cent.
    """

    __slots__ = ("_amount",)
    _amount: Decimal

    def __init__(self, amount: Decimal | int | str = 0, *, exact: bool = False) -> None:
        """``exact=True`` allows fractions of a cent (``Money("0.125", exact=True)``)."""
        self._amount = _amount(amount, "Money.amount", exact=exact)

    @classmethod
    def zero(cls) -> Money:
        """EUR 0,00."""
        return cls(0)

    @classmethod
    def parse(cls, text: str) -> Money:
        """Read ``"336000.00"``, ``"336000"``, ``"EUR 336.000,00"`` or ``"€ 336.000,-"``."""
        raw = text.strip()
        dutch = False
        for prefix in ("EUR", "€"):
            if raw.upper().startswith(prefix):
                raw = raw[len(prefix) :].strip()
                dutch = True  # the letters write "€ 336.000,-": dots group thousands
        if raw.endswith(",-"):
            raw = raw[:-2] + ",00"
        if dutch or "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        try:
            return cls(raw)
        except InvalidValueError:
            raise InvalidValueError(
                "Money", f"cannot read {text!r} as an amount (use 336000.00 or EUR 336.000,00)"
            ) from None

    @property
    def amount(self) -> Decimal:
        """The exact amount as a ``Decimal``."""
        return self._amount

    @classmethod
    def _result(cls, amount: Decimal) -> Money:
        # The result of arithmetic: exact (fractions of a cent kept), and still in bounds.
        return cls(amount, exact=True)

    def rounded(self) -> Money:
        """Rounded to whole cents (banker's rounding)."""
        return Money(self._amount.quantize(CENT, rounding=ROUND_HALF_EVEN))

    def plain(self) -> str:
        """``"336000.00"``: for files, CSV and JSON."""
        return f"{self._amount.quantize(CENT, rounding=ROUND_HALF_EVEN):f}"

    def format_nl(self) -> str:
        """``"EUR 336.000,00"``: Dutch notation, thousands with dots, cents with a comma."""
        q = self._amount.quantize(CENT, rounding=ROUND_HALF_EVEN)
        sign = "-" if q < 0 else ""
        whole, cents = f"{abs(q):f}".split(".")
        groups = f"{int(whole):,}".replace(",", ".")
        return f"EUR {sign}{groups},{cents}"

    def split(self, parts: int) -> list[Money]:
        """``parts`` amounts in whole cents that add up exactly to this amount (rounded to cents).

        The first ones get the extra cents (for a negative amount, the extra
        negative cents), so no two parts differ by more than one cent.
        """
        raw: object = parts
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 1:
            raise InvalidValueError("parts", f"must be a whole number of at least 1, got {parts!r}")
        return self.allocate([1] * parts)

    def allocate(self, weights: Sequence[int | Decimal]) -> list[Money]:
        """Shares proportional to ``weights``, in whole cents, adding up exactly to the total.

        Remainders go to the shares with the largest fractional parts (largest
        remainder method), earlier shares first on ties.
        """
        ws = [_factor(w, "weights") for w in weights]
        if not ws or any(w < 0 for w in ws) or sum(ws) == 0:
            raise InvalidValueError("weights", "must be non-negative and not all zero")
        total_cents = int((self._amount / CENT).to_integral_value(rounding=ROUND_HALF_EVEN))
        if total_cents < 0:
            # Allocate the magnitude and negate, so that remainders go to the
            # same shares as for the positive amount.
            return [-share for share in (-self).allocate(ws)]
        wsum = sum(ws)
        exact = [Decimal(total_cents) * w / wsum for w in ws]
        floors = [int(e.to_integral_value(rounding=ROUND_DOWN)) for e in exact]
        rest = total_cents - sum(floors)
        order = sorted(range(len(ws)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in order[:rest]:
            floors[i] += 1
        return [Money(Decimal(c) * CENT) for c in floors]

    @staticmethod
    def total(amounts: Iterable[Money]) -> Money:
        """The exact sum of ``amounts`` (EUR 0,00 for none)."""
        out = Decimal(0)
        for m in amounts:
            out += _check_money(m, "total")._amount
        return Money._result(out)

    # arithmetic -----------------------------------------------------------

    def __add__(self, other: Money) -> Money:
        return Money._result(self._amount + _check_money(other, "+")._amount)

    def __radd__(self, other: object) -> Money:
        if other == 0 and not isinstance(other, (bool, float)):
            return self  # so that sum() works from its int start
        return Money._result(_check_money(other, "+")._amount + self._amount)

    def __sub__(self, other: Money) -> Money:
        return Money._result(self._amount - _check_money(other, "-")._amount)

    def __neg__(self) -> Money:
        return Money._result(-self._amount)

    def __abs__(self) -> Money:
        return Money._result(abs(self._amount))

    def __mul__(self, factor: int | Decimal) -> Money:
        scale = _factor(factor, "factor")
        try:
            return Money._result(self._amount * scale)
        except DecimalException:
            raise InvalidValueError("factor", f"makes an amount beyond {LIMIT:,}") from None

    __rmul__ = __mul__

    def __truediv__(self, other: Money) -> Decimal:
        """The ratio of two amounts (``Money / Money``) as a ``Decimal``."""
        divisor = _check_money(other, "/")._amount
        if not divisor:
            raise InvalidValueError("Money", "cannot divide by an amount of zero")
        return self._amount / divisor

    # comparison -----------------------------------------------------------

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self._amount == other._amount
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Money", self._amount))

    def __lt__(self, other: Money) -> bool:
        return self._amount < _check_money(other, "<")._amount

    def __le__(self, other: Money) -> bool:
        return self._amount <= _check_money(other, "<=")._amount

    def __gt__(self, other: Money) -> bool:
        return self._amount > _check_money(other, ">")._amount

    def __ge__(self, other: Money) -> bool:
        return self._amount >= _check_money(other, ">=")._amount

    def __bool__(self) -> bool:
        return bool(self._amount)

    def __repr__(self) -> str:
        return f"Money('{self.plain()}')" if self == self.rounded() else f"Money('{self._amount}')"

    def __str__(self) -> str:
        return self.format_nl()

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (_unpickle, (str(self._amount),))


def _unpickle(text: str) -> Money:
    return Money(Decimal(text), exact=True)


def _factor(value: object, field: str) -> Decimal:
    """A multiplier or a weight: an ``int`` or a finite ``Decimal``, never a float."""
    if isinstance(value, float):
        raise InvalidValueError(
            field, f"a float is not exact money; pass Decimal({str(value)!r}) or a string"
        )
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidValueError(field, f"must be a number, got {type(value).__name__} {value!r}")
    number = Decimal(value)
    if not number.is_finite():
        raise InvalidValueError(field, f"must be a finite number, got {number}")
    if number and number.adjusted() >= LIMIT.adjusted():  # else Overflow could escape
        raise InvalidValueError(field, f"must be smaller than {LIMIT:,} in size, got {number:.6e}")
    return number


def _amount(value: object, field: str, *, exact: bool) -> Decimal:
    if isinstance(value, float):
        raise InvalidValueError(
            field, f"a float is not exact money; pass Decimal({str(value)!r}) or a string"
        )
    if isinstance(value, bool):
        raise InvalidValueError(field, f"must be an amount, got {value!r}")
    if isinstance(value, str):
        if not _TEXT.fullmatch(value):
            raise InvalidValueError(
                field,
                f"cannot read {value!r} as an amount: write digits 0-9 with an optional "
                'minus sign and decimal point, such as "336000.50"',
            )
        value = Decimal(value)
    elif isinstance(value, int):
        value = Decimal(value)
    if not isinstance(value, Decimal):
        raise InvalidValueError(field, f"must be an amount, got {type(value).__name__} {value!r}")
    if not value.is_finite():
        raise InvalidValueError(field, f"must be a finite amount, got {value}")
    # Only context-free operations here (as_tuple, adjusted, comparison), so that no
    # decimal signal can escape as InvalidOperation or Overflow.
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # a finite Decimal has a whole exponent
    if value and value.adjusted() >= LIMIT.adjusted():
        raise InvalidValueError(field, f"must be smaller than {LIMIT:,} in size, got {value:.6e}")
    significant = len("".join(map(str, digits)).rstrip("0"))
    if significant > _DIGITS:
        raise InvalidValueError(
            field,
            f"has {significant} significant digits, more than an amount can hold exactly; "
            "a Decimal made from a float carries its binary noise: pass the amount as text",
        )
    if not exact and exponent < -2 and any(digits[exponent + 2 :]):
        raise InvalidValueError(
            field,
            f"must be whole cents, got {value}; pass exact=True for fractions of a cent",
        )
    return value


def _check_money(value: object, op: str) -> Money:
    if not isinstance(value, Money):
        raise InvalidValueError(
            "Money", f"{op} needs two amounts of Money, got {type(value).__name__} {value!r}"
        )
    return value
