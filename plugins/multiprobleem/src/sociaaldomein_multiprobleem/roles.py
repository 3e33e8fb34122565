"""Who does what in the doorstart: the team's roles, the selectieteam, the stuurgroep.

From 003_720c15da674da257.txt: "Begrippenlijst", "2. Positie teamleden",
"3. Aanwijzing teamleden", "4. Taken van de gezinscoach", "5. Taken van de
projectleider", "11. Methodiekontwikkeling" and, in the letter, "Positie
gemeente": the municipality holds final responsibility during the pilot.

The letter gives no fte, so this module describes roles, not staffing.  Section
2 has the projectleider report to a "begeleidingsgroep doorstart", sections 5
and 6 to the "stuurgroep doorstart"; this module reads them as one body, the
stuurgroep the "Begrippenlijst" defines.
"""

from __future__ import annotations

from typing import Final

import attrs

from sociaaldomein import Citation, Rol
from sociaaldomein_multiprobleem.letter import (
    AANWIJZING_TEAMLEDEN,
    BEGRIPPENLIJST,
    LETTER,
    POSITIE_GEMEENTE,
    POSITIE_TEAMLEDEN,
    TAKEN_PROJECTLEIDER,
)
from sociaaldomein_multiprobleem.partners import Samenwerkingspartner

__all__ = [
    "EINDVERANTWOORDELIJKE",
    "EINDVERANTWOORDELIJKE_BRON",
    "FUNCTIES",
    "GEZINSCOACH_TAKEN",
    "GEZINSCOACH_TAKEN_BRON",
    "GEZINSCOACH_VERVANGT",
    "PROJECTLEIDER_TAKEN",
    "SELECTIETEAM",
    "STUURGROEP",
    "WERVING",
    "Functie",
    "Orgaan",
    "Werving",
]


@attrs.frozen
class Functie:
    """A role in the team: what it does, where the person comes from, who leads them."""

    rol: Rol
    taak: str
    herkomst: str
    leiding: str
    bron: Citation


@attrs.frozen
class Orgaan:
    """A body of the partners: who sits in it and what it decides."""

    naam: str
    leden: str
    taak: str
    bron: Citation


FUNCTIES: Final = (
    Functie(
        Rol.GEZINSCOACH,
        "carries out the work in the family, holds the functional mandate and directs the "
        "other care; one coach per family",
        "selected by the selectieteam, possibly from the partners; seconded to the gemeente "
        "Groningen (OCSW)",
        "projectleider",
        POSITIE_TEAMLEDEN,
    ),
    Functie(
        Rol.PROJECTLEIDER,
        "leads the pilot, buys services per family from the GHP-bound budget, guards the "
        "mandates and may escalate to the college of B&W on his own",
        "employed by the gemeente Groningen (OCSW)",
        "directeur B&U van OCSW",
        TAKEN_PROJECTLEIDER,
    ),
    Functie(
        Rol.GEDRAGSWETENSCHAPPER,
        "advises on the quality of the analysis and of the Gezins Herstel Plannen",
        "Bureau Jeugdzorg, hired by the hour",
        "projectleider",
        AANWIJZING_TEAMLEDEN,
    ),
    Functie(
        Rol.PRAKTIJKBEGELEIDER,
        "supervision and intervision in the team; makes cases presentable for learning",
        "local, selected by the selectieteam in the spring; hired by the hour",
        "projectleider",
        LETTER.cite("11. Methodiekontwikkeling"),
    ),
)
"""The four roles of the team (003, sections 2, 3, 5 and 11)."""

SELECTIETEAM: Final = Orgaan(
    "selectieteam",
    "directors appointed by the partners, led by the municipality",
    "chooses the projectleider and the gezinscoaches",
    AANWIJZING_TEAMLEDEN,
)

STUURGROEP: Final = Orgaan(
    "stuurgroep doorstart pilot multiprobleemgezinnen",
    "the partners' directors, set up by the municipality; at times the wethouder",
    "meets periodically to find and solve bottlenecks and to hold each other to the agreement",
    BEGRIPPENLIJST,
)

