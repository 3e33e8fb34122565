"""Names renamed in 0.2 keep working until 0.3, and each use says what to change."""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Callable

import pendulum
import pytest

from sociaaldomein import Begroting, Budgetregel, InvalidValueError, Money, Periode
from sociaaldomein.compat import REMOVED_IN, renamed_attribute, renamed_parameters

LINES = [
    Budgetregel("p", "a", Money(100), "gemeente", "PROJECTBUDGET", jaar=2024),
    Budgetregel(
        "p",
        "b",
        Money(365),
        "corporatie",
        "INCIDENTEEL",
        periode=Periode(pendulum.date(2024, 7, 1), pendulum.date(2025, 7, 1)),
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "call"),
    [
        ("Begroting.per_jaar", "per_year", lambda b: b.per_jaar()),
        ("Begroting.per_financier", "per_funder", lambda b: b.per_financier()),
        ("Budgetregel.per_jaar", "per_year", lambda b: b.regels[1].per_jaar()),
    ],
)
def test_an_old_budget_view_gives_the_new_answer_and_names_it(
    old: str, new: str, call: Callable[[Begroting], object]
) -> None:
    begroting = Begroting(LINES)
    with pytest.warns(DeprecationWarning, match=rf"{old}\(\) is renamed {new}\(\)") as caught:
        answer = call(begroting)
    owner = begroting if old.startswith("Begroting") else begroting.regels[1]
    assert answer == getattr(owner, new)()
    assert REMOVED_IN in str(caught[0].message)
    assert caught[0].filename == __file__  # the warning points at the caller's line


def test_the_views_have_one_spelling_on_the_budget_and_the_overview() -> None:
    from sociaaldomein.composition.overview import FundingOverview

    begroting = Begroting(LINES)
    overview = FundingOverview.of(begroting)
    assert begroting.per_year() == overview.per_year()
    assert sorted(begroting.per_funder().items()) == sorted(overview.per_funder().items())


@renamed_parameters(naam="name", eind="end")
def _make(name: str = "x", *, end: int = 0) -> tuple[str, int]:
    return name, end


@pytest.mark.parametrize(("old", "new"), [("naam", "name"), ("eind", "end")])
def test_an_old_keyword_is_passed_on_with_a_warning_naming_the_new_one(old: str, new: str) -> None:
    value = "y" if new == "name" else 5
    with pytest.warns(
        DeprecationWarning, match=rf"_make\({old}=\.\.\.\): {old}= is renamed {new}="
    ) as caught:
        result = _make(**{old: value})  # type: ignore[arg-type]
    assert value in result
    assert f"pass {new}= instead" in str(caught[0].message)
    assert caught[0].filename == __file__


def test_the_new_keyword_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _make(name="y", end=5) == ("y", 5)
        assert _make("y") == ("y", 0)


def test_old_and_new_keyword_together_are_refused_naming_both() -> None:
    with pytest.raises(
        InvalidValueError, match=r"_make\.name: given twice, as name= and as .*naam="
    ):
        _make(name="a", naam="b")  # type: ignore[call-arg]


def test_an_old_module_name_warns_and_gives_the_new_object() -> None:
    module = types.ModuleType("renamed_example")
    module.LETTER = object()  # type: ignore[attr-defined]
    module.__getattr__ = lambda name: renamed_attribute(  # type: ignore[method-assign]
        "renamed_example", name, {"BRIEF": "LETTER"}
    )
    sys.modules["renamed_example"] = module
    try:
        with pytest.warns(DeprecationWarning, match=r"renamed_example\.BRIEF is renamed LETTER"):
            from renamed_example import BRIEF  # type: ignore[import-not-found]
        assert BRIEF is module.LETTER
        with pytest.raises(AttributeError, match="has no attribute 'NOPE'"):
            _ = module.NOPE
    finally:
        del sys.modules["renamed_example"]
