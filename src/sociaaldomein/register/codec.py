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

import hashlib
import json
from typing import Any, Final

from sociaaldomein.io.converters import json_converter, structure
from sociaaldomein.register.events import EVENT_KINDS, Event

__all__ = [
    "GENESIS",
    "canonical",
    "chain_hash",
    "join",
    "personal_digest",
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
