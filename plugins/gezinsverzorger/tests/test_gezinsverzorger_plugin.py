"""The plugin as a distribution: entry point, composition with others, example families."""

from __future__ import annotations

import pendulum
from sociaaldomein_gezinsverzorger import EXAMPLE_DATE, GezinsverzorgerPilot, example_families

from sociaaldomein import Gemeente, Money, Outcome, PilotPlugin
from sociaaldomein.testing import ToyPilot, assert_silent_on_other_pilots


def test_the_plugin_is_discovered_through_its_entry_point() -> None:
    """Registered in the entry-point group ``sociaaldomein`` and built without arguments, so
    every default is the reading of 000_6fd8bb18cab06410.txt."""
    groningen = Gemeente()
    loaded = groningen.load_entry_points(allow=["gezinsverzorger"], strict=True)
    assert [(p.name, p.distribution, p.version) for p in loaded] == [
        ("gezinsverzorger", "sociaaldomein-gezinsverzorger", "0.1.0")
    ]
    assert isinstance(loaded[0].plugin, GezinsverzorgerPilot)
    pilot = groningen.pilot("gezinsverzorger")
    assert pilot.capaciteit == 10
    assert pilot.brief is not None
    assert pilot.brief.reference == "438104-2021"
    # PilotPlugin implements every hook; the letter gives no mandate and no ladder.
    assert groningen.hooks_of("gezinsverzorger") == [
        "sociaaldomein_cost_model",
        "sociaaldomein_eligibility",
        "sociaaldomein_escalation",
        "sociaaldomein_evaluation_plan",
        "sociaaldomein_funding",
        "sociaaldomein_mandaat",
        "sociaaldomein_pilot_termination",
        "sociaaldomein_pilots",
        "sociaaldomein_routes",
        "sociaaldomein_trajectory_termination",
    ]
    assert groningen.compiled("gezinsverzorger").mandate is None
    assert groningen.compiled("gezinsverzorger").escalation is None


def test_the_plugin_answers_only_for_its_own_pilot() -> None:
    """Every hook returns None for another pilot (hookspecs), so pilots compose."""
    plugin = GezinsverzorgerPilot()
    toy = ToyPilot(start=pendulum.date(2021, 1, 1), end=pendulum.date(2024, 1, 1))
    assert_silent_on_other_pilots(plugin)
    groningen = Gemeente(plugins=[plugin, toy])
    assert sorted(groningen.pilots) == ["gezinsverzorger", "toy"]
    assert groningen.compiled("toy").routes == ()


def test_two_designs_run_side_by_side_under_their_own_names() -> None:
    """000_6fd8bb18cab06410.txt, "Aantal gezinnen": "8 á 10" read both ways at once."""
    groningen = Gemeente(
        plugins=[GezinsverzorgerPilot(), GezinsverzorgerPilot(name="gv-acht", capacity=8)]
    )
    _, family = example_families()[0]
    verdicts = groningen.assess(
        family, EXAMPLE_DATE, occupancy={"gezinsverzorger": 8, "gv-acht": 8}
    )
    assert verdicts["gezinsverzorger"].outcome is Outcome.ELIGIBLE
    assert verdicts["gv-acht"].outcome is Outcome.WAITLIST
    assert groningen.funding().per_pilot() == {
        "gezinsverzorger": Money(336_000),
        "gv-acht": Money(336_000),
    }


def test_the_plugin_is_a_pilot_plugin() -> None:
    """Built on PilotPlugin (silence on other pilots is checked above)."""
    plugin = GezinsverzorgerPilot()
    assert isinstance(plugin, PilotPlugin)
    assert plugin.sociaaldomein_eligibility(plugin.pilot) is plugin.eligibility_rule


def test_the_example_families_show_every_outcome_the_pilot_gives() -> None:
    """ELIGIBLE, REFERRED (gezinscoach) and NOT_ELIGIBLE; WAITLIST needs an occupancy."""
    examples = example_families()
    assert 4 <= len(examples) <= 6
    assert len({g.id for _, g in examples}) == len(examples)
    assert all(text and "\n" not in text for text, _ in examples)
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    outcomes = [groningen.assess(g, EXAMPLE_DATE)["gezinsverzorger"].outcome for _, g in examples]
    assert set(outcomes) == {Outcome.ELIGIBLE, Outcome.REFERRED, Outcome.NOT_ELIGIBLE}
    for (text, _), outcome in zip(examples, outcomes, strict=True):
        said = {
            Outcome.ELIGIBLE: "(eligible)",
            Outcome.REFERRED: "(referred)",
            Outcome.NOT_ELIGIBLE: "(not eligible)",
        }
        assert said[outcome] in text
