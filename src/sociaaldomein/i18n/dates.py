"""Dates and amounts in the reader's language: ``15 september 2021``, ``€ 336.000,00``.

The same notation as the tables' (:func:`sociaaldomein.output.format_date`,
:func:`~sociaaldomein.output.format_money`): Babel's long date and euro amount
of ``nl_NL`` and ``en``.  It lives here, below the domain, because a citation
and a message write dates and amounts too.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Final

from sociaaldomein.i18n.language import Language

__all__ = ["euros", "long_date"]

_LOCALES: Final[dict[Language, str]] = {"nl": "nl_NL", "en": "en"}


def long_date(value: datetime.date, language: Language) -> str:
    """``value`` written out in ``language``.

    >>> import pendulum
    >>> long_date(pendulum.date(2021, 9, 15), "nl"), long_date(pendulum.date(2021, 9, 15), "en")
    ('15 september 2021', 'September 15, 2021')
    """
    from babel.dates import format_date

    day = datetime.date(value.year, value.month, value.day)
    return format_date(day, "long", locale=_LOCALES[language]).replace("\xa0", " ")


def euros(amount: Decimal, language: Language) -> str:
    """``amount`` in euros, to the cent, in ``language``.

    >>> from decimal import Decimal
    >>> euros(Decimal("336000"), "nl"), euros(Decimal("336000"), "en")
    ('€ 336.000,00', '€336,000.00')
    """
    from babel.numbers import format_currency

    text = format_currency(amount, "EUR", locale=_LOCALES[language])
    return text.replace("\xa0", " ").replace("\u202f", " ")
