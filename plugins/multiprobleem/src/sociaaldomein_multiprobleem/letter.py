"""The source: letter 003 and its functional mandate agreement, and a citation per section.

Every rule and figure of this plugin cites one of the constants below: the
letter's file name and the section heading as the letter writes it.  The
letter (31-1-2011, OS 11.2503337) informs the council of the doorstart; its
appendix is the "Functionele mandaatovereenkomst doorstart Pilot
Multiprobleemgezinnen", whose numbered sections hold most of the rules.

>>> print(TOEWIJZING.render("nl"))  # doctest: +NORMALIZE_WHITESPACE
Tussenrapportage pilot multiprobleemgezinnen krachtwijken,
31 januari 2011 (kenmerk OS 11.2503337),
"7. Toewijzing gezinnen"
>>> TOEWIJZING.file
'003_720c15da674da257.txt'
"""

from __future__ import annotations

from importlib import resources
from typing import Final

from sociaaldomein import Letter

__all__ = [
    "AANWIJZING_TEAMLEDEN",
    "ALGEMENE_AFSPRAKEN",
    "BEEINDIGING",
    "BEGRIPPENLIJST",
    "BELEIDSADVIES",
    "DOEL",
    "DOORSTART",
    "FINANCIEN",
    "GHP_INFORMATIEBRON",
    "LETTER",
    "MANDATEN",
    "OVEREENKOMST",
    "PILOT_KRACHTWIJKEN",
    "POSITIE_GEMEENTE",
    "POSITIE_TEAMLEDEN",
    "TAKEN_PROJECTLEIDER",
    "TENSLOTTE",
    "TOEWIJZING",
]

LETTER: Final = Letter.load(
    resources.files("sociaaldomein_multiprobleem") / "letters" / "003_720c15da674da257.toml"
)
"""The letter to the council, with the functional mandate agreement as its appendix."""

# --- the letter --------------------------------------------------------------

PILOT_KRACHTWIJKEN: Final = LETTER.cite(
    "Pilot multiprobleemgezinnen krachtwijken",
    "Op 1 april 2009 is het tweejarige 'pilot multiprobleemgezinnen krachtwijken' in de "
    "Korrewegwijk, de Hoogte en Tuinwijk van start gegaan.",
)
DOORSTART: Final = LETTER.cite(
    "Doorstart",
    "Wij zullen de doorstart pas echt door laten gaan als er gegarandeerde instroom van "
    "gezinnen is.",
)
POSITIE_GEMEENTE: Final = LETTER.cite(
    "Positie gemeente",
    "Wij kiezen er voor om in de pilotperiode de eindverantwoordelijkheid van de uitvoering "
    "bij de gemeente te leggen.",
)
TENSLOTTE: Final = LETTER.cite(
    "Tenslotte",
    "is het nodig de pilotduur met 15 maanden te verlengen tot 1 juli 2012. Daarbij zal niet "
    "meer strikt aan de krachtwijken wordt vastgehouden voor wat betreft de woonplek",
)

# --- the functional mandate agreement (the appendix) -------------------------

OVEREENKOMST: Final = LETTER.cite(
    "Functionele mandaatovereenkomst doorstart Pilot Multiprobleemgezinnen",
    "De doorstart wordt uitgevoerd van 1 januari 2011 tot 1 juli 2012.",
)
"""The agreement's opening paragraphs, before "DOEL"."""

DOEL: Final = LETTER.cite(
    "DOEL",
    "een combinatie van drie of meer problemen",
)
BEGRIPPENLIJST: Final = LETTER.cite("Begrippenlijst")
POSITIE_TEAMLEDEN: Final = LETTER.cite("2. Positie teamleden")
AANWIJZING_TEAMLEDEN: Final = LETTER.cite("3. Aanwijzing teamleden")
TAKEN_PROJECTLEIDER: Final = LETTER.cite("5. Taken van de projectleider")
TOEWIJZING: Final = LETTER.cite("7. Toewijzing gezinnen")
ALGEMENE_AFSPRAKEN: Final = LETTER.cite("8. Algemene afspraken")
MANDATEN: Final = LETTER.cite(
    "9. Functionele mandaten",
    "alleen in situaties waarin de wet het besluit niet toelaat mag worden afgeweken van het "
    "advies",
)
GHP_INFORMATIEBRON: Final = LETTER.cite(
    "10. Gezins Herstel Plan als informatiebron",
    "De mandaten hebben slechts betrekking op deze gezinnen.",
)
FINANCIEN: Final = LETTER.cite("12. Financiën")
BELEIDSADVIES: Final = LETTER.cite("12. Beleidsadvies toekomst")
"""The agreement numbers two sections 12; this is the second."""

BEEINDIGING: Final = LETTER.cite(
    "13. Beëindiging",
    "alleen mogelijk als ten minste vier van de zeven samenwerkingspartners daartoe "
    "schriftelijk de wens te kennen geven",
)
