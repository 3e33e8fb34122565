"""Letter 002 (SAMEN., 7-9-2022), statement by statement, against the plugin.

Each test names the section of 002_3dca2c59337eb1a8.txt it checks; the answer
comes from the public API (a compiled pilot, a verdict, a value), not from prose.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
from sociaaldomein_samen import DEFAULT_PHASING, SamenPilot
from sociaaldomein_samen.phasing import ASSUMED
from sociaaldomein_samen.readings import READINGS

from sociaaldomein import Gemeente, PilotStatus, readings_of

LETTER = Path(__file__).parents[1] / "src/sociaaldomein_samen/letters/002_3dca2c59337eb1a8.txt"
PROCES = "Gezamenlijk proces, veranderstrategie en aansturing"


def test_every_reading_quotes_the_letter_verbatim() -> None:
    """002_3dca2c59337eb1a8.txt, every section: each Reading's quote stands in the letter, and
    its section heading too."""
    text = LETTER.read_text(encoding="utf-8")
    readings = readings_of(SamenPilot())
    assert readings == READINGS
    for reading in readings:
        assert reading.found_in(text), reading.quote
        assert reading.citation.letter == LETTER.name
        assert reading.citation.section in text


def test_samen_starts_on_1_january_2023() -> None:
    """002, "Gezamenlijk proces, veranderstrategie en aansturing": "We beginnen klein, met
    ingang van 1 januari 2023"."""
    pilot = SamenPilot().pilot
    assert pilot.looptijd.start == pendulum.date(2023, 1, 1)
    assert pilot.status_on(pendulum.date(2022, 12, 31)) is PilotStatus.PREPARING
    assert pilot.status_on(pendulum.date(2023, 1, 1)) is PilotStatus.ACTIVE


def test_the_end_is_the_librarys_assumption_and_a_parameter() -> None:
    """002, "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld": "De
    eerste jaren is SAMEN, een aparte opdracht, daarna evalueren we": no end in the letter."""
    (end,) = [r for r in READINGS if r.parameter == "end"]
    assert end.assumption
    assert end.default == "2026-01-01"
    assert SamenPilot().pilot.looptijd.eind == pendulum.date(2026, 1, 1)
    langer = SamenPilot(end=pendulum.date(2028, 1, 1))
    assert langer.pilot.status_on(pendulum.date(2027, 6, 1)) is PilotStatus.ACTIVE


def test_the_open_house_is_a_minimum_not_an_end() -> None:
    """002, "Gezamenlijk proces, ...": "Als vangnet houden we de Open House nog tenminste 2,5
    jaar na de start van SAMEN, in stand"."""
    plugin = SamenPilot()
    assert plugin.open_house_in_force(pendulum.date(2025, 6, 30))
    assert plugin.open_house_in_force(pendulum.date(2025, 7, 1))
    assert SamenPilot(open_house_until=pendulum.date(2026, 1, 1)).open_house_in_force(
        pendulum.date(2025, 12, 31)
    )


def test_the_phasing_dates_between_start_and_end_2024_are_marked_as_assumed() -> None:
    """002, "Gezamenlijk proces, ...": "gefaseerd nieuwe instroom van verschillende verwijzers";
    "Afsluitend": "tot eind 2024": the dates between are the library's, and say so."""
    (phasing,) = [r for r in READINGS if r.parameter == "phasing"]
    assert phasing.assumption
    routes = Gemeente(plugins=[SamenPilot()]).compiled("samen").routes
    assert "the library's, an assumption" in routes[-1].when.text()
    assert "assumption" in ASSUMED
    assert max(DEFAULT_PHASING.values()) < pendulum.date(2025, 1, 1)
    own = Gemeente(plugins=[SamenPilot(phasing={"GEMEENTE": pendulum.date(2023, 1, 1)})])
    assert "the municipality's" in own.compiled("samen").routes[-1].when.text()
