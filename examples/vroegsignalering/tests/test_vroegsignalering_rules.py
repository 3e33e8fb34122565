"""The pilot's rules, funding and plans, each against the letter's section."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_vroegsignalering.pilot import (
    budget_lines,
    doelgroep,
    evaluation_plan,
    make_pilot,
    routes,
)

from sociaaldomein import Begroting, Cohort, Gezin, Money, ZrmMeting, ZrmScores
from sociaaldomein.testing import make_gezin

ON = pendulum.date(2025, 3, 1)


def gezin_met(financien: int, **fields: object) -> Gezin:
    """A family with one minor child, debts and ZRM Financien at ``financien``."""
    zrm = ZrmMeting(ON.subtract(days=7), ZrmScores(financien=financien))
    values: dict[str, object] = {"problemen": {"SCHULDEN"}, "zrm": zrm}
    values.update(fields)
    return make_gezin("gezin-1", **values)


@pytest.mark.parametrize(("financien", "eligible"), [(1, True), (3, True), (4, False)])
def test_limited_financial_self_reliance_is_zrm_financien_at_most_3(
    financien: int, eligible: bool
) -> None:
    # 2. Doelgroep: "scoort het gezin 3 (beperkt zelfredzaam) of lager"
    assert doelgroep().passes(gezin_met(financien), ON) is eligible


def test_a_family_without_debts_is_not_eligible_and_the_reason_cites_the_letter() -> None:
    explanation = doelgroep().explain(gezin_met(2, problemen=set()), ON)
    assert not explanation.passed
    failed = [e for e in explanation.children if not e.passed]
    assert [(e.source.file, e.source.section) for e in failed if e.source] == [
        ("voorbeeldstad-2024-vroegsignalering.txt", "2. Doelgroep")
    ]


def test_the_rule_gives_the_same_answer_for_one_family_and_for_a_cohort() -> None:
    gezinnen = [gezin_met(2), gezin_met(4), gezin_met(2, problemen=set())]
    cohort = Cohort.from_gezinnen(gezinnen)
    expected = [doelgroep().passes(g, ON) for g in gezinnen]
    assert doelgroep().evaluate(cohort, ON).tolist() == expected == [True, False, False]


def test_complex_debts_take_the_regular_route() -> None:
    # 3. Werkwijze: "verwijst de geldcoach meteen door naar de reguliere schuldhulpverlening"
    (route,) = routes()
    assert route.when.passes(gezin_met(2, complexe_vraag=True), ON)
    assert "Stadsbank" in route.to


def test_the_municipality_pays_120_000_a_year_and_the_corporation_20_000_in_all() -> None:
    # 6. Kosten
    begroting = Begroting(budget_lines(make_pilot()))
    assert begroting.total() == Money(260_000)
    assert begroting.per_year() == {2025: Money(130_000), 2026: Money(130_000)}
    assert begroting.per_funder()["Thuis in Voorbeeldstad"] == Money(20_000)


def test_evaluation_halfway_and_three_months_before_the_end() -> None:
    # 7. Evaluatie, for the looptijd of 5. Looptijd
    schedule = evaluation_plan().schedule(make_pilot().looptijd.periode)
    assert [(day.isoformat(), moment.naam) for day, moment in schedule] == [
        ("2026-01-01", "tussenevaluatie"),
        ("2026-10-01", "voorstel voortzetting"),
    ]
