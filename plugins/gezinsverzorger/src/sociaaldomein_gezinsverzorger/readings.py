"""The readings of letter 000 on the choice of gezinscoach or gezinsverzorger.

>>> [r.parameter for r in READINGS]
['zrm_threshold', 'require_zrm', '']
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import Reading
from sociaaldomein_gezinsverzorger.letter import INITIATIEFVOORSTEL

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
)
"""The readings of this plugin's letter on the choice of coach."""
