"""The source: an invented council letter, and one citation per section.

Every rule and figure of the plugin cites one of these constants, so every
verdict, funding line and page of the documentation can say where it comes
from.  The letter is ``voorbeeldstad-2024-vroegsignalering.txt`` next to this
distribution's ``pyproject.toml``; Voorbeeldstad and its letter are invented.

>>> DOELGROEP.file, DOELGROEP.section
('voorbeeldstad-2024-vroegsignalering.txt', '2. Doelgroep')
>>> print(DOELGROEP.render("nl"))  # doctest: +NORMALIZE_WHITESPACE
Pilot vroegsignalering schulden bij gezinnen met kinderen, 12 november 2024
(kenmerk VS-2024-1112), "2. Doelgroep"
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Letter

__all__ = [
    "BEMENSING",
    "DOELGROEP",
    "EVALUATIE",
    "KOSTEN",
    "LETTER",
    "LOOPTIJD",
    "WERKWIJZE",
]

LETTER: Final = Letter(
    file="voorbeeldstad-2024-vroegsignalering.txt",
    date=pendulum.date(2024, 11, 12),
    reference="VS-2024-1112",
    subject="Pilot vroegsignalering schulden bij gezinnen met kinderen",
)
"""The (invented) letter of Voorbeeldstad to its council."""

DOELGROEP: Final = LETTER.cite(
    "2. Doelgroep",
    "gezinnen met schulden waarin ten minste een minderjarig kind opgroeit",
)
WERKWIJZE: Final = LETTER.cite(
    "3. Werkwijze",
    "Gezinnen met een complexe schuldenproblematiek ... verwijst de geldcoach meteen door",
)
BEMENSING: Final = LETTER.cite(
    "4. Capaciteit en bemensing",
    "De geldcoaches begeleiden samen ten hoogste 30 gezinnen tegelijk.",
)
LOOPTIJD: Final = LETTER.cite(
    "5. Looptijd", "De pilot loopt van 1 januari 2025 tot 1 januari 2027."
)
KOSTEN: Final = LETTER.cite("6. Kosten", "De pilot kost EUR 120.000 per jaar")
EVALUATIE: Final = LETTER.cite(
    "7. Evaluatie", "Halverwege de looptijd evalueren wij de pilot tussentijds."
)
