"""The escalation ladder of 003_720c15da674da257.txt, "8. Algemene afspraken".

Every contact with a selected family is first coordinated with the project (I)
and the coach's voice leads (II).  Without agreement:

* III - "wordt meteen opgeschaald naar projectleider en managementvertegenwoordiger
  van de samenwerkingspartner";
* IV - without agreement at III, the projectleider "meteen" escalates to "een
  vertegenwoordiger van B&W die binnen een week afstemt op bestuurs-/directieniveau
  bij de samenwerkingspartner";
* V and VI - the exceptions: where statutory duties are at stake the partner
  acts, and the coach or projectleider is informed "zo spoedig mogelijk achteraf".

The levels keep the letter's numbers, so ``Escalatie.open(ladder, on)`` opens
at III.  "Meteen" (at once) is read as: level III comes to agreement on the
day it is reached or escalates at once, so its deadline is that same day
(``termijn_iii``, default zero days).  At IV the representative of B&W does not
decide for the partner: he "afstemt op bestuurs-/directieniveau", aligns with
the partner's board, within one week (``termijn_iv``).
"5. Taken van de projectleider" gives the projectleider the power to escalate
to the college on his own.

>>> import pendulum
>>> from sociaaldomein import Escalatie
>>> e = Escalatie.open(ESCALATIELADDER, pendulum.date(2011, 5, 2))
>>> e = e.escalate(pendulum.date(2011, 5, 3))
>>> e.due(), e.holder_on(pendulum.date(2011, 5, 9))
(Date(2011, 5, 10), ('vertegenwoordiger van B&W',))
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Escalatieladder, Trede
from sociaaldomein_multiprobleem.letter import ALGEMENE_AFSPRAKEN, LETTER

__all__ = ["B_EN_W", "ESCALATIELADDER", "MANAGEMENTVERTEGENWOORDIGER", "PROJECTLEIDER", "ladder"]

PROJECTLEIDER: Final = "projectleider"
MANAGEMENTVERTEGENWOORDIGER: Final = "managementvertegenwoordiger van de samenwerkingspartner"
B_EN_W: Final = "vertegenwoordiger van B&W"

UITZONDERINGEN: Final = (
    "V. Uitzonderingen op I betreffen die gevallen waarbij wettelijke verplichtingen in het "
    "geding zijn",
    "VI. Bij V wordt de gezinscoach of de projectleider zo spoedig mogelijk achteraf geïnformeerd",
)
"""The cases the ladder does not govern, in the letter's words."""


def ladder(
    *,
    termijn_iii: pendulum.Duration = pendulum.duration(),
    termijn_iv: pendulum.Duration = pendulum.duration(weeks=1),
) -> Escalatieladder:
    """The ladder of section 8; the defaults are the letter's "meteen" and "binnen een week"."""
    return Escalatieladder(
        treden=(
            Trede(
                3,
                "III. projectleider en managementvertegenwoordiger",
                (PROJECTLEIDER, MANAGEMENTVERTEGENWOORDIGER),
                termijn_iii,
                "Bij geen overeenstemming wordt meteen opgeschaald naar projectleider en "
                "managementvertegenwoordiger van de samenwerkingspartner",
                LETTER.cite(ALGEMENE_AFSPRAKEN.section, "III"),
            ),
            Trede(
                4,
                "IV. vertegenwoordiger van B&W",
                (B_EN_W,),
                termijn_iv,
                "Bij geen overeenstemming op niveau III schaalde projectleider meteen op naar "
                "een vertegenwoordiger van B&W die binnen een week afstemt op "
                "bestuurs-/directieniveau bij de samenwerkingspartner",
                LETTER.cite(ALGEMENE_AFSPRAKEN.section, "IV"),
            ),
        ),
        uitzonderingen=UITZONDERINGEN,
        bron=ALGEMENE_AFSPRAKEN,
    )


ESCALATIELADDER: Final = ladder()
"""The ladder with the letter's deadlines."""
