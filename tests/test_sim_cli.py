"""The ``simulate`` subcommand: scenario in, summary out, tables and a plot on request."""

from __future__ import annotations

import argparse
import csv
from decimal import Decimal
from pathlib import Path

import pytest

from sociaaldomein.cli import simulate
from sociaaldomein.io import read_scenario
from sociaaldomein.simulation import PRIORITIES

SCENARIO = """
gemeente = "Groningen"
allow_import = true

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = { capacity = 3, min_problems = 1, per_year = "25000.00" }
name = "toy"

[cohort]
size = 500
seed = 1

[simulation]
start = 2024-01-01
months = 12
runs = 7
seed = 3
referral_probability = 0.03

[simulation.designs.toy]
priority = "problems"
cost_per_family_month = "900.00"
"""


def _args(scenario: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    simulate.add_arguments(parser)
    args = parser.parse_args([str(scenario), *extra])
    args.plugin, args.no_plugin, args.strict, args.traceback = [], [], False, False
    return args


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def test_the_scenario_becomes_engine_settings(scenario: Path) -> None:
    settings = simulate.settings_of(read_scenario(scenario))
    assert settings.referral_probability == 0.03
    assert settings.design("toy").priority == "problems" in PRIORITIES
    assert str(settings.design("toy").cost_per_family_month) == "EUR 900,00"


def test_simulate_prints_a_summary_and_writes_tables(
    scenario: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert simulate.run(_args(scenario, "--runs", "5", "--out", str(out))) == 0
    printed = capsys.readouterr().out
    assert "5 runs of 500 families over 12 months from 2024-01-01 (seed 3)" in printed
    assert "money spent" in printed
    with (out / "runs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5
    assert all(Decimal(r["spent"]) + Decimal(r["remaining"]) == Decimal(r["budget"]) for r in rows)
    for name in ("months", "assessed", "snapshots", "summary"):
        assert (out / f"{name}.csv").is_file()


def test_the_seed_on_the_command_line_wins(scenario: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    simulate.run(_args(scenario, "--seed", "9", "--out", str(a)))
    simulate.run(_args(scenario, "--seed", "9", "--out", str(b)))
    assert (a / "months.csv").read_text() == (b / "months.csv").read_text()


def test_parquet_and_a_plot(scenario: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("matplotlib")
    out, plot = tmp_path / "out", tmp_path / "plot.png"
    args = _args(scenario, "--out", str(out), "--format", "parquet", "--plot", str(plot))
    assert simulate.run(args) == 0
    assert (out / "runs.parquet").is_file()
    assert plot.stat().st_size > 10_000
