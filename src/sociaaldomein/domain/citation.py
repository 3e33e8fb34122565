"""Where a rule or figure comes from: a letter and a section of it.

Every rule and figure that a pilot takes from a council letter carries a
:class:`Citation`, so that a verdict can say *why*, and a reader can check it.
A citation made by :meth:`Letter.cite` names the letter as a reader knows it,
by subject, date and reference, in the language asked; the file name stays in
:attr:`Citation.letter` (and :attr:`Citation.file`) for tools.

>>> GEZINSVERZORGER = Letter(
...     file="000_6fd8bb18cab06410.txt", date=pendulum.date(2021, 9, 15),
...     reference="438104-2021", subject="Pilot gezinsverzorger")
>>> aantal = GEZINSVERZORGER.cite("Aantal gezinnen")
>>> print(aantal.render("nl"))
Pilot gezinsverzorger, 15 september 2021 (kenmerk 438104-2021), "Aantal gezinnen"
>>> print(aantal.render("en"))
Pilot gezinsverzorger, September 15, 2021 (reference 438104-2021), "Aantal gezinnen"
>>> aantal.file
'000_6fd8bb18cab06410.txt'

A letter's details live in a small TOML file next to the letter's text
(:meth:`Letter.load`), where whoever adds a letter writes them down once.
"""

from __future__ import annotations

import datetime
import tomllib
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

import attrs
import pendulum

from sociaaldomein._validators import as_date, is_date, non_empty
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import Language, _, as_language, current_language
from sociaaldomein.i18n.dates import long_date

__all__ = ["Citation", "Letter"]

_LETTER_FIELDS: Final = ("file", "date", "reference", "subject")


@attrs.frozen
class Citation:
    """A section of a source letter (or of a municipal policy) that a rule or figure rests on.

    ``letter`` is the file name of the letter (for example
    ``"003_720c15da674da257.txt"``) or another stable name of the source;
    ``section`` is the heading as the letter writes it; ``quote`` is an optional
    short quote in the letter's own words.  ``brief`` is the :class:`Letter`
    itself when the citation was made by :meth:`Letter.cite`: then the
    citation reads with the letter's subject, date and reference.  Two
    citations of the same file and section are equal with or without it.
    """

    letter: str = attrs.field(validator=non_empty)
    section: str = attrs.field(validator=non_empty)
    quote: str = ""
    # Not an argument: set by Letter.cite, and so left out when a citation is written to a
    # file (a document holds letter, section and quote; the letter's details are the plugin's).
    brief: Letter | None = attrs.field(default=None, init=False, eq=False, repr=False)

    @property
    def file(self) -> str:
        """The file name (or stable name) of the source, for tools."""
        return self.letter

    def in_language(self, language: Language) -> str:
        """The citation as a reader reads it in ``language``."""
        source = self.letter if self.brief is None else self.brief.in_language(language)
        return f'{source}, "{self.section}"'

    def render(self, language: str | None = None) -> str:
        """The citation in ``language`` (default: the current language)."""
        return self.in_language(current_language() if language is None else as_language(language))

    def __str__(self) -> str:
        return self.render()


@attrs.frozen
class Letter:
    """A council letter that a pilot comes from: its file, date, reference and subject."""

    file: str = attrs.field(validator=non_empty)
    date: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    reference: str
    subject: str = attrs.field(validator=non_empty)

    def cite(self, section: str, quote: str = "") -> Citation:
        """A :class:`Citation` of ``section`` of this letter."""
        made = Citation(self.file, section, quote)
        object.__setattr__(made, "brief", self)  # frozen; the field is no argument
        return made

    def in_language(self, language: Language) -> str:
        """Subject, date and reference, as a reader of ``language`` expects them."""
        day = long_date(self.date, language)
        if not self.reference:
            return f"{self.subject}, {day}"
        reference = _("reference {reference}", reference=self.reference).render(language)
        return f"{self.subject}, {day} ({reference})"

    def render(self, language: str | None = None) -> str:
        """The letter in ``language`` (default: the current language)."""
        return self.in_language(current_language() if language is None else as_language(language))

    def __str__(self) -> str:
        return self.render()

    @classmethod
    def load(cls, path: Traversable | Path) -> Letter:
        """The letter described by the TOML file ``path`` (``file``, ``date``, ``reference``,
        ``subject``), as a plugin ships it next to the letter's text.

        Raises :class:`~sociaaldomein.errors.InvalidValueError` naming the file
        and the field when one is missing or of the wrong kind.
        """
        where = getattr(path, "name", str(path))
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InvalidValueError(where, f"cannot read the letter's details: {exc}") from None
        unknown = sorted(set(data) - set(_LETTER_FIELDS))
        if unknown:
            raise InvalidValueError(
                f"{where}: {unknown[0]}", f"unknown field; use {', '.join(_LETTER_FIELDS)}"
            )
        for name in _LETTER_FIELDS:
            wanted = datetime.date if name == "date" else str
            if not isinstance(data.get(name), wanted) or isinstance(
                data.get(name), datetime.datetime
            ):
                kind = "a date (2016-11-09)" if name == "date" else "text"
                raise InvalidValueError(
                    f"{where}: {name}", f"must be {kind}, got {data.get(name)!r}"
                )
        return cls(
            file=data["file"],
            date=data["date"],
            reference=data["reference"],
            subject=data["subject"],
        )
