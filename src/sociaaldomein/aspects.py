"""The answers a pilot gives, derived from the hook specifications.

Each answer hook ``sociaaldomein_<name>`` of :mod:`sociaaldomein.hookspecs` is
one :class:`Aspect`: the pilot definition's method ``<name>()`` answers it, the
field ``<name>`` of :class:`~sociaaldomein.CompiledPilot` holds the answer, and
policies wrap the hook to change it.  The list is read from the specs, so a
new hook needs no second list anywhere else.

>>> [a.name for a in ASPECTS][:3]
['eligibility', 'routes', 'funding']
>>> ASPECTS_BY_NAME["funding"].many, ASPECTS_BY_NAME["mandate"].many
(True, False)
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any, Final

import attrs

from sociaaldomein import hookspecs

__all__ = ["ASPECTS", "ASPECTS_BY_NAME", "DEPRECATED_HOOKS", "Aspect"]

_PREFIX: Final = f"{hookspecs.PROJECT_NAME}_"

DEPRECATED_HOOKS: Final = {"sociaaldomein_mandaat": "sociaaldomein_mandate"}
"""0.1 hook names and the hook that replaced each."""

_NOT_ANSWERS: Final = frozenset({"sociaaldomein_pilots", "sociaaldomein_facts"})
"""The hooks that are asked once per plugin, not once per pilot: not answers."""


@attrs.frozen
class Aspect:
    """One answer of a pilot: its name, hook, the type of value and whether it is a list."""

    name: str
    hook: str
    kind: type
    many: bool
    required: bool

    @property
    def default(self) -> object:
        """The answer of a pilot that gives none: an empty list, or ``None``."""
        return () if self.many else None

    def check(self, answer: object) -> object:
        """``answer`` as compiled (a tuple for lists); ``TypeError`` when it does not fit."""
        if self.many:
            if answer is None and not self.required:
                return ()
            if not isinstance(answer, Sequence | typing.Iterator) or isinstance(
                answer, str | bytes
            ):
                raise TypeError(
                    f"returned {_kind(answer)} where a list of {self.kind.__name__} was expected"
                )
            items = tuple(answer)
            wrong = next((i for i in items if not isinstance(i, self.kind)), None)
            if wrong is not None:
                raise TypeError(
                    f"returned a list holding {_kind(wrong)} where {self.kind.__name__} "
                    "values were expected"
                )
            return items
        if answer is None and not self.required:
            return None
        if not isinstance(answer, self.kind):
            wanted = self.kind.__name__ + ("" if self.required else " or None")
            raise TypeError(f"returned {_kind(answer)} where a {wanted} was expected")
        return answer


def _kind(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _answer_type(annotation: Any) -> tuple[type, bool]:
    """``X | None`` -> (X, False); ``Sequence[X] | None`` -> (X, True)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if not (
        isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union
    ):
        args = [annotation]
    (inner,) = args
    if typing.get_origin(inner) is Sequence:
        (item,) = typing.get_args(inner)
        return item, True
    return inner, False


def _aspects() -> tuple[Aspect, ...]:
    out = []
    for hook, spec in vars(hookspecs).items():
        if not hook.startswith(_PREFIX) or hook in DEPRECATED_HOOKS:
            continue
        if hook in _NOT_ANSWERS:
            continue
        kind, many = _answer_type(typing.get_type_hints(spec)["return"])
        out.append(Aspect(hook.removeprefix(_PREFIX), hook, kind, many, hook in hookspecs.REQUIRED))
    return tuple(out)


ASPECTS: Final[tuple[Aspect, ...]] = _aspects()
"""Every answer of a pilot, in the order of :mod:`sociaaldomein.hookspecs`."""

ASPECTS_BY_NAME: Final[dict[str, Aspect]] = {a.name: a for a in ASPECTS}
"""The aspects by name (``"eligibility"``, ``"funding"``, ...)."""
