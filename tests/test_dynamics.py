"""One rule algebra: scalar, vectorised and month-by-month evaluation agree.

Month by month means what a simulation with problem dynamics does: the
families' problems are replaced and the rule is decided again, its static
parts precomputed once (:mod:`sociaaldomein.domain.dynamics`).  The reference
is the same families with their problems replaced, as Gezin objects
(:meth:`Rule.explain`) and as a fresh cohort (:meth:`Rule.evaluate`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
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
    Feit,
    FeitSoort,
    Gebied,
    Gebiedsindeling,
    Gezin,
    HasAll,
    HasAny,
    InGebied,
    InvalidValueError,
    IsTrue,
    Not,
    OneOf,
    Predicate,
    Probleem,
    Rule,
    Signaal,
    Verwijzer,
)
from sociaaldomein.domain.cohort import Array, flag_mask
from sociaaldomein.domain.dynamics import changes, evaluate_monthly, split
from sociaaldomein.domain.rules import Explanation
from sociaaldomein.testing.strategies import WIJKEN, dates, gezinnen

TEST = Citation("test", "generated rule")
OPS = st.sampled_from(["==", "!=", "<", "<=", ">", ">="])
SEVERE = frozenset({Probleem.SCHULDEN, Probleem.VERSLAVING, Probleem.PSYCHIATRISCHE_STORINGEN})

# A plugin's own fact derived from the problems: dynamic because it says what it reads.
ERNSTIG = Feit(
    "ernstige_problemen",
    "the number of severe problems",
    FeitSoort.NUMBER,
    lambda g, on: len(g.problemen & SEVERE),
    lambda c, on: np.bitwise_count(c.column("problemen") & flag_mask(SEVERE)),
    reads=("problemen",),
)


@attrs.frozen
class Even(Rule):
    """A new leaf class: the number of problems is even."""

    source: Citation | None = TEST
    label: str | None = None

    def _default_text(self) -> str:
        return "an even number of problems"

    def facts(self) -> frozenset[str]:
        return frozenset({"aantal_problemen"})

    def explain(self, gezin: Gezin, on: pendulum.Date) -> Explanation:
        return Explanation(len(gezin.problemen) % 2 == 0, self.text(), source=self.source)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return np.asarray(np.bitwise_count(cohort.column("problemen")) % 2 == 0)


def _rule_tuple(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


@attrs.frozen
class Exactly(Rule):
    """A new combinator class: exactly ``n`` of the rules hold."""

    n: int
    rules: tuple[Rule, ...] = attrs.field(converter=_rule_tuple)
    source: Citation | None = None
    label: str | None = None

    def _default_text(self) -> str:
        return f"exactly {self.n} of the following"

    def children(self) -> tuple[Rule, ...]:
        return self.rules

    def with_children(self, children: Sequence[Rule]) -> Rule:
        return attrs.evolve(self, rules=children)

    def explain(self, gezin: Gezin, on: pendulum.Date) -> Explanation:
        kids = tuple(r.explain(gezin, on) for r in self.rules)
        met = sum(k.passed for k in kids)
        return Explanation(met == self.n, self.text(), None, self.source, kids)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        counts = sum(r.evaluate(cohort, on).astype(np.int16) for r in self.rules)
        return np.asarray(counts == self.n)


def _two_problems(cohort: Cohort, on: pendulum.Date) -> Array:
    return np.asarray(np.bitwise_count(cohort.column("problemen")) >= 2)


def _debts_or_children(cohort: Cohort, on: pendulum.Date) -> Array:
    debts = (cohort.column("problemen") & flag_mask({Probleem.SCHULDEN})) != 0
    return np.asarray(debts | (cohort.column("aantal_kinderen") >= 2))


PREDICATES = [
    Predicate(
        "two or more problems",
        lambda g, on: len(g.problemen) >= 2,
        _two_problems,
        source=TEST,
        facts=[FEITEN.aantal_problemen],
    ),
    Predicate(
        "debts or two children",
        lambda g, on: Probleem.SCHULDEN in g.problemen or len(g.kinderen()) >= 2,
        _debts_or_children,
        source=TEST,
        facts=[FEITEN.problemen, FEITEN.aantal_kinderen],
    ),
    # No vector form, but reads nothing that changes: precomputed from the Gezin objects.
    Predicate("lives somewhere", lambda g, on: g.wijk is not None, source=TEST, facts=["wijk"]),
]


# A tree holding most of WIJKEN (Hoogkerk and Vinkhuizen left out, so that a name outside it
# is drawn too), with an alias.
AREAS = Gebiedsindeling(
    [
        Gebied("Groningen", "gemeente", code="GM0014"),
        Gebied("Korrewegwijk", "wijk", ligt_in="Groningen"),
        Gebied("Indische Buurt", "buurt", ligt_in="Korrewegwijk"),
        Gebied("de Hoogte", "buurt", ligt_in="Korrewegwijk"),
        *(Gebied(w, "wijk", ligt_in="Groningen") for w in ("Tuinwijk", "Selwerd", "Paddepoel")),
        Gebied("Beijum", "wijk", ligt_in="Groningen", aliassen=["Beyum"]),
    ]
)


def _leaves() -> st.SearchStrategy[Rule]:
    numbers = st.sampled_from(
        [
            FEITEN.aantal_problemen,
            FEITEN.aantal_signalen,
            FEITEN.aantal_kinderen,
            FEITEN.zrm_laagste,
            ERNSTIG,
        ]
    )
    return st.one_of(
        st.builds(
            lambda f, op, v: Compare(f, op, v, source=TEST), numbers, OPS, st.integers(-1, 6)
        ),
        st.sampled_from([FEITEN.ouder_chronisch, FEITEN.minderjarig_kind]).map(
            lambda f: IsTrue(f, source=TEST)
        ),
        st.lists(st.sampled_from(WIJKEN), min_size=1, max_size=3).map(
            lambda ws: OneOf(FEITEN.wijk, ws, source=TEST)
        ),
        st.lists(st.sampled_from([g.naam for g in AREAS]), min_size=1, max_size=3).map(
            lambda areas: InGebied(AREAS, areas, source=TEST)
        ),
        st.lists(st.sampled_from(Verwijzer), min_size=1, max_size=2).map(
            lambda vs: OneOf(FEITEN.verwijzer, vs, source=TEST)
        ),
        st.frozensets(st.sampled_from(Probleem), min_size=1, max_size=3).map(
            lambda ms: HasAny(FEITEN.problemen, ms, source=TEST)
        ),
        st.frozensets(st.sampled_from(Probleem), min_size=1, max_size=2).map(
            lambda ms: HasAll(FEITEN.problemen, ms, source=TEST)
        ),
        st.frozensets(st.sampled_from(Signaal), min_size=1, max_size=2).map(
            lambda ms: HasAny(FEITEN.signalen, ms, source=TEST)
        ),
        st.frozensets(st.sampled_from(Dwangmiddel), min_size=1, max_size=2).map(
            lambda ms: HasAll(FEITEN.dwangmiddelen, ms, source=TEST)
        ),
        st.sampled_from(PREDICATES),
        st.just(Even()),
    )


def _rules() -> st.SearchStrategy[Rule]:
    def extend(children: st.SearchStrategy[Rule]) -> st.SearchStrategy[Rule]:
        lists = st.lists(children, min_size=1, max_size=4)
        return st.one_of(
            lists.map(AllOf),
            lists.map(AnyOf),
            lists.flatmap(lambda rs: st.integers(1, len(rs)).map(lambda n: AtLeast(n, rs))),
            lists.flatmap(lambda rs: st.integers(0, len(rs)).map(lambda n: Exactly(n, rs))),
            children.map(Not),
        )

    return st.recursive(_leaves(), extend, max_leaves=8)


@st.composite
def _months(draw: st.DrawFn) -> tuple[list[Gezin], list[int], list[frozenset[Probleem]]]:
    """Families, the rows of them a month decides (a family may be a lane of several runs),
    and each row's problems now."""
    families = draw(st.lists(gezinnen(), min_size=1, max_size=8))
    rows = draw(st.lists(st.integers(0, len(families) - 1), max_size=12))
    now = [draw(st.frozensets(st.sampled_from(Probleem), max_size=5)) for _ in rows]
    return families, rows, now


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_months(), _rules(), dates(2015, 2030))
def test_scalar_vectorised_and_month_by_month_evaluation_agree(
    month: tuple[list[Gezin], list[int], list[frozenset[Probleem]]],
    rule: Rule,
    on: pendulum.Date,
) -> None:
    families, rows, now = month
    changed = [attrs.evolve(families[r], problemen=p) for r, p in zip(rows, now, strict=True)]
    scalar = [rule.explain(g, on).passed for g in changed]
    vector = rule.evaluate(Cohort.from_gezinnen(changed), on).tolist()
    monthly = evaluate_monthly(
        rule,
        Cohort.from_gezinnen(families),
        on,
        problems=np.asarray([flag_mask(p) for p in now], dtype=np.uint16),
        rows=np.asarray(rows, dtype=np.intp),
    )
    assert monthly.dtype == np.bool_
    assert scalar == vector == monthly.tolist()


