"""Declared facts: made by Feit.declare, collected by the composition, refused when they clash.

A plugin declares a fact in its definition's ``facts()`` (or a plugin without a
pilot in the hook ``sociaaldomein_facts``); ``Gemeente.feiten`` holds the core's
facts and every declared one.  A name declared twice, or a declaration that
raises, fails the plugin that made it, and only that plugin.
"""

from __future__ import annotations

from collections.abc import Sequence

import pendulum
import pytest

from sociaaldomein import (
    FEITEN,
    Citation,
    Cohort,
    Compare,
    Feit,
    FeitSoort,
    Gemeente,
    Gezin,
    InvalidValueError,
    IsTrue,
    Money,
    OneOf,
    PluginFailedError,
    Rule,
    Term,
    hookimpl,
)
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.testing import ToyPilot, make_gezin

BRON = Citation("westerkwartier.txt", "2. Doelgroep")
ON = pendulum.date(2025, 6, 1)
SCHULD = Feit.declare("schuldhulp.schuld", FeitSoort.MONEY, "the total debt", bron=BRON)
WOONT = Feit.declare(
    "westerkwartier.woont_in_gemeente", FeitSoort.BOOL, "lives in the gemeente", bron=BRON
)


class Declaring(ToyPilot):
    """The toy pilot, declaring ``declared`` and requiring a debt of at least EUR 1.000."""

    def __init__(self, name: str, declared: Sequence[Feit | Term]) -> None:
        super().__init__(name)
        self.declared = declared

    def facts(self) -> Sequence[Feit | Term]:
        return self.declared

    def eligibility(self) -> Rule:
        return Compare(SCHULD, ">=", Money(1000), source=BRON)


class Broken(Declaring):
    def facts(self) -> Sequence[Feit | Term]:
        raise RuntimeError("the fact list is missing")


class Municipal:
    """A plugin without a pilot: the municipality's own fact, through the hook."""

    @hookimpl
    def sociaaldomein_facts(self) -> Sequence[Feit | Term]:
        return [WOONT]


def test_a_declared_fact_is_in_the_composition_with_the_core_facts() -> None:
    gemeente = Gemeente(plugins=[Declaring("schuld", [SCHULD]), Municipal()])
    feiten = gemeente.feiten
    assert set(feiten.declared()) == {"schuldhulp.schuld", "westerkwartier.woont_in_gemeente"}
    assert feiten.fact("wijk") is FEITEN.wijk
    assert feiten.fact("core.wijk") is FEITEN.wijk  # core facts also by the core namespace
    assert feiten.owners["schuldhulp.schuld"] == "schuld"


def test_a_rule_on_a_declared_fact_decides_for_one_family_and_a_cohort() -> None:
    gemeente = Gemeente(plugins=[Declaring("schuld", [SCHULD])])
    rich = make_gezin("a", feiten={"schuldhulp.schuld": Money("4200.00")})
    poor = make_gezin("b", feiten={"schuldhulp.schuld": Money("999.99")})
    unknown = make_gezin("c")
    verdicts = [gemeente.assess(g, ON)["schuld"].eligibility for g in (rich, poor, unknown)]
    assert [v.passed for v in verdicts] == [True, False, False]
    assert verdicts[0].observed == "EUR 4.200,00"
    assert verdicts[2].observed == "unknown"
    cohort = Cohort.from_gezinnen([rich, poor, unknown])
    rule = gemeente.compiled("schuld").eligibility
    assert rule.evaluate(cohort, ON).tolist() == [True, False, False]


def test_a_name_declared_twice_fails_the_second_plugin_naming_the_first() -> None:
    gemeente = Gemeente(plugins=[Declaring("eerste", [SCHULD]), Declaring("tweede", [SCHULD])])
    (failure,) = gemeente.failures
    assert failure.plugin.name == "tweede"
    assert "'schuldhulp.schuld' is declared by eerste already" in failure.message()
    assert set(gemeente.compile()) == {"eerste"}
    assert "tweede" in gemeente.compile().failed


def test_a_core_name_cannot_be_declared() -> None:
    with pytest.raises(InvalidValueError, match="the namespace 'core' is the library's own"):
        Feit.declare("core.wijk", FeitSoort.TEXT, "the wijk", bron=BRON)
    with pytest.raises(InvalidValueError, match="declared by core already"):
        Feitenregister.core().declare(
            [Feit.declare("zrm.financien", FeitSoort.BOOL, "x", bron=BRON)], by="p"
        )


def test_a_plugin_whose_declaration_raises_fails_alone() -> None:
    gemeente = Gemeente(plugins=[Broken("kapot", [SCHULD]), Declaring("heel", [WOONT, SCHULD])])
    (failure,) = gemeente.failures
    assert (failure.plugin.name, failure.call) == ("kapot", "facts()")
    assert "RuntimeError: the fact list is missing" in failure.message()
    assert set(gemeente.compile()) == {"heel"}
    verdict = gemeente.assess(make_gezin(), ON)["kapot"]
    assert "could not be assessed" in verdict.eligibility.text
    with pytest.raises(PluginFailedError):
        Gemeente(plugins=[Broken("kapot", [SCHULD])], strict=True).compile()


