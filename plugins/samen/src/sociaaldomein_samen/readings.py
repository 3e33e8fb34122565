"""How the plugin reads letter 002: the letter's words, the reading, the parameter and its default.

Each :class:`~sociaaldomein.Reading` quotes 002_3dca2c59337eb1a8.txt verbatim
(``tests/test_letter_002.py`` checks every quote against the letter) and names
the :class:`~sociaaldomein_samen.SamenPilot` parameter that chooses another
reading.  Two readings supply what the letter does not say and are marked as
the library's assumption: the end of the separate assignment (the letter
gives SAMEN. no end) and the phasing dates between the start and the end of
2024.

**Why an end at all.**  The letter makes SAMEN. a separate assignment for "de
eerste jaren", then evaluated for the broad assignment.  The core's looptijd
has an end, which the evaluation before the end and the funding lines need, so
the plugin keeps an end, ``end`` (default 1 January 2026, three calendar
years), labelled here, in :data:`.governance.END` and on the pilot page as the
library's assumption, not the letter's.  Pass another ``end`` for another
reading.

>>> sorted(r.parameter for r in READINGS if r.assumption)  # doctest: +NORMALIZE_WHITESPACE
['counterfactual, voorinvestering, incidenteel_budget, business_case', 'end',
 'evaluation_moments', 'phasing']
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Reading
from sociaaldomein_samen.letter import (
    AFSLUITEND,
    FASERING,
    GROTE_KADER,
    LETTER,
    OPDRACHT,
    TAAK,
    TOEGANG,
)

__all__ = ["READINGS"]

_PROCES = LETTER.cite(FASERING.section)
_OPDRACHT = LETTER.cite(OPDRACHT.section)
_TAAK = LETTER.cite(TAAK.section)
_AFSLUITEND = LETTER.cite(AFSLUITEND.section)
_FINANCIERING = LETTER.cite("Hoe wordt de taak SAMEN. gefinancierd?")
_GROTE_KADER = LETTER.cite(GROTE_KADER.section)

READINGS: Final = (
    Reading(
        "We beginnen klein, met ingang van 1 januari 2023",
        _PROCES,
        "WIJ Groningen carries out SAMEN. from 1 January 2023",
        "start",
        "2023-01-01",
    ),
    Reading(
        "De eerste jaren is SAMEN, een aparte opdracht, daarna evalueren we",
        _OPDRACHT,
        "the letter gives SAMEN. no end; the library assumes the separate assignment ends "
        "before 1 January 2026 (three calendar years), so that the evaluation whether it joins "
        "the broad assignment can fall six months before it",
        "end",
        "2026-01-01",
        assumption=True,
    ),
    Reading(
        "waarbij we gefaseerd nieuwe instroom van verschillende verwijzers door WIJ Groningen "
        "laten uitvoeren",
        _PROCES,
        "each referrer's new families go to WIJ from a day of its own: gemeente 2023-01-01; "
        "jeugdarts and zelfverwijzer 2023-07-01; huisarts 2024-01-01; medisch specialist "
        "2024-07-01; gecertificeerde instelling and rechter/OvJ/JJI 2024-10-01. The letter "
        "gives only the start and the end of 2024: the dates between are the library's",
        "phasing",
        "DEFAULT_PHASING",
        assumption=True,
    ),
    Reading(
        "tot eind 2024 nodig hebben om de taak SAMEN, volledig operationeel bij WIJ Groningen "
        "ondergebracht te hebben",
        _AFSLUITEND,
        "the transition ends, and every referrer is phased in, before 1 January 2025",
        "fully_operational",
        "2025-01-01",
    ),
    Reading(
        "Als vangnet houden we de Open House nog tenminste 2,5 jaar na de start van SAMEN, in "
        "stand.",
        _PROCES,
        "a minimum, not an end: the Open House contracts are in force at least until 1 July "
        "2025 and stay in force until a municipality decides an end, never before that day",
        "open_house_until",
        "None (no end decided)",
    ),
    Reading(
        "Het gaat om begeleiding en lichte behandeling, die tot nu toe door gecontracteerde "
        "jeugdhulpaanbieders op indicatie wordt uitgevoerd",
        _TAAK,
        "SAMEN. is basic youth care for a jeugdige (a child under 18, or expected); a family "
        "that needs specialist youth care is referred to the regionally purchased field",
    ),
    Reading(
        "een lumpsum budget, ter hoogte van het budget dat de gemeente anders zou uitgeven aan "
        "de op indicatie verstrekte jeugdhulp",
        _FINANCIERING,
        "a lumpsum equal to a year of indicated care (P x Q), with an implementation budget "
        "before the start; the letter gives no amounts, so the defaults are illustrative",
        "counterfactual, voorinvestering, incidenteel_budget, business_case",
        "ILLUSTRATIVE_COUNTERFACTUAL and the other illustrative figures",
        assumption=True,
    ),
    Reading(
        "daarna evalueren we en beoordelen we of het onderdeel van de brede opdracht kan worden",
        _OPDRACHT,
        "the letter names no evaluation dates: one when SAMEN. should be fully operational "
        "(2025-01-01) and one six months before the end of the separate assignment",
        "evaluation_moments",
        "default_moments()",
        assumption=True,
    ),
    Reading(
        TOEGANG.quote,
        LETTER.cite(TOEGANG.section),
        "WIJ Groningen is the access, so a family without a recorded referrer counts as the "
        "gemeente's own (phased in from the start); None sends it the regular route",
        "unknown_referrer_as",
        "Verwijzer.GEMEENTE",
    ),
    Reading(
        "Uitgangspunt is zo licht als mogelijk en zo zwaar en intensief als nodig.",
        _GROTE_KADER,
        "a family that needs specialist youth care goes there whatever else it needs: the "
        "specialist route comes before the phasing, and a trajectory at WIJ ends on scaling up",
    ),
)
"""The readings of letter 002, in the order of the letter's argument."""
