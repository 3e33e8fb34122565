"""Rules as values: one definition explains, vectorises and renders.

The central property: for any family and any rule tree, the scalar verdict
(:meth:`Rule.explain`) and the vectorised verdict (:meth:`Rule.evaluate` over
a columnar cohort) agree.
"""

from __future__ import annotations

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    AllOf,
    AnyOf,
    AtLeast,
    Citation,
    Cohort,
    Compare,
    Dwangmiddel,
    Gezin,
    HasAll,
    HasAny,
    InvalidValueError,
    IsTrue,
    Not,
    OneOf,
    Predicate,
    Probleem,
    Rule,
    Signaal,
    Verwijzer,
    ZrmDomein,
)
from sociaaldomein.testing import make_gezin
from sociaaldomein.testing.strategies import WIJKEN, dates, gezinnen

DOEL = Citation("003_720c15da674da257.txt", "DOEL")
TOEWIJZING = Citation("003_720c15da674da257.txt", "7. Toewijzing gezinnen")
TEST = Citation("test", "generated rule")

OPS = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])


def _kinderen_vector(cohort: Cohort, on: pendulum.Date) -> np.ndarray:
    return np.asarray(cohort.column("aantal_kinderen") >= 2)


def _leaves() -> st.SearchStrategy[Rule]:
    numbers = st.sampled_from(
        [
            FEITEN.aantal_problemen,
            FEITEN.aantal_signalen,
            FEITEN.aantal_hulpverleners,
            FEITEN.aantal_kinderen,
            FEITEN.zrm_laagste,
            FEITEN.zrm_leeftijd_dagen,
            *FEITEN.zrm.values(),
            *FEITEN.zrm_haalbaar.values(),
        ]
    )
    return st.one_of(
        st.builds(
            lambda f, op, v: Compare(f, op, v, source=TEST), numbers, OPS, st.integers(-2, 40)
        ),
        st.sampled_from(
            [FEITEN.ouder_chronisch, FEITEN.complexe_vraag, FEITEN.minderjarig_kind]
        ).map(lambda f: IsTrue(f, source=TEST)),
        st.lists(st.sampled_from(WIJKEN), min_size=1, max_size=3).map(
            lambda ws: OneOf(FEITEN.wijk, ws, source=TEST)
        ),
        st.lists(st.sampled_from(Verwijzer), min_size=1, max_size=3).map(
            lambda vs: OneOf(FEITEN.verwijzer, vs, source=TEST)
        ),
        st.frozensets(st.sampled_from(Probleem), min_size=1, max_size=3).map(
            lambda ms: HasAny(FEITEN.problemen, ms, source=TEST)
        ),
        st.frozensets(st.sampled_from(Dwangmiddel), min_size=1, max_size=2).map(
            lambda ms: HasAll(FEITEN.dwangmiddelen, ms, source=TEST)
        ),
        st.just(
            Predicate(
                "two or more children",
                lambda g, on: len(g.kinderen()) >= 2,
                _kinderen_vector,
                source=TEST,
            )
        ),
        st.just(Predicate("lives somewhere", lambda g, on: g.wijk is not None, source=TEST)),
    )


def _rules() -> st.SearchStrategy[Rule]:
    def extend(children: st.SearchStrategy[Rule]) -> st.SearchStrategy[Rule]:
        lists = st.lists(children, min_size=1, max_size=4)
        return st.one_of(
            lists.map(AllOf),
            lists.map(AnyOf),
            lists.flatmap(lambda rs: st.integers(1, len(rs)).map(lambda n: AtLeast(n, rs))),
            children.map(Not),
        )

    return st.recursive(_leaves(), extend, max_leaves=8)


@settings(max_examples=300, deadline=None)
@given(st.lists(gezinnen(), min_size=1, max_size=12), _rules(), dates(2015, 2030))
def test_scalar_and_vectorised_evaluation_agree(
    families: list[Gezin], rule: Rule, on: pendulum.Date
) -> None:
    cohort = Cohort.from_gezinnen(families)
    vector = rule.evaluate(cohort, on)
    scalar = [rule.explain(g, on).passed for g in families]
    assert vector.dtype == np.bool_
    assert vector.tolist() == scalar


