"""The money: a lumpsum equal to indicated care, a pre-investment, a transition budget.

002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": WIJ
Groningen receives "een lumpsum budget, ter hoogte van het budget dat de
gemeente anders zou uitgeven aan de op indicatie verstrekte jeugdhulp, in de
vorm van een subsidie" and "een implementatiebudget (voorinvestering)".
"Welke stukken leggen wij nu aan u voor": an incidental budget covers the
transition, and "deze incidentele kosten [kunnen] op termijn worden
terugverdiend met de besparingen op de zorgkosten. Dit blijkt uit de opgestelde
businesscase."

**The letter gives no amounts.**  Every amount below is *illustrative*, made up
to show the arithmetic, and every funding line is marked ``afgeleid``: none is
a figure written in the letter.  A municipality passes its own counterfactual
(P x Q of the indicated care it would otherwise buy), pre-investment and
transition budget to the plugin.

* The lumpsum is one LUMPSUM line per calendar year of the assignment, each
  the yearly counterfactual.
* The pre-investment is one VOORINVESTERING line in the year before the start
  (the preparations "om de taak SAMEN. vanaf 1 januari 2023 uit te voeren").
* The transition budget is one INCIDENTEEL line over the transition, from the
  start until fully operational (end of 2024, "Afsluitend").

>>> str(lumpsum_from_counterfactual(ILLUSTRATIVE_COUNTERFACTUAL).bedrag)
'EUR 12.600.000,00'
>>> payback(ILLUSTRATIVE_VOORINVESTERING + ILLUSTRATIVE_INCIDENTEEL_BUDGET, Money(12_600_000))
2026

The lumpsum is a subsidy, paid whoever is in care: the cost model
(:func:`cost_model`) is a twelfth of it a month.

>>> print(cost_model())  # doctest: +NORMALIZE_WHITESPACE
EUR 1.050.000,00 a month, EUR 0,00 a family a month, EUR 0,00 per admitted family
[illustratief: an example, the letter gives no figure]
[Implementatieplan SAMEN., kaders opdracht en financiën, September 7, 2022 (reference 452199-2022),
"Hoe wordt de taak SAMEN. gefinancierd?"]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from sociaaldomein import (
    Budgetregel,
    Financieringsmodel,
    InvalidValueError,
    Kostenmodel,
    Money,
    Periode,
    ProductVolume,
    lumpsum_from_counterfactual,
    payback_year,
)
from sociaaldomein_samen.letter import FINANCIERING, STUKKEN
from sociaaldomein_samen.messages import _

__all__ = [
    "DEFAULT_BUSINESS_CASE",
    "FINANCIER",
    "ILLUSTRATIVE_COUNTERFACTUAL",
    "ILLUSTRATIVE_INCIDENTEEL_BUDGET",
    "ILLUSTRATIVE_VOORINVESTERING",
    "BusinessCase",
    "budget_lines",
    "cost_model",
    "payback",
]

FINANCIER: Final = "Gemeente Groningen (jeugdhulpbudget)"
"""Who pays: the municipality, the money it would otherwise spend on indicated youth care."""

ILLUSTRATIVE_COUNTERFACTUAL: Final[tuple[ProductVolume, ...]] = (
    ProductVolume("begeleiding (basisjeugdhulp)", 1_500, Money(6_000)),
    ProductVolume("lichte behandeling (basisjeugdhulp)", 800, Money(4_500)),
)
"""*Illustrative*: a year of indicated basic youth care, trajectories times price.

