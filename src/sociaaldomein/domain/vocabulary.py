"""Open vocabularies: the terms a plugin adds to the core's lists of problems, needs, roles.

The core's lists are enumerations (:class:`~sociaaldomein.domain.gezin.Probleem`,
:class:`~sociaaldomein.domain.gezin.Hulpvraag`, ...), and they stay the
default: every member is a term of its vocabulary.  A plugin adds a term with
:class:`Term`, namespaced like a fact (``"schuldhulp.beslag"``), and declares
it through the same route as its facts (``facts()`` of its pilot definition,
see :mod:`sociaaldomein.domain.feitenregister`).  A family then holds the term
next to the core members, and a family file can name it
(``problemen = ["SCHULDEN", "schuldhulp.beslag"]``).

A term quacks like an enumeration member where rules and explanations look at
one: it has a ``name`` (its code) and a ``value`` (its label).

>>> from sociaaldomein.domain.citation import Citation
>>> beslag = Term("problemen", "schuldhulp.beslag", "beslag op inkomen",
...               bron=Citation("westerkwartier.txt", "2. Doelgroep"))
>>> beslag.name, beslag.value
('schuldhulp.beslag', 'beslag op inkomen')
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from sociaaldomein._validators import non_empty, one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

__all__ = ["NAMESPACED", "VOCABULARIES", "Term", "check_namespaced"]

VOCABULARIES: Final = ("problemen", "signalen", "dwangmiddelen", "hulpvragen")
"""The vocabularies of :class:`~sociaaldomein.domain.gezin.Gezin` a plugin may extend:
each is a set of members on the family and a flag column of a cohort."""

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
    if value not in VOCABULARIES:
        raise InvalidValueError(
            "Term.vocabulary", f"unknown vocabulary {value!r}; known: {', '.join(VOCABULARIES)}"
        )


def _code(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_namespaced("Term.code", value)


@attrs.frozen
class Term:
    """A term a plugin adds to one of :data:`VOCABULARIES`.

    ``code`` is namespaced (``"schuldhulp.beslag"``), so two plugins cannot
    clash; ``label`` says what it means in the letter's words; ``bron`` cites
    where it comes from.
    """

    vocabulary: str = attrs.field(validator=_vocabulary)
    code: str = attrs.field(validator=_code)
    label: str = attrs.field(validator=[one_of_type(str), non_empty])
    bron: Citation = attrs.field(kw_only=True, validator=one_of_type(Citation))

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
