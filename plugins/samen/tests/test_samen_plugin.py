"""The SAMEN. plugin as a distribution: its defaults and its example families."""

from __future__ import annotations

import pendulum
from sociaaldomein_samen import EXAMPLE_DATE, SamenPilot, example_families

from sociaaldomein import Gemeente, Outcome, PilotPlugin


def test_built_without_arguments_the_plugin_is_the_letters_reading() -> None:
    """Discovery and the contract are checked by test_samen_conformance.py; built as the entry
    point builds it, every default is the reading of 002_3dca2c59337eb1a8.txt."""
    plugin = SamenPilot()
    assert isinstance(plugin, PilotPlugin)
    compiled = Gemeente(plugins=[plugin]).compiled("samen")
    assert compiled.pilot.looptijd.start == pendulum.date(2023, 1, 1)
    assert compiled.pilot.brief is not None
    assert compiled.pilot.brief.reference == "452199-2022"
    assert compiled.routes == tuple(plugin.routes())
    # SAMEN. has no mandate.
    assert compiled.mandate is None


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
