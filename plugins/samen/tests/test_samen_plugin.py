"""The SAMEN. plugin as a distribution: entry point, composition with others, examples."""

from __future__ import annotations

import pendulum
from sociaaldomein_samen import EXAMPLE_DATE, SamenPilot, example_families

from sociaaldomein import Gemeente, Outcome, PilotPlugin
from sociaaldomein.testing import ToyPilot, assert_silent_on_other_pilots


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    """Registered in the entry-point group ``sociaaldomein`` and built without arguments, so
    every default is the reading of 002_3dca2c59337eb1a8.txt."""
    groningen = Gemeente()
    loaded = groningen.load_entry_points(allow=["samen"], strict=True)
    assert [(p.name, p.distribution, p.version) for p in loaded] == [
        ("samen", "sociaaldomein-samen", "0.1.0")
    ]
    assert isinstance(loaded[0].plugin, SamenPilot)
    pilot = groningen.pilot("samen")
    assert pilot.looptijd.start == pendulum.date(2023, 1, 1)
    assert pilot.brief is not None
    assert pilot.brief.reference == "452199-2022"
    # PilotPlugin implements every hook; SAMEN. has no mandate, so the hook answers None.
    assert "sociaaldomein_mandaat" in groningen.hooks_of("samen")
    assert groningen.compiled("samen").mandate is None


def test_the_plugin_answers_only_for_its_own_pilot() -> None:
    """Every hook returns None for another pilot (hookspecs), so pilots compose."""
    plugin = SamenPilot()
    toy = ToyPilot(start=pendulum.date(2023, 1, 1), end=pendulum.date(2025, 1, 1))
    assert_silent_on_other_pilots(plugin)
    groningen = Gemeente(plugins=[plugin, toy])
    assert sorted(groningen.pilots) == ["samen", "toy"]
    assert set(groningen.funding().per_pilot()) == {"samen", "toy"}


def test_the_plugin_is_a_pilot_plugin() -> None:
    """Built on PilotPlugin (silence on other pilots is checked above)."""
    plugin = SamenPilot()
    assert isinstance(plugin, PilotPlugin)
    assert plugin.sociaaldomein_routes(plugin.pilot) == plugin.routes()


def test_the_example_families_show_every_outcome_samen_gives() -> None:
    """ELIGIBLE, REFERRED (specialist), REGULAR_ROUTE (Open House) and NOT_ELIGIBLE."""
    examples = example_families()
    assert 4 <= len(examples) <= 6
    assert len({g.id for _, g in examples}) == len(examples)
    groningen = Gemeente(plugins=[SamenPilot()])
    outcomes = [groningen.assess(g, EXAMPLE_DATE)["samen"].outcome for _, g in examples]
    assert set(outcomes) == {
        Outcome.ELIGIBLE,
        Outcome.REFERRED,
        Outcome.REGULAR_ROUTE,
        Outcome.NOT_ELIGIBLE,
    }
    said = {
        Outcome.ELIGIBLE: "(eligible)",
        Outcome.REFERRED: "(referred)",
        Outcome.REGULAR_ROUTE: "(regular route)",
        Outcome.NOT_ELIGIBLE: "(not eligible)",
    }
    for (text, _), outcome in zip(examples, outcomes, strict=True):
        assert said[outcome] in text
        assert "\n" not in text
