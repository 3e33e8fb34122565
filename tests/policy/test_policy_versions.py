"""Decisions that change a pilot from a date: the version in force decides, and says so."""

from __future__ import annotations

import json
from collections.abc import Generator

import pendulum
import pytest

from sociaaldomein import Citation, Gemeente, Money, Outcome
from sociaaldomein.cli.main import main
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.feiten import FEITEN
from sociaaldomein.domain.rules import Compare, Rule
from sociaaldomein.errors import InvalidValueError, UnknownPilotError
from sociaaldomein.policy import (
    Besluit,
    Financiering,
    Geldigheid,
    KostenWijziging,
    LooptijdWijziging,
    Orgaan,
    ParameterWijziging,
    RegelWijziging,
)
from sociaaldomein.testing import ToyPilot, make_gezin

BRON = Citation("raadsbesluit-2024-03.txt", "Besluit 1")
JULY = pendulum.date(2024, 7, 1)


def besluit(*changes: object, kenmerk: str = "RB 2024-03") -> Besluit:
    return Besluit(Orgaan.RAAD, pendulum.date(2024, 6, 20), kenmerk, BRON, changes)


def toy() -> Gemeente:
    return Gemeente(plugins=[ToyPilot()])


def test_a_capacity_changed_from_a_date_decides_with_the_old_value_before_and_the_new_after() -> (
    None
):
    gemeente = toy()
    gemeente.apply(besluit(ParameterWijziging("toy", "capaciteit", 5, vanaf=JULY)))
    family = make_gezin(problems=3)
    before = gemeente.assess(family, JULY.subtract(days=1), occupancy={"toy": 3})["toy"]
    after = gemeente.assess(family, JULY, occupancy={"toy": 3})["toy"]
    assert before.outcome is Outcome.WAITLIST
    assert after.outcome is Outcome.ELIGIBLE
    # Each verdict says which version decided and where that version comes from.
    assert before.notes[0].text.startswith("version 1, in force from the start until 2024-07-01")
    assert before.notes[0].source is None
    assert "raadsbesluit" not in before.provenance.render()  # type: ignore[union-attr]
    assert after.notes[0].text.startswith(
        "version 2, in force from 2024-07-01: raadsbesluit RB 2024-03 of 2024-06-20"
    )
    assert after.notes[0].source == BRON
    assert "changed by 'raadsbesluit RB 2024-03 of 2024-06-20'" in after.provenance.render()  # type: ignore[union-attr]


def test_a_parameter_of_the_plugin_class_builds_the_class_again_with_the_changed_value() -> None:
    gemeente = toy()
    gemeente.apply(besluit(ParameterWijziging("toy", "min_problems", 4, vanaf=JULY)))
    three = make_gezin(problems=3)
    assert gemeente.assess(three, pendulum.date(2024, 6, 30))["toy"].outcome is Outcome.ELIGIBLE
    assert gemeente.assess(three, JULY)["toy"].outcome is Outcome.NOT_ELIGIBLE
    provenance = gemeente.compiled("toy").at(JULY).provenance["eligibility"]
    assert [r.name for r in provenance.changed_by] == ["raadsbesluit RB 2024-03 of 2024-06-20"]


def test_later_changes_add_to_earlier_ones_in_the_order_decisions_are_applied() -> None:
    gemeente = toy()
    gemeente.apply(besluit(ParameterWijziging("toy", "capaciteit", 5, vanaf=JULY)))
    october = pendulum.date(2024, 10, 1)
    gemeente.apply(
        besluit(ParameterWijziging("toy", "capaciteit", 8, vanaf=october), kenmerk="RB 2024-09")
    )
    compiled = gemeente.compiled("toy")
    assert [v.pilot.pilot.capaciteit for v in compiled.versions] == [2, 5, 8]
    assert [v.geldigheid.vanaf for v in compiled.versions] == [None, JULY, october]
    assert compiled.versions[1].geldigheid.tot == october
    assert [str(b) for b in compiled.versions[2].besluiten] == [
        "raadsbesluit RB 2024-03 of 2024-06-20",
        "raadsbesluit RB 2024-09 of 2024-06-20",
    ]
    assert gemeente.besluiten == compiled.besluiten


