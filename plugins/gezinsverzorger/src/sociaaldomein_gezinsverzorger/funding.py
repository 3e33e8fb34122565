"""The money: EUR 336.000 for two years, as three yearly lines, and a derived monthly plan.

000_6fd8bb18cab06410.txt, "Kosten pilot": "De totale kosten voor deze
tweejarige pilot bedragen: € 336.000,-. Voor 2021 zal dit bedrag naar
verwachting: € 42.000,- zijn; voor 2022: € 168.000,-; 2023: € 126.000,-. De
kosten worden ten laste van de begrote middelen voor jeugdhulp gebracht."

The three yearly amounts are the pilot's only funding lines.  The staff costs
in the same section (EUR 182.000 + EUR 154.000) are the same money seen
another way; they sit on the professionals (:mod:`.staffing`), never as lines
of their own, or the totals would count the money twice.

*Derived*, not written in the letter: EUR 336.000 over 24 months is EUR 14.000
a month, and the yearly amounts are exactly 3, 12 and 9 such months.  So the
pilot runs from 1 October 2021 to 1 October 2023 (:data:`LOOPTIJD`).

>>> plan = monthly_plan()
>>> len(plan), str(plan[0][1]), plan[0][0], plan[-1][0]
(24, 'EUR 14.000,00', Date(2021, 10, 1), Date(2023, 9, 1))

The money pays the two professionals, whoever they care for: the cost model
(:func:`cost_model`) is a fixed EUR 14.000 a month, *derived*, and nothing per family.

>>> print(cost_model())  # doctest: +NORMALIZE_WHITESPACE
EUR 14.000,00 a month, EUR 0,00 a family a month, EUR 0,00 per admitted family
[afgeleid: derived, not written in the letter]
[Pilot gezinsverzorger, September 15, 2021 (reference 438104-2021), "Kosten pilot"]
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import pendulum

from sociaaldomein import Budgetregel, Financieringsmodel, Kostenmodel, Money, Periode
from sociaaldomein import monthly_plan as spread_over_months
from sociaaldomein_gezinsverzorger.letter import KOSTEN_PILOT, PERSONEELSKOSTEN

__all__ = [
    "FINANCIER",
    "LOOPTIJD",
    "MONTHLY",
    "SAVINGS_EXPECTED_IN",
    "TOTAL",
    "YEARLY",
    "budget_lines",
    "cost_model",
    "monthly_plan",
]

TOTAL: Final = Money(336_000)
"""The total cost of the two-year pilot ("Kosten pilot")."""

YEARLY: Final[Mapping[int, Money]] = MappingProxyType(
    {2021: Money(42_000), 2022: Money(168_000), 2023: Money(126_000)}
)
"""The amounts per calendar year, as the letter writes them ("Kosten pilot")."""

SAVINGS_EXPECTED_IN: Final = frozenset({2022, 2023})
"""The years in which the letter expects savings on heavy care, so the pilot fits the budget.

"Kosten pilot": "besparingen op andere zorgkosten in 2022 en 2023"; 2021 is too
short ("De kosten in 2021 zullen waarschijnlijk niet leiden tot een evenredige
besparing"), its costs become part of "het resultaat jeugdhulp 2021".  An
expectation, not money: no funding line is counted against it.
"""

FINANCIER: Final = "Gemeente Groningen (begrote middelen jeugdhulp)"
"""Who pays: the municipality, from its budgeted youth-care money ("Kosten pilot")."""

LOOPTIJD: Final = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))
"""1 October 2021 up to 1 October 2023: *derived* from the yearly split, not in the letter.

The letter (15 September 2021) says only that WIJ Groningen can start at once
after approval; 3 months in 2021, 12 in 2022 and 9 in 2023 at EUR 14.000 give
exactly the three yearly amounts.
"""


MONTHLY: Final = TOTAL.split(LOOPTIJD.months())[-1]
"""EUR 14.000: what the two professionals cost a month, *derived*, not in the letter.

"Kosten pilot" gives EUR 336.000 for the two staff over the two years (EUR 182.000
and EUR 154.000); over the 24 months of the two-year pilot that is EUR 14.000 a
month (rounded down to the cent, were it not exact, so that 24 months never
spend more than the letter's total).
"""


def cost_model() -> Kostenmodel:
    """The pilot's cost model: the two professionals, :data:`MONTHLY`, whoever is in care.

    "Kosten pilot": the costs "zijn voor de twee medewerkers die voor de pilot
    worden ingezet".  Staff are paid whether they carry 8 families or 10, so the
    whole amount is a fixed cost a month, and a family in care costs nothing on
    top (:data:`PERSONEELSKOSTEN`).  The monthly figure is *derived*.  It stays
    EUR 14.000 whatever the looptijd: an extension of the pilot costs staff for
    its months, beyond the EUR 336.000 of the letter.
    """
    return Kostenmodel(vast_per_maand=MONTHLY, bron=PERSONEELSKOSTEN, afgeleid=True)


def budget_lines(pilot: str = "gezinsverzorger") -> tuple[Budgetregel, ...]:
    """The pilot's funding: one PROJECTBUDGET line per year of "Kosten pilot", and nothing else."""
    return tuple(
        Budgetregel(
            pilot=pilot,
            omschrijving=f"kosten pilot gezinsverzorger {jaar}",
            bedrag=bedrag,
            financier=FINANCIER,
            model=Financieringsmodel.PROJECTBUDGET,
            jaar=jaar,
            bron=KOSTEN_PILOT,
        )
        for jaar, bedrag in YEARLY.items()
    )


def monthly_plan(periode: Periode = LOOPTIJD) -> tuple[tuple[pendulum.Date, Money], ...]:
    """:data:`TOTAL` spread evenly over the months of ``periode``: *derived*, not in the letter.

    Each month is given by its first day; the amounts add up to :data:`TOTAL`
    to the cent.  Use it to follow spending against plan, never as a funding line.
    """
    return spread_over_months(TOTAL, periode)
