"""How a pilot reads its letter: the letter's words, the reading, and the parameter that changes it.

A letter is not code: "jeugdhulp", "tenminste 2,5 jaar" or "binnen een week
afstemt" each have to be read one way before a rule can be evaluated.  A
:class:`Reading` records one such choice as a value, so a pilot page can show
it in its "Readings" table and a test can check it against the letter:

* ``quote``: the letter's own words, verbatim (a test checks they occur in the
  letter, spacing aside: :meth:`Reading.found_in`);
* ``citation``: where they stand (:class:`~sociaaldomein.Citation`, letter and
  section; its own ``quote`` may stay empty);
* ``reading``: what the library takes them to mean, in one or two sentences;
* ``parameter``: the name of the plugin's parameter that chooses another
  reading (``"HoogkerkPilot(jeugd_alleen_in_samenhang=...)"`` or just the
  keyword), or ``""`` when the reading is fixed because the letter is plain;
* ``default``: that parameter's default, as text (``""`` when there is no
  parameter): the plain reading;
* ``assumption``: ``True`` when the reading supplies something the letter does
  not say at all (a date, an amount): the library's assumption, not the
  letter's, and every place that shows it says so.

A pilot definition exposes its readings with a method ``readings()`` returning
a sequence of :class:`Reading` (a plugin keeps them as a module constant, say
``READINGS``); :func:`readings_of` asks a definition for them, and a definition
without the method has none.

>>> from sociaaldomein.domain.citation import Citation
>>> r = Reading(
...     "loopt tot en met december 2017",
...     Citation("004_b7ccad7045cc3ba8.txt", "Waarom de proeftuin"),
...     "the looptijd ends before 2018-01-01",
...     parameter="end",
...     default="2018-01-01",
... )
>>> print(r)
"loopt tot en met december 2017" [004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin"]: the looptijd ends before 2018-01-01 (parameter end, default 2018-01-01)
>>> r.found_in("De proeftuin loopt tot en met\\ndecember 2017.")
True
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from sociaaldomein._validators import field_name, non_empty, one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

__all__ = ["Reading", "readings_of"]


def _with_parameter(instance: Reading, attribute: attrs.Attribute[Any], value: str) -> None:
    if bool(value.strip()) != bool(instance.parameter.strip()):
        problem = (
            "must be given with a parameter"
            if instance.parameter.strip()
            else f"must be empty without a parameter, got {value!r}"
        )
        raise InvalidValueError(field_name(instance, attribute), problem)


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


@attrs.frozen
class Reading:
    """One reading of a letter's words: quote, citation, reading, parameter and its default."""

    quote: str = attrs.field(validator=[one_of_type(str), non_empty])
    citation: Citation = attrs.field(validator=one_of_type(Citation))
    reading: str = attrs.field(validator=[one_of_type(str), non_empty])
    parameter: str = attrs.field(default="", validator=one_of_type(str))
    default: str = attrs.field(default="", validator=[one_of_type(str), _with_parameter])
    assumption: bool = attrs.field(default=False, validator=one_of_type(bool))

    @property
    def fixed(self) -> bool:
        """No parameter chooses another reading: the letter is plain here."""
        return not self.parameter.strip()

    def found_in(self, letter_text: str) -> bool:
        """Whether :attr:`quote` occurs in ``letter_text``, spacing and case aside."""
        return _normalised(self.quote) in _normalised(letter_text)

    def __str__(self) -> str:
        how = "fixed" if self.fixed else f"parameter {self.parameter}, default {self.default}"
        mark = "; the library's assumption, not the letter's" if self.assumption else ""
        return f'"{self.quote}" [{self.citation}]: {self.reading} ({how}{mark})'


def readings_of(definition: object) -> tuple[Reading, ...]:
    """The readings a pilot definition gives through its ``readings()`` method, or none.

    Raises :class:`~sociaaldomein.InvalidValueError` when the method gives
    anything but :class:`Reading` values.
    """
    method = getattr(definition, "readings", None)
    if method is None:
        return ()
    found: Iterable[object] = method()
    out: list[Reading] = []
    for i, item in enumerate(found):
        if not isinstance(item, Reading):
            raise InvalidValueError(
                f"{type(definition).__name__}.readings()[{i}]",
                f"must be a Reading, got {type(item).__name__}",
            )
        out.append(item)
    return tuple(out)
