"""The engine: capacity, waitlist priority, money, termination, and the two kernels agreeing."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    BudgetUitgeput,
    Citation,
    Cohort,
    Compare,
    Gemeente,
    InvalidValueError,
    Kostenmodel,
    Money,
    Opzegregeling,
    PartnerOpzegging,
    PilotEindregel,
    Predicate,
    Rule,
)
from sociaaldomein.simulation import (
    DEFAULT_COSTS,
    PartnerVote,
    Phase,
    PilotDesign,
    Settings,
    generate_cohort,
    simulate,
)
from sociaaldomein.simulation.kernel import run_columnar
from sociaaldomein.simulation.model import Model, build_model, money
from sociaaldomein.simulation.objects import run_objects
from sociaaldomein.simulation.runs import Batch, series_index
from sociaaldomein.testing import ToyPilot

START = pendulum.date(2024, 1, 1)
SOURCE = Citation("sim-test.txt", "1")


class VotingPilot(ToyPilot):
    """A toy pilot that also ends by a partner vote (2 of A, B, C) or when money runs out."""

    def pilot_termination(self) -> Sequence[PilotEindregel]:
        return [
            PartnerOpzegging(Opzegregeling(2, ("A", "B", "C")), SOURCE),
            BudgetUitgeput(SOURCE),
        ]


class LooseRulePilot(ToyPilot):
    """A toy pilot whose rule reads the problems and a static fact, for the dynamics."""

    def eligibility(self) -> Rule:
        many = Compare(FEITEN.aantal_problemen, ">=", self.min_problems, source=SOURCE)
        kids = Compare(FEITEN.aantal_kinderen, ">=", 2, source=SOURCE)
        return many | kids if self.min_problems > 2 else many & ~kids


class StaffedPilot(ToyPilot):
    """A toy pilot whose plugin gives a cost model: staff a month and an intake."""

    calls = 0

    def cost_model(self) -> Kostenmodel:
        StaffedPilot.calls += 1
        return Kostenmodel(
            vast_per_maand=Money(1_000), per_instroom=Money(50), bron=SOURCE, afgeleid=True
        )


class RulePilot(ToyPilot):
    """A toy pilot with the eligibility rule it is given."""

    def __init__(self, rule: Rule, name: str = "toy", **kwargs: object) -> None:
        super().__init__(name, **kwargs)  # type: ignore[arg-type]
        self.rule = rule

    def eligibility(self) -> Rule:
        return self.rule


def _capped(plugin: ToyPilot, total: int | None) -> ToyPilot:
    """``plugin`` with a cap on the families admitted in total (``Pilot.max_totaal``)."""
    plugin.pilot = attrs.evolve(plugin.pilot, max_totaal=total, max_totaal_bron=SOURCE)
    return plugin


def _counted(n: int) -> Predicate:
    """The number of problems at least ``n``, as a Python predicate rather than a Compare."""
    return Predicate(
        f"at least {n} problems, counted",
        lambda g, on: len(g.problemen) >= n,
        lambda c, on: np.bitwise_count(c.column("problemen")) >= n,
        source=SOURCE,
        facts=[FEITEN.aantal_problemen],
    )


def _equal(a: Batch, b: Batch) -> None:
    for name in ("series", "assessed", "ended_month", "ended_by", "extended"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


def test_capacity_is_never_exceeded() -> None:
    r = simulate(
        Gemeente(plugins=[ToyPilot(capacity=3, min_problems=1, per_year=Money(10**7))]),
        generate_cohort(2_000, seed=2),
        Settings(START, months=24, referral_probability=0.05),
        runs=20,
        seed=1,
    )
    enrolled = r.series("enrolled", "toy")
    assert enrolled.max() == 3
    assert r.series("waiting", "toy").max() > 0


def test_intake_stops_when_the_total_is_reached_though_places_are_free() -> None:
    """At once 3 (``capaciteit``), in total 5 (``max_totaal``): two limits, both kept."""
    toy = _capped(ToyPilot(capacity=3, min_problems=1, per_year=Money(10**7)), 5)
    r = simulate(
        Gemeente(plugins=[toy]),
        generate_cohort(2_000, seed=2),
        Settings(
            START,
            months=24,
            referral_probability=0.05,
            default=PilotDesign(progress_probability=0.5),
        ),
        runs=5,
        seed=1,
    )
    admitted = r.series("admitted", "toy").sum(axis=1)
    assert (admitted == 5).all()
    assert r.series("enrolled", "toy").max() == 3
    enrolled, open_ = r.series("enrolled", "toy"), r.series("intake_open", "toy")
    # from the month after the fifth family came in, intake is closed for good,
    # even with places free
    full = (np.cumsum(r.series("admitted", "toy"), axis=1) - r.series("admitted", "toy")) >= 5
    assert not open_[full].any()
    assert (enrolled[full] < 3).any()


def _priority_cohort() -> Cohort:
    # Row 0: one problem, ZRM 1 aiming at 5 (stays long).  Row 1: three problems,
    # ZRM 5 (its goals are met the month after it is admitted).
    columns = {
        "problemen": [0b1, 0b111],
        "zrm.financien": [1, 5],
        "zrm_haalbaar.financien": [5, 5],
        "zrm_afgenomen": [START.toordinal()] * 2,
    }
    return Cohort.from_columns(["stays", "done-soon"], columns)


@pytest.mark.parametrize(("priority", "goals_in_month_1"), [("problems", 1), ("fifo", 0)])
def test_waitlist_priority_decides_who_goes_first(priority: str, goals_in_month_1: int) -> None:
    design = PilotDesign(
        capacity=1,
        priority=priority,  # type: ignore[arg-type]
        progress_probability=0,
        setback_probability=0,
        regular_care_probability=0,
        step_down_probability=0,
        waitlist_leave_probability=0,
        max_months=None,
        cost_per_family_month=Money(0),
    )
    r = simulate(
        Gemeente(plugins=[ToyPilot(min_problems=1)]),
        _priority_cohort(),
        Settings(START, months=3, referral_probability=1.0, default=design),
        runs=1,
    )
    assert r.series("admitted", "toy")[0, 0] == 1
    assert r.series("exit_goals", "toy")[0, 1] == goals_in_month_1


def test_a_pilot_without_a_cost_model_costs_the_generic_default() -> None:
    model = build_model(
        Gemeente(plugins=[ToyPilot()]), generate_cohort(50, seed=1), Settings(START, months=3)
    )
    assert model.costs == (DEFAULT_COSTS,)
    assert Kostenmodel(per_gezin_per_maand=Money(750), illustratief=True) == DEFAULT_COSTS
    assert (model.fixed_cents[0], model.family_cents[0], model.intake_cents[0]) == (0, 75_000, 0)


def test_the_pilots_cost_model_is_the_default_of_its_design_field_by_field() -> None:
    gemeente = Gemeente(plugins=[StaffedPilot(per_year=Money(12_000))])
    cohort = generate_cohort(50, seed=1)
    own = build_model(gemeente, cohort, Settings(START, months=3))
    assert own.costs == (gemeente.compiled("toy").cost_model,)
    assert (own.fixed_cents[0], own.family_cents[0], own.intake_cents[0]) == (100_000, 0, 5_000)

    # A cost the analyst sets overrides the plugin's; the others stay the plugin's.
    settings = Settings(START, months=3).with_values({"toy.cost_per_family_month": "200.00"})
    mixed = build_model(gemeente, cohort, settings)
    assert (mixed.fixed_cents[0], mixed.family_cents[0], mixed.intake_cents[0]) == (
        100_000,
        20_000,
        5_000,
    )
    assert mixed.costs[0].bron is None, "the figures are the analyst's now"
    # Set back to None, the cost is the plugin's again.
    back = settings.with_values({"toy.cost_per_family_month": None})
    assert build_model(gemeente, cohort, back).costs == own.costs


def test_a_default_design_spends_the_pilots_fixed_costs_and_intakes_exactly() -> None:
    gemeente = Gemeente(plugins=[StaffedPilot(capacity=3, min_problems=1, per_year=Money(20_000))])
    r = simulate(
        gemeente,
        generate_cohort(500, seed=2),
        Settings(START, months=12, referral_probability=0.05),
        runs=4,
        seed=1,
    )
    for run in range(4):
        admitted = int(r.series("admitted", "toy")[run].sum())
        assert admitted > 0
        assert r.spent("toy", run) == Money(1_000) * 12 + Money(50) * admitted
        assert r.deficit("toy", run) == Money(0)


def test_the_cost_model_is_asked_once_when_the_model_is_built_never_in_the_loop() -> None:
    StaffedPilot.calls = 0
    simulate(
        Gemeente(plugins=[StaffedPilot(min_problems=1)]),
        generate_cohort(200, seed=1),
        Settings(START, months=24, referral_probability=0.05),
        runs=5,
        kernel="objects",
    )
    assert StaffedPilot.calls == 1


def test_intake_stops_when_the_money_runs_out() -> None:
    design = PilotDesign(
        capacity=None, budget=Money(5_000), cost_per_family_month=Money(1_000), max_months=None
    )
    r = simulate(
        Gemeente(plugins=[ToyPilot(capacity=None, min_problems=1)]),
        generate_cohort(1_000, seed=3),
        Settings(START, months=24, referral_probability=0.05, default=design),
        runs=5,
        seed=2,
    )
    intake_open = r.series("intake_open", "toy")
    admitted = r.series("admitted", "toy")
    assert (intake_open == 0).any(axis=1).all()
    assert (admitted[intake_open == 0] == 0).all()
    for run in range(r.runs):
        assert r.spent("toy", run) <= Money(5_000)
        assert r.spent("toy", run) + r.remaining("toy", run) == Money(5_000)


def test_a_partner_vote_ends_the_pilot_from_its_month() -> None:
    votes = [PartnerVote(3, "A"), PartnerVote(5, "B")]
    design = PilotDesign(votes=votes, cost_per_family_month=Money(0), max_months=None)
    r = simulate(
        Gemeente(plugins=[VotingPilot(capacity=10, min_problems=1)]),
        generate_cohort(1_000, seed=3),
        Settings(START, months=12, referral_probability=0.05, default=design),
        runs=3,
    )
    assert r.ended_month[:, 0].tolist() == [5, 5, 5]
    assert r.table("runs")["ended_by"].tolist() == ["partner vote"] * 3
    active = r.series("active", "toy")
    assert active[:, :5].all()
    assert not active[:, 5:].any()
    assert (r.series("enrolled", "toy")[:, 5:] == 0).all()
    assert r.series("exit_pilot_end", "toy")[:, 5].sum() > 0


def test_one_vote_of_the_two_needed_does_not_end_it() -> None:
    design = PilotDesign(
        votes=[PartnerVote(3, "A"), PartnerVote(4, "A")], cost_per_family_month=Money(0)
    )
    r = simulate(
        Gemeente(plugins=[VotingPilot(min_problems=1)]),
        generate_cohort(200, seed=3),
        Settings(START, months=12, default=design),
    )
    assert r.ended_month[0, 0] == -1


def test_budget_exhausted_ends_a_pilot_with_that_rule() -> None:
    design = PilotDesign(capacity=None, budget=Money(3_000), cost_per_family_month=Money(1_000))
    r = simulate(
        Gemeente(plugins=[VotingPilot(capacity=None, min_problems=1)]),
        generate_cohort(1_000, seed=3),
        Settings(START, months=24, referral_probability=0.05, default=design),
        runs=3,
    )
    assert set(r.table("runs")["ended_by"].tolist()) == {"budget exhausted"}
    assert all(r.remaining("toy", i) == Money(0) for i in range(3))


def test_an_extension_keeps_the_pilot_running() -> None:
    plain = Settings(START, months=30, referral_probability=0.02)
    extended = plain.with_values({"toy.extension_months": 6, "toy.extension_probability": 1.0})
    gemeente = Gemeente(plugins=[ToyPilot(per_year=Money(10**6))])
    a = simulate(gemeente, generate_cohort(300), plain)
    b = simulate(gemeente, generate_cohort(300), extended)
    assert a.series("active", "toy").sum() == 24
    assert b.series("active", "toy").sum() == 30
    assert b.table("runs")["ended_by"].tolist() == ["running"]
    assert a.table("runs")["ended_by"].tolist() == ["end of looptijd"]


def test_phased_intake_sends_later_referrers_the_regular_route() -> None:
    phases = [Phase(0, ["GEMEENTE"]), Phase(6, ["HUISARTS", "JEUGDARTS"])]
    gemeente = Gemeente(plugins=[ToyPilot(capacity=None, min_problems=0)])
    cohort = generate_cohort(3_000, seed=1)
    s = Settings(START, months=12, referral_probability=0.05)
    open_all = simulate(gemeente, cohort, s, runs=3)
    phased = simulate(gemeente, cohort, s.with_values({"toy.phases": phases}), runs=3)
    early = slice(0, 6)
    assert (
        phased.series("referred", "toy")[:, early].sum()
        < open_all.series("referred", "toy")[:, early].sum()
    )
    assert phased.assessed("regular_route")[:, early].sum() > 0


def test_the_same_seed_gives_identical_results() -> None:
    gemeente = Gemeente(plugins=[ToyPilot()])
    s = Settings(START, months=12, referral_probability=0.03, problem_change_probability=0.05)
    cohort = generate_cohort(500, seed=1)
    a = simulate(gemeente, cohort, s, runs=8, seed=11)
    b = simulate(gemeente, cohort, s, runs=8, seed=11)
    c = simulate(gemeente, cohort, s, runs=8, seed=12)
    assert a.digest() == b.digest() != c.digest()


# problem dynamics -------------------------------------------------------------

DYNAMIC = Settings(START, months=24, referral_probability=0.05, problem_change_probability=0.1)


def test_a_compare_and_a_predicate_that_mean_the_same_admit_the_same_families() -> None:
    # They admitted 50 and 37 families in one run when month-by-month evaluation had its own
    # rule algebra, which took every Predicate for a fact that does not change.
    cohort = generate_cohort(2_000, seed=4)
    kids = Compare(FEITEN.aantal_kinderen, ">=", 1, source=SOURCE)
    batches = {}
    for name, many in {
        "compare": Compare(FEITEN.aantal_problemen, ">=", 3, source=SOURCE),
        "predicate": _counted(3),
    }.items():
        pilot = RulePilot(many & kids, capacity=None, per_year=Money(10**7))
        model = build_model(Gemeente(plugins=[pilot]), cohort, DYNAMIC)
        batches[name] = run_columnar(model, [0, 1, 2], 5)
        _equal(batches[name], run_objects(model, [0, 1, 2], 5))
    _equal(batches["compare"], batches["predicate"])
    assert batches["compare"].series[..., series_index("admitted")].sum() > 100


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_kernels_agree_on_a_rule_mixing_compare_and_a_predicate(seed: int) -> None:
    kids = Compare(FEITEN.aantal_kinderen, ">=", 2, source=SOURCE)
    rule = Compare(FEITEN.aantal_problemen, ">=", 4, source=SOURCE) | (_counted(2) & ~kids)
    gemeente = Gemeente(plugins=[RulePilot(rule, capacity=20, per_year=Money(10**6))])
    gemeente.register(ToyPilot("other", min_problems=1, capacity=5))
    model = build_model(gemeente, generate_cohort(300, seed=seed), DYNAMIC)
    _equal(run_columnar(model, [0, 1], seed), run_objects(model, [0, 1], seed))


def test_a_predicate_without_declared_facts_is_refused_under_problem_dynamics() -> None:
    bare = Predicate(
        "lives in a known wijk",
        lambda g, on: g.wijk is not None,
        lambda c, on: c.column("wijk") > 0,
        source=SOURCE,
    )
    rule = Compare(FEITEN.aantal_problemen, ">=", 2, source=SOURCE) & bare
    gemeente = Gemeente(plugins=[RulePilot(rule, "buurt")])
    cohort = generate_cohort(50, seed=1)
    simulate(gemeente, cohort, Settings(START, months=3))  # problems fixed: nothing changes
    with pytest.raises(
        InvalidValueError,
        match=r"rule 'lives in a known wijk' of pilot 'buurt' does not say which facts it "
        r"reads.*declare them with facts=",
    ):
        simulate(gemeente, cohort, DYNAMIC)


# properties ------------------------------------------------------------------

designs = st.builds(
    PilotDesign,
    capacity=st.one_of(st.none(), st.integers(0, 8)),
    priority=st.sampled_from(["fifo", "problems", "zrm"]),
    cost_per_family_month=st.one_of(st.none(), st.integers(0, 3_000).map(Money)),
    fixed_cost_per_month=st.one_of(st.none(), st.integers(0, 2_000).map(Money)),
    intake_cost=st.one_of(st.none(), st.integers(0, 2_000).map(Money)),
    budget=st.one_of(st.none(), st.integers(0, 60_000).map(Money)),
    budget_scope=st.sampled_from(["total", "year"]),
    reserve_months=st.integers(0, 3),
    end_when_budget_exhausted=st.one_of(st.none(), st.booleans()),
    progress_probability=st.floats(0, 0.5),
    setback_probability=st.floats(0, 0.2),
    regular_care_probability=st.floats(0, 0.2),
    step_down_probability=st.floats(0, 0.3),
    max_months=st.one_of(st.none(), st.integers(1, 12)),
    waitlist_leave_probability=st.floats(0, 0.2),
    phases=st.sampled_from([(), (Phase(0, ["GEMEENTE"]), Phase(4, ["HUISARTS"]))]),
    extension_months=st.integers(0, 6),
    extension_probability=st.floats(0, 1),
    partner_request_probability=st.floats(0, 0.2),
    partners=st.just(("A", "B", "C")),
)


@attrs.frozen
class Case:
    """A small simulation: a design, a cohort and how many runs."""

    design: PilotDesign
    families: int
    cohort_seed: int
    months: int
    referral: float
    change: float
    min_problems: int
    runs: int
    seed: int
    returning: bool
    total: int | None = None

    def cohort(self) -> Cohort:
        return generate_cohort(self.families, seed=self.cohort_seed)

    def model(self) -> Model:
        return build_model(self.gemeente(), self.cohort(), self.settings())

    def gemeente(self) -> Gemeente:
        loose = LooseRulePilot(capacity=5, min_problems=self.min_problems)
        gemeente = Gemeente(plugins=[_capped(loose, self.total)])
        gemeente.register(
            VotingPilot("vote", capacity=3, min_problems=2, start=pendulum.date(2024, 4, 1))
        )
        return gemeente

    def settings(self) -> Settings:
        return Settings(
            START,
            months=self.months,
            referral_probability=self.referral,
            problem_change_probability=self.change,
            families_return=self.returning,
            default=self.design,
        )


small = st.builds(
    Case,
    design=designs,
    families=st.integers(1, 40),
    cohort_seed=st.integers(0, 1000),
    months=st.integers(1, 30),
    referral=st.floats(0, 0.5),
    change=st.sampled_from([0.0, 0.1]),
    min_problems=st.integers(0, 4),
    runs=st.integers(1, 4),
    seed=st.integers(0, 2**32),
    returning=st.booleans(),
    total=st.one_of(st.none(), st.integers(0, 8)),
)


@settings(max_examples=40, deadline=None)
@given(case=small)
def test_the_columnar_kernel_agrees_with_the_scalar_reference(case: Case) -> None:
    model = case.model()
    runs = list(range(case.runs))
    _equal(run_columnar(model, runs, case.seed), run_objects(model, runs, case.seed))


@settings(max_examples=25, deadline=None)
@given(case=small)
def test_a_run_does_not_depend_on_its_batch(case: Case) -> None:
    model = case.model()
    together = run_columnar(model, [0, 1, 2], case.seed)
    alone = run_columnar(model, [1], case.seed)
    assert np.array_equal(together.series[1], alone.series[0])
    assert np.array_equal(together.assessed[1], alone.assessed[0])


@settings(max_examples=40, deadline=None)
@given(case=small)
def test_money_is_conserved_to_the_cent(case: Case) -> None:
    r = simulate(case.gemeente(), case.cohort(), case.settings(), runs=case.runs, seed=case.seed)
    for pilot in r.pilots:
        budget = r.budget(pilot)
        plan = Money.total(money(int(c)) for c in r.series("plan_cents", pilot)[0])
        assert plan == budget
        for run in range(r.runs):
            spent, remaining = r.spent(pilot, run), r.remaining(pilot, run)
            assert spent + remaining == budget
            assert Money(0) <= spent <= budget
            assert r.deficit(pilot, run) >= Money(0)
