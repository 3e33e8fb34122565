"""Tables that fit any width, and one notation per language for money, numbers and dates."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Money
from sociaaldomein.i18n import use_language
from sociaaldomein.output import (
    Column,
    Table,
    format_date,
    format_money,
    format_month,
    format_number,
)

# Printable text with spaces, as names, funders and decisions in the letters are.
words = st.text(
    st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\n\r\t"), max_size=120
)
short = st.text(st.characters(categories=("L", "N")), max_size=8)


@given(
    rows=st.lists(st.tuples(words, words, short), min_size=1, max_size=8),
    width=st.integers(min_value=40, max_value=160),
)
def test_a_table_never_runs_past_its_width(rows: list[tuple[str, str, str]], width: int) -> None:
    table = Table(
        (Column("name"), Column("what"), Column("amount", align="right", wrap=False)),
        rows,
        title="A title that is rather long and must wrap as well when the width is small",
    )
    text = table.render(width)
    assert all(len(line) <= width for line in text.splitlines()), text
    assert all(line == line.rstrip() for line in text.splitlines())
    for _, _, amount in rows:  # a figure is never broken over two lines
        assert amount in text


def test_cells_are_text_never_markup() -> None:
    text = Table((Column("a"),), [("[bold red]x[/bold red] :smile:",)]).render(40)
    assert "[bold red]x[/bold red] :smile:" in text
    assert "\x1b" not in text


def test_rows_must_have_a_cell_per_column() -> None:
    with pytest.raises(ValueError, match="row 0 has 1 cells for 2 columns"):
        Table((Column("a"), Column("b")), [("x",)])


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_dutch_money_reads_back_as_the_same_amount(amount: Decimal) -> None:
    money = Money(amount)
    assert Money.parse(format_money(money, "nl")) == money


@pytest.mark.parametrize(
    ("language", "money", "number", "day", "month"),
    [
        ("nl", "€ 336.000,00", "1.234,5", "1 mei 2024", "mei 2024"),
        ("en", "€336,000.00", "1,234.5", "May 1, 2024", "May 2024"),
    ],
)
def test_one_notation_per_language(
    language: str, money: str, number: str, day: str, month: str
) -> None:
    may = pendulum.date(2024, 5, 1)
    assert format_money(Money(336_000), language) == money
    assert format_number(1234.5, language, decimals=1) == number
    assert format_date(may, language) == day
    assert format_month(may, language) == month
    with use_language(language):  # the current language when none is given
        assert format_money(Money(336_000)) == money


def test_whole_euros_for_means_over_runs() -> None:
    assert format_money(1_234_567.4, "nl", cents=False) == "€ 1.234.567"
    assert format_money(-1_234_567.4, "nl", cents=False) == "€ -1.234.567"
    assert format_money(1_234_567.4, "en", cents=False) == "€1,234,567"
