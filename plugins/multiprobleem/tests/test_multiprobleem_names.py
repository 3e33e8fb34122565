"""The 0.1 spellings of the multiprobleem plugin keep working until 0.3, and say what to change."""

from __future__ import annotations

import importlib
import warnings

import pytest
from sociaaldomein_multiprobleem import PILOT_NAME, MultiprobleemPilot

from sociaaldomein import InvalidValueError


def test_the_old_name_parameter_works_and_names_the_new_one() -> None:
    with pytest.warns(
        DeprecationWarning, match=r"MultiprobleemPilot\(naam=\.\.\.\): naam= is renamed name="
    ):
        plugin = MultiprobleemPilot(naam="multiprobleem-b")  # type: ignore[call-arg]
    assert plugin.pilot.naam == "multiprobleem-b"


def test_the_new_name_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert MultiprobleemPilot(name="multiprobleem-b").pilot.naam == "multiprobleem-b"
        assert MultiprobleemPilot("multiprobleem-c").pilot.naam == "multiprobleem-c"
    assert MultiprobleemPilot().pilot.naam == PILOT_NAME == "multiprobleem"


def test_both_spellings_at_once_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"MultiprobleemPilot\.name: given twice"):
        MultiprobleemPilot(name="a", naam="b")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("sociaaldomein_multiprobleem", "budgetregels", "budget_lines"),
        ("sociaaldomein_multiprobleem", "kostenmodel", "cost_model"),
        ("sociaaldomein_multiprobleem", "evaluatieplan", "evaluation_plan"),
        ("sociaaldomein_multiprobleem", "eindregels", "pilot_termination"),
        ("sociaaldomein_multiprobleem", "PILOT_NAAM", "PILOT_NAME"),
        ("sociaaldomein_multiprobleem.funding", "budgetregels", "budget_lines"),
        ("sociaaldomein_multiprobleem.funding", "kostenmodel", "cost_model"),
        ("sociaaldomein_multiprobleem.evaluation", "evaluatieplan", "evaluation_plan"),
        ("sociaaldomein_multiprobleem.termination", "eindregels", "pilot_termination"),
        ("sociaaldomein_multiprobleem.plugin", "PILOT_NAAM", "PILOT_NAME"),
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
    plugin = MultiprobleemPilot()
    with pytest.warns(DeprecationWarning, match="budgetregels is renamed budget_lines"):
        assert plugin.budgetregels == plugin.budget_lines
