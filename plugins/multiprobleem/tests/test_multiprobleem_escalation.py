"""The escalation ladder: 003_720c15da674da257.txt, "8. Algemene afspraken"."""

from __future__ import annotations

import pendulum
from sociaaldomein_multiprobleem import (
    B_EN_W,
    MANAGEMENTVERTEGENWOORDIGER,
    PROJECTLEIDER,
    MultiprobleemPilot,
)

from sociaaldomein import Escalatie, Escalatieladder, Gemeente

MAANDAG = pendulum.date(2011, 5, 2)
DINSDAG = pendulum.date(2011, 5, 3)


def ladder(plugin: MultiprobleemPilot | None = None) -> Escalatieladder:
    groningen = Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])
    found = groningen.compiled("multiprobleem").escalation
    assert found is not None
    return found


def test_an_escalation_to_b_en_w_is_due_one_week_later() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" IV: a representative of B&W "die binnen
    een week afstemt op bestuurs-/directieniveau"."""
    escalatie = Escalatie.open(ladder(), MAANDAG, niveau=4)
    assert escalatie.due() == pendulum.date(2011, 5, 9)
    assert escalatie.holder_on(MAANDAG) == (B_EN_W,)
    assert not escalatie.is_overdue(pendulum.date(2011, 5, 9))
    assert escalatie.is_overdue(pendulum.date(2011, 5, 10))


def test_level_iii_is_reached_at_once_and_escalates_at_once() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" III: "meteen opgeschaald naar
    projectleider en managementvertegenwoordiger"; IV: "schaalde projectleider meteen op"."""
    escalatie = Escalatie.open(ladder(), MAANDAG)
    assert escalatie.niveau == 3
    assert escalatie.holder_on(MAANDAG) == (PROJECTLEIDER, MANAGEMENTVERTEGENWOORDIGER)
    assert escalatie.due() == MAANDAG
    assert escalatie.is_overdue(DINSDAG)
    hoger = escalatie.escalate(DINSDAG)
    assert hoger.holder_on(MAANDAG) == (PROJECTLEIDER, MANAGEMENTVERTEGENWOORDIGER)
    assert hoger.holder_on(DINSDAG) == (B_EN_W,)
    assert hoger.due() == pendulum.date(2011, 5, 10)
    assert hoger.due(3) == MAANDAG


def test_nobody_holds_a_closed_escalation() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken": once there is "overeenstemming" the
    escalation is closed and nobody's."""
    escalatie = Escalatie.open(ladder(), MAANDAG).escalate(DINSDAG).close(pendulum.date(2011, 5, 6))
    assert escalatie.holder_on(pendulum.date(2011, 5, 5)) == (B_EN_W,)
    assert escalatie.holder_on(pendulum.date(2011, 5, 6)) == ()
    assert not escalatie.is_overdue(pendulum.date(2011, 6, 1))
    assert escalatie.holder_on(pendulum.date(2011, 5, 1)) == ()


def test_statutory_duties_are_the_exception() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" V and VI: statutory duties first, the
    coach informed "zo spoedig mogelijk achteraf"."""
    found = ladder()
    assert not found.applies(wettelijke_verplichting=True)
    assert found.applies(wettelijke_verplichting=False)
    assert [u[:3] for u in found.uitzonderingen] == ["V. ", "VI."]
    assert "achteraf" in found.uitzonderingen[1]
    assert found.bron is not None
    assert found.bron.section == "8. Algemene afspraken"


def test_b_en_w_aligns_at_board_level_and_does_not_settle() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" IV: "een vertegenwoordiger van B&W die
    binnen een week afstemt op bestuurs-/directieniveau bij de samenwerkingspartner"."""
    iv = ladder().trede(4)
    assert iv.houders == (B_EN_W,)
    assert iv.termijn == pendulum.duration(weeks=1)
    assert "afstemt op bestuurs-/directieniveau" in iv.omschrijving
    assert "settle" not in iv.omschrijving


def test_the_b_en_w_deadline_is_a_parameter() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" IV: "binnen een week" is the default of
    termijn_b_en_w."""
    langer = MultiprobleemPilot(termijn_b_en_w=pendulum.duration(days=10))
    assert Escalatie.open(ladder(langer), MAANDAG, niveau=4).due() == pendulum.date(2011, 5, 12)
