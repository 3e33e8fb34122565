"""Events to stored JSON and back, and the hashes of the chain.

An event is turned into plain data by the library's cattrs converter
(:data:`sociaaldomein.io.converters.json_converter`: dates as ISO text, money as
text, enumerations by name) and split into the part the chain holds and the
personal part (:attr:`~.events.Event.PERSONAL`).  The *canonical form* of a
value is its JSON with sorted keys, no spaces, UTF-8: the same value always
gives the same bytes, on every engine and every platform.

Each row's hash is ``sha256(previous hash + "\\n" + canonical(envelope))``,
the envelope holding everything stored about the event except the personal
part, which it holds as ``sha256(nonce + canonical(personal))``: a random
nonce, so that the digest of a short key cannot be found by trying keys.

>>> chain_hash(GENESIS, {"seq": 1})[:12]
'a453da815121'
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs
import pendulum

from sociaaldomein.domain.money import Money
from sociaaldomein.io.converters import json_converter, structure
from sociaaldomein.register.events import EVENT_KINDS, Actor, Event, Rol

__all__ = [
    "GENESIS",
    "canonical",
    "chain_hash",
    "join",
    "personal_digest",
    "read",
    "split",
]

GENESIS: Final = "0" * 64
"""The previous hash of the first event."""


def canonical(value: object) -> bytes:
    """The canonical JSON bytes of ``value``."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def chain_hash(previous: str, envelope: dict[str, Any]) -> str:
    """The hash of an event whose envelope is ``envelope`` after the event hashed ``previous``."""
    return hashlib.sha256(previous.encode() + b"\n" + canonical(envelope)).hexdigest()


def personal_digest(nonce: str, personal: dict[str, Any]) -> str:
    """The digest the chain keeps of an event's personal data."""
    return hashlib.sha256(nonce.encode() + b"\n" + canonical(personal)).hexdigest()


def split(event: Event) -> tuple[dict[str, Any], dict[str, Any]]:
    """The event as plain data: the part the chain holds, and the personal part."""
    data: dict[str, Any] = json_converter.unstructure(event)
    personal = {name: data.pop(name) for name in event.PERSONAL}
    return data, personal


def join(kind: str, payload: dict[str, Any], personal: dict[str, Any] | None) -> Event:
    """The event of ``kind`` from its stored parts; without ``personal`` it reads as erased.

    Every personal field has a default (no family, no text), which an erased
    event takes.
    """
    cls = EVENT_KINDS[kind]
    data = payload if personal is None else {**payload, **personal}
    return structure(data, cls, field=kind)


# Reading back what the register wrote --------------------------------------------
#
# ``join`` structures through cattrs, validating every field, as for data from a
# file.  What the register reads back it wrote itself, checked, and ``verify``
# finds any change made to it since; folding 100,000 events through cattrs would
# cost seconds, so :func:`read` builds the same values directly from the types the
# classes declare, without running their validators again.

Decode = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


@functools.cache
def _actor(identifier: str, rol: str) -> Actor:
    return Actor(identifier, Rol[rol])


def _decode_actor(value: Any) -> Actor:
    return _actor(value["id"], value["rol"])


def _decoder(tp: Any) -> Decode:
    if tp in (str, int, bool):
        return _same
    if tp is pendulum.Date:
        return pendulum.Date.fromisoformat
    if tp in (Money, Decimal):
        return tp  # type: ignore[no-any-return]
    if tp is Actor:
        return _decode_actor
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        members = tp.__members__
        return members.__getitem__
    origin = typing.get_origin(tp)
    if origin is tuple:
        return tuple
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        decode = _decoder(inner)
        return lambda value: None if value is None else decode(value)
    raise TypeError(f"no reader for {tp!r}")


@functools.cache
def _reader(kind: str) -> Callable[[dict[str, Any]], Event]:
    cls = EVENT_KINDS[kind]
    hints = typing.get_type_hints(cls)
    fields = [(a.name, _decoder(hints[a.name]), a.default) for a in attrs.fields(cls)]
    new, put = object.__new__, object.__setattr__

    def build(data: dict[str, Any]) -> Event:
        event: Event = new(cls)
        for name, decode, default in fields:
            if name in data:
                put(event, name, decode(data[name]))
            else:
                put(event, name, default)  # an erased personal field: its blank default
        return event

    return build


def read(kind: str, payload: dict[str, Any], personal: dict[str, Any] | None) -> Event:
    """The event the register stored as ``payload`` and ``personal`` (``None``: erased)."""
    return _reader(kind)(payload if personal is None else {**payload, **personal})
