"""Simulate a scenario: Monte Carlo runs, a summary table, results as CSV or Parquet, a plot.

sociaaldomein simulate SCENARIO [--runs N] [--seed S] [--out DIR] [--format csv|parquet]
                                [--plot FILE.png] [--no-progress]

The scenario file names the composition, the cohort and the simulation
settings (docs/files.md); --runs and --seed override its own.  With --out the
tables go to DIR: runs (one row per run and pilot), months (per run, month
and pilot), assessed (per run and month), snapshots (per run and evaluation
moment) and summary.  Amounts are exact decimal text ("42000.00").
"""

from __future__ import annotations

import argparse
import csv
import importlib
import os
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import numpy as np

from sociaaldomein import Cohort
from sociaaldomein.cli.common import OK, BadInputError, resolve_scenario
from sociaaldomein.io import Scenario, read_cohort, read_scenario
from sociaaldomein.simulation import Results, Settings, generate_cohort, load_cohort, sweep

__all__ = ["TABLES", "add_arguments", "cohort_of", "run", "settings_of"]

TABLES: Final = ("runs", "months", "assessed", "snapshots")
"""The tables ``--out`` writes, besides ``summary``."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``SCENARIO [--runs N] [--seed S] [--out DIR] [--format F] [--plot FILE] [--no-progress]``."""
    parser.add_argument("scenario", metavar="SCENARIO", help="the scenario file (.toml, .json)")
    parser.add_argument("--runs", type=_positive, help="how many runs (default: the scenario's)")
    parser.add_argument("--seed", type=_seed, help="the root seed (default: the scenario's)")
    parser.add_argument("--out", metavar="DIR", help="write the result tables to DIR")
    parser.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="the format of the tables in --out (parquet needs sociaaldomein[parquet])",
    )
    parser.add_argument(
        "--plot", metavar="FILE.png", help="draw occupancy and budget burn of every pilot"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def cohort_of(scenario: Scenario, source: str | os.PathLike[str]) -> Cohort:
    """The scenario's cohort: synthetic, or read from its file (CSV, Parquet, family file)."""
    settings = scenario.cohort
    if settings.size is not None:
        return generate_cohort(settings.size, seed=settings.seed or 0)
    path = settings.path(source)
    assert path is not None  # a cohort has either a size or a file
    if path.suffix.lower() in (".parquet", ".pq"):
        return load_cohort(path)
    return read_cohort(path)


def settings_of(scenario: Scenario) -> Settings:
    """The engine's settings from the scenario's ``simulation`` table."""
    sim = scenario.simulation
    settings = Settings(
        sim.start,
        months=sim.months,
        referral_probability=sim.referral_probability,
        problem_change_probability=sim.problem_change_probability,
        families_return=sim.families_return,
    )
    values = {
        f"{pilot}.{field}": value
        for pilot, fields in sim.designs.items()
        for field, value in fields.items()
    }
    return settings.with_values(values)


def _cell(name: str, value: Any) -> Any:
    if name.endswith("_cents"):
        return f"{Decimal(int(value)).scaleb(-2):f}"
    if isinstance(value, np.generic):
        return value.item()
    return value


def _columns(table: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {
        name.removesuffix("_cents"): [_cell(name, v) for v in values]
        for name, values in table.items()
    }


def _write(path: Path, columns: dict[str, list[Any]], fmt: str) -> None:
    if fmt == "parquet":
        try:
            pa: Any = importlib.import_module("pyarrow")
            pq: Any = importlib.import_module("pyarrow.parquet")
        except ImportError:
            raise BadInputError(
                "--format parquet needs pyarrow: pip install 'sociaaldomein[parquet]'"
            ) from None
        pq.write_table(pa.table(columns), path.with_suffix(".parquet"))
        return
    with path.with_suffix(".csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(zip(*columns.values(), strict=True))


def _summary_columns(results: Results) -> dict[str, list[Any]]:
    rows = results.summary().rows
    fields = ("pilot", "figure", "n", "mean", "sd", "low", "high", "mean_low", "mean_high")
    return {f: [getattr(r, f) for r in rows] for f in fields}


def _plot(results: Results, path: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        from sociaaldomein.simulation.plots import plot_budget, plot_occupancy
    except ImportError:
        raise BadInputError("--plot needs matplotlib: pip install 'sociaaldomein[plot]'") from None
    n = len(results.pilots)
    fig, axes = plt.subplots(n, 2, figsize=(15, 4.5 * n), layout="constrained", squeeze=False)
    for row, pilot in zip(axes, results.pilots, strict=True):
        plot_occupancy(results, pilot, ax=row[0])
        plot_budget(results, pilot, ax=row[1])
    fig.savefig(path, dpi=120)
    plt.close(fig)


def run(args: argparse.Namespace) -> int:
    """Simulate the scenario and report."""
    source = args.scenario
    scenario = read_scenario(source)
    _, specs = resolve_scenario(scenario, source, args=args)  # every mistake named, early
    cohort = cohort_of(scenario, source)
    settings = settings_of(scenario)
    runs = args.runs or scenario.simulation.runs
    seed = scenario.simulation.seed if args.seed is None else args.seed
    workers = scenario.simulation.workers
    results = sweep(
        specs,
        cohort,
        settings,
        runs=runs,
        seed=seed,
        workers=workers if workers > 1 else None,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    print(
        f"{runs} runs of {len(cohort):,} families over {settings.months} months "
        f"from {settings.start.isoformat()} (seed {seed})"
    )
    print(results.summary().render())
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for kind in TABLES:
            _write(out / kind, _columns(results.table(kind)), args.format)
        _write(out / "summary", _summary_columns(results), args.format)
        print(f"tables written to {out}/ ({', '.join((*TABLES, 'summary'))}.{args.format})")
    if args.plot:
        _plot(results, args.plot)
        print(f"plot written to {args.plot}")
    return OK
