"""Eligibility rules as values.

A rule is a small tree: combinators (:class:`AllOf`, :class:`AnyOf`,
:class:`AtLeast`, :class:`Not`) over leaves that test one
:class:`~sociaaldomein.domain.feiten.Feit` and cite where the test comes from.
One definition gives three things:

1. :meth:`Rule.explain` - the verdict for one family with the whole tree of reasons;
2. :meth:`Rule.evaluate` - a boolean numpy array over a columnar cohort;
3. :meth:`Rule.describe` - readable text for documentation;
4. month by month while problems change, through :mod:`sociaaldomein.domain.dynamics`,
   which rebuilds the tree (:meth:`Rule.with_children`) from what each node
   reads (:meth:`Rule.facts`) and then uses :meth:`Rule.evaluate` itself.

>>> from sociaaldomein.domain.feiten import FEITEN
>>> doel = Citation("003_720c15da674da257.txt", "DOEL")
>>> rule = Compare(FEITEN.aantal_problemen, ">=", 3, source=doel)
>>> print(rule.describe())
- the number of simultaneous problems is at least 3 [003_720c15da674da257.txt, "DOEL"]

Rules combine with ``&``, ``|`` and ``~``.
"""

from __future__ import annotations

import abc
import enum
import functools
import operator
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs
import numpy as np
import pendulum

from sociaaldomein._validators import one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import Array, Cohort, flag_mask, normalise_label
from sociaaldomein.domain.columns import ZRM_HALVES, CohortColumns
from sociaaldomein.domain.feiten import Feit, FeitSoort
from sociaaldomein.domain.gebied import Gebiedsindeling
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import Bericht, Language, _, as_language, current_language, translate

__all__ = [
    "AllOf",
    "AnyOf",
    "AtLeast",
    "Compare",
    "Explanation",
    "HasAll",
    "HasAny",
    "InGebied",
    "IsTrue",
    "Not",
    "OneOf",
    "Predicate",
    "Recent",
    "Rule",
]

ExplainFn = Callable[["Gezin", pendulum.Date], "Explanation"]
"""``explain(gezin, on)`` of one rule, as one function (see :meth:`Rule.explainer`)."""

# Built once per rule and dropped with it; kept outside the frozen value so a rule
# stays a plain value (equal, hashable, picklable) whatever was asked of it.
_EXPLAINERS: dict[int, ExplainFn] = {}

_OPS: Final[dict[str, tuple[Callable[[Any, Any], Any], str]]] = {
    "==": (operator.eq, _("equal to")),
    "!=": (operator.ne, _("not equal to")),
    "<": (operator.lt, _("less than")),
    "<=": (operator.le, _("at most")),
    ">": (operator.gt, _("more than")),
    ">=": (operator.ge, _("at least")),
}

_YES: Final = _("yes")
_NO: Final = _("no")
_UNKNOWN: Final = _("unknown")


def _language(language: str | None) -> Language:
    return current_language() if language is None else as_language(language)


def fact_text(feit: Feit) -> str:
    """What a fact is, as a reader reads it: a plugin's own message, or the core's by context."""
    if isinstance(feit.omschrijving, Bericht):
        return feit.omschrijving
    return Bericht(feit.omschrijving, context="Feit")


def _listing(values: Iterable[object]) -> str:
    """Values (enum members: their labels) joined with commas, in whichever language is read."""
    shown = tuple(values)
    return Bericht("{values}", {"values": shown}, domain="") if shown else _("none")


@attrs.frozen
class Explanation:
    """Why a rule passed or failed for one family: a tree mirroring the rule.

    ``observed`` is what the family's data showed for a leaf; ``source`` the
    citation of the rule.  ``outdated`` marks a leaf that failed because the
    observation it needed is older than its fact allows (``observed`` then says
    so: "ZRM of 2021-02-15 is older than 30 days"); :meth:`outdated_nodes`
    finds them.
    """

    passed: bool
    text: str
    observed: str | None = None
    source: Citation | None = None
    children: tuple[Explanation, ...] = ()
    outdated: bool = False

    def outdated_nodes(self) -> tuple[Explanation, ...]:
        """The leaves that failed on an outdated observation, depth first."""
        return tuple(e for e in self.walk() if e.outdated)

    def walk(self) -> Iterator[Explanation]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, fragment: str) -> Explanation | None:
        """The first node whose text contains ``fragment`` (case-insensitive).

        A text is compared as its English (the message id with its values), so code
        that searches an explanation works whichever language it is read in.
        """
        needle = fragment.casefold()
        return next((e for e in self.walk() if needle in e.text.casefold()), None)

    def find_all(self, fragment: str) -> tuple[Explanation, ...]:
        """Every node whose text contains ``fragment`` (case-insensitive), depth first."""
        needle = fragment.casefold()
        return tuple(e for e in self.walk() if needle in e.text.casefold())

    def render(self, indent: int = 0, language: str | None = None) -> str:
        """The tree as indented lines: ``[yes]``/``[no]``, the rule, what was found, the source.

        In ``language`` (default: the current language), whichever language the
        verdict was decided in.
        """
        lang = _language(language)
        mark = (_YES if self.passed else _NO).render(lang)
        line = f"{'  ' * indent}[{mark}] {translate(self.text, lang)}"
        if self.observed is not None:
            found = _("found: {value}", value=self.observed)
            line += f" ({found.render(lang)})"
        if self.source is not None:
            line += f" [{self.source.render(lang)}]"
        return "\n".join([line, *(c.render(indent + 1, lang) for c in self.children)])

    def __str__(self) -> str:
        return self.render()


