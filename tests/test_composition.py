"""The composition: registering, discovering and combining pilot and policy plugins."""

from __future__ import annotations

import importlib
import textwrap
import warnings
from collections.abc import Generator, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    AllOf,
    Begroting,
    Budgetregel,
    Citation,
    FundingOverview,
    Gemeente,
    HasAny,
    Kostenmodel,
    Money,
    OneOf,
    Outcome,
    Periode,
    Pilot,
    PilotToestand,
    PluginFailedError,
    PluginLoadError,
    PluginLoadWarning,
    PluginSpec,
    Route,
    Rule,
    Signaal,
    UnknownPilotError,
    hookimpl,
)
from sociaaldomein.testing import ToyPilot, make_gezin, registered_plugin

ON = pendulum.date(2024, 6, 1)
BELEID = Citation("beleidsregel-wijkgericht-2024.txt", "Artikel 2")


class OnlyTuinwijk:
    """A municipal policy: the toy pilot only for families living in Tuinwijk."""

    @hookimpl(wrapper=True)
    def sociaaldomein_eligibility(self, pilot: Pilot) -> Generator[None, Rule | None, Rule | None]:
        rule = yield
        if rule is None or pilot.naam != "toy":
            return rule
        wijk = OneOf(FEITEN.wijk, ["Tuinwijk"], source=BELEID, label="lives in Tuinwijk")
        return AllOf([rule, wijk], label="toy pilot under the Tuinwijk policy")


def test_two_plugins_funding_lines_add_up_exactly() -> None:
    gemeente = Gemeente(
        plugins=[
            ToyPilot("toy-a", per_year=Money("1234.56")),
            ToyPilot("toy-b", per_year=Money("0.44"), funder="Rijk"),
        ]
    )
    overview = gemeente.funding_overview()
    assert overview.per_pilot() == {"toy-a": Money("2469.12"), "toy-b": Money("0.88")}
    assert overview.per_year() == {2024: Money("1235.00"), 2025: Money("1235.00")}
    assert overview.per_funder() == {"Gemeente": Money("2469.12"), "Rijk": Money("0.88")}
    assert overview.total() == Money("2470.00")
    assert "€2,470.00" in overview.render()


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=6))
def test_the_funding_overview_total_is_the_sum_of_every_plugins_lines(cents: list[int]) -> None:
    plugins = [
        ToyPilot(f"toy-{i}", per_year=Money(Decimal(c).scaleb(-2))) for i, c in enumerate(cents)
    ]
    gemeente = Gemeente(plugins=plugins)
    expected = Money.total(p.per_year * 2 for p in plugins)  # two calendar years each
    overview = gemeente.funding_overview()
    assert overview.total() == expected == Money.total(overview.per_year().values())
    assert gemeente.funding().total() == expected


def test_funding_can_be_limited_to_a_period() -> None:
    gemeente = Gemeente(plugins=[ToyPilot(per_year=Money(100))])
    assert gemeente.funding(periode=Periode.year(2025)).total() == Money(100)
    assert gemeente.funding(periode=Periode.year(2030)).total() == Money(0)


