"""Who the doorstart is for: 003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen"."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    GRONINGEN,
    KRACHTWIJKEN,
    KRACHTWIJKEN_OPENING,
    LOOPTIJD_VERLENGDE_PILOT,
    Aanvulling,
    MultiprobleemPilot,
)

from sociaaldomein import (
    Citation,
    Dwangmiddel,
    Explanation,
    Gebied,
    Gebiedsindeling,
    Gemeente,
    Gezin,
    Outcome,
    Probleem,
    Signaal,
    Verdict,
)
from sociaaldomein.testing import make_gezin

BRIEF = "003_720c15da674da257.txt"
MAART_2011 = pendulum.date(2011, 3, 1)
DRIE_PROBLEMEN = (Probleem.SCHULDEN, Probleem.VERSLAVING, Probleem.GEEN_WERK)


def gezin(**fields: object) -> Gezin:
    """Three problems, a signal, a coercive instrument, in Tuinwijk; ``fields`` override."""
    values: dict[str, object] = {
        "problemen": DRIE_PROBLEMEN,
        "signalen": [Signaal.VOORTDURENDE_OVERLAST],
        "dwangmiddelen": [Dwangmiddel.HUISUITZETTING],
        "wijk": "Tuinwijk",
    }
    values.update(fields)
    return make_gezin("gezin-mpg", **values)


def verdict(
    family: Gezin, on: pendulum.Date = MAART_2011, plugin: MultiprobleemPilot | None = None
) -> Verdict:
    groningen = Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])
    return groningen.assess(family, on)["multiprobleem"]


def node(explanation: Explanation, fragment: str) -> Explanation:
    found = explanation.find(fragment)
    assert found is not None, f"no reason containing {fragment!r} in\n{explanation}"
    return found


def failed_conditions(v: Verdict) -> list[str]:
    return [c.text for c in v.eligibility.children if not c.passed]


def test_two_problems_are_not_a_multiprobleemgezin() -> None:
    """003_720c15da674da257.txt, "DOEL": a multiprobleemgezin has "een combinatie van drie of
    meer problemen"."""
    v = verdict(gezin(problemen=[Probleem.SCHULDEN, Probleem.VERSLAVING]))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    problemen = node(v.eligibility, "simultaneous problems")
    assert not problemen.passed
    assert problemen.observed == "2"
    assert problemen.source is not None
    assert (problemen.source.letter, problemen.source.section) == (BRIEF, "DOEL")
    assert failed_conditions(v) == [problemen.text]


def test_three_problems_a_signal_an_instrument_and_tuinwijk_are_eligible() -> None:
    """003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen": three problems and (a), (b)
    and (c)."""
    v = verdict(gezin())
    assert v.outcome is Outcome.ELIGIBLE
    assert node(v.eligibility, "simultaneous problems").observed == "3"
    for part in ("(a)", "(b)", "(c)"):
        reason = node(v.eligibility, part)
        assert reason.passed, part
        assert reason.source is not None
        assert reason.source.section == "7. Toewijzing gezinnen"
    overlast = node(v.eligibility, "nuisance")
    assert overlast.passed
    assert overlast.source is not None
    assert overlast.source.quote == "die voortdurend overlast veroorzaken"
    assert node(v.eligibility, "eviction (huisuitzetting)").passed
    assert node(v.eligibility, "a krachtwijk").passed


@pytest.mark.parametrize(
    ("fields", "part"),
    [
        ({"signalen": []}, "(a)"),
        ({"dwangmiddelen": []}, "(b)"),
        ({"wijk": "Vinkhuizen"}, "(c)"),
        ({"wijk": None}, "(c)"),
    ],
)
def test_each_of_a_b_c_is_required(fields: dict[str, object], part: str) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "en waarbij" (b) "en woonachtig" (c):
    all three hold."""
    v = verdict(gezin(**fields))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    failed = failed_conditions(v)
    assert len(failed) == 1
    assert failed[0].startswith(part)


@pytest.mark.parametrize("signaal", list(Signaal))
def test_any_one_of_the_five_signals_suffices(signaal: Signaal) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (a): one of five bullets."""
    assert verdict(gezin(signalen=[signaal])).eligible


