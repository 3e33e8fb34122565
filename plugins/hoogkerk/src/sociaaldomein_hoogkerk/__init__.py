"""sociaaldomein-hoogkerk: the Proeftuin Hoogkerk, BT Hoogkerk as an algemene voorziening.

A pilot plugin for :mod:`sociaaldomein`, from Groningen's letter
004_b7ccad7045cc3ba8.txt (09-11-2016).  The names are grouped by module: the
letter and its sections (:mod:`.letter`), the providers, the eligibility rule
and the regular route, funding by substitution, the evaluation, example
households and the plugin.
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.compat import renamed_attribute
from sociaaldomein_hoogkerk.evaluation import (
    EINDEVALUATIE,
    INDICATOREN,
    check_saving,
    evaluation_plan,
)
from sociaaldomein_hoogkerk.examples import EXAMPLE_DATE, example_families
from sociaaldomein_hoogkerk.funding import (
    ACTUAL_PER_RESIDENT,
    COUNTERFACTUAL_PER_RESIDENT,
    FINANCIER,
    RESIDENTS,
    budget_lines,
    cost_model,
    substitutie,
)
from sociaaldomein_hoogkerk.governance import (
    DOEL,
    DOEL_BRON,
    EERDERE_BRIEF,
    INZET,
    TOEGANG,
    VERANTWOORDING_JEUGDHULP,
    VERVOLG,
    Inzet,
    Toegang,
    Vervolg,
)
from sociaaldomein_hoogkerk.letter import LETTER
from sociaaldomein_hoogkerk.partners import AANBIEDERS, BT_HOOGKERK, PLACEHOLDER, WIJ_HOOGKERK
from sociaaldomein_hoogkerk.plugin import END, PILOT_NAME, START, HoogkerkPilot
from sociaaldomein_hoogkerk.rules import (
    DOELGROEP_LABEL,
    HULPVRAGEN,
    KEUZE_LEVERINGSVORM,
    REGULIERE_ROUTE,
    VERWIJZERS,
    WIJKEN,
    doelgroep,
    reguliere_route,
    te_complex,
    uitstroom,
)

__version__ = "0.1.0"

__all__ = [
    "AANBIEDERS",
    "ACTUAL_PER_RESIDENT",
    "BT_HOOGKERK",
    "COUNTERFACTUAL_PER_RESIDENT",
    "DOEL",
    "DOELGROEP_LABEL",
    "DOEL_BRON",
    "EERDERE_BRIEF",
    "EINDEVALUATIE",
    "END",
    "EXAMPLE_DATE",
    "FINANCIER",
    "HULPVRAGEN",
    "INDICATOREN",
    "INZET",
    "KEUZE_LEVERINGSVORM",
    "LETTER",
    "PILOT_NAME",
    "PLACEHOLDER",
    "REGULIERE_ROUTE",
    "RESIDENTS",
    "START",
    "TOEGANG",
    "VERANTWOORDING_JEUGDHULP",
    "VERVOLG",
    "VERWIJZERS",
    "WIJKEN",
    "WIJ_HOOGKERK",
    "HoogkerkPilot",
    "Inzet",
    "Toegang",
    "Vervolg",
    "__version__",
    "budget_lines",
    "check_saving",
    "cost_model",
    "doelgroep",
    "evaluation_plan",
    "example_families",
    "reguliere_route",
    "substitutie",
    "te_complex",
    "uitstroom",
]


_RENAMED: Final = {
    "budgetregels": "budget_lines",
    "kostenmodel": "cost_model",
    "evaluatieplan": "evaluation_plan",
    "PILOT_NAAM": "PILOT_NAME",
    "EIND": "END",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