def test_each_rule_says_which_facts_it_reads() -> None:
    many = Compare(FEITEN.aantal_problemen, ">=", 3, source=TEST)
    wijk = OneOf(FEITEN.wijk, ["Tuinwijk"], source=TEST)
    assert many.facts() == {"aantal_problemen", "problemen"}
    assert (many & ~wijk).facts() == {"aantal_problemen", "problemen", "wijk"}
    assert Compare(ERNSTIG, ">=", 1, source=TEST).facts() == {"ernstige_problemen", "problemen"}
    assert changes(many)
    assert changes(Compare(ERNSTIG, ">=", 1, source=TEST))
    assert not changes(wijk)
    declared = PREDICATES[1]
    assert declared.facts() == {"problemen", "aantal_kinderen"}
    assert declared.undeclared() == ()


def test_a_predicate_without_declared_facts_says_so() -> None:
    bare = Predicate("lives somewhere", lambda g, on: g.wijk is not None, source=TEST)
    rule = AllOf([Compare(FEITEN.aantal_problemen, ">=", 3, source=TEST), Not(bare)])
    assert bare.facts() == frozenset()
    assert rule.undeclared() == (bare,)


def test_split_precomputes_only_the_parts_that_do_not_change() -> None:
    many = Compare(FEITEN.aantal_problemen, ">=", 3, source=TEST)
    kids = Compare(FEITEN.aantal_kinderen, ">=", 2, source=TEST)
    wijk = OneOf(FEITEN.wijk, ["Tuinwijk"], source=TEST)
    statics: list[Rule] = []
    monthly = split(AnyOf([many, AllOf([kids, wijk])]), statics)
    assert statics == [AllOf([kids, wijk])]
    assert monthly.children()[0] is many


