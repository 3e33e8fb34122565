"""Open vocabularies: the terms a plugin adds to the core's lists of problems, needs, roles.

The core's lists are enumerations (:class:`~sociaaldomein.domain.gezin.Probleem`,
:class:`~sociaaldomein.domain.gezin.Hulpvraag`, ...,
:class:`~sociaaldomein.domain.professional.Rol`,
:class:`~sociaaldomein.domain.budget.Financieringsmodel`), and they stay the
default: every member is a term of its vocabulary.  A plugin adds a term with
:class:`Term`, namespaced like a fact (``"schuldhulp.beslag"``), and declares
it through the same route as its facts (``facts()`` of its pilot definition,
see :mod:`sociaaldomein.domain.feitenregister`).  A family then holds the term
next to the core members, and a family file can name it
(``problemen = ["SCHULDEN", "schuldhulp.beslag"]``).

A family's vocabularies (:data:`VOCABULARIES`) are sets on the family and
columns of a cohort; a pilot's (:data:`PILOT_VOCABULARIES`) name a staff
member's role (``Professional.rol``) and a funding line's model
(``Budgetregel.model``).  A term quacks like an enumeration member where rules,
explanations and pages look at one: it has a ``name`` (its code), a ``value``
(its label) and a ``description``.

>>> from sociaaldomein.domain.citation import Citation
>>> beslag = Term("problemen", "schuldhulp.beslag", "beslag op inkomen",
...               bron=Citation("westerkwartier.txt", "2. Doelgroep"))
>>> beslag.name, beslag.value
('schuldhulp.beslag', 'beslag op inkomen')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from sociaaldomein._validators import field_name, non_empty, one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "ALL_VOCABULARIES",
    "NAMESPACED",
    "PILOT_VOCABULARIES",
    "VOCABULARIES",
    "Term",
    "check_namespaced",
    "member_or_term",
]

VOCABULARIES: Final = ("problemen", "signalen", "dwangmiddelen", "hulpvragen")
"""The vocabularies of :class:`~sociaaldomein.domain.gezin.Gezin` a plugin may extend:
each is a set of members on the family and a flag column of a cohort."""

PILOT_VOCABULARIES: Final = ("rol", "financieringsmodel")
"""The vocabularies of a pilot's own values a plugin may extend: the role of a
:class:`~sociaaldomein.domain.professional.Professional` and the model of a
:class:`~sociaaldomein.domain.budget.Budgetregel` (no cohort column)."""

ALL_VOCABULARIES: Final = VOCABULARIES + PILOT_VOCABULARIES
"""Every vocabulary a :class:`Term` may belong to."""

NAMESPACED: Final = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
"""What a declared name looks like: ``namespace.name``, lower case, digits and underscores."""


def check_namespaced(field: str, name: object) -> str:
    """``name`` when it is ``namespace.name``; otherwise an error naming ``field``."""
    if not isinstance(name, str) or not NAMESPACED.match(name):
        raise InvalidValueError(
            field,
            f"a declared name is namespace.name in lower case (such as "
            f"'schuldhulp.beslag'), got {name!r}",
        )
    return name


def _vocabulary(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in ALL_VOCABULARIES:
        raise InvalidValueError(
            "Term.vocabulary",
            f"unknown vocabulary {value!r}; known: {', '.join(ALL_VOCABULARIES)}",
        )


def _code(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_namespaced("Term.code", value)


@attrs.frozen
class Term:
    """A term a plugin adds to one of :data:`ALL_VOCABULARIES`.

    ``code`` is namespaced (``"schuldhulp.beslag"``), so two plugins cannot
    clash; ``label`` says what it means in the letter's words; ``bron`` cites
    where it comes from; ``description`` says in a line what it means (as
    :attr:`Financieringsmodel.description
    <sociaaldomein.domain.budget.Financieringsmodel.description>` does; default:
    the label).
    """

    vocabulary: str = attrs.field(validator=_vocabulary)
    code: str = attrs.field(validator=_code)
    label: str = attrs.field(validator=[one_of_type(str), non_empty])
    bron: Citation = attrs.field(kw_only=True, validator=one_of_type(Citation))
    description: str = attrs.field(kw_only=True, validator=one_of_type(str))

    @description.default
    def _label_as_description(self) -> str:
        return self.label

    @property
    def name(self) -> str:
        """The code: what a file writes, as it writes an enumeration member's name."""
        return self.code

    @property
    def value(self) -> str:
        """The label, as an enumeration member's value is its label."""
        return self.label

    @property
    def column(self) -> str:
        """The cohort column that says, per family, whether it has this term."""
        return f"{self.vocabulary}:{self.code}"

    def __str__(self) -> str:
        return self.code


def member_or_term(
    enum_type: type[enum.Enum], vocabulary: str
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Validator: a member of ``enum_type`` (the core's list) or a :class:`Term` of
    ``vocabulary``; the message lists the members and says how a term is named."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, enum_type):
            return
        field = field_name(instance, attribute)
        if isinstance(value, Term):
            if value.vocabulary != vocabulary:
                raise InvalidValueError(
                    field, f"{value.code!r} is a term of {value.vocabulary}, not of {vocabulary}"
                )
            return
        allowed = ", ".join(enum_type.__members__)
        declared = (
            f'; a declared {vocabulary} is a Term("{vocabulary}", ...): pass the Term, '
            "or read the file with feiten=gemeente.feiten"
            if isinstance(value, str) and NAMESPACED.match(value)
            else ""
        )
        raise InvalidValueError(
            field, f"unknown {enum_type.__name__} {value!r}; allowed: {allowed}{declared}"
        )

    return check