def _fast_explanation() -> Callable[..., Explanation]:
    """``Explanation(...)`` without attrs' frozen ``__init__``: the same value, built faster.

    Explaining a verdict builds one Explanation per rule node; the slots are set
    through their descriptors, as attrs does, minus a call per field.
    """
    new = object.__new__
    setters = [Explanation.__dict__[a.name].__set__ for a in attrs.fields(Explanation)]
    passed, text, observed, source, children, outdated = setters

    def build(
        is_met: bool,
        says: str,
        found: str | None = None,
        cite: Citation | None = None,
        below: tuple[Explanation, ...] = (),
        old: bool = False,
    ) -> Explanation:
        made: Explanation = new(Explanation)
        passed(made, is_met)
        text(made, says)
        observed(made, found)
        source(made, cite)
        children(made, below)
        outdated(made, old)
        return made

    return build


_explanation = _fast_explanation()

_KEPT: Final = 256
"""Leaf explanations a rule keeps, by what the leaf found (see :func:`_kept`)."""


def _kept(seen: dict[Any, Explanation], key: object, made: Explanation) -> Explanation:
    """``made``, kept in ``seen`` under ``key`` for the next family that shows the same.

    A leaf's explanation is a frozen value that depends on what the family's
    data showed alone (a set of problems, a number), and most families show
    one of a few: it is built once per value, not once per family.  A rule
    keeps at most :data:`_KEPT` of them.
    """
    if len(seen) >= _KEPT:
        seen.clear()
    seen[key] = made
    return made


class Rule(abc.ABC):
    """An eligibility rule.  Subclasses are frozen attrs classes, so rules are values."""

    label: str | None
    source: Citation | None

    @abc.abstractmethod
    def _default_text(self) -> str: ...

    def explain(self, gezin: Gezin, on: pendulum.Date) -> Explanation:
        """Evaluate for one family on ``on`` with the full tree of reasons."""
        return self.explainer()(gezin, on)

    def explainer(self) -> ExplainFn:
        """:meth:`explain` as one function, built once per rule from the rule's own parts.

        A verdict calls it for every family; building it once takes the work
        that does not depend on the family (texts, operators, the children's
        functions) out of that call.
        """
        found = _EXPLAINERS.get(id(self))
        if found is None:
            found = self._explainer()
            _EXPLAINERS[id(self)] = found
            weakref.finalize(self, _EXPLAINERS.pop, id(self), None)
        return found

    def _explainer(self) -> ExplainFn:
        """Build the function of :meth:`explainer`; a rule class defines this or ``explain``."""
        if type(self).explain is not Rule.explain:
            return self.explain  # a rule class that explains itself, as in 0.1
        raise NotImplementedError(f"{type(self).__name__} must define _explainer() or explain()")

    @abc.abstractmethod
    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        """Evaluate for every family of ``cohort`` at once: a boolean array."""

    def children(self) -> tuple[Rule, ...]:
        """The rules directly below this one."""
        return ()

    def with_children(self, children: Sequence[Rule]) -> Rule:
        """The same rule over ``children`` instead of :meth:`children` (same number, same order).

        A combinator class overrides this; a leaf has no children to replace.
        """
        if tuple(children) == self.children():
            return self
        raise InvalidValueError(
            f"{type(self).__name__}.with_children",
            "this rule class has children but cannot be rebuilt over others; "
            "override with_children() in it",
        )

    def facts(self) -> frozenset[str]:
        """The names of the facts this rule reads, with the cohort columns they read.

        A combinator reads what its children read; a leaf class overrides this
        (or :meth:`undeclared` names it).  A fact derived from the problems
        reports ``problemen`` too, which is how a simulation in which problems
        change knows to decide it again every month.
        """
        return frozenset().union(*(c.facts() for c in self.children()))

    def undeclared(self) -> tuple[Rule, ...]:
        """The leaves (this one or those below it) that do not say which facts they read:
        a :class:`Predicate` without ``facts=``, a leaf class without its own :meth:`facts`."""
        kids = self.children()
        if kids:
            return tuple(u for c in kids for u in c.undeclared())
        return (self,) if type(self).facts is Rule.facts else ()

    def columnar(self) -> bool:
        """Whether :meth:`evaluate` works on a cohort that holds no Gezin objects."""
        return all(c.columnar() for c in self.children())

    def text(self) -> str:
        """One line saying what this node requires."""
        # A rule is a value, so its text never changes; every explanation asks for it.
        cached: str | None = self.__dict__.get("_text")
        if cached is None:
            cached = self.label or self._default_text()
            object.__setattr__(self, "_text", cached)
        return cached

    def passes(self, gezin: Gezin, on: pendulum.Date) -> bool:
        """Whether ``gezin`` meets the rule on ``on``."""
        return self.explain(gezin, on).passed

    def describe(self, indent: int = 0, language: str | None = None) -> str:
        """The rule as a nested Markdown list, every node with its source, in ``language``."""
        lang = _language(language)
        cite = f" [{self.source.render(lang)}]" if self.source is not None else ""
        lines = [f"{'  ' * indent}- {translate(self.text(), lang)}{cite}"]
        lines += [c.describe(indent + 1, lang) for c in self.children()]
        return "\n".join(lines)

    def leaves(self) -> Iterator[Rule]:
        """Every leaf of the tree."""
        kids = self.children()
        if not kids:
            yield self
        for child in kids:
            yield from child.leaves()

    def cited(self, source: Citation, label: str | None = None) -> Rule:
        """The same rule with another source (and label)."""
        return attrs.evolve(self, source=source, label=label or self.label)  # type: ignore[misc]

    def __and__(self, other: Rule) -> AllOf:
        return AllOf((self, other))

    def __or__(self, other: Rule) -> AnyOf:
        return AnyOf((self, other))

    def __invert__(self) -> Not:
        return Not(self)