@pytest.mark.parametrize("middel", list(Dwangmiddel))
def test_any_one_coercive_instrument_suffices(middel: Dwangmiddel) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (b): "één of meerdere" partners
    "(kunnen) inzetten"."""
    assert verdict(gezin(dwangmiddelen=[middel])).eligible


@pytest.mark.parametrize(
    ("wijk", "found"),
    [
        ("Korrewegwijk", "Korrewegwijk"),
        ("Indische Buurt", "Indische Buurt lies in the Korrewegwijk"),
        ("de Hoogte", "de Hoogte lies in the Korrewegwijk"),
        ("  De  hoogte ", "De  hoogte lies in the Korrewegwijk"),
        ("indische buurt", "indische buurt lies in the Korrewegwijk"),
        ("TUINWIJK", "TUINWIJK"),
    ],
)
def test_the_korrewegwijk_its_buurten_and_tuinwijk_by_default(wijk: str, found: str) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "de Indische Buurt, de Hoogte of
    Tuinwijk"; the agreement's preamble: "de Hoogte, Korrewegwijk en Tuinwijk".  The Indische
    Buurt and de Hoogte lie in the Korrewegwijk: one area, each family explained."""
    v = verdict(gezin(wijk=wijk))
    assert v.eligible
    area = node(v.eligibility, "a krachtwijk")
    assert area.passed
    assert area.observed == found  # the family's spelling, not lowercased
    assert area.text == "a krachtwijk: the Korrewegwijk or Tuinwijk"


@pytest.mark.parametrize("wijk", ["Selwerd", "Paddepoel", "Beijum", "Beyum"])
def test_the_wijken_added_if_needed_admit_no_family_without_a_decision(wijk: str) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "zo nodig aangevuld met gezinnen
    uit Selwerd, Paddepoel of Beijum": a decision the partners take, not an admission."""
    v = verdict(gezin(wijk=wijk))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    assert failed_conditions(v) == [
        "(c) lives in the Korrewegwijk or Tuinwijk; Selwerd, Paddepoel or Beijum only by a "
        "recorded decision (zo nodig aangevuld), none recorded"
    ]
    assert "does not lie in the Korrewegwijk or Tuinwijk" in str(
        node(v.eligibility, "a krachtwijk").observed
    )


BESLUIT = Aanvulling(
    pendulum.date(2011, 5, 1),
    "the partners in the selection",
    Citation("verslag-selectieoverleg-2011-05-01.txt", "punt 3"),
)


def test_a_recorded_decision_admits_selwerd_and_the_reasons_cite_it() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c) and "Tenslotte": "niet meer strikt
    aan de krachtwijken"; once the partners record the decision, Selwerd admits a family."""
    aangevuld = MultiprobleemPilot(aanvulling=BESLUIT)
    v = verdict(gezin(wijk="Selwerd"), pendulum.date(2011, 6, 1), aangevuld)
    assert v.eligible
    extension = node(v.eligibility, "if needed (zo nodig aangevuld)")
    assert extension.passed
    assert extension.source == BESLUIT.bron
    assert "decided on 2011-05-01 by the partners in the selection" in extension.text
    assert node(extension, "lives in Selwerd").observed == "Selwerd"
    assert not node(v.eligibility, "a krachtwijk").passed


def test_before_the_decision_the_added_wijken_admit_no_family() -> None:
    """The decision admits families from the day it was taken, not before."""
    aangevuld = MultiprobleemPilot(aanvulling=BESLUIT)
    v = verdict(gezin(wijk="Beyum"), pendulum.date(2011, 4, 30), aangevuld)
    assert not v.eligible
    assert node(v.eligibility, "the decision to add").observed == (
        "decision of 2011-05-01, not yet taken on 2011-04-30"
    )
    later = verdict(gezin(wijk="Beyum"), pendulum.date(2011, 5, 1), aangevuld)
    assert node(later.eligibility, "lives in Selwerd").observed == "Beyum is Beijum"


