"""Professionals and the organisations that employ them or take part in a pilot.

A professional's role is one of the core's :class:`Rol` or a role a plugin
declares, a :class:`~sociaaldomein.domain.vocabulary.Term` of the vocabulary
``"rol"`` (a doorbraakaanpak's doorbraakfunctionaris, say):

>>> from sociaaldomein.domain.citation import Citation
>>> from sociaaldomein.domain.vocabulary import Term
>>> doorbraak = Term("rol", "doorbraak.functionaris", "doorbraakfunctionaris",
...                  bron=Citation("doorbraak.txt", "3. Werkwijze"))
>>> wij = Organisatie("WIJ Groningen")
>>> Professional("D. Jansen", doorbraak, "0.2", wij).rol.value
'doorbraakfunctionaris'
>>> Professional("coach", "GEZINSCOACH", 1, wij).rol
<Rol.GEZINSCOACH: 'gezinscoach'>
"""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from sociaaldomein._validators import (
    as_decimal,
    between,
    coerce_enum,
    is_decimal,
    is_enum,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.vocabulary import Term, member_or_term

__all__ = ["Opleidingsniveau", "Organisatie", "Professional", "Rol"]


class Rol(enum.Enum):
    """The roles the letters give people in a pilot: the default vocabulary ``"rol"``,
    which a plugin extends with a :class:`~sociaaldomein.domain.vocabulary.Term`."""

    GEZINSCOACH = "gezinscoach"
    GEZINSVERZORGER = "gezinsverzorger"
    PROJECTLEIDER = "projectleider"
    GEDRAGSWETENSCHAPPER = "gedragswetenschapper"
    PRAKTIJKBEGELEIDER = "praktijkbegeleider"
    WIJ_MEDEWERKER = "WIJ-medewerker"
    VRIJWILLIGER = "vrijwilliger"


class Opleidingsniveau(enum.Enum):
    """Level of vocational education (letter 000 asks for one MBO and one HBO)."""

    MBO = "MBO"
    HBO = "HBO"
    WO = "WO"


@attrs.frozen
class Organisatie:
    """A partner institution, provider or team (for example "WIJ Groningen", "Elker")."""

    naam: str = attrs.field(validator=[one_of_type(str), non_empty])
    soort: str = ""

    def __str__(self) -> str:
        return self.naam


def _as_rol(value: Rol | Term | str) -> Rol | Term:
    return value if isinstance(value, Term) else coerce_enum(Rol, value)


def _as_niveau(value: Opleidingsniveau | str | None) -> Opleidingsniveau | None:
    return None if value is None else coerce_enum(Opleidingsniveau, value)


@attrs.frozen
class Professional:
    """A person (or one position) working in a pilot.

    ``fte`` is from 0 (a volunteer) to 1 (full time) and must be a ``Decimal``,
    ``int`` or numeric string; ``kosten`` is the cost over the pilot's looptijd;
    ``caseload`` the number of families this person can carry at once.
    ``rol`` is a :class:`Rol` (or its name) or a declared role, a ``Term`` of
    ``"rol"``; a file names either by its code and is read through the
    composition's register (``Gemeente.feiten.member_or_term``).
    """

    naam: str = attrs.field(validator=[one_of_type(str), non_empty])
    rol: Rol | Term = attrs.field(converter=_as_rol, validator=member_or_term(Rol, "rol"))
    fte: Decimal = attrs.field(converter=as_decimal, validator=[is_decimal, between(0, 1)])
    werkgever: Organisatie = attrs.field(validator=one_of_type(Organisatie))
    opleidingsniveau: Opleidingsniveau | None = attrs.field(
        default=None,
        converter=_as_niveau,
        validator=attrs.validators.optional(is_enum(Opleidingsniveau)),
    )
    kosten: Money | None = attrs.field(
        default=None, validator=attrs.validators.optional(one_of_type(Money))
    )
    caseload: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional([one_of_type(int), between(0, 500)]),
    )
