"""Results for analysts: numeric money, dates, labels, the run-out month, clipped intervals,
and a warning for every result that is zero or identical for a reason."""

from __future__ import annotations

import warnings
from decimal import Decimal

import numpy as np
import pendulum
import pytest

from sociaaldomein import Gemeente, Money, PluginSpec
from sociaaldomein.i18n import use_language
from sociaaldomein.simulation import Results, Settings, generate_cohort, simulate, sweep
from sociaaldomein.simulation.results import (
    NoEffectWarning,
    NoFamilyWarning,
    OutsideWindowWarning,
    SilentResultWarning,
)
from sociaaldomein.testing import ToyPilot

pd = pytest.importorskip("pandas")

START = pendulum.date(2024, 1, 1)


@pytest.fixture(scope="module")
def tight() -> Results:
    """A toy whose small budget runs out within the 18 months in every run."""
    return simulate(
        Gemeente(plugins=[ToyPilot(capacity=3, min_problems=1, per_year=Money("12345.67"))]),
        generate_cohort(800, seed=2),
        Settings(START, months=18, referral_probability=0.03),
        runs=25,
        seed=4,
    )


def test_money_columns_are_euros_as_float64_that_arithmetic_takes(tight: Results) -> None:
    frame = tight.to_pandas("runs")
    for column in ("spent", "remaining", "budget", "deficit"):
        assert frame[column].dtype == np.float64, column
    scaled = frame["spent"] * 1.2  # raised TypeError on Decimal columns in 0.1
    assert scaled.dtype == np.float64
    for run in range(tight.runs):
        assert Decimal(str(frame["spent"][run])) == tight.spent("toy", run).amount
    months = tight.to_pandas("months")
    assert months["spent"].dtype == np.float64
    assert pd.api.types.is_datetime64_any_dtype(months["date"])
    exact = tight.to_pandas("runs", money="decimal")
    assert all(isinstance(v, Decimal) for v in exact["spent"])
    assert tight.to_pandas("runs", money="cents")["spent_cents"].dtype == np.int64


def test_snapshots_carry_dates_and_columns_can_be_labelled(tight: Results) -> None:
    assert pd.api.types.is_datetime64_any_dtype(tight.to_pandas("snapshots")["date"])
    with use_language("en"):
        labelled = tight.to_pandas("runs", labels=True)
    assert {"money spent", "families admitted", "date the money runs out"} <= set(labelled)


def test_the_run_out_month_is_the_first_month_the_money_does_not_cover(tight: Results) -> None:
    months = tight.run_out_months()[:, 0]
    spent = np.cumsum(tight.series("spent_cents", "toy"), axis=1)
    deficit = tight.series("deficit_cents", "toy")
    budget = tight.budget_cents[0, 0]
    for run, month in enumerate(months):
        assert month >= 0  # this budget runs out in every run
        assert spent[run, month] >= budget or deficit[run, month] > 0
        assert month == 0 or (spent[run, month - 1] < budget and deficit[run, month - 1] == 0)
    frame = tight.to_pandas("runs")
    assert list(frame["run_out_month"]) == list(months)
    expected = [pd.Timestamp(tight.dates[m].isoformat()) for m in months]
    assert list(frame["run_out_date"]) == expected


def test_the_summary_says_when_the_money_runs_out_and_how_many_wait(tight: Results) -> None:
    summary = tight.summary()
    (run_out,) = summary.run_out
    assert run_out.share == 1.0
    months = np.sort(tight.run_out_months()[:, 0])
    assert run_out.median == tight.dates[int(months[12])]
    assert run_out.earliest == tight.dates[int(months[1])]
    waiting = next(r for r in summary.rows if r.figure == "waiting_at_end")
    final = tight.series("waiting", "toy")[:, -1]
    assert waiting.mean == pytest.approx(final.mean())
    with use_language("en"):
        text = summary.render(width=100)
    assert "money runs out in" in text
    assert "100% of runs" in text
    assert "families still waiting at the end" in text
    frame = summary.run_out_pandas()
    assert pd.api.types.is_datetime64_any_dtype(frame["median"])