EINDVERANTWOORDELIJKE: Final = Samenwerkingspartner.GEMEENTE
"""003, "Positie gemeente": the municipality holds final responsibility during the pilot."""

EINDVERANTWOORDELIJKE_BRON: Final = POSITIE_GEMEENTE
"""Where :data:`EINDVERANTWOORDELIJKE` comes from."""

_TAKEN_GEZINSCOACH: Final = LETTER.cite("4. Taken van de gezinscoach")

GEZINSCOACH_TAKEN: Final = (
    "neemt (zo nodig) regie in het gezin, overtuigt het gezin van de aangeboden diensten",
    "stelt een gedragen Gezinsherstelplan op",
    "activeert de gezinsleden en vergroot hun relevante vaardigheden en kennis",
    "biedt het gezin praktische hulp en springt in bij crisissituaties",
    "biedt opvoedingsondersteuning en ondersteuning in relationele omgangsvormen",
    "helpt het gezin een extern netwerk op te bouwen",
    "coördineert en regisseert de overige dienst- en hulpverlening in het gezin",
)
"""003, "4. Taken van de gezinscoach", in the letter's words (shortened where it lists sources)."""

GEZINSCOACH_VERVANGT: Final = "de (overige) niet-specialistische hulpverlening"
"""003, "4.": "Zijn bemoeienis treedt in de plaats van de (overige) niet-specialistische
hulpverlening"; specialist help goes on beside the coach."""

GEZINSCOACH_TAKEN_BRON: Final = _TAKEN_GEZINSCOACH

PROJECTLEIDER_TAKEN: Final = (
    "geeft organisatorisch en inhoudelijk leiding aan de pilot en aan de daarin werkzame "
    "medewerkers",
    "faciliteert het werk van de gezinscoaches en bevordert de kwaliteit hiervan",
    "entameert en begeleidt het proces van methodiekontwikkeling",
    "zorgt voor het (doen) inkopen van diensten bij instellingen vanuit het budget dat daarvoor "
    "per gezin beschikbaar is",
    "bewaakt de in deze overeenkomst afgesproken mandaten",
    "is zelfstandig bevoegd bij verschil van inzicht met de managementvertegenwoordiger op te "
    "schalen naar het betreffende gezag in het college van B&W",
    "legt hierover achteraf verantwoording af aan de directeur B&U van OCSW",
    "zorgt voor grondige (inhoudelijke en financiële) administratie en verantwoording",
    "draagt zorg voor de totale financiële huishouding van het project",
    'signaleert de knelpunten voor de stuurgroep doorstart "pilot multiprobleemgezinnen"',
    "adviseert het bevoegd gezag als naar zijn mening moet worden overgegaan tot "
    "uithuisplaatsing of het treffen van een rechtelijke maatregel (RM of IBS)",
)
"""003, "5. Taken van de projectleider", in the letter's words.  He *advises* the competent
authority on an uithuisplaatsing or a judicial measure; he does not decide it."""


@attrs.frozen
class Werving:
    """How the team is recruited ("3. Aanwijzing teamleden")."""

    profiel_door: str
    ontwerp_door: Samenwerkingspartner
    selectie_door: str
    kandidaten_van: str
    extern_als: str
    gedragswetenschapper_van: Samenwerkingspartner
    bron: Citation


WERVING: Final = Werving(
    profiel_door="de samenwerkingspartners gezamenlijk",
    ontwerp_door=Samenwerkingspartner.GEMEENTE,
    selectie_door=SELECTIETEAM.naam,
    kandidaten_van="de samenwerkingspartners",
    extern_als="onvoldoende geschikte kandidaten",
    gedragswetenschapper_van=Samenwerkingspartner.BUREAU_JEUGDZORG,
    bron=LETTER.cite(
        AANWIJZING_TEAMLEDEN.section,
        "Bij onvoldoende geschikte kandidaten kan ook extern worden geworven.",
    ),
)
"""The partners set the profile on the municipality's design, the selectieteam selects."""
