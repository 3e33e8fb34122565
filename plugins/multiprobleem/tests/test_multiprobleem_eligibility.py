"""Who the doorstart is for: 003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen"."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    KRACHTWIJKEN_OPENING,
    LOOPTIJD_VERLENGDE_PILOT,
    MultiprobleemPilot,
)

from sociaaldomein import (
    Dwangmiddel,
    Explanation,
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


@pytest.mark.parametrize("wijk", ["Indische Buurt", "de Hoogte", "TUINWIJK", "  De  hoogte "])
def test_the_three_krachtwijken_in_any_spelling(wijk: str) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "de Indische Buurt, de Hoogte of
    Tuinwijk"."""
    v = verdict(gezin(wijk=wijk))
    assert v.eligible
    assert not node(v.eligibility, "if needed (zo nodig").passed


@pytest.mark.parametrize("wijk", ["Selwerd", "Paddepoel", "Beijum"])
def test_the_wijken_added_if_needed_qualify_through_the_extension_only(wijk: str) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "zo nodig aangevuld met gezinnen
    uit Selwerd, Paddepoel of Beijum"; "Tenslotte": "niet meer strikt aan de krachtwijken"."""
    v = verdict(gezin(wijk=wijk))
    assert v.eligible
    assert not node(v.eligibility, "a krachtwijk").passed
    assert node(v.eligibility, "if needed (zo nodig").passed


def test_the_strict_reading_leaves_the_extension_out() -> None:
    """The "zo nodig" extension is a parameter: without it Selwerd is outside (c)."""
    v = verdict(gezin(wijk="Selwerd"), plugin=MultiprobleemPilot(aanvullende_wijken=()))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    assert node(v.eligibility, "(c)").text == "(c) lives in Indische Buurt, de Hoogte or Tuinwijk"


def test_en_verder_widens_the_extension() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen" (c): "... of Beijum en verder"."""
    assert not verdict(gezin(wijk="Vinkhuizen")).eligible
    wider = MultiprobleemPilot(aanvullende_wijken=["Beijum", "Vinkhuizen"])
    assert verdict(gezin(wijk="Vinkhuizen"), plugin=wider).eligible


def test_korrewegwijk_only_in_the_opening_paragraphs_reading() -> None:
    """The agreement's opening and "Pilot multiprobleemgezinnen krachtwijken" name the
    Korrewegwijk; section 7 (c) names the Indische Buurt."""
    assert not verdict(gezin(wijk="Korrewegwijk")).eligible
    opening = MultiprobleemPilot(krachtwijken=KRACHTWIJKEN_OPENING, aanvullende_wijken=())
    assert verdict(gezin(wijk="Korrewegwijk"), plugin=opening).eligible
    assert not verdict(gezin(wijk="Indische Buurt"), plugin=opening).eligible


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
