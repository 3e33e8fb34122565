"""The partners' selection: 003_720c15da674da257.txt, "Doorstart" and "7. Toewijzing gezinnen"."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    LOOPTIJD_VERLENGDE_PILOT,
    SAMENWERKINGSPARTNERS,
    SELECTIEREGEL,
    Aanwijzingssoort,
    MultiprobleemPilot,
    Samenwerkingspartner,
    Selectie,
)
from sociaaldomein_multiprobleem.letter import LETTER

from sociaaldomein import (
    FEITEN,
    AllOf,
    Citation,
    Dwangmiddel,
    Gemeente,
    Gezin,
    InvalidValueError,
    IsTrue,
    Lid,
    LidRol,
    Periode,
    Probleem,
    Signaal,
)
from sociaaldomein.testing import make_gezin

TOEWIJZING = str(LETTER.cite("7. Toewijzing gezinnen"))
START = pendulum.date(2011, 1, 1)
DECEMBER = pendulum.date(2010, 12, 15)
JUNI = pendulum.date(2011, 6, 1)
EINDE = pendulum.date(2012, 7, 1)
ALLE = SAMENWERKINGSPARTNERS


def ids(n: int, prefix: str = "top") -> list[str]:
    return [f"{prefix}-{i:02}" for i in range(1, n + 1)]


def leeg() -> Selectie:
    """A selection that records the partners' decision without checking the target group."""
    return Selectie(Periode(START, EINDE))


def top10() -> Selectie:
    return leeg().designate_top10(ids(10), DECEMBER, ALLE)


def date(year: int) -> pendulum.Date:
    return pendulum.date(year, 1, 1)


def doelgroepgezin(gezin_id: str, **fields: object) -> Gezin:
    values: dict[str, object] = {
        "leden": [Lid(LidRol.OUDER, date(1980)), Lid(LidRol.KIND, date(2004))],
        "problemen": [Probleem.SCHULDEN, Probleem.VERSLAVING, Probleem.GEEN_WERK],
        "signalen": [Signaal.ACUTE_CRISIS],
        "dwangmiddelen": [Dwangmiddel.UITHUISPLAATSING],
        "wijk": "de Hoogte",
    }
    values.update(fields)
    return make_gezin(gezin_id, **values)


def test_ten_families_designated_before_the_start_guarantee_the_inflow() -> None:
    """003_720c15da674da257.txt, "Doorstart": "een top 10 van gezinnen aanwijzen"; the doorstart
    goes ahead only "als er gegarandeerde instroom van gezinnen is"."""
    selectie = top10()
    assert selectie.top10 == tuple(ids(10))
    assert selectie.instroom_gegarandeerd(START) is True
    assert all(a.soort is Aanwijzingssoort.TOP10 for a in selectie.aanwijzingen)


def test_an_eleventh_family_in_the_top_10_is_refused() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "10 gezinnen ... voorafgaande aan de
    start"."""
    with pytest.raises(InvalidValueError) as at_once:
        leeg().designate_top10(ids(11), DECEMBER, ALLE)
    assert at_once.value.field == "Selectie.top10"
    assert TOEWIJZING in str(at_once.value)
    with pytest.raises(InvalidValueError) as later:
        top10().designate_top10(["top-11"], pendulum.date(2010, 12, 20), ALLE)
    assert later.value.field == "Selectie.top10"
    assert "10 designated already" in str(later.value)


def test_the_top_10_may_be_completed_in_steps_before_the_start() -> None:
    """003_720c15da674da257.txt, "Doorstart": the partners put families forward and "Daaruit"
    designate a top 10; inflow is undecided until it is complete."""
    selectie = leeg().designate_top10(ids(6), pendulum.date(2010, 11, 1), ALLE)
    assert selectie.instroom_gegarandeerd(pendulum.date(2010, 11, 2)) is None
    selectie = selectie.designate_top10(ids(10)[6:], DECEMBER, ALLE)
    assert selectie.instroom_gegarandeerd(DECEMBER) is True
    assert selectie.instroom_gegarandeerd(pendulum.date(2010, 11, 2)) is None


