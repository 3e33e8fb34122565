"""``simulate`` builds a scenario's cohort of only the columns its composition reads, and
that cohort gives the results the full cohort gives."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sociaaldomein.cli import simulate as simulate_command
from sociaaldomein.cli.common import resolve_scenario
from sociaaldomein.domain.cohort import SCHEMA, Cohort
from sociaaldomein.io import read_scenario
from sociaaldomein.io.cohort import dumps_cohort_csv
from sociaaldomein.simulation import SIMULATION_COLUMNS, generate_cohort, sweep

SCENARIO = """
gemeente = "Groningen"
allow_import = true

[[pilots]]
plugin = "gezinsverzorger"

[[pilots]]
plugin = "multiprobleem"

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = {{ capacity = 3, min_problems = 1, per_year = "25000.00" }}
name = "toy"

[cohort]
{cohort}

[simulation]
start = 2022-01-01
months = 12
runs = 3
seed = 5
referral_probability = 0.03
problem_change_probability = 0.05
"""


def _scenario(tmp_path: Path, cohort: str) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(cohort=cohort), encoding="utf-8")
    return path


def _args(scenario: Path) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    simulate_command.add_arguments(parser)
    args = parser.parse_args([str(scenario), "--json", "--no-progress"])
    args.plugin, args.no_plugin, args.strict, args.traceback = [], [], False, False
    return args


def _file_cohort(tmp_path: Path, suffix: str) -> str:
    from sociaaldomein.simulation.cohorts import write_cohort

    path = tmp_path / f"cohort{suffix}"
    write_cohort(generate_cohort(1_500, seed=4), path)
    return f'file = "{path.name}"'


COHORTS = [
    pytest.param(lambda tmp: "size = 1500\nseed = 4", id="generated"),
    pytest.param(lambda tmp: _file_cohort(tmp, ".csv"), id="csv"),
]


@pytest.mark.parametrize("cohort", COHORTS)
def test_a_scenarios_cohort_of_the_columns_read_gives_the_full_cohorts_results(
    tmp_path: Path, cohort: Callable[[Path], str]
) -> None:
    path = _scenario(tmp_path, cohort(tmp_path))
    scenario = read_scenario(path)
    gemeente, specs = resolve_scenario(scenario, path)
    columns = simulate_command.columns_of(gemeente)
    assert columns >= SIMULATION_COLUMNS
    some = simulate_command.cohort_of(scenario, path, gemeente.feiten, columns=columns)
    full = simulate_command.cohort_of(scenario, path, gemeente.feiten)
    assert set(some.columns) == SCHEMA.keys() & columns
    assert set(some.columns) < set(full.columns)
    assert some.nbytes() < full.nbytes()
    settings = simulate_command.settings_of(scenario)
    a = sweep(specs, some, settings, runs=3, seed=5, progress=False)
    b = sweep(specs, full, settings, runs=3, seed=5, progress=False)
    assert b.figures()["admitted"].sum() > 0
    assert a.digest() == b.digest()


def test_the_command_simulates_on_the_columns_it_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _scenario(tmp_path, "size = 1500\nseed = 4")
    built: list[Cohort] = []
    original = simulate_command.cohort_of

    def recording(*args: object, **kwargs: object) -> Cohort:
        cohort = original(*args, **kwargs)  # type: ignore[arg-type]
        built.append(cohort)
        return cohort

    monkeypatch.setattr(simulate_command, "cohort_of", recording)
    assert simulate_command.run(_args(path)) == 0
    selected = json.loads(capsys.readouterr().out)
    assert len(built) == 1
    assert set(built[0].columns) < set(SCHEMA)

    monkeypatch.setattr(simulate_command, "columns_of", lambda gemeente: None)
    assert simulate_command.run(_args(path)) == 0
    whole = json.loads(capsys.readouterr().out)
    assert set(built[1].columns) == set(SCHEMA)
    assert selected == whole


def test_a_cohort_file_keeps_only_the_columns_named(tmp_path: Path) -> None:
    cohort = generate_cohort(5, seed=1)
    text = dumps_cohort_csv(cohort, ["id", "problemen", "wijk"])
    (tmp_path / "c.csv").write_text(text, encoding="utf-8")
    path = _scenario(tmp_path, 'file = "c.csv"')
    scenario = read_scenario(path)
    some = simulate_command.cohort_of(scenario, path, columns=["problemen"])
    assert list(some.columns) == ["problemen"]
    assert list(some.column("problemen")) == list(cohort.column("problemen"))
