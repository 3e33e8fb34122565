"""The plugin: its defaults, a second reading beside it, extensions and the example families."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    DOELGROEP_LABEL,
    FUNCTIONEEL_MANDAAT,
    LETTER,
    LOOPTIJD_VERLENGDE_PILOT,
    Aanvulling,
    MultiprobleemPilot,
    example_families,
)

from sociaaldomein import Citation, Gemeente, Outcome, PilotPlugin, PilotStatus

MAART_2011 = pendulum.date(2011, 3, 1)


def test_built_without_arguments_the_plugin_is_the_letters_reading() -> None:
    """Discovery and the contract are checked by test_multiprobleem_conformance.py; built as the
    entry point builds it, the plugin is the doorstart of 003_720c15da674da257.txt."""
    plugin = MultiprobleemPilot()
    assert isinstance(plugin, PilotPlugin)
    compiled = Gemeente("Groningen", plugins=[plugin]).compiled("multiprobleem")
    assert compiled.pilot.brief == LETTER
    assert compiled.pilot.looptijd.periode.start == pendulum.date(2011, 1, 1)
    assert compiled.eligibility.text() == DOELGROEP_LABEL
    assert compiled.mandate is FUNCTIONEEL_MANDAAT
    assert compiled.routes == ()


def test_another_pilot_name_in_code() -> None:
    """A municipality can register a second reading beside the default one: here the doorstart
    with the "zo nodig" wijken added by a recorded decision (003, "7. Toewijzing gezinnen")."""
    besluit = Aanvulling(
        pendulum.date(2011, 2, 1), "the partners", Citation("verslag.txt", "punt 2")
    )
    groningen = Gemeente(
        "Groningen",
        plugins=[
            MultiprobleemPilot(),
            MultiprobleemPilot("multiprobleem-aangevuld", aanvulling=besluit),
        ],
    )
    selwerd = attrs.evolve(example_families()[0][1], id="mpg-selwerd", wijk="Selwerd")
    assessment = groningen.assess(selwerd, MAART_2011)
    assert not assessment["multiprobleem"].eligible
    assert assessment["multiprobleem-aangevuld"].eligible
    assert {line.pilot for line in groningen.funding()} == {
        "multiprobleem",
        "multiprobleem-aangevuld",
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