@pytest.mark.parametrize("on", [START, JUNI])
def test_the_top_10_is_designated_before_the_start_only(on: pendulum.Date) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "*voorafgaande aan de start*"."""
    with pytest.raises(InvalidValueError) as info:
        leeg().designate_top10(ids(10), on, ALLE)
    assert info.value.field == "Selectie.designate_top10.on"
    assert "2011-01-01" in str(info.value)


def test_at_most_ten_more_families_during_the_pilot() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "gedurende de pilot nog een selectie
    van maximaal 10 gezinnen"."""
    selectie = top10()
    for i, gezin_id in enumerate(ids(10, "extra")):
        selectie = selectie.add(gezin_id, JUNI.add(days=i), ALLE)
    assert selectie.aanvullingen == tuple(ids(10, "extra"))
    with pytest.raises(InvalidValueError) as info:
        selectie.add("extra-11", pendulum.date(2011, 9, 1), ALLE)
    assert info.value.field == "Selectie.aanvullingen"
    assert TOEWIJZING in str(info.value)


@pytest.mark.parametrize("on", [DECEMBER, EINDE, pendulum.date(2012, 9, 1)])
def test_families_are_added_during_the_pilot_only(on: pendulum.Date) -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "gedurende de pilot"."""
    with pytest.raises(InvalidValueError) as info:
        top10().add("extra-01", on, ALLE)
    assert info.value.field == "Selectie.add.on"


def test_the_partners_select_together() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst": "De samenwerkingspartners selecteren
    gezamenlijk de gezinnen"."""
    zonder_politie = [p for p in ALLE if p is not Samenwerkingspartner.POLITIE]
    with pytest.raises(InvalidValueError) as missing:
        leeg().designate_top10(ids(10), DECEMBER, zonder_politie)
    assert missing.value.field == "Selectie.designate_top10.partners"
    assert "missing: de Regiopolitie Groningen" in str(missing.value)
    with pytest.raises(InvalidValueError, match="not a partner of the agreement"):
        top10().add("extra-01", JUNI, [*ALLE, "Raad voor de Kinderbescherming"])
    spelled = [f"  {p.upper()} " for p in ALLE]
    assert top10().add("extra-01", JUNI, spelled).is_selected("extra-01", JUNI)


def test_a_family_is_selected_once() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": ten families, and ten more, each
    counted once."""
    with pytest.raises(InvalidValueError, match="'top-03' is already selected"):
        top10().add("top-03", JUNI, ALLE)
    with pytest.raises(InvalidValueError, match="already selected"):
        leeg().designate_top10(["a", "b", "a"], DECEMBER, ALLE)


def test_a_decision_returns_a_new_selection() -> None:
    """A Selectie is a record of decisions: a decision returns a new record."""
    before = top10()
    after = before.add("extra-01", JUNI, ALLE)
    assert before.aanvullingen == ()
    assert after.aanvullingen == ("extra-01",)


def test_is_selected_from_the_decision_until_the_end_of_the_agreement() -> None:
    """003_720c15da674da257.txt, the agreement's opening: it concerns "uitsluitend" the selected
    families, "voor de periode van de pilot" ("DOEL")."""
    selectie = top10().add("extra-01", JUNI, ALLE)
    assert not selectie.is_selected("extra-01", JUNI.subtract(days=1))
    assert selectie.is_selected("extra-01", JUNI)
    assert selectie.is_selected("top-01", START)
    assert not selectie.is_selected("top-01", EINDE)
    assert not selectie.is_selected("someone-else", JUNI)
    assert set(selectie.geselecteerd(JUNI)) == {*ids(10), "extra-01"}


def test_without_a_top_10_the_doorstart_does_not_start() -> None:
    """003_720c15da674da257.txt, "Doorstart": no doorstart without guaranteed inflow; the pilot's
    termination rules report it through the core's GeenGegarandeerdeInstroom."""
    groningen = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    negen = leeg().designate_top10(ids(9), DECEMBER, ALLE)
    assert negen.instroom_gegarandeerd(DECEMBER) is None
    assert negen.instroom_gegarandeerd(START) is False
    check = groningen.check_termination("multiprobleem", negen.toestand(START))
    assert check.ended
    assert [e.rule for e in check.by] == ["no guaranteed inflow"]
    assert check.by[0].source is not None
    assert check.by[0].source.section == "Doorstart"
    assert not groningen.check_termination("multiprobleem", top10().toestand(START)).ended