def test_en_verder_is_a_decision_over_a_larger_tree() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "... of Beijum en verder": a
    wijk the shipped tree does not hold is named in a tree the municipality supplies."""
    assert "Vinkhuizen is not an area of the tree" in str(
        node(verdict(gezin(wijk="Vinkhuizen")).eligibility, "a krachtwijk").observed
    )
    groter = Gebiedsindeling(
        [*GRONINGEN, Gebied("Vinkhuizen", "wijk", ligt_in="Groningen")], bron="test"
    )
    besluit = attrs.evolve(BESLUIT, wijken=("Vinkhuizen",))
    wider = MultiprobleemPilot(aanvulling=besluit, gebieden=groter)
    assert verdict(gezin(wijk="Vinkhuizen"), pendulum.date(2011, 6, 1), wider).eligible


def test_the_01_parameter_still_adds_wijken_and_says_no_decision_was_recorded() -> None:
    """The 0.1 parameter added wijken without a decision: it still works, with a warning,
    and the reasons say the decision is not on record."""
    with pytest.warns(DeprecationWarning, match=r"aanvullende_wijken.*aanvulling=Aanvulling"):
        old = MultiprobleemPilot(aanvullende_wijken=["Selwerd"])
    assert old.aanvulling is not None
    assert "nobody on record" in old.aanvulling.besloten_door
    assert verdict(gezin(wijk="Selwerd"), pendulum.date(2011, 6, 1), old).eligible
    with pytest.warns(DeprecationWarning, match="aanvullende_wijken"):
        strict = MultiprobleemPilot(aanvullende_wijken=())
    assert strict.aanvulling is None


def test_section_7s_names_alone_leave_a_family_recorded_in_the_korrewegwijk_out() -> None:
    """The reading of section 7 (c) by its names alone (KRACHTWIJKEN) is a parameter."""
    strikt = MultiprobleemPilot(krachtwijken=KRACHTWIJKEN)
    assert not verdict(gezin(wijk="Korrewegwijk"), plugin=strikt).eligible
    assert verdict(gezin(wijk="Indische Buurt"), plugin=strikt).eligible
    opening = MultiprobleemPilot(krachtwijken=KRACHTWIJKEN_OPENING)
    assert verdict(gezin(wijk="Indische Buurt"), plugin=opening).eligible


def test_the_number_of_problems_is_a_parameter() -> None:
    """003_720c15da674da257.txt, "DOEL": "drie of meer"; a municipality may try another
    threshold."""
    four = list(Probleem)[:4]
    strenger = MultiprobleemPilot(min_problemen=4)
    assert verdict(gezin(problemen=four), plugin=strenger).eligible
    assert not verdict(gezin(), plugin=strenger).eligible


def test_no_verdict_outside_the_looptijd() -> None:
    """003_720c15da674da257.txt, the agreement: "De doorstart wordt uitgevoerd van 1 januari 2011
    tot 1 juli 2012"."""
    assert verdict(gezin(), pendulum.date(2010, 12, 31)).outcome is Outcome.CLOSED
    assert verdict(gezin(), pendulum.date(2011, 1, 1)).outcome is Outcome.ELIGIBLE
    assert verdict(gezin(), pendulum.date(2012, 6, 30)).outcome is Outcome.ELIGIBLE
    assert verdict(gezin(), pendulum.date(2012, 7, 1)).outcome is Outcome.CLOSED


def test_the_extended_pilot_runs_from_april_2009() -> None:
    """003_720c15da674da257.txt, "Pilot multiprobleemgezinnen krachtwijken" and "Tenslotte": the
    pilot of 1 April 2009, extended by 15 months to 1 July 2012."""
    on = pendulum.date(2010, 6, 1)
    assert verdict(gezin(), on).outcome is Outcome.CLOSED
    verlengd = MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT)
    assert verdict(gezin(), on, verlengd).outcome is Outcome.ELIGIBLE


def test_after_ten_and_ten_selected_no_family_is_admitted_whatever_is_free() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": 10 families, and "maximaal 10" more:
    20 in total over the doorstart, not 20 at once; the letter gives no number at once."""
    compiled = Gemeente("Groningen", plugins=[MultiprobleemPilot()]).compiled("multiprobleem")
    assert compiled.pilot.capaciteit is None
    assert compiled.pilot.max_totaal == 20
    v = compiled.decide(gezin(), MAART_2011, occupancy=3, admitted_so_far=20)
    assert v.outcome is Outcome.WAITLIST
    assert any("7. Toewijzing gezinnen" in str(n) and "in total" in str(n) for n in v.notes)
    placed = compiled.decide(gezin(), MAART_2011, occupancy=19, admitted_so_far=19)
    assert placed.outcome is Outcome.ELIGIBLE


def test_every_leaf_cites_the_letter() -> None:
    """Every rule cites its letter and section (design record 11)."""
    rule = MultiprobleemPilot().doelgroep
    for leaf in rule.leaves():
        assert leaf.source is not None
        assert leaf.source.letter == BRIEF
        assert leaf.source.section in ("DOEL", "7. Toewijzing gezinnen")
