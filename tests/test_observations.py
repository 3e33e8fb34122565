"""Dated observations: a value observed long ago is reported as outdated, never used silently.

A declared fact with a validity refuses an older observation in every rule on
it; ``Recent`` requires a recent observation of any dated fact, the ZRM among
them, whose validity the core declares (30 days, DOMAIN.md).
"""

from __future__ import annotations

import pendulum
import pytest

from sociaaldomein import (
    FEITEN,
    Citation,
    Cohort,
    Compare,
    Feit,
    FeitSoort,
    Gezin,
    InvalidValueError,
    Lid,
    Not,
    Observatie,
    Recent,
    ZrmDomein,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.domain.dynamics import evaluate_monthly
from sociaaldomein.domain.feiten import ZRM_GELDIG_DAGEN
from sociaaldomein.testing import make_gezin

BRON = Citation("westerkwartier.txt", "2. Doelgroep")
ON = pendulum.date(2021, 3, 20)
EISERS = Feit.declare(
    "schuldhulp.schuldeisers",
    FeitSoort.NUMBER,
    "the number of creditors",
    bron=BRON,
    bereik=(0, 200),
    geldig_dagen=30,
)


def counted(n: int, day: pendulum.Date) -> Gezin:
    return make_gezin(feiten={"schuldhulp.schuldeisers": Observatie(n, day)})


def test_an_outdated_observation_fails_the_rule_and_says_why() -> None:
    rule = Compare(EISERS, ">=", 2, source=BRON)
    fresh, old = counted(3, ON.subtract(days=30)), counted(3, pendulum.date(2021, 2, 15))
    assert rule.passes(fresh, ON)
    explained = rule.explain(old, ON)
    assert not explained.passed
    assert explained.outdated
    assert explained.observed == "schuldhulp.schuldeisers of 2021-02-15 is older than 30 days"
    assert "[no] the number of creditors is at least 2 (found: schuldhulp.schuldeisers of " in (
        explained.render()
    )
    cohort = Cohort.from_gezinnen([fresh, old, make_gezin()])
    assert rule.evaluate(cohort, ON).tolist() == [True, False, False]


def test_an_undated_value_does_not_age() -> None:
    gezin = make_gezin(feiten={"schuldhulp.schuldeisers": 3})
    assert Compare(EISERS, ">=", 2, source=BRON).passes(gezin, ON.add(years=5))


def test_an_outdated_observation_is_found_under_a_combinator() -> None:
    rule = Not(Compare(EISERS, "<", 2, source=BRON)) & Compare(
        FEITEN.aantal_problemen, ">=", 0, source=BRON
    )
    explained = rule.explain(counted(3, pendulum.date(2021, 2, 15)), ON)
    (node,) = explained.outdated_nodes()
    assert node.observed is not None
    assert "older than 30 days" in node.observed


def zrm_of(day: pendulum.Date) -> Gezin:
    return make_gezin(zrm=ZrmMeting(day, ZrmScores(financien=2)))


def test_recent_requires_a_zrm_of_the_core_s_30_days() -> None:
    assert FEITEN.zrm_laagste.geldig_dagen == ZRM_GELDIG_DAGEN == 30
    rule = Recent(FEITEN.zrm[ZrmDomein.FINANCIEN], source=BRON)
    old = zrm_of(pendulum.date(2021, 2, 15))
    explained = rule.explain(old, ON)
    assert (explained.passed, explained.outdated) == (False, True)
    assert explained.observed == "ZRM of 2021-02-15 is older than 30 days"
    assert rule.explain(zrm_of(ON.subtract(days=3)), ON).observed == "ZRM of 2021-03-17"
    assert rule.explain(make_gezin(), ON).observed == "not observed"
    cohort = Cohort.from_gezinnen([old, zrm_of(ON.subtract(days=3)), make_gezin()])
    assert rule.evaluate(cohort, ON).tolist() == [False, True, False]
    assert Recent(FEITEN.zrm_laagste, dagen=60, source=BRON).passes(old, ON)


def test_the_core_zrm_validity_is_applied_by_recent_not_silently() -> None:
    # A comparison on a ZRM of any age still reads it, as before: pilots that need a
    # recent one say so with Recent (the gezinsverzorger's ZRM_MAX_AGE_DAYS is this 30).
    old = zrm_of(pendulum.date(2020, 1, 1))
    assert Compare(FEITEN.zrm[ZrmDomein.FINANCIEN], "<=", 3, source=BRON).passes(old, ON)
    from sociaaldomein_gezinsverzorger import ZRM_MAX_AGE_DAYS

    assert ZRM_MAX_AGE_DAYS == ZRM_GELDIG_DAGEN


def test_recent_needs_a_dated_fact_and_a_limit() -> None:
    with pytest.raises(InvalidValueError, match="needs a fact observed on a date"):
        Recent(FEITEN.wijk, source=BRON)
    undated = Feit.declare("a.b", FeitSoort.NUMBER, "x", bron=BRON, bereik=(0, 1))
    with pytest.raises(InvalidValueError, match="has no validity of its own: give dagen="):
        Recent(undated, source=BRON)


def test_an_observation_after_the_assessment_day_is_refused() -> None:
    gezin = counted(3, ON.add(days=1))
    with pytest.raises(InvalidValueError, match=r"feiten\['schuldhulp.schuldeisers'\].datum"):
        gezin.check_dates_on(ON)
    with pytest.raises(InvalidValueError, match="lies before 1990-01-01"):
        counted(3, pendulum.date(1980, 1, 1))


def test_month_by_month_an_observation_ages_out() -> None:
    rule = Compare(EISERS, ">=", 2, source=BRON) & Compare(
        FEITEN.aantal_problemen, ">=", 1, source=BRON
    )
    gezin = Gezin(
        "a",
        [Lid("VOLWASSENE", pendulum.date(2000, 1, 1))],
        problemen=["SCHULDEN"],
        feiten={"schuldhulp.schuldeisers": Observatie(3, pendulum.date(2021, 3, 1))},
    )
    cohort = Cohort.from_gezinnen([gezin])
    problems = cohort.column("problemen")
    # observed on 1 March: still valid on 31 March (30 days), no longer on 1 April
    months = [pendulum.date(2021, 3, 1), pendulum.date(2021, 3, 31), pendulum.date(2021, 4, 1)]
    assert [bool(evaluate_monthly(rule, cohort, m, problems=problems)[0]) for m in months] == [
        True,
        True,
        False,
    ]
