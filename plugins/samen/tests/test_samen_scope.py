"""Who SAMEN. is for, and specialist care routed out: letter 002_3dca2c59337eb1a8.txt."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
import pytest
from sociaaldomein_samen import LETTER, SPECIALISTISCH, SamenPilot

from sociaaldomein import Gemeente, Gezin, Hulpvraag, Lid, LidRol, Outcome, Verdict, Verwijzer

ON = pendulum.date(2023, 3, 1)
B, L, S = (
    Hulpvraag.JEUGDHULP_BEGELEIDING,
    Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
    Hulpvraag.JEUGDHULP_SPECIALISTISCH,
)


def gezin(
    hulpvragen: Iterable[Hulpvraag],
    verwijzer: Verwijzer | None = Verwijzer.GEMEENTE,
    kind: pendulum.Date = pendulum.date(2013, 4, 1),
) -> Gezin:
    return Gezin(
        "samen-test",
        leden=[Lid(LidRol.OUDER, pendulum.date(1984, 1, 1)), Lid(LidRol.KIND, kind)],
        hulpvragen=hulpvragen,
        verwijzer=verwijzer,
    )


def decide(family: Gezin, on: pendulum.Date = ON) -> Verdict:
    return Gemeente(plugins=[SamenPilot()]).assess(family, on)["samen"]


@pytest.mark.parametrize("need", [B, L])
def test_basic_youth_care_is_delivered_by_wij(need: Hulpvraag) -> None:
    """002_3dca2c59337eb1a8.txt, "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen":
    "Het gaat om begeleiding en lichte behandeling, die tot nu toe door gecontracteerde
    jeugdhulpaanbieders op indicatie wordt uitgevoerd"."""
    verdict = decide(gezin([need]))
    assert verdict.outcome is Outcome.ELIGIBLE
    assert verdict.to is None


@pytest.mark.parametrize("needs", [[S], [B, S], [L, S]])
def test_a_specialist_need_is_routed_out(needs: list[Hulpvraag]) -> None:
    """002_3dca2c59337eb1a8.txt, "De taak SAMEN, in relatie tot WIJ Groningen en het regionale
    jeugdhulpveld": "dat wij de specialistische schil niet lokaal kunnen inkopen"."""
    verdict = decide(gezin(needs))
    assert verdict.outcome is Outcome.REFERRED
    assert verdict.to == SPECIALISTISCH == "specialistische jeugdhulp (regionaal ingekocht)"
    assert verdict.notes[0].source is not None
    assert verdict.notes[0].source.section.startswith("De taak SAMEN, in relatie tot")
    assert "(supra)regionally purchased" in verdict.notes[0].text


def test_the_specialist_route_comes_before_the_phasing() -> None:
    """002, "De taak SAMEN, in relatie tot ...": specialist care is never SAMEN., so a huisarts
    referral before huisarts intake is phased in still goes to the specialist field."""
    verdict = decide(gezin([B, S], Verwijzer.HUISARTS))
    assert verdict.outcome is Outcome.REFERRED
    assert verdict.to == SPECIALISTISCH


def test_without_a_jeugdige_the_family_is_not_eligible() -> None:
    """002_3dca2c59337eb1a8.txt, "Wat verstaan we onder ...": basisjeugdhulp "aan jeugdigen en
    gezinnen"; a family whose only child is 19 asks no youth care."""
    verdict = decide(gezin([B], kind=pendulum.date(2003, 6, 1)))
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    leaf = verdict.eligibility.find("jeugdige")
    assert leaf is not None
    assert not leaf.passed


def test_without_a_youth_care_need_the_family_is_not_eligible() -> None:
    """002_3dca2c59337eb1a8.txt, "Wat verstaan we onder ...": SAMEN. is youth care; day
    activities or individual support for a parent are not."""
    verdict = decide(gezin([Hulpvraag.DAGBESTEDING, Hulpvraag.INDIVIDUELE_BEGELEIDING]))
    assert verdict.outcome is Outcome.NOT_ELIGIBLE


def test_before_1_january_2023_wij_does_not_deliver_yet() -> None:
    """002_3dca2c59337eb1a8.txt, "Welke stukken leggen wij nu aan u voor": "om de taak SAMEN.
    vanaf 1 januari 2023 uit te voeren"."""
    family = gezin([B])
    assert decide(family, pendulum.date(2022, 12, 31)).outcome is Outcome.CLOSED
    assert decide(family, pendulum.date(2023, 1, 1)).outcome is Outcome.ELIGIBLE


def test_every_leaf_cites_letter_002() -> None:
    """Every rule cites its letter and section (002_3dca2c59337eb1a8.txt)."""
    groningen = Gemeente(plugins=[SamenPilot()])
    rules = [
        groningen.compiled("samen").eligibility,
        *(r.when for r in groningen.compiled("samen").routes),
    ]
    leaves = [leaf for rule in rules for leaf in rule.leaves()]
    assert all(leaf.source is not None for leaf in leaves)
    assert {leaf.source.letter for leaf in leaves if leaf.source} == {LETTER.file}
    assert {leaf.source.section for leaf in leaves if leaf.source} == {
        "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen",
        "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld",
        "Gezamenlijk proces, veranderstrategie en aansturing",
    }


def test_samen_has_no_capacity_so_nobody_waits() -> None:
    """002_3dca2c59337eb1a8.txt, "Hoe wordt de taak SAMEN. gefinancierd?": a lumpsum for all
    basic youth care that was indicated, not a number of places."""
    groningen = Gemeente(plugins=[SamenPilot()])
    verdict = groningen.assess(gezin([B]), ON, occupancy={"samen": 100_000})["samen"]
    assert groningen.pilot("samen").capaciteit is None
    assert verdict.outcome is Outcome.ELIGIBLE
