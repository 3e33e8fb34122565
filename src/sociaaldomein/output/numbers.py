"""Money, numbers and dates in one notation per language, through Babel.

>>> from sociaaldomein import Money
>>> format_money(Money("336000"), "nl")
'€ 336.000,00'
>>> format_money(Money("336000"), "en")
'€336,000.00'
>>> format_number(1234.5, "nl", decimals=1)
'1.234,5'
>>> import pendulum
>>> format_date(pendulum.date(2024, 5, 1), "nl")
'1 mei 2024'
>>> format_month(pendulum.date(2024, 5, 1), "en")
'May 2024'

Babel writes a no-break space between the euro sign and a Dutch amount; it is
a plain space here, so that output can be searched and compared as typed.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Final

from sociaaldomein.domain.money import Money
from sociaaldomein.i18n import Language, as_language, current_language

__all__ = [
    "LOCALES",
    "format_compact_money",
    "format_date",
    "format_money",
    "format_month",
    "format_number",
    "locale_of",
]

LOCALES: Final[dict[Language, str]] = {"nl": "nl_NL", "en": "en"}
"""The Babel locale of each language: Dutch as in the Netherlands, English without a region."""

_SPACES: Final = str.maketrans({"\xa0": " ", "\u202f": " "})


def locale_of(language: str | None = None) -> str:
    """The Babel locale of ``language`` (default: the current language)."""
    return LOCALES[current_language() if language is None else as_language(language)]


def _plain(text: str) -> str:
    return text.translate(_SPACES)


def format_money(
    amount: Money | Decimal | int | float, language: str | None = None, *, cents: bool = True
) -> str:
    """An amount in euros: ``€ 336.000,00`` in Dutch, ``€336,000.00`` in English.

    ``cents=False`` rounds to whole euros (``€ 336.000``), for figures that are
    means over runs rather than amounts in a letter.
    """
    from babel.numbers import format_currency

    value = amount.amount if isinstance(amount, Money) else amount
    pattern = None if cents else "¤#,##0"
    locale = locale_of(language)
    if not cents and locale == "nl_NL":
        pattern = "¤ #,##0;¤ -#,##0"
    text = format_currency(value, "EUR", format=pattern, locale=locale, currency_digits=cents)
    return _plain(text)


def format_compact_money(value: float, language: str | None = None) -> str:
    """A short amount for plot ticks: ``€ 350K`` / ``€350K``, ``€ 1,5 mln.`` / ``€1.5M``."""
    from babel.numbers import format_compact_currency

    return _plain(
        format_compact_currency(value, "EUR", locale=locale_of(language), fraction_digits=1)
    )


def format_number(
    value: int | float | Decimal, language: str | None = None, *, decimals: int = 0
) -> str:
    """A number with the language's grouping and decimal sign: ``1.234,5`` / ``1,234.5``."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return _plain(format_decimal(value, format=pattern, locale=locale_of(language)))


def format_date(value: datetime.date, language: str | None = None) -> str:
    """A date written out: ``1 mei 2024`` / ``May 1, 2024``."""
    from babel.dates import format_date as babel_date

    day = datetime.date(value.year, value.month, value.day)
    return _plain(babel_date(day, "long", locale=locale_of(language)))


def format_month(value: datetime.date, language: str | None = None) -> str:
    """A month and year: ``mei 2024`` / ``May 2024``."""
    from babel.dates import format_date as babel_date

    day = datetime.date(value.year, value.month, value.day)
    return _plain(babel_date(day, "LLLL yyyy", locale=locale_of(language)))
