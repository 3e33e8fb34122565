"""The source: letter 004 on the start of the Proeftuin Hoogkerk, and a citation per section.

The letter (09-11-2016, kenmerk 5968383) has three headed sections, "Waarom de
proeftuin", "Achtergrond van deze beweging" and "Kosten", after opening
paragraphs without a heading; those are cited as :data:`INLEIDING`, by the
salutation they follow ("Geachte heer, mevrouw"), so that a reader finds the
section in the letter's text.

>>> print(ACHTERGROND.render("nl"))  # doctest: +NORMALIZE_WHITESPACE
Start 'Proeftuin Hoogkerk' als onderdeel van de transformatie in het sociaal domein,
9 november 2016 (kenmerk 5968383),
"Achtergrond van deze beweging"
>>> ACHTERGROND.file
'004_b7ccad7045cc3ba8.txt'
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from sociaaldomein import Letter

__all__ = ["ACHTERGROND", "INLEIDING", "KOSTEN", "LETTER", "WAAROM"]

LETTER: Final = Letter.load(
    resources.files("sociaaldomein_hoogkerk") / "letters" / "004_b7ccad7045cc3ba8.toml"
)
"""The letter to the council."""

INLEIDING: Final = LETTER.cite(
    "Geachte heer, mevrouw",
    "een achttal kleine zorgaanbieders, onder de naam Begeleidingsteam Hoogkerk (BT Hoogkerk)",
)
"""The opening paragraphs, which have no heading in the letter."""

WAAROM: Final = LETTER.cite(
    "Waarom de proeftuin",
    "De proeftuin loopt tot en met december 2017.",
)
ACHTERGROND: Final = LETTER.cite(
    "Achtergrond van deze beweging",
    "hiervoor niet langer een indicatie of zorgtoewijzing nodig hebben",
)
KOSTEN: Final = LETTER.cite(
    "Kosten",
    "De inzet van het BT Hoogkerk wordt gefinancierd op basis van substitutie.",
)
