"""Team, plan and evaluation: 003_720c15da674da257.txt, "Begrippenlijst", "2.", "3.", "10.",
"Positie gemeente", "Tenslotte" and "12. Beleidsadvies toekomst"."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    EINDVERANTWOORDELIJKE,
    FUNCTIES,
    LOOPTIJD_VERLENGDE_PILOT,
    SAMENWERKINGSPARTNERS,
    Gezinsherstelplan,
    MultiprobleemPilot,
    Samenwerkingspartner,
    Selectie,
    check_plans,
    families_without_plan,
)

from sociaaldomein import Gemeente, InvalidValueError, MomentSoort, Periode, Rol


def plan(gezin_id: str = "gezin-07", coach: str = "coach A") -> Gezinsherstelplan:
    return Gezinsherstelplan(
        gezin_id, coach, ("wonen", "werk en inkomen"), ("geen huisuitzetting",)
    )


def test_one_family_one_coach_one_plan() -> None:
    """003_720c15da674da257.txt, "Tenslotte": "één gezin, één coach, één plan"."""
    plannen = check_plans([plan("gezin-07"), plan("gezin-08", "coach B")])
    assert sorted(plannen) == ["gezin-07", "gezin-08"]
    with pytest.raises(InvalidValueError) as info:
        check_plans([plan("gezin-07"), plan("gezin-07", "coach B")])
    assert info.value.field == "Gezinsherstelplan.gezin_id"
    assert "two coaches ('coach A' and 'coach B')" in str(info.value)
    with pytest.raises(InvalidValueError, match="two plans with one coach"):
        check_plans([plan("gezin-07"), plan("gezin-07")])


def test_the_plan_is_open_to_every_partner() -> None:
    """003_720c15da674da257.txt, "10. Gezins Herstel Plan als informatiebron": "De informatie van
    de GHP's is voor alle samenwerkingspartners toegankelijk"."""
    assert plan().shared_with_all()
    zonder_politie = [p for p in SAMENWERKINGSPARTNERS if p is not Samenwerkingspartner.POLITIE]
    verborgen = Gezinsherstelplan(
        "gezin-07", "coach A", "wonen", "geen huisuitzetting", zonder_politie
    )
    with pytest.raises(InvalidValueError) as info:
        check_plans([verborgen])
    assert info.value.field == "Gezinsherstelplan.gedeeld_met"


def test_a_plan_names_its_domains_and_goals() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst": "integraal op alle relevante levensterreinen"."""
    with pytest.raises(InvalidValueError):
        Gezinsherstelplan("gezin-07", "coach A", (), ("geen huisuitzetting",))
    with pytest.raises(InvalidValueError):
        Gezinsherstelplan("gezin-07", " ", ("wonen",), ("geen huisuitzetting",))


def test_selected_families_without_a_plan() -> None:
    """003_720c15da674da257.txt, "4. Taken van de gezinscoach": the coach "stelt een gedragen
    Gezinsherstelplan op" for each selected family."""
    doorstart = Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))
    top = [f"gezin-{i:02}" for i in range(1, 11)]
    selectie = Selectie(doorstart).designate_top10(
        top, pendulum.date(2010, 12, 1), SAMENWERKINGSPARTNERS
    )
    zonder = families_without_plan([plan("gezin-07")], selectie, pendulum.date(2011, 2, 1))
    assert len(zonder) == 9
    assert "gezin-07" not in zonder


def test_the_team_roles() -> None:
    """003_720c15da674da257.txt, "2. Positie teamleden" and "3. Aanwijzing teamleden": coaches,
    projectleider, a gedragswetenschapper from Bureau Jeugdzorg, a praktijkbegeleider."""
    rollen = {f.rol: f for f in FUNCTIES}
    assert set(rollen) == {
        Rol.GEZINSCOACH,
        Rol.PROJECTLEIDER,
        Rol.GEDRAGSWETENSCHAPPER,
        Rol.PRAKTIJKBEGELEIDER,
    }
    assert "Bureau Jeugdzorg" in rollen[Rol.GEDRAGSWETENSCHAPPER].herkomst
    assert rollen[Rol.GEZINSCOACH].leiding == "projectleider"
    assert "OCSW" in rollen[Rol.PROJECTLEIDER].leiding


def test_the_municipality_holds_final_responsibility() -> None:
    """003_720c15da674da257.txt, "Positie gemeente": "de eindverantwoordelijkheid van de
    uitvoering bij de gemeente"."""
    assert EINDVERANTWOORDELIJKE is Samenwerkingspartner.GEMEENTE
    assert EINDVERANTWOORDELIJKE.letter == "A"
    pilot = Gemeente("Groningen", plugins=[MultiprobleemPilot()]).pilot("multiprobleem")
    assert [p.soort for p in pilot.partners] == [
        f"samenwerkingspartner {letter}" for letter in "ABCDEFG"
    ]


@pytest.mark.parametrize(
    "plugin", [MultiprobleemPilot(), MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT)]
)
def test_intraval_evaluates_early_2012_and_a_conference_follows(plugin: MultiprobleemPilot) -> None:
    """003_720c15da674da257.txt, "Tenslotte": "Begin 2012 ... op basis van de evaluatiegegevens
    van Intraval"; "12. Beleidsadvies toekomst": a meeting that weighs the results and advises."""
    groningen = Gemeente("Groningen", plugins=[plugin])
    evaluatieplan = groningen.compiled("multiprobleem").evaluation_plan
    assert evaluatieplan is not None
    schedule = evaluatieplan.schedule(groningen.pilot("multiprobleem").looptijd.periode)
    (intraval_op, intraval), (conferentie_op, conferentie) = schedule
    assert intraval.soort is MomentSoort.OP_DATUM
    assert intraval_op == pendulum.date(2012, 1, 1)
    assert intraval_op < conferentie_op < pendulum.date(2012, 7, 1)
    assert conferentie.bron is not None
    assert conferentie.bron.section == "12. Beleidsadvies toekomst"


def test_begin_2012_is_a_parameter() -> None:
    """003_720c15da674da257.txt, "Tenslotte": "Begin 2012" has no day; evaluatie_op sets it."""
    plugin = MultiprobleemPilot(evaluatie_op=pendulum.date(2012, 2, 15))
    moment = plugin.evaluatieplan.moment("evaluatie Intraval")
    assert moment is not None
    assert moment.datum == pendulum.date(2012, 2, 15)
