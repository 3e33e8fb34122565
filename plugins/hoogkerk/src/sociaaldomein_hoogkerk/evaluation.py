"""Monitoring quality and quantity, and the saving as a condition of the proeftuin.

004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin": "Zowel de kwaliteit van de
ondersteuning (via cliënt ervaringsonderzoeken en medewerker
ervaringsonderzoeken) als de kwantiteit (o.b.v. een financiële businesscase)
worden gemonitord."  "Kosten": the saving is "een belangrijke voorwaarde";
:func:`check_saving` records that condition at an evaluation moment, and fails
(``voortzetten=False``) when there is no saving.  A saving is necessary, not
sufficient: the quality counts too, so a met condition leaves ``voortzetten``
open (``None``).

The letter says the experiences are gathered "op verschillende momenten"
without dates; the plan's two moments, halfway and three months before the end
(``eindevaluatie_voor_einde``), are this plugin's reading.  Three months before
the end also leaves time for the "inkoopproces 2018" that may take the next step.

>>> import pendulum
>>> from sociaaldomein_hoogkerk.funding import substitutie
>>> plan = evaluation_plan()
>>> check_saving(plan, substitutie(), pendulum.date(2017, 10, 1)).voortzetten is None
True
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein import (
    Evaluatiemoment,
    Evaluatieplan,
    Evaluatieresultaat,
    Indicator,
    Meting,
    MomentSoort,
    Substitutie,
)
from sociaaldomein.compat import renamed_attribute
from sociaaldomein_hoogkerk.letter import KOSTEN, LETTER, WAAROM
from sociaaldomein_hoogkerk.messages import _

__all__ = ["EINDEVALUATIE", "INDICATOREN", "check_saving", "evaluation_plan"]

EINDEVALUATIE: Final = "eindevaluatie kwaliteit en businesscase"
"""The moment at which the saving condition is checked by default."""

_KWALITEIT: Final = LETTER.cite(
    WAAROM.section,
    "via cliënt ervaringsonderzoeken en medewerker ervaringsonderzoeken",
)
_KWANTITEIT: Final = LETTER.cite(WAAROM.section, "o.b.v. een financiële businesscase")

INDICATOREN: Final = (
    Indicator("clientervaring", "client experience survey", "score", _KWALITEIT),
    Indicator("medewerkerervaring", "staff experience survey", "score", _KWALITEIT),
    Indicator("besparing", "the saving for the same residents (business case)", "EUR", KOSTEN),
    Indicator(
        "extra bewoners",
        "the residents more that the same money serves (business case)",
        "aantal bewoners",
        KOSTEN,
    ),
    Indicator("bewoners", "residents supported by BT Hoogkerk", "aantal bewoners", _KWANTITEIT),
)
"""Quality (two surveys) and quantity (the financial business case)."""


def evaluation_plan(
    *, eindevaluatie_voor_einde: pendulum.Duration = pendulum.duration(months=3)
) -> Evaluatieplan:
    """Experiences halfway, and quality and business case before the end."""
    return Evaluatieplan(
        momenten=(
            Evaluatiemoment(
                MomentSoort.HALVERWEGE,
                "ervaringen halverwege",
                omschrijving="residents and BT Hoogkerk's members on their experiences so far",
                bron=LETTER.cite(KOSTEN.section, "op verschillende momenten"),
            ),
            Evaluatiemoment(
                MomentSoort.VOOR_EINDE,
                EINDEVALUATIE,
                voor_einde=eindevaluatie_voor_einde,
                omschrijving="quality (the surveys) and quantity (the business case)",
                bron=WAAROM,
            ),
        ),
        indicatoren=INDICATOREN,
        bron=WAAROM,
    )


def check_saving(
    plan: Evaluatieplan,
    business_case: Substitutie,
    on: pendulum.Date,
    moment: str = EINDEVALUATIE,
) -> Evaluatieresultaat:
    """The saving condition of "Kosten" at ``moment``: fails when substitution saves nothing."""
    metingen = [
        Meting("besparing", on, business_case.besparing.amount),
        Meting("extra bewoners", on, business_case.extra_bewoners),
        Meting("bewoners", on, business_case.residents),
    ]
    if business_case.is_saving:
        oordeel = _(
            "condition met: substitution saves {saving}, or serves {extra} residents more "
            "for the same money ({bron})",
            saving=str(business_case.besparing),
            extra=business_case.extra_bewoners,
            bron=KOSTEN,
        )
        return plan.result(moment, on, metingen, oordeel, None)
    oordeel = _(
        "condition not met: substitution saves nothing ({saving}); the saving is a condition "
        "of the proeftuin ({bron})",
        saving=str(business_case.besparing),
        bron=KOSTEN,
    )
    return plan.result(moment, on, metingen, oordeel, False)


_RENAMED: Final = {
    "evaluatieplan": "evaluation_plan",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
