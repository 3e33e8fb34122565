"""The cost model: exact, non-negative whole cents, and saying where its figures come from."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Citation, InvalidValueError, Kostenmodel, Money

KOSTEN_PILOT = Citation("000_6fd8bb18cab06410.txt", "Kosten pilot")
FIELDS = ("vast_per_maand", "per_gezin_per_maand", "per_instroom")


def test_every_cost_is_nothing_unless_given() -> None:
    kosten = Kostenmodel()
    assert (kosten.vast_per_maand, kosten.per_gezin_per_maand, kosten.per_instroom) == (
        Money(0),
        Money(0),
        Money(0),
    )
    assert (kosten.bron, kosten.herkomst) == (None, "letter")


def test_the_gezinsverzorger_staff_cost_two_years_of_the_letter() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": EUR 14.000 a month, derived, is EUR 336.000."""
    kosten = Kostenmodel(vast_per_maand=Money(14_000), bron=KOSTEN_PILOT, afgeleid=True)
    assert kosten.total(24) == Money(336_000)
    assert kosten.total(24, family_months=200, admitted=20) == Money(336_000)
    assert "[afgeleid: derived, not written in the letter]" in str(kosten)
    assert str(kosten).endswith('[000_6fd8bb18cab06410.txt, "Kosten pilot"]')


@given(
    st.integers(0, 10**9),
    st.integers(0, 10**9),
    st.integers(0, 10**9),
    st.integers(0, 600),
    st.integers(0, 10**5),
    st.integers(0, 10**4),
)
def test_the_total_is_exact(
    vast: int, per_gezin: int, per_instroom: int, months: int, family_months: int, admitted: int
) -> None:
    def euros(c: int) -> Money:
        return Money(Decimal(c).scaleb(-2))

    kosten = Kostenmodel(euros(vast), euros(per_gezin), euros(per_instroom))
    expected = vast * months + per_gezin * family_months + per_instroom * admitted
    assert kosten.total(months, family_months, admitted) == euros(expected)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (Money(-1), "must be at least EUR 0,00"),
        (Money("0.001", exact=True), "must be whole cents"),
        (0.5, "a float is not exact money"),
        (750, "must be Money"),
    ],
)
def test_a_cost_must_be_money_in_whole_cents_and_not_negative(
    field: str, value: Any, problem: str
) -> None:
    with pytest.raises(InvalidValueError, match=re.escape(f"Kostenmodel.{field}: {problem}")):
        Kostenmodel(**{field: value})


def test_the_source_and_the_flags_are_checked() -> None:
    with pytest.raises(InvalidValueError, match=r"Kostenmodel\.bron: must be Citation"):
        Kostenmodel(bron="000_6fd8bb18cab06410.txt")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match=r"Kostenmodel\.illustratief: must be bool"):
        Kostenmodel(illustratief=1)  # type: ignore[arg-type]


def test_an_illustrative_figure_says_so_before_derived() -> None:
    kosten = Kostenmodel(per_instroom=Money(5_000), afgeleid=True, illustratief=True)
    assert kosten.herkomst == "illustrative"
    assert "illustratief" in str(kosten)
    assert "afgeleid" not in str(kosten)


@pytest.mark.parametrize("months", [-1, True, 1.5])
def test_a_total_over_months_that_are_not_a_whole_number_is_refused(months: Any) -> None:
    with pytest.raises(InvalidValueError, match=r"Kostenmodel\.total\.months"):
        Kostenmodel().total(months)
