"""The funding overview: money per pilot, funder and calendar year, added exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

from sociaaldomein.domain.budget import Begroting, Financieringsmodel
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.provenance import PluginFailure

__all__ = ["FundingOverview", "FundingRow"]

K = TypeVar("K")


@attrs.frozen
class FundingRow:
    """The part of one budget line that falls in one calendar year."""

    pilot: str
    financier: str
    jaar: int
    model: Financieringsmodel
    omschrijving: str
    bedrag: Money
    afgeleid: bool
    bron: str | None
    illustratief: bool = False


@attrs.frozen
class FundingOverview:
    """Every budget line of a composition split by calendar year.

    Lines that cover a period spanning years are spread over those years by
    days, to the cent, so that every total below equals the sum of the lines.
    """

    rows: tuple[FundingRow, ...]
    failed: tuple[PluginFailure, ...] = ()
    """The pilots whose plugin failed: their money is not in the rows or the totals."""

    @classmethod
    def of(
        cls,
        begroting: Begroting,
        years: Iterable[int] | None = None,
        *,
        failed: Iterable[PluginFailure] = (),
    ) -> FundingOverview:
        """The overview of ``begroting``, optionally only for ``years``."""
        keep = None if years is None else set(years)
        rows = [
            FundingRow(
                regel.pilot,
                regel.financier,
                jaar,
                regel.model,
                regel.omschrijving,
                bedrag,
                regel.afgeleid,
                None if regel.bron is None else str(regel.bron),
                regel.illustratief,
            )
            for regel in begroting
            for jaar, bedrag in sorted(regel.per_year().items())
            if keep is None or jaar in keep
        ]
        return cls(tuple(rows), tuple(failed))

    def total(self) -> Money:
        """The sum of every row."""
        return Money.total(r.bedrag for r in self.rows)

    def per_pilot(self) -> dict[str, Money]:
        """Totals per pilot."""
        return self._group(lambda r: r.pilot)

    def per_year(self) -> dict[int, Money]:
        """Totals per calendar year."""
        return self._group(lambda r: r.jaar)

    def per_funder(self) -> dict[str, Money]:
        """Totals per funder."""
        return self._group(lambda r: r.financier)

    def per_pilot_year(self) -> dict[tuple[str, int], Money]:
        """Totals per pilot and year."""
        return self._group(lambda r: (r.pilot, r.jaar))

    def _group(self, key: Callable[[FundingRow], K]) -> dict[K, Money]:
        out: dict[K, Money] = {}
        for row in self.rows:
            out[key(row)] = out.get(key(row), Money.zero()) + row.bedrag
        return dict(sorted(out.items(), key=lambda kv: str(kv[0])))

    def render(self) -> str:
        """A plain-text table: pilot, year, funder, model, amount; then totals."""
        header = ("pilot", "year", "funder", "model", "amount")
        body = [
            (
                r.pilot,
                str(r.jaar),
                r.financier,
                r.model.name + _provenance(r),
                r.bedrag.format_nl(),
            )
            for r in self.rows
        ]
        totals = [(p, "", "", "total", m.format_nl()) for p, m in self.per_pilot().items()]
        totals.append(("all pilots", "", "", "total", self.total().format_nl()))
        table = [header, *body, *totals]
        widths = [max(len(row[i]) for row in table) for i in range(len(header))]

        def line(row: tuple[str, ...]) -> str:
            cells = [c.ljust(w) for c, w in zip(row[:-1], widths[:-1], strict=True)]
            return "  ".join([*cells, row[-1].rjust(widths[-1])])

        rule = "  ".join("-" * w for w in widths)
        lines = [line(header), rule, *map(line, body), rule, *map(line, totals)]
        lines += [f"{f.pilot}: could not be assessed: {f.message()}" for f in self.failed]
        return "\n".join(lines)


def _provenance(row: FundingRow) -> str:
    # An invented amount must never read as the municipality's own figure.
    if row.illustratief:
        return " (illustrative)"
    return " (derived)" if row.afgeleid else ""
