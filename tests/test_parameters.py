"""Declared parameters: validate refuses what the plugin would refuse, without building it."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import InvalidValueError
from sociaaldomein.cli.common import check_scenario, resolve_scenario
from sociaaldomein.io import FileFormatError, loads_scenario
from sociaaldomein.parameters import Between, constraints, problems


def test_between_says_what_is_out_of_range() -> None:
    assert Between(0, 10).problem(11) == "must be from 0 to 10, got 11"
    assert Between(low=1).problem(0) == "must be at least 1, got 0"
    assert Between(high=Decimal(5)).problem(Decimal(6)) == "must be at most 5, got 6"
    assert Between(0, 10).problem(5) is None
    assert Between(0, 10).problem("5") is None, "the type check is not the constraint's"
    assert Between(0, 10).problem(True) is None


def test_constraints_come_from_annotated_hints() -> None:
    base, found = constraints(Annotated[int, Between(1, 3), "a note"])
    assert base is int
    assert found == (Between(1, 3),)
    assert constraints(int) == (int, ())

    class Pilot:
        def __init__(self, *, size: Annotated[int, Between(1, 3)] = 1, free: int = 0) -> None:
            self.size = size

    assert problems(Pilot, {"size": 4, "free": -9}) == [("size", "must be from 1 to 3, got 4")]


def _assert_validate_agrees_with_simulate(plugin: str, params: dict[str, int], start: str) -> None:
    """``validate`` (which builds nothing) and ``simulate`` agree on ``params``."""
    document = {
        "allow_import": ":" in plugin,
        "pilots": [{"plugin": plugin, "params": params}],
        "cohort": {"size": 10},
        "simulation": {"start": start},
    }
    scenario = loads_scenario(json.dumps(document), "json", source="s.json")
    field = None
    try:
        check_scenario(scenario, "s.json")
    except FileFormatError as exc:
        field = exc.field
    validate_ok = field is None
    assert validate_ok or str(field).startswith("pilots[0].params."), field
    try:
        resolve_scenario(scenario, "s.json")  # builds the plugin, as simulate does
    except InvalidValueError:
        simulate_ok = False
    else:
        simulate_ok = True
    assert validate_ok == simulate_ok, params


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["capacity", "min_problems"]), st.integers(-5, 10**8), max_size=2
    )
)
def test_validate_and_simulate_agree_on_a_plugins_parameters(params: dict[str, int]) -> None:
    _assert_validate_agrees_with_simulate("sociaaldomein.testing:ToyPilot", params, "2024-01-01")


def test_validate_names_the_parameter_and_its_limit() -> None:
    text = json.dumps(
        {
            "allow_import": True,
            "pilots": [{"plugin": "sociaaldomein.testing:ToyPilot", "params": {"capacity": -1}}],
            "cohort": {"size": 10},
            "simulation": {"start": "2024-01-01"},
        }
    )
    with pytest.raises(FileFormatError) as caught:
        check_scenario(loads_scenario(text, "json", source="s.json"), "s.json")
    assert caught.value.field == "pilots[0].params.capacity"
    assert caught.value.problem == "must be from 0 to 10000000, got -1"


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["capacity", "zrm_threshold"]), st.integers(-3, 10**8), max_size=2
    )
)
def test_validate_and_simulate_agree_on_an_installed_pilots_parameters(
    params: dict[str, int],
) -> None:
    _assert_validate_agrees_with_simulate("gezinsverzorger", params, "2021-10-01")
