"""Validators and converters for attrs classes that name the field in their error.

The core's own classes use these, and a plugin's classes can too, so that a bad
value in a municipality's pilot is reported exactly like one in the core:
``InvalidValueError("Class.field: problem")``.

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

from sociaaldomein._validators import (
    as_date,
    as_decimal,
    as_optional_date,
    as_tuple,
    at_least,
    between,
    coerce_enum,
    coerce_enum_set,
    field_name,
    is_date,
    is_decimal,
    is_enum,
    is_enum_set,
    is_optional_date,
    non_empty,
    one_of_type,
)

__all__ = [
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
