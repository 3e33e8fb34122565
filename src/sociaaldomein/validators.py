"""Validators and converters for attrs classes that name the field in their error.

The core's own classes use these, and a plugin's classes can too, so that a bad
value in a municipality's pilot is reported exactly like one in the core:
``InvalidValueError("Class.field: problem")``.  attrs gives a validator the
instance and the attribute, so the message can say
``Professional.fte: must be at least 0, got -1`` instead of a bare ``ValueError``.

>>> import attrs
>>> @attrs.frozen
... class Inzet:
...     uren: int = attrs.field(validator=[one_of_type(int), between(0, 40)])
>>> Inzet(50)
Traceback (most recent call last):
    ...
sociaaldomein.errors.InvalidValueError: Inzet.uren: must be between 0 and 40, got 50

The attrs mypy plugin accepts only named functions as converters, so wrap
:func:`coerce_enum` and :func:`coerce_enum_set` in a named function of your own
(see :mod:`sociaaldomein.domain.gezin` for examples).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar, cast

import attrs
import pendulum

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _

__all__ = [
    "Validator",
    "as_date",
    "as_decimal",
    "as_optional_date",
    "as_tuple",
    "at_least",
    "between",
    "coerce_enum",
    "coerce_enum_set",
    "field_name",
    "is_date",
    "is_decimal",
    "is_enum",
    "is_enum_set",
    "is_optional_date",
    "non_empty",
    "one_of_type",
]

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""What the validators here return: attrs calls it with the instance, the attribute, the value."""


def field_name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``"Class.field"`` for an error message."""
    return f"{type(instance).__name__}.{attribute.name}"


def as_date(value: datetime.date) -> pendulum.Date:
    """Converter: a ``datetime.date`` becomes a ``pendulum.Date``.

    Anything else passes through unchanged so that :func:`is_date`, which knows
    the field's name, can reject it with a clear message.
    """
    raw: object = value
    if isinstance(raw, datetime.datetime):
        return cast("pendulum.Date", raw)  # refused by is_date, which knows the field
    if isinstance(raw, pendulum.Date):
        return raw
    if isinstance(raw, datetime.date):
        return pendulum.Date(raw.year, raw.month, raw.day)
    return cast("pendulum.Date", raw)


def as_optional_date(value: datetime.date | None) -> pendulum.Date | None:
    """Converter: like :func:`as_date`, but ``None`` stays ``None``."""
    return None if value is None else as_date(value)


def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: the value is a calendar date (not a datetime, not a string)."""
    if isinstance(value, datetime.datetime) or not isinstance(value, pendulum.Date):
        raise InvalidValueError(
            field_name(instance, attribute),
            _("must be a date such as pendulum.date(2021, 10, 1), got {value}", value=repr(value)),
        )


def is_optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None`` or a calendar date."""
    if value is not None:
        is_date(instance, attribute, value)


def as_decimal(value: Decimal | int | str) -> Decimal:
    """Converter: ints and numeric strings become ``Decimal``; floats pass to the validator."""
    if isinstance(value, bool):
        return cast("Decimal", value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except ArithmeticError:
            return cast("Decimal", value)
    return value


def is_decimal(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a finite ``Decimal`` (a float is refused: it is not exact)."""
    name = field_name(instance, attribute)
    if isinstance(value, float):
        raise InvalidValueError(
            name, _("a float is not exact; pass Decimal({text})", text=repr(str(value)))
        )
    if not isinstance(value, Decimal) or not value.is_finite():
        raise InvalidValueError(
            name, _("must be a finite decimal number, got {value}", value=repr(value))
        )


def at_least(minimum: int | Decimal) -> Validator:
    """Validator: the value is at least ``minimum``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value < minimum:
            raise InvalidValueError(
                field_name(instance, attribute),
                _(
                    "must be at least {minimum}, got {value}",
                    minimum=str(minimum),
                    value=str(value),
                ),
            )

    return check


def between(low: int | Decimal, high: int | Decimal) -> Validator:
    """Validator: ``low <= value <= high``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not low <= value <= high:
            raise InvalidValueError(
                field_name(instance, attribute),
                _(
                    "must be between {low} and {high}, got {value}",
                    low=str(low),
                    high=str(high),
                    value=str(value),
                ),
            )

    return check


def one_of_type(*types: type) -> Validator:
    """Validator: an instance of one of ``types`` (``bool`` never counts as ``int``)."""
    names = " or ".join(t.__name__ for t in types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (isinstance(value, bool) and bool not in types) or not isinstance(value, types):
            raise InvalidValueError(
                field_name(instance, attribute),
                _(
                    "must be {types}, got {type} {value}",
                    types=names,
                    type=type(value).__name__,
                    value=repr(value),
                ),
            )

    return check


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Validator: a non-empty string or collection."""
    if isinstance(value, str):
        value = value.strip()
    if not value:
        raise InvalidValueError(field_name(instance, attribute), _("must not be empty"))


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """Converter: any iterable becomes a tuple, so frozen classes stay immutable."""
    return tuple(value)


def coerce_enum_set(enum_type: type[E], values: Iterable[E | str]) -> frozenset[E]:
    """Members or member names become a frozenset of ``enum_type``.

    For use inside a module's named converter (the attrs mypy plugin accepts only
    named functions as converters).  An unknown name is kept as the string, for
    :func:`is_enum_set` to reject by field name.
    """
    if isinstance(values, str):
        values = [values]
    out: set[Any] = set()
    for v in values:
        if isinstance(v, str) and not isinstance(v, enum.Enum) and v in enum_type.__members__:
            out.add(enum_type[v])
        else:
            out.add(v)
    return frozenset(out)


def is_enum_set(enum_type: type[enum.Enum]) -> Validator:
    """Validator: every member is an ``enum_type``; the message lists the allowed names."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Iterable[Any]) -> None:
        for v in value:
            if not isinstance(v, enum_type):
                allowed = ", ".join(enum_type.__members__)
                raise InvalidValueError(
                    field_name(instance, attribute),
                    _(
                        "unknown {kind} {value}; allowed: {allowed}",
                        kind=enum_type.__name__,
                        value=repr(v),
                        allowed=allowed,
                    ),
                )

    return check


def is_enum(enum_type: type[enum.Enum]) -> Validator:
    """Validator: a member of ``enum_type``; the message lists the allowed names."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, enum_type):
            allowed = ", ".join(enum_type.__members__)
            raise InvalidValueError(
                field_name(instance, attribute),
                _(
                    "unknown {kind} {value}; allowed: {allowed}",
                    kind=enum_type.__name__,
                    value=repr(value),
                    allowed=allowed,
                ),
            )

    return check


def coerce_enum(enum_type: type[E], value: E | str) -> E:
    """A member name becomes the member; anything else passes through to the validator."""
    raw: object = value
    if isinstance(raw, str) and not isinstance(raw, enum.Enum) and raw in enum_type.__members__:
        return enum_type[raw]
    return cast("E", raw)
