"""Compiling one pilot: ask its provider once, apply the policies, keep who did what.

For every :data:`~sociaaldomein.aspects.ASPECTS` entry the pilot's definition
answers, then the policies that wrap the hook change the answer, in pluggy's
order (the innermost wrapper first), and each change is recorded in the
answer's :class:`~sociaaldomein.domain.provenance.Provenance`.  A plain
(non-wrapper) hook of another plugin that answers for this pilot is refused: it
becomes a failure of that plugin, and the pilot keeps its provider's answer.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import pluggy

from sociaaldomein.aspects import ASPECTS, DEPRECATED_HOOKS, Aspect
from sociaaldomein.composition.calls import FailedError, guarded
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.provenance import PluginFailure, PluginRef, Provenance

__all__ = ["LegacyDefinition", "as_definition", "compile_pilot", "plain_answer_hooks"]

_OLD_NAMES = {new: old for old, new in DEPRECATED_HOOKS.items()}


def plain_answer_hooks(impls: Sequence[pluggy.HookImpl]) -> list[str]:
    """The answer hooks among ``impls`` implemented plainly (not as wrappers): the 0.1 contract."""
    answer_hooks = {a.hook for a in ASPECTS} | set(DEPRECATED_HOOKS)
    return sorted({_hook_name(i) for i in impls if not (i.wrapper or i.hookwrapper)} & answer_hooks)


def _hook_name(impl: pluggy.HookImpl) -> str:
    return getattr(impl.function, "__name__", "")


def _call(impl: pluggy.HookImpl, pilot: Pilot) -> Any:
    available = {"pilot": pilot}
    return impl.function(**{k: available[k] for k in impl.argnames if k in available})


@attrs.frozen(eq=False)
class LegacyDefinition:
    """A pilot of a 0.1 plugin: answered by that plugin's own plain hook implementations."""

    pilot: Pilot
    impls: Mapping[str, pluggy.HookImpl]
    """The plugin's plain implementations by hook name."""

    def answer(self, aspect: Aspect) -> object:
        """What the plugin's hook for ``aspect`` answers about this pilot (the default if none)."""
        impl = self.impls.get(aspect.hook) or self.impls.get(_OLD_NAMES.get(aspect.hook, ""))
        return aspect.default if impl is None else _call(impl, self.pilot)


def as_definition(item: object, impls: Mapping[str, pluggy.HookImpl]) -> object:
    """``item`` from ``sociaaldomein_pilots`` as a definition (a 0.1 ``Pilot`` is wrapped)."""
    if isinstance(item, Pilot):
        return LegacyDefinition(item, impls)
    if not isinstance(getattr(item, "pilot", None), Pilot) or not callable(
        getattr(item, "eligibility", None)
    ):
        raise TypeError(
            f"returned {type(item).__name__} where a pilot definition (an object with a "
            "Pilot in .pilot and an eligibility() method) was expected"
        )
    return item


def _own_answer(definition: object, aspect: Aspect, provider: PluginRef, pilot: str) -> object:
    if isinstance(definition, LegacyDefinition):
        ask: Callable[[], object] = lambda: definition.answer(aspect)  # noqa: E731
        call = aspect.hook
    else:
        method = getattr(definition, aspect.name, None)
        if method is None:
            if aspect.required:
                raise FailedError(
                    PluginFailure(provider, f"{aspect.name}()", "the definition has none", pilot)
                )
            return aspect.default
        call, ask = f"{aspect.name}()", method
    answer = guarded(provider, call, ask, pilot=pilot)
    return _checked(aspect, answer, provider, call, pilot)


def _checked(aspect: Aspect, answer: object, ref: PluginRef, call: str, pilot: str) -> object:
    try:
        return aspect.check(answer)
    except TypeError as exc:
        raise FailedError(PluginFailure(ref, call, str(exc), pilot)) from None


def _same(a: object, b: object) -> bool:
    try:
        return a is b or bool(a == b)
    except Exception:  # an odd __eq__ in a plugin's value must not break compiling
        return False


