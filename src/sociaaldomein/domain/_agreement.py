"""Converters and validators shared by the mandate, escalation and termination modules."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from sociaaldomein._validators import (
    Validator,
    as_date,
    field_name,
    one_of_type,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

_bron = one_of_type(Citation, type(None))
_flag = one_of_type(bool)


def _norm(name: str) -> str:
    # Letters and plugins spell the same institution with varying case and spacing.
    return " ".join(name.split()).casefold()


def _cite(bron: Citation | None) -> str:
    return f" ({bron})" if bron is not None else ""


def _as_strs(value: Iterable[str]) -> tuple[str, ...]:
    # A lone string would otherwise become a tuple of its characters.
    return (value,) if isinstance(value, str) else tuple(value)


def _as_history(
    value: Iterable[tuple[datetime.date, int]],
) -> tuple[tuple[pendulum.Date, int], ...]:
    return tuple((as_date(day), niveau) for day, niveau in value)


def _as_duration(value: datetime.timedelta | None) -> pendulum.Duration | None:
    if isinstance(value, datetime.timedelta) and not isinstance(value, pendulum.Duration):
        return pendulum.duration(days=value.days, seconds=value.seconds)
    return value


def _names(*, allow_empty: bool = False) -> Validator:
    """Validator: a tuple of distinct (case- and space-insensitive), non-empty strings."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        name = field_name(instance, attribute)
        if not value and not allow_empty:
            raise InvalidValueError(name, "must list at least one")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise InvalidValueError(name, f"every entry must be non-empty text, got {item!r}")
            if _norm(item) in seen:
                raise InvalidValueError(name, f"{item!r} is listed twice")
            seen.add(_norm(item))

    return check


def _all_of(kind: type) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            if not isinstance(item, kind):
                raise InvalidValueError(
                    field_name(instance, attribute),
                    f"every entry must be a {kind.__name__}, got {type(item).__name__} {item!r}",
                )

    return check


def _is_termijn(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    name = field_name(instance, attribute)
    if not isinstance(value, pendulum.Duration):
        raise InvalidValueError(name, f"must be a pendulum.Duration or None, got {value!r}")
    # A deadline is a calendar date, so parts of a day would be silently lost.
    if value < pendulum.duration() or value.seconds or value.microseconds:
        raise InvalidValueError(name, f"must be zero or more whole days, got {value!r}")
