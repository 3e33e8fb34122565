"""Output for people: numbers, money and dates in the reader's language, and terminal tables.

Babel and rich are imported only when something is formatted or printed, so
``import sociaaldomein`` stays light.  The language is
:func:`sociaaldomein.i18n.current_language` unless given.
"""

from __future__ import annotations

from sociaaldomein.output.numbers import (
    LOCALES,
    format_date,
    format_money,
    format_month,
    format_number,
    locale_of,
)
from sociaaldomein.output.tables import Column, Table, terminal_width, wrap

__all__ = [
    "LOCALES",
    "Column",
    "Table",
    "format_date",
    "format_money",
    "format_month",
    "format_number",
    "locale_of",
    "terminal_width",
    "wrap",
]
