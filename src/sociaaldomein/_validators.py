"""The core's import path for :mod:`sociaaldomein.validators`, which is public.

The core's modules import the validators from here; plugins and municipalities
import them from :mod:`sociaaldomein.validators`.
"""

from __future__ import annotations

from sociaaldomein.validators import (
    Validator,
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
