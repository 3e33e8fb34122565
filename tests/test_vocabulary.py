"""Open vocabularies: terms a plugin adds to the core's problems, needs, signals and instruments.

The core's enumerations stay the default; a :class:`~sociaaldomein.Term` is
held by a family next to them and read by the same rules, for one family, a
cohort and month by month.
"""

from __future__ import annotations

import numpy as np
import pendulum
import pytest

from sociaaldomein import (
    FEITEN,
    Citation,
    Cohort,
    Compare,
    Gezin,
    HasAll,
    HasAny,
    InvalidValueError,
    Lid,
    LidRol,
    Probleem,
    Term,
)
from sociaaldomein.domain.dynamics import evaluate_monthly
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.testing import make_gezin

BRON = Citation("westerkwartier.txt", "3. Werkwijze")
ON = pendulum.date(2025, 6, 1)
BESLAG = Term("problemen", "schuldhulp.beslag", "beslag op het inkomen", bron=BRON)
BUDGET = Term("hulpvragen", "schuldhulp.budgetbeheer", "hulp bij budgetbeheer", bron=BRON)


def test_a_term_quacks_like_a_member_of_its_vocabulary() -> None:
    assert (BESLAG.name, BESLAG.value, BESLAG.column) == (
        "schuldhulp.beslag",
        "beslag op het inkomen",
        "problemen:schuldhulp.beslag",
    )
    with pytest.raises(InvalidValueError, match="unknown vocabulary 'schulden'"):
        Term("schulden", "a.b", "x", bron=BRON)
    with pytest.raises(InvalidValueError, match=r"namespace\.name"):
        Term("problemen", "beslag", "x", bron=BRON)


def test_rules_read_declared_terms_with_the_core_members_for_a_family_and_a_cohort() -> None:
    both = make_gezin("a", problemen={"SCHULDEN"}, termen=[BESLAG, BUDGET])
    core = make_gezin("b", problemen={"SCHULDEN", "VERSLAVING"})
    none = make_gezin("c")
    families = [both, core, none]
    cohort = Cohort.from_gezinnen(families)
    rules = [
        HasAny(FEITEN.problemen, [BESLAG], source=BRON),
        HasAll(FEITEN.problemen, [BESLAG, Probleem.SCHULDEN], source=BRON),
        HasAny(FEITEN.hulpvragen, [BUDGET], source=BRON),
        Compare(FEITEN.aantal_problemen, ">=", 2, source=BRON),
    ]
    for rule in rules:
        assert rule.evaluate(cohort, ON).tolist() == [rule.passes(g, ON) for g in families]
    assert [rule.passes(g, ON) for g in families] == [True, True, False]
    assert "beslag op het inkomen" in rules[0].explain(both, ON).render()


def test_a_term_of_another_vocabulary_is_refused_in_a_rule() -> None:
    with pytest.raises(InvalidValueError, match="problemen holds Probleem members"):
        HasAny(FEITEN.problemen, [BUDGET], source=BRON)


def test_month_by_month_the_term_counts_with_the_changing_problems() -> None:
    rule = Compare(FEITEN.aantal_problemen, ">=", 2, source=BRON)
    families = [make_gezin("a", problemen={"SCHULDEN"}, termen=[BESLAG]), make_gezin("b")]
    cohort = Cohort.from_gezinnen(families)
    # month one: nobody has a core problem any more; the declared problem stays
    assert evaluate_monthly(rule, cohort, ON, problems=np.asarray([0, 0])).tolist() == [
        False,
        False,
    ]
    schulden = 1 << list(Probleem).index(Probleem.SCHULDEN)
    verslaving = 1 << list(Probleem).index(Probleem.VERSLAVING)
    now = np.asarray([schulden, schulden | verslaving])
    assert evaluate_monthly(rule, cohort, ON, problems=now).tolist() == [True, True]


def test_the_register_refuses_a_term_declared_twice() -> None:
    register = Feitenregister.core().declare([BESLAG], by="een")
    with pytest.raises(InvalidValueError, match="declared by een already"):
        register.declare([BESLAG], by="twee")
    with pytest.raises(InvalidValueError, match=r"did you mean 'schuldhulp\.beslag'"):
        register.term("problemen", "schuldhulp.beslagg")


@pytest.mark.parametrize(
    ("rol", "child", "adult"),
    [
        (LidRol.VOLWASSENE, False, True),
        (LidRol.ANDERE_VOLWASSENE, False, True),
        (LidRol.VERWACHT_KIND, True, False),
    ],
)
def test_household_members_beyond_parents_and_children(
    rol: LidRol, child: bool, adult: bool
) -> None:
    day = pendulum.date(2025, 9, 1) if rol is LidRol.VERWACHT_KIND else pendulum.date(1990, 1, 1)
    gezin = Gezin("h", [Lid("VOLWASSENE", pendulum.date(2001, 1, 1)), Lid(rol, day)])
    assert (len(gezin.kinderen()) == 1) is child
    assert len(gezin.volwassenen()) == (2 if adult else 1)
    assert gezin.ouders() == ()
    assert FEITEN.minderjarig_kind.scalar(gezin, ON) is child
    cohort = Cohort.from_gezinnen([gezin])
    assert FEITEN.minderjarig_kind.vector(cohort, ON).tolist() == [child]
