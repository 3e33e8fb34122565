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
    "SELECTIETEAM",
    "STUURGROEP",
    "Functie",
    "Orgaan",
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
