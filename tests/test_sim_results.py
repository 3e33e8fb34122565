"""Results: tidy tables, exact money, summaries with intervals, optional pandas, plots."""

from __future__ import annotations

import builtins
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pendulum
import pytest

from sociaaldomein import Gemeente, InvalidValueError, Money, PluginSpec
from sociaaldomein.simulation import (
    RUN_FIGURES,
    SERIES,
    Results,
    Settings,
    generate_cohort,
    simulate,
    sweep,
)
from sociaaldomein.testing import ToyPilot

START = pendulum.date(2024, 1, 1)


@pytest.fixture(scope="module")
def results() -> Results:
    return simulate(
        Gemeente(plugins=[ToyPilot(capacity=3, min_problems=1, per_year=Money("12345.67"))]),
        generate_cohort(800, seed=2),
        Settings(START, months=18, referral_probability=0.03),
        runs=25,
        seed=4,
    )


def test_tables_are_tidy(results: Results) -> None:
    months = results.table("months")
    assert len(months["run"]) == 25 * 18 * 1
    assert set(SERIES) <= set(months)
    runs = results.table("runs")
    assert len(runs["run"]) == 25
    assert set(RUN_FIGURES) <= set(runs)
    assert len(results.table("assessed")["referrals"]) == 25 * 18
    with pytest.raises(InvalidValueError, match="unknown series"):
        results.series("occupancy")
    with pytest.raises(InvalidValueError, match="unknown pilot 'toi'"):
        results.series("enrolled", "toi")


def test_money_comes_back_exact(results: Results) -> None:
    budget = results.budget("toy")
    # 2024 whole, and the first six months of 2025's amount spread over its months
    first_half = Money.total(Money("12345.67").split(12)[:6])
    assert budget == Money("12345.67") + first_half
    frame = results.to_pandas("runs", money="decimal")
    assert all(isinstance(v, Decimal) for v in frame["spent"])
    for run in range(results.runs):
        assert Money(frame["spent"][run]) == results.spent("toy", run)
        assert results.spent("toy", run) + results.remaining("toy", run) == budget


def test_pandas_frames(results: Results) -> None:
    pd = pytest.importorskip("pandas")
    months = results.to_pandas("months", money="cents")
    assert months["spent_cents"].dtype == np.int64
    assert pd.api.types.is_datetime64_any_dtype(months["date"])
    assert months.groupby("run")["admitted"].sum().sum() == results.series("admitted").sum()


def test_without_pandas_the_error_names_the_extra(
    results: Results, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas here")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    monkeypatch.delitem(__import__("sys").modules, "pandas", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'sociaaldomein\[pandas\]'"):
        results.to_pandas()


def test_summary_gives_means_with_intervals(results: Results) -> None:
    summary = results.summary(["admitted", "spent_cents"], level=0.9)
    admitted = next(r for r in summary.rows if r.figure == "admitted")
    values = results.figures()["admitted"][:, 0]
    assert admitted.n == 25
    assert admitted.mean == pytest.approx(values.mean())
    assert admitted.low <= admitted.mean <= admitted.high
    assert admitted.mean_low <= admitted.mean <= admitted.mean_high
    assert "money spent" in summary.render()
    with pytest.raises(InvalidValueError, match="unknown figure"):
        results.summary(["happiness"])


def test_plots_save_as_png(results: Results, tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from sociaaldomein.simulation.plots import plot_budget, plot_heatmap, plot_occupancy

    toy = PluginSpec("sociaaldomein.testing:ToyPilot", {"min_problems": 1})
    grid = sweep(
        [toy],
        generate_cohort(300, seed=1),
        Settings(START, months=12, referral_probability=0.03),
        {"toy.capacity": [1, 2], "referral_probability": [0.01, 0.05]},
        runs=5,
        progress=False,
    )
    figures = {
        "occupancy": plot_occupancy(results, "toy"),
        "budget": plot_budget(results, "toy"),
        "heatmap": plot_heatmap(
            grid, "peak_waiting", "toy", x="toy.capacity", y="referral_probability"
        ),
    }
    for name, fig in figures.items():
        path = tmp_path / f"{name}.png"
        fig.savefig(path, dpi=60)
        assert path.stat().st_size > 5_000
    with pytest.raises(InvalidValueError, match="not a parameter"):
        plot_heatmap(grid, "admitted", "toy", x="toy.capacity", y="seed")
