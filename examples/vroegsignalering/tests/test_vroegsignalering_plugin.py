"""The plugin in a composition: registered in code, and discovered through its entry point."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from sociaaldomein_vroegsignalering import Vroegsignalering

from sociaaldomein import (
    Gemeente,
    Gezin,
    Money,
    Outcome,
    PilotToestand,
    TrajectToestand,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.testing import assert_outcomes_agree, assert_silent_on_other_pilots, make_gezin
from sociaaldomein.testing.strategies import gezinnen

Registered = Callable[..., contextlib.AbstractContextManager[str]]
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


def test_the_installed_plugin_is_discovered_through_its_entry_point() -> None:
    gemeente = Gemeente("Voorbeeldstad")
    loaded = gemeente.load_entry_points(allow=["vroegsignalering"], strict=True)
    assert [(p.name, p.distribution) for p in loaded] == [
        ("vroegsignalering", "sociaaldomein-vroegsignalering")
    ]
    assert list(gemeente.pilots) == ["vroegsignalering"]


def test_the_plugin_answers_only_for_its_own_pilot() -> None:
    # Every hook, including any added to sociaaldomein later, answers None for another pilot.
    assert_silent_on_other_pilots(Vroegsignalering())


@settings(max_examples=100, deadline=None)
@given(st.lists(gezinnen(), max_size=12))
def test_one_family_and_a_whole_cohort_get_the_same_outcome(families: list[Gezin]) -> None:
    # The rule and its routes, evaluated per family and vectorised over a cohort.
    gemeente = Gemeente("Voorbeeldstad", plugins=[Vroegsignalering()])
    assert_outcomes_agree(gemeente, "vroegsignalering", families, ON)
