"""Where the doorstart's families live: the part of Groningen's area tree letter 003 names.

003_720c15da674da257.txt names the Korrewegwijk, de Hoogte and Tuinwijk where
it starts the pilot ("Pilot multiprobleemgezinnen krachtwijken") and in the
agreement's preamble, and the Indische Buurt, de Hoogte and Tuinwijk in "7.
Toewijzing gezinnen" (c).  The Indische Buurt and de Hoogte are buurten of the
Korrewegwijk, so the sources do not compete: the doorstart's area is the
Korrewegwijk (with its buurten) and Tuinwijk (:data:`WOONGEBIED`).

:data:`GRONINGEN` is the tree this plugin ships (``data/gebieden_groningen.toml``,
source "gemeente Groningen, wijkindeling", marked as the library's reading):
gemeente Groningen (GM0014) with the wijken the letter names and, in the
Korrewegwijk, the two buurten it names.  No other CBS code is given, since the
library does not know them.

"zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of Beijum en verder"
is a decision the partners take, not an automatic admission: those wijken
admit a family only through an :class:`Aanvulling`, which records when, by whom
and where the decision was taken, and the explanation cites it.

>>> GRONINGEN.wijk_of("Indische Buurt").naam
'Korrewegwijk'
>>> GRONINGEN.find("Beyum").naam
'Beijum'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from typing import Final

import attrs
import numpy as np
import pendulum

from sociaaldomein import Citation, Cohort, Gebiedsindeling, Gezin, InvalidValueError
from sociaaldomein.domain.cohort import Array
from sociaaldomein.io.gebied import loads_gebiedsindeling
from sociaaldomein_multiprobleem.messages import _

__all__ = [
    "GRONINGEN",
    "WOONGEBIED",
    "ZO_NODIG_WIJKEN",
    "Aanvulling",
    "decided",
    "decided_observed",
    "decided_vector",
    "groningen",
]

WOONGEBIED: Final = ("Korrewegwijk", "Tuinwijk")
"""The doorstart's area by default: the Korrewegwijk (the Indische Buurt and de Hoogte lie in
it) and Tuinwijk."""

ZO_NODIG_WIJKEN: Final = ("Selwerd", "Paddepoel", "Beijum")
"""003, "7. Toewijzing gezinnen" (c): "zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of
Beijum en verder" (the opening paragraph spells "Beyum")."""

_DATA: Final = "data/gebieden_groningen.toml"


@functools.cache
def groningen() -> Gebiedsindeling:
    """The area tree this plugin ships, read once from ``data/gebieden_groningen.toml``."""
    source = resources.files("sociaaldomein_multiprobleem").joinpath(_DATA)
    return loads_gebiedsindeling(source.read_bytes(), "toml", source=_DATA)


GRONINGEN: Final = groningen()
"""Gemeente Groningen (GM0014), the Korrewegwijk with the Indische Buurt and de Hoogte,
Tuinwijk, Selwerd, Paddepoel and Beijum ("Beyum")."""


def _names(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(f"Aanvulling.{attribute.name}", _("must say who decided (text)"))


def _date(instance: object, attribute: attrs.Attribute[pendulum.Date], value: object) -> None:
    if not isinstance(value, pendulum.Date) or isinstance(value, pendulum.DateTime):
        raise InvalidValueError(
            f"Aanvulling.{attribute.name}", _("must be a date, got {value}", value=repr(value))
        )


def _wijken(instance: object, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
    if not value:
        raise InvalidValueError("Aanvulling.wijken", _("must name at least one wijk"))


@attrs.frozen
class Aanvulling:
    """The recorded decision to take families "zo nodig" from more wijken (003, section 7 (c)).

    ``besloten_op`` is the day it was decided (families are admitted through it
    from then), ``besloten_door`` who decided (the partners in the selection,
    the stuurgroep), ``bron`` where it is recorded (minutes, a decision: a
    :class:`~sociaaldomein.Citation`), ``wijken`` the wijken it adds (by
    default Selwerd, Paddepoel and Beijum; "en verder" allows others, named in
    the area tree the pilot reads).
    """

    besloten_op: pendulum.Date = attrs.field(validator=_date)
    besloten_door: str = attrs.field(validator=_text)
    bron: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    wijken: tuple[str, ...] = attrs.field(
        default=ZO_NODIG_WIJKEN, converter=_names, validator=_wijken
    )

    def __str__(self) -> str:
        return f"decided on {self.besloten_op.to_date_string()} by {self.besloten_door}"


def decided(besloten_op: pendulum.Date, gezin: Gezin, on: pendulum.Date) -> bool:
    """Whether the decision of ``besloten_op`` is taken on ``on`` (for a Predicate)."""
    return on >= besloten_op


def decided_vector(besloten_op: pendulum.Date, cohort: Cohort, on: pendulum.Date) -> Array:
    """:func:`decided` for every family of ``cohort``."""
    return np.full(len(cohort), on >= besloten_op, dtype=bool)


def decided_observed(besloten_op: pendulum.Date, gezin: Gezin, on: pendulum.Date) -> str:
    """What the explanation shows: the decision's date against the date of the verdict."""
    word = "in force" if on >= besloten_op else "not yet taken"
    return f"decision of {besloten_op.to_date_string()}, {word} on {on.to_date_string()}"