def _leaf_source(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise InvalidValueError(
            f"{type(instance).__name__}.source",
            "every leaf rule must cite its source: pass source=Citation(letter, section)",
        )


def _fact_of(*kinds: FeitSoort) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Feit) or value.soort not in kinds:
            others = "".join(f" (or a {k.name} fact)" for k in kinds[1:])
            raise InvalidValueError(
                f"{type(instance).__name__}.feit",
                f"needs a {kinds[0].name} fact{others}, got {value!r}",
            )

    return check


def _op(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in _OPS:
        raise InvalidValueError(
            f"{type(instance).__name__}.op",
            f"unknown comparison {value!r}; use one of {', '.join(_OPS)}",
        )


def _show(value: object) -> str:
    if isinstance(value, frozenset):
        return _show_members(value)
    return _UNKNOWN if value is None else str(value)


@functools.lru_cache(maxsize=4096)
def _show_members(value: frozenset[object]) -> str:
    # Every verdict shows the family's problems and signals; most families share a few sets.
    named = sorted((m for m in value if isinstance(m, enum.Enum | Term)), key=_member_name)
    return _listing(m if isinstance(m, enum.Enum) else m.label for m in named)


def _member_name(member: enum.Enum | Term) -> str:
    return member.name


def _aged(feit: Feit, text: str, source: Citation | None, explain: ExplainFn) -> ExplainFn:
    """``explain``, unless the family's observation of ``feit`` is too old to be used.

    An outdated observation is never used silently: the leaf fails, says why,
    and is marked ``outdated`` in the explanation.
    """
    if not feit.verloopt or feit.geldig_dagen is None or feit.datum is None:
        return explain
    outdated = feit.outdated

    def guarded(gezin: Gezin, on: pendulum.Date) -> Explanation:
        why = outdated(gezin, on)
        if why is not None:
            return _explanation(False, text, why, source, (), True)
        return explain(gezin, on)

    return guarded


def _fresh(feit: Feit, cohort: Cohort, on: pendulum.Date, result: Array) -> Array:
    """``result`` where the cohort's observations of ``feit`` may be used, false elsewhere."""
    fresh = feit.fresh(cohort, on)
    if fresh is None:
        return result
    out: Array = result & fresh
    return out


def _cents(value: Money) -> int:
    # a declared amount's cohort column holds whole cents
    return int(value.rounded().amount * 100)


def _compare_value(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    feit = getattr(instance, "feit", None)
    if isinstance(feit, Feit) and feit.soort is FeitSoort.MONEY:
        if not isinstance(value, Money):
            raise InvalidValueError(
                "Compare.value", f"{feit.naam} is an amount: compare it with a Money, got {value!r}"
            )
    elif isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError("Compare.value", f"must be a whole number, got {value!r}")


@attrs.frozen
class Compare(Rule):
    """A number fact compared with a value: ``Compare(FEITEN.aantal_problemen, ">=", 3, ...)``.

    A declared amount (``FeitSoort.MONEY``) is compared with a
    :class:`~sociaaldomein.Money`: ``Compare(schuld, ">=", Money(1000), ...)``.
    """

    feit: Feit = attrs.field(validator=_fact_of(FeitSoort.NUMBER, FeitSoort.MONEY))
    op: str = attrs.field(validator=_op)
    value: int | Money = attrs.field(validator=_compare_value)
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    def _default_text(self) -> str:
        return _(
            "{fact} is {comparison} {value}",
            fact=fact_text(self.feit),
            comparison=_OPS[self.op][1],
            value=self.value,
        )

    def facts(self) -> frozenset[str]:
        return self.feit.facts()

    def _explainer(self) -> ExplainFn:
        scalar, compare, value = self.feit.scalar, _OPS[self.op][0], self.value
        text, source = self.text(), self.source
        unknown = _explanation(False, text, _UNKNOWN, source)
        seen: dict[int, Explanation] = {}

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found = scalar(gezin, on)
            if found is None:
                return unknown
            if type(found) is not int:  # an amount: equal amounts may be written differently
                return _explanation(bool(compare(found, value)), text, str(found), source)
            made = seen.get(found)
            if made is None:
                made = _explanation(bool(compare(found, value)), text, str(found), source)
                _kept(seen, found, made)
            return made

        return _aged(self.feit, text, source, explain)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        values = self.feit.values(cohort, on)
        value = _cents(self.value) if isinstance(self.value, Money) else self.value
        result: Array = np.asarray(_OPS[self.op][0](values, value), dtype=bool)
        if self.feit.missing is not None:
            result &= values != self.feit.missing
        return _fresh(self.feit, cohort, on, result)


@attrs.frozen
class IsTrue(Rule):
    """A yes-or-no fact that must hold: ``IsTrue(FEITEN.ouder_chronisch, ...)``."""

    feit: Feit = attrs.field(validator=_fact_of(FeitSoort.BOOL))
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    def _default_text(self) -> str:
        return self.feit.omschrijving

    def facts(self) -> frozenset[str]:
        return self.feit.facts()

    def _explainer(self) -> ExplainFn:
        scalar, text, source = self.feit.scalar, self.text(), self.source
        # what the family shows is yes or no: two explanations, made once
        yes, no = _explanation(True, text, _YES, source), _explanation(False, text, _NO, source)

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            return yes if scalar(gezin, on) else no

        return _aged(self.feit, text, source, explain)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return _fresh(self.feit, cohort, on, np.asarray(self.feit.values(cohort, on), dtype=bool))


def _labels(values: Iterable[str | enum.Enum]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    return tuple(v.name if isinstance(v, enum.Enum) else v for v in values)


@attrs.frozen
class OneOf(Rule):
    """A category fact that must be one of ``labels`` (case-insensitive).

    ``OneOf(FEITEN.wijk, ["Indische Buurt", "de Hoogte", "Tuinwijk"], ...)``.
    """

    feit: Feit = attrs.field(validator=_fact_of(FeitSoort.CATEGORY))
    labels: tuple[str, ...] = attrs.field(converter=_labels)
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    @labels.validator
    def _check_labels(self, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
        if not self.labels:
            raise InvalidValueError("OneOf.labels", "must name at least one label")
        enum_type = self.feit.enum_type
        if enum_type is not None:
            unknown = [v for v in self.labels if v not in enum_type.__members__]
            if unknown:
                raise InvalidValueError(
                    "OneOf.labels",
                    f"unknown {enum_type.__name__} {', '.join(unknown)}; allowed: "
                    f"{', '.join(enum_type.__members__)}",
                )

    def _default_text(self) -> str:
        return _("{fact} is one of: {labels}", fact=fact_text(self.feit), labels=self._shown())

    def _as_written(self, gezin: Gezin, found: object) -> str:
        """What the family's data holds, as it was written (a fact compares it normalised)."""
        if found is None:
            return _UNKNOWN
        enum_type = self.feit.enum_type
        if enum_type is not None and str(found) in enum_type.__members__:
            return _listing([enum_type[str(found)]])
        written = getattr(gezin, self.feit.naam, None)
        if isinstance(written, str) and normalise_label(written) == normalise_label(str(found)):
            return written
        return str(found)

    def _shown(self) -> str:
        enum_type = self.feit.enum_type
        if enum_type is None:
            return _listing(self.labels)  # as the rule writes them
        return _listing(enum_type[name] for name in self.labels)

    def facts(self) -> frozenset[str]:
        return self.feit.facts()

    def _explainer(self) -> ExplainFn:
        scalar, text, source = self.feit.scalar, self.text(), self.source
        wanted = frozenset(normalise_label(v) for v in self.labels)

        as_written = self._as_written

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found = scalar(gezin, on)
            passed = found is not None and normalise_label(str(found)) in wanted
            return _explanation(passed, text, as_written(gezin, found), source)

        return _aged(self.feit, text, source, explain)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        column = self.feit.column or self.feit.naam
        if column in cohort.vocabularies:
            lookup = np.zeros(len(cohort.vocabularies[column]), dtype=bool)
            lookup[cohort.codes(column, self.labels)] = True
        else:  # a declared list: its codes are fixed by the declaration
            wanted = {normalise_label(v) for v in self.labels}
            lookup = np.asarray(
                [False, *(normalise_label(k) in wanted for k in self.feit.keuzes)], dtype=bool
            )
        return _fresh(self.feit, cohort, on, _looked_up(lookup, self.feit.values(cohort, on)))


def _looked_up(lookup: Array, codes: Array) -> Array:
    """``lookup[codes]``; for a few wanted codes, as comparisons, which cost less than a gather."""
    wanted = np.flatnonzero(lookup)
    if len(wanted) > 4:
        result: Array = lookup[codes]
        return result
    result = np.zeros(len(codes), dtype=bool)
    for code in wanted.tolist():
        result |= codes == code
    return result


def _members(values: Iterable[enum.Enum | Term]) -> frozenset[enum.Enum | Term]:
    return frozenset(values)


def _split_members(
    members: frozenset[enum.Enum | Term],
) -> tuple[frozenset[enum.Enum], tuple[Term, ...]]:
    terms = tuple(sorted((m for m in members if isinstance(m, Term)), key=lambda t: t.code))
    return frozenset(m for m in members if isinstance(m, enum.Enum)), terms


def _term_column(cohort: Cohort, term: Term) -> Array:
    # A cohort without the term's column has no family with the term.
    found = cohort.columns.get(term.column)
    return np.zeros(len(cohort), dtype=bool) if found is None else np.asarray(found, dtype=bool)


@attrs.frozen
class _FlagRule(Rule):
    """The fields and checks :class:`HasAny` and :class:`HasAll` share."""

    feit: Feit = attrs.field(validator=_fact_of(FeitSoort.FLAGS))
    members: frozenset[enum.Enum | Term] = attrs.field(converter=_members)
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        enum_type = self.feit.enum_type
        if not self.members:
            raise InvalidValueError(
                f"{type(self).__name__}.members", "must name at least one member"
            )
        column = self.feit.column or self.feit.naam
        wrong = [
            m
            for m in self.members
            if not (isinstance(m, Term) and m.vocabulary == column)
            and (enum_type is None or not isinstance(m, enum_type))
        ]
        if wrong:
            raise InvalidValueError(
                f"{type(self).__name__}.members",
                f"{self.feit.naam} holds {getattr(enum_type, '__name__', '?')} members, "
                f"got {wrong!r}",
            )

    def _names(self) -> str:
        named = sorted(self.members, key=_member_name)
        return _listing(m if isinstance(m, enum.Enum) else m.label for m in named)

    def facts(self) -> frozenset[str]:
        return self.feit.facts()


@attrs.frozen
class HasAny(_FlagRule):
    """A set fact that must contain at least one of ``members``."""

    def _default_text(self) -> str:
        return _(
            "{fact} include at least one of: {members}",
            fact=fact_text(self.feit),
            members=self._names(),
        )

    def _explainer(self) -> ExplainFn:
        scalar, members, text, source = self.feit.scalar, self.members, self.text(), self.source
        seen: dict[frozenset[Any], Explanation] = {}

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found: frozenset[enum.Enum] = scalar(gezin, on)
            made = seen.get(found) if type(found) is frozenset else None
            if made is None:
                made = _explanation(not members.isdisjoint(found), text, _show(found), source)
                if type(found) is frozenset:
                    _kept(seen, found, made)
            return made

        return _aged(self.feit, text, source, explain)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        members, terms = _split_members(self.members)
        result: Array = (self.feit.values(cohort, on) & flag_mask(members)) != 0
        for term in terms:
            result = result | _term_column(cohort, term)
        return _fresh(self.feit, cohort, on, result)


@attrs.frozen
class HasAll(_FlagRule):
    """A set fact that must contain every one of ``members``."""

    def _default_text(self) -> str:
        return _(
            "{fact} include all of: {members}", fact=fact_text(self.feit), members=self._names()
        )

    def _explainer(self) -> ExplainFn:
        scalar, members, text, source = self.feit.scalar, self.members, self.text(), self.source
        seen: dict[frozenset[Any], Explanation] = {}

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found: frozenset[enum.Enum] = scalar(gezin, on)
            made = seen.get(found) if type(found) is frozenset else None
            if made is None:
                made = _explanation(members <= found, text, _show(found), source)
                if type(found) is frozenset:
                    _kept(seen, found, made)
            return made

        return _aged(self.feit, text, source, explain)

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        members, terms = _split_members(self.members)
        mask = flag_mask(members)
        result: Array = (self.feit.values(cohort, on) & mask) == mask
        for term in terms:
            result = result & _term_column(cohort, term)
        return _fresh(self.feit, cohort, on, result)


def _dated(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Feit) or value.datum is None or value.datum_vector is None:
        raise InvalidValueError(
            "Recent.feit",
            f"needs a fact observed on a date (a ZRM, a declared fact), got {value!r}",
        )


def _undated(feit: Feit) -> Any:
    # Recent's validator lets only dated facts in; a Feit changed after that is refused here.
    raise InvalidValueError("Recent.feit", f"{feit.naam} is not observed on a date")


def _days(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise InvalidValueError("Recent.dagen", f"must be a whole number of days, got {value!r}")


@attrs.frozen
class Recent(Rule):
    """The family's observation of ``feit`` is at most ``dagen`` days old (and known).

    ``Recent(FEITEN.zrm_laagste, dagen=30, source=...)`` requires a ZRM of the
    last 30 days; without ``dagen`` the fact's own validity
    (:attr:`Feit.geldig_dagen`) applies.  An outdated observation fails,
    marked ``outdated`` in the explanation ("ZRM of 2021-02-15 is older than
    30 days").
    """

    feit: Feit = attrs.field(validator=_dated)
    dagen: int | None = attrs.field(default=None, validator=_days)
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.limit() is None:
            raise InvalidValueError(
                "Recent.dagen", f"{self.feit.naam} has no validity of its own: give dagen="
            )

    def limit(self) -> int | None:
        """The days an observation stays valid for this rule."""
        return self.feit.geldig_dagen if self.dagen is None else self.dagen

    def _default_text(self) -> str:
        what = self.feit.label or fact_text(self.feit)
        return _.plural(
            "{fact} observed at most {n} day ago",
            "{fact} observed at most {n} days ago",
            self.limit() or 0,
            fact=what,
        )

    def facts(self) -> frozenset[str]:
        return self.feit.facts()

    def _explainer(self) -> ExplainFn:
        dated = self.feit.datum or _undated(self.feit)
        days = self.limit() or 0
        text, source, what = self.text(), self.source, self.feit.label or self.feit.naam

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            seen = dated(gezin)
            if seen is None:
                return _explanation(False, text, _("not observed"), source)
            age = on.toordinal() - seen.toordinal()
            day = seen.isoformat()
            if age > days:
                why = _.plural(
                    "{fact} of {date} is older than {n} day",
                    "{fact} of {date} is older than {n} days",
                    days,
                    fact=what,
                    date=day,
                )
                return _explanation(False, text, why, source, (), True)
            return _explanation(True, text, _("{fact} of {date}", fact=what, date=day), source)

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        dates = self.feit.datum_vector or _undated(self.feit)
        seen = dates(cohort).astype(np.int64)
        result: Array = (seen > 0) & (on.toordinal() - seen <= (self.limit() or 0))
        return result


def _fact_names(value: object) -> frozenset[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str | Feit) else value
    if not isinstance(items, Iterable):
        raise InvalidValueError(
            "Predicate.facts", f"must be facts or fact names, got {type(value).__name__}"
        )
    names: set[str] = set()
    for item in items:
        if isinstance(item, Feit):
            names |= item.facts()
        elif isinstance(item, str) and item:
            names.add(item)
        else:
            raise InvalidValueError("Predicate.facts", f"must be facts or fact names, got {item!r}")
    return frozenset(names)


@attrs.frozen(eq=False)
class Predicate(Rule):
    """The escape hatch: a custom test in Python, still cited and explained.

    ``scalar(gezin, on)`` decides for one family; ``vector(cohort, on)``, when
    given, for a cohort.  Without ``vector`` a cohort built from Gezin objects
    is evaluated row by row, and a purely columnar cohort is refused.
    ``observe(gezin, on)`` may say what was found, for the explanation.

    ``facts`` names what the functions read: :class:`Feit` values (which bring
    the columns they read) or names of built-in facts and cohort columns; name a
    fact of your own by its :class:`Feit`, so that what it reads comes along.  A
    simulation in which problems change refuses a Predicate that does not
    declare them, since it cannot tell whether its answer changes with the
    problems; ``facts=[]`` says it reads no fact of the family at all.
    """

    description: str = attrs.field(validator=one_of_type(str))
    scalar: Callable[[Gezin, pendulum.Date], bool]
    vector: Callable[[Cohort, pendulum.Date], Array] | None = None
    observe: Callable[[Gezin, pendulum.Date], str] | None = None
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)
    _facts: frozenset[str] | None = attrs.field(
        default=None, kw_only=True, converter=_fact_names, alias="facts"
    )

    def _default_text(self) -> str:
        return self.description

    def facts(self) -> frozenset[str]:
        return frozenset() if self._facts is None else self._facts

    def undeclared(self) -> tuple[Rule, ...]:
        return (self,) if self._facts is None else ()

    def columnar(self) -> bool:
        return self.vector is not None

    def _explainer(self) -> ExplainFn:
        scalar, observe, text, source = self.scalar, self.observe, self.text(), self.source

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            observed = observe(gezin, on) if observe is not None else None
            return _explanation(bool(scalar(gezin, on)), text, observed, source)

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        if self.vector is not None:
            return np.asarray(self.vector(cohort, on), dtype=bool)
        if cohort.gezinnen is None:
            raise InvalidValueError(
                "Predicate.vector",
                f"rule {self.description!r} has no vectorised form and this cohort holds "
                "no Gezin objects; give the Predicate a vector function",
            )
        return np.fromiter((bool(self.scalar(g, on)) for g in cohort.gezinnen), bool, len(cohort))


def _rules(values: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(values)


def _rule_list(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    name = f"{type(instance).__name__}.{attribute.name}"
    if not value:
        raise InvalidValueError(name, "must hold at least one rule")
    for i, rule in enumerate(value):
        if not isinstance(rule, Rule):
            raise InvalidValueError(f"{name}[{i}]", f"must be a Rule, got {type(rule).__name__}")


def _fold(
    op: np.ufunc, rules: tuple[Rule, ...], cohort: Cohort, on: pendulum.Date, *, stop_when: bool
) -> Array:
    """``op`` over the rules' vectors, written into one array; the rest skipped once decided.

    A child's vector may be shared (a fact's column, a memoised vector), so it
    is copied once into the array every later child is folded into.  Once
    every family is ``stop_when`` (all false for ``AllOf``, all true for
    ``AnyOf``) no later child can change the answer, and none is evaluated.
    When only a few families are still open (at most one in
    ``_FEW``), the later children are asked about those families alone: every
    rule decides a family from its own row, so the answer is the same.
    """
    first, *rest = rules
    result: Array = np.array(first.evaluate(cohort, on), dtype=bool)
    n = len(result)
    for at, rule in enumerate(rest):
        held = int(np.count_nonzero(result))
        open_ = n - held if stop_when else held
        if not open_:
            break
        if open_ * _FEW <= n:
            index = np.flatnonzero(~result if stop_when else result)
            part = _fold(op, tuple(rest[at:]), rows_of(cohort, index), on, stop_when=stop_when)
            result[index] = part
            break
        op(result, rule.evaluate(cohort, on), out=result)
    return result


_FEW: Final = 8
"""Later children of ``AllOf``/``AnyOf`` run over the open families alone once those are at
most one in this many: taking their rows costs less than a pass over the whole cohort."""


class _TakenColumns(Mapping[str, Array]):
    """The columns of a cohort at some rows, each taken when a rule first reads it.

    :meth:`Cohort.take` takes every column; the rules left to ask read only a few.
    """

    __slots__ = ("_columns", "_index", "_taken")

    def __init__(self, columns: Mapping[str, Array], index: Array) -> None:
        self._columns, self._index = columns, index
        self._taken: dict[str, Array] = {}

    def __getitem__(self, name: str) -> Array:
        found = self._taken.get(name)
        if found is None:
            found = self._taken[name] = self._take(name)
        return found

    def _take(self, name: str) -> Array:
        columns = self._columns
        if isinstance(columns, CohortColumns) and name in ZRM_HALVES:
            pair = columns.pair(ZRM_HALVES[name][0])
            if pair is not None:  # the rows of the packed byte, unpacked: not the whole column
                return CohortColumns({}, {ZRM_HALVES[name][0]: pair[self._index]}, [name])[name]
        found: Array = columns[name][self._index]
        return found

    def __contains__(self, name: object) -> bool:
        return name in self._columns

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def rows_of(cohort: Cohort, index: Array) -> Cohort:
    """The families of ``cohort`` at ``index``, their columns taken as they are read."""
    gezinnen = cohort.gezinnen
    return Cohort(
        ids=cohort.ids.take(index),
        columns=_TakenColumns(cohort.columns, index),
        vocabularies=cohort.vocabularies,
        gezinnen=None if gezinnen is None else tuple(gezinnen[i] for i in index),
    )


@attrs.frozen
class AllOf(Rule):
    """Every rule must hold."""

    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_rule_list)
    source: Citation | None = attrs.field(default=None, kw_only=True)
    label: str | None = attrs.field(default=None, kw_only=True)

    def _default_text(self) -> str:
        return _("all of the following")

    def children(self) -> tuple[Rule, ...]:
        return self.rules

    def with_children(self, children: Sequence[Rule]) -> Rule:
        return attrs.evolve(self, rules=children)

    def _explainer(self) -> ExplainFn:
        kids, text, source = [r.explainer() for r in self.rules], self.text(), self.source

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            # One loop, not a comprehension and all(): on Python 3.11 each of those is a
            # call of its own, which costs more than a few children do.
            found: list[Explanation] = []
            passed = True
            for kid in kids:
                e = kid(gezin, on)
                found.append(e)
                if not e.passed:
                    passed = False
            return _explanation(passed, text, None, source, tuple(found))

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return _fold(np.logical_and, self.rules, cohort, on, stop_when=False)


@attrs.frozen
class AnyOf(Rule):
    """At least one rule must hold."""

    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_rule_list)
    source: Citation | None = attrs.field(default=None, kw_only=True)
    label: str | None = attrs.field(default=None, kw_only=True)

    def _default_text(self) -> str:
        return _("any of the following")

    def children(self) -> tuple[Rule, ...]:
        return self.rules

    def with_children(self, children: Sequence[Rule]) -> Rule:
        return attrs.evolve(self, rules=children)

    def _explainer(self) -> ExplainFn:
        kids, text, source = [r.explainer() for r in self.rules], self.text(), self.source

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found: list[Explanation] = []  # one loop, as in AllOf
            passed = False
            for kid in kids:
                e = kid(gezin, on)
                found.append(e)
                if e.passed:
                    passed = True
            return _explanation(passed, text, None, source, tuple(found))

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return _fold(np.logical_or, self.rules, cohort, on, stop_when=True)


@attrs.frozen
class AtLeast(Rule):
    """At least ``n`` of the rules must hold."""

    n: int = attrs.field(validator=one_of_type(int))
    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_rule_list)
    source: Citation | None = attrs.field(default=None, kw_only=True)
    label: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.n <= len(self.rules):
            raise InvalidValueError(
                "AtLeast.n",
                f"must be from 1 to the number of rules ({len(self.rules)}), got {self.n}",
            )

    def _default_text(self) -> str:
        return _("at least {n} of the following", n=self.n)

    def children(self) -> tuple[Rule, ...]:
        return self.rules

    def with_children(self, children: Sequence[Rule]) -> Rule:
        return attrs.evolve(self, rules=children)

    def _explainer(self) -> ExplainFn:
        kids, text, source, n = (
            [r.explainer() for r in self.rules],
            self.text(),
            self.source,
            self.n,
        )

        # "{n} holds" for every count there can be, made once
        holds = [_.plural("{n} holds", "{n} hold", met) for met in range(len(kids) + 1)]

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            found: list[Explanation] = []  # one loop, as in AllOf
            met = 0
            for kid in kids:
                e = kid(gezin, on)
                found.append(e)
                if e.passed:
                    met += 1
            return _explanation(met >= n, text, holds[met], source, tuple(found))

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        counts = sum(r.evaluate(cohort, on).astype(np.int16) for r in self.rules)
        return np.asarray(counts >= self.n, dtype=bool)


@attrs.frozen
class Not(Rule):
    """The rule must not hold."""

    rule: Rule = attrs.field(validator=one_of_type(Rule))
    source: Citation | None = attrs.field(default=None, kw_only=True)
    label: str | None = attrs.field(default=None, kw_only=True)

    def _default_text(self) -> str:
        return _("not: {rule}", rule=self.rule.text())

    def children(self) -> tuple[Rule, ...]:
        return (self.rule,)

    def with_children(self, children: Sequence[Rule]) -> Rule:
        (rule,) = children
        return attrs.evolve(self, rule=rule)

    def _explainer(self) -> ExplainFn:
        inner, text, source = self.rule.explainer(), self.text(), self.source

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            kid = inner(gezin, on)
            return _explanation(not kid.passed, text, None, source, (kid,))

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        return ~self.rule.evaluate(cohort, on)


def _area_names(values: Iterable[str]) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


@attrs.frozen
class InGebied(Rule):
    """The family lives in one of ``gebieden`` of the tree ``indeling``, or in an area inside one.

    ``InGebied(groningen, ["Korrewegwijk"], source=...)`` holds for a family
    recorded in the Korrewegwijk and for one in the Indische Buurt, a buurt of
    it; the explanation says so ("Indische Buurt lies in the Korrewegwijk") and
    reports a name the tree does not hold.  It reads ``Gezin.wijk``.
    """

    indeling: Gebiedsindeling = attrs.field(validator=one_of_type(Gebiedsindeling))
    gebieden: tuple[str, ...] = attrs.field(converter=_area_names)
    source: Citation | None = attrs.field(kw_only=True, validator=_leaf_source)
    label: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.gebieden:
            raise InvalidValueError("InGebied.gebieden", "must name at least one area")
        for name in self.gebieden:
            try:
                self.indeling[str(name)]
            except InvalidValueError as exc:
                raise InvalidValueError("InGebied.gebieden", exc.problem) from None

    def _default_text(self) -> str:
        return _("lives in {areas}", areas=self.indeling.phrases(self.gebieden))

    def facts(self) -> frozenset[str]:
        return frozenset({"wijk"})

    def _inside(self, name: str) -> bool:
        # what Gebiedsindeling.placement decides, without writing the explanation's text
        tree = self.indeling
        found = tree.find(name)
        if found is None:
            return False
        above = tree.ancestors(found.naam)
        return any(found is tree[a] or tree[a] in above for a in self.gebieden)

    def _explainer(self) -> ExplainFn:
        place, areas, text, source = (
            self.indeling.placement,
            self.gebieden,
            self.text(),
            self.source,
        )

        # The tree does not change: where a name lies is worked out once per name.
        @functools.lru_cache(maxsize=4096)
        def placed(name: str | None) -> tuple[bool, str]:
            return place(name, areas)

        def explain(gezin: Gezin, on: pendulum.Date) -> Explanation:
            passed, found = placed(gezin.wijk)
            return _explanation(passed, text, found, source)

        return explain

    def evaluate(self, cohort: Cohort, on: pendulum.Date) -> Array:
        # Decided once per name in the vocabulary (code 0 is "unknown"), then looked up.
        vocabulary = cohort.vocabularies["wijk"]
        inside = [bool(i) and self._inside(name) for i, name in enumerate(vocabulary)]
        return _looked_up(np.asarray(inside, dtype=bool), cohort.column("wijk"))