def test_a_declaration_of_the_wrong_type_fails_its_plugin() -> None:
    wrong = Declaring("fout", ["schuldhulp.schuld"])  # type: ignore[list-item]
    (failure,) = Gemeente(plugins=[wrong]).failures
    assert "holding str where facts (Feit.declare) and Term values were expected" in (
        failure.message()
    )


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"naam": "schuld", "soort": FeitSoort.BOOL}, "namespace.name"),
        ({"naam": "a.b", "soort": FeitSoort.NUMBER}, "needs its range"),
        ({"naam": "a.b", "soort": FeitSoort.NUMBER, "bereik": (5, 1)}, "5 lies above 1"),
        ({"naam": "a.b", "soort": FeitSoort.CATEGORY}, "needs its choices"),
        ({"naam": "a.b", "soort": FeitSoort.FLAGS, "keuzes": ["x", "X"]}, "named twice"),
        ({"naam": "a.b", "soort": FeitSoort.BOOL, "keuzes": ["x"]}, "has no choices"),
        ({"naam": "a.b", "soort": FeitSoort.BOOL, "geldig_dagen": -1}, "whole number of days"),
    ],
)
def test_a_declaration_that_cannot_work_is_refused_saying_why(
    kwargs: dict[str, object], problem: str
) -> None:
    with pytest.raises(InvalidValueError, match=problem):
        Feit.declare(omschrijving="x", bron=BRON, **kwargs)  # type: ignore[arg-type]


def test_one_of_a_declared_list_checks_its_labels_and_reads_any_case() -> None:
    soort = Feit.declare(
        "schuldhulp.woonvorm", FeitSoort.CATEGORY, "how they live", bron=BRON,
        keuzes=["thuis", "zelfstandig", "begeleid"],
    )  # fmt: skip
    with pytest.raises(InvalidValueError, match="unknown SchuldhulpWoonvorm zelfstandigg"):
        OneOf(soort, ["zelfstandigg"], source=BRON)
    rule = OneOf(soort, ["zelfstandig"], source=BRON)
    assert rule.passes(make_gezin(feiten={"schuldhulp.woonvorm": "zelfstandig"}), ON)
    assert not rule.passes(make_gezin(feiten={"schuldhulp.woonvorm": "thuis"}), ON)
    assert IsTrue(WOONT, source=BRON).facts() == {"westerkwartier.woont_in_gemeente"}


def test_a_cohort_of_columns_without_the_declared_column_knows_it_for_no_family() -> None:
    cohort = Cohort.from_columns(["a", "b"], {"aantal_kinderen": [1, 2]})
    assert Compare(SCHULD, ">=", Money(0), source=BRON).evaluate(cohort, ON).tolist() == [
        False,
        False,
    ]
    assert IsTrue(WOONT, source=BRON).evaluate(cohort, ON).tolist() == [False, False]


def test_a_predicate_reads_a_declared_fact_for_a_family_a_cohort_and_month_by_month() -> None:
    import numpy as np

    from sociaaldomein import Predicate
    from sociaaldomein.domain.dynamics import evaluate_monthly

    def scalar(gezin: Gezin, on: pendulum.Date) -> bool:
        found = SCHULD.scalar(gezin, on)
        return isinstance(found, Money) and found > Money(5000)

    def vector(cohort: Cohort, on: pendulum.Date) -> np.typing.NDArray[np.bool_]:
        cents = SCHULD.vector(cohort, on)
        result: np.typing.NDArray[np.bool_] = cents > 500_000
        return result

    debt = Predicate("a debt above EUR 5.000", scalar, vector, source=BRON, facts=[SCHULD])
    rule = debt & Compare(FEITEN.aantal_problemen, ">=", 1, source=BRON)
    families = [
        make_gezin("a", problemen={"SCHULDEN"}, feiten={"schuldhulp.schuld": Money("6000.00")}),
        make_gezin("b", problemen={"SCHULDEN"}, feiten={"schuldhulp.schuld": Money("10.00")}),
    ]
    cohort = Cohort.from_gezinnen(families)
    assert rule.evaluate(cohort, ON).tolist() == [rule.passes(g, ON) for g in families]
    assert rule.evaluate(cohort, ON).tolist() == [True, False]
    problems = cohort.column("problemen")
    assert evaluate_monthly(rule, cohort, ON, problems=problems).tolist() == [True, False]
    assert evaluate_monthly(rule, cohort, ON, problems=np.zeros_like(problems)).tolist() == [
        False,
        False,
    ]


def test_a_family_holds_only_namespaced_declared_facts() -> None:
    with pytest.raises(InvalidValueError, match="namespace"):
        make_gezin(feiten={"schuld": 1})
    with pytest.raises(InvalidValueError, match="the library's own facts are fields"):
        make_gezin(feiten={"core.wijk": "Tuinwijk"})
    with pytest.raises(InvalidValueError, match="must be yes/no, a whole number"):
        make_gezin(feiten={"a.b": 1.5})
