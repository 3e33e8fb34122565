"""Reading: one reading of a letter, as a value a page shows and a test checks."""

from __future__ import annotations

import pytest

from sociaaldomein import Citation, InvalidValueError, Reading, readings_of

WHERE = Citation("004_b7ccad7045cc3ba8.txt", "Waarom de proeftuin")


def test_a_fixed_reading_has_no_parameter_and_no_default() -> None:
    r = Reading("loopt tot en met december 2017", WHERE, "ends before 2018-01-01")
    assert r.fixed
    assert "fixed" in str(r)


def test_a_default_needs_a_parameter_and_a_parameter_a_default() -> None:
    with pytest.raises(InvalidValueError, match=r"Reading.default: must be empty without"):
        Reading("q", WHERE, "r", default="x")
    with pytest.raises(InvalidValueError, match=r"Reading.default: must be given with"):
        Reading("q", WHERE, "r", parameter="end")


def test_quote_and_reading_must_be_said() -> None:
    with pytest.raises(InvalidValueError, match=r"Reading.quote: must not be empty"):
        Reading(" ", WHERE, "r")
    with pytest.raises(InvalidValueError, match=r"Reading.citation: must be Citation"):
        Reading("q", "004, Kosten", "r")  # type: ignore[arg-type]


def test_an_assumption_says_it_is_the_librarys_own() -> None:
    r = Reading("q", WHERE, "r", "p", "1", assumption=True)
    assert "the library's assumption, not the letter's" in str(r)


def test_the_quote_is_found_in_the_letter_whatever_the_line_breaks() -> None:
    r = Reading("loopt tot en met december 2017", WHERE, "r")
    assert r.found_in("De proeftuin loopt tot en\nmet  December 2017.")
    assert not r.found_in("De proeftuin loopt tot en met november 2017.")


def test_readings_of_a_definition() -> None:
    r = Reading("q", WHERE, "r")

    class WithReadings:
        def readings(self) -> list[object]:
            return [r]

    class Broken:
        def readings(self) -> list[object]:
            return [r, "not a reading"]

    assert readings_of(WithReadings()) == (r,)
    assert readings_of(object()) == ()
    with pytest.raises(InvalidValueError, match=r"Broken.readings\(\)\[1\]: must be a Reading"):
        readings_of(Broken())
