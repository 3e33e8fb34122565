"""The 0.1 spellings of the Hoogkerk plugin keep working until 0.3, and say what to change."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable

import pendulum
import pytest
from sociaaldomein_hoogkerk import END, PILOT_NAME, START, HoogkerkPilot

from sociaaldomein import InvalidValueError

LATER = pendulum.date(2018, 7, 1)


@pytest.mark.parametrize(
    ("old", "new", "value", "read"),
    [
        ("naam", "name", "hoogkerk-b", lambda p: p.pilot.naam),
        ("eind", "end", LATER, lambda p: p.pilot.looptijd.eind),
    ],
)
def test_an_old_parameter_works_and_names_the_new_one(
    old: str, new: str, value: object, read: Callable[[HoogkerkPilot], object]
) -> None:
    with pytest.warns(
        DeprecationWarning, match=rf"HoogkerkPilot\({old}=\.\.\.\): {old}= is renamed {new}="
    ):
        plugin = HoogkerkPilot(**{old: value})  # type: ignore[arg-type]
    assert read(plugin) == value
    assert read(plugin) == read(HoogkerkPilot(**{new: value}))  # type: ignore[arg-type]


def test_the_new_names_are_the_other_plugins_names() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plugin = HoogkerkPilot("hoogkerk-b", start=START, end=END)
    assert plugin.pilot.naam == "hoogkerk-b"
    assert HoogkerkPilot().pilot.naam == PILOT_NAME == "hoogkerk"


def test_both_spellings_at_once_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"HoogkerkPilot\.end: given twice"):
        HoogkerkPilot(end=LATER, eind=LATER)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("sociaaldomein_hoogkerk", "budgetregels", "budget_lines"),
        ("sociaaldomein_hoogkerk", "kostenmodel", "cost_model"),
        ("sociaaldomein_hoogkerk", "evaluatieplan", "evaluation_plan"),
        ("sociaaldomein_hoogkerk", "PILOT_NAAM", "PILOT_NAME"),
        ("sociaaldomein_hoogkerk", "EIND", "END"),
        ("sociaaldomein_hoogkerk.funding", "budgetregels", "budget_lines"),
        ("sociaaldomein_hoogkerk.funding", "kostenmodel", "cost_model"),
        ("sociaaldomein_hoogkerk.evaluation", "evaluatieplan", "evaluation_plan"),
        ("sociaaldomein_hoogkerk.plugin", "PILOT_NAAM", "PILOT_NAME"),
        ("sociaaldomein_hoogkerk.plugin", "EIND", "END"),
    ],
)
def test_an_old_module_name_is_the_new_object_with_a_warning(
    module: str, old: str, new: str
) -> None:
    imported = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=rf"{module}\.{old} is renamed {new}"):
        value = getattr(imported, old)
    assert value is getattr(imported, new)


def test_the_old_budget_lines_attribute_warns() -> None:
    plugin = HoogkerkPilot()
    with pytest.warns(DeprecationWarning, match="budgetregels is renamed budget_lines"):
        assert plugin.budgetregels == plugin.budget_lines
