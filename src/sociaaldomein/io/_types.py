"""Predicates on type annotations, shared by the converters and the schema generator."""

from __future__ import annotations

import collections.abc
import enum
import types
import typing
from typing import Final, get_args, get_origin

from sociaaldomein.domain.vocabulary import Term

__all__ = [
    "is_enum",
    "is_fixed_tuple",
    "is_mapping",
    "is_set",
    "is_var_tuple",
    "member_or_term_of",
    "optional_of",
]

_NONE_TYPE: Final = type(None)


def optional_of(t: object) -> object | None:
    """``X`` for ``X | None``, else ``None``."""
    if get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in get_args(t) if a is not _NONE_TYPE]
        if len(args) == 1 and len(get_args(t)) == 2:
            inner: object = args[0]
            return inner
    return None


def is_var_tuple(t: object) -> bool:
    """``tuple[X, ...]``."""
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def is_fixed_tuple(t: object) -> bool:
    """``tuple[A, B]``."""
    args = get_args(t)
    return get_origin(t) is tuple and bool(args) and Ellipsis not in args


def is_set(t: object) -> bool:
    """``frozenset[X]`` (or ``set[X]``, ``Set[X]``)."""
    return get_origin(t) in (frozenset, set, collections.abc.Set)


def is_mapping(t: object) -> bool:
    """``dict[K, V]`` or ``Mapping[K, V]``."""
    return get_origin(t) in (dict, collections.abc.Mapping)


def is_enum(t: object) -> bool:
    """An enumeration class."""
    return isinstance(t, type) and issubclass(t, enum.Enum)


def member_or_term_of(t: object) -> type[enum.Enum] | None:
    """``E`` for ``E | Term`` (a core member or a declared term, such as ``Rol | Term``)."""
    if get_origin(t) not in (typing.Union, types.UnionType):
        return None
    args = get_args(t)
    if len(args) != 2 or Term not in args:
        return None
    (other,) = (a for a in args if a is not Term)
    if isinstance(other, type) and issubclass(other, enum.Enum):
        return other
    return None
