"""The pilot contract: a pilot is one object, every answer has an owner, failures stay their own."""

from __future__ import annotations

import sys
import typing
from collections.abc import Generator, Sequence

import attrs
import pendulum
import pytest

from sociaaldomein import (
    FEITEN,
    AllOf,
    Citation,
    CompiledPilot,
    Gemeente,
    Kostenmodel,
    Money,
    OneOf,
    Outcome,
    Pilot,
    PilotDefinition,
    PluginFailedError,
    Rule,
    hookimpl,
)
from sociaaldomein.aspects import ASPECTS
from sociaaldomein.testing import ToyPilot, make_gezin

ON = pendulum.date(2024, 6, 1)
BELEID = Citation("beleidsregel-2024.txt", "Artikel 1")
TWO = ["SCHULDEN", "VERSLAVING"]


class Tuinwijk:
    """A policy: the toy pilot only in Tuinwijk, through the wrapper mechanism."""

    @hookimpl(wrapper=True)
    def sociaaldomein_eligibility(self, pilot: Pilot) -> Generator[None, Rule, Rule]:
        rule = yield
        if pilot.naam != "toy":
            return rule
        return AllOf([rule, OneOf(FEITEN.wijk, ["Tuinwijk"], source=BELEID)])


class Greedy:
    """A 0.1-style policy that answers eligibility for every pilot, first."""

    @hookimpl(tryfirst=True)
    def sociaaldomein_eligibility(self, pilot: Pilot) -> Rule:
        return OneOf(FEITEN.wijk, ["Nergens"], source=BELEID)


def test_a_plugin_answering_for_a_pilot_it_does_not_provide_is_refused() -> None:
    with pytest.warns(DeprecationWarning, match="0.1 contract"):
        gemeente = Gemeente(plugins=[ToyPilot(), Greedy()])
    gezin = make_gezin(problemen=TWO)
    assert gemeente.assess(gezin, ON)["toy"].outcome is Outcome.ELIGIBLE, "the provider's rule"
    (failure,) = gemeente.failures
    assert failure.plugin.name == "greedy"
    assert failure.pilot == "toy"
    assert "answered for pilot 'toy', which plugin 'toy' (sociaaldomein" in failure.message()
    assert "wrapper=True" in failure.message()


