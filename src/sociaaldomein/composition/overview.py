"""The funding overview: money per pilot, funder and calendar year, added exactly.

Money a letter gives and money the library assumed are never added into one
figure unlabelled: :meth:`FundingOverview.from_letters` and
:meth:`FundingOverview.illustrative` are the two parts, and the rendered totals
name the part they add up.  A row that is a share of a line over a period,
split by days, is arithmetic and marked derived.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final, TypeVar

import attrs

from sociaaldomein.domain.budget import Begroting, Financieringsmodel
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.provenance import PluginFailure
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.i18n import current_language
from sociaaldomein.i18n import gettext as _
from sociaaldomein.i18n import label as enum_label

__all__ = ["FROM_LETTERS", "ILLUSTRATIVE", "PARTS", "FundingOverview", "FundingRow", "part_label"]

K = TypeVar("K")

FROM_LETTERS: Final = "from_letters"
"""The part of the money the letters give (their figures, and arithmetic on them)."""

ILLUSTRATIVE: Final = "illustrative"
"""The part the library assumed where a letter gives no figure: examples to replace."""

PARTS: Final[dict[str, str]] = {
    FROM_LETTERS: "from the letters",
    ILLUSTRATIVE: "illustrative (the library's assumption)",
}
"""The two parts of the money, by key, with the words a total line uses (in English;
:func:`part_label` gives them in the current language)."""


def part_label(part: str) -> str:
    """The words for a part of the money, in the current language."""
    labels = {
        FROM_LETTERS: _("from the letters"),
        ILLUSTRATIVE: _("illustrative (the library's assumption)"),
    }
    return labels.get(part, part)


@attrs.frozen
class FundingRow:
    """The part of one budget line that falls in one calendar year.

    ``afgeleid`` is true when the amount is arithmetic rather than a figure
    written in the letter: the line itself is derived, or the row is a share of
    a line over a period spanning years, split by days.
    """

    pilot: str
    financier: str
    jaar: int
    model: Financieringsmodel | Term
    omschrijving: str
    bedrag: Money
    afgeleid: bool
    bron: str | None
    illustratief: bool = False

    @property
    def part(self) -> str:
        """:data:`ILLUSTRATIVE` or :data:`FROM_LETTERS`."""
        return ILLUSTRATIVE if self.illustratief else FROM_LETTERS


@attrs.frozen
class FundingOverview:
    """Every budget line of a composition split by calendar year.

    Lines that cover a period spanning years are spread over those years by
    days, to the cent, so that every total below equals the sum of the lines;
    those shares are marked derived.  The totals add whatever rows the
    overview holds: take :meth:`from_letters` or :meth:`illustrative` first for
    a total that is one or the other (:meth:`totals` gives both).
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
                regel.afgeleid or len(shares) > 1,
                None if regel.bron is None else str(regel.bron),
                regel.illustratief,
            )
            for regel in begroting
            for shares in [regel.per_year()]
            for jaar, bedrag in sorted(shares.items())
            if keep is None or jaar in keep
        ]
        return cls(tuple(rows), tuple(failed))

    def from_letters(self) -> FundingOverview:
        """The rows of money the letters give (derived shares included), nothing assumed."""
        return attrs.evolve(self, rows=tuple(r for r in self.rows if not r.illustratief))

    def illustrative(self) -> FundingOverview:
        """The rows of illustrative money: the library's assumption, to be replaced."""
        return attrs.evolve(self, rows=tuple(r for r in self.rows if r.illustratief))

    def parts(self) -> dict[str, FundingOverview]:
        """The non-empty parts by key, :data:`FROM_LETTERS` before :data:`ILLUSTRATIVE`."""
        out = {FROM_LETTERS: self.from_letters(), ILLUSTRATIVE: self.illustrative()}
        return {key: part for key, part in out.items() if part.rows}

    def totals(self) -> dict[str, Money]:
        """The total of each part, both keys always present: never one mixed figure."""
        return {
            FROM_LETTERS: self.from_letters().total(),
            ILLUSTRATIVE: self.illustrative().total(),
        }

    def total(self) -> Money:
        """The sum of every row of this overview.

        On a composition that has both parts this adds letter money and
        illustrative money: use :meth:`totals`, or ``from_letters().total()``.
        """
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

    def render(self, width: int | None = None) -> str:
        """A table that fits ``width`` (default: the terminal): pilot, year, funder, model, amount.

        The totals come per part: a pilot's letter money as ``total``, its
        illustrative money as ``total (illustrative)``, and for all pilots one
        line per part, "from the letters" and "illustrative (the library's
        assumption)", never one line adding both.  Amounts are in the notation
        of the current language (:func:`sociaaldomein.output.format_money`).
        """
        from sociaaldomein.output import Column, Table, format_money

        columns = (
            Column(_("pilot")),
            Column(_("year"), wrap=False),
            Column(_("funder")),
            Column(_("model")),
            Column(_("amount"), align="right", wrap=False),
        )
        body = [
            (
                r.pilot,
                str(r.jaar),
                r.financier,
                enum_label(r.model, current_language()) + _provenance(r),
                format_money(r.bedrag),
            )
            for r in self.rows
        ]
        totals = [
            (p, "", "", _("total") + _pilot_mark(key), format_money(m))
            for key, part in self.parts().items()
            for p, m in part.per_pilot().items()
        ]
        totals.sort(key=lambda t: t[0])  # stable: a pilot's letter money before its assumption
        for key, part in (self.parts() or {FROM_LETTERS: self}).items():
            label = _("total {part}").format(part=part_label(key))
            totals.append((_("all pilots"), "", "", label, format_money(part.total())))
        table = Table(columns, [*body, *totals], rules=[len(body)] if body else [])
        lines = [table.render(width)]
        lines += [
            _("{pilot}: could not be assessed: {message}").format(
                pilot=f.pilot, message=f.message()
            )
            for f in self.failed
        ]
        return "\n".join(lines)


def _illustrative_mark() -> str:
    return " " + _("(illustrative)")


def _pilot_mark(part: str) -> str:
    return _illustrative_mark() if part == ILLUSTRATIVE else ""


def _provenance(row: FundingRow) -> str:
    # An invented amount must never read as the municipality's own figure.
    if row.illustratief:
        return _illustrative_mark()
    return " " + _("(derived)") if row.afgeleid else ""
