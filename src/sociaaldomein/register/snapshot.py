"""The folded state as JSON and back, for the register's snapshot.

A snapshot holds every pilot's :class:`~.state.PilotState` after one event
of the log, with that event's hash; a new process loads it and folds only the
events after it.  It is derived data: the register checks that the event it
names is in the log with that hash (else it folds from the start), deletes it
when personal data are erased, and a test checks that loading a snapshot and
folding the rest gives the state of a full replay.

The encoding follows the types the state's classes declare: dates as ISO
text, money and decimals as text, enumerations by name, tuples and lists as
lists; nothing in it is code.  It is compact, because a new process pays for
every object it decodes: an attrs class is the list of its fields' values in
the order the class declares them (the :func:`fingerprint` covers that order),
a dictionary is the list of its keys and the list of its values, and a date or
an amount that recurs is decoded once and shared (both are immutable).

>>> from sociaaldomein.register.state import PilotState
>>> state = PilotState("toy", seq=3, counts={"plaatsing": 3})
>>> decode_states(encode_states({"toy": state})) == {"toy": state}
True
"""

from __future__ import annotations

import enum
import functools
import gc
import hashlib
import json
import operator
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


def _same(value: Any) -> Any:
    return value


@functools.cache
def _attrs_encoder(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    names = _field_names(cls)
    converts = [_encoder(hints[name]) for name in names]
    get = operator.attrgetter(*names)
    if len(names) == 1:
        (only,) = converts
        return lambda value: [only(get(value))]
    return lambda value: [convert(v) for convert, v in zip(converts, get(value), strict=True)]


def _encoder(tp: Any) -> Convert:
    """How a value of type ``tp`` is written: the mirror of :func:`_decoder`."""
    if tp in (str, int, bool):
        return _same
    if tp is pendulum.Date:
        return pendulum.Date.isoformat
    if tp is Money:
        return Money.plain
    if tp is Decimal:
        return str
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return operator.attrgetter("name")
    if isinstance(tp, type) and attrs.has(tp):
        return _attrs_encoder(tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        convert = _encoder(inner)
        return lambda value: None if value is None else convert(value)
    if origin is dict:
        key, item = _encoder(args[0]), _encoder(args[1])
        return lambda value: [list(map(key, value)), list(map(item, value.values()))]
    if origin is list or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        item = _encoder(args[0])
        if item is _same:
            return list
        return lambda value: list(map(item, value))
    if origin is tuple:
        parts = [_encoder(a) for a in args]
        return lambda value: [p(v) for p, v in zip(parts, value, strict=True)]
    raise TypeError(f"cannot put {tp!r} in a snapshot")


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(a.name for a in attrs.fields(cls))


FORMAT = 2
"""The layout of the encoding (2: positional fields, keys and values apart)."""


class _Shared(dict[str, Any]):
    """Text to its decoded value, decoded once: the days and amounts a state repeats."""

    def __init__(self, decode: Convert) -> None:
        super().__init__()
        self._decode = decode

    def __missing__(self, text: str) -> Any:
        made = self[text] = self._decode(text)
        return made


_DATES = _Shared(pendulum.Date.fromisoformat)
_MONEY = _Shared(Money)


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
    return f"{__version__}/{FORMAT}/{digest}"


def _parts(tp: Any) -> list[Any]:
    out: list[Any] = []
    for arg in typing.get_args(tp):
        out += [arg, *_parts(arg)]
    return out


def encode_states(states: Mapping[str, PilotState]) -> str:
    """Every pilot's state as one JSON text, marked with :func:`fingerprint`."""
    encode = _attrs_encoder(PilotState)
    collecting = gc.isenabled()
    gc.disable()  # as in decode_states: many new lists, no cycles
    try:
        data = {name: encode(state) for name, state in states.items()}
    finally:
        if collecting:
            gc.enable()
    return json.dumps({"fingerprint": fingerprint(), "states": data}, separators=(",", ":"))


@functools.cache
def _attrs_decoder(cls: type) -> Convert:
    hints = typing.get_type_hints(cls)
    converts = [_decoder(hints[name]) for name in _field_names(cls)]
    plain = [i for i, convert in enumerate(converts) if convert is not _same]
    width = len(converts)

    # The state's classes have neither validators nor converters: their __init__
    # only assigns, so building through it is the fastest way and keeps them whole.
    def decode(data: list[Any]) -> Any:
        if len(data) != width:
            raise ValueError(f"{cls.__name__}: {len(data)} fields, not {width}")
        values = list(data)
        for i in plain:
            values[i] = converts[i](values[i])
        return cls(*values)

    return decode


def _decoder(tp: Any) -> Convert:
    if tp in (str, int, bool):
        return _same
    if tp is pendulum.Date:
        return _DATES.__getitem__
    if tp is Money:
        return _MONEY.__getitem__
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
        if key is _same:
            return lambda value: dict(zip(value[0], map(item, value[1]), strict=True))
        return lambda value: dict(zip(map(key, value[0]), map(item, value[1]), strict=True))
    if origin is list:
        item = _decoder(args[0])
        return lambda value: list(map(item, value))
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        if item is _same:
            return tuple
        return lambda value: tuple(map(item, value))
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
    # Tens of thousands of new objects, none of them in a cycle: the cyclic
    # collector would only walk them again and again while they are made.
    collecting = gc.isenabled()
    gc.disable()
    try:
        data = json.loads(text)
        if data.get("fingerprint") != fingerprint():
            raise SnapshotError(f"made by {data.get('fingerprint')!r}, not {fingerprint()!r}")
        decode = _attrs_decoder(PilotState)
        return {name: decode(state) for name, state in data["states"].items()}
    except SnapshotError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise SnapshotError(f"not a snapshot of this library: {exc}") from None
    finally:
        # The shared days and amounts serve one snapshot; the next starts afresh.
        _DATES.clear()
        _MONEY.clear()
        if collecting:
            gc.enable()
