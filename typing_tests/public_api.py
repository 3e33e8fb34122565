"""Type-checked only (``nox -s typecheck``): the public API types well for a plugin author.

Never run; mypy --strict checks that each ``assert_type`` holds, so a change
that loses a type (an ``Any`` leaking from pluggy, say) fails the checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, assert_type

import numpy.typing as npt
import pendulum

from sociaaldomein import (
    FEITEN,
    AllOf,
    Assessment,
    Begroting,
    Citation,
    Cohort,
    Compare,
    Compilation,
    CompiledPilot,
    Escalatieladder,
    Evaluatieplan,
    Explanation,
    FailedPilot,
    FundingOverview,
    Gemeente,
    Gezin,
    Kostenmodel,
    Mandaat,
    Money,
    Not,
    Outcome,
    Pilot,
    PilotDefinition,
    PilotPlugin,
    PilotToestand,
    PluginFailure,
    PluginInfo,
    PluginRef,
    Provenance,
    Route,
    Rule,
    TerminationCheck,
    Verdict,
)
from sociaaldomein.testing import ToyPilot, make_gezin

SOURCE = Citation("brief.txt", "1. Doelgroep")


class MyPilot(PilotPlugin):
    """A plugin author's pilot: the base class's methods keep their types."""

    def __init__(self, pilot: Pilot) -> None:
        self.pilot = pilot

    def eligibility(self) -> Rule:
        return Compare(FEITEN.aantal_problemen, ">=", 3, source=SOURCE)

    def routes(self) -> Sequence[Route]:
        return ()

    def cost_model(self) -> Kostenmodel:
        return Kostenmodel(vast_per_maand=Money(14_000), bron=SOURCE, afgeleid=True)


def composition(gezin: Gezin, on: pendulum.Date) -> None:
    gemeente = Gemeente("Groningen", plugins=[ToyPilot()])
    assert_type(gemeente.assess(gezin, on), Assessment)
    assert_type(gemeente.assess(gezin, on)["toy"], Verdict)
    assert_type(gemeente.assess(gezin, on)["toy"].outcome, Outcome)
    assert_type(gemeente.compiled("toy").eligibility, Rule)
    assert_type(gemeente.compiled("toy").routes, tuple[Route, ...])
    assert_type(gemeente.funding(), Begroting)
    assert_type(gemeente.funding_overview(), FundingOverview)
    assert_type(gemeente.compiled("toy").mandate, Mandaat | None)
    assert_type(gemeente.compiled("toy").escalation, Escalatieladder | None)
    assert_type(gemeente.compiled("toy").evaluation_plan, Evaluatieplan | None)
    assert_type(gemeente.compiled("toy").cost_model, Kostenmodel | None)
    assert_type(gemeente.pilots["toy"], Pilot)
    cohort = Cohort.from_gezinnen([gezin])
    assert_type(gemeente.compiled("toy").outcomes(cohort, on), npt.NDArray[Any])
    assert_type(gemeente.check_termination("toy", PilotToestand(on)), TerminationCheck)


def rules(gezin: Gezin, on: pendulum.Date) -> None:
    rule = Compare(FEITEN.aantal_problemen, ">=", 3, source=SOURCE)
    assert_type(rule.explain(gezin, on), Explanation)
    assert_type(rule.passes(gezin, on), bool)
    assert_type(rule & rule, AllOf)
    assert_type(~rule, Not)
    assert_type(rule.describe(), str)


def money() -> None:
    total = Money(42_000) + Money("168000")
    assert_type(total, Money)
    assert_type(total.amount, Decimal)
    assert_type(total.split(24), list[Money])
    assert_type(total / Money(1), Decimal)


def plugin_extension(plugin: MyPilot, on: pendulum.Date) -> None:
    assert_type(plugin.extend(on, reason="evaluated well"), MyPilot)
    assert_type(make_gezin(), Gezin)


def contract(gezin: Gezin, on: pendulum.Date) -> None:
    """The 2.0 contract types well: definitions, compilations, provenance, failures."""
    gemeente = Gemeente("Groningen", plugins=[ToyPilot()])
    definition: PilotDefinition = MyPilot(ToyPilot().pilot)
    assert_type(definition.eligibility(), Rule)
    compilation = gemeente.compile()
    assert_type(compilation, Compilation)
    assert_type(compilation["toy"], CompiledPilot)
    assert_type(compilation.get_any("toy"), CompiledPilot | FailedPilot)
    assert_type(compilation.failures, tuple[PluginFailure, ...])
    assert_type(gemeente.compiled("toy").provenance["eligibility"], Provenance)
    assert_type(gemeente.compiled("toy").provided_by, PluginRef)
    verdict = gemeente.assess(gezin, on)["toy"]
    assert_type(verdict.provenance, Provenance | None)
    assert_type(verdict.failure, PluginFailure | None)
    assert_type(gemeente.plugins_info(), list[PluginInfo])


def declared_facts(gezin: Gezin, on: pendulum.Date) -> None:
    """A plugin's own facts, terms and observations type well."""
    from sociaaldomein import Feit, Feitenregister, FeitSoort, Observatie, Recent, Term

    bron = Citation("brief.txt", "2")
    schuld = Feit.declare("schuldhulp.schuld", FeitSoort.MONEY, "the debt", bron=bron)
    assert_type(schuld, Feit)
    beslag = Term("problemen", "schuldhulp.beslag", "beslag", bron=bron)
    register = Feitenregister.core().declare([schuld, beslag], by="schuldhulp")
    assert_type(register.fact("schuldhulp.schuld"), Feit)
    assert_type(register.term("problemen", "schuldhulp.beslag"), Term)
    assert_type(Gemeente(plugins=[ToyPilot()]).feiten, Feitenregister)
    assert_type(Compare(schuld, ">=", Money(1000), source=bron).passes(gezin, on), bool)
    assert_type(Recent(FEITEN.zrm_laagste, source=bron), Recent)
    assert_type(Observatie(3, on).age_on(on), int)
