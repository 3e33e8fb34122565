"""The funding overview never adds the library's assumptions to the letters' money unlabelled."""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Begroting, Budgetregel, Citation, FundingOverview, Money, Periode
from sociaaldomein.composition.overview import FROM_LETTERS, ILLUSTRATIVE

BRON = Citation("toy-letter.txt", "1. Doelgroep")


def line(amount: int, *, illustratief: bool = False, periode: Periode | None = None) -> Budgetregel:
    when = {"periode": periode} if periode else {"jaar": 2024}
    return Budgetregel(
        "toy",
        "x",
        Money(amount),
        "Gemeente",
        "PROJECTBUDGET",
        bron=BRON,
        illustratief=illustratief,
        **when,
    )


def test_a_row_split_from_a_period_by_days_is_derived() -> None:
    two_years = Periode(pendulum.date(2024, 7, 1), pendulum.date(2026, 7, 1))
    overview = FundingOverview.of(Begroting([line(730, periode=two_years), line(5)]))
    assert [(r.jaar, r.afgeleid) for r in overview.rows] == [
        (2024, True),
        (2025, True),
        (2026, True),
        (2024, False),
    ]
    within = Periode(pendulum.date(2024, 2, 1), pendulum.date(2024, 3, 1))
    assert not FundingOverview.of(Begroting([line(10, periode=within)])).rows[0].afgeleid


def test_the_total_lines_name_their_part() -> None:
    overview = FundingOverview.of(Begroting([line(100), line(40_000, illustratief=True)]))
    text = overview.render(width=120)
    assert "total from the letters" in text
    assert "total illustrative (the library's assumption)" in text
    assert "€40,100.00" not in text
    assert overview.totals() == {FROM_LETTERS: Money(100), ILLUSTRATIVE: Money(40_000)}


@given(st.lists(st.tuples(st.integers(0, 10**6), st.booleans()), max_size=8))
def test_the_parts_add_up_to_the_rows_and_never_share_one(lines: list[tuple[int, bool]]) -> None:
    overview = FundingOverview.of(Begroting([line(a, illustratief=i) for a, i in lines]))
    parts = overview.totals()
    assert parts[FROM_LETTERS] + parts[ILLUSTRATIVE] == overview.total()
    assert all(not r.illustratief for r in overview.from_letters().rows)
    assert all(r.illustratief for r in overview.illustrative().rows)
    assert len(overview.from_letters().rows) + len(overview.illustrative().rows) == len(
        overview.rows
    )
