"""The seven samenwerkingspartners (A-G) who sign the agreement.

003_720c15da674da257.txt, "DOEL" lists them A to G; they select the families
together ("7. Toewijzing gezinnen"), share the Gezins Herstel Plannen ("10.")
and can end the agreement, four of the seven together ("13. Beëindiging").

Each member *is* the partner's name as the agreement writes it (a ``StrEnum``),
so it can be passed wherever the core expects a partner's name:

>>> Samenwerkingspartner.ELKER == "Elker Jeugd en opvoedhulp"
True
>>> [p.letter for p in Samenwerkingspartner]
['A', 'B', 'C', 'D', 'E', 'F', 'G']
"""

from __future__ import annotations

import enum
from typing import Final

from sociaaldomein import Organisatie

__all__ = ["ONDERTEKENAARS", "SAMENWERKINGSPARTNERS", "Samenwerkingspartner"]


class Samenwerkingspartner(enum.StrEnum):
    """A partner of the agreement, in the letter's order and spelling (003, "DOEL")."""

    GEMEENTE = "de gemeente Groningen"
    MJD = "de stichting Maatschappelijk Juridische Dienstverlening Groningen (MJD)"
    ELKER = "Elker Jeugd en opvoedhulp"
    THUISZORG = "de stichting Thuiszorg Groningen"
    POLITIE = "de Regiopolitie Groningen"
    BUREAU_JEUGDZORG = "Bureau Jeugdzorg Groningen"
    CORPORATIES = "de corporaties Huismeesters, Lefier, en Nijestee"

    @property
    def letter(self) -> str:
        """The letter A-G the agreement gives this partner."""
        return "ABCDEFG"[list(Samenwerkingspartner).index(self)]

    @property
    def organisatie(self) -> Organisatie:
        """The partner as a core :class:`~sociaaldomein.Organisatie`."""
        return Organisatie(self.value, f"samenwerkingspartner {self.letter}")


SAMENWERKINGSPARTNERS: Final[tuple[Samenwerkingspartner, ...]] = tuple(Samenwerkingspartner)
"""All seven partners, A to G."""

ONDERTEKENAARS: Final[dict[Samenwerkingspartner, str]] = {
    Samenwerkingspartner.MJD: "algemeen directeur",
    Samenwerkingspartner.ELKER: "directeur/bestuurder",
    Samenwerkingspartner.THUISZORG: "directeur/bestuurder",
    Samenwerkingspartner.POLITIE: "districtschef Groningen/Haren",
    Samenwerkingspartner.BUREAU_JEUGDZORG: "directeur",
    Samenwerkingspartner.CORPORATIES: "directeur",
    Samenwerkingspartner.GEMEENTE: "namens B&W Groningen wethouder",
}
"""Who signs for each partner, from the agreement's signature block (names left blank there)."""
