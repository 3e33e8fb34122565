"""How the plugin reads letter 004: the letter's words, the reading, the parameter and its default.

Each :class:`~sociaaldomein.Reading` quotes the letter verbatim
(``tests/test_letter_004.py`` checks every quote against the letter) and names
the :class:`~sociaaldomein_hoogkerk.HoogkerkPilot` parameter that chooses
another reading; the pilot page shows them in its "Readings" table.

>>> [r.parameter for r in READINGS if r.assumption][0]
'counterfactual_per_resident, actual_per_resident, residents'
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Reading
from sociaaldomein_hoogkerk.letter import ACHTERGROND, INLEIDING, KOSTEN, LETTER, WAAROM

__all__ = ["READINGS"]

_INLEIDING = LETTER.cite(INLEIDING.section)
_WAAROM = LETTER.cite(WAAROM.section)
_ACHTERGROND = LETTER.cite(ACHTERGROND.section)
_KOSTEN = LETTER.cite(KOSTEN.section)

READINGS: Final = (
    Reading(
        "In oktober is een start gemaakt",
        _INLEIDING,
        "the proeftuin starts on 1 October 2016; the letter gives no day",
        "start",
        "2016-10-01",
    ),
    Reading(
        "De proeftuin loopt tot en met december 2017.",
        _WAAROM,
        "the looptijd ends before 1 January 2018 (December 2017 included)",
        "end",
        "2018-01-01",
    ),
    Reading(
        "inwoners van Hoogkerk",
        _ACHTERGROND,
        "a household whose wijk is Hoogkerk",
        "wijken",
        "('Hoogkerk',)",
    ),
    Reading(
        "Het aanbod van BT Hoogkerk voorziet in individuele begeleiding en dagbesteding voor "
        "volwassenen.",
        _INLEIDING,
        "a need for individuele begeleiding or dagbesteding is eligible; the core records a "
        "household's needs, not whose they are, so such a need is read as an adult's",
        "hulpvragen",
        "INDIVIDUELE_BEGELEIDING, DAGBESTEDING, JEUGDHULP_BEGELEIDING, "
        "JEUGDHULP_LICHTE_BEHANDELING",
    ),
    Reading(
        "binnen de kaders van de regionale inkoop jeugdhulp",
        _INLEIDING,
        "youth care within the regional purchase is basic youth care (begeleiding, lichte "
        "behandeling); specialist youth care is bought regionally (RIGG), not from BT Hoogkerk, "
        "so a family whose only need is specialist youth care is not eligible",
        "hulpvragen",
        "without JEUGDHULP_SPECIALISTISCH",
    ),
    Reading(
        "ondersteuningsvragen rondom jeugd",
        _INLEIDING,
        "a youth-care need counts only for a household with a minor (younger than 18, or "
        "expected): a household without a minor that has a youth-care need is not eligible",
    ),
    Reading(
        "in samenhang en binnen de kaders van de regionale inkoop jeugdhulp",
        _INLEIDING,
        "in coherence with the regional purchase (both phrases take 'de regionale inkoop "
        "jeugdhulp'): a minor's youth-care question alone is enough; True reads it as 'only "
        "together with an adult's need for individuele begeleiding or dagbesteding'",
        "jeugd_alleen_in_samenhang",
        "False",
    ),
    Reading(
        "Zij worden in principe door het WIJ-team verwezen naar het BT Hoogkerk.",
        _ACHTERGROND,
        "referred by the municipal access team (iJw COD327 code 01, gemeente); 'in principe' "
        "leaves room for other referrers, which a municipality adds",
        "verwijzers",
        "(Verwijzer.GEMEENTE,)",
    ),
    Reading(
        "niet adequaat genoeg kan worden beantwoord door het BT Hoogkerk (bijvoorbeeld vanwege "
        "complexiteit)",
        _ACHTERGROND,
        "a question the WIJ-team or, later, BT Hoogkerk finds too complex goes the regular "
        "route (maatwerkbeschikking or zorgtoewijzing, zorg in natura or PGB), at the door "
        "and during a trajectory",
    ),
    Reading(
        "De inzet van het BT Hoogkerk wordt gefinancierd op basis van substitutie.",
        _KOSTEN,
        "one substitution line over the looptijd; the letter gives no amounts, so the figures "
        "(EUR 6.000 counterfactual and EUR 5.000 actual per resident, 100 residents) are "
        "illustrative",
        "counterfactual_per_resident, actual_per_resident, residents",
        "6000, 5000, 100",
        assumption=True,
    ),
    Reading(
        "op verschillende momenten",
        _KOSTEN,
        "two evaluation moments: halfway, and three months before the end",
        "evaluation_plan(eindevaluatie_voor_einde=...)",
        "3 months",
        assumption=True,
    ),
)
"""The readings of letter 004, in the order of the letter."""
