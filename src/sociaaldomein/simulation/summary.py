"""Summaries of runs: figures with their spread and intervals, as text or a DataFrame."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Summary", "SummaryRow", "require"]


def require(module: str, extra: str) -> Any:
    """Import an optional dependency, or say which extra installs it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(
            f"this needs {module}, an optional dependency: pip install 'sociaaldomein[{extra}]'"
        ) from None


@attrs.frozen
class SummaryRow:
    """One figure of one pilot (and design) over the runs."""

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


@attrs.frozen
class Summary:
    """Figures over runs: mean, spread and intervals.

    ``low``-``high`` is the central ``level`` interval of the runs (quantiles);
    ``mean_low``-``mean_high`` a normal ``level`` confidence interval of the mean.
    Money figures are in euros here (a summary is arithmetic on runs, not money).
    """

    level: float
    designs: tuple[Mapping[str, Any], ...]
    rows: tuple[SummaryRow, ...]
    not_simulated: tuple[str, ...] = ()
    """One line per pilot left out because its plugin failed."""

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``, with the design's values as columns."""
        pandas = require("pandas", "pandas")
        records = []
        for row in self.rows:
            record = {**self.designs[row.design], **attrs.asdict(row)}
            records.append(record)
        return pandas.DataFrame.from_records(records)

    def render(self) -> str:
        """A plain-text table."""
        pct = round(self.level * 100)
        head = ["pilot", "figure", "mean", f"{pct}% of runs", f"{pct}% CI of mean"]
        if len(self.designs) > 1:
            head.insert(0, "design")
        lines = []
        for row in self.rows:
            cells = [
                row.pilot,
                row.figure,
                f"{row.mean:,.1f}",
                f"{row.low:,.0f} - {row.high:,.0f}",
                f"{row.mean_low:,.1f} - {row.mean_high:,.1f}",
            ]
            if len(self.designs) > 1:
                cells.insert(0, ", ".join(f"{k}={v}" for k, v in self.designs[row.design].items()))
            lines.append(cells)
        widths = [max(len(str(c)) for c in col) for col in zip(head, *lines, strict=True)]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        out = [fmt.format(*head), fmt.format(*("-" * w for w in widths))]
        out += [fmt.format(*cells) for cells in lines]
        out += self.not_simulated
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render()