def test_a_policy_change_shows_its_provenance_in_the_explanation() -> None:
    gemeente = Gemeente(plugins=[ToyPilot(), ToyPilot("other"), Tuinwijk()])
    verdict = gemeente.assess(make_gezin(problemen=TWO, wijk="Selwerd"), ON)["toy"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    assert verdict.provenance is not None
    assert [p.name for p in verdict.provenance.changed_by] == ["tuinwijk"]
    assert "from plugin 'toy'" in verdict.render()
    assert "changed by 'tuinwijk'" in verdict.render()
    untouched = gemeente.compiled("other").provenance["eligibility"]
    assert untouched.changed_by == (), "a wrapper that returns the answer unchanged changes nothing"


def test_policies_apply_innermost_first_and_are_listed_in_that_order() -> None:
    class Plus:
        def __init__(self, amount: int) -> None:
            self.amount = amount

        @hookimpl(wrapper=True)
        def sociaaldomein_cost_model(
            self, pilot: Pilot
        ) -> Generator[None, Kostenmodel | None, Kostenmodel]:
            kosten = yield
            base = kosten or Kostenmodel()
            return attrs.evolve(base, vast_per_maand=base.vast_per_maand + Money(self.amount))

    gemeente = Gemeente(plugins=[ToyPilot()])
    gemeente.register(Plus(1), "first")
    gemeente.register(Plus(10), "second")
    compiled = gemeente.compiled("toy")
    assert compiled.cost_model is not None
    assert compiled.cost_model.vast_per_maand == Money(11)
    changed = [p.name for p in compiled.provenance["cost_model"].changed_by]
    assert changed == ["first", "second"]


class Raising(ToyPilot):
    def eligibility(self) -> Rule:
        raise RuntimeError("rule table missing")


class Exiting(ToyPilot):
    def funding(self) -> Sequence[object]:  # type: ignore[override]
        sys.exit(3)


class WrongType(ToyPilot):
    def routes(self) -> Sequence[object]:  # type: ignore[override]
        return ["not a route"]


class WrongSignature(ToyPilot):
    def eligibility(self, pilot: Pilot) -> Rule:  # type: ignore[override]
        return super().eligibility()


class Printing(ToyPilot):
    def eligibility(self) -> Rule:
        print("debug output of a plugin")
        return super().eligibility()


class BadHookSignature:
    """A policy whose wrapper takes an argument the spec does not have."""

    @hookimpl(wrapper=True)
    def sociaaldomein_eligibility(self, pilot: Pilot, gezin: object) -> Generator[None, Rule, Rule]:
        return (yield)

    @hookimpl
    def sociaaldomein_pilots(self) -> Sequence[PilotDefinition]:
        return [ToyPilot("bad-signature")]


@pytest.mark.parametrize(
    ("broken", "call", "error"),
    [
        (Raising("broken"), "eligibility()", "RuntimeError: rule table missing"),
        (Exiting("broken"), "funding()", "sys.exit(3)"),
        (WrongType("broken"), "routes()", "where Route values were expected"),
        (WrongSignature("broken"), "eligibility()", "TypeError"),
    ],
)
def test_a_call_time_failure_is_contained_and_named(
    broken: ToyPilot, call: str, error: str
) -> None:
    gemeente = Gemeente(plugins=[ToyPilot("before"), broken, ToyPilot("after")])
    gezin = make_gezin(problemen=TWO)
    assessment = gemeente.assess(gezin, ON)
    assert assessment["before"].outcome is Outcome.ELIGIBLE
    assert assessment["after"].outcome is Outcome.ELIGIBLE
    verdict = assessment["broken"]
    assert verdict.outcome is Outcome.FAILED
    assert verdict.failure is not None
    assert (verdict.failure.plugin.name, verdict.failure.call) == ("broken", call)
    assert error in verdict.render()
    assert "could not be assessed: plugin 'broken'" in verdict.render()
    assert "--no-plugin broken" in verdict.render()
    overview = gemeente.funding_overview()
    assert set(overview.per_pilot()) == {"before", "after"}
    assert "broken: could not be assessed" in overview.render()
    info = {i.ref.name: i for i in gemeente.plugins_info()}
    assert [f.call for f in info["broken"].failures] == [call]
    assert info["before"].failures == ()
    with pytest.raises(PluginFailedError, match=call.replace("(", r"\(").replace(")", r"\)")):
        Gemeente(plugins=[ToyPilot("before"), broken], strict=True).compile()


def test_a_hook_with_a_wrong_signature_is_kept_as_a_failed_plugin() -> None:
    gemeente = Gemeente(plugins=[ToyPilot(), BadHookSignature()])
    verdict = gemeente.assess(make_gezin(problemen=TWO), ON)
    assert verdict["toy"].outcome is Outcome.ELIGIBLE
    assert verdict["bad-signature"].outcome is Outcome.FAILED
    assert "registration" in verdict["bad-signature"].render()
    assert [i.ref.name for i in gemeente.plugins_info()] == ["toy", "bad-hook-signature"]


def test_a_plugin_that_prints_never_writes_to_standard_output(
    capsys: pytest.CaptureFixture[str],
) -> None:
    Gemeente(plugins=[Printing()]).assess(make_gezin(problemen=TWO), ON)
    out, err = capsys.readouterr()
    assert out == ""
    assert "debug output of a plugin" in err


def test_a_keyboard_interrupt_in_a_plugin_still_stops_the_program() -> None:
    class Interrupted(ToyPilot):
        def eligibility(self) -> Rule:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Gemeente(plugins=[Interrupted()]).compile()


def test_a_rule_that_fails_while_it_is_evaluated_fails_that_verdict_only() -> None:
    from sociaaldomein import Predicate

    def boom(gezin: object, on: object) -> bool:
        raise ZeroDivisionError("division by zero")

    class Fragile(ToyPilot):
        def eligibility(self) -> Rule:
            return Predicate("fragile", boom, source=BELEID)

    assessment = Gemeente(plugins=[Fragile("fragile"), ToyPilot()]).assess(make_gezin(), ON)
    assert assessment["fragile"].outcome is Outcome.FAILED
    assert "evaluating the rule" in assessment["fragile"].render()
    assert assessment["toy"].outcome is Outcome.NOT_ELIGIBLE


def test_a_plugin_registered_without_a_name_is_named_readably() -> None:
    class Quiet:
        @hookimpl(wrapper=True)
        def sociaaldomein_routes(self, pilot: Pilot) -> Generator[None, object, object]:
            return (yield)

    gemeente = Gemeente(plugins=[ToyPilot(), Quiet(), Quiet()])
    assert gemeente.plugin_names() == ["toy", "quiet", "quiet-2"]


def test_a_01_plugin_still_works_with_a_deprecation_warning() -> None:
    class Old:
        pilot = ToyPilot("old").pilot

        @hookimpl
        def sociaaldomein_pilots(self) -> Sequence[Pilot]:
            return [self.pilot]

        @hookimpl
        def sociaaldomein_eligibility(self, pilot: Pilot) -> Rule | None:
            return ToyPilot().eligibility() if pilot.naam == "old" else None

        @hookimpl
        def sociaaldomein_mandaat(self, pilot: Pilot) -> None:
            return None

    with pytest.warns(DeprecationWarning, match=r"0\.1 contract|is renamed") as caught:
        gemeente = Gemeente(plugins=[Old(), ToyPilot()])
    messages = " ".join(str(w.message) for w in caught)
    assert "sociaaldomein_mandaat is renamed sociaaldomein_mandate" in messages
    assert "subclass sociaaldomein.PilotPlugin" in messages
    assessment = gemeente.assess(make_gezin(problemen=TWO), ON)
    assert assessment["old"].outcome is Outcome.ELIGIBLE
    assert assessment["toy"].outcome is Outcome.ELIGIBLE
    assert gemeente.failures == ()


def test_a_01_pilot_plugin_with_a_dutch_mandate_method_keeps_working() -> None:
    with pytest.warns(DeprecationWarning, match=r"mandaat\(\) is renamed mandate\(\)"):

        class Old(ToyPilot):
            def mandaat(self) -> None:
                return None

    assert Gemeente(plugins=[Old()]).compiled("toy").mandate is None


def test_the_01_gemeente_methods_warn_and_answer() -> None:
    gemeente = Gemeente(plugins=[ToyPilot()])
    with pytest.warns(DeprecationWarning, match=r"use Gemeente.compiled\(name\).pilot_termination"):
        rules = gemeente.termination_rules("toy")
    assert rules == gemeente.compiled("toy").pilot_termination


def test_every_hook_is_one_aspect_of_the_definition_and_one_field_of_the_compiled_pilot() -> None:
    fields = typing.get_type_hints(CompiledPilot)
    for aspect in ASPECTS:
        method = getattr(PilotDefinition, aspect.name)
        returns = typing.get_type_hints(method)["return"]
        assert aspect.kind in (typing.get_args(returns) or (returns,)) or aspect.kind in [
            a for arg in typing.get_args(returns) for a in typing.get_args(arg)
        ], aspect
        assert aspect.name in fields, f"CompiledPilot has no field {aspect.name}"
    names = [f.name for f in attrs.fields(CompiledPilot)]
    answers = names[1 : names.index("provided_by")]
    assert answers == [a.name for a in ASPECTS], "CompiledPilot's answers follow the hook order"


def test_the_root_exports_only_public_names() -> None:
    import sociaaldomein

    assert "OUTCOME_CODES" not in sociaaldomein.__all__
    assert "LoadedPlugin" not in sociaaldomein.__all__
    with pytest.warns(DeprecationWarning, match="import it from sociaaldomein.domain.compiled"):
        codes = sociaaldomein.OUTCOME_CODES
    assert codes[Outcome.FAILED] == len(Outcome) - 1


# The simulation works from compiled values ---------------------------------------


class Counted(ToyPilot):
    """A toy pilot that counts every call the composition makes into it."""

    calls = 0

    def eligibility(self) -> Rule:
        Counted.calls += 1
        return super().eligibility()

    def funding(self) -> Sequence[object]:  # type: ignore[override]
        Counted.calls += 1
        return super().funding()

    def pilot_termination(self) -> Sequence[object]:  # type: ignore[override]
        Counted.calls += 1
        return super().pilot_termination()


def test_a_simulation_calls_no_plugin_after_compiling_and_holds_no_composition() -> None:
    from sociaaldomein.simulation import Settings, generate_cohort, simulate
    from sociaaldomein.simulation.model import build_model

    gemeente = Gemeente(plugins=[Counted()])
    compiled = gemeente.compile()
    before = Counted.calls
    settings = Settings(pendulum.date(2024, 1, 1), months=6)
    cohort = generate_cohort(300, seed=3)
    results = simulate(gemeente, cohort, settings, runs=4, seed=1)
    model = build_model(compiled, cohort, settings)
    assert Counted.calls == before, "no plugin call inside a simulation"
    assert not any(isinstance(v, Gemeente) for v in attrs.astuple(model, recurse=False))
    assert results.runs == 4


# Three months of a toy no referred family is eligible for: the summary notes it, too.
@pytest.mark.filterwarnings("ignore::sociaaldomein.simulation.results.NoFamilyWarning")
def test_a_pilot_whose_plugin_failed_is_left_out_of_a_simulation_with_a_line() -> None:
    from sociaaldomein.simulation import Settings, generate_cohort, simulate

    gemeente = Gemeente(plugins=[ToyPilot(), Raising("broken")])
    settings = Settings(pendulum.date(2024, 1, 1), months=3)
    results = simulate(gemeente, generate_cohort(200, seed=2), settings, runs=2)
    assert results.pilots == ("toy",)
    rendered = results.summary().render()
    assert "broken: could not be simulated: plugin 'broken'" in rendered


def test_a_01_pilot_plugin_that_overrides_a_hook_keeps_its_answer() -> None:
    from sociaaldomein import HasAny, Route, Signaal

    class OldRoutes(ToyPilot):
        @hookimpl
        def sociaaldomein_routes(self, pilot: Pilot) -> Sequence[Route] | None:
            if pilot.naam != self.pilot.naam:
                return None
            crisis = HasAny(FEITEN.signalen, {Signaal.ACUTE_CRISIS}, source=BELEID)
            return [Route(crisis, Outcome.REFERRED, "crisisdienst", "crisis first", BELEID)]

    with pytest.warns(DeprecationWarning, match="sociaaldomein_routes as plain hooks"):
        gemeente = Gemeente(plugins=[OldRoutes()])
    gezin = make_gezin(problemen=TWO, signalen=["ACUTE_CRISIS"])
    verdict = gemeente.assess(gezin, ON)["toy"]
    assert (verdict.outcome, verdict.to) == (Outcome.REFERRED, "crisisdienst")
    assert gemeente.failures == ()
