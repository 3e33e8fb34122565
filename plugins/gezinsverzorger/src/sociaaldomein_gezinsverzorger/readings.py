"""The readings of letter 000: the choice of coach, and what the letter leaves open.

>>> [r.parameter for r in READINGS]  # doctest: +NORMALIZE_WHITESPACE
['zrm_threshold', 'require_zrm', '', 'household_domains', 'capacity', 'start, end', 'staff',
 'vrijwilliger_vanaf_jaar_twee', 'proposal_before_end']
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Reading
from sociaaldomein_gezinsverzorger.letter import (
    AANTAL_GEZINNEN,
    BEMENSING,
    EVALUATIE,
    INITIATIEFVOORSTEL,
    INZET_VRIJWILLIGERS,
    KOSTEN_PILOT,
)

__all__ = ["READINGS"]

_KEUZE: Final = (
    "De keuze of het gezinscoach of gezinsverzorger moet zijn, is afhankelijk van de "
    "inschatting van de mate van dan wel de te bereiken mate van zelfredzaamheid van het gezin"
)

READINGS: Final[tuple[Reading, ...]] = (
    Reading(
        _KEUZE,
        INITIATIEFVOORSTEL,
        "Read on the ZRM household domains: at least level 3 (beperkt zelfredzaam) now or "
        "achievable on every one sends the family to a gezinscoach.",
        parameter="zrm_threshold",
        default="3",
    ),
    Reading(
        _KEUZE,
        INITIATIEFVOORSTEL,
        "Only the choice depends on the assessment, not eligibility: a family without a ZRM "
        "stays with the gezinsverzorger.",
        parameter="require_zrm",
        default="False",
    ),
    Reading(
        _KEUZE,
        INITIATIEFVOORSTEL,
        "The inschatting is a recent one: a ZRM older than 30 days (ZRM_MAX_AGE_DAYS) is not "
        "used, the verdict says so and the family stays with the gezinsverzorger.",
        assumption=True,
    ),
    Reading(
        _KEUZE,
        INITIATIEFVOORSTEL,
        "Zelfredzaamheid in running a household and a family is read on four ZRM domains: "
        "Financien, Huiselijke relaties, Basale ADL and Instrumentele ADL.",
        parameter="household_domains",
        default="HOUSEHOLD_DOMAINS",
        assumption=True,
    ),
    Reading(
        "De professionals kunnen samen maximaal 8 á 10 gezinnen begeleiden.",
        AANTAL_GEZINNEN,
        "At most 10 families at once (the upper bound); an eleventh eligible family waits.",
        parameter="capacity",
        default="10",
    ),
    Reading(
        "De totale kosten voor deze tweejarige pilot bedragen: € 336.000,-. Voor 2021 zal dit "
        "bedrag naar verwachting: € 42.000,- zijn; voor 2022: € 168.000,-; 2023: € 126.000,-.",
        KOSTEN_PILOT,
        "The letter gives no start date: at EUR 14.000 a month the yearly amounts are 3, 12 "
        "and 9 months, so the two years run from 1 October 2021 up to 1 October 2023 (derived).",
        parameter="start, end",
        default="2021-10-01, 2023-10-01",
        assumption=True,
    ),
    Reading(
        "minimaal 2 Fte's Gezinsverzorging aan te stellen, waarvan 1 op MBO niveau en 1 op HBO "
        "niveau",
        BEMENSING,
        "The letter does not say which of medewerker B (EUR 182.000) and C (EUR 154.000) is "
        "HBO: the dearer B is read as the HBO position, C as the MBO one.",
        parameter="staff",
        default="LETTER_STAFF",
        assumption=True,
    ),
    Reading(
        "We onderzoeken in samenwerking met Humanitas of we in het tweede uitvoeringsjaar een "
        "combinatie van een professional met vrijwilliger in één gezin kunnen maken.",
        INZET_VRIJWILLIGERS,
        "Only investigated, not decided: no volunteer by default; allowed, one joins from the "
        "first day of the second year.",
        parameter="vrijwilliger_vanaf_jaar_twee",
        default="False",
    ),
    Reading(
        "voor het aflopen van de pilot met een voorstel",
        EVALUATIE,
        "The letter says only before the end: the proposal on embedding falls three months "
        "before it.",
        parameter="proposal_before_end",
        default="3 months",
        assumption=True,
    ),
)
"""The readings of this plugin's letter, for the pilot page's Readings table."""
