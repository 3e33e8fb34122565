"""The plugin as a distribution: its defaults, two readings side by side, example families."""

from __future__ import annotations

from sociaaldomein_gezinsverzorger import EXAMPLE_DATE, GezinsverzorgerPilot, example_families

from sociaaldomein import Gemeente, Money, Outcome, PilotPlugin


def test_built_without_arguments_the_plugin_is_the_letters_reading() -> None:
    """Discovery and the contract are checked by test_gezinsverzorger_conformance.py; built as
    the entry point builds it, every default is the reading of 000_6fd8bb18cab06410.txt."""
    plugin = GezinsverzorgerPilot()
    assert isinstance(plugin, PilotPlugin)
    compiled = Gemeente(plugins=[plugin]).compiled("gezinsverzorger")
    assert compiled.pilot.capaciteit == 10
    assert compiled.pilot.brief is not None
    assert compiled.pilot.brief.reference == "438104-2021"
    assert compiled.eligibility is plugin.eligibility_rule
    # The letter gives no mandate and no ladder.
    assert compiled.mandate is None
    assert compiled.escalation is None


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
