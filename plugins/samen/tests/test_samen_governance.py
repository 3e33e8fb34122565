"""Roles, evaluation and termination of SAMEN.: 002_3dca2c59337eb1a8.txt."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_samen import SPECIALISTISCH, SamenPilot

from sociaaldomein import (
    Evaluatiemoment,
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    MomentSoort,
    PilotToestand,
    TrajectToestand,
)


def test_the_municipality_commissions_and_wij_carries_out() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en aansturing": "de
    gemeente als opdrachtgever en WIJ Groningen als opdrachtnemer"."""
    partners = Gemeente(plugins=[SamenPilot()]).pilot("samen").partners
    assert [(p.naam, p.soort) for p in partners] == [
        ("Gemeente Groningen", "opdrachtgever"),
        ("WIJ Groningen", "opdrachtnemer"),
    ]


def test_evaluated_at_full_operation_and_before_the_end_of_the_separate_assignment() -> None:
    """002_3dca2c59337eb1a8.txt, "Afsluitend" (fully operational by the end of 2024) and "De
    taak SAMEN, in relatie tot ...": "De eerste jaren is SAMEN, een aparte opdracht, daarna
    evalueren we en beoordelen we of het onderdeel van de brede opdracht kan worden"."""
    plugin = SamenPilot()
    plan = Gemeente(plugins=[plugin]).compiled("samen").evaluation_plan
    assert plan is not None
    schedule = [(day, m.naam) for day, m in plan.schedule(plugin.pilot.looptijd.periode)]
    assert schedule == [
        (pendulum.date(2025, 1, 1), "volledig operationeel"),
        (pendulum.date(2025, 7, 1), "evaluatie aparte opdracht"),
    ]
    assert [m.bron.section for m in plan.momenten if m.bron] == [
        "Afsluitend",
        "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld",
    ]
    assert all(i.bron is not None for i in plan.indicatoren)
    assert plan.indicator("wachttijd") is not None


def test_evaluation_moments_are_a_parameter() -> None:
    """002_3dca2c59337eb1a8.txt names no dates for the evaluation; a municipality sets its own."""
    own = Evaluatiemoment(MomentSoort.OP_DATUM, "raadsinformatie", datum=pendulum.date(2023, 7, 1))
    plan = (
        Gemeente(plugins=[SamenPilot(evaluation_moments=[own])]).compiled("samen").evaluation_plan
    )
    assert plan is not None
    assert [m.naam for m in plan.momenten] == ["raadsinformatie"]
    later = SamenPilot(fully_operational=pendulum.date(2025, 7, 1))
    plan = Gemeente(plugins=[later]).compiled("samen").evaluation_plan
    assert plan is not None
    moment = plan.moment("volledig operationeel")
    assert moment is not None
    assert moment.datum == pendulum.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("on", "ended"),
    [(pendulum.date(2025, 12, 31), False), (pendulum.date(2026, 1, 1), True)],
)
def test_the_separate_assignment_ends_after_its_years(on: pendulum.Date, ended: bool) -> None:
    """002_3dca2c59337eb1a8.txt, "De taak SAMEN, in relatie tot ...": "De eerste jaren"; the
    library reads three (2023 to 2025)."""
    check = Gemeente(plugins=[SamenPilot()]).check_termination("samen", PilotToestand(on))
    assert check.ended is ended
    assert check.checks[0].source is not None
    assert check.checks[0].source.section.startswith("De taak SAMEN, in relatie tot")


def test_the_length_of_the_separate_assignment_is_a_parameter() -> None:
    """002, "De taak SAMEN, in relatie tot ...": the letter does not say how many years."""
    groningen = Gemeente(plugins=[SamenPilot(end=pendulum.date(2027, 1, 1))])
    assert not groningen.check_termination("samen", PilotToestand(pendulum.date(2026, 1, 1))).ended


def state(hulpvragen: list[Hulpvraag], doelen_behaald: bool = False) -> TrajectToestand:
    gezin = Gezin(
        "samen-traject",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1984, 1, 1)),
            Lid(LidRol.KIND, pendulum.date(2014, 1, 1)),
        ],
        hulpvragen=hulpvragen,
    )
    return TrajectToestand(
        gezin, pendulum.date(2023, 2, 1), pendulum.date(2023, 9, 1), doelen_behaald
    )


def test_a_trajectory_is_scaled_up_to_specialist_care() -> None:
    """002_3dca2c59337eb1a8.txt, "Wat levert deze beweging op ...": "Zo kan eenvoudig op- en
    afgeschaald worden tussen lichte en zwaardere hulp"; specialist care is regional."""
    groningen = Gemeente(plugins=[SamenPilot()])
    needs = [Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.JEUGDHULP_SPECIALISTISCH]
    check = groningen.check_trajectory("samen", state(needs))
    assert [(e.rule, e.to) for e in check.by] == [
        ("opschaling naar specialistische jeugdhulp", SPECIALISTISCH)
    ]


def test_a_trajectory_ends_when_its_goals_are_met() -> None:
    """002_3dca2c59337eb1a8.txt, "Het grote kader": "zo licht als mogelijk"."""
    groningen = Gemeente(plugins=[SamenPilot()])
    basic = [Hulpvraag.JEUGDHULP_BEGELEIDING]
    assert [e.rule for e in groningen.check_trajectory("samen", state(basic, True)).by] == [
        "goals met"
    ]
    assert not groningen.check_trajectory("samen", state(basic)).ended


def test_the_letter_gives_no_mandate_and_no_escalation_ladder() -> None:
    """002_3dca2c59337eb1a8.txt has no functional mandate and no escalation ladder."""
    groningen = Gemeente(plugins=[SamenPilot()])
    assert groningen.compiled("samen").mandate is None
    assert groningen.compiled("samen").escalation is None
