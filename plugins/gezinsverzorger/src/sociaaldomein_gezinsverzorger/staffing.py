"""Who works in the pilot, who steers them, and a check that the staffing meets the letter.

000_6fd8bb18cab06410.txt, "Bemensing pilot": at least 2 fte gezinsverzorging,
one at MBO and one at HBO level, both employed by WIJ Groningen.  "Kosten
pilot" gives the two positions and their costs for two years: medewerker B EUR
182.000 and medewerker C EUR 154.000.  Those costs are the pilot's EUR 336.000
seen another way, so they sit on the :class:`~sociaaldomein.Professional` and
never become funding lines of their own.

The letter does not say which position is MBO and which HBO.  The library
reads the dearer position B as the HBO one; a municipality that knows better
passes its own ``staff`` to the plugin.

>>> check_staffing(LETTER_STAFF)
()
>>> [str(note) for note in check_staffing(LETTER_STAFF[:1])]  # doctest: +NORMALIZE_WHITESPACE
['1 fte gezinsverzorging, the letter asks at least 2
  [Pilot gezinsverzorger, September 15, 2021 (reference 438104-2021), "Bemensing pilot"]',
 'no gezinsverzorger at MBO level
  [Pilot gezinsverzorger, September 15, 2021 (reference 438104-2021), "Bemensing pilot"]']
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from sociaaldomein import (
    Citation,
    Money,
    Note,
    Opleidingsniveau,
    Organisatie,
    Professional,
    Rol,
)
from sociaaldomein_gezinsverzorger.letter import AANSTURING, BEMENSING
from sociaaldomein_gezinsverzorger.messages import _

__all__ = [
    "AANSTURING_PILOT",
    "GEMEENTE_GRONINGEN",
    "HUMANITAS",
    "HUMANITAS_VRIJWILLIGER",
    "LETTER_STAFF",
    "MEDEWERKER_B",
    "MEDEWERKER_C",
    "MIN_FTE",
    "MJD",
    "PARTNERS",
    "WIJ_GRONINGEN",
    "Aansturing",
    "check_staffing",
]

WIJ_GRONINGEN: Final = Organisatie("WIJ Groningen", "wijkteam")
"""The employer of the gezinsverzorgers ("Bemensing pilot")."""

GEMEENTE_GRONINGEN: Final = Organisatie("Gemeente Groningen", "opdrachtgever en financier")
"""The municipality, which pays from its youth-care budget ("Kosten pilot")."""

HUMANITAS: Final = Organisatie("Humanitas", "vrijwilligersorganisatie")
"""Volunteers, investigated for the second year ("Inzet vrijwilligers")."""

MJD: Final = Organisatie("MJD", "maatschappelijke dienstverlening")
"""Involved from the préadvies on, with Humanitas (the letter's opening paragraphs)."""

PARTNERS: Final[tuple[Organisatie, ...]] = (GEMEENTE_GRONINGEN, WIJ_GRONINGEN, HUMANITAS, MJD)
"""The organisations the letter names as taking part."""

MIN_FTE: Final = Decimal(2)
"""At least 2 fte gezinsverzorging ("Bemensing pilot": "minimaal 2 Fte's")."""

MEDEWERKER_B: Final = Professional(
    naam="gezinsverzorger medewerker B",
    rol=Rol.GEZINSVERZORGER,
    fte=Decimal(1),
    werkgever=WIJ_GRONINGEN,
    opleidingsniveau=Opleidingsniveau.HBO,
    kosten=Money(182_000),
)
"""1 fte, EUR 182.000 for two years ("Kosten pilot"); HBO is the library's reading."""

MEDEWERKER_C: Final = Professional(
    naam="gezinsverzorger medewerker C",
    rol=Rol.GEZINSVERZORGER,
    fte=Decimal(1),
    werkgever=WIJ_GRONINGEN,
    opleidingsniveau=Opleidingsniveau.MBO,
    kosten=Money(154_000),
)
"""1 fte, EUR 154.000 for two years ("Kosten pilot"); MBO is the library's reading."""

LETTER_STAFF: Final[tuple[Professional, ...]] = (MEDEWERKER_B, MEDEWERKER_C)
"""The staff the letter proposes."""

HUMANITAS_VRIJWILLIGER: Final = Professional(
    naam="vrijwilliger Humanitas",
    rol=Rol.VRIJWILLIGER,
    fte=Decimal(0),
    werkgever=HUMANITAS,
)
"""A volunteer beside a professional in a family, from the second year, if the plugin allows it.

The letter only says this will be investigated ("Inzet vrijwilligers").  A
volunteer is never a gezinsverzorger: "het werk van de gezinsverzorgende [kan]
niet door vrijwilligers gedaan ... worden vanwege de zwaarte van de functie"
("Initiatiefvoorstel").
"""


@attrs.frozen
class Aansturing:
    """Who steers the professionals, and with whom they work when help is scaled down."""

    door: str
    organisatie: Organisatie
    afschaling_met: Rol
    bron: Citation

    def __str__(self) -> str:
        text = _(
            "steered by the {who} ({organisation}); step-down in cooperation with "
            "the team of the role {role}",
            who=self.door,
            organisation=str(self.organisatie),
            role=self.afschaling_met,
        )
        return f"{text} [{self.bron}]"


AANSTURING_PILOT: Final = Aansturing(
    door="WIJ manager van de stedelijke teams",
    organisatie=WIJ_GRONINGEN,
    afschaling_met=Rol.GEZINSCOACH,
    bron=AANSTURING,
)
"""The same manager steers the team of gezinscoaches ("Aansturing")."""


def check_staffing(
    bemensing: Iterable[Professional],
    *,
    min_fte: Decimal = MIN_FTE,
    levels: Iterable[Opleidingsniveau] = (Opleidingsniveau.MBO, Opleidingsniveau.HBO),
    werkgever: Organisatie = WIJ_GRONINGEN,
) -> tuple[Note, ...]:
    """The ways ``bemensing`` falls short of "Bemensing pilot"; empty when it meets the letter.

    Only people in the role gezinsverzorger count: a volunteer, or anyone else,
    adds nothing to the fte and cannot supply the MBO or HBO level.
    """
    verzorgers = [p for p in bemensing if p.rol is Rol.GEZINSVERZORGER]
    problems: list[Note] = []
    fte = sum((p.fte for p in verzorgers), Decimal(0))
    if fte < min_fte:
        problems.append(
            Note(
                _(
                    "{fte} fte gezinsverzorging, the letter asks at least {least}",
                    fte=fte,
                    least=min_fte,
                ),
                BEMENSING,
            )
        )
    for level in levels:
        if not any(p.opleidingsniveau is level for p in verzorgers):
            problems.append(Note(_("no gezinsverzorger at {level} level", level=level), BEMENSING))
    for p in verzorgers:
        if p.werkgever.naam.casefold() != werkgever.naam.casefold():
            problems.append(
                Note(
                    _(
                        "{name} is employed by {employer}, not by {wanted}",
                        name=p.naam,
                        employer=str(p.werkgever),
                        wanted=str(werkgever),
                    ),
                    BEMENSING,
                )
            )
    return tuple(problems)
