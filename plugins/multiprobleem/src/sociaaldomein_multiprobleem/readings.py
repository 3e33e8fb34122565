"""The readings of letter 003 on money, families and their area, as :class:`~sociaaldomein.Reading`.

Each reading quotes the letter, says what the plugin takes it to mean and names
the parameter of :class:`~.plugin.MultiprobleemPilot` that chooses another
reading, with its default (the plain reading).  The pilot page shows them in
its "Readings" table; ``tests/test_letter_003.py`` checks every quote against
the letter.

>>> [r.parameter for r in READINGS][:2]
['budget_vanaf', 'budget_vanaf']
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Reading
from sociaaldomein_multiprobleem.letter import (
    ALGEMENE_AFSPRAKEN,
    FINANCIEN,
    OVEREENKOMST,
    TOEWIJZING,
)

__all__ = ["READINGS"]

READINGS: Final[tuple[Reading, ...]] = (
    Reading(
        "De inschatting is dat op 1 april 2011 nog € 7,5 ton zal resterend",
        FINANCIEN,
        "Money that remains on 1 April 2011 is spent from that day: the EUR 7,5 ton "
        "(EUR 6 ton running costs, EUR 150.000 GHP-bound) runs from 1 April 2011 to the "
        "doorstart's end, none of it in January to March 2011.",
        parameter="budget_vanaf",
        default="2011-04-01",
    ),
    Reading(
        "Een ruwe begroting voor de doorstart tot 1 januari 2011",
        FINANCIEN,
        "The letter's own inconsistency: the doorstart starts on 1 January 2011, so the "
        "budget cannot end then.  Read as a budget from the doorstart's start it runs from "
        "1 January 2011 (budget_vanaf=2011-01-01); the default keeps the plain reading of "
        "the money left on 1 April 2011.",
        parameter="budget_vanaf",
        default="2011-04-01",
    ),
    Reading(
        "€ 6 ton nodig is voor de exploitatie",
        FINANCIEN,
        "Running the doorstart, the coaches included, costs EUR 600.000, spread evenly over "
        "the 15 months from 1 April 2011: EUR 40.000 a month (derived).",
        parameter="exploitatie",
        default="EUR 600.000,00",
    ),
    Reading(
        "De gezinscoaches gaan werken met 10 gezinnen",
        TOEWIJZING,
        "A top 10 designated together before the start; they count towards the families "
        "selected in total.",
        parameter="top",
        default="10",
    ),
    Reading(
        "nog een selectie van maximaal 10 gezinnen te maken",
        TOEWIJZING,
        "At most 10 more families during the pilot: at most 20 selected in total over the "
        "doorstart (Pilot.max_totaal), however many have left again; a cap on the total, "
        "not a capacity of 20 at once.",
        parameter="max_aanvullingen",
        default="10",
    ),
    Reading(
        "woonachtig zijn in de Indische Buurt, de Hoogte of Tuinwijk",
        TOEWIJZING,
        "The Indische Buurt and de Hoogte are buurten of the Korrewegwijk (the area tree the "
        "plugin ships, gemeente Groningen, wijkindeling, the library's reading): the area is "
        "the Korrewegwijk and Tuinwijk, matched by containment, so a family recorded in the "
        "Korrewegwijk and one in the Indische Buurt both qualify.",
        parameter="krachtwijken",
        default="Korrewegwijk, Tuinwijk",
    ),
    Reading(
        "in de wijken de Hoogte, Korrewegwijk en Tuinwijk",
        OVEREENKOMST,
        "The preamble and section 7 name one area: de Hoogte lies in the Korrewegwijk; not "
        "competing readings.",
        parameter="krachtwijken",
        default="Korrewegwijk, Tuinwijk",
    ),
    Reading(
        "zo nodig aangevuld met gezinnen uit Selwerd, Paddepoel of Beijum en verder",
        TOEWIJZING,
        "A decision the partners take, not an automatic admission: by default Selwerd, "
        'Paddepoel and Beijum (the preamble\'s "Beyum", an alias) admit no family; an '
        "Aanvulling (date, who decided, where recorded) admits them from its date, and the "
        "reasons cite it.",
        parameter="aanvulling",
        default="None",
    ),
    Reading(
        "De gezinscoaches gaan werken met 10 gezinnen",
        TOEWIJZING,
        "The letter gives no number of families at once, only the families selected; no cap "
        "at once (Pilot.capaciteit None), the total of 20 limits it.",
        parameter="capaciteit",
        default="None",
    ),
    Reading(
        "Alle informatie ten behoeve van de aanpak van deze top tien gezinnen kan vrijelijk "
        "tussen samenwerkingspartners enerzijds en gezinscoach anderzijds worden gewisseld.",
        ALGEMENE_AFSPRAKEN,
        "'Deze top tien gezinnen' are the families the partners selected together, the ten "
        "added during the pilot included (the agreement calls the selection the top 10 "
        "throughout, and its mandates cover the added families from their selection); "
        "ook_aanvullingen=False keeps free exchange to the ten designated before the start.",
        parameter="informatie_toegestaan(ook_aanvullingen=...)",
        default="True",
    ),
)
"""The readings of this plugin's part of letter 003 (money, families, their area, information)."""
