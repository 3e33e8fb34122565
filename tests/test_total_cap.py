"""At once and in total: ``Pilot.capaciteit`` and ``Pilot.max_totaal`` are two limits."""

from __future__ import annotations

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Citation, CompiledPilot, Gemeente, InvalidValueError, Outcome
from sociaaldomein.testing import ToyPilot, make_gezin

ON = pendulum.date(2024, 6, 1)
SOURCE = Citation("toy-letter.txt", "Aantal gezinnen")


def compiled(capacity: int | None, total: int | None) -> CompiledPilot:
    toy = ToyPilot(capacity=capacity)
    toy.pilot = attrs.evolve(toy.pilot, max_totaal=total, max_totaal_bron=SOURCE)
    return Gemeente(plugins=[toy]).compiled("toy")


def test_a_family_beyond_the_total_is_told_so_with_the_source() -> None:
    verdict = compiled(capacity=5, total=4).decide(
        make_gezin(problems=3), ON, occupancy=1, admitted_so_far=4
    )
    assert verdict.outcome is Outcome.WAITLIST
    note = verdict.notes[-1]
    assert "at most 4 in total" in note.text
    assert "no more families" in note.text
    assert note.source == SOURCE


def test_places_free_at_once_do_not_lift_the_total() -> None:
    pilot = compiled(capacity=20, total=10)
    gezin = make_gezin(problems=3)
    assert pilot.decide(gezin, ON, occupancy=0, admitted_so_far=9).outcome is Outcome.ELIGIBLE
    assert pilot.decide(gezin, ON, occupancy=0, admitted_so_far=10).outcome is Outcome.WAITLIST


@given(
    capacity=st.one_of(st.none(), st.integers(0, 6)),
    total=st.one_of(st.none(), st.integers(0, 6)),
    occupancy=st.integers(0, 8),
    admitted=st.integers(0, 8),
)
def test_a_family_is_placed_exactly_when_both_limits_leave_room(
    capacity: int | None, total: int | None, occupancy: int, admitted: int
) -> None:
    verdict = compiled(capacity, total).decide(
        make_gezin(problems=3), ON, occupancy=occupancy, admitted_so_far=admitted
    )
    room_now = capacity is None or occupancy < capacity
    room_total = total is None or admitted < total
    placed = room_now and room_total
    assert (verdict.outcome is Outcome.ELIGIBLE) == placed
    assert verdict.outcome in (Outcome.ELIGIBLE, Outcome.WAITLIST)


def test_a_negative_total_is_refused_naming_the_field() -> None:
    with pytest.raises(InvalidValueError, match=r"Pilot\.max_totaal"):
        attrs.evolve(ToyPilot().pilot, max_totaal=-1)


def test_the_composition_passes_how_many_were_admitted_so_far() -> None:
    toy = ToyPilot(capacity=5)
    toy.pilot = attrs.evolve(toy.pilot, max_totaal=4, max_totaal_bron=SOURCE)
    gemeente = Gemeente(plugins=[toy])
    gezin = make_gezin(problems=3)
    assert gemeente.assess(gezin, ON, admitted={"toy": 3})["toy"].outcome is Outcome.ELIGIBLE
    full = gemeente.assess(gezin, ON, occupancy={"toy": 1}, admitted={"toy": 4})["toy"]
    assert full.outcome is Outcome.WAITLIST
    assert "at most 4 in total" in full.render()