The letter gives no volumes or prices.  The prices are of the order of a
youth-care trajectory in 2019 (about EUR 9.000, DOMAIN.md) scaled down for basic care.
"""

ILLUSTRATIVE_VOORINVESTERING: Final = Money(1_500_000)
"""*Illustrative*: the implementation budget; the letter names it, without an amount."""

ILLUSTRATIVE_INCIDENTEEL_BUDGET: Final = Money(1_000_000)
"""*Illustrative*: the incidental transition budget; the letter names it, without an amount."""


def budget_lines(
    pilot: str,
    *,
    years: Iterable[int],
    counterfactual: Sequence[ProductVolume] = ILLUSTRATIVE_COUNTERFACTUAL,
    voorinvestering: Money = ILLUSTRATIVE_VOORINVESTERING,
    voorinvestering_jaar: int = 2022,
    incidenteel_budget: Money = ILLUSTRATIVE_INCIDENTEEL_BUDGET,
    transitie: Periode,
) -> tuple[Budgetregel, ...]:
    """The funding lines of SAMEN.: a lumpsum per year, the pre-investment, the transition.

    A line whose amount is the illustrative default says so in its description,
    so that no printed overview passes it off as the municipality's figure.
    """
    lumpsum = lumpsum_from_counterfactual(counterfactual).bedrag
    lumpsum_made_up = tuple(counterfactual) == ILLUSTRATIVE_COUNTERFACTUAL
    made_up = _illustrative(lumpsum_made_up)
    voorinvestering_line = Budgetregel(
        pilot=pilot,
        omschrijving="implementatiebudget (voorinvestering)"
        + _illustrative(voorinvestering == ILLUSTRATIVE_VOORINVESTERING),
        bedrag=voorinvestering,
        financier=FINANCIER,
        model=Financieringsmodel.VOORINVESTERING,
        jaar=voorinvestering_jaar,
        bron=FINANCIERING,
        afgeleid=True,
        illustratief=voorinvestering == ILLUSTRATIVE_VOORINVESTERING,
    )
    lumpsum_lines = [
        Budgetregel(
            pilot=pilot,
            omschrijving=f"lumpsum subsidie SAMEN. aan WIJ Groningen {jaar} (P x Q){made_up}",
            bedrag=lumpsum,
            financier=FINANCIER,
            model=Financieringsmodel.LUMPSUM,
            jaar=jaar,
            bron=FINANCIERING,
            afgeleid=True,
            illustratief=lumpsum_made_up,
        )
        for jaar in years
    ]
    transition_line = Budgetregel(
        pilot=pilot,
        omschrijving="incidenteel budget transitieperiode"
        + _illustrative(incidenteel_budget == ILLUSTRATIVE_INCIDENTEEL_BUDGET),
        bedrag=incidenteel_budget,
        financier=FINANCIER,
        model=Financieringsmodel.INCIDENTEEL,
        periode=transitie,
        bron=STUKKEN,
        afgeleid=True,
        illustratief=incidenteel_budget == ILLUSTRATIVE_INCIDENTEEL_BUDGET,
    )
    return (voorinvestering_line, *lumpsum_lines, transition_line)


def cost_model(
    counterfactual: Sequence[ProductVolume] = ILLUSTRATIVE_COUNTERFACTUAL,
) -> Kostenmodel:
    """What SAMEN. costs: the yearly lumpsum, a twelfth of it each month, whoever is in care.

    "Hoe wordt de taak SAMEN. gefinancierd?": WIJ Groningen receives the lumpsum
    "in de vorm van een subsidie", a fixed amount a year equal to the indicated
    care it replaces, not a price per family.  So the cost model is a fixed
    cost a month, the yearly lumpsum over 12 months (rounded down to the cent,
    so that a year never spends more than its line), and nothing per family.
    It is *derived*, and *illustrative* while the counterfactual is the
    illustrative default.

    The pre-investment and the transition budget are one-off and are not in
    the cost model: a simulation from the start leaves them unspent.
    """
    products = tuple(counterfactual)
    lumpsum = lumpsum_from_counterfactual(products).bedrag
    return Kostenmodel(
        vast_per_maand=lumpsum.split(12)[-1],
        bron=FINANCIERING,
        afgeleid=True,
        illustratief=products == ILLUSTRATIVE_COUNTERFACTUAL,
    )


def _illustrative(is_default: bool) -> str:
    return " [illustratief bedrag: de brief noemt geen bedragen]" if is_default else ""


def _decimal(value: Decimal | int | str) -> Decimal:
    raw: object = value
    if isinstance(raw, bool | float) or not isinstance(raw, Decimal | int | str):
        raise InvalidValueError(
            "BusinessCase", _("needs a Decimal, int or str, got {value}", value=repr(value))
        )
    return Decimal(raw)


def _decimals(values: Iterable[Decimal | int | str]) -> tuple[Decimal, ...]:
    return tuple(_decimal(v) for v in values)


@attrs.frozen
class BusinessCase:
    """The assumptions under which savings on care costs earn back the incidental costs.

    *Illustrative*: the letter says a business case exists ("Dit blijkt uit de
    opgestelde businesscase", "Welke stukken leggen wij nu aan u voor") but
    gives none of its figures.

    :param saving_rate: the share of the yearly counterfactual care costs saved
        once SAMEN. runs fully; default 8 %.
    :param ramp_up: the share of that full saving reached in the first years,
        from ``first_year`` on; later years reach all of it.  Default 25 % in 2023
        and 50 % in 2024, following the phased intake (fully operational by the
        end of 2024, "Afsluitend").
    :param first_year: the first year with savings; SAMEN. starts in 2023.
    :param horizon_years: how many years the business case looks ahead.
    """

    saving_rate: Decimal = attrs.field(default=Decimal("0.08"), converter=_decimal)
    ramp_up: tuple[Decimal, ...] = attrs.field(
        default=(Decimal("0.25"), Decimal("0.5")), converter=_decimals
    )
    first_year: int = 2023
    horizon_years: int = 10

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.saving_rate <= 1:
            raise InvalidValueError(
                "BusinessCase.saving_rate",
                _("must lie from 0 to 1, got {value}", value=str(self.saving_rate)),
            )
        if any(not 0 <= share <= 1 for share in self.ramp_up):
            raise InvalidValueError(
                "BusinessCase.ramp_up",
                _("every share must lie from 0 to 1, got {value}", value=str(self.ramp_up)),
            )
        if self.horizon_years < 1:
            raise InvalidValueError(
                "BusinessCase.horizon_years",
                _("must be at least 1, got {value}", value=str(self.horizon_years)),
            )

    def savings(self, care_costs: Money) -> dict[int, Money]:
        """The saving per year on ``care_costs`` a year, in whole cents."""
        out: dict[int, Money] = {}
        for i in range(self.horizon_years):
            share = self.ramp_up[i] if i < len(self.ramp_up) else Decimal(1)
            out[self.first_year + i] = (care_costs * (self.saving_rate * share)).rounded()
        return out


DEFAULT_BUSINESS_CASE: Final = BusinessCase()
"""The illustrative assumptions."""


def payback(
    investment: Money, care_costs: Money, assumptions: BusinessCase = DEFAULT_BUSINESS_CASE
) -> int | None:
    """The year in which savings on ``care_costs`` have earned back ``investment`` (or ``None``).

    ``investment`` is the pre-investment plus the incidental transition budget:
    "deze incidentele kosten" ("Welke stukken leggen wij nu aan u voor").
    """
    return payback_year(investment, assumptions.savings(care_costs))