def test_intervals_never_leave_what_a_figure_can_be(tight: Results) -> None:
    budget = float(tight.budget("toy").amount)
    for row in tight.summary(level=0.99).rows:
        assert min(row.low, row.mean_low) >= 0, row
        assert row.low <= row.high, row
        assert row.mean_low <= row.mean_high, row
        if row.figure in ("spent (EUR)", "remaining (EUR)"):
            assert max(row.high, row.mean_high) <= budget, row
        if row.figure == "peak_enrolled":
            assert row.mean_high <= 3, row
        if row.figure in ("months_active", "intake_closed_months"):
            assert row.mean_high <= tight.months, row


def test_summary_rows_read_as_words_in_the_chosen_language(tight: Results) -> None:
    summary = tight.summary(["exit_step_down", "intake_closed_months", "spent_cents"])
    with use_language("en"):
        text = summary.render(width=120)
        assert [r.label for r in summary.rows] == [
            "left: stepped down to lighter help",
            "months with intake closed",
            "money spent",
        ]
    assert "exit_step_down" not in text
    assert "intake_closed_months" not in text
    spent = summary.rows[2].mean
    with use_language("en"):
        assert f"€{round(spent):,}" in text


def test_a_pilot_outside_the_simulated_months_warns_with_when_it_runs() -> None:
    later = Settings(pendulum.date(2030, 1, 1), months=6)
    results = simulate(Gemeente(plugins=[ToyPilot()]), generate_cohort(100, seed=1), later, runs=2)
    with use_language("en"), pytest.warns(OutsideWindowWarning, match="does not run") as caught:
        summary = results.summary()
    assert "January 1, 2024" in str(caught[0].message)  # when the toy does run
    assert issubclass(OutsideWindowWarning, SilentResultWarning)
    assert any("does not run in the simulated months" in n for n in summary.notes)


def test_a_pilot_whose_rules_let_no_family_in_warns() -> None:
    nobody = ToyPilot(min_problems=99)  # no family has 99 problems
    settings = Settings(START, months=6, referral_probability=0.2)
    results = simulate(Gemeente(plugins=[nobody]), generate_cohort(200, seed=1), settings, runs=2)
    with pytest.warns(NoFamilyWarning, match="admitted no family in any run"):
        results.summary()


def test_designs_that_make_no_difference_warn() -> None:
    toy = PluginSpec("sociaaldomein.testing:ToyPilot", {"min_problems": 1})
    settings = Settings(START, months=6, referral_probability=0.02)
    # a capacity far above what six months fill: 50 or 60 places are the same
    grid = sweep(
        [toy],
        generate_cohort(200, seed=1),
        settings,
        {"toy.capacity": [50, 60]},
        runs=3,
        progress=False,
    )
    with pytest.warns(NoEffectWarning, match=r"designs 0 and 1 differ in toy\.capacity"):
        grid.summary()


def test_results_with_an_effect_warn_of_nothing(tight: Results) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", SilentResultWarning)
        tight.summary()


def test_plots_speak_the_language_and_mark_where_the_money_runs_out(tight: Results) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sociaaldomein.simulation.plots import plot_budget

    with use_language("en"):
        english = plot_budget(tight, "toy")
    with use_language("nl"):
        dutch = plot_budget(tight, "toy")
    try:
        (ax_en,), (ax_nl,) = english.axes, dutch.axes
        labels = [str(line.get_label()) for line in ax_en.get_lines()]
        marker = next(label for label in labels if label.startswith("money runs out"))
        assert "in 100% of runs" in marker
        month = tight.run_out_months()[:, 0]
        line = next(line for line in ax_en.get_lines() if line.get_label() == marker)
        x = list(np.atleast_1d(np.asarray(line.get_xdata(), dtype=object)))
        assert x[0] == _dates_of(tight)[int(np.sort(month)[12])]
        tick = ax_nl.yaxis.get_major_formatter()
        assert tick(350_000, 0) == "€ 350K"
        assert ax_en.yaxis.get_major_formatter()(350_000, 0) == "€350K"
        assert ax_en.get_title() != ax_nl.get_title()  # the title is translated
    finally:
        plt.close(english)
        plt.close(dutch)


def _dates_of(results: Results) -> list[object]:
    import datetime

    return [datetime.date(d.year, d.month, d.day) for d in results.dates]
