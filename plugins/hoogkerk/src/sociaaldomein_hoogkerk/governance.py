"""Who decides what in the proeftuin, what is accounted where, and what comes after it.

The answers to letter 004_b7ccad7045cc3ba8.txt's "who" and "what next" that are
not eligibility, money or evaluation, each a value with its citation:

* :data:`DOEL`: "Waarom de proeftuin": good support, close to the residents,
  at lower cost;
* :data:`TOEGANG`: "Achtergrond van deze beweging": BT Hoogkerk is an
  algemene voorziening, the WIJ-team analyses and refers, no indicatie or
  zorgtoewijzing is needed, BT Hoogkerk is not part of WIJ Hoogkerk;
* :data:`INZET`: "Waarom de proeftuin": BT Hoogkerk's professionals decide at
  whom support is aimed and when, with no minimum or maximum from a
  beschikking; the extent is set in conversation with the resident
  ("Achtergrond van deze beweging");
* :data:`VERANTWOORDING_JEUGDHULP`: youth care is deployed and accounted for
  within the joint purchase via the RIGG;
* :data:`VERVOLG`: a next step to more wijken or voorzieningen is part of the
  "inkoopproces 2018", open to other parties;
* :data:`EERDERE_BRIEF`: the council was told of the initiative before, in the
  letter with kenmerk 5291371.

>>> TOEGANG.indicatie_nodig, TOEGANG.onderdeel_van_wij
(False, False)
>>> INZET.beslist
'de professionals van BT Hoogkerk'
"""

from __future__ import annotations

from typing import Final

import attrs

from sociaaldomein import Citation
from sociaaldomein_hoogkerk.letter import ACHTERGROND, INLEIDING, LETTER, WAAROM
from sociaaldomein_hoogkerk.partners import BT_HOOGKERK, WIJ_HOOGKERK

__all__ = [
    "DOEL",
    "DOEL_BRON",
    "EERDERE_BRIEF",
    "INZET",
    "TOEGANG",
    "VERANTWOORDING_JEUGDHULP",
    "VERVOLG",
    "Inzet",
    "Toegang",
    "Vervolg",
]

DOEL: Final = (
    "support in Hoogkerk of good quality, close to the residents' living environment, at lower cost"
)
"""004, "Waarom de proeftuin": "kwalitatief goed ..., dichtbij de leefomgeving ..., tegen lagere
kosten"."""

DOEL_BRON: Final = LETTER.cite(
    WAAROM.section,
    "Doel van de proeftuin is dat de ondersteuning in Hoogkerk kwalitatief goed is, dichtbij de "
    "leefomgeving van de bewoners plaatsvindt, tegen lagere kosten.",
)


@attrs.frozen
class Toegang:
    """How a resident reaches BT Hoogkerk: who analyses, who refers, what is not needed."""

    voorziening: str
    analyse_door: str
    verwijst: str
    indicatie_nodig: bool
    onderdeel_van_wij: bool
    bron: Citation


@attrs.frozen
class Inzet:
    """Who sets how much support a resident gets, and within which bounds."""

    beslist: str
    omvang_bepaald_in: str
    minimum_of_maximum_uit_beschikking: bool
    continu_in_de_wijk: tuple[str, ...]
    bron: Citation


@attrs.frozen
class Vervolg:
    """What the letter says comes after the proeftuin."""

    wat: str
    waarin: str
    andere_partijen: bool
    bron: Citation


TOEGANG: Final = Toegang(
    voorziening="algemene voorziening",
    analyse_door=WIJ_HOOGKERK.naam,
    verwijst=WIJ_HOOGKERK.naam,
    indicatie_nodig=False,
    onderdeel_van_wij=False,
    bron=LETTER.cite(
        ACHTERGROND.section,
        "BT Hoogkerk maakt daarbij geen onderdeel uit van WIJ Hoogkerk (en daarmee van WIJ "
        "Groningen), maar staat wel in nauwe verbinding.",
    ),
)
"""004, "Achtergrond van deze beweging": an algemene voorziening next to, not inside, WIJ."""

INZET: Final = Inzet(
    beslist="de professionals van BT Hoogkerk",
    omvang_bepaald_in=("het (vervolg)gesprek tussen de betrokken inwoner(s) en het BT Hoogkerk"),
    minimum_of_maximum_uit_beschikking=False,
    continu_in_de_wijk=(BT_HOOGKERK, WIJ_HOOGKERK.naam),
    bron=LETTER.cite(
        WAAROM.section,
        "De professionals in het BT Hoogkerk krijgen optimaal de ruimte om zelf te bepalen bij "
        "welke inwoner op welk moment inzet moet worden gepleegd.",
    ),
)
"""004, "Waarom de proeftuin" and "Achtergrond van deze beweging"."""

VERANTWOORDING_JEUGDHULP: Final = LETTER.cite(
    ACHTERGROND.section,
    "De inzet en de verantwoording van de jeugdhulp moet plaatsvinden binnen de kaders van de "
    "gezamenlijke inkoop jeugdhulp via de RIGG.",
)
"""Where youth care is deployed and accounted for: the joint purchase via the RIGG."""

VERVOLG: Final = Vervolg(
    wat="een eventuele volgende stap naar meer wijken en/of algemene voorzieningen",
    waarin="inkoopproces 2018",
    andere_partijen=True,
    bron=LETTER.cite(
        ACHTERGROND.section,
        "Een eventuele volgende stap naar meer wijken en/of algemene voorzieningen gaat "
        "onderdeel uitmaken van ons inkoopproces 2018",
    ),
)
"""004, "Achtergrond van deze beweging": the next step is decided in the purchase of 2018."""

EERDERE_BRIEF: Final = LETTER.cite(
    INLEIDING.section,
    "'Doorkijk Vernieuwing Sociaal Domein 2016-2017' (kenmerk: 5291371)",
)
"""004, opening: the council was informed earlier, in the letter with kenmerk 5291371."""
