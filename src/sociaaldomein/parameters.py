"""What a plugin declares about its parameters, so that a file is checked before anything is built.

A scenario file gives a plugin's parameters as data; ``sociaaldomein validate``
checks them against the plugin's signature without building the plugin. A
parameter's annotation says its type, and with :data:`typing.Annotated` also
its limits, so that ``validate`` refuses exactly what the plugin would refuse:

>>> from typing import Annotated
>>> class Voorbeeld:
...     def __init__(self, *, capacity: Annotated[int, Between(1, 500)] = 10) -> None: ...
>>> problems(Voorbeeld, {"capacity": 0})
[('capacity', 'must be from 1 to 500, got 0')]
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

import attrs

__all__ = ["Between", "Constraint", "constraints", "problems"]


@runtime_checkable
class Constraint(Protocol):
    """A limit on a parameter's value: ``problem`` says what is wrong, or ``None``."""

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value``, or ``None`` when it fits."""


@attrs.frozen
class Between:
    """A number from ``low`` to ``high`` (either may be ``None``: no limit on that side)."""

    low: int | Decimal | None = None
    high: int | Decimal | None = None

    def problem(self, value: object) -> str | None:
        """Out of range, said in plain words; values of another type are left to the type check."""
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            return None
        low, high = self.low, self.high
        if (low is not None and value < low) or (high is not None and value > high):
            if low is not None and high is not None:
                return f"must be from {low} to {high}, got {value}"
            if low is not None:
                return f"must be at least {low}, got {value}"
            return f"must be at most {high}, got {value}"
        return None


def constraints(hint: Any) -> tuple[Any, tuple[Constraint, ...]]:
    """The type of an annotation without its ``Annotated`` extras, and its constraints."""
    if typing.get_origin(hint) is typing.Annotated:
        base, *extras = typing.get_args(hint)
        return base, tuple(e for e in extras if isinstance(e, Constraint))
    return hint, ()


def problems(factory: Callable[..., object], values: Mapping[str, object]) -> list[tuple[str, str]]:
    """``(parameter, problem)`` for each value of ``values`` a constraint of ``factory`` refuses.

    Only the declared constraints are checked (not the types, nor what the
    plugin checks in its own code); ``factory`` is not called.
    """
    target = factory.__init__ if inspect.isclass(factory) else factory
    try:
        hints = typing.get_type_hints(target, include_extras=True)
    except Exception:  # hints that do not resolve at run time declare nothing here
        return []
    found = []
    for name, value in values.items():
        for constraint in constraints(hints.get(name))[1]:
            problem = constraint.problem(value)
            if problem is not None:
                found.append((name, problem))
    return found
