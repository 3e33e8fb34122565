"""The council letter this pilot comes from, and one citation per section the plugin rests on.

Every rule and figure of the plugin cites one of the constants below, so that a
verdict can say *why* and a reader can check it against the letter.  The
section names are the letter's own headings; the quotes are the letter's words.

>>> print(AANTAL_GEZINNEN.render("nl"))
Pilot gezinsverzorger, 15 september 2021 (kenmerk 438104-2021), "Aantal gezinnen"
>>> AANTAL_GEZINNEN.file
'000_6fd8bb18cab06410.txt'
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from sociaaldomein import Letter
from sociaaldomein.compat import renamed_attribute

__all__ = [
    "AANSTURING",
    "AANTAL_GEZINNEN",
    "BEMENSING",
    "EVALUATIE",
    "INITIATIEFVOORSTEL",
    "INLEIDING",
    "INZET_VRIJWILLIGERS",
    "JEUGDHULP",
    "KOSTEN_PILOT",
    "LETTER",
    "MONITORING",
    "PERSONEELSKOSTEN",
    "ZWARE_ZORG",
]

LETTER: Final = Letter.load(
    resources.files("sociaaldomein_gezinsverzorger") / "letters" / "000_6fd8bb18cab06410.toml"
)
"""The college's letter of 15 September 2021 to the council of Groningen."""

INLEIDING: Final = LETTER.cite(
    "inleiding",
    quote=(
        "een 2 jaar durende pilot 'de gezinsverzorger' ... Hierbij worden Humanitas en het "
        "MJD betrokken."
    ),
)
"""The opening paragraphs, which have no heading of their own: two years; the partners."""

INITIATIEFVOORSTEL: Final = LETTER.cite(
    "Initiatiefvoorstel",
    quote=(
        "De gezinsverzorger nemen waar nodig (tijdelijk) de verantwoordelijkheid voor het runnen "
        "van het huishouden en de opvoeding (deels) over. De keuze of het gezinscoach of "
        "gezinsverzorger moet zijn, is afhankelijk van de inschatting van de mate van dan wel "
        "de te bereiken mate van zelfredzaamheid van het gezin."
    ),
)
"""What the gezinsverzorger does, and the choice between gezinscoach and gezinsverzorger."""

BEMENSING: Final = LETTER.cite(
    "Bemensing pilot",
    quote=(
        "minimaal 2 Fte's Gezinsverzorging aan te stellen, waarvan 1 op MBO niveau en 1 op HBO "
        "niveau. Beide in dienst van WIJ Groningen. Gezien de eigen problematiek van (een van "
        "de) ouder(s) die chronisch of structureel van aard is"
    ),
)
"""Staffing, and the target families: a parent with chronic or structural problems."""

AANTAL_GEZINNEN: Final = LETTER.cite(
    "Aantal gezinnen",
    quote="De professionals kunnen samen maximaal 8 á 10 gezinnen begeleiden.",
)
"""The capacity of the pilot."""

AANSTURING: Final = LETTER.cite(
    "Aansturing",
    quote=(
        "De aansturing van de professionals is in handen van de WIJ manager van de stedelijke "
        "teams ... Waar nodig en mogelijk zal worden samengewerkt met de gezinscoaches tijdens "
        "de afschaling van de hulp."
    ),
)
"""Who steers the professionals; step-down (afschaling) together with the gezinscoaches."""

MONITORING: Final = LETTER.cite(
    "Monitoring",
    quote=(
        "Voor de monitoring zal worden aangesloten bij de regionale monitoring van de "
        "verschillende pilots gezinsverzorgers."
    ),
)
"""The pilot joins the regional monitoring of gezinsverzorger pilots."""

INZET_VRIJWILLIGERS: Final = LETTER.cite(
    "Inzet vrijwilligers",
    quote=(
        "We onderzoeken in samenwerking met Humanitas of we in het tweede uitvoeringsjaar een "
        "combinatie van een professional met vrijwilliger in één gezin kunnen maken."
    ),
)
"""Volunteers: only investigated, for the second year."""

KOSTEN_PILOT: Final = LETTER.cite(
    "Kosten pilot",
    quote=(
        "De totale kosten voor deze tweejarige pilot bedragen: € 336.000,-. Voor 2021 zal dit "
        "bedrag naar verwachting: € 42.000,- zijn; voor 2022: € 168.000,-; 2023: € 126.000,-. "
        "De kosten worden ten laste van de begrote middelen voor jeugdhulp gebracht."
    ),
)
"""The total, the yearly split, and the budget it is charged to: youth care."""

JEUGDHULP: Final = LETTER.cite(
    "Kosten pilot",
    quote="De kosten worden ten laste van de begrote middelen voor jeugdhulp gebracht.",
)
"""Youth-care money: the reason the pilot is for families with a child under 18."""

PERSONEELSKOSTEN: Final = LETTER.cite(
    "Kosten pilot",
    quote=(
        "De kosten zijn voor de twee medewerkers die voor de pilot worden ingezet: ... 1 fte "
        "Gezinsverzorger medewerker B € 182.000,- ... 1 fte Gezinsverzorger medewerker C "
        "€ 154.000,- ... Totaal € 336.000,-"
    ),
)
"""The same EUR 336.000 seen as staff costs: the two professionals over two years."""

ZWARE_ZORG: Final = LETTER.cite(
    "Kosten pilot",
    quote=(
        "Naar verwachting leidt de pilot gezinsverzorger tot het verminderen van zware zorg en "
        "aansluitend tot besparingen op andere zorgkosten in 2022 en 2023"
    ),
)
"""The expected effect: less heavy care, and savings in 2022 and 2023 (none in 2021)."""

EVALUATIE: Final = LETTER.cite(
    "Kosten pilot",
    quote=(
        "Halverwege de pilot zullen we u informeren met een tussenevaluatie en voor het aflopen "
        "van de pilot met een voorstel of en hoe de opgedane praktijkkennis rondom de functie "
        "gezinsverzorging verder binnen de jeugdhulp in gemeente Groningen geborgd kan worden."
    ),
)
"""The evaluation moments; the letter writes them at the end of the section "Kosten pilot"."""


_RENAMED: Final = {
    "BRIEF": "LETTER",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
