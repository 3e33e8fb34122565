"""Money: exact arithmetic, no floats, cents conserved, Dutch notation.

The figures come from letter ``000_6fd8bb18cab06410.txt``, "Kosten pilot".
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sociaaldomein.domain.money import CENT, Money
from sociaaldomein.errors import InvalidValueError

# Decimals with any number of places (up to six): exactness must not depend on cents.
amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=6, allow_nan=False
)
cents = st.integers(min_value=-(10**14), max_value=10**14)
positive_cents = st.integers(min_value=0, max_value=10**14)


def exact(a: Decimal) -> Money:
    return Money(a, exact=True)


def from_cents(c: int) -> Money:
    return Money(Decimal(c).scaleb(-2))


def in_cents(m: Money) -> int:
    return int(m.amount / CENT)


# --- exact arithmetic -----------------------------------------------------------


@given(amounts, amounts)
def test_addition_and_subtraction_are_exact(a: Decimal, b: Decimal) -> None:
    assert (exact(a) + exact(b)).amount == a + b
    assert (exact(a) - exact(b)).amount == a - b
    assert (-exact(a)).amount == -a


@given(amounts, st.integers(min_value=-1000, max_value=1000))
def test_multiplication_by_int_is_exact(a: Decimal, k: int) -> None:
    assert (exact(a) * k).amount == a * k
    assert (k * exact(a)).amount == a * k


@given(st.lists(amounts, max_size=30))
def test_total_and_sum_equal_the_decimal_sum(values: list[Decimal]) -> None:
    expected = sum(values, Decimal(0))
    assert Money.total(exact(v) for v in values).amount == expected
    assert sum((exact(v) for v in values), Money.zero()).amount == expected


def test_builtin_sum_starts_from_int_zero() -> None:
    """Letter 000, "Kosten pilot": 42.000 + 168.000 + 126.000 with plain ``sum``."""
    assert sum([Money(42_000), Money(168_000), Money(126_000)]) == Money(336_000)


def test_ten_times_ten_cents_is_one_euro_exactly() -> None:
    # The classic float failure: 0.1 added ten times is not 1.0 in binary floating point.
    assert sum([Money("0.10")] * 10, Money.zero()) == Money(1)


def test_ratio_of_two_amounts_is_a_decimal() -> None:
    """Letter 000, "Kosten pilot": 2022 is half the pilot's total."""
    assert Money(168_000) / Money(336_000) == Decimal("0.5")


def test_equal_amounts_at_different_scales_are_equal_and_hash_alike() -> None:
    assert Money(1) == Money("1.00") == Money(Decimal("1.000"))
    assert len({Money(1), Money("1.00")}) == 1


# --- no floats -------------------------------------------------------------------


def test_float_is_refused_as_an_amount() -> None:
    with pytest.raises(InvalidValueError, match="float"):
        Money(0.1)  # type: ignore[arg-type]


def test_float_is_refused_as_a_factor() -> None:
    with pytest.raises(InvalidValueError, match="float"):
        Money(10) * 0.5  # type: ignore[operator]
    with pytest.raises(InvalidValueError, match="float"):
        0.5 * Money(10)  # type: ignore[operator]


def test_float_is_refused_in_addition_and_weights() -> None:
    with pytest.raises(InvalidValueError):
        Money(10) + 0.5  # type: ignore[operator]
    with pytest.raises(InvalidValueError):
        0.5 + Money(10)
    with pytest.raises(InvalidValueError, match="float"):
        Money(10).allocate([0.5, 0.5])  # type: ignore[list-item]


def test_comparison_with_a_bare_number_is_refused() -> None:
    with pytest.raises(InvalidValueError):
        _ = Money(1) < 2  # type: ignore[operator]
    assert Money(0) != 0


@pytest.mark.parametrize("bad", [True, "abc", Decimal("NaN"), Decimal("Infinity"), None])
def test_non_amounts_are_refused(bad: object) -> None:
    with pytest.raises(InvalidValueError):
        Money(bad)  # type: ignore[arg-type]


# --- split and allocate -------------------------------------------------------------


@given(cents, st.integers(min_value=1, max_value=400))
def test_split_conserves_the_total_and_differs_by_at_most_one_cent(c: int, parts: int) -> None:
    shares = from_cents(c).split(parts)
    assert len(shares) == parts
    assert Money.total(shares) == from_cents(c)
    assert all(s == s.rounded() for s in shares)
    as_cents = [in_cents(s) for s in shares]
    assert max(as_cents) - min(as_cents) <= 1


@given(positive_cents, st.integers(min_value=1, max_value=400))
def test_split_gives_the_extra_cents_to_the_first_parts(c: int, parts: int) -> None:
    as_cents = [in_cents(s) for s in from_cents(c).split(parts)]
    assert as_cents == sorted(as_cents, reverse=True)


