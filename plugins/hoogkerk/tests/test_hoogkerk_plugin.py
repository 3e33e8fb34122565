"""The plugin: its defaults, partners, evaluation, looptijd and examples."""

from __future__ import annotations

import pendulum
from sociaaldomein_hoogkerk import (
    DOELGROEP_LABEL,
    LETTER,
    PLACEHOLDER,
    HoogkerkPilot,
    example_families,
)

from sociaaldomein import Gemeente, Organisatie, Outcome, PilotPlugin, PilotStatus, PilotToestand

MAART_2017 = pendulum.date(2017, 3, 1)


def test_built_without_arguments_the_plugin_is_the_letters_reading() -> None:
    """Discovery and the contract are checked by test_hoogkerk_conformance.py; built as the
    entry point builds it, the plugin is the proeftuin of 004_b7ccad7045cc3ba8.txt."""
    plugin = HoogkerkPilot()
    assert isinstance(plugin, PilotPlugin)
    compiled = Gemeente("Groningen", plugins=[plugin]).compiled("hoogkerk")
    assert compiled.pilot.brief == LETTER
    assert compiled.eligibility.text() == DOELGROEP_LABEL
    assert compiled.routes == tuple(plugin.routes())


def test_eight_providers_clearly_marked_as_placeholders() -> None:
    """004_b7ccad7045cc3ba8.txt, opening ("Geachte heer, mevrouw"): "een achttal kleine
    zorgaanbieders", not named in
    the letter."""
    pilot = HoogkerkPilot().pilot
    assert len(pilot.partners) == 8
    assert all(PLACEHOLDER in p.naam for p in pilot.partners)
    echt = [Organisatie(f"Zorgaanbieder {c}") for c in "ABCDEFGH"]
    assert HoogkerkPilot(aanbieders=echt).pilot.partners == tuple(echt)


def test_quality_and_quantity_are_monitored() -> None:
    """004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin": client and staff experience surveys, and
    "een financiële businesscase"."""
    groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])
    plan = groningen.compiled("hoogkerk").evaluation_plan
    assert plan is not None
    names = {i.naam for i in plan.indicatoren}
    assert {"clientervaring", "medewerkerervaring", "besparing", "extra bewoners"} <= names
    schedule = plan.schedule(groningen.pilot("hoogkerk").looptijd.periode)
    assert [day for day, _ in schedule] == [pendulum.date(2017, 5, 17), pendulum.date(2017, 10, 1)]


def test_the_looptijd_ends_after_december_2017() -> None:
    """004_b7ccad7045cc3ba8.txt, "Waarom de proeftuin": "De proeftuin loopt tot en met december
    2017"."""
    groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])

    assert not groningen.check_termination(
        "hoogkerk", PilotToestand(pendulum.date(2017, 12, 31))
    ).ended
    assert groningen.check_termination("hoogkerk", PilotToestand(pendulum.date(2018, 1, 1))).ended


def test_example_families_show_every_outcome_and_reason() -> None:
    """Each example's description agrees with its verdict; between them they show eligible, the
    regular route, and a failure of each of the three conditions (the needs three times: a
    need BT Hoogkerk does not meet, specialist youth care only, youth care without a minor)."""
    families = example_families()
    assert 4 <= len(families) <= 8
    assert len({g.id for _, g in families}) == len(families)
    groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])
    outcomes = set()
    failing: list[str] = []
    for description, gezin in families:
        assert "\n" not in description
        verdict = groningen.assess(gezin, MAART_2017)["hoogkerk"]
        outcomes.add(verdict.outcome)
        expected = {
            "Eligible": Outcome.ELIGIBLE,
            "Regular route": Outcome.REGULAR_ROUTE,
            "Not eligible": Outcome.NOT_ELIGIBLE,
        }[description.split(":")[0]]
        assert verdict.outcome is expected, description
        failing += [c.text for c in verdict.eligibility.children if not c.passed]
    assert outcomes == {Outcome.ELIGIBLE, Outcome.REGULAR_ROUTE, Outcome.NOT_ELIGIBLE}
    assert len(failing) == 5
    assert len({text.split()[0] for text in failing}) == 3


def test_an_extension_moves_the_funding_with_the_looptijd() -> None:
    """Letter 004, "Waarom de proeftuin": runs until December 2017; extended, its money follows."""
    plugin = HoogkerkPilot()
    extended = plugin.extend(pendulum.date(2019, 1, 1), reason="evaluatie positief")
    years = Gemeente(plugins=[extended]).funding_overview().per_year()
    assert 2018 in years
    assert 2018 not in Gemeente(plugins=[plugin]).funding_overview().per_year()


def test_the_proeftuin_is_running_as_of_the_letter() -> None:
    """004_b7ccad7045cc3ba8.txt (9-11-2016), opening ("Geachte heer, mevrouw"): "In oktober is
    een start gemaakt"."""
    assert HoogkerkPilot().pilot.status is PilotStatus.ACTIVE
