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

The cost model (:func:`cost_model`) follows the funding line: BT Hoogkerk's
cost per resident, charged once for each resident it takes on.

>>> print(cost_model(s))  # doctest: +NORMALIZE_WHITESPACE
EUR 0,00 a month, EUR 0,00 a family a month, EUR 5.000,00 per admitted family
[illustratief: an example, the letter gives no figure] [Start 'Proeftuin Hoogkerk' als onderdeel
van de transformatie in het sociaal domein, November 9, 2016 (reference 5968383), "Kosten"]
"""

from __future__ import annotations

from typing import Final

from sociaaldomein import (
    Budgetregel,
    Financieringsmodel,
    Kostenmodel,
    Money,
    Periode,
    Substitutie,
    substitution_saving,
)
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_hoogkerk.letter import KOSTEN

__all__ = [
    "ACTUAL_PER_RESIDENT",
    "COUNTERFACTUAL_PER_RESIDENT",
    "FINANCIER",
    "RESIDENTS",
    "budget_lines",
    "cost_model",
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


def budget_lines(pilot: str, looptijd: Periode, business_case: Substitutie) -> list[Budgetregel]:
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


def cost_model(business_case: Substitutie) -> Kostenmodel:
    """What BT Hoogkerk costs, as its funding line counts it: a price per resident, once.

    :func:`budget_lines` computes the line as ``actual_per_resident`` times the
    residents BT Hoogkerk supports over the proeftuin: a cost per resident
    supported, however long the support lasts (its professionals set the
    extent, with no minimum or maximum from a beschikking, "Waarom de
    proeftuin").  So the cost model charges ``actual_per_resident`` once for each
    resident (a household, in the simulation) admitted, and nothing a month:
    admitting ``residents`` residents spends the line exactly.  Spreading it
    over the months of the looptijd instead would match the line only if every
    resident were supported for the whole proeftuin.

    The amount is *derived* from the business case and, while it is the
    default :data:`ACTUAL_PER_RESIDENT`, *illustrative*: the letter gives no
    amounts ("Kosten").
    """
    per_resident = business_case.actual_per_resident
    return Kostenmodel(
        per_instroom=per_resident.rounded(),
        bron=KOSTEN,
        afgeleid=True,
        illustratief=per_resident == ACTUAL_PER_RESIDENT,
    )


_RENAMED: Final = {
    "budgetregels": "budget_lines",
    "kostenmodel": "cost_model",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
