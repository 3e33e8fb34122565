"""Show the funding overview: money per pilot, funder and calendar year, added exactly.

With --json: {"years", "rows": [ROW, ...], "total", "per_pilot", "per_year",
"per_funder", "failed"}, where every total is split into "from_letters" and
"illustrative" (the library's assumption), never one mixed figure; with --csv
one line per row.  A pilot whose plugin
failed is listed in "failed" (and under the table), its money left out of
every total; the exit code is then 3.  Amounts are exact decimal text
("42000.00"); the keys are English (--legacy-keys: the 0.1 keys, deprecated).
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any, Final

from sociaaldomein import FundingOverview, Money
from sociaaldomein.cli.common import compose, plugin_failures, print_json
from sociaaldomein.cli.keys import ENGLISH, add_legacy_keys, keys_for, warn_legacy
from sociaaldomein.composition.overview import ILLUSTRATIVE, part_label
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import unstructure

__all__ = ["CSV_COLUMNS", "LEGACY_CSV_COLUMNS", "add_arguments", "overview_json", "render", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein budget",
    "sociaaldomein budget --pilot gezinsverzorger --year 2022",
    "sociaaldomein budget --csv > budget.csv",
)
"""Command lines shown at the end of ``--help``."""

LEGACY_CSV_COLUMNS: Final = (
    "pilot",
    "financier",
    "jaar",
    "model",
    "omschrijving",
    "bedrag",
    "afgeleid",
    "bron",
    "illustratief",
)
"""The 0.1 columns of ``budget --csv --legacy-keys``: :class:`FundingRow`'s fields."""

CSV_COLUMNS: Final = tuple(ENGLISH.get(c, c) for c in LEGACY_CSV_COLUMNS)
"""The columns of ``budget --csv``, in order: ``pilot,funder,year,model,description,amount,...``."""

_BOOLEANS: Final = frozenset({"afgeleid", "illustratief"})
_KEYED_BY_NAME: Final = ("per_pilot", "per_year", "per_funder")


def _year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a year such as 2022, got {text!r}") from None
    if not 1900 <= year <= 2200:
        raise argparse.ArgumentTypeError(f"must be a year from 1900 to 2200, got {year}")
    return year


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--year YEAR ...] [--pilot NAME ...] [--json | --csv]``."""
    parser.add_argument(
        "--year",
        action="append",
        dest="years",
        type=_year,
        metavar="YEAR",
        help=_("only this calendar year (repeatable; default: every year)"),
    )
    parser.add_argument(
        "--pilot",
        action="append",
        dest="pilots",
        metavar="NAME",
        help=_("only this pilot (repeatable; default: every pilot)"),
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    output.add_argument("--csv", action="store_true", help=_("print CSV, one line per row"))
    add_legacy_keys(parser)


def _money(totals: dict[Any, Money]) -> dict[str, str]:
    return {str(key): unstructure(amount) for key, amount in totals.items()}


def overview_json(
    overview: FundingOverview, years: list[int] | None, *, legacy_keys: bool = False
) -> dict[str, Any]:
    """The ``--json`` shape of a funding overview: every total per part, both parts always.

    Rows have English keys (``funder``, ``year``, ``amount``); ``legacy_keys``
    gives :class:`FundingRow`'s own field names, the 0.1 keys.

    ``parts`` holds the totals of what the letters say and of what the library
    assumed, never mixed.  The flat ``total``, ``per_pilot``, ``per_year`` and
    ``per_funder`` of 0.1 add both parts together; they stay for the tools that
    read them and are deprecated: read ``parts``.
    """
    parts = {"from_letters": overview.from_letters(), "illustrative": overview.illustrative()}
    data = {
        "years": years,
        "rows": [unstructure(row) for row in overview.rows],
        "parts": {
            key: {
                "total": unstructure(part.total()),
                "per_pilot": _money(part.per_pilot()),
                "per_year": _money(part.per_year()),
                "per_funder": _money(part.per_funder()),
            }
            for key, part in parts.items()
        },
        "total": unstructure(overview.total()),
        "per_pilot": _money(overview.per_pilot()),
        "per_year": _money(overview.per_year()),
        "per_funder": _money(overview.per_funder()),
        "failed": [
            {"pilot": f.pilot, "plugin": f.plugin.name, "call": f.call, "error": f.error}
            for f in overview.failed
        ],
    }
    args = argparse.Namespace(legacy_keys=legacy_keys)
    return dict(keys_for(args, data, keep=(*_KEYED_BY_NAME, "parts")))


def render(overview: FundingOverview, width: int | None = None) -> str:
    """The overview as a table, then the totals per year and per funder, per part.

    With illustrative money in the overview each heading says which part it
    adds up; without, the headings stay plain.
    """
    from sociaaldomein.output import Column, Table, format_money, wrap

    lines = [overview.render(width)]
    parts = overview.parts()
    for key, part in parts.items():
        which = "" if list(parts) == ["from_letters"] else f", {part_label(key)}"
        for title, totals in (
            (_("per year"), part.per_year()),
            (_("per funder"), part.per_funder()),
        ):
            table = Table(
                (Column(title + which), Column(_("amount"), align="right", wrap=False)),
                [(str(k), format_money(m)) for k, m in totals.items()],
            )
            lines += ["", table.render(width)]
    if ILLUSTRATIVE in parts:
        note = _("Illustrative amounts are the library's assumption where a letter gives none.")
        lines += ["", *wrap(note, width)]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Print the funding overview."""
    gemeente = compose(args)
    for name in args.pilots or ():
        gemeente.pilot(name)  # an unknown name lists the known ones
    overview = gemeente.funding_overview(years=args.years, pilots=args.pilots)
    warn_legacy(args)
    if args.json:
        print_json(overview_json(overview, args.years, legacy_keys=args.legacy_keys))
    elif args.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(LEGACY_CSV_COLUMNS if args.legacy_keys else CSV_COLUMNS)
        for row in overview.rows:
            data = unstructure(row)
            writer.writerow(
                [
                    "" if data[c] is None else str(data[c]).lower() if c in _BOOLEANS else data[c]
                    for c in LEGACY_CSV_COLUMNS
                ]
            )
    else:
        print(render(overview))
    return plugin_failures(gemeente)
