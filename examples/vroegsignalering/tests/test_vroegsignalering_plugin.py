"""The plugin in a composition: the fixtures ``gemeente`` and ``registered`` of sociaaldomein.

The checks every plugin owes the composition are in test_vroegsignalering_conformance.py.
"""

from __future__ import annotations

import pendulum
from sociaaldomein_vroegsignalering import Vroegsignalering

from sociaaldomein import (
    Gemeente,
    Money,
    Outcome,
    PilotToestand,
    TrajectToestand,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.testing import Registered, make_gezin

ON = pendulum.date(2025, 3, 1)


def zrm(financien: int) -> ZrmMeting:
    return ZrmMeting(ON.subtract(days=7), ZrmScores(financien=financien))


def test_the_composition_places_an_eligible_family(
    gemeente: Gemeente, registered: Registered
) -> None:
    gezin = make_gezin(problemen={"SCHULDEN"}, zrm=zrm(2))
    with registered(gemeente, Vroegsignalering()):
        verdict = gemeente.assess(gezin, ON)["vroegsignalering"]
    assert verdict.outcome is Outcome.ELIGIBLE


def test_a_full_pilot_waitlists(gemeente: Gemeente, registered: Registered) -> None:
    # 4. Capaciteit en bemensing: "ten hoogste 30 gezinnen tegelijk"
    gezin = make_gezin(problemen={"SCHULDEN"}, zrm=zrm(2))
    with registered(gemeente, Vroegsignalering()):
        verdict = gemeente.assess(gezin, ON, occupancy={"vroegsignalering": 30})
    assert verdict["vroegsignalering"].outcome is Outcome.WAITLIST


def test_the_pilot_ends_when_the_money_is_spent(gemeente: Gemeente, registered: Registered) -> None:
    # 6. Kosten: "Is het budget op, dan stopt de instroom en eindigt de pilot."
    state = PilotToestand(ON, spent=Money(260_000), budget=Money(260_000))
    with registered(gemeente, Vroegsignalering()):
        check = gemeente.check_termination("vroegsignalering", state)
    assert check.ended
    assert [e.rule for e in check.by] == ["budget exhausted"]


def test_a_family_steps_down_once_zrm_financien_is_4(
    gemeente: Gemeente, registered: Registered
) -> None:
    # 3. Werkwijze: afschaling to the budgetcursus
    state = TrajectToestand(make_gezin(problemen={"SCHULDEN"}, zrm=zrm(4)), ON, ON.add(months=6))
    with registered(gemeente, Vroegsignalering()):
        check = gemeente.check_trajectory("vroegsignalering", state)
    assert [e.to for e in check.by] == ["budgetcursus in de wijk"]
