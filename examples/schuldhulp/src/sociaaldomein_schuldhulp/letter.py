"""The source: an invented council letter of gemeente Westerkwartier, one citation per section.

The letter is ``letters/westerkwartier-2025-schuldhulp-jongeren.txt`` next to
this distribution's ``pyproject.toml``; it is invented for the tutorial section
"Your own facts and areas" and says so in its first line.

>>> DOELGROEP.letter, DOELGROEP.section
('westerkwartier-2025-schuldhulp-jongeren.txt', '2. Doelgroep')
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Letter

__all__ = [
    "CAPACITEIT",
    "DOELGROEP",
    "DOORBRAAK",
    "GEBIED",
    "KOSTEN",
    "LETTER",
    "LOOPTIJD",
    "SANERING",
    "WERKWIJZE",
]

LETTER: Final = Letter(
    file="westerkwartier-2025-schuldhulp-jongeren.txt",
    date=pendulum.date(2025, 3, 3),
    reference="WK-2025-0303",
    subject="Pilot schuldhulp voor jongvolwassenen",
)
"""The (invented) letter of gemeente Westerkwartier to its council."""

DOELGROEP: Final = LETTER.cite(
    "2. Doelgroep", "inwoners van de gemeente Westerkwartier van 18 tot en met 27 jaar"
)
WERKWIJZE: Final = LETTER.cite(
    "3. Werkwijze", "Ligt er beslag op het inkomen, dan verwijst het maatje meteen door"
)
GEBIED: Final = LETTER.cite("4. Gebied", "De pilot geldt in de hele gemeente Westerkwartier")
CAPACITEIT: Final = LETTER.cite("5. Capaciteit", "ten hoogste 25 jongeren tegelijk")
LOOPTIJD: Final = LETTER.cite("6. Looptijd", "De pilot loopt van 1 april 2025 tot 1 april 2027.")
KOSTEN: Final = LETTER.cite("7. Kosten", "De pilot kost EUR 80.000 per jaar")
SANERING: Final = LETTER.cite("7. Kosten", "EUR 10.000 per jaar voor saneringskredieten")
DOORBRAAK: Final = LETTER.cite(
    "8. Doorbraak", "mag namens de gemeente afwijken van de gewone werkwijze"
)
