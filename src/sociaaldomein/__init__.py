"""sociaaldomein: the governance of Dutch municipal social-domain pilots as code.

Everything a plugin author, a municipality or an analyst needs is importable
from here; the submodules hold the same names grouped by concept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
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
    from sociaaldomein.domain.feitenregister import Feitenregister
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
    from sociaaldomein.domain.observatie import Observatie
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
        Recent,
        Rule,
    )
    from sociaaldomein.domain.verdict import Assessment, Note, Outcome, Route, Verdict
    from sociaaldomein.domain.vocabulary import Term
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
    "Feitenregister",
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
    "Observatie",
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
    "Recent",
    "Rol",
    "Route",
    "Rule",
    "Samenwerkingsafspraak",
    "Signaal",
    "SociaaldomeinError",
    "Substitutie",
    "Term",
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


_PUBLIC: Final[dict[str, str]] = {
    "Compilation": "sociaaldomein.composition",
    "FundingOverview": "sociaaldomein.composition",
    "FundingRow": "sociaaldomein.composition",
    "Gemeente": "sociaaldomein.composition",
    "PluginInfo": "sociaaldomein.composition",
    "PluginSpec": "sociaaldomein.composition",
    "BudgetUitgeput": "sociaaldomein.domain.beeindiging",
    "DoelenBehaald": "sociaaldomein.domain.beeindiging",
    "Einde": "sociaaldomein.domain.beeindiging",
    "EindeLooptijd": "sociaaldomein.domain.beeindiging",
    "GeenGegarandeerdeInstroom": "sociaaldomein.domain.beeindiging",
    "PartnerOpzegging": "sociaaldomein.domain.beeindiging",
    "PilotEindregel": "sociaaldomein.domain.beeindiging",
    "PilotToestand": "sociaaldomein.domain.beeindiging",
    "TrajectEindregel": "sociaaldomein.domain.beeindiging",
    "TrajectToestand": "sociaaldomein.domain.beeindiging",
    "UitstroomAlsRegel": "sociaaldomein.domain.beeindiging",
    "Begroting": "sociaaldomein.domain.budget",
    "Budgetregel": "sociaaldomein.domain.budget",
    "Financieringsmodel": "sociaaldomein.domain.budget",
    "monthly_plan": "sociaaldomein.domain.budget",
    "Citation": "sociaaldomein.domain.citation",
    "Letter": "sociaaldomein.domain.citation",
    "Cohort": "sociaaldomein.domain.cohort",
    "CompiledPilot": "sociaaldomein.domain.compiled",
    "FailedPilot": "sociaaldomein.domain.compiled",
    "TerminationCheck": "sociaaldomein.domain.compiled",
    "Escalatie": "sociaaldomein.domain.escalatie",
    "Escalatieladder": "sociaaldomein.domain.escalatie",
    "Trede": "sociaaldomein.domain.escalatie",
    "Evaluatiemoment": "sociaaldomein.domain.evaluatie",
    "Evaluatieplan": "sociaaldomein.domain.evaluatie",
    "Evaluatieresultaat": "sociaaldomein.domain.evaluatie",
    "Indicator": "sociaaldomein.domain.evaluatie",
    "Meting": "sociaaldomein.domain.evaluatie",
    "MomentSoort": "sociaaldomein.domain.evaluatie",
    "FEITEN": "sociaaldomein.domain.feiten",
    "Feit": "sociaaldomein.domain.feiten",
    "FeitSoort": "sociaaldomein.domain.feiten",
    "Feitenregister": "sociaaldomein.domain.feitenregister",
    "Observatie": "sociaaldomein.domain.observatie",
    "Term": "sociaaldomein.domain.vocabulary",
    "Recent": "sociaaldomein.domain.rules",
    "GhpAankoop": "sociaaldomein.domain.funding",
    "GhpBudget": "sociaaldomein.domain.funding",
    "Lumpsum": "sociaaldomein.domain.funding",
    "ProductVolume": "sociaaldomein.domain.funding",
    "Substitutie": "sociaaldomein.domain.funding",
    "lumpsum_from_counterfactual": "sociaaldomein.domain.funding",
    "payback_year": "sociaaldomein.domain.funding",
    "substitution_saving": "sociaaldomein.domain.funding",
    "Gebied": "sociaaldomein.domain.gebied",
    "GebiedNiveau": "sociaaldomein.domain.gebied",
    "Gebiedsindeling": "sociaaldomein.domain.gebied",
    "Dwangmiddel": "sociaaldomein.domain.gezin",
    "Gezin": "sociaaldomein.domain.gezin",
    "Hulpvraag": "sociaaldomein.domain.gezin",
    "Leveringsvorm": "sociaaldomein.domain.gezin",
    "Lid": "sociaaldomein.domain.gezin",
    "LidRol": "sociaaldomein.domain.gezin",
    "Probleem": "sociaaldomein.domain.gezin",
    "Signaal": "sociaaldomein.domain.gezin",
    "Verwijzer": "sociaaldomein.domain.gezin",
    "Zorg": "sociaaldomein.domain.gezin",
    "Zorgsoort": "sociaaldomein.domain.gezin",
    "ZrmDomein": "sociaaldomein.domain.gezin",
    "ZrmMeting": "sociaaldomein.domain.gezin",
    "ZrmScores": "sociaaldomein.domain.gezin",
    "ZrmVersie": "sociaaldomein.domain.gezin",
    "Kostenmodel": "sociaaldomein.domain.kosten",
    "Advies": "sociaaldomein.domain.mandaat",
    "AdviesOordeel": "sociaaldomein.domain.mandaat",
    "AdviesStatus": "sociaaldomein.domain.mandaat",
    "Budgetopvang": "sociaaldomein.domain.mandaat",
    "Mandaat": "sociaaldomein.domain.mandaat",
    "MandaatRegel": "sociaaldomein.domain.mandaat",
    "MandaatRij": "sociaaldomein.domain.mandaat",
    "Samenwerkingsafspraak": "sociaaldomein.domain.mandaat",
    "Money": "sociaaldomein.domain.money",
    "OpzegBesluit": "sociaaldomein.domain.opzegging",
    "Opzegregeling": "sociaaldomein.domain.opzegging",
    "Opzegverzoek": "sociaaldomein.domain.opzegging",
    "Periode": "sociaaldomein.domain.periode",
    "Looptijd": "sociaaldomein.domain.pilot",
    "Pilot": "sociaaldomein.domain.pilot",
    "PilotStatus": "sociaaldomein.domain.pilot",
    "Verlenging": "sociaaldomein.domain.pilot",
    "Opleidingsniveau": "sociaaldomein.domain.professional",
    "Organisatie": "sociaaldomein.domain.professional",
    "Professional": "sociaaldomein.domain.professional",
    "Rol": "sociaaldomein.domain.professional",
    "PluginFailure": "sociaaldomein.domain.provenance",
    "PluginRef": "sociaaldomein.domain.provenance",
    "Provenance": "sociaaldomein.domain.provenance",
    "Reading": "sociaaldomein.domain.reading",
    "readings_of": "sociaaldomein.domain.reading",
    "AllOf": "sociaaldomein.domain.rules",
    "AnyOf": "sociaaldomein.domain.rules",
    "AtLeast": "sociaaldomein.domain.rules",
    "Compare": "sociaaldomein.domain.rules",
    "Explanation": "sociaaldomein.domain.rules",
    "HasAll": "sociaaldomein.domain.rules",
    "HasAny": "sociaaldomein.domain.rules",
    "InGebied": "sociaaldomein.domain.rules",
    "IsTrue": "sociaaldomein.domain.rules",
    "Not": "sociaaldomein.domain.rules",
    "OneOf": "sociaaldomein.domain.rules",
    "Predicate": "sociaaldomein.domain.rules",
    "Rule": "sociaaldomein.domain.rules",
    "Assessment": "sociaaldomein.domain.verdict",
    "Note": "sociaaldomein.domain.verdict",
    "Outcome": "sociaaldomein.domain.verdict",
    "Route": "sociaaldomein.domain.verdict",
    "Verdict": "sociaaldomein.domain.verdict",
    "CompositionError": "sociaaldomein.errors",
    "InvalidValueError": "sociaaldomein.errors",
    "PluginError": "sociaaldomein.errors",
    "PluginFailedError": "sociaaldomein.errors",
    "PluginLoadError": "sociaaldomein.errors",
    "PluginLoadWarning": "sociaaldomein.errors",
    "SociaaldomeinError": "sociaaldomein.errors",
    "UnknownPilotError": "sociaaldomein.errors",
    "hookimpl": "sociaaldomein.hookspecs",
    "PilotDefinition": "sociaaldomein.pilotplugin",
    "PilotPlugin": "sociaaldomein.pilotplugin",
}
"""Every public name and the module that defines it.

``import sociaaldomein`` imports none of them: a name's module is imported the
first time the name is used (:func:`__getattr__`), so that a command or a
script pays only for what it uses.  The imports above, for type checkers only,
list the same names; a test keeps the two alike.
"""

_MOVED = {
    "OUTCOME_CODES": "sociaaldomein.domain.compiled",
    "LoadedPlugin": "sociaaldomein.composition.discovery",
    "load_entry_points": "sociaaldomein.composition.discovery",
}


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is not None:
        import importlib

        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # the next look-up is an ordinary attribute
        return value
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


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})
