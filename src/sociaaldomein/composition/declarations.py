"""Collecting what plugins declare: their facts and vocabulary terms, in one register.

The composition asks every plugin's ``sociaaldomein_facts`` hook, then every
pilot definition's ``facts()``, each through the guard of
:mod:`sociaaldomein.composition.calls`.  What comes back must be facts made
with :meth:`Feit.declare <sociaaldomein.Feit.declare>` or
:class:`~sociaaldomein.Term` values, under names nobody declared before.  A
declaration that raises, returns something else or clashes becomes a
:class:`~sociaaldomein.domain.provenance.PluginFailure` of its plugin (and
fails the pilot whose definition declared it); the others are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import pluggy

from sociaaldomein.composition.calls import FailedError, guarded
from sociaaldomein.domain.feiten import Feit
from sociaaldomein.domain.feitenregister import Declaration, Feitenregister
from sociaaldomein.domain.provenance import PluginFailure, PluginRef
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.errors import InvalidValueError

__all__ = ["Declared", "collect_declarations"]


@attrs.frozen
class Declared:
    """The register, every failure of a declaration, and the pilots those failures fail."""

    feiten: Feitenregister
    failures: tuple[PluginFailure, ...]
    failed_pilots: Mapping[str, PluginFailure]


def _items(answer: object) -> list[Declaration]:
    if not isinstance(answer, Sequence) or isinstance(answer, str | bytes):
        raise TypeError(
            f"returned {type(answer).__name__} where a list of facts and terms was expected"
        )
    wrong = next((i for i in answer if not isinstance(i, Feit | Term)), None)
    if wrong is not None:
        raise TypeError(
            f"returned a list holding {type(wrong).__name__} where facts (Feit.declare) "
            "and Term values were expected"
        )
    return list(answer)


def _declare(
    register: Feitenregister,
    ref: PluginRef,
    call: str,
    ask: Callable[[], object],
    pilot: str | None,
) -> Feitenregister:
    answer = guarded(ref, call, ask, pilot=pilot)
    try:
        return register.declare(_items(answer), by=ref.name)
    except (TypeError, InvalidValueError) as exc:
        raise FailedError(PluginFailure(ref, call, str(exc), pilot)) from None


def collect_declarations(
    definitions: Sequence[tuple[str, object]],
    pm: pluggy.PluginManager,
    refs: Mapping[str, PluginRef],
) -> Declared:
    """The composition's register: the core's facts, then each plugin's, then each pilot's."""
    register = Feitenregister.core()
    failures: list[PluginFailure] = []
    failed: dict[str, PluginFailure] = {}
    hook: Any = pm.hook.sociaaldomein_facts
    for impl in hook.get_hookimpls():
        try:
            register = _declare(
                register, refs[impl.plugin_name], "sociaaldomein_facts", impl.function, None
            )
        except FailedError as exc:
            failures.append(exc.failure)
    for plugin_name, definition in definitions:
        method = getattr(definition, "facts", None)
        if not callable(method):
            continue  # a 0.1 pilot, or a definition that declares nothing
        pilot = getattr(getattr(definition, "pilot", None), "naam", None)
        try:
            register = _declare(register, refs[plugin_name], "facts()", method, pilot)
        except FailedError as exc:
            failures.append(exc.failure)
            if pilot is not None:
                failed[pilot] = exc.failure
    return Declared(register, tuple(failures), failed)