def test_the_plugins_selection_refuses_a_family_outside_the_target_group() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": the partners select from the target
    group (a)-(c)."""
    selectie = MultiprobleemPilot().selectie()
    gezinnen = [doelgroepgezin(f"mpg-{i:02}") for i in range(1, 10)]
    buiten = doelgroepgezin("mpg-10", wijk="Vinkhuizen")
    with pytest.raises(InvalidValueError) as info:
        selectie.designate_top10([*gezinnen, buiten], DECEMBER, ALLE)
    assert info.value.field == "Selectie.designate_top10.gezinnen"
    assert "'mpg-10' is not in the target group" in str(info.value)
    assert "(c)" in str(info.value)
    with pytest.raises(InvalidValueError, match="pass the Gezin"):
        selectie.designate_top10(["mpg-01"], DECEMBER, ALLE)
    selectie = selectie.designate_top10([*gezinnen, doelgroepgezin("mpg-10")], DECEMBER, ALLE)
    assert selectie.instroom_gegarandeerd(START) is True


def test_a_policy_changed_rule_can_check_the_selection() -> None:
    """The rule as a municipal policy changed it can replace the plugin's own."""
    beleid = Citation("beleid-groningen.txt", "Alleen gezinnen met minderjarige kinderen")
    strenger = AllOf(
        [MultiprobleemPilot().doelgroep, IsTrue(FEITEN.minderjarig_kind, source=beleid)]
    )
    selectie = MultiprobleemPilot().selectie(strenger)
    volwassen = [Lid(LidRol.OUDER, pendulum.date(1960, 1, 1)), Lid(LidRol.KIND, date(1990))]
    with pytest.raises(InvalidValueError, match="a child younger than 18"):
        selectie.add(doelgroepgezin("mpg-01", leden=volwassen), JUNI, ALLE)
    assert selectie.designate_top10([doelgroepgezin("mpg-02")], DECEMBER, ALLE).top10 == ("mpg-02",)


def test_the_extended_pilot_selects_before_1_april_2011() -> None:
    """003_720c15da674da257.txt, "Tenslotte": read as the 15-month extension, the doorstart
    starts on 1 April 2011."""
    selectie = MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT).selectie()
    assert selectie.doorstart.start == pendulum.date(2011, 4, 1)
    gezinnen = [doelgroepgezin(f"mpg-{i:02}") for i in range(1, 11)]
    selectie = selectie.designate_top10(gezinnen, pendulum.date(2011, 2, 15), ALLE)
    assert selectie.instroom_gegarandeerd(pendulum.date(2011, 4, 1)) is True


def test_the_plugin_exposes_the_split_of_the_designations_it_is_built_with() -> None:
    """003 "7. Toewijzing gezinnen": 10 before the start, at most 10 more; the total follows."""
    plugin = MultiprobleemPilot()
    assert plugin.selectieregel == SELECTIEREGEL
    assert (SELECTIEREGEL.voor_start, SELECTIEREGEL.daarna) == (10, 10)
    assert SELECTIEREGEL.bron.section == "7. Toewijzing gezinnen"
    other = MultiprobleemPilot(top=4, max_aanvullingen=3)
    assert (other.selectieregel.voor_start, other.selectieregel.daarna) == (4, 3)
    assert other.pilot.max_totaal == other.selectieregel.totaal == 7
