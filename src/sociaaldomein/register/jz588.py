"""The iJw end-reason codes (codelist JZ588, "reden beëindiging") a trajectory may end with.

Only the codes the library's sources give are in :data:`REDEN_BEEINDIGING`:
the sources (``DOMAIN``, "iJw messages") name one, ``31`` "volgens plan".  The
register refuses any other code with the list of the known ones, rather than
accepting any two digits: a code it does not know is a code the evaluation
report cannot read.  A further code enters the table with its source.

>>> omschrijving("31")
'volgens plan'
>>> omschrijving("02")
Traceback (most recent call last):
    ...
KeyError: "'02' is not a known JZ588 code; known: 31 (volgens plan)"
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from sociaaldomein.domain.citation import Citation
from sociaaldomein.i18n import _

__all__ = ["JZ588", "REDEN_BEEINDIGING", "VOLGENS_PLAN", "known", "omschrijving"]

JZ588: Final = Citation(
    "iJw release 3.x, codelijst JZ588",
    "reden beëindiging",
    "31 volgens plan",
)
"""The codelist as the library's sources give it (``DOMAIN``, "iJw messages")."""

VOLGENS_PLAN: Final = "31"

REDEN_BEEINDIGING: Final[Mapping[str, str]] = MappingProxyType({VOLGENS_PLAN: "volgens plan"})
"""Code to its description, only the codes :data:`JZ588` gives."""


def known() -> str:
    """The known codes as a reader reads them: ``31 (volgens plan)``."""
    return ", ".join(f"{code} ({text})" for code, text in sorted(REDEN_BEEINDIGING.items()))


def omschrijving(code: str) -> str:
    """The description of ``code``; an unknown code raises :class:`KeyError` naming the known."""
    try:
        return REDEN_BEEINDIGING[code]
    except KeyError:
        raise KeyError(
            _("{code} is not a known JZ588 code; known: {known}", code=repr(code), known=known())
        ) from None
