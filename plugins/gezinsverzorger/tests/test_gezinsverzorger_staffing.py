"""Staffing, capacity and steering: 000_6fd8bb18cab06410.txt, "Bemensing pilot", "Aantal
gezinnen", "Aansturing" and "Inzet vrijwilligers"."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pendulum
import pytest
from sociaaldomein_gezinsverzorger import (
    AANSTURING_PILOT,
    HUMANITAS_VRIJWILLIGER,
    LETTER_STAFF,
    WIJ_GRONINGEN,
    GezinsverzorgerPilot,
    check_staffing,
)

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Opleidingsniveau,
    Organisatie,
    Outcome,
    Professional,
    Rol,
)

ON = pendulum.date(2022, 3, 1)
FAMILY = Gezin(
    "gv-capaciteit",
    leden=[
        Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=True),
        Lid(LidRol.KIND, pendulum.date(2015, 3, 1)),
    ],
    hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
)
MBO, HBO = Opleidingsniveau.MBO, Opleidingsniveau.HBO


def verzorger(
    niveau: Opleidingsniveau, fte: str = "1", werkgever: str = "WIJ Groningen"
) -> Professional:
    return Professional(
        f"gezinsverzorger {niveau.value}",
        Rol.GEZINSVERZORGER,
        Decimal(fte),
        Organisatie(werkgever),
        opleidingsniveau=niveau,
    )


def test_an_eleventh_family_is_eligible_but_waitlisted() -> None:
    """000_6fd8bb18cab06410.txt, "Aantal gezinnen": "De professionals kunnen samen maximaal 8 á
    10 gezinnen begeleiden"; the default capacity is the upper bound, 10."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot()])
    tenth = groningen.assess(FAMILY, ON, occupancy={"gezinsverzorger": 9})["gezinsverzorger"]
    eleventh = groningen.assess(FAMILY, ON, occupancy={"gezinsverzorger": 10})["gezinsverzorger"]
    assert tenth.outcome is Outcome.ELIGIBLE
    assert eleventh.outcome is Outcome.WAITLIST
    assert eleventh.eligible
    assert eleventh.notes[-1].source is not None
    assert eleventh.notes[-1].source.section == "Aantal gezinnen"


def test_the_lower_reading_of_8_families_is_a_parameter() -> None:
    """000_6fd8bb18cab06410.txt, "Aantal gezinnen": "8 á 10"; a municipality may read 8."""
    groningen = Gemeente(plugins=[GezinsverzorgerPilot(capacity=8)])
    ninth = groningen.assess(FAMILY, ON, occupancy={"gezinsverzorger": 8})["gezinsverzorger"]
    assert ninth.outcome is Outcome.WAITLIST


def test_the_letters_staff_meets_the_letter() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": "minimaal 2 Fte's Gezinsverzorging ...
    waarvan 1 op MBO niveau en 1 op HBO niveau. Beide in dienst van WIJ Groningen"."""
    plugin = GezinsverzorgerPilot()
    assert plugin.staffing_problems() == ()
    assert plugin.pilot.fte() == Decimal(2)
    assert {p.opleidingsniveau for p in plugin.pilot.bemensing} == {MBO, HBO}
    assert {p.werkgever for p in plugin.pilot.bemensing} == {WIJ_GRONINGEN}


@pytest.mark.parametrize(
    ("staff", "problem"),
    [
        ([verzorger(MBO), verzorger(HBO, "0.5")], "1.5 fte gezinsverzorging"),
        ([verzorger(HBO), verzorger(HBO)], "no gezinsverzorger at MBO level"),
        ([verzorger(MBO), verzorger(MBO)], "no gezinsverzorger at HBO level"),
        ([verzorger(MBO), verzorger(HBO, werkgever="Elker")], "employed by Elker"),
    ],
)
def test_staffing_that_falls_short_is_reported_with_its_section(
    staff: list[Professional], problem: str
) -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": at least 2 fte, one MBO and one HBO, both
    employed by WIJ Groningen."""
    problems = GezinsverzorgerPilot(staff=staff).staffing_problems()
    assert len(problems) == 1
    assert problem in problems[0].text
    assert problems[0].source is not None
    assert problems[0].source.section == "Bemensing pilot"


def test_a_volunteer_never_counts_as_gezinsverzorger() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": "het werk van de gezinsverzorgende [kan]
    niet door vrijwilligers gedaan ... worden vanwege de zwaarte van de functie"."""
    volunteer_as_mbo = attrs.evolve(HUMANITAS_VRIJWILLIGER, opleidingsniveau=MBO)
    problems = check_staffing([verzorger(HBO, "1"), volunteer_as_mbo])
    assert [p.text for p in problems] == [
        "1 fte gezinsverzorging, the letter asks at least 2",
        "no gezinsverzorger at MBO level",
    ]


def test_volunteers_are_off_by_default() -> None:
    """000_6fd8bb18cab06410.txt, "Inzet vrijwilligers": "We onderzoeken ... of we in het tweede
    uitvoeringsjaar een combinatie van een professional met vrijwilliger in één gezin kunnen
    maken": only investigated, so the default has no volunteer."""
    plugin = GezinsverzorgerPilot()
    assert all(p.rol is not Rol.VRIJWILLIGER for p in plugin.pilot.bemensing)
    assert plugin.vrijwilliger_vanaf is None


def test_a_humanitas_volunteer_joins_from_the_second_year_when_allowed() -> None:
    """000_6fd8bb18cab06410.txt, "Inzet vrijwilligers": Humanitas, "in het tweede
    uitvoeringsjaar", beside a professional."""
    plugin = GezinsverzorgerPilot(vrijwilliger_vanaf_jaar_twee=True)
    volunteers = [p for p in plugin.pilot.bemensing if p.rol is Rol.VRIJWILLIGER]
    assert [(v.werkgever.naam, v.fte) for v in volunteers] == [("Humanitas", Decimal(0))]
    assert plugin.vrijwilliger_vanaf == pendulum.date(2022, 10, 1)
    assert plugin.pilot.fte() == Decimal(2)
    assert plugin.staffing_problems() == ()


def test_steering_lies_with_the_wij_manager_who_also_steers_the_coaches() -> None:
    """000_6fd8bb18cab06410.txt, "Aansturing": "in handen van de WIJ manager van de stedelijke
    teams, die ook verantwoordelijk is voor het team gezinscoaches"."""
    assert AANSTURING_PILOT.organisatie == WIJ_GRONINGEN
    assert AANSTURING_PILOT.afschaling_met is Rol.GEZINSCOACH
    assert AANSTURING_PILOT.bron.section == "Aansturing"
    assert "WIJ manager van de stedelijke teams" in GezinsverzorgerPilot().pilot.omschrijving


def test_the_partners_are_the_ones_the_letter_names() -> None:
    """000_6fd8bb18cab06410.txt: WIJ Groningen employs ("Bemensing pilot"), the municipality
    pays ("Kosten pilot"), Humanitas and the MJD are involved (opening paragraphs)."""
    names = {p.naam for p in GezinsverzorgerPilot().pilot.partners}
    assert names == {"Gemeente Groningen", "WIJ Groningen", "Humanitas", "MJD"}
    assert len(LETTER_STAFF) == 2
