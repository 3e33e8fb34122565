"""The typed facade over the hooks: the only code that touches ``pm.hook``.

pluggy types every hook result as ``Any``; this module gives each hook one
method with real types, checks what plugins return, and turns an exception
inside a plugin into a :class:`~sociaaldomein.errors.PluginError` that names
the plugin and the hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any, TypeVar

import pluggy

from sociaaldomein.domain.beeindiging import PilotEindregel, TrajectEindregel
from sociaaldomein.domain.budget import Budgetregel
from sociaaldomein.domain.escalatie import Escalatieladder
from sociaaldomein.domain.evaluatie import Evaluatieplan
from sociaaldomein.domain.kosten import Kostenmodel
from sociaaldomein.domain.mandaat import Mandaat
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.rules import Rule
from sociaaldomein.domain.verdict import Route
from sociaaldomein.errors import CompositionError, PluginError

__all__ = ["HookRelay"]

T = TypeVar("T")


class HookRelay:
    """One method per hook of :mod:`sociaaldomein.hookspecs`."""

    def __init__(self, pm: pluggy.PluginManager) -> None:
        self._pm = pm

    def pilots(self) -> list[Pilot]:
        """Every registered plugin's pilots, in registration order."""
        out: list[Pilot] = []
        # pluggy calls the last registered plugin first; reverse for registration order.
        for answer in reversed(self._call("sociaaldomein_pilots")):
            out += self._items(answer, Pilot, "sociaaldomein_pilots", None)
        return out

    def eligibility(self, pilot: Pilot) -> Rule | None:
        """The eligibility rule of ``pilot``."""
        answer = self._call("sociaaldomein_eligibility", pilot=pilot)
        return self._one(answer, Rule, pilot)  # type: ignore[type-abstract]

    def routes(self, pilot: Pilot) -> tuple[Route, ...] | None:
        """The routes of ``pilot``, in order."""
        answer = self._call("sociaaldomein_routes", pilot=pilot)
        if answer is None:
            return None
        return tuple(self._items(answer, Route, "sociaaldomein_routes", pilot))

    def funding(self, pilot: Pilot) -> list[Budgetregel]:
        """Every plugin's budget lines for ``pilot``."""
        return self._collect("sociaaldomein_funding", Budgetregel, pilot)

    def cost_model(self, pilot: Pilot) -> Kostenmodel | None:
        """The cost model of ``pilot``."""
        answer = self._call("sociaaldomein_cost_model", pilot=pilot)
        return self._one(answer, Kostenmodel, pilot)

    def pilot_termination(self, pilot: Pilot) -> list[PilotEindregel]:
        """Every plugin's termination rules for ``pilot``."""
        hook = "sociaaldomein_pilot_termination"
        return self._collect(hook, PilotEindregel, pilot)  # type: ignore[type-abstract]

    def trajectory_termination(self, pilot: Pilot) -> list[TrajectEindregel]:
        """Every plugin's trajectory termination rules for ``pilot``."""
        hook = "sociaaldomein_trajectory_termination"
        return self._collect(hook, TrajectEindregel, pilot)  # type: ignore[type-abstract]

    def mandaat(self, pilot: Pilot) -> Mandaat | None:
        """The functional mandate of ``pilot``."""
        return self._one(self._call("sociaaldomein_mandaat", pilot=pilot), Mandaat, pilot)

    def escalation(self, pilot: Pilot) -> Escalatieladder | None:
        """The escalation ladder of ``pilot``."""
        answer = self._call("sociaaldomein_escalation", pilot=pilot)
        return self._one(answer, Escalatieladder, pilot)

    def evaluation_plan(self, pilot: Pilot) -> Evaluatieplan | None:
        """The evaluation plan of ``pilot``."""
        answer = self._call("sociaaldomein_evaluation_plan", pilot=pilot)
        return self._one(answer, Evaluatieplan, pilot)

    # plumbing -------------------------------------------------------------

    def _call(self, name: str, **kwargs: Any) -> Any:
        hook = getattr(self._pm.hook, name)
        try:
            return hook(**kwargs)
        except Exception as exc:
            raise PluginError(self._culprit(hook, exc.__traceback__), name, exc) from exc

    def _culprit(self, hook: pluggy.HookCaller, tb: TracebackType | None) -> str:
        # The innermost frame that belongs to a hook implementation is the
        # plugin that raised; outer ones are wrappers the exception passed
        # through.  Plugins sharing a base class share its code objects, so
        # those are told apart by the frame's `self`.
        owners: dict[object, list[tuple[object, str]]] = {}
        for impl in hook.get_hookimpls():
            function = getattr(impl.function, "__func__", impl.function)
            code = getattr(function, "__code__", None)
            owners.setdefault(code, []).append((impl.plugin, impl.plugin_name))
        culprit = "unknown plugin"
        while tb is not None:
            candidates = owners.get(tb.tb_frame.f_code, [])
            if len(candidates) == 1:
                culprit = candidates[0][1]
            elif candidates:
                this = tb.tb_frame.f_locals.get("self")
                culprit = next((name for obj, name in candidates if obj is this), culprit)
            tb = tb.tb_next
        return culprit

    def _collect(self, name: str, kind: type[T], pilot: Pilot) -> list[T]:
        out: list[T] = []
        for answer in self._call(name, pilot=pilot):
            if answer is not None:
                out += self._items(answer, kind, name, pilot)
        return out

    @staticmethod
    def _one(answer: object, kind: type[T], pilot: Pilot) -> T | None:
        if answer is None or isinstance(answer, kind):
            return answer
        raise CompositionError(
            f"a plugin answered {type(answer).__name__} for pilot {pilot.naam!r}, "
            f"where a {kind.__name__} or None was expected"
        )

    @staticmethod
    def _items(answer: object, kind: type[T], hook: str, pilot: Pilot | None) -> list[T]:
        about = f" for pilot {pilot.naam!r}" if pilot is not None else ""
        if not isinstance(answer, Iterable) or isinstance(answer, (str, bytes)):
            raise CompositionError(f"{hook}{about} must return a list, got {answer!r}")
        items: Sequence[object] = list(answer)
        wrong = [i for i in items if not isinstance(i, kind)]
        if wrong:
            raise CompositionError(
                f"{hook}{about} must return {kind.__name__} values, got {wrong[0]!r}"
            )
        return [i for i in items if isinstance(i, kind)]
