"""Summaries of runs: figures with their spread and intervals, as a table or a DataFrame.

A figure's identifier (``exit_step_down``, ``spent (EUR)``) is what a tool
reads; a person reads its label (:func:`figure_label`), in the current
language.  Money is shown in whole euros in the language's notation, counts
with its grouping and decimal sign.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import pendulum

from sociaaldomein.i18n import gettext as _

__all__ = ["RunOut", "Summary", "SummaryRow", "column_labels", "figure_label", "require"]


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}, an optional dependency: pip install 'sociaaldomein[{extra}]'"
        ) from None


def _labels() -> dict[str, str]:
    # Made when asked, so that each label is in the language in force then.
    return {
        "referred": _("families referred"),
        "admitted": _("families admitted"),
        "exit_goals": _("left: goals reached"),
        "exit_step_down": _("left: stepped down to lighter help"),
        "exit_regular": _("left: to the regular route"),
        "exit_max_months": _("left: longest stay reached"),
        "exit_pilot_end": _("left: the pilot ended"),
        "left_waitlist": _("left the waitlist"),
        "waitlist_closed": _("turned away: waitlist closed"),
        "peak_enrolled": _("most families in care at once"),
        "peak_waiting": _("most families waiting at once"),
        "waiting_at_end": _("families still waiting at the end"),
        "family_months": _("months of care (family-months)"),
        "months_active": _("months the pilot ran"),
        "intake_closed_months": _("months with intake closed"),
        "spent (EUR)": _("money spent"),
        "deficit (EUR)": _("costs not covered"),
        "remaining (EUR)": _("money left"),
        "budget (EUR)": _("budget"),
    }


def column_labels() -> dict[str, str]:
    """The words for every column of the result tables, in the current language."""
    labels = {
        "design": _("design"),
        "run": _("run"),
        "pilot": _("pilot"),
        "month": _("month"),
        "date": _("date"),
        "moment": _("evaluation moment"),
        "enrolled": _("families in care"),
        "waiting": _("families waiting"),
        "spent": _("money spent"),
        "deficit": _("costs not covered"),
        "plan": _("money planned"),
        "remaining": _("money left"),
        "budget": _("budget"),
        "intake_open": _("intake open"),
        "active": _("pilot running"),
        "ended_month": _("month the pilot ended"),
        "ended_by": _("why the pilot ended"),
        "extended": _("extended"),
        "run_out_month": _("month the money runs out"),
        "run_out_date": _("date the money runs out"),
        "referrals": _("referrals"),
        "not_eligible": _("not eligible"),
        "referred_elsewhere": _("referred elsewhere"),
        "regular_route": _("regular route"),
        "closed": _("no pilot running"),
    }
    for figure, label in _labels().items():
        labels.setdefault(figure.removesuffix(" (EUR)"), label)
    return labels


def figure_label(figure: str) -> str:
    """The words for a figure's identifier, in the current language (the identifier if none).

    >>> figure_label("exit_step_down")
    'left: stepped down to lighter help'
    """
    return _labels().get(figure, figure)


def is_money(figure: str) -> bool:
    """Whether a summary figure is an amount in euros."""
    return figure.endswith(" (EUR)")


@attrs.frozen
class SummaryRow:
    """One figure of one pilot (and design) over the runs.

    ``low``-``high`` and ``mean_low``-``mean_high`` never leave what the
    figure can be: no count below zero, no money spent above the budget that
    caps it.
    """

    design: int
    pilot: str
    figure: str
    n: int
    mean: float
    sd: float
    low: float
    high: float
    mean_low: float
    mean_high: float

    @property
    def label(self) -> str:
        """The figure in words, in the current language."""
        return figure_label(self.figure)


@attrs.frozen
class RunOut:
    """When a pilot's money runs out, over the runs of one design.

    ``share`` is the fraction of runs in which it runs out; ``median`` the
    month it does in half of those runs, ``earliest`` the month by which it
    has in one run in twenty (``None`` when it never runs out).
    """

    design: int
    pilot: str
    runs: int
    share: float
    median: pendulum.Date | None
    earliest: pendulum.Date | None


@attrs.frozen
class Summary:
    """Figures over runs: mean, spread and intervals; when the money runs out; notes.

    ``low``-``high`` is the central ``level`` interval of the runs (quantiles);
    ``mean_low``-``mean_high`` a normal ``level`` confidence interval of the mean,
    clipped to what the figure can be.  Money figures are in euros here, as
    floats (a summary is arithmetic on runs, not money).
    """

    level: float
    designs: tuple[Mapping[str, Any], ...]
    rows: tuple[SummaryRow, ...]
    not_simulated: tuple[str, ...] = ()
    """One line per pilot left out because its plugin failed."""
    run_out: tuple[RunOut, ...] = ()
    """Per design and pilot with a budget: when its money runs out."""
    notes: tuple[str, ...] = ()
    """Results that are zero or identical for a reason the reader should know."""

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``: the design's values, the figure and its label."""
        pandas = require("pandas", "pandas")
        records = []
        for row in self.rows:
            record = {**self.designs[row.design], **attrs.asdict(row), "label": row.label}
            records.append(record)
        return pandas.DataFrame.from_records(records)

    def run_out_pandas(self) -> Any:
        """:attr:`run_out` as a ``pandas.DataFrame``, the months as dates (``NaT``: never)."""
        pandas = require("pandas", "pandas")
        frame = pandas.DataFrame.from_records(
            [{**self.designs[r.design], **attrs.asdict(r)} for r in self.run_out],
            columns=[*(self.designs[0] if self.designs else {}), *attrs.fields_dict(RunOut)],
        )
        for column in ("median", "earliest"):
            frame[column] = pandas.to_datetime(frame[column].astype(str).replace("None", None))
        return frame

    def render(self, width: int | None = None) -> str:
        """The figures as a table fitting ``width`` (default: the terminal), then the money."""
        from sociaaldomein.output import Column, Table

        pct = round(self.level * 100)
        several = len(self.designs) > 1
        columns = [
            Column(_("pilot")),
            Column(_("figure")),
            Column(_("mean"), align="right", wrap=False),
            Column(_("{pct}% of runs").format(pct=pct), align="right", wrap=False),
            Column(_("{pct}% CI of mean").format(pct=pct), align="right", wrap=False),
        ]
        if several:
            columns.insert(0, Column(_("design")))
        rows = []
        for row in self.rows:
            cells = [
                row.pilot,
                row.label,
                _value(row.figure, row.mean, 1),
                f"{_value(row.figure, row.low, 0)} – {_value(row.figure, row.high, 0)}",
                f"{_value(row.figure, row.mean_low, 1)} – {_value(row.figure, row.mean_high, 1)}",
            ]
            if several:
                cells.insert(0, _design(self.designs[row.design]))
            rows.append(cells)
        out = [Table(columns, rows).render(width)]
        if self.run_out:
            out += ["", self._render_run_out(width)]
        out += [*self.not_simulated, *self.notes]
        return "\n".join(out)

    def _render_run_out(self, width: int | None) -> str:
        from sociaaldomein.output import Column, Table, format_month, format_number

        several = len(self.designs) > 1
        columns = [
            Column(_("pilot")),
            Column(_("money runs out in"), align="right", wrap=False),
            Column(_("median month"), align="right", wrap=False),
            Column(_("earliest (1 run in 20)"), align="right", wrap=False),
        ]
        if several:
            columns.insert(0, Column(_("design")))
        rows = []
        for r in self.run_out:
            share = _("{share}% of runs").format(share=format_number(r.share * 100))
            cells = [
                r.pilot,
                share,
                "–" if r.median is None else format_month(r.median),
                "–" if r.earliest is None else format_month(r.earliest),
            ]
            if several:
                cells.insert(0, _design(self.designs[r.design]))
            rows.append(cells)
        return Table(columns, rows).render(width)

    def __str__(self) -> str:
        return self.render()


def _design(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in values.items())


def _value(figure: str, value: float, decimals: int) -> str:
    from sociaaldomein.output import format_money, format_number

    if value != value:  # NaN: a figure over no runs
        return "–"
    if is_money(figure):
        return format_money(value, cents=False)
    return format_number(value, decimals=decimals)
