"""Terminal tables that fit the width and wrap, rendered by rich.

A :class:`Table` is plain data (headers, alignment, rows of text); rich is
imported only by :meth:`Table.render`.  Cells are text, never markup: a value
such as ``[bold]`` from a file is printed as it is written.

>>> table = Table(
...     (Column("pilot"), Column("amount", align="right", wrap=False)),
...     [("gezinsverzorger", "€ 42.000,00")],
... )
>>> print(table.render(width=40))
 pilot                 amount
──────────────────────────────
 gezinsverzorger  € 42.000,00
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Sequence
from typing import Final, Literal

import attrs

__all__ = ["DEFAULT_WIDTH", "Column", "Table", "terminal_width", "wrap"]

DEFAULT_WIDTH: Final = 80
"""The width when standard output is not a terminal (a pipe, a file, a documentation page)."""


_RULES: Final = "    \n    \n ── \n    \n ── \n    \n    \n    \n"
"""A rule under the headers and above each section; no edges, no column lines."""


def terminal_width() -> int:
    """The terminal's width (``COLUMNS`` when set), else :data:`DEFAULT_WIDTH`."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def _width(cell: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in cell.splitlines()), default=0)


def wrap(text: str, width: int | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` characters (default: the terminal's)."""
    import textwrap

    lines = textwrap.wrap(text, width or terminal_width(), break_on_hyphens=False)
    return lines or [""]


@attrs.frozen
class Column:
    """A column: its header, alignment, and whether its cells may wrap.

    Amounts and dates are ``wrap=False``: a figure broken over two lines
    reads as two figures.
    """

    header: str
    align: Literal["left", "right"] = "left"
    wrap: bool = True


class Table:
    """Rows of text under headers; ``rules`` are the row indices a line is drawn above."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Iterable[Sequence[str]] = (),
        *,
        title: str | None = None,
        rules: Iterable[int] = (),
    ) -> None:
        self.columns = tuple(columns)
        self.rows = tuple(tuple(row) for row in rows)
        self.title = title
        self.rules = frozenset(rules)
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"row {i} has {len(row)} cells for {len(self.columns)} columns")

    def render(self, width: int | None = None) -> str:
        """The table as text at most ``width`` characters wide (default: the terminal's).

        Columns that may wrap are narrowed first; no line ends in spaces.
        """
        from rich import box
        from rich.console import Console
        from rich.table import Table as RichTable
        from rich.text import Text

        width = terminal_width() if width is None else width
        table = RichTable(
            box=box.Box(_RULES),
            title=None if self.title is None else Text(self.title),
            title_justify="left",
            show_edge=False,
            pad_edge=True,
            collapse_padding=True,
        )
        for i, column in enumerate(self.columns):
            # A cell of a column that does not wrap is kept whole (its width is the
            # column's least); its header may still wrap, as a long translation does.
            widest = max((_width(row[i]) for row in self.rows), default=0)
            table.add_column(
                Text(column.header),
                justify=column.align,
                overflow="fold",
                min_width=None if column.wrap else widest,
            )
        for i, row in enumerate(self.rows):
            table.add_row(*(Text(cell) for cell in row), end_section=i + 1 in self.rules)
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=width,
            color_system=None,
            force_terminal=False,
            highlight=False,
            emoji=False,
            legacy_windows=False,
        )
        console.print(table)
        return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
