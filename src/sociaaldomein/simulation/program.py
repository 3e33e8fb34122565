"""Rules split for a simulation in which families' problems change month by month.

When problems change, a pilot's eligibility must be decided again every month.
Evaluating the whole rule over the cohort each month would redo work whose
answer does not change (the wijk, the signals, the ZRM), so a rule tree is
split once: subtrees that do not read the problems are *static* and are
evaluated with :meth:`Rule.evaluate` once per date; leaves that read the
problems (``problemen``, ``aantal_problemen``) are *dynamic* and are computed
from the current bitmask, vectorised (numpy) or per family (a plain Python
closure).  Both forms come from the same rule value, so the columnar engine and
the object engine decide alike; a test checks it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any, Final

import numpy as np
import pendulum

from sociaaldomein.domain.cohort import Array, Cohort, flag_mask
from sociaaldomein.domain.rules import AllOf, AnyOf, AtLeast, Compare, HasAll, HasAny, Not, Rule

__all__ = ["DYNAMIC_FACTS", "Node", "compile_rule"]

DYNAMIC_FACTS: Final = frozenset({"problemen", "aantal_problemen"})
"""The facts that change during a simulation with problem dynamics."""

_OPS: Final[dict[str, Callable[[Any, Any], Any]]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}

ScalarFn = Callable[[int, int], bool]
"""``fn(problems, family) -> bool`` for one family."""


def _dynamic_leaf(rule: Rule) -> bool:
    if isinstance(rule, Compare):
        return rule.feit.naam == "aantal_problemen"
    return isinstance(rule, HasAny | HasAll) and rule.feit.naam == "problemen"


def _is_dynamic(rule: Rule) -> bool:
    if _dynamic_leaf(rule):
        return True
    if isinstance(rule, AllOf | AnyOf | AtLeast | Not):
        return any(_is_dynamic(c) for c in rule.children())
    return False


class Node:
    """A compiled rule: static subtrees by index into per-date arrays, dynamic leaves as code."""

    def __init__(self, rule: Rule, statics: list[Rule]) -> None:
        self.rule = rule
        self.kind: str
        self.kids: tuple[Node, ...] = ()
        self.index = -1
        self.n = 0
        if not _is_dynamic(rule):
            self.kind = "static"
            self.index = len(statics)
            statics.append(rule)
        elif _dynamic_leaf(rule):
            self.kind = type(rule).__name__
        else:
            self.kind = type(rule).__name__
            self.kids = tuple(Node(c, statics) for c in rule.children())
            if isinstance(rule, AtLeast):
                self.n = rule.n

    # vectorised -----------------------------------------------------------

    def vector(self, problems: Array, static: Sequence[Array]) -> Array:
        """The rule for every family: ``problems`` is the current bitmask (any shape whose
        last axis is the family); ``static[i]`` the value of static subtree ``i`` per family."""
        kind = self.kind
        if kind == "static":
            return np.broadcast_to(static[self.index], problems.shape)
        rule: Any = self.rule
        if kind == "Compare":
            counts = np.bitwise_count(problems)
            return np.asarray(_OPS[rule.op](counts, rule.value), dtype=bool)
        if kind == "HasAny":
            return np.asarray((problems & flag_mask(rule.members)) != 0)
        if kind == "HasAll":
            mask = flag_mask(rule.members)
            return np.asarray((problems & mask) == mask)
        parts = [k.vector(problems, static) for k in self.kids]
        if kind == "AllOf":
            out = parts[0]
            for p in parts[1:]:
                out = out & p
            return out
        if kind == "AnyOf":
            out = parts[0]
            for p in parts[1:]:
                out = out | p
            return out
        if kind == "AtLeast":
            total = sum(p.astype(np.int16) for p in parts)
            return np.asarray(total >= self.n)
        return ~parts[0]  # Not

    # scalar ---------------------------------------------------------------

    def scalar(self, static: list[list[bool]]) -> ScalarFn:
        """A plain Python closure ``fn(problems, family)``; ``static`` is read at call time,
        so the caller swaps its items when the date moves on."""
        kind = self.kind
        rule: Any = self.rule
        if kind == "static":
            index = self.index

            def static_fn(pr: int, f: int) -> bool:
                return static[index][f]

            return static_fn
        if kind == "Compare":
            op, value = _OPS[rule.op], rule.value
            return lambda pr, f: bool(op(pr.bit_count(), value))
        if kind == "HasAny":
            mask = flag_mask(rule.members)
            return lambda pr, f: pr & mask != 0
        if kind == "HasAll":
            mask = flag_mask(rule.members)
            return lambda pr, f: pr & mask == mask
        fns = [k.scalar(static) for k in self.kids]
        if kind == "AllOf":
            return lambda pr, f: all(fn(pr, f) for fn in fns)
        if kind == "AnyOf":
            return lambda pr, f: any(fn(pr, f) for fn in fns)
        if kind == "AtLeast":
            n = self.n
            return lambda pr, f: sum(fn(pr, f) for fn in fns) >= n
        inner = fns[0]
        return lambda pr, f: not inner(pr, f)


def compile_rule(rule: Rule, statics: list[Rule]) -> Node:
    """Split ``rule``; its static subtrees are appended to ``statics``."""
    return Node(rule, statics)


def evaluate_statics(statics: Sequence[Rule], cohort: Cohort, on: pendulum.Date) -> list[Array]:
    """The value of every static subtree over ``cohort`` on ``on``."""
    return [np.asarray(r.evaluate(cohort, on), dtype=bool) for r in statics]
