"""The evaluation: Intraval's results early 2012, then a conference for a policy advice.

* 003_720c15da674da257.txt, "Tenslotte": "Begin 2012 zullen we op basis van de
  evaluatiegegevens van Intraval de resultaten beoordelen."  "Begin 2012" has
  no day; the default is 1 January 2012 (``evaluatie_op``).
* "12. Beleidsadvies toekomst" (the agreement's second section 12): the
  municipality organises at least one meeting of all parties that weighs the
  results on the basis of Intraval's evaluation and gives a policy advice on
  how to improve and fund the care for multiprobleemgezinnen structurally.
  The letter gives no date; the default puts it three months before the end
  (``conferentie_voor_einde``), after Intraval's evaluation in both readings.
* The indicators are the goals of "DOEL" (1 to 3) and the inflow of families,
  whose stagnation the letter gives as the reason for the doorstart ("Pilot
  multiprobleemgezinnen krachtwijken").

>>> from sociaaldomein_multiprobleem.looptijd import LOOPTIJD_DOORSTART
>>> [(d.isoformat(), m.naam) for d, m in evaluation_plan().schedule(LOOPTIJD_DOORSTART.periode)]
[('2012-01-01', 'evaluatie Intraval'), ('2012-04-01', 'conferentie beleidsadvies toekomst')]
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import Evaluatiemoment, Evaluatieplan, Indicator, MomentSoort
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_multiprobleem.letter import (
    BELEIDSADVIES,
    DOEL,
    LETTER,
    PILOT_KRACHTWIJKEN,
    TENSLOTTE,
)

__all__ = ["DOELSTELLINGEN", "EVALUATIE_OP", "INDICATOREN", "evaluation_plan"]

DOELSTELLINGEN: Final = (
    "de kinderen uit de gezinnen een veiliger situatie bieden en ze meer ontwikkelingskansen geven",
    "criminaliteit en overlast in de omgeving veroorzaakt door (leden van) de gezinnen beperken "
    "c.q. voorkomen",
    "de specialistische- en geïndiceerde zorg voor en dienstverlening aan de gezinnen beperken",
    "het proces dat een effectieve inzet van gezinscoaches mogelijk maakt, uitwerken",
    "de voor de uitvoering van het werk behulpzame instrumenten, zoals het Gezins Herstel Plan, "
    "en methodieken ontwikkelen en toepassen",
)
"""003, "DOEL", goals 1 to 5 in the letter's words: 1 and 2 for the pilot, 3 for the care
process, 4 and 5 for the pilot's process.  :data:`INDICATOREN` measures 1 to 3; 4 and 5 are
what the methodiekontwikkeling ("11.") delivers, not a count."""

EVALUATIE_OP: Final = pendulum.date(2012, 1, 1)
"""003, "Tenslotte": "Begin 2012", read as 1 January 2012."""

_AANLEIDING: Final = LETTER.cite(
    PILOT_KRACHTWIJKEN.section, "dat de nieuwe instroom van gezinnen stagneerde"
)

INDICATOREN: Final = (
    Indicator(
        "gezinnen in de aanpak",
        "families the coaches work with (too few came in before the doorstart)",
        "aantal gezinnen",
        _AANLEIDING,
    ),
    Indicator(
        "veiligheid kinderen",
        "goal 1: a safer situation and more chances for the children",
        "aantal gezinnen",
        DOEL,
    ),
    Indicator(
        "criminaliteit en overlast",
        "goal 2: less crime and nuisance caused by the families",
        "aantal gezinnen",
        DOEL,
    ),
    Indicator(
        "specialistische en geïndiceerde zorg",
        "goal 3: less specialist and indicated care for the families",
        "aantal gezinnen",
        DOEL,
    ),
)
"""What the evaluation weighs, from the goals of "DOEL"."""


def evaluation_plan(
    *,
    evaluatie_op: pendulum.Date = EVALUATIE_OP,
    conferentie_voor_einde: pendulum.Duration = pendulum.duration(months=3),
) -> Evaluatieplan:
    """Intraval's evaluation on ``evaluatie_op`` and the policy conference before the end."""
    return Evaluatieplan(
        momenten=(
            Evaluatiemoment(
                MomentSoort.OP_DATUM,
                "evaluatie Intraval",
                datum=evaluatie_op,
                omschrijving="the results are judged on Intraval's evaluation data",
                bron=TENSLOTTE,
            ),
            Evaluatiemoment(
                MomentSoort.VOOR_EINDE,
                "conferentie beleidsadvies toekomst",
                voor_einde=conferentie_voor_einde,
                omschrijving=(
                    "all parties weigh the results and advise how to improve and fund the "
                    "care for multiprobleemgezinnen structurally"
                ),
                bron=BELEIDSADVIES,
            ),
        ),
        indicatoren=INDICATOREN,
        omschrijving="Intraval evaluates independently, with free access to information "
        '("8. Algemene afspraken", VIII)',
        bron=TENSLOTTE,
    )


_RENAMED: Final = {
    "evaluatieplan": "evaluation_plan",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
