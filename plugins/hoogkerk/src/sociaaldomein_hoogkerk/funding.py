"""Funding by substitution, and the saving that is a condition of the proeftuin.

004_b7ccad7045cc3ba8.txt, "Kosten": "De inzet van het BT Hoogkerk wordt
gefinancierd op basis van substitutie": residents supported by BT Hoogkerk
would otherwise have had a maatwerkvoorziening or a zorgtoewijzing, so money
shifts.  The saving shows "door het besteden van minder middelen óf door het
begeleiden van meer bewoners, voor dezelfde middelen", and this potential
saving was, beside good quality, "een belangrijke voorwaarde" to start.

**The letter gives no amounts.**  :data:`COUNTERFACTUAL_PER_RESIDENT`,
:data:`ACTUAL_PER_RESIDENT` and :data:`RESIDENTS` are illustrative, made up to
show the calculation; the funding line built on them is marked ``afgeleid`` and
says "illustrative".  A municipality passes its own figures.

>>> s = substitutie()
>>> str(s.besparing), s.extra_bewoners
('EUR 100.000,00', 20)
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import (
    Budgetregel,
    Financieringsmodel,
    Money,
    Periode,
    Substitutie,
    substitution_saving,
)
from sociaaldomein_hoogkerk.letter import KOSTEN

__all__ = [
    "ACTUAL_PER_RESIDENT",
    "COUNTERFACTUAL_PER_RESIDENT",
    "FINANCIER",
    "RESIDENTS",
    "budgetregels",
    "substitutie",
]

COUNTERFACTUAL_PER_RESIDENT: Final = Money(6_000)
"""Illustrative: what maatwerk or zorgtoewijzing would cost per resident over the proeftuin."""

ACTUAL_PER_RESIDENT: Final = Money(5_000)
"""Illustrative: what BT Hoogkerk costs per resident over the proeftuin."""

RESIDENTS: Final = 100
"""Illustrative: the residents BT Hoogkerk supports during the proeftuin."""

FINANCIER: Final = "Gemeente Groningen (middelen voor maatwerk en zorgtoewijzing)"
"""Who pays: the municipality, out of the money that would have gone to maatwerk ("Kosten")."""


def substitutie(
    counterfactual_per_resident: Money = COUNTERFACTUAL_PER_RESIDENT,
    actual_per_resident: Money = ACTUAL_PER_RESIDENT,
    residents: int = RESIDENTS,
) -> Substitutie:
    """The business case: the saving for the same residents, or the extra residents served."""
    return substitution_saving(counterfactual_per_resident, actual_per_resident, residents)


def budgetregels(pilot: str, looptijd: Periode, business_case: Substitutie) -> list[Budgetregel]:
    """BT Hoogkerk's funding line: its cost, shifted from maatwerk and zorgtoewijzing."""
    kosten = (business_case.actual_per_resident * business_case.residents).rounded()
    return [
        Budgetregel(
            pilot,
            f"BT Hoogkerk voor {business_case.residents} bewoners, verschoven van maatwerk en "
            "zorgtoewijzing (illustrative figures: the letter gives no amounts)",
            kosten,
            FINANCIER,
            Financieringsmodel.SUBSTITUTIE,
            periode=looptijd,
            bron=KOSTEN,
            afgeleid=True,
            illustratief=business_case == substitutie(),
        )
    ]