def test_a_rule_replaced_or_added_to_from_a_date() -> None:
    rule = Compare(FEITEN.aantal_problemen, ">=", 5, source=BRON)
    replaced, added = toy(), toy()
    replaced.apply(besluit(RegelWijziging("toy", rule, vanaf=JULY)))
    added.apply(besluit(RegelWijziging("toy", rule, vanaf=JULY, soort="aanvulling")))
    four, one = make_gezin(problems=4), make_gezin(problems=1)
    assert replaced.assess(four, JULY)["toy"].outcome is Outcome.NOT_ELIGIBLE
    assert replaced.assess(four, JULY.subtract(days=1))["toy"].outcome is Outcome.ELIGIBLE
    verdict = added.assess(make_gezin(problems=6), JULY)["toy"]
    assert verdict.outcome is Outcome.ELIGIBLE
    assert {e.source for e in verdict.eligibility.walk()} >= {BRON}
    assert added.assess(one, JULY)["toy"].outcome is Outcome.NOT_ELIGIBLE


def test_the_looptijd_extended_or_ended_and_a_funding_line_added_hold_in_every_version() -> None:
    gemeente = toy()
    line = Budgetregel(
        "toy", "extra", Money(5_000), "Gemeente", "PROJECTBUDGET", jaar=2025, bron=BRON
    )
    gemeente.apply(
        besluit(
            LooptijdWijziging("toy", pendulum.date(2026, 7, 1)),
            Financiering(line),
            ParameterWijziging("toy", "capaciteit", 5, vanaf=JULY),
        )
    )
    compiled = gemeente.compiled("toy")
    assert compiled.pilot.looptijd.eind == pendulum.date(2026, 7, 1)
    assert compiled.pilot.looptijd.oorspronkelijk_eind == pendulum.date(2026, 1, 1)
    assert all(v.pilot.pilot.looptijd.eind == pendulum.date(2026, 7, 1) for v in compiled.versions)
    assert line in compiled.funding
    assert gemeente.funding().total() == Money(25_000)
    family = make_gezin(problems=3)
    assert gemeente.assess(family, pendulum.date(2026, 3, 1))["toy"].outcome is Outcome.ELIGIBLE

    ended = toy()
    ended.apply(besluit(LooptijdWijziging("toy", pendulum.date(2024, 9, 1))))
    assert ended.assess(family, pendulum.date(2024, 9, 1))["toy"].outcome is Outcome.CLOSED


def test_costs_scaled_from_a_date() -> None:
    from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot

    gemeente = Gemeente(plugins=[GezinsverzorgerPilot()])
    july = pendulum.date(2022, 7, 1)
    gemeente.apply(besluit(KostenWijziging("gezinsverzorger", "1.2", vanaf=july)))
    compiled = gemeente.compiled("gezinsverzorger")
    before, after = compiled.at(july.subtract(days=1)).cost_model, compiled.at(july).cost_model
    assert before is not None
    assert after is not None
    assert after.vast_per_maand == Money(before.vast_per_maand.amount * 12 / 10)
    assert after.bron == BRON


def test_a_decision_that_does_not_fit_is_refused_and_the_composition_stays_as_it_was() -> None:
    gemeente = toy()
    with pytest.raises(UnknownPilotError, match="unknown pilot 'nope'"):
        gemeente.apply(besluit(ParameterWijziging("nope", "capaciteit", 5, vanaf=JULY)))
    with pytest.raises(InvalidValueError, match=r"wijzigingen\[0\]\.waarde: .*unknown"):
        gemeente.apply(besluit(ParameterWijziging("toy", "colour", 5, vanaf=JULY)))
    with pytest.raises(InvalidValueError, match=r"wijzigingen\[0\]\.waarde: must be from 0 to 32"):
        gemeente.apply(besluit(ParameterWijziging("toy", "min_problems", 99, vanaf=JULY)))
    with pytest.raises(InvalidValueError, match="no cost model"):
        gemeente.apply(besluit(KostenWijziging("toy", "1.2", vanaf=JULY)))
    assert gemeente.besluiten == ()
    assert gemeente.compiled("toy").versions == ()


