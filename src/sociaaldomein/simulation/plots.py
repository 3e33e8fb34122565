"""Plots of simulation results (matplotlib: ``pip install 'sociaaldomein[plot]'``).

Every function draws on an ``ax`` you pass (or a new figure) and returns the
figure, so a notebook shows it and a script saves it with
``fig.savefig("out.png", dpi=150)``.  Bands are the central 90% of the runs,
the line their median.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from sociaaldomein.domain.cohort import Array
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.model import BIG
from sociaaldomein.simulation.results import Results, require

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_budget", "plot_heatmap", "plot_occupancy", "plot_summary"]

_BAND = (5, 50, 95)


def _plt() -> Any:
    require("matplotlib", "plot")
    import matplotlib.pyplot as plt

    return plt


def _axes(ax: Axes | None, size: tuple[float, float] = (8, 4.5)) -> tuple[Figure, Axes]:
    if ax is not None:
        figure = ax.get_figure()
        assert figure is not None
        return figure, ax  # type: ignore[return-value]
    fig, new = _plt().subplots(figsize=size, layout="constrained")
    return fig, new


def _dates(results: Results) -> list[Any]:
    """Month starts plus the end of the last month, so that the last step is drawn whole."""
    import datetime

    days = [*results.dates, results.dates[-1].add(months=1)] if results.dates else []
    return [datetime.date(d.year, d.month, d.day) for d in days]


def _closed(values: Array) -> Array:
    """``values`` with the last month repeated (a step plot needs one point more)."""
    return np.concatenate([values, values[..., -1:]], axis=-1)


def _band(ax: Axes, x: Sequence[Any], data: Array, color: str, label: str) -> None:
    low, mid, high = (_closed(v) for v in np.percentile(data, _BAND, axis=0))
    ax.fill_between(x, low, high, color=color, alpha=0.2, linewidth=0, step="post")
    ax.step(x, mid, where="post", color=color, linewidth=2, label=f"{label} (median)")


def _legend(ax: Axes) -> None:
    """Below the plot, so that it never hides a line."""
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=4, frameon=False)


def _date_axis(ax: Axes) -> None:
    import importlib

    mdates: Any = importlib.import_module("matplotlib.dates")
    locator = mdates.AutoDateLocator(minticks=4, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(True, alpha=0.3)


def _one(results: Results, design: int) -> Results:
    if not 0 <= design < len(results.designs):
        raise InvalidValueError(
            "plot.design", f"no design {design}; there are {len(results.designs)}"
        )
    return results.select(design) if len(results.designs) > 1 else results


def plot_occupancy(
    results: Results, pilot: str, *, design: int = 0, ax: Axes | None = None
) -> Figure:
    """Families in care and on the waitlist, month by month, with the capacity."""
    r = _one(results, design)
    fig, ax = _axes(ax)
    x = _dates(r)
    _band(ax, x, r.series("enrolled", pilot), "tab:blue", "in care")
    if r.series("waiting", pilot).any():
        _band(ax, x, r.series("waiting", pilot), "tab:orange", "waiting")
    cap = int(r.capacity[0, r.pilots.index(pilot)])
    if cap < BIG:
        ax.axhline(cap, color="black", linestyle="--", linewidth=1, label=f"capacity ({cap})")
    ax.set_ylim(bottom=0)
    ax.set_ylabel("families")
    ax.yaxis.set_major_locator(_integer_locator())
    data_top = max(
        float(np.percentile(r.series("enrolled", pilot), 95, axis=0).max()),
        float(np.percentile(r.series("waiting", pilot), 95, axis=0).max()),
        cap if cap < BIG else 0,
        1,
    )
    # with shared axes an earlier plot may have set the limit: only ever raise it
    ax.set_ylim(0, max(data_top * 1.08, ax.get_ylim()[1] if ax.get_autoscaley_on() is False else 0))
    ax.set_title(f"{pilot}: occupancy and waitlist ({r.runs} runs, band: 5-95%)")
    _legend(ax)
    _date_axis(ax)
    return fig


def _integer_locator() -> Any:
    import importlib

    return importlib.import_module("matplotlib.ticker").MaxNLocator(integer=True)


def _euro_axis(ax: Axes) -> None:
    from matplotlib.ticker import FuncFormatter

    def fmt(value: float, _pos: int) -> str:
        if abs(value) >= 1e6:
            return f"EUR {value / 1e6:,.1f}m"
        if abs(value) >= 1e3:
            return f"EUR {value / 1e3:,.0f}k"
        return f"EUR {value:,.0f}"

    ax.yaxis.set_major_formatter(FuncFormatter(fmt))


def plot_budget(results: Results, pilot: str, *, design: int = 0, ax: Axes | None = None) -> Figure:
    """Money spent so far against the budget plan (cumulative, euros), and any deficit."""
    r = _one(results, design)
    fig, ax = _axes(ax)
    x = _dates(r)
    spent = np.cumsum(r.series("spent_cents", pilot), axis=1) / 100
    plan = np.cumsum(r.series("plan_cents", pilot)[0]) / 100
    _band(ax, x, spent, "tab:red", "spent")
    ax.step(
        x, _closed(plan), where="post", color="black", linestyle="--", linewidth=1.5, label="plan"
    )
    deficit = np.cumsum(r.series("deficit_cents", pilot), axis=1) / 100
    if deficit.any():
        _band(ax, x, deficit, "tab:purple", "costs not covered")
    budget = float(r.budget(pilot).amount)
    ax.axhline(budget, color="grey", linewidth=1, label=f"budget ({r.budget(pilot)})")
    data_top = max(
        float(np.percentile(spent, 95, axis=0).max()), float(plan.max(initial=0)), budget
    )
    ax.set_ylim(
        0, max(data_top * 1.05, 1, ax.get_ylim()[1] if ax.get_autoscaley_on() is False else 0)
    )
    _euro_axis(ax)
    ax.set_title(f"{pilot}: budget burn against plan ({r.runs} runs)")
    _legend(ax)
    _date_axis(ax)
    return fig


def plot_heatmap(
    results: Results,
    figure: str,
    pilot: str,
    *,
    x: str,
    y: str,
    ax: Axes | None = None,
    fmt: str = "{:,.1f}",
) -> Figure:
    """The mean over runs of a run figure (see ``RUN_FIGURES``) for every design of a 2-D grid."""
    table = results.figures()
    if figure not in table:
        raise InvalidValueError(
            "plot_heatmap.figure", f"unknown {figure!r}; known: {', '.join(table)}"
        )
    for name in (x, y):
        if any(name not in d for d in results.designs):
            raise InvalidValueError("plot_heatmap", f"{name!r} is not a parameter of the sweep")
    xs = sorted({d[x] for d in results.designs})
    ys = sorted({d[y] for d in results.designs})
    grid = np.full((len(ys), len(xs)), np.nan)
    p = results.pilots.index(pilot)
    scale = 100 if figure.endswith("_cents") else 1
    for i, design in enumerate(results.designs):
        values = table[figure][results.design == i, p] / scale
        grid[ys.index(design[y]), xs.index(design[x])] = values.mean()
    fig, ax = _axes(ax, (1.2 * len(xs) + 3, 0.7 * len(ys) + 2.5))
    image = ax.imshow(grid, origin="lower", aspect="auto", cmap="viridis")
    ax.set_xticks(range(len(xs)), [str(v) for v in xs])
    ax.set_yticks(range(len(ys)), [str(v) for v in ys])
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    label = figure.removesuffix("_cents") + (" (EUR)" if scale == 100 else "")
    fig.colorbar(image, ax=ax, label=f"mean {label}")
    middle = np.nanmin(grid) + (np.nanmax(grid) - np.nanmin(grid)) / 2
    for (row, col), value in np.ndenumerate(grid):
        color = "black" if value > middle else "white"
        ax.text(col, row, fmt.format(value), ha="center", va="center", color=color, fontsize=9)
    ax.set_title(f"{pilot}: mean {label} over {results.runs // len(results.designs)} runs")
    return fig


def plot_summary(results: Results, pilot: str, *, design: int = 0) -> Figure:
    """Occupancy above, budget burn below: the two plots a pilot design is judged on."""
    fig, (top, bottom) = _plt().subplots(2, 1, figsize=(8, 8), layout="constrained", sharex=True)
    plot_occupancy(results, pilot, design=design, ax=top)
    plot_budget(results, pilot, design=design, ax=bottom)
    return fig  # type: ignore[no-any-return]