def test_a_new_combinator_without_with_children_is_refused_clearly() -> None:
    @attrs.frozen
    class Unrebuildable(Exactly):
        def with_children(self, children: Sequence[Rule]) -> Rule:
            return Rule.with_children(self, children)

    rule = Unrebuildable(
        1,
        [
            Compare(FEITEN.aantal_problemen, ">=", 3, source=TEST),
            Compare(FEITEN.aantal_kinderen, ">=", 2, source=TEST),
        ],
    )
    with pytest.raises(InvalidValueError, match=r"Unrebuildable\.with_children: .*override"):
        split(rule, [])


def test_a_predicate_reading_the_problems_needs_a_vector_form_to_change_monthly() -> None:
    scalar_only = Predicate(
        "two or more problems",
        lambda g, on: len(g.problemen) >= 2,
        source=TEST,
        facts=[FEITEN.aantal_problemen],
    )
    with pytest.raises(
        InvalidValueError,
        match=r"Predicate\.vector: rule 'two or more problems' of pilot 'toy' reads the problems.*"
        r"give it a vector function",
    ):
        split(scalar_only, [], pilot="toy")


def test_predicate_facts_must_be_facts_or_names() -> None:
    with pytest.raises(InvalidValueError, match=r"Predicate\.facts: must be facts or fact names"):
        Predicate("x", lambda g, on: True, source=TEST, facts=[3])
