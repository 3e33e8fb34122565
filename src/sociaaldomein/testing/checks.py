"""Checks for plugin authors: each raises ``AssertionError`` with a message naming what is wrong.

They need no pytest, so they run in any test runner or a notebook.  The
conformance suite (:class:`~sociaaldomein.testing.PluginConformance`) runs
all of them; call them yourself for a check of your own.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pendulum

from sociaaldomein.aspects import ASPECTS, DEPRECATED_HOOKS
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import Array, Cohort, flag_mask
from sociaaldomein.domain.compiled import OUTCOME_CODES, CompiledPilot
from sociaaldomein.domain.dynamics import evaluate_monthly
from sociaaldomein.domain.gezin import Gezin, Probleem
from sociaaldomein.domain.verdict import Outcome
from sociaaldomein.hookspecs import PROJECT_NAME
from sociaaldomein.testing.toy import ToyPilot

__all__ = [
    "LETTERS_ENV",
    "assert_citations_in_letter",
    "assert_monthly_outcomes_agree",
    "assert_outcomes_agree",
    "assert_silent_on_other_pilots",
    "citations",
    "find_letter",
    "plain_answer_hooks_of",
]

LETTERS_ENV = "SOCIAALDOMEIN_LETTERS"
"""Directories (separated by :data:`os.pathsep`) where :func:`find_letter` looks for a letter."""

_NAMES = {code: outcome for outcome, code in OUTCOME_CODES.items()}


def _mismatch(pilot: str, on: pendulum.Date, gezin: Gezin, one: Outcome, many: int) -> str:
    return (
        f"{pilot} on {on.isoformat()}: gezin {gezin.id!r} is {one.name} one by one "
        f"but {_NAMES[many].name} as a cohort"
    )


def assert_outcomes_agree(
    gemeente: Gemeente, pilot: str, gezinnen: Sequence[Gezin], on: pendulum.Date
) -> None:
    """Assert that ``pilot`` decides every family alike one by one and as a cohort.

    The one-by-one verdicts (:meth:`CompiledPilot.decide`, capacity left out)
    are compared with the vectorised outcomes over the columnar cohort
    (:meth:`CompiledPilot.outcomes`).  On a mismatch the message names the
    family, both outcomes and the explanation, so a property test that fails
    points at the rule that disagrees.
    """
    compiled = gemeente.compiled(pilot)
    vectorised = compiled.outcomes(Cohort.from_gezinnen(gezinnen), on)
    for gezin, code in zip(gezinnen, vectorised.tolist(), strict=True):
        verdict = compiled.decide(gezin, on)
        if OUTCOME_CODES[verdict.outcome] != code:
            raise AssertionError(
                f"{_mismatch(pilot, on, gezin, verdict.outcome, code)}\n"
                f"{verdict.render()}\n{gezin!r}"
            )


def _monthly_outcomes(
    compiled: CompiledPilot, cohort: Cohort, on: pendulum.Date, problems: Array
) -> Array:
    # The simulation's path: eligibility and each route decided on the current problems.
    codes = np.full(len(cohort), OUTCOME_CODES[Outcome.CLOSED], dtype=np.int8)
    if on not in compiled.pilot.looptijd:
        return codes
    eligible = evaluate_monthly(compiled.eligibility, cohort, on, problems)
    codes[:] = np.where(
        eligible, OUTCOME_CODES[Outcome.ELIGIBLE], OUTCOME_CODES[Outcome.NOT_ELIGIBLE]
    )
    undecided = eligible.copy()
    for route in compiled.routes:
        taken = undecided & evaluate_monthly(route.when, cohort, on, problems)
        codes[taken] = OUTCOME_CODES[route.outcome]
        undecided &= ~taken
    return codes


def assert_monthly_outcomes_agree(
    gemeente: Gemeente,
    pilot: str,
    gezinnen: Sequence[Gezin],
    on: pendulum.Date,
    problems: Sequence[Collection[Probleem]],
) -> None:
    """Assert that ``pilot`` decides alike month by month and one by one when problems change.

    Each family's problems become ``problems`` (one set per family), as in a
    simulation with problem dynamics: the rules are evaluated over the cohort
    with its problem column replaced (:mod:`sociaaldomein.domain.dynamics`) and
    compared with :meth:`CompiledPilot.decide` for the families with their
    problems replaced.  A rule that cannot be evaluated month by month (a
    :class:`~sociaaldomein.Predicate` without declared facts) fails with the
    library's message naming it.
    """
    compiled = gemeente.compiled(pilot)
    masks = np.asarray([flag_mask(p) for p in problems], dtype=np.uint16)
    monthly = _monthly_outcomes(compiled, Cohort.from_gezinnen(gezinnen), on, masks)
    for gezin, now, code in zip(gezinnen, problems, monthly.tolist(), strict=True):
        changed = attrs.evolve(gezin, problemen=frozenset(now))
        verdict = compiled.decide(changed, on)
        if OUTCOME_CODES[verdict.outcome] != code:
            raise AssertionError(
                f"{_mismatch(pilot, on, changed, verdict.outcome, code)} month by month, "
                f"its problems now {sorted(p.name for p in now)}\n{verdict.render()}"
            )


def plain_answer_hooks_of(plugin: object) -> list[str]:
    """The answer hooks ``plugin`` implements as plain hooks, the 0.1 way (none is right).

    Since 0.2 only the pilot's own definition answers for it; another plugin
    changes an answer only as a wrapper, ``@hookimpl(wrapper=True)``.
    """
    marker = f"{PROJECT_NAME}_impl"
    hooks = sorted({a.hook for a in ASPECTS} | set(DEPRECATED_HOOKS))
    found = []
    for hook in hooks:
        options = getattr(getattr(plugin, hook, None), marker, None)
        if options is not None and not (options.get("wrapper") or options.get("hookwrapper")):
            found.append(hook)
    return found


def _answers(compiled: CompiledPilot) -> dict[str, object]:
    return {a.name: getattr(compiled, a.name) for a in ASPECTS} | {
        "provided_by": compiled.provided_by,
        "provenance": dict(compiled.provenance),
    }


def _same(a: object, b: object) -> bool:
    # Rules holding functions compare by identity; their text says what they decide.
    return a == b or repr(a) == repr(b)


def assert_silent_on_other_pilots(plugin: object) -> None:
    """Assert that ``plugin`` answers only for its own pilots.

    Two things are checked: it implements no answer hook as a plain hook (the
    0.1 contract, where a forgotten ``if pilot.naam != ...`` replaced another
    pilot's answer), and compiling it next to a :class:`ToyPilot` leaves every
    answer of the toy, and who gave it, as it was without the plugin.
    """
    plain = plain_answer_hooks_of(plugin)
    assert not plain, (
        f"{plugin!r} implements {', '.join(plain)} as plain hooks: answer through the pilot "
        "definitions of sociaaldomein_pilots, and change another pilot's answer only with "
        "@hookimpl(wrapper=True)"
    )
    toy = ToyPilot("conformance-toy")
    alone = Gemeente("Alone", plugins=[toy], strict=True).compiled(toy.pilot.naam)
    beside = Gemeente("Beside", plugins=[toy, plugin]).compiled(toy.pilot.naam)
    before, after = _answers(alone), _answers(beside)
    changed = [name for name in before if not _same(before[name], after[name])]
    assert not changed, (
        f"{plugin!r} changes the {', '.join(changed)} of another plugin's pilot: "
        f"{[after[name] for name in changed]!r} instead of {[before[name] for name in changed]!r}"
    )


def citations(value: object) -> Iterator[Citation]:
    """Every :class:`~sociaaldomein.Citation` in ``value``, however deep.

    It walks attrs values, mappings and collections, so a compiled pilot gives
    the citations of its rules, routes, funding lines, termination rules,
    mandate, escalation ladder, evaluation plan and pilot.
    """
    seen: set[int] = set()
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen or item is None or isinstance(item, str | bytes | int | float):
            continue
        seen.add(id(item))
        if isinstance(item, Citation):
            yield item
        elif isinstance(item, Mapping):
            stack += reversed(list(item.values()))
        elif isinstance(item, list | tuple | set | frozenset):
            stack += reversed(list(item))
        elif attrs.has(type(item)):
            stack += reversed([getattr(item, f.name, None) for f in attrs.fields(type(item))])


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def assert_citations_in_letter(
    value: object, letter: Path, *, other_sources: Collection[str] = ()
) -> None:
    """Assert that every citation in ``value`` names a section the letter ``letter`` has.

    A citation of the letter (its file name is ``letter.name``) must name a
    section whose heading occurs in the letter's text (spacing and case
    aside).  A citation of another file is refused unless its file name is in
    ``other_sources`` (a policy or a law the plugin also rests on).
    """
    text = _normalised(letter.read_text(encoding="utf-8"))
    found = list(citations(value))
    assert found, f"{value!r} cites nothing"
    problems = []
    for citation in found:
        if citation.letter == letter.name:
            if _normalised(citation.section) not in text:
                problems.append(f"{citation}: {letter.name} has no section {citation.section!r}")
        elif citation.letter not in other_sources:
            problems.append(f"{citation}: cites {citation.letter!r}, not {letter.name!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def find_letter(letter: str | os.PathLike[str], package: str | None = None) -> Path | None:
    """The letter file ``letter``: the path itself, else the file name in ``package``'s
    ``letters/`` folder (where a plugin ships its letter), else in :data:`LETTERS_ENV`.

    ``None`` when it is nowhere.
    """
    path = Path(letter)
    if path.is_file():
        return path
    folders = []
    if package is not None:
        module = sys.modules.get(package.partition(".")[0])
        where = getattr(module, "__file__", None)
        if where:
            folders.append(Path(where).parent / "letters")
    folders += [Path(d) for d in os.environ.get(LETTERS_ENV, "").split(os.pathsep) if d]
    return next((d / path.name for d in folders if (d / path.name).is_file()), None)