@given(_rules())
def test_every_node_of_the_readable_text_is_one_line_of_it(rule: Rule) -> None:
    text = rule.describe()
    nodes = 1 + sum(1 for _ in _descendants(rule))
    assert len(text.splitlines()) == nodes


def _descendants(rule: Rule):  # type: ignore[no-untyped-def]
    for child in rule.children():
        yield child
        yield from _descendants(child)


def _multiprobleem() -> Rule:
    return AllOf(
        [
            Compare(FEITEN.aantal_problemen, ">=", 3, source=DOEL),
            HasAny(FEITEN.signalen, set(Signaal), source=TOEWIJZING, label="(a) a signal"),
            HasAny(FEITEN.dwangmiddelen, set(Dwangmiddel), source=TOEWIJZING, label="(b) coercion"),
            OneOf(FEITEN.wijk, ["Indische Buurt", "de Hoogte", "Tuinwijk"], source=TOEWIJZING),
        ],
        label="multiprobleemgezin in the target group",
    )


def test_explanation_names_each_condition_with_what_was_found_and_its_source() -> None:
    """003_720c15da674da257.txt, "DOEL" and "7. Toewijzing gezinnen"."""
    gezin = make_gezin(
        problemen=["SCHULDEN", "VERSLAVING"],
        signalen=["ACUTE_CRISIS"],
        dwangmiddelen=["HUISVERBOD"],
        wijk="tuinwijk",
    )
    explanation = _multiprobleem().explain(gezin, pendulum.date(2011, 3, 1))
    assert not explanation.passed
    count = explanation.find("number of simultaneous problems")
    assert count is not None
    assert (count.passed, count.observed, count.source) == (False, "2", DOEL)
    wijk = explanation.find("wijk")
    assert wijk is not None
    assert wijk.passed, "wijk comparison ignores case"
    assert "[no] multiprobleemgezin in the target group" in explanation.render()
    assert '003_720c15da674da257.txt, "DOEL"' in explanation.render()


def test_rules_combine_with_operators() -> None:
    three = Compare(FEITEN.aantal_problemen, ">=", 3, source=DOEL)
    crisis = HasAny(FEITEN.signalen, {Signaal.ACUTE_CRISIS}, source=TOEWIJZING)
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING", "GEEN_WERK"])
    on = pendulum.date(2011, 1, 1)
    assert (three & crisis).passes(gezin, on) is False
    assert (three | crisis).passes(gezin, on) is True
    assert (~crisis).passes(gezin, on) is True


def test_a_missing_zrm_never_passes_a_comparison() -> None:
    """A family without ZRM is 'unknown', not 'level 0': not even `< 3` holds."""
    gezin = make_gezin(zrm=None)
    on = pendulum.date(2024, 1, 1)
    low = Compare(FEITEN.zrm[ZrmDomein.FINANCIEN], "<", 3, source=TEST)
    assert low.explain(gezin, on).observed == "unknown"
    assert not low.passes(gezin, on)
    assert not low.evaluate(Cohort.from_gezinnen([gezin]), on)[0]


def test_a_leaf_without_a_source_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Compare\.source: every leaf rule must cite"):
        Compare(FEITEN.aantal_problemen, ">=", 3, source=None)


def test_a_fact_of_the_wrong_kind_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"Compare\.feit: needs a NUMBER fact"):
        Compare(FEITEN.wijk, ">=", 3, source=TEST)


def test_an_unknown_category_label_is_refused_with_the_allowed_ones() -> None:
    with pytest.raises(InvalidValueError, match="unknown Verwijzer POSTBODE; allowed: GEMEENTE"):
        OneOf(FEITEN.verwijzer, ["POSTBODE"], source=TEST)


def test_at_least_refuses_an_impossible_count() -> None:
    rule = Compare(FEITEN.aantal_problemen, ">=", 3, source=DOEL)
    with pytest.raises(InvalidValueError, match=r"AtLeast\.n"):
        AtLeast(2, [rule])


def test_a_custom_rule_without_vector_form_needs_objects() -> None:
    rule = Predicate("lives somewhere", lambda g, on: g.wijk is not None, source=TEST)
    columnar = Cohort.from_columns(["a", "b"], {"wijk": [1, 0]}, wijken=["Tuinwijk"])
    with pytest.raises(InvalidValueError, match="no vectorised form"):
        rule.evaluate(columnar, pendulum.date(2024, 1, 1))
