"""The folded state as JSON and back, for the register's snapshot.

A snapshot holds every pilot's :class:`~.state.PilotState` after one event
of the log, with that event's hash; a new process loads it and folds only the
events after it.  It is derived data: the register checks that the event it
names is in the log with that hash (else it folds from the start), deletes it
when personal data are erased, and a test checks that loading a snapshot and
folding the rest gives the state of a full replay.

The encoding follows the types the state's classes declare: dates as ISO
text, money and decimals as text, enumerations by name, attrs classes as
objects, tuples and lists as lists; nothing in it is code.

>>> from sociaaldomein.register.state import PilotState
>>> state = PilotState("toy", seq=3, counts={"plaatsing": 3})
>>> decode_states(encode_states({"toy": state})) == {"toy": state}
True
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from sociaaldomein import __version__
from sociaaldomein.domain.money import Money
from sociaaldomein.register.state import PilotState

__all__ = ["SnapshotError", "decode_states", "encode_states", "fingerprint"]

Convert = Callable[[Any], Any]


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    if isinstance(value, Money):
        return value.plain()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.name
    if attrs.has(type(value)):
        return {a.name: _encode(getattr(value, a.name)) for a in attrs.fields(type(value))}
    if isinstance(value, dict):
        return [[_encode(k), _encode(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot put {type(value).__name__} in a snapshot")


@functools.cache
def fingerprint() -> str:
    """What a snapshot was folded by: this library's version and the shape of the state.

    A snapshot made by another version (whose fold may differ) or for another
    shape of the state is not used; the register folds the log again.
    """
    shapes: list[str] = []
    seen: set[type] = set()
    pending: list[type] = [PilotState]
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        shapes.append(f"{cls.__qualname__}({', '.join(f'{k}: {v}' for k, v in hints.items())})")
        for tp in hints.values():
            pending += [p for p in (tp, *_parts(tp)) if isinstance(p, type) and attrs.has(p)]
    digest = hashlib.sha256("\n".join(sorted(shapes)).encode()).hexdigest()[:16]
    return f"{__version__}/{digest}"


def _parts(tp: Any) -> list[Any]:
    out: list[Any] = []
    for arg in typing.get_args(tp):
        out += [arg, *_parts(arg)]
    return out


def encode_states(states: Mapping[str, PilotState]) -> str:
    """Every pilot's state as one JSON text, marked with :func:`fingerprint`."""
    data = {name: _encode(state) for name, state in states.items()}
    return json.dumps({"fingerprint": fingerprint(), "states": data})


def _same(value: Any) -> Any:
    return value


@functools.cache
def _attrs_decoder(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    fields = [(a.name, _decoder(hints[a.name])) for a in attrs.fields(cls)]

    new, put = object.__new__, object.__setattr__

    def decode(data: dict[str, Any]) -> Any:
        # Typed by the same hints the fields declare; verify checks the snapshot against the log.
        made: Any = new(cls)
        for name, convert in fields:
            put(made, name, convert(data[name]))
        return made

    return decode


def _decoder(tp: Any) -> Convert:
    if tp in (str, int, bool):
        return _same
    if tp is pendulum.Date:
        return pendulum.Date.fromisoformat
    if tp is Money:
        return Money
    if tp is Decimal:
        return Decimal
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp.__members__.__getitem__
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_decoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        convert = _decoder(inner)
        return lambda value: None if value is None else convert(value)
    if origin is dict:
        key, item = _decoder(args[0]), _decoder(args[1])
        return lambda value: {key(k): item(v) for k, v in value}
    if origin is list:
        item = _decoder(args[0])
        return lambda value: [item(v) for v in value]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in value)
    if origin is tuple:
        parts = [_decoder(a) for a in args]
        if len(parts) == 2:  # the common pairs, without a generator per value
            first, second = parts
            return lambda value: (first(value[0]), second(value[1]))
        if len(parts) == 3:
            a, b, c = parts
            return lambda value: (a(value[0]), b(value[1]), c(value[2]))
        if len(parts) == 4:
            a, b, c, d = parts
            return lambda value: (a(value[0]), b(value[1]), c(value[2]), d(value[3]))
        return lambda value: tuple(p(v) for p, v in zip(parts, value, strict=True))
    raise TypeError(f"no snapshot reader for {tp!r}")


class SnapshotError(ValueError):
    """A snapshot this library cannot use; the register folds the log instead."""


def decode_states(text: str) -> dict[str, PilotState]:
    """The states :func:`encode_states` wrote; :class:`SnapshotError` for any other text."""
    try:
        data = json.loads(text)
        if data.get("fingerprint") != fingerprint():
            raise SnapshotError(f"made by {data.get('fingerprint')!r}, not {fingerprint()!r}")
        decode = _attrs_decoder(PilotState)
        return {name: decode(state) for name, state in data["states"].items()}
    except SnapshotError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(f"not a snapshot of this library: {exc}") from None
