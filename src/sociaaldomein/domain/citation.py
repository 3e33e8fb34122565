"""Where a rule or figure comes from: a letter and a section of it.

Every rule and figure that a pilot takes from a council letter carries a
:class:`Citation`, so that a verdict can say *why*, and a reader can check it.

>>> GEZINSVERZORGER = Letter(
...     file="000_6fd8bb18cab06410.txt", date=pendulum.date(2021, 9, 15),
...     reference="438104-2021", subject="Pilot gezinsverzorger")
>>> str(GEZINSVERZORGER.cite("Aantal gezinnen"))
'000_6fd8bb18cab06410.txt, "Aantal gezinnen"'
"""

from __future__ import annotations

import attrs
import pendulum

from sociaaldomein._validators import as_date, is_date, non_empty

__all__ = ["Citation", "Letter"]


@attrs.frozen
class Citation:
    """A section of a source letter (or of a municipal policy) that a rule or figure rests on.

    ``letter`` is the file name of the letter (for example
    ``"003_720c15da674da257.txt"``) or another stable name of the source;
    ``section`` is the heading as the letter writes it; ``quote`` is an optional
    short quote in the letter's own words.
    """

    letter: str = attrs.field(validator=non_empty)
    section: str = attrs.field(validator=non_empty)
    quote: str = ""

    def __str__(self) -> str:
        return f'{self.letter}, "{self.section}"'


@attrs.frozen
class Letter:
    """A council letter that a pilot comes from."""

    file: str = attrs.field(validator=non_empty)
    date: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    reference: str
    subject: str = attrs.field(validator=non_empty)

    def cite(self, section: str, quote: str = "") -> Citation:
        """A :class:`Citation` of ``section`` of this letter."""
        return Citation(self.file, section, quote)

    def __str__(self) -> str:
        return f"{self.subject} ({self.file}, {self.date.format('D-M-YYYY')}, {self.reference})"
