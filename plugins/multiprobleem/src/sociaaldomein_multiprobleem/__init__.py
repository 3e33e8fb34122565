"""sociaaldomein-multiprobleem: the doorstart of the pilot multiprobleemgezinnen krachtwijken.

A pilot plugin for :mod:`sociaaldomein`, from Groningen's letter
003_720c15da674da257.txt (31-1-2011) and its functional mandate agreement.
The names are grouped by module: the letter and its sections (:mod:`.letter`),
the partners, the looptijd, the area tree, the eligibility rule, the partners' selection, the
functional mandate, the escalation ladder, contact and information (:mod:`.governance`),
termination, funding, the team and
the Gezins Herstel Plan, the evaluation, example families and the plugin.
"""

from __future__ import annotations

from typing import Final

from sociaaldomein.compat import renamed_attribute
from sociaaldomein_multiprobleem.escalation import (
    B_EN_W,
    ESCALATIELADDER,
    MANAGEMENTVERTEGENWOORDIGER,
    PROJECTLEIDER,
    ladder,
)
from sociaaldomein_multiprobleem.evaluation import (
    DOELSTELLINGEN,
    EVALUATIE_OP,
    INDICATOREN,
    evaluation_plan,
)
from sociaaldomein_multiprobleem.examples import EXAMPLE_DATE, example_families
from sociaaldomein_multiprobleem.funding import (
    EXPLOITATIE,
    FINANCIER,
    PILOTBUDGET,
    RESTANT,
    RESTANT_OP,
    Urenverdeling,
    budget_lines,
    cost_model,
    funded_period,
    ghp_budget,
)
from sociaaldomein_multiprobleem.gebieden import (
    GRONINGEN,
    WOONGEBIED,
    ZO_NODIG_WIJKEN,
    Aanvulling,
)
from sociaaldomein_multiprobleem.governance import (
    BEKRACHTIGING,
    GEMEENTELIJKE_DIENSTEN,
    INTRAVAL,
    PROJECT,
    RAAD_GEINFORMEERD,
    REGIE,
    Bekrachtiging,
    Contactbesluit,
    Dienst,
    Informatiebesluit,
    Regie,
    check_contact,
    informatie_toegestaan,
)
from sociaaldomein_multiprobleem.letter import LETTER
from sociaaldomein_multiprobleem.looptijd import (
    LOOPTIJD_DOORSTART,
    LOOPTIJD_VERLENGDE_PILOT,
    doorstart_periode,
)
from sociaaldomein_multiprobleem.mandate import (
    BUREAU_JEUGDZORG,
    FUNCTIONEEL_MANDAAT,
    POLITIE,
    SOZAWE,
    check_advice,
)
from sociaaldomein_multiprobleem.partners import (
    ONDERTEKENAARS,
    SAMENWERKINGSPARTNERS,
    Samenwerkingspartner,
)
from sociaaldomein_multiprobleem.plan import Gezinsherstelplan, check_plans, families_without_plan
from sociaaldomein_multiprobleem.plugin import PILOT_NAME, MultiprobleemPilot
from sociaaldomein_multiprobleem.readings import READINGS
from sociaaldomein_multiprobleem.roles import (
    EINDVERANTWOORDELIJKE,
    EINDVERANTWOORDELIJKE_BRON,
    FUNCTIES,
    GEZINSCOACH_TAKEN,
    GEZINSCOACH_VERVANGT,
    PROJECTLEIDER_TAKEN,
    SELECTIETEAM,
    STUURGROEP,
    WERVING,
    Functie,
    Orgaan,
    Werving,
)
from sociaaldomein_multiprobleem.rules import (
    DOELGROEP_LABEL,
    KRACHTWIJKEN,
    KRACHTWIJKEN_OPENING,
    MIN_PROBLEMEN,
    doelgroep,
)
from sociaaldomein_multiprobleem.selection import (
    MAX_AANVULLINGEN,
    SELECTIEREGEL,
    TOP,
    Aanwijzing,
    Aanwijzingssoort,
    Dwangafspraak,
    Selectie,
    Selectieregel,
)
from sociaaldomein_multiprobleem.termination import (
    MIN_OPZEGGERS,
    OPZEGREGELING,
    opzegregeling,
    pilot_termination,
)

__version__ = "0.1.0"

__all__ = [
    "BEKRACHTIGING",
    "BUREAU_JEUGDZORG",
    "B_EN_W",
    "DOELGROEP_LABEL",
    "DOELSTELLINGEN",
    "EINDVERANTWOORDELIJKE",
    "EINDVERANTWOORDELIJKE_BRON",
    "ESCALATIELADDER",
    "EVALUATIE_OP",
    "EXAMPLE_DATE",
    "EXPLOITATIE",
    "FINANCIER",
    "FUNCTIES",
    "FUNCTIONEEL_MANDAAT",
    "GEMEENTELIJKE_DIENSTEN",
    "GEZINSCOACH_TAKEN",
    "GEZINSCOACH_VERVANGT",
    "GRONINGEN",
    "INDICATOREN",
    "INTRAVAL",
    "KRACHTWIJKEN",
    "KRACHTWIJKEN_OPENING",
    "LETTER",
    "LOOPTIJD_DOORSTART",
    "LOOPTIJD_VERLENGDE_PILOT",
    "MANAGEMENTVERTEGENWOORDIGER",
    "MAX_AANVULLINGEN",
    "MIN_OPZEGGERS",
    "MIN_PROBLEMEN",
    "ONDERTEKENAARS",
    "OPZEGREGELING",
    "PILOTBUDGET",
    "PILOT_NAME",
    "POLITIE",
    "PROJECT",
    "PROJECTLEIDER",
    "PROJECTLEIDER_TAKEN",
    "RAAD_GEINFORMEERD",
    "READINGS",
    "REGIE",
    "RESTANT",
    "RESTANT_OP",
    "SAMENWERKINGSPARTNERS",
    "SELECTIEREGEL",
    "SELECTIETEAM",
    "SOZAWE",
    "STUURGROEP",
    "TOP",
    "WERVING",
    "WOONGEBIED",
    "ZO_NODIG_WIJKEN",
    "Aanvulling",
    "Aanwijzing",
    "Aanwijzingssoort",
    "Bekrachtiging",
    "Contactbesluit",
    "Dienst",
    "Dwangafspraak",
    "Functie",
    "Gezinsherstelplan",
    "Informatiebesluit",
    "MultiprobleemPilot",
    "Orgaan",
    "Regie",
    "Samenwerkingspartner",
    "Selectie",
    "Selectieregel",
    "Urenverdeling",
    "Werving",
    "__version__",
    "budget_lines",
    "check_advice",
    "check_contact",
    "check_plans",
    "cost_model",
    "doelgroep",
    "doorstart_periode",
    "evaluation_plan",
    "example_families",
    "families_without_plan",
    "funded_period",
    "ghp_budget",
    "informatie_toegestaan",
    "ladder",
    "opzegregeling",
    "pilot_termination",
]


_RENAMED: Final = {
    "budgetregels": "budget_lines",
    "kostenmodel": "cost_model",
    "evaluatieplan": "evaluation_plan",
    "eindregels": "pilot_termination",
    "PILOT_NAAM": "PILOT_NAME",
}
"""0.1 names, importable with a DeprecationWarning until 0.3."""


def __getattr__(name: str) -> object:
    return renamed_attribute(__name__, name, _RENAMED)
