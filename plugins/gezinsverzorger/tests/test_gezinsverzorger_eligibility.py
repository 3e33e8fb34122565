"""Who the pilot gezinsverzorger is for: letter 000_6fd8bb18cab06410.txt, through a Gemeente."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_gezinsverzorger import LETTER, GezinsverzorgerPilot

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    InvalidValueError,
    Lid,
    LidRol,
    Outcome,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)

ON = pendulum.date(2022, 3, 1)
LOW = ZrmScores.of(dict.fromkeys(ZrmDomein, 2))


def gezin(
    *,
    chronisch: bool = True,
    hulpvragen: frozenset[Hulpvraag] = frozenset({Hulpvraag.OVERNAME_HUISHOUDEN}),
    kind: pendulum.Date = pendulum.date(2015, 3, 1),
    zrm: ZrmMeting | None = None,
) -> Gezin:
    return Gezin(
        "gv-test",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=chronisch),
            Lid(LidRol.KIND, kind),
        ],
        hulpvragen=hulpvragen,
        zrm=zrm,
    )


def verdict_for(family: Gezin, plugin: GezinsverzorgerPilot | None = None) -> Outcome:
    groningen = Gemeente(plugins=[plugin or GezinsverzorgerPilot()])
    return groningen.assess(family, ON)["gezinsverzorger"].outcome


def test_a_chronic_parent_whose_household_must_be_taken_over_is_eligible() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot" (a parent with chronic or structural
    problems) and "Initiatiefvoorstel" (the gezinsverzorger takes over the household)."""
    assert verdict_for(gezin(zrm=ZrmMeting(ON, LOW, LOW))) is Outcome.ELIGIBLE


def test_without_a_chronic_parent_the_family_is_not_eligible() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": "de eigen problematiek van (een van de)
    ouder(s) die chronisch of structureel van aard is"."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    verdict = groningen.assess(gezin(chronisch=False), ON)["gezinsverzorger"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    failed = [e for e in verdict.eligibility.walk() if not e.passed and e.source is not None]
    assert [e.source.section for e in failed if e.source] == ["Bemensing pilot"]


def test_without_a_household_to_take_over_the_family_is_not_eligible() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the gezinsverzorger takes over "het
    runnen van het huishouden en de opvoeding (deels)"; other needs are not this pilot's."""
    other = frozenset({Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.INDIVIDUELE_BEGELEIDING})
    assert verdict_for(gezin(hulpvragen=other)) is Outcome.NOT_ELIGIBLE


def test_a_family_without_a_minor_child_is_not_eligible() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": the pilot is paid from "de begrote middelen
    voor jeugdhulp", so it is for families with a jeugdige (under 18)."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    verdict = groningen.assess(gezin(kind=pendulum.date(2003, 1, 1)), ON)["gezinsverzorger"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    leaf = verdict.eligibility.find("younger than 18")
    assert leaf is not None
    assert not leaf.passed
    assert leaf.source is not None
    assert leaf.source.section == "Kosten pilot"
    assert "jeugdhulp" in leaf.source.quote


def test_every_leaf_of_the_rule_cites_letter_000() -> None:
    """Every rule cites its letter and section (000_6fd8bb18cab06410.txt)."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot(require_zrm=True)])
    rules = [groningen.compiled("gezinsverzorger").eligibility]
    rules += [route.when for route in groningen.compiled("gezinsverzorger").routes]
    sections = {
        leaf.source.section for rule in rules for leaf in rule.leaves() if leaf.source is not None
    }
    assert all(leaf.source is not None for rule in rules for leaf in rule.leaves())
    assert {leaf.source.letter for rule in rules for leaf in rule.leaves() if leaf.source} == {
        LETTER.file
    }
    assert sections == {"Bemensing pilot", "Initiatiefvoorstel", "Kosten pilot"}


def test_by_default_a_family_without_a_zrm_assessment_is_eligible() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the assessment decides between coach
    and gezinsverzorger, not whether the family is one the pilot is for."""
    assert verdict_for(gezin(zrm=None)) is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        (None, Outcome.NOT_ELIGIBLE),
        (ON.subtract(days=31), Outcome.NOT_ELIGIBLE),
        (ON.add(days=1), Outcome.NOT_ELIGIBLE),
        (ON.subtract(days=30), Outcome.ELIGIBLE),
        (ON, Outcome.ELIGIBLE),
    ],
)
def test_require_zrm_asks_a_recent_assessment(
    taken: pendulum.Date | None, expected: Outcome
) -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": with ``require_zrm=True`` the
    "inschatting" must exist, and a ZRM older than 30 days is not used (DOMAIN.md, ZRM)."""
    zrm = None if taken is None else ZrmMeting(taken, LOW, LOW)
    assert verdict_for(gezin(zrm=zrm), GezinsverzorgerPilot(require_zrm=True)) is expected


def test_outside_its_two_years_the_pilot_takes_nobody() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "deze tweejarige pilot", from October 2021
    (derived from the yearly amounts)."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    family = gezin()
    assert groningen.assess(family, pendulum.date(2021, 9, 30))["gezinsverzorger"].outcome is (
        Outcome.CLOSED
    )
    assert groningen.assess(family, pendulum.date(2021, 10, 1))["gezinsverzorger"].eligible
    assert groningen.assess(family, pendulum.date(2023, 9, 30))["gezinsverzorger"].eligible
    assert groningen.assess(family, pendulum.date(2023, 10, 1))["gezinsverzorger"].outcome is (
        Outcome.CLOSED
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"zrm_threshold": 6}, "GezinsverzorgerPilot.zrm_threshold"),
        ({"zrm_threshold": True}, "GezinsverzorgerPilot.zrm_threshold"),
        ({"household_domains": ()}, "GezinsverzorgerPilot.household_domains"),
        (
            {"household_domains": (ZrmDomein.FINANCIEN, ZrmDomein.FINANCIEN)},
            "GezinsverzorgerPilot.household_domains",
        ),
        ({"household_domains": ("Financien",)}, "GezinsverzorgerPilot.household_domains"),
        ({"staff": ("medewerker B",)}, "GezinsverzorgerPilot.staff[0]"),
    ],
)
def test_a_wrong_parameter_is_named(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        GezinsverzorgerPilot(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
