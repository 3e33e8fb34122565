"""Rules evaluated month by month while families' problems change.

In a simulation with problem dynamics a family's eligibility must be decided
again every month, on its current problems.  This module adds no rule algebra
of its own: a rule is evaluated by its own :meth:`~sociaaldomein.Rule.evaluate`
over a *view* of the cohort whose ``problemen`` column is the current bitmask.
Work whose answer cannot change is done once per date: :func:`split` rebuilds
the tree (:meth:`~sociaaldomein.Rule.with_children`) with every maximal
subtree that reads no changing fact (:meth:`~sociaaldomein.Rule.facts`)
replaced by a leaf reading a precomputed column.  Any rule class that says
what it reads therefore works here, and one that cannot is refused before the
run starts, with a message naming it.

>>> import numpy as np, pendulum
>>> from sociaaldomein import FEITEN, Citation, Cohort, Compare
>>> src = Citation("example.txt", "1")
>>> rule = Compare(FEITEN.aantal_problemen, ">=", 2, source=src) & Compare(
...     FEITEN.aantal_kinderen, ">=", 1, source=src)
>>> cohort = Cohort.from_columns(["a", "b"], {"problemen": [0b1, 0b11], "aantal_kinderen": [1, 1]})
>>> on = pendulum.date(2024, 1, 1)
>>> evaluate_monthly(rule, cohort, on, problems=np.asarray([0b111, 0b0])).tolist()
[True, False]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import attrs
import numpy as np
import pendulum

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.feiten import shared_vectors
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.rules import Explanation, Rule
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "CHANGING_FACTS",
    "PROBLEMS",
    "Precomputed",
    "changes",
    "evaluate_monthly",
    "precompute",
    "require_declared",
    "split",
    "view",
]

PROBLEMS: Final = "problemen"
"""The cohort column that changes during a run with problem dynamics."""

CHANGING_FACTS: Final = frozenset({PROBLEMS, "aantal_problemen"})
"""The facts read from the problem bitmask.  A plugin's own fact derived from the
problems reports ``problemen`` among its facts (``Feit(..., reads=("problemen",))``)."""

_PREFIX: Final = "precomputed:"


def changes(rule: Rule) -> bool:
    """Whether ``rule`` reads a fact that changes while problems change."""
    return not rule.facts().isdisjoint(CHANGING_FACTS)


@attrs.frozen(eq=False)
class Precomputed(Rule):
    """A subtree that reads no changing fact, standing in for it by its precomputed column."""

    column: str
    rule: Rule
    source: Citation | None = None
    label: str | None = None

    def _default_text(self) -> str:
        return self.rule.text()

    def facts(self) -> frozenset[str]:
        return self.rule.facts()

    def explain(self, gezin: Gezin, on: pendulum.Date) -> Explanation:
        return self.rule.explain(gezin, on)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return cohort.column(self.column)


def _who(rule: Rule, pilot: str | None) -> str:
    text = getattr(rule, "description", None) or rule.text()
    where = f" of pilot {pilot!r}" if pilot else ""
    return f"rule {text!r}{where}"


def require_declared(rule: Rule, *, pilot: str | None = None) -> None:
    """Refuse ``rule`` if a leaf does not say which facts it reads, naming it and ``pilot``."""
    for leaf in rule.undeclared():
        raise InvalidValueError(
            f"{type(leaf).__name__}.facts",
            f"{_who(leaf, pilot)} does not say which facts it reads, so a simulation in "
            "which problems change cannot tell whether its answer changes; declare them "
            "with facts=[...] (for example facts=[FEITEN.aantal_problemen])",
        )


def split(rule: Rule, statics: list[Rule], *, pilot: str | None = None) -> Rule:
    """``rule`` with its static parts replaced by :class:`Precomputed` leaves.

    Each maximal subtree that reads no changing fact is appended to
    ``statics`` (shared by the rules of one run) and replaced by a leaf
    reading column ``precomputed:<index>``.  Refused, naming the rule and
    ``pilot``: a leaf that does not declare its facts, and a leaf reading the
    problems whose class cannot evaluate a columnar cohort (a
    :class:`~sociaaldomein.Predicate` without ``vector``).
    """
    require_declared(rule, pilot=pilot)
    return _split(rule, statics, pilot)


def _split(rule: Rule, statics: list[Rule], pilot: str | None) -> Rule:
    if not changes(rule):
        statics.append(rule)
        return Precomputed(f"{_PREFIX}{len(statics) - 1}", rule, source=rule.source)
    kids = rule.children()
    if kids:
        return rule.with_children([_split(k, statics, pilot) for k in kids])
    if not rule.columnar():
        raise InvalidValueError(
            f"{type(rule).__name__}.vector",
            f"{_who(rule, pilot)} reads the problems, which change during the run, but has "
            "no vectorised form; give it a vector function",
        )
    return rule


def precompute(statics: Sequence[Rule], cohort: Cohort, on: pendulum.Date) -> dict[str, Array]:
    """The column of every static subtree over ``cohort`` on ``on``."""
    with shared_vectors():  # static subtrees of several rules often read the same facts
        return {
            f"{_PREFIX}{i}": np.asarray(r.evaluate(cohort, on), dtype=bool)
            for i, r in enumerate(statics)
        }


class _Columns(Mapping[str, Array]):
    """The columns of ``rows`` of a cohort, sliced when read, some replaced.

    ``bases`` are looked up in turn (the precomputed columns, then the cohort's);
    a name is never read before a rule asks for it, so a cohort's packed ZRM
    levels are unpacked only if a rule reads them.
    """

    def __init__(
        self, bases: Sequence[Mapping[str, Array]], rows: Array, replaced: Mapping[str, Array]
    ):
        self._bases = bases
        self._rows = rows
        self._read = dict(replaced)

    def __getitem__(self, name: str) -> Array:
        found = self._read.get(name)
        if found is None:
            base = next((b for b in self._bases if name in b), self._bases[-1])
            found = self._read[name] = base[name][self._rows]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def _names(self) -> dict[str, None]:
        # the names alone, in the cohort's order
        return dict.fromkeys([n for b in reversed(self._bases) for n in b] + [*self._read])


def view(
    cohort: Cohort,
    problems: Array,
    *,
    rows: Array | None = None,
    precomputed: Mapping[str, Array] | None = None,
) -> Cohort:
    """Families ``rows`` of ``cohort`` (all by default) with ``problems`` as their problems.

    ``precomputed`` (from :func:`precompute`) are extra columns over the whole
    cohort, read by :class:`Precomputed` leaves.  Columns are sliced only when
    a rule reads them.  The view holds no Gezin objects: their problems would
    be the old ones.
    """
    index = np.arange(len(cohort)) if rows is None else np.asarray(rows, dtype=np.intp)
    current = np.asarray(problems).astype(cohort.column(PROBLEMS).dtype, copy=False)
    if current.shape != index.shape:
        raise InvalidValueError(
            "view.problems", f"must have one value per family ({index.size}), got {current.shape}"
        )
    base = [dict(precomputed or {}), cohort.columns]  # nothing is read before a rule reads it
    return Cohort(
        ids=cohort.ids.take(index),  # an index into the ids, not new strings
        columns=_Columns(base, index, {PROBLEMS: current}),
        vocabularies=cohort.vocabularies,
    )


def evaluate_monthly(
    rule: Rule,
    cohort: Cohort,
    on: pendulum.Date,
    problems: Array,
    rows: Array | None = None,
) -> Array:
    """``rule`` for families ``rows`` of ``cohort`` whose problems are now ``problems``.

    The whole path a simulation takes, for one rule and one date: split,
    precompute the static parts on ``cohort``, evaluate over the view.
    """
    statics: list[Rule] = []
    monthly = split(rule, statics)
    columns = precompute(statics, cohort, on)
    result: Array = monthly.evaluate(
        view(cohort, problems, rows=rows, precomputed=columns), on
    ).astype(bool)
    return result
