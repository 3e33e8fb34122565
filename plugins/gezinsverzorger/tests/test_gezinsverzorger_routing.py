"""Gezinscoach or gezinsverzorger: 000_6fd8bb18cab06410.txt, "Initiatiefvoorstel".

"De keuze of het gezinscoach of gezinsverzorger moet zijn, is afhankelijk van de
inschatting van de mate van dan wel de te bereiken mate van zelfredzaamheid van
het gezin."  The library reads it on the ZRM household domains at level 3.
"""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_gezinsverzorger import GEZINSCOACH, HOUSEHOLD_DOMAINS, GezinsverzorgerPilot

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Outcome,
    Verdict,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.i18n import label

ON = pendulum.date(2022, 6, 1)
TAKEN = pendulum.date(2022, 5, 20)


def gezin(huidig: dict[ZrmDomein, int], haalbaar: dict[ZrmDomein, int] | None = None) -> Gezin:
    zrm = ZrmMeting(
        TAKEN, ZrmScores.of(huidig), None if haalbaar is None else ZrmScores.of(haalbaar)
    )
    return Gezin(
        "gv-route",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=True),
            Lid(LidRol.KIND, pendulum.date(2016, 3, 1)),
        ],
        hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
        zrm=zrm,
    )


def household(level: int) -> dict[ZrmDomein, int]:
    return dict.fromkeys(HOUSEHOLD_DOMAINS, level)


def decide(family: Gezin, plugin: GezinsverzorgerPilot | None = None) -> Verdict:
    groningen = Gemeente(plugins=[plugin or GezinsverzorgerPilot()])
    return groningen.assess(family, ON)["gezinsverzorger"]


def test_a_family_that_can_be_strengthened_goes_to_a_gezinscoach() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the coach strengthens the family's own
    regie; the family reaches ZRM level 3 on every household domain with support."""
    verdict = decide(gezin(household(2), household(3)))
    assert verdict.outcome is Outcome.REFERRED
    assert verdict.to == GEZINSCOACH
    assert verdict.notes[0].source is not None
    assert verdict.notes[0].source.section == "Initiatiefvoorstel"


def test_the_gezinscoach_route_names_the_zrm_scores_that_decided() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the choice rests on the assessed and the
    achievable zelfredzaamheid, so the explanation shows both scores for every domain."""
    huidig = {
        ZrmDomein.FINANCIEN: 2,
        ZrmDomein.HUISELIJKE_RELATIES: 1,
        ZrmDomein.BASALE_ADL: 3,
        ZrmDomein.INSTRUMENTELE_ADL: 2,
    }
    haalbaar = {
        ZrmDomein.FINANCIEN: 4,
        ZrmDomein.HUISELIJKE_RELATIES: 3,
        ZrmDomein.BASALE_ADL: 3,
        ZrmDomein.INSTRUMENTELE_ADL: 5,
    }
    verdict = decide(gezin(huidig, haalbaar))
    assert verdict.route is not None
    for domein in HOUSEHOLD_DOMAINS:
        node = verdict.route.find(f"{label(domein)}: at least level 3")
        assert node is not None
        assert node.passed
        now, achievable = node.children
        assert now.text == f"ZRM level on {domein.value} is at least 3"
        assert now.observed == str(huidig[domein])
        assert achievable.text == f"achievable ZRM level on {domein.value} is at least 3"
        assert achievable.observed == str(haalbaar[domein])
    rendered = verdict.render()
    assert "achievable ZRM level on Instrumentele ADL is at least 3 (found: 5)" in rendered
    assert "ZRM level on Huiselijke relaties is at least 3 (found: 1)" in rendered


def test_one_household_domain_out_of_reach_keeps_the_gezinsverzorger() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": where the household cannot (yet) be left
    to the family the gezinsverzorger takes it over."""
    haalbaar = household(4) | {ZrmDomein.INSTRUMENTELE_ADL: 2}
    assert decide(gezin(household(2), haalbaar)).outcome is Outcome.ELIGIBLE


def test_a_family_already_beperkt_zelfredzaam_goes_to_the_coach_without_achievable_levels() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": "de mate van" zelfredzaamheid counts
    as well as "de te bereiken mate"; a family at level 3 now needs no takeover."""
    assert decide(gezin(household(3))).outcome is Outcome.REFERRED
    assert decide(gezin(household(2))).outcome is Outcome.ELIGIBLE


def test_an_unscored_household_domain_counts_as_not_shown() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the choice depends on the assessment, so
    a domain nobody assessed cannot send the family to the lighter coach."""
    partial: dict[ZrmDomein, int] = {
        d: 4 for d in HOUSEHOLD_DOMAINS if d is not ZrmDomein.FINANCIEN
    }
    verdict = decide(gezin(partial, partial))
    assert verdict.outcome is Outcome.ELIGIBLE


def test_a_family_without_zrm_stays_with_the_gezinsverzorger() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": without an "inschatting" the family
    cannot be routed to the coach; by default it stays with the gezinsverzorger."""
    family = gezin(household(5), household(5))
    without = Gezin(family.id, family.leden, hulpvragen=family.hulpvragen)
    assert decide(family).outcome is Outcome.REFERRED
    assert decide(without).outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(("threshold", "expected"), [(3, Outcome.REFERRED), (4, Outcome.ELIGIBLE)])
def test_the_threshold_is_a_parameter(threshold: int, expected: Outcome) -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel" names no level; 3 is the library's
    reading and a municipality may choose another."""
    plugin = GezinsverzorgerPilot(zrm_threshold=threshold)
    assert decide(gezin(household(2), household(3)), plugin).outcome is expected


def test_the_household_domains_are_a_parameter() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel" names no domains; with only Financien
    the other domains no longer matter."""
    haalbaar = household(2) | {ZrmDomein.FINANCIEN: 3}
    family = gezin(household(2), haalbaar)
    assert decide(family).outcome is Outcome.ELIGIBLE
    only_money = GezinsverzorgerPilot(household_domains=[ZrmDomein.FINANCIEN])
    assert decide(family, only_money).outcome is Outcome.REFERRED


def test_a_family_not_eligible_is_never_routed() -> None:
    """Routes apply only to families the pilot is for (000, "Bemensing pilot")."""
    family = gezin(household(4), household(5))
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    adult_only = Gezin("gv-adult", [family.leden[0]], hulpvragen=family.hulpvragen, zrm=family.zrm)
    verdict = groningen.assess(adult_only, ON)["gezinsverzorger"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    assert verdict.route is None
