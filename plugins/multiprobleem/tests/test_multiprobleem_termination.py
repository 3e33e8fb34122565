"""When the doorstart ends: 003_720c15da674da257.txt, "13. Beëindiging", the looptijd."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    LOOPTIJD_VERLENGDE_PILOT,
    SAMENWERKINGSPARTNERS,
    MultiprobleemPilot,
)
from sociaaldomein_multiprobleem.letter import LETTER

from sociaaldomein import Gemeente, Opzegverzoek, PilotToestand, TerminationCheck

SEPTEMBER = pendulum.date(2011, 9, 1)
BEEINDIGING = str(LETTER.cite("13. Beëindiging"))


def check(state: PilotToestand, plugin: MultiprobleemPilot | None = None) -> TerminationCheck:
    groningen = Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])
    return groningen.check_termination("multiprobleem", state)


def verzoeken(n: int, *, schriftelijk: bool = True) -> list[Opzegverzoek]:
    return [Opzegverzoek(p, SEPTEMBER, schriftelijk) for p in SAMENWERKINGSPARTNERS[:n]]


def vote(state: PilotToestand) -> str:
    (einde,) = [c for c in check(state).checks if c.rule == "partner vote"]
    return einde.reason


def test_three_of_seven_written_requests_do_not_end_the_agreement() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": "ten minste vier van de zeven
    samenwerkingspartners"."""
    state = PilotToestand(SEPTEMBER, opzegverzoeken=verzoeken(3), gevolgen_geregeld=True)
    assert not check(state).ended
    assert vote(state).startswith("3 of 7 partners asked in writing; at least 4 are needed")


def test_four_of_seven_written_requests_end_it_once_the_consequences_are_settled() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": "schriftelijk", and "alvorens de pilot te
    beëindigen, een regeling voor de gevolgen"."""
    unsettled = PilotToestand(SEPTEMBER, opzegverzoeken=verzoeken(4))
    assert not check(unsettled).ended
    assert "must first settle the consequences" in vote(unsettled)
    settled = PilotToestand(SEPTEMBER, opzegverzoeken=verzoeken(4), gevolgen_geregeld=True)
    result = check(settled)
    assert result.ended
    assert [e.rule for e in result.by] == ["partner vote"]
    assert BEEINDIGING in result.by[0].reason


@pytest.mark.parametrize("n", range(8))
def test_the_agreement_ends_exactly_from_four_requests(n: int) -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": "ten minste vier van de zeven", for every
    count from 0 to 7."""
    state = PilotToestand(SEPTEMBER, opzegverzoeken=verzoeken(n), gevolgen_geregeld=True)
    assert check(state).ended is (n >= 4)


def test_an_oral_request_does_not_count() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": the wish is made known "schriftelijk"."""
    mondeling = [*verzoeken(3), Opzegverzoek(SAMENWERKINGSPARTNERS[3], SEPTEMBER, False)]
    state = PilotToestand(SEPTEMBER, opzegverzoeken=mondeling, gevolgen_geregeld=True)
    assert not check(state).ended
    assert "not in writing" in vote(state)


def test_a_request_from_outside_the_seven_does_not_count() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging" and "DOEL": only the seven partners A-G count."""
    buiten = [*verzoeken(3), Opzegverzoek("Raad voor de Kinderbescherming", SEPTEMBER, True)]
    state = PilotToestand(SEPTEMBER, opzegverzoeken=buiten, gevolgen_geregeld=True)
    assert not check(state).ended


def test_the_quorum_is_a_parameter() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": four is the default of min_opzeggers."""
    state = PilotToestand(SEPTEMBER, opzegverzoeken=verzoeken(4), gevolgen_geregeld=True)
    assert not check(state, MultiprobleemPilot(min_opzeggers=5)).ended


def test_the_doorstart_ends_on_1_july_2012() -> None:
    """003_720c15da674da257.txt, the agreement: "De doorstart wordt uitgevoerd van 1 januari 2011
    tot 1 juli 2012"."""
    assert not check(PilotToestand(pendulum.date(2012, 6, 30))).ended
    end = check(PilotToestand(pendulum.date(2012, 7, 1)))
    assert [e.rule for e in end.by] == ["end of looptijd"]
    assert "2012-07-01" in end.by[0].reason


def test_the_extended_pilot_shows_its_original_end() -> None:
    """003_720c15da674da257.txt, "Tenslotte": "de pilotduur met 15 maanden te verlengen tot 1
    juli 2012"."""
    verlengd = MultiprobleemPilot(looptijd=LOOPTIJD_VERLENGDE_PILOT)
    end = check(PilotToestand(pendulum.date(2012, 7, 1)), verlengd)
    (looptijd,) = end.by
    assert "originally 2011-04-01, extended" in looptijd.reason
    assert looptijd.source is not None
    assert looptijd.source.section == "Tenslotte"