def test_a_municipal_wrapper_changes_the_verdict_and_says_why() -> None:
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING"], wijk="Selwerd")
    gemeente = Gemeente(plugins=[ToyPilot()])
    assert gemeente.assess(gezin, ON)["toy"].outcome is Outcome.ELIGIBLE

    gemeente.register(OnlyTuinwijk(), "tuinwijk-beleid")
    verdict = gemeente.assess(gezin, ON)["toy"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    reason = verdict.eligibility.find("lives in Tuinwijk")
    assert reason is not None
    assert not reason.passed
    assert reason.observed == "Selwerd"  # as the family's data writes it
    assert "beleidsregel-wijkgericht-2024.txt" in verdict.render()

    gemeente.unregister("tuinwijk-beleid")
    assert gemeente.assess(gezin, ON)["toy"].outcome is Outcome.ELIGIBLE


class StaffedToy(ToyPilot):
    """The toy pilot with a cost model: staff paid a fixed amount a month."""

    def cost_model(self) -> Kostenmodel:
        return Kostenmodel(vast_per_maand=Money(2_000), bron=BELEID)


class Overhead:
    """A municipal policy: EUR 100 a month of overhead on every pilot with a cost model."""

    @hookimpl(wrapper=True)
    def sociaaldomein_cost_model(
        self, pilot: Pilot
    ) -> Generator[None, Kostenmodel | None, Kostenmodel | None]:
        kosten = yield
        if kosten is None:
            return None
        return attrs.evolve(kosten, vast_per_maand=kosten.vast_per_maand + Money(100))


def test_the_cost_model_comes_from_the_pilots_own_plugin_and_a_policy_can_wrap_it() -> None:
    gemeente = Gemeente(plugins=[StaffedToy("staffed"), ToyPilot("plain")])
    staffed = gemeente.compiled("staffed").cost_model
    assert staffed == Kostenmodel(vast_per_maand=Money(2_000), bron=BELEID)
    assert gemeente.compiled("plain").cost_model is None
    gemeente.register(Overhead(), "overhead")
    wrapped = gemeente.compiled("staffed").cost_model
    assert wrapped is not None
    assert wrapped.vast_per_maand == Money(2_100)
    assert gemeente.compiled("plain").cost_model is None
    with pytest.raises(UnknownPilotError):
        gemeente.compiled("missing")


def test_a_cost_model_of_the_wrong_type_fails_that_pilot_only() -> None:
    class Sloppy(ToyPilot):
        """A pilot that answers its cost model with a bare amount."""

        def cost_model(self) -> Kostenmodel | None:
            return Money(750)  # type: ignore[return-value]

    gemeente = Gemeente(plugins=[Sloppy("sloppy"), ToyPilot()])
    with pytest.raises(PluginFailedError, match="where a Kostenmodel or None was expected"):
        gemeente.compiled("sloppy")
    assert gemeente.compiled("toy").cost_model is None


def test_a_full_pilot_waitlists_an_eligible_family_and_cites_the_capacity() -> None:
    gemeente = Gemeente(plugins=[ToyPilot(capacity=2)])
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING"])
    assert gemeente.assess(gezin, ON, occupancy={"toy": 1})["toy"].outcome is Outcome.ELIGIBLE
    verdict = gemeente.assess(gezin, ON, occupancy={"toy": 2})["toy"]
    assert verdict.outcome is Outcome.WAITLIST
    assert verdict.eligible
    assert "capacity 2" in verdict.render()


def test_outside_its_looptijd_a_pilot_takes_nobody() -> None:
    gemeente = Gemeente(plugins=[ToyPilot()])
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING"])
    verdict = gemeente.assess(gezin, pendulum.date(2026, 1, 1))["toy"]
    assert verdict.outcome is Outcome.CLOSED
    assert "until January 1, 2026" in verdict.render()  # dates written out for a reader


def test_termination_check_names_the_rule_that_ended_the_pilot() -> None:
    gemeente = Gemeente(plugins=[ToyPilot()])
    running = gemeente.check_termination("toy", PilotToestand(pendulum.date(2025, 12, 31)))
    assert not running.ended
    ended = gemeente.check_termination("toy", PilotToestand(pendulum.date(2026, 1, 1)))
    assert ended.ended
    assert [e.rule for e in ended.by] == ["end of looptijd"]
    assert "January 1, 2026" in ended.render()


def test_pilots_come_in_registration_order() -> None:
    gemeente = Gemeente(plugins=[ToyPilot("toy-b"), ToyPilot("toy-a"), ToyPilot("toy-c")])
    assert list(gemeente.pilots) == ["toy-b", "toy-a", "toy-c"]


def test_an_unknown_pilot_lists_the_known_ones() -> None:
    gemeente = Gemeente(plugins=[ToyPilot("toy-a"), ToyPilot("toy-b")])
    with pytest.raises(UnknownPilotError, match="known pilots: toy-a, toy-b"):
        gemeente.pilot("toy-c")


def test_a_second_provider_of_the_same_pilot_is_refused_naming_both() -> None:
    gemeente = Gemeente(plugins=[ToyPilot(), ToyPilot()])
    assert list(gemeente.pilots) == ["toy"]
    (failure,) = gemeente.failures
    assert failure.plugin.name == "toy-2"
    assert "which plugin 'toy'" in failure.message()
    with pytest.raises(PluginFailedError, match="provides already"):
        Gemeente(plugins=[ToyPilot(), ToyPilot()], strict=True).compile()


def test_hook_answers_are_collected_once_per_composition() -> None:
    calls: list[str] = []

    class Counting(ToyPilot):
        def eligibility(self) -> Rule:
            calls.append(self.pilot.naam)
            return super().eligibility()

    gemeente = Gemeente(plugins=[Counting()])
    for i in range(5):
        gemeente.assess(make_gezin(f"g{i}"), ON)
    assert calls == ["toy"]


def test_the_testing_fixtures_give_a_fresh_composition(gemeente: Gemeente) -> None:
    assert gemeente.pilots == {}
    with registered_plugin(gemeente, ToyPilot()) as name:
        assert "toy" in gemeente.pilots
        assert name in gemeente.plugin_names()
    assert gemeente.pilots == {}


def test_a_plugin_spec_builds_the_same_composition_elsewhere() -> None:
    spec = PluginSpec("sociaaldomein.testing:ToyPilot", {"name": "toy-x", "capacity": 5})
    gemeente = Gemeente(specs=[spec])
    assert gemeente.pilot("toy-x").capaciteit == 5


# Entry points ----------------------------------------------------------------


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake distribution with three entry points: two good, one broken."""
    (tmp_path / "fake_pilots.py").write_text(
        textwrap.dedent(
            """
            from sociaaldomein.testing import ToyPilot

            class Alpha(ToyPilot):
                def __init__(self) -> None:
                    super().__init__("alpha")

            class Beta(ToyPilot):
                def __init__(self) -> None:
                    super().__init__("beta")
            """
        )
    )
    (tmp_path / "fake_broken.py").write_text("raise ImportError('needs a missing package')\n")
    dist = tmp_path / "fake_pilots-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fake-pilots\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[sociaaldomein]\nalpha = fake_pilots:Alpha\nbeta = fake_pilots:Beta\n"
        "broken = fake_broken\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    return tmp_path


FAKE = ["alpha", "beta", "broken"]
"""The fake entry points; other installed plugins (the real pilots) are left out."""


def test_a_broken_entry_point_is_named_and_the_others_load(installed: Path) -> None:
    gemeente = Gemeente()
    with pytest.warns(PluginLoadWarning, match="skipped plugin 'broken'.*needs a missing package"):
        loaded = gemeente.load_entry_points(allow=FAKE)
    assert [p.name for p in loaded] == ["alpha", "beta"]
    assert loaded[0].version == "1.0"
    assert sorted(gemeente.pilots) == ["alpha", "beta"]
    assert gemeente.hooks_of("alpha") == ["sociaaldomein_pilots"]
    (failure,) = gemeente.failures
    assert (failure.plugin.name, failure.call) == ("broken", "loading its entry point")
    listed = {i.ref.name: i for i in gemeente.plugins_info()}
    assert listed["broken"].failures == (failure,)
    assert listed["broken"].ref.distribution == "fake-pilots"


def test_strict_loading_raises_on_a_broken_entry_point(installed: Path) -> None:
    with pytest.raises(PluginLoadError, match="'broken' could not be loaded"):
        Gemeente().load_entry_points(allow=FAKE, strict=True)


def test_allow_and_block_lists_choose_entry_points(installed: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        only_beta = Gemeente()
        only_beta.load_entry_points(allow=["beta"])
        assert sorted(only_beta.pilots) == ["beta"]
        no_broken = Gemeente()
        no_broken.load_entry_points(block=["broken", "alpha"])
        assert "beta" in no_broken.pilots
        assert "alpha" not in no_broken.pilots


def test_loading_twice_does_not_register_twice(installed: Path) -> None:
    gemeente = Gemeente()
    gemeente.load_entry_points(allow=["alpha"])
    assert gemeente.load_entry_points(allow=["alpha"]) == []
    assert list(gemeente.pilots) == ["alpha"]


class ToyWithRoute(ToyPilot):
    """The toy pilot, sending families in crisis elsewhere first."""

    def routes(self) -> Sequence[Route]:
        crisis = HasAny(FEITEN.signalen, {Signaal.ACUTE_CRISIS}, source=BELEID)
        return [Route(crisis, Outcome.REFERRED, "crisisdienst", "a crisis comes first", BELEID)]


def test_a_verdict_shows_the_route_that_decided_and_the_routes_not_taken() -> None:
    gemeente = Gemeente(plugins=[ToyWithRoute()])
    calm = make_gezin(problemen=["SCHULDEN", "VERSLAVING"])
    placed = gemeente.assess(calm, ON)["toy"]
    assert placed.outcome is Outcome.ELIGIBLE
    assert [e.passed for e in placed.routes_not_taken] == [False]
    assert "route not taken" in placed.render()

    crisis = make_gezin(problemen=["SCHULDEN", "VERSLAVING"], signalen=["ACUTE_CRISIS"])
    referred = gemeente.assess(crisis, ON)["toy"]
    assert (referred.outcome, referred.to) == (Outcome.REFERRED, "crisisdienst")
    assert referred.route is not None
    assert referred.route.passed
    assert "a crisis comes first" in referred.render()


def test_an_illustrative_amount_never_reads_as_the_municipalitys_figure() -> None:
    line = Budgetregel(
        pilot="toy",
        omschrijving="example lumpsum",
        bedrag=Money(1000),
        financier="Gemeente",
        model="LUMPSUM",
        jaar=2024,
        afgeleid=True,
        illustratief=True,
    )
    assert line.herkomst == "illustrative"
    rendered = FundingOverview.of(Begroting([line])).render()
    assert "lump sum (illustrative)" in rendered  # the model by its label
    assert "(derived)" not in rendered
