"""The plugin: discovery, hooks that answer only for its own pilot, and the example families."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    DOELGROEP_LABEL,
    FUNCTIONEEL_MANDAAT,
    LETTER,
    LOOPTIJD_VERLENGDE_PILOT,
    MultiprobleemPilot,
    example_families,
)

from sociaaldomein import Gemeente, Outcome, PilotPlugin, PilotStatus
from sociaaldomein.testing import ToyPilot, assert_silent_on_other_pilots

MAART_2011 = pendulum.date(2011, 3, 1)


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    """Installed, the plugin registers under the entry-point group ``sociaaldomein``."""
    groningen = Gemeente("Groningen")
    loaded = groningen.load_entry_points(allow=["multiprobleem"])
    assert [(p.name, p.distribution) for p in loaded] == [
        ("multiprobleem", "sociaaldomein-multiprobleem")
    ]
    assert isinstance(loaded[0].plugin, MultiprobleemPilot)
    pilot = groningen.pilot("multiprobleem")
    assert pilot.brief == LETTER
    assert pilot.looptijd.periode.start == pendulum.date(2011, 1, 1)
    assert "sociaaldomein_mandaat" in groningen.hooks_of("multiprobleem")


def test_hooks_answer_only_for_the_plugins_own_pilot() -> None:
    """Every hook returns None for another pilot, so other plugins and policies keep their
    answers."""
    toy = ToyPilot(start=pendulum.date(2011, 1, 1), end=pendulum.date(2012, 1, 1))
    plugin = MultiprobleemPilot()
    groningen = Gemeente("Groningen", plugins=[toy, plugin])
    assert sorted(groningen.pilots) == ["multiprobleem", "toy"]
    assert_silent_on_other_pilots(plugin)
    assert groningen.compiled("toy").mandate is None
    assert groningen.compiled("toy").eligibility.text() != DOELGROEP_LABEL
    assert {line.pilot for line in groningen.funding(pilots=["toy"])} == {"toy"}


def test_the_plugin_is_a_pilot_plugin() -> None:
    """Built on PilotPlugin (silence on other pilots is checked above)."""
    plugin = MultiprobleemPilot()
    assert isinstance(plugin, PilotPlugin)
    assert plugin.sociaaldomein_mandaat(plugin.pilot) is FUNCTIONEEL_MANDAAT
    assert plugin.sociaaldomein_routes(plugin.pilot) == ()


def test_another_pilot_name_in_code() -> None:
    """A municipality can register a second reading beside the default one."""
    groningen = Gemeente(
        "Groningen",
        plugins=[
            MultiprobleemPilot(),
            MultiprobleemPilot("multiprobleem-strikt", aanvullende_wijken=()),
        ],
    )
    _, selwerd = example_families()[1]
    assessment = groningen.assess(selwerd, MAART_2011)
    assert assessment["multiprobleem"].eligible
    assert not assessment["multiprobleem-strikt"].eligible
    assert {line.pilot for line in groningen.funding()} == {
        "multiprobleem",
        "multiprobleem-strikt",
    }


def test_example_families_show_every_outcome_and_reason() -> None:
    """Each example's description agrees with its verdict; between them they fail every one of
    the four conditions ("DOEL" and "7. Toewijzing gezinnen" (a), (b), (c))."""
    families = example_families()
    assert 4 <= len(families) <= 6
    assert len({g.id for _, g in families}) == len(families)
    groningen = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    failing: list[str] = []
    for description, gezin in families:
        assert "\n" not in description
        verdict = groningen.assess(gezin, MAART_2011)["multiprobleem"]
        assert verdict.eligible is description.startswith("Eligible"), description
        failed = [c.text for c in verdict.eligibility.children if not c.passed]
        assert len(failed) <= 1, description
        failing += failed
    assert sorted(text[:3] for text in failing) == ["(a)", "(b)", "(c)", "a m"]


@pytest.mark.parametrize("outcome", [Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE])
def test_examples_cover_the_outcomes(outcome: Outcome) -> None:
    """The doorstart has no routes: its examples show eligible and not eligible."""
    groningen = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    outcomes = {
        groningen.assess(g, MAART_2011)["multiprobleem"].outcome for _, g in example_families()
    }
    assert outcome in outcomes


def test_an_extension_spreads_the_same_money_over_the_longer_doorstart() -> None:
    """ "Tenslotte": the extension happens "binnen de grenzen van het oorspronkelijke budget"."""
    plugin = MultiprobleemPilot()
    extended = plugin.extend(pendulum.date(2013, 1, 1), reason="a second extension")
    before = Gemeente(plugins=[plugin]).funding_overview()
    after = Gemeente(plugins=[extended]).funding_overview()
    assert after.total() == before.total()
    assert 2012 in before.per_year()
    assert after.per_year()[2012] > before.per_year()[2012]
    assert extended.doorstart.end == pendulum.date(2013, 1, 1)
    assert extended.doorstart.start == plugin.doorstart.start


def test_the_pilot_is_running_as_of_the_letter_and_extended_in_its_reading() -> None:
    """003_720c15da674da257.txt (31-1-2011): the pilot runs since 1 April 2009; "Tenslotte"
    extends it by 15 months."""
    assert MultiprobleemPilot().pilot.status is PilotStatus.ACTIVE
    extended = MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT)
    assert extended.pilot.status is PilotStatus.EXTENDED
