"""Decisions that change pilots from a date: a ``Besluit`` and its changes, as values.

A council (``Orgaan.RAAD``) or the college of B&W (``Orgaan.COLLEGE``) decides
on a date, under a reference, that a pilot changes: a parameter from a date, its
eligibility rule replaced or added to from a date, its costs, a funding line
added, its looptijd extended or ended.  A decision is plain data; applying it to
a composition (:meth:`sociaaldomein.Gemeente.apply`) gives every pilot it
touches a timeline of versions, each valid for a :class:`Geldigheid`.  No plugin
is edited: a version is the pilot compiled again with the changed values.

>>> bron = Citation("raadsbesluit-2022-07.txt", "Besluit 1")
>>> besluit = Besluit(Orgaan.RAAD, pendulum.date(2022, 6, 29), "RB 2022-07", bron,
...                   [ParameterWijziging("gezinsverzorger", "capacity", 15,
...                                       vanaf=pendulum.date(2022, 7, 1))])
>>> print(besluit)
raadsbesluit RB 2022-07 of 2022-06-29
>>> besluit.pilots()
('gezinsverzorger',)
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Literal

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_decimal,
    as_optional_date,
    as_tuple,
    is_date,
    is_decimal,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.rules import Rule
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "Besluit",
    "Financiering",
    "Geldigheid",
    "KostenWijziging",
    "LooptijdWijziging",
    "Orgaan",
    "ParameterWijziging",
    "RegelWijziging",
    "Wijziging",
]


class Orgaan(enum.Enum):
    """The body that decides: the council or the college of mayor and aldermen."""

    RAAD = "raadsbesluit"
    COLLEGE = "collegebesluit"


@attrs.frozen
class Geldigheid:
    """When a version of a pilot is in force: ``[vanaf, tot)``, its source and the reason.

    ``tot`` is ``None`` while no later version replaces it; ``vanaf`` is
    ``None`` for the version a plugin provides (in force from the start).
    ``bron`` cites the letter or the decision the version comes from.

    >>> g = Geldigheid(pendulum.date(2022, 7, 1), None, None, "capacity 15")
    >>> pendulum.date(2022, 7, 1) in g, pendulum.date(2022, 6, 30) in g
    (True, False)
    """

    vanaf: pendulum.Date | None = attrs.field(
        converter=as_optional_date, validator=is_optional_date
    )
    tot: pendulum.Date | None = attrs.field(converter=as_optional_date, validator=is_optional_date)
    bron: Citation | None = attrs.field(validator=attrs.validators.optional(one_of_type(Citation)))
    reden: str = attrs.field(validator=non_empty)

    def __attrs_post_init__(self) -> None:
        if self.vanaf is not None and self.tot is not None and self.tot <= self.vanaf:
            raise InvalidValueError(
                "Geldigheid.tot",
                f"must lie after {self.vanaf.isoformat()}, got {self.tot.isoformat()}",
            )

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, pendulum.Date):
            return False
        return (self.vanaf is None or self.vanaf <= day) and (self.tot is None or day < self.tot)

    def render(self) -> str:
        """``from 2022-07-01 until 2023-01-01`` (either side open when not set)."""
        start = "from the start" if self.vanaf is None else f"from {self.vanaf.isoformat()}"
        return start + ("" if self.tot is None else f" until {self.tot.isoformat()}")


@attrs.frozen
class ParameterWijziging:
    """A parameter of a pilot changes from ``vanaf``.

    ``parameter`` is a field of the pilot's plugin class (``capacity``,
    ``phasing``, ``zrm_threshold``: the class is built again with it), or one
    of the pilot's own fields, ``capaciteit`` and ``max_totaal``, which any
    pilot has whatever its class.
    """

    pilot: str = attrs.field(validator=non_empty)
    parameter: str = attrs.field(validator=non_empty)
    waarde: object
    vanaf: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    def describe(self) -> str:
        """One line saying what changes."""
        return f"{self.parameter} of {self.pilot} becomes {_show(self.waarde)}"


def _show(value: object) -> str:
    """A value as a reader would write it: dates as dates, members by name."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_show(k)}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, datetime.date):
        return value.isoformat()
    return repr(value) if isinstance(value, str) else str(value)


