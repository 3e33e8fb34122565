"""Dates written out in the reader's language: ``15 september 2021``, ``September 15, 2021``.

The same notation as the tables' (:func:`sociaaldomein.output.format_date`):
Babel's long date of ``nl_NL`` and ``en``.  It lives here, below the domain,
because a citation and a message write dates too.
"""

from __future__ import annotations

import datetime
from typing import Final

from sociaaldomein.i18n.language import Language

__all__ = ["long_date"]

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
