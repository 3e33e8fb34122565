"""SAMEN., basic youth care at WIJ Groningen (002_3dca2c59337eb1a8.txt), as a sociaaldomein plugin.

Register it through the entry point ``samen`` of the group ``sociaaldomein``, or
in code: ``Gemeente(plugins=[SamenPilot()])``.  The modules follow the letter:
:mod:`.letter` (the citations), :mod:`.rules` (who it is for; specialist care
out), :mod:`.phasing` (intake by referrer), :mod:`.safety_net` (the Open
House), :mod:`.funding` (lumpsum, pre-investment, business case),
:mod:`.governance` (roles, evaluation, termination), :mod:`.examples` and
:mod:`.plugin` (the hooks).
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.compat import renamed_attribute
from sociaaldomein_samen.examples import EXAMPLE_DATE, example_families
from sociaaldomein_samen.funding import (
    DEFAULT_BUSINESS_CASE,
    FINANCIER,
    ILLUSTRATIVE_COUNTERFACTUAL,
    ILLUSTRATIVE_INCIDENTEEL_BUDGET,
    ILLUSTRATIVE_VOORINVESTERING,
    BusinessCase,
    budget_lines,
    cost_model,
    payback,
)
from sociaaldomein_samen.governance import (
    DECISIONS,
    END,
    EVALUATION_BEFORE_END,
    FULLY_OPERATIONAL,
    PARTNERS,
    Besluit,
    default_moments,
    evaluation_plan,
    indicators,
    pilot_termination,
    trajectory_termination,
)
from sociaaldomein_samen.letter import LETTER
from sociaaldomein_samen.phasing import (
    DEFAULT_PHASING,
    OPEN_HOUSE,
    START,
    not_yet_phased_in,
    phase_in_date,
    regular_route,
)
from sociaaldomein_samen.plugin import Phasing, SamenPilot
from sociaaldomein_samen.rules import (
    BASISJEUGDHULP,
    JEUGDHULP,
    SPECIALISTISCH,
    eligibility,
    specialist_need,
    specialist_route,
)
from sociaaldomein_samen.safety_net import (
    OPEN_HOUSE_MINIMUM_END,
    open_house_end_floor,
    open_house_in_force,
)

__version__ = "0.1.0"

__all__ = [
    "BASISJEUGDHULP",
    "DECISIONS",
    "DEFAULT_BUSINESS_CASE",
    "DEFAULT_PHASING",
    "END",
    "EVALUATION_BEFORE_END",
    "EXAMPLE_DATE",
    "FINANCIER",
    "FULLY_OPERATIONAL",
    "ILLUSTRATIVE_COUNTERFACTUAL",
    "ILLUSTRATIVE_INCIDENTEEL_BUDGET",
    "ILLUSTRATIVE_VOORINVESTERING",
    "JEUGDHULP",
    "LETTER",
    "OPEN_HOUSE",
    "OPEN_HOUSE_MINIMUM_END",
    "PARTNERS",
    "SPECIALISTISCH",
    "START",
    "Besluit",
    "BusinessCase",
    "Phasing",
    "SamenPilot",
    "__version__",
    "budget_lines",
    "cost_model",
    "default_moments",
    "eligibility",
    "evaluation_plan",
    "example_families",
    "indicators",
    "not_yet_phased_in",
    "open_house_end_floor",
    "open_house_in_force",
    "payback",
    "phase_in_date",
    "pilot_termination",
    "regular_route",
    "specialist_need",
    "specialist_route",
    "trajectory_termination",
]


_RENAMED: Final = {
    "BRIEF": "LETTER",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