@attrs.frozen
class RegelWijziging:
    """The eligibility rule of a pilot is replaced (``vervang``) or added to (``aanvulling``).

    An addition is a further condition: the family must meet the old rule and
    ``regel`` (``AllOf``).
    """

    pilot: str = attrs.field(validator=non_empty)
    regel: Rule = attrs.field(validator=one_of_type(Rule))
    vanaf: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    soort: Literal["vervang", "aanvulling"] = attrs.field(
        default="vervang", validator=attrs.validators.in_(("vervang", "aanvulling"))
    )

    def describe(self) -> str:
        """One line saying what changes."""
        how = "replaced by" if self.soort == "vervang" else "added to with"
        return f"eligibility of {self.pilot} {how} {self.regel.text}"


@attrs.frozen
class KostenWijziging:
    """What a pilot costs changes from ``vanaf``: each amount of its cost model times ``factor``."""

    pilot: str = attrs.field(validator=non_empty)
    factor: Decimal = attrs.field(converter=as_decimal, validator=is_decimal)
    vanaf: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.factor < 0:
            raise InvalidValueError("KostenWijziging.factor", f"must be >= 0, got {self.factor}")

    def describe(self) -> str:
        """One line saying what changes."""
        return f"costs of {self.pilot} times {self.factor}"


@attrs.frozen
class Financiering:
    """A funding line added to a pilot (in force in its own year or period)."""

    regel: Budgetregel = attrs.field(validator=one_of_type(Budgetregel))

    @property
    def pilot(self) -> str:
        """The pilot the line funds."""
        return self.regel.pilot

    def describe(self) -> str:
        """One line saying what changes."""
        return f"funding of {self.pilot}: {self.regel.omschrijving} {self.regel.bedrag}"


@attrs.frozen
class LooptijdWijziging:
    """The looptijd of a pilot is extended to, or ended at, ``eind``.

    An end after the current one is an extension (recorded as a
    :class:`~sociaaldomein.Verlenging`, the original end stays visible); an
    earlier end ends the pilot then.  The looptijd is one fact of the pilot, so
    the change holds in every version of it.
    """

    pilot: str = attrs.field(validator=non_empty)
    eind: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    def describe(self) -> str:
        """One line saying what changes."""
        return f"looptijd of {self.pilot} ends on {self.eind.isoformat()}"


Wijziging = ParameterWijziging | RegelWijziging | KostenWijziging | Financiering | LooptijdWijziging
"""One change a decision makes."""

_KINDS = (ParameterWijziging, RegelWijziging, KostenWijziging, Financiering, LooptijdWijziging)


def _wijzigingen(values: Iterable[object]) -> tuple[Wijziging, ...]:
    found: list[Wijziging] = []
    for i, change in enumerate(as_tuple(values)):
        if not isinstance(change, _KINDS):
            kinds = ", ".join(k.__name__ for k in _KINDS)
            raise InvalidValueError(
                f"Besluit.wijzigingen[{i}]", f"must be one of {kinds}, got {type(change).__name__}"
            )
        found.append(change)
    return tuple(found)


@attrs.frozen
class Besluit:
    """A decision of the council or the college: its date, reference, source and changes."""

    orgaan: Orgaan = attrs.field(validator=one_of_type(Orgaan))
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    kenmerk: str = attrs.field(validator=non_empty)
    bron: Citation = attrs.field(validator=one_of_type(Citation))
    wijzigingen: tuple[Wijziging, ...] = attrs.field(converter=_wijzigingen)
    onderwerp: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.wijzigingen:
            raise InvalidValueError("Besluit.wijzigingen", "a decision changes at least one thing")

    def pilots(self) -> tuple[str, ...]:
        """The pilots the decision changes, in the order it names them."""
        return tuple(dict.fromkeys(c.pilot for c in self.wijzigingen))

    def __str__(self) -> str:
        return f"{self.orgaan.value} {self.kenmerk} of {self.datum.isoformat()}"
