"""Evaluation and termination of the pilot gezinsverzorger: 000_6fd8bb18cab06410.txt."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_gezinsverzorger import HOUSEHOLD_DOMAINS, LETTER, GezinsverzorgerPilot

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    PilotStatus,
    PilotToestand,
    TrajectToestand,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.i18n import label

EXTENSION = LETTER.cite("Kosten pilot", quote="(a council decision to extend; made up)")


def test_the_pilot_is_evaluated_halfway_and_before_the_end() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "Halverwege de pilot ... een tussenevaluatie
    en voor het aflopen van de pilot met een voorstel of en hoe ... geborgd kan worden"."""
    plugin = GezinsverzorgerPilot()
    plan = Gemeente(plugins=[plugin]).compiled("gezinsverzorger").evaluation_plan
    assert plan is not None
    schedule = [(day, m.naam) for day, m in plan.schedule(plugin.pilot.looptijd.periode)]
    assert schedule == [
        (pendulum.date(2022, 10, 1), "tussenevaluatie"),
        (pendulum.date(2023, 7, 1), "voorstel borging"),
    ]
    assert {m.bron.section for m in plan.momenten if m.bron} == {"Kosten pilot"}


def test_the_time_of_the_proposal_is_a_parameter() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot" says only "voor het aflopen van de pilot"."""
    plugin = GezinsverzorgerPilot(proposal_before_end=pendulum.duration(months=6))
    plan = Gemeente(plugins=[plugin]).compiled("gezinsverzorger").evaluation_plan
    assert plan is not None
    moment = plan.moment("voorstel borging")
    assert moment is not None
    assert moment.resolve(plugin.pilot.looptijd.periode) == pendulum.date(2023, 4, 1)


def test_the_pilot_joins_the_regional_monitoring_with_cited_indicators() -> None:
    """000_6fd8bb18cab06410.txt, "Monitoring": "aangesloten bij de regionale monitoring van de
    verschillende pilots gezinsverzorgers"; each indicator cites the section that asks it."""
    plan = Gemeente(plugins=[GezinsverzorgerPilot()]).compiled("gezinsverzorger").evaluation_plan
    assert plan is not None
    assert plan.bron is not None
    assert plan.bron.section == "Monitoring"
    assert "regional monitoring" in plan.omschrijving
    assert all(i.bron is not None and i.bron.letter == LETTER.file for i in plan.indicatoren)
    assert plan.indicator("gezinnen begeleid") is not None
    assert plan.indicator("afschaling naar gezinscoach") is not None
    assert plan.indicator("gezinnen met vrijwilliger") is None
    with_volunteers = GezinsverzorgerPilot(vrijwilliger_vanaf_jaar_twee=True)
    plan = Gemeente(plugins=[with_volunteers]).compiled("gezinsverzorger").evaluation_plan
    assert plan is not None
    assert plan.indicator("gezinnen met vrijwilliger") is not None


@pytest.mark.parametrize(
    ("on", "ended"),
    [(pendulum.date(2023, 9, 30), False), (pendulum.date(2023, 10, 1), True)],
)
def test_the_pilot_ends_after_its_two_years(on: pendulum.Date, ended: bool) -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "deze tweejarige pilot"; from 1 October 2021
    (derived), so it ends on 1 October 2023."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    check = groningen.check_termination("gezinsverzorger", PilotToestand(on))
    assert check.ended is ended
    assert [e.rule for e in check.checks] == ["end of looptijd"]


def test_an_extended_pilot_runs_on_with_its_original_end_recorded() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": two years unless the council extends it."""
    plugin = GezinsverzorgerPilot().extend(
        pendulum.date(2024, 4, 1),
        reason="more time to learn from the families",
        decided_on=pendulum.date(2023, 6, 1),
        source=EXTENSION,
    )
    assert plugin.pilot.status is PilotStatus.EXTENDED
    assert plugin.pilot.looptijd.oorspronkelijk_eind == pendulum.date(2023, 10, 1)
    groningen = Gemeente(plugins=[plugin])
    running = groningen.check_termination(
        "gezinsverzorger", PilotToestand(pendulum.date(2023, 10, 1))
    )
    assert not running.ended
    assert "originally October 1, 2023, extended" in running.render()
    done = groningen.check_termination("gezinsverzorger", PilotToestand(pendulum.date(2024, 4, 1)))
    assert done.ended


def gezin(haalbaar: int | None) -> Gezin:
    zrm = None
    if haalbaar is not None:
        zrm = ZrmMeting(
            pendulum.date(2022, 11, 1),
            ZrmScores.of(dict.fromkeys(HOUSEHOLD_DOMAINS, 2)),
            ZrmScores.of(dict.fromkeys(HOUSEHOLD_DOMAINS, haalbaar)),
        )
    return Gezin(
        "gv-traject",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=True),
            Lid(LidRol.KIND, pendulum.date(2015, 3, 1)),
        ],
        hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
        zrm=zrm,
    )


def trajectory(haalbaar: int | None, doelen_behaald: bool = False) -> TrajectToestand:
    return TrajectToestand(
        gezin(haalbaar), pendulum.date(2022, 1, 1), pendulum.date(2022, 11, 15), doelen_behaald
    )


def test_a_trajectory_ends_in_step_down_to_a_gezinscoach() -> None:
    """000_6fd8bb18cab06410.txt, "Aansturing": "samengewerkt met de gezinscoaches tijdens de
    afschaling van de hulp", once the family can be strengthened ("Initiatiefvoorstel")."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    check = groningen.check_trajectory("gezinsverzorger", trajectory(haalbaar=3))
    assert check.ended
    assert [(e.rule, e.to) for e in check.by] == [("afschaling naar gezinscoach", "gezinscoach")]
    assert check.by[0].source is not None
    assert check.by[0].source.section == "Aansturing"
    explanation = check.by[0].explanation
    assert explanation is not None
    node = explanation.find(f"{label(ZrmDomein.BASALE_ADL)}: at least")
    assert node is not None
    assert [c.observed for c in node.children] == ["2", "3"]


def test_a_trajectory_ends_when_its_goals_are_met() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the gezinsverzorger takes over
    "(tijdelijk)"; the trajectory ends once its goals are met."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    met = groningen.check_trajectory("gezinsverzorger", trajectory(2, doelen_behaald=True))
    assert [e.rule for e in met.by] == ["goals met"]
    going_on = groningen.check_trajectory("gezinsverzorger", trajectory(2))
    assert not going_on.ended
    no_zrm = groningen.check_trajectory("gezinsverzorger", trajectory(None))
    assert not no_zrm.ended


def test_the_letter_gives_no_mandate_and_no_escalation_ladder() -> None:
    """000_6fd8bb18cab06410.txt has no functional mandate and no escalation ladder."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    assert groningen.compiled("gezinsverzorger").mandate is None
    assert groningen.compiled("gezinsverzorger").escalation is None