def test_a_plugin_that_cannot_be_built_again_from_what_it_keeps_is_not_rebuilt_silently() -> None:
    # ToyPilot keeps no 'capacity' attribute: building it again would lose capacity=7.
    gemeente = Gemeente(plugins=[ToyPilot(capacity=7)])
    with pytest.raises(InvalidValueError, match="cannot be built again"):
        gemeente.apply(besluit(ParameterWijziging("toy", "min_problems", 3, vanaf=JULY)))
    # Registered with the arguments it was built with, it is built again with them.
    known = Gemeente()
    known.register(ToyPilot(capacity=7), params={"capacity": 7})
    known.apply(besluit(ParameterWijziging("toy", "min_problems", 3, vanaf=JULY)))
    assert known.compiled("toy").at(JULY).pilot.capaciteit == 7
    assert known.assess(make_gezin(problems=2), JULY)["toy"].outcome is Outcome.NOT_ELIGIBLE
    # The pilot's own fields change whatever the class keeps.
    gemeente.apply(besluit(ParameterWijziging("toy", "capaciteit", 9, vanaf=JULY)))
    assert gemeente.compiled("toy").at(JULY).pilot.capaciteit == 9


def test_policies_wrap_every_version() -> None:
    from sociaaldomein import AllOf, hookimpl

    class AtLeastThree:
        @hookimpl(wrapper=True)
        def sociaaldomein_eligibility(self, pilot: object) -> Generator[None, Rule, Rule]:
            rule = yield
            return AllOf([rule, Compare(FEITEN.aantal_problemen, ">=", 3, source=BRON)])

    gemeente = Gemeente(plugins=[ToyPilot(), AtLeastThree()])
    gemeente.apply(besluit(ParameterWijziging("toy", "min_problems", 1, vanaf=JULY)))
    assert gemeente.assess(make_gezin(problems=2), JULY)["toy"].outcome is Outcome.NOT_ELIGIBLE
    changed_by = gemeente.compiled("toy").at(JULY).provenance["eligibility"].changed_by
    assert [r.name for r in changed_by] == [
        "at-least-three",
        "raadsbesluit RB 2024-03 of 2024-06-20",
    ]


def test_validity_is_half_open() -> None:
    g = Geldigheid(JULY, pendulum.date(2024, 8, 1), BRON, "capaciteit 5")
    assert JULY in g
    assert pendulum.date(2024, 7, 31) in g
    assert pendulum.date(2024, 8, 1) not in g
    assert pendulum.date(2024, 6, 30) not in g
    with pytest.raises(InvalidValueError, match=r"Geldigheid\.tot"):
        Geldigheid(JULY, JULY, BRON, "empty")


def test_plugins_json_lists_the_decisions_applied(capsys: pytest.CaptureFixture[str]) -> None:
    from sociaaldomein.cli.plugins import decisions

    gemeente = toy()
    gemeente.apply(besluit(ParameterWijziging("toy", "capaciteit", 5, vanaf=JULY)))
    listed = decisions(gemeente)
    assert listed == [
        {
            "besluit": "raadsbesluit RB 2024-03 of 2024-06-20",
            "orgaan": "raad",
            "datum": "2024-06-20",
            "kenmerk": "RB 2024-03",
            "bron": str(BRON),
            "pilots": ["toy"],
            "wijzigingen": ["capaciteit of toy becomes 5"],
        }
    ]
    assert main(["plugins", "--json", "--plugin", "gezinsverzorger"]) == 0
    assert all("besluiten" not in p for p in json.loads(capsys.readouterr().out))


@pytest.mark.parametrize("problems", [0, 3, 6])
@pytest.mark.parametrize("occupancy", [0, 2, 50])
@pytest.mark.parametrize(
    "day", [pendulum.date(2019, 1, 1), JULY.subtract(days=1), JULY, pendulum.date(2031, 1, 1)]
)
def test_a_versioned_verdict_is_the_versions_own_verdict_marked_by_the_version(
    problems: int, occupancy: int, day: pendulum.Date
) -> None:
    # decide builds the versioned verdict in one go; it must be the value Versie.mark
    # makes of the version's own verdict: its note first, its decisions in the provenance.
    gemeente = toy()
    gemeente.apply(besluit(ParameterWijziging("toy", "capaciteit", 5, vanaf=JULY)))
    gemeente.apply(
        besluit(ParameterWijziging("toy", "max_totaal", 1, vanaf=JULY), kenmerk="RB 2024-04")
    )
    compiled = gemeente.compiled("toy")
    version = compiled.version_on(day)
    assert version is not None
    family = make_gezin(problems=problems)
    for admitted in (0, 3):
        made = compiled.decide(family, day, occupancy, admitted_so_far=admitted)
        marked = version.mark(
            version.pilot.decide(family, day, occupancy, admitted_so_far=admitted)
        )
        assert made == marked
        assert made.provenance == marked.provenance
        assert [n.text for n in made.notes] == [n.text for n in marked.notes]
        assert made.notes[0].text.startswith(f"version {version.nummer},")
