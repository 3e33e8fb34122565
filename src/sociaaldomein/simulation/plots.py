"""Plots of simulation results (matplotlib: ``pip install 'sociaaldomein[plot]'``).

Every function draws on an ``ax`` you pass (or a new figure) and returns the
figure, so a notebook shows it and a script saves it with
``fig.savefig("out.png", dpi=150)``.  Bands are the central 90% of the runs,
the line their median.  Titles, labels and the euro ticks are in the current
language (:func:`sociaaldomein.i18n.use_language`), the amounts in its
notation (``€ 350K`` in Dutch, ``€350K`` in English); the budget plot marks
the median month in which the money runs out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import numpy as np

from sociaaldomein.domain.cohort import Array
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import gettext as _
from sociaaldomein.output.numbers import format_money
from sociaaldomein.simulation.model import BIG
from sociaaldomein.simulation.results import Results, require
from sociaaldomein.simulation.summary import figure_label

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
    ax.step(
        x,
        mid,
        where="post",
        color=color,
        linewidth=2,
        label=_("{what} (median)").format(what=label),
    )


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
    _band(ax, x, r.series("enrolled", pilot), "tab:blue", _("in care"))
    if r.series("waiting", pilot).any():
        _band(ax, x, r.series("waiting", pilot), "tab:orange", _("waiting"))
    cap = int(r.capacity[0, r.pilots.index(pilot)])
    if cap < BIG:
        ax.axhline(
            cap,
            color="black",
            linestyle="--",
            linewidth=1,
            label=_("capacity ({capacity})").format(capacity=cap),
        )
    ax.set_ylim(bottom=0)
    ax.set_ylabel(_("families"))
    ax.yaxis.set_major_locator(_integer_locator())
    data_top = max(
        float(np.percentile(r.series("enrolled", pilot), 95, axis=0).max()),
        float(np.percentile(r.series("waiting", pilot), 95, axis=0).max()),
        cap if cap < BIG else 0,
        1,
    )
    # with shared axes an earlier plot may have set the limit: only ever raise it
    ax.set_ylim(0, max(data_top * 1.08, ax.get_ylim()[1] if ax.get_autoscaley_on() is False else 0))
    ax.set_title(
        _("{pilot}: occupancy and waitlist ({runs} runs, band: 5-95%)").format(
            pilot=pilot, runs=r.runs
        )
    )
    _legend(ax)
    _date_axis(ax)
    return fig


def _integer_locator() -> Any:
    import importlib

    return importlib.import_module("matplotlib.ticker").MaxNLocator(integer=True)


def _euro_axis(ax: Axes) -> None:
    from matplotlib.ticker import FuncFormatter

    from sociaaldomein.i18n import current_language
    from sociaaldomein.output.numbers import format_compact_money

    language = current_language()  # the ticks are drawn later, maybe outside use_language

    def fmt(value: float, _pos: int) -> str:
        return format_compact_money(value, language)

    ax.yaxis.set_major_formatter(FuncFormatter(fmt))


def _run_out_marker(ax: Axes, results: Results, pilot: str, x: Sequence[Any]) -> None:
    """A vertical line at the median month the money runs out, if it does in half the runs."""
    from sociaaldomein.output import format_month

    months = results.run_out_months()[:, results.pilots.index(pilot)]
    ran_out = np.sort(months[months >= 0])
    k = int(np.ceil(0.5 * months.size))
    if not ran_out.size or k > ran_out.size:
        return
    month = int(ran_out[k - 1])
    share = ran_out.size / months.size
    label = _("money runs out (median: {month}, in {share}% of runs)").format(
        month=format_month(results.dates[month]), share=round(share * 100)
    )
    ax.axvline(x[month], color="tab:red", linestyle=":", linewidth=1.5, label=label)


def plot_budget(results: Results, pilot: str, *, design: int = 0, ax: Axes | None = None) -> Figure:
    """Money spent so far against the budget plan (cumulative, euros), and any deficit."""
    r = _one(results, design)
    fig, ax = _axes(ax)
    x = _dates(r)
    spent = np.cumsum(r.series("spent_cents", pilot), axis=1) / 100
    plan = np.cumsum(r.series("plan_cents", pilot)[0]) / 100
    _band(ax, x, spent, "tab:red", _("spent"))
    ax.step(
        x,
        _closed(plan),
        where="post",
        color="black",
        linestyle="--",
        linewidth=1.5,
        label=_("plan"),
    )
    deficit = np.cumsum(r.series("deficit_cents", pilot), axis=1) / 100
    if deficit.any():
        _band(ax, x, deficit, "tab:purple", _("costs not covered"))
    budget = float(r.budget(pilot).amount)
    ax.axhline(
        budget,
        color="grey",
        linewidth=1,
        label=_("budget ({amount})").format(amount=format_money(r.budget(pilot))),
    )
    _run_out_marker(ax, r, pilot, x)
    data_top = max(
        float(np.percentile(spent, 95, axis=0).max()), float(plan.max(initial=0)), budget
    )
    ax.set_ylim(
        0, max(data_top * 1.05, 1, ax.get_ylim()[1] if ax.get_autoscaley_on() is False else 0)
    )
    _euro_axis(ax)
    ax.set_title(
        _("{pilot}: budget burn against plan ({runs} runs)").format(pilot=pilot, runs=r.runs)
    )
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
    fmt: str | None = None,
) -> Figure:
    """The mean over runs of a run figure (see ``RUN_FIGURES``) for every design of a 2-D grid.

    Each cell is written in the current language's notation (whole euros for
    money), or with ``fmt`` (``"{:,.1f}"``) when given.
    """
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
    label = figure_label(figure.removesuffix("_cents") + (" (EUR)" if scale == 100 else ""))
    fig.colorbar(image, ax=ax, label=_("mean {figure}").format(figure=label))
    middle = np.nanmin(grid) + (np.nanmax(grid) - np.nanmin(grid)) / 2
    for (row, col), value in np.ndenumerate(grid):
        color = "black" if value > middle else "white"
        ax.text(col, row, _cell(value, fmt, money=scale == 100), **_CELL, color=color)
    ax.set_title(
        _("{pilot}: mean {figure} over {runs} runs").format(
            pilot=pilot, figure=label, runs=results.runs // len(results.designs)
        )
    )
    return fig


_CELL: Final[dict[str, Any]] = {"ha": "center", "va": "center", "fontsize": 9}


def _cell(value: float, fmt: str | None, *, money: bool) -> str:
    from sociaaldomein.output import format_number

    if fmt is not None:
        return fmt.format(value)
    if value != value:  # NaN: a design of the grid that was not run
        return ""
    return format_money(value, cents=False) if money else format_number(value, decimals=1)


def plot_summary(results: Results, pilot: str, *, design: int = 0) -> Figure:
    """Occupancy above, budget burn below: the two plots a pilot design is judged on."""
    fig, (top, bottom) = _plt().subplots(2, 1, figsize=(8, 8), layout="constrained", sharex=True)
    plot_occupancy(results, pilot, design=design, ax=top)
    plot_budget(results, pilot, design=design, ax=bottom)
    return fig  # type: ignore[no-any-return]