@given(cents, st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
def test_allocate_conserves_the_total_within_a_cent_of_each_exact_share(
    c: int, weights: list[int]
) -> None:
    if sum(weights) == 0:
        weights[0] = 1
    shares = from_cents(c).allocate(weights)
    assert len(shares) == len(weights)
    assert Money.total(shares) == from_cents(c)
    for share, weight in zip(shares, weights, strict=True):
        exact = Decimal(c) * weight / sum(weights)
        assert abs(in_cents(share) - exact) <= 1
        assert share == share.rounded()


@given(positive_cents, st.lists(st.integers(min_value=0, max_value=10_000), min_size=1))
def test_allocate_gives_nothing_to_a_zero_weight(c: int, weights: list[int]) -> None:
    weights.append(0)
    weights[0] += 1
    assert from_cents(c).allocate(weights)[-1] == Money.zero()


def test_allocate_of_a_negative_amount_mirrors_the_positive_one() -> None:
    weights = [2, 1, 1]
    assert Money("-0.02").allocate(weights) == [-m for m in Money("0.02").allocate(weights)]


@pytest.mark.parametrize("weights", [[], [0, 0], [1, -1]])
def test_allocate_refuses_weights_that_share_nothing(weights: list[int]) -> None:
    with pytest.raises(InvalidValueError):
        Money(100).allocate(weights)


@pytest.mark.parametrize("parts", [0, -1, True])
def test_split_refuses_a_number_of_parts_below_one(parts: int) -> None:
    with pytest.raises(InvalidValueError, match="parts"):
        Money(100).split(parts)


# --- notation ---------------------------------------------------------------------


def test_dutch_notation_and_plain_notation() -> None:
    """Letter 000, "Kosten pilot": "€ 336.000,-" for the two-year pilot."""
    assert str(Money(336_000)) == "EUR 336.000,00"
    assert Money(336_000).plain() == "336000.00"
    assert str(Money("-1234.5")) == "EUR -1.234,50"
    assert str(Money("0.05")) == "EUR 0,05"
    assert str(Money(1_500_000)) == "EUR 1.500.000,00"


@pytest.mark.parametrize(
    "text", ["336000.00", "336000", "EUR 336.000,00", "€ 336.000,-", "  € 336.000,00 "]
)
def test_parse_reads_the_notations_of_the_letters(text: str) -> None:
    assert Money.parse(text) == Money(336_000)


@given(cents)
def test_parse_round_trips_both_notations(c: int) -> None:
    m = from_cents(c)
    assert Money.parse(str(m)) == m
    assert Money.parse(m.plain()) == m


@pytest.mark.parametrize("text", ["", "EUR", "drie ton", "1,2,3"])
def test_parse_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(InvalidValueError, match="cannot read"):
        Money.parse(text)


# --- what Money refuses, always with InvalidValueError naming the field ----------------

ODDITIES = [
    "1e5",  # an exponent
    "1E-2",
    "1e400",  # would overflow the decimal context
    "\u0663",  # ARABIC-INDIC DIGIT THREE
    "\uff15",  # FULLWIDTH DIGIT FIVE
    "5_000",  # Python's digit separator
    " 5 ",  # surrounding spaces
    "5\n",
    "+5",
    ".5",
    "5.",
    "NaN",
    "Infinity",
    "-inf",
    "",
]


@pytest.mark.parametrize("text", ODDITIES)
def test_odd_text_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(text)
    assert info.value.field == "Money.amount"


@pytest.mark.parametrize(
    "amount",
    [Decimal(0.1), Decimal("1e400"), Decimal("-1e18"), Decimal("NaN"), Decimal("-Inf")],  # noqa: RUF032
)
def test_odd_decimals_are_refused_naming_the_field(amount: Decimal) -> None:
    with pytest.raises(InvalidValueError) as info:
        Money(amount)
    assert info.value.field == "Money.amount"


def test_a_decimal_made_from_a_float_is_refused_even_when_exact() -> None:
    with pytest.raises(InvalidValueError, match="float"):
        Money(Decimal(0.1), exact=True)  # noqa: RUF032


def test_fractions_of_a_cent_need_the_explicit_opt_in() -> None:
    with pytest.raises(InvalidValueError, match="whole cents"):
        Money("0.125")
    with pytest.raises(InvalidValueError, match="whole cents"):
        Money(Decimal("1.005"))
    assert Money("0.125", exact=True).amount == Decimal("0.125")
    assert Money("1.500") == Money("1.50")  # trailing zeros are still whole cents


def test_arithmetic_keeps_fractions_of_a_cent() -> None:
    assert (Money(60) * Decimal("1.005")).amount == Decimal("60.300")
    assert (Money("0.01") * Decimal("0.5")).amount == Decimal("0.005")


def test_arithmetic_beyond_the_limit_is_an_invalid_value_not_a_decimal_signal() -> None:
    with pytest.raises(InvalidValueError):
        Money(10**17) * (10**6)
    with pytest.raises(InvalidValueError):
        Money(1) * Decimal("1e999999")
    with pytest.raises(InvalidValueError):
        _ = Money(1) / Money(0)
    with pytest.raises(InvalidValueError):
        Money(100).allocate([Decimal("1e999999"), 1])


@pytest.mark.parametrize("text", ["1e5", "\u0663", "5_000", "EUR 1e5", "\uff15,00"])
def test_parse_refuses_the_oddities_too(text: str) -> None:
    with pytest.raises(InvalidValueError, match="cannot read"):
        Money.parse(text)


@given(st.text(max_size=12))
@example("1e400")
@example("\u0663")
@example("5_000")
@example(" 5 ")
def test_every_string_is_accepted_and_round_trips_or_refused_with_invalid_value(
    text: str,
) -> None:
    try:
        money = Money(text)
    except InvalidValueError as exc:
        refused: InvalidValueError | None = exc
    else:
        refused = None
    if refused is not None:
        assert refused.field == "Money.amount"
        return
    assert money.amount == Decimal(text)
    assert Money(money.plain()) == money
    assert Money.parse(str(money)) == money


@given(st.from_regex(r"-?[0-9]{1,15}(\.[0-9]{1,2})?", fullmatch=True))
def test_plain_amounts_in_whole_cents_are_accepted(text: str) -> None:
    assert Money(text).amount == Decimal(text)


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.floats().map(Decimal))
def test_every_decimal_is_accepted_or_refused_with_invalid_value(amount: Decimal) -> None:
    for flag in (False, True):
        try:
            money = Money(amount, exact=flag)
        except InvalidValueError:
            continue
        assert money.amount == amount
        assert Money(money.plain()) == money.rounded()