def _wrapped(
    aspect: Aspect,
    wrappers: Sequence[pluggy.HookImpl],
    refs: Mapping[str, PluginRef],
    pilot: Pilot,
    answer: object,
) -> tuple[object, tuple[PluginRef, ...]]:
    """``answer`` after every policy wrapper of ``aspect``, and the policies that changed it."""
    started = []
    for impl in reversed(wrappers):  # outermost first, as pluggy calls them
        ref = refs[impl.plugin_name]
        call = f"{_hook_name(impl)} (policy)"
        gen = guarded(ref, call, functools.partial(_call, impl, pilot), pilot=pilot.naam)
        try:
            guarded(ref, call, functools.partial(next, gen), pilot=pilot.naam)
        except FailedError as failed:
            if isinstance(failed.__cause__, StopIteration):
                raise FailedError(
                    PluginFailure(ref, call, "the wrapper did not yield", pilot.naam)
                ) from None
            raise
        started.append((impl, ref, call, gen))
    changed: list[PluginRef] = []
    for impl, ref, call, gen in reversed(started):  # innermost first
        sent: Any = pluggy.Result(answer, None) if impl.hookwrapper else answer

        def finish(gen: Any = gen, sent: Any = sent, old: bool = impl.hookwrapper) -> object:
            try:
                gen.send(sent)
            except StopIteration as stop:
                return sent.get_result() if old else stop.value
            raise RuntimeError("the wrapper yielded more than once")

        new = _checked(aspect, guarded(ref, call, finish, pilot=pilot.naam), ref, call, pilot.naam)
        if not _same(new, answer):
            changed.append(ref)
        answer = new
    return answer, tuple(changed)


def compile_pilot(
    definition: object,
    provider: PluginRef,
    pm: pluggy.PluginManager,
    refs: Mapping[str, PluginRef],
) -> tuple[CompiledPilot, list[PluginFailure]]:
    """Compile one pilot; also the refused answers of other plugins for it.

    Raises :class:`~sociaaldomein.composition.calls.FailedError` when the provider or
    a policy fails for this pilot.
    """
    pilot = getattr(definition, "pilot")  # noqa: B009  (checked by as_definition)
    answers: dict[str, object] = {}
    provenance: dict[str, Provenance] = {}
    refused: list[PluginFailure] = []
    for aspect in ASPECTS:
        impls = list(getattr(pm.hook, aspect.hook).get_hookimpls())
        old = _OLD_NAMES.get(aspect.hook)
        if old is not None:
            impls += getattr(pm.hook, old).get_hookimpls()
        answer = _legacy_override(definition, aspect, impls, provider, pilot)
        if answer is None:
            answer = _own_answer(definition, aspect, provider, pilot.naam)
        refused += _foreign_answers(aspect, impls, refs, provider, pilot)
        wrappers = [i for i in impls if i.wrapper or i.hookwrapper]
        answer, changed = _wrapped(aspect, wrappers, refs, pilot, answer)
        answers[aspect.name] = answer
        provenance[aspect.name] = Provenance(provider, changed)
    compiled = CompiledPilot(pilot, provided_by=provider, provenance=provenance, **answers)  # type: ignore[arg-type]
    return compiled, refused


def _legacy_override(
    definition: object,
    aspect: Aspect,
    impls: Sequence[pluggy.HookImpl],
    provider: PluginRef,
    pilot: Pilot,
) -> object | None:
    """The answer of a plain hook the provider itself implements, as a 0.1 ``PilotPlugin``
    subclass could (overriding ``sociaaldomein_routes``, say); ``None`` when it gives none."""
    if isinstance(definition, LegacyDefinition):
        return None  # its plain hooks are its answers already
    for impl in impls:
        if impl.wrapper or impl.hookwrapper or impl.plugin_name != provider.name:
            continue
        call = _hook_name(impl)
        found = guarded(provider, call, functools.partial(_call, impl, pilot), pilot=pilot.naam)
        if found is not None:
            return _checked(aspect, found, provider, call, pilot.naam)
    return None


def _foreign_answers(
    aspect: Aspect,
    impls: Sequence[pluggy.HookImpl],
    refs: Mapping[str, PluginRef],
    provider: PluginRef,
    pilot: Pilot,
) -> list[PluginFailure]:
    refused = []
    for impl in impls:
        if impl.wrapper or impl.hookwrapper or impl.plugin_name == provider.name:
            continue
        ref = refs[impl.plugin_name]
        try:
            answer = guarded(ref, _hook_name(impl), functools.partial(_call, impl, pilot))
        except FailedError as failed:
            refused.append(failed.failure)
            continue
        if answer is not None:
            refused.append(
                PluginFailure(
                    ref,
                    _hook_name(impl),
                    f"answered for pilot {pilot.naam!r}, which plugin {provider} provides; "
                    "the answer is refused: a policy changes another plugin's answer with "
                    "@hookimpl(wrapper=True)",
                    pilot.naam,
                )
            )
    return refused
