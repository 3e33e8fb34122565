"""sociaaldomein: the governance of Dutch municipal social-domain pilots as code.

Everything a plugin author, a municipality or an analyst needs is importable
from here; the submodules hold the same names grouped by concept.
"""

from __future__ import annotations

from typing import Any

from sociaaldomein.composition import (
    Compilation,
    FundingOverview,
    FundingRow,
    Gemeente,
    PluginInfo,
    PluginSpec,
)
from sociaaldomein.domain.beeindiging import (
    BudgetUitgeput,
    DoelenBehaald,
    Einde,
    EindeLooptijd,
    GeenGegarandeerdeInstroom,
    PartnerOpzegging,
    PilotEindregel,
    PilotToestand,
    TrajectEindregel,
    TrajectToestand,
    UitstroomAlsRegel,
)
from sociaaldomein.domain.budget import Begroting, Budgetregel, Financieringsmodel, monthly_plan
from sociaaldomein.domain.citation import Citation, Letter
from sociaaldomein.domain.cohort import Cohort
from sociaaldomein.domain.compiled import CompiledPilot, FailedPilot, TerminationCheck
from sociaaldomein.domain.escalatie import Escalatie, Escalatieladder, Trede
from sociaaldomein.domain.evaluatie import (
    Evaluatiemoment,
    Evaluatieplan,
    Evaluatieresultaat,
    Indicator,
    Meting,
    MomentSoort,
)
from sociaaldomein.domain.feiten import FEITEN, Feit, FeitSoort
from sociaaldomein.domain.funding import (
    GhpAankoop,
    GhpBudget,
    Lumpsum,
    ProductVolume,
    Substitutie,
    lumpsum_from_counterfactual,
    payback_year,
    substitution_saving,
)
from sociaaldomein.domain.gebied import Gebied, GebiedNiveau, Gebiedsindeling
from sociaaldomein.domain.gezin import (
    Dwangmiddel,
    Gezin,
    Hulpvraag,
    Leveringsvorm,
    Lid,
    LidRol,
    Probleem,
    Signaal,
    Verwijzer,
    Zorg,
    Zorgsoort,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
    ZrmVersie,
)
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import (
    Advies,
    AdviesOordeel,
    AdviesStatus,
    Budgetopvang,
    Mandaat,
    MandaatRegel,
    MandaatRij,
    Samenwerkingsafspraak,
)
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.opzegging import OpzegBesluit, Opzegregeling, Opzegverzoek
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.pilot import Looptijd, Pilot, PilotStatus, Verlenging
from sociaaldomein.domain.professional import Opleidingsniveau, Organisatie, Professional, Rol
from sociaaldomein.domain.provenance import PluginFailure, PluginRef, Provenance
from sociaaldomein.domain.reading import Reading, readings_of
from sociaaldomein.domain.rules import (
    AllOf,
    AnyOf,
    AtLeast,
    Compare,
    Explanation,
    HasAll,
    HasAny,
    InGebied,
    IsTrue,
    Not,
    OneOf,
    Predicate,
    Rule,
)
from sociaaldomein.domain.verdict import Assessment, Note, Outcome, Route, Verdict
from sociaaldomein.errors import (
    CompositionError,
    InvalidValueError,
    PluginError,
    PluginFailedError,
    PluginLoadError,
    PluginLoadWarning,
    SociaaldomeinError,
    UnknownPilotError,
)
from sociaaldomein.hookspecs import hookimpl
from sociaaldomein.pilotplugin import PilotDefinition, PilotPlugin

__version__ = "0.2.0.dev0"
"""The version of the library."""

__all__ = [
    "FEITEN",
    "Advies",
    "AdviesOordeel",
    "AdviesStatus",
    "AllOf",
    "AnyOf",
    "Assessment",
    "AtLeast",
    "Begroting",
    "BudgetUitgeput",
    "Budgetopvang",
    "Budgetregel",
    "Citation",
    "Cohort",
    "Compare",
    "Compilation",
    "CompiledPilot",
    "CompositionError",
    "DoelenBehaald",
    "Dwangmiddel",
    "Einde",
    "EindeLooptijd",
    "Escalatie",
    "Escalatieladder",
    "Evaluatiemoment",
    "Evaluatieplan",
    "Evaluatieresultaat",
    "Explanation",
    "FailedPilot",
    "Feit",
    "FeitSoort",
    "Financieringsmodel",
    "FundingOverview",
    "FundingRow",
    "Gebied",
    "GebiedNiveau",
    "Gebiedsindeling",
    "GeenGegarandeerdeInstroom",
    "Gemeente",
    "Gezin",
    "GhpAankoop",
    "GhpBudget",
    "HasAll",
    "HasAny",
    "Hulpvraag",
    "InGebied",
    "Indicator",
    "InvalidValueError",
    "IsTrue",
    "Kostenmodel",
    "Letter",
    "Leveringsvorm",
    "Lid",
    "LidRol",
    "Looptijd",
    "Lumpsum",
    "Mandaat",
    "MandaatRegel",
    "MandaatRij",
    "Meting",
    "MomentSoort",
    "Money",
    "Not",
    "Note",
    "OneOf",
    "Opleidingsniveau",
    "OpzegBesluit",
    "Opzegregeling",
    "Opzegverzoek",
    "Organisatie",
    "Outcome",
    "PartnerOpzegging",
    "Periode",
    "Pilot",
    "PilotDefinition",
    "PilotEindregel",
    "PilotPlugin",
    "PilotStatus",
    "PilotToestand",
    "PluginError",
    "PluginFailedError",
    "PluginFailure",
    "PluginInfo",
    "PluginLoadError",
    "PluginLoadWarning",
    "PluginRef",
    "PluginSpec",
    "Predicate",
    "Probleem",
    "ProductVolume",
    "Professional",
    "Provenance",
    "Reading",
    "Rol",
    "Route",
    "Rule",
    "Samenwerkingsafspraak",
    "Signaal",
    "SociaaldomeinError",
    "Substitutie",
    "TerminationCheck",
    "TrajectEindregel",
    "TrajectToestand",
    "Trede",
    "UitstroomAlsRegel",
    "UnknownPilotError",
    "Verdict",
    "Verlenging",
    "Verwijzer",
    "Zorg",
    "Zorgsoort",
    "ZrmDomein",
    "ZrmMeting",
    "ZrmScores",
    "ZrmVersie",
    "__version__",
    "hookimpl",
    "lumpsum_from_counterfactual",
    "monthly_plan",
    "payback_year",
    "readings_of",
    "substitution_saving",
]


_MOVED = {
    "OUTCOME_CODES": "sociaaldomein.domain.compiled",
    "LoadedPlugin": "sociaaldomein.composition.discovery",
    "load_entry_points": "sociaaldomein.composition.discovery",
}


def __getattr__(name: str) -> Any:
    # Names that 0.1 exported from the root but that no plugin author, municipality
    # or analyst needs there; they keep working until 0.3.
    if name in _MOVED:
        import importlib
        import warnings

        module = _MOVED[name]
        warnings.warn(
            f"sociaaldomein.{name} is deprecated: import it from {module} (until 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(module), name)
    raise AttributeError(f"module 'sociaaldomein' has no attribute {name!r}")
