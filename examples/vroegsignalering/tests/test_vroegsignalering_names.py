"""The 0.1 spellings of the example keep working until 0.3, and say what to change."""

from __future__ import annotations

import importlib

import pytest
from sociaaldomein_vroegsignalering import Vroegsignalering


def test_the_old_capacity_parameter_works_and_names_the_new_one() -> None:
    with pytest.warns(
        DeprecationWarning,
        match=r"Vroegsignalering\(capaciteit=\.\.\.\): capaciteit= is renamed capacity=",
    ):
        plugin = Vroegsignalering(capaciteit=40)  # type: ignore[call-arg]
    assert plugin.pilot.capaciteit == Vroegsignalering(capacity=40).pilot.capaciteit == 40


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("sociaaldomein_vroegsignalering", "NAAM", "NAME"),
        ("sociaaldomein_vroegsignalering.pilot", "NAAM", "NAME"),
        ("sociaaldomein_vroegsignalering.pilot", "CAPACITEIT", "CAPACITY"),
        ("sociaaldomein_vroegsignalering.pilot", "financiering", "budget_lines"),
        ("sociaaldomein_vroegsignalering.pilot", "eindregels", "pilot_termination"),
        ("sociaaldomein_vroegsignalering.pilot", "trajectregels", "trajectory_termination"),
        ("sociaaldomein_vroegsignalering.pilot", "evaluatieplan", "evaluation_plan"),
    ],
)
def test_an_old_module_name_is_the_new_object_with_a_warning(
    module: str, old: str, new: str
) -> None:
    imported = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=rf"{module}\.{old} is renamed {new}"):
        value = getattr(imported, old)
    assert value is getattr(imported, new)
