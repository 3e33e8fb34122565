"""The pilot gezinsverzorger of Groningen (000_6fd8bb18cab06410.txt) as a sociaaldomein plugin.

Register it through the entry point ``gezinsverzorger`` of the group
``sociaaldomein``, or in code: ``Gemeente(plugins=[GezinsverzorgerPilot()])``.
The modules follow the letter: :mod:`.letter` (the citations), :mod:`.rules`
(eligibility and the choice of gezinscoach), :mod:`.staffing`, :mod:`.funding`,
:mod:`.governance` (evaluation and termination), :mod:`.examples` and
:mod:`.plugin` (the hooks).
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.compat import renamed_attribute
from sociaaldomein_gezinsverzorger.examples import EXAMPLE_DATE, example_families
from sociaaldomein_gezinsverzorger.funding import (
    FINANCIER,
    LOOPTIJD,
    MONTHLY,
    SAVINGS_EXPECTED_IN,
    TOTAL,
    YEARLY,
    budget_lines,
    cost_model,
    monthly_plan,
)
from sociaaldomein_gezinsverzorger.governance import (
    COUNCIL_INFORMED,
    INITIATIEFNEMERS,
    PROPOSAL_BEFORE_END,
    Informatiemoment,
    evaluation_plan,
    indicators,
    pilot_termination,
    trajectory_termination,
)
from sociaaldomein_gezinsverzorger.letter import LETTER
from sociaaldomein_gezinsverzorger.plugin import CAPACITY, GezinsverzorgerPilot
from sociaaldomein_gezinsverzorger.rules import (
    GEZINSCOACH,
    HOUSEHOLD_DOMAINS,
    ZRM_LEVELS,
    ZRM_MAX_AGE_DAYS,
    ZRM_THRESHOLD,
    can_be_strengthened,
    eligibility,
    gezinscoach_route,
)
from sociaaldomein_gezinsverzorger.staffing import (
    AANSTURING_PILOT,
    HUMANITAS_VRIJWILLIGER,
    LETTER_STAFF,
    MIN_FTE,
    PARTNERS,
    WIJ_GRONINGEN,
    Aansturing,
    check_staffing,
)

__version__ = "0.1.0"

__all__ = [
    "AANSTURING_PILOT",
    "CAPACITY",
    "COUNCIL_INFORMED",
    "EXAMPLE_DATE",
    "FINANCIER",
    "GEZINSCOACH",
    "HOUSEHOLD_DOMAINS",
    "HUMANITAS_VRIJWILLIGER",
    "INITIATIEFNEMERS",
    "LETTER",
    "LETTER_STAFF",
    "LOOPTIJD",
    "MIN_FTE",
    "MONTHLY",
    "PARTNERS",
    "PROPOSAL_BEFORE_END",
    "SAVINGS_EXPECTED_IN",
    "TOTAL",
    "WIJ_GRONINGEN",
    "YEARLY",
    "ZRM_LEVELS",
    "ZRM_MAX_AGE_DAYS",
    "ZRM_THRESHOLD",
    "Aansturing",
    "GezinsverzorgerPilot",
    "Informatiemoment",
    "__version__",
    "budget_lines",
    "can_be_strengthened",
    "check_staffing",
    "cost_model",
    "eligibility",
    "evaluation_plan",
    "example_families",
    "gezinscoach_route",
    "indicators",
    "monthly_plan",
    "pilot_termination",
    "trajectory_termination",
]


_RENAMED: Final = {
    "BRIEF": "LETTER",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
