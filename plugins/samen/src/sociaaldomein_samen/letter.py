"""The council letter SAMEN. comes from, and one citation per section the plugin rests on.

Every rule and figure of the plugin cites one of the constants below.  The
section names are the letter's own headings (the letter writes "SAMEN." in
some headings and "SAMEN," in others; the citations keep its spelling).

>>> print(FASERING.render("nl"))  # doctest: +NORMALIZE_WHITESPACE
Implementatieplan SAMEN., kaders opdracht en financiën,
7 september 2022 (kenmerk 452199-2022),
"Gezamenlijk proces, veranderstrategie en aansturing"
>>> FASERING.file
'002_3dca2c59337eb1a8.txt'
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from sociaaldomein import Letter
from sociaaldomein.compat import renamed_attribute

__all__ = [
    "AFSLUITEND",
    "FASERING",
    "FINANCIERING",
    "GROTE_KADER",
    "LETTER",
    "OPBRENGST",
    "OPDRACHT",
    "REGIONAAL",
    "ROLLEN",
    "STUKKEN",
    "TAAK",
    "TOEGANG",
    "VANGNET",
]

LETTER: Final = Letter.load(
    resources.files("sociaaldomein_samen") / "letters" / "002_3dca2c59337eb1a8.toml"
)
"""The college's letter of 7 September 2022 to the council of Groningen."""

STUKKEN: Final = LETTER.cite(
    "Welke stukken leggen wij nu aan u voor",
    quote=(
        "voorbereidingen en daarmee incidentele voorinvesteringen noodzakelijk. Daarnaast is "
        "gedurende de transitieperiode sprake van kosten die nog niet volledig gedekt kunnen "
        "worden uit het reguliere uitvoeringsbudget. Hiervoor is een incidenteel budget "
        "noodzakelijk. De verwachting is dat deze incidentele kosten op termijn kunnen worden "
        "terugverdiend met de besparingen op de zorgkosten. Dit blijkt uit de opgestelde "
        "businesscase"
    ),
)
"""The pre-investment, the incidental transition budget and the business case."""

GROTE_KADER: Final = LETTER.cite(
    "Het grote kader: de transformatie van de jeugdhulp",
    quote="Uitgangspunt is zo licht als mogelijk en zo zwaar en intensief als nodig.",
)
"""The principle: as light as possible, as heavy as necessary."""

OPBRENGST: Final = LETTER.cite(
    "Wat levert deze beweging op voor kinderen en gezinnen in onze gemeente",
    quote=(
        "sneller hulp krijgen en er kortere wachttijden en wachtlijsten zijn, met een snelle "
        "triage aan de voorkant en minder hulpverleners in het gezin ... Zo kan eenvoudig op- "
        "en afgeschaald worden tussen lichte en zwaardere hulp"
    ),
)
"""What the change should bring families; the source of the evaluation's indicators."""

TAAK: Final = LETTER.cite(
    "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen",
    quote=(
        "WIJ Groningen gaat zelf meer basisjeugdhulp en ondersteuning bieden aan jeugdigen en "
        "gezinnen. Het gaat om begeleiding en lichte behandeling, die tot nu toe door "
        "gecontracteerde jeugdhulpaanbieders op indicatie wordt uitgevoerd."
    ),
)
"""The task: basic youth care (begeleiding, lichte behandeling) by WIJ Groningen itself."""

TOEGANG: Final = LETTER.cite(
    "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen",
    quote="WIJ Groningen biedt op dit moment al toegang tot de jeugdhulp",
)
"""WIJ Groningen is already the access to youth care, all of it."""

FINANCIERING: Final = LETTER.cite(
    "Hoe wordt de taak SAMEN. gefinancierd?",
    quote=(
        "WIJ Groningen ontvangt voor de taak SAMEN. een lumpsum budget, ter hoogte van het "
        "budget dat de gemeente anders zou uitgeven aan de op indicatie verstrekte jeugdhulp, "
        "in de vorm van een subsidie. Om de taak SAMEN. te realiseren ontvangt WIJ Groningen "
        "ook een implementatiebudget (voorinvestering)."
    ),
)
"""The lumpsum subsidy equal to a counterfactual, and the implementation budget."""

ROLLEN: Final = LETTER.cite(
    "Gezamenlijk proces, veranderstrategie en aansturing",
    quote="de gemeente als opdrachtgever en WIJ Groningen als opdrachtnemer",
)
"""Who is who: the municipality commissions, WIJ Groningen carries out."""

FASERING: Final = LETTER.cite(
    "Gezamenlijk proces, veranderstrategie en aansturing",
    quote=(
        "We beginnen klein, met ingang van 1 januari 2023 ... We hebben een aantal momenten in "
        "het proces opgenomen, waarbij we gefaseerd nieuwe instroom van verschillende "
        "verwijzers door WIJ Groningen laten uitvoeren."
    ),
)
"""The start on 1 January 2023 and the phased intake by referrer."""

VANGNET: Final = LETTER.cite(
    "Gezamenlijk proces, veranderstrategie en aansturing",
    quote=(
        "Als vangnet houden we de Open House nog tenminste 2,5 jaar na de start van SAMEN, "
        "in stand."
    ),
)
"""The safety net: the Open House contracts stay at least 2.5 years after the start."""

OPDRACHT: Final = LETTER.cite(
    "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld",
    quote=(
        "De eerste jaren is SAMEN, een aparte opdracht, daarna evalueren we en beoordelen we of "
        "het onderdeel van de brede opdracht kan worden."
    ),
)
"""A separate assignment for the first years, then evaluated for the broad assignment."""

REGIONAAL: Final = LETTER.cite(
    "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld",
    quote=(
        "Het Rijk heeft aangegeven dat gemeenten de specialistische jeugdhulp regionaal of zelfs "
        "bovenregionaal dienen in te kopen. ... Het betekent in ieder geval dat wij de "
        "specialistische schil niet lokaal kunnen inkopen"
    ),
)
"""Specialist youth care stays (supra)regionally purchased."""

AFSLUITEND: Final = LETTER.cite(
    "Afsluitend",
    quote=(
        "verwachten dat we tot eind 2024 nodig hebben om de taak SAMEN, volledig operationeel "
        "bij WIJ Groningen ondergebracht te hebben"
    ),
)
"""Fully operational by the end of 2024."""


_RENAMED: Final = {
    "BRIEF": "LETTER",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
