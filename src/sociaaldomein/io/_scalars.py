"""Converters for single values: text, whole numbers, decimals, money, dates, durations, enums.

Each ``structure_*`` function takes a value as a JSON or TOML parser gives it
(or as a caller passes it from Python) and returns the domain value, or raises
:class:`~sociaaldomein.io._paths.ConversionError` saying in plain words what is wrong.
They are strict on purpose: ``"5"`` is not a whole number, ``1`` is not
``true``, and a number with a decimal point is never money.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import pendulum

from sociaaldomein import i18n
from sociaaldomein.domain.money import Money
from sociaaldomein.io._paths import ConversionError, describe

__all__ = [
    "DATE_PATTERN",
    "DECIMAL_LIMIT",
    "DECIMAL_PATTERN",
    "DECIMAL_PLACES",
    "DURATION_PATTERN",
    "FIRST_DAY",
    "INT_LIMIT",
    "LAST_DAY",
    "MONEY_PATTERN",
    "FileNumber",
    "duration_text",
    "structure_bool",
    "structure_date",
    "structure_decimal",
    "structure_duration",
    "structure_enum",
    "structure_int",
    "structure_money",
    "structure_str",
    "unstructure_decimal",
    "unstructure_money",
]

INT_LIMIT: Final = 2**63
"""Whole numbers must lie strictly between ``-INT_LIMIT`` and ``INT_LIMIT`` (they fit 64 bits)."""

DECIMAL_LIMIT: Final = Decimal(10) ** 15
"""Amounts and decimals must lie strictly between ``-DECIMAL_LIMIT`` and ``DECIMAL_LIMIT``."""

DECIMAL_PLACES: Final = 12
"""Amounts and decimals have at most this many places after the point."""

FIRST_DAY: Final = datetime.date(1900, 1, 1)
LAST_DAY: Final = datetime.date(2199, 12, 31)
"""Dates lie from ``FIRST_DAY`` to ``LAST_DAY``, inclusive."""

MAX_DURATION_DAYS: Final = 200 * 365

DECIMAL_PATTERN: Final = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?$"
MONEY_PATTERN: Final = r"^-?[0-9]+(?:\.[0-9]+)?$"
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DURATION_PATTERN: Final = (
    r"^P(?:([0-9]{1,6})Y)?(?:([0-9]{1,6})M)?(?:([0-9]{1,6})W)?(?:([0-9]{1,6})D)?"
    r"(?:T(?:([0-9]{1,6})H)?(?:([0-9]{1,6})M)?(?:([0-9]{1,6})S)?)?$"
)
"""The notations of decimals, money, dates and durations, as regular expressions."""

_DECIMAL_TEXT = re.compile(DECIMAL_PATTERN)
_MONEY_TEXT = re.compile(MONEY_PATTERN)
_DATE_TEXT = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_DURATION_TEXT = re.compile(DURATION_PATTERN)
_PLACES = Decimal(1).scaleb(-DECIMAL_PLACES)


class FileNumber(Decimal):
    """A number with a decimal point or an exponent, exactly as a file wrote it.

    The JSON and TOML readers of this package give these instead of ``float``,
    so nothing is lost to binary rounding, and money can refuse them.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"FileNumber({str(self)!r})"


def structure_str(value: object, _: object = None) -> str:
    """Text, and only text."""
    if isinstance(value, str):
        return value
    raise ConversionError(i18n._("must be text, got {value}", value=describe(value)))


def structure_bool(value: object, _: object = None) -> bool:
    """``true`` or ``false``, and nothing that merely looks like one."""
    if isinstance(value, bool):
        return value
    raise ConversionError(i18n._("must be true or false, got {value}", value=describe(value)))


def structure_int(value: object, _: object = None) -> int:
    """A whole number below :data:`INT_LIMIT` in size."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConversionError(i18n._("must be a whole number, got {value}", value=describe(value)))
    if abs(value) >= INT_LIMIT:
        raise ConversionError(
            i18n._(
                "is too large: a whole number lies between -{limit} and {limit}, got {value}",
                limit=INT_LIMIT - 1,
                value=describe(value),
            )
        )
    return value


def _check_decimal(value: Decimal, original: object) -> Decimal:
    if not value.is_finite():
        raise ConversionError(
            i18n._("must be a finite number, got {value}", value=describe(original))
        )
    if abs(value) >= DECIMAL_LIMIT:
        raise ConversionError(
            i18n._(
                "is too large: at most 15 digits before the point, got {value}",
                value=describe(original),
            )
        )
    if value != value.quantize(_PLACES):
        raise ConversionError(
            f"has too many decimal places: at most {DECIMAL_PLACES}, got {describe(original)}"
        )
    return value


def structure_decimal(value: object, _: object = None) -> Decimal:
    """A decimal number: text such as ``"0.5"``, a whole number, or an exact number from a file.

    A Python ``float`` is refused: it is not exact.
    """
    if isinstance(value, float):
        raise ConversionError(
            f'a float is not exact; write the number as text, such as "{value!r}"'
        )
    if isinstance(value, bool):
        raise ConversionError(i18n._("must be a number, got {value}", value=describe(value)))
    if isinstance(value, int):
        return _check_decimal(Decimal(structure_int(value)), value)
    if isinstance(value, Decimal):
        return _check_decimal(Decimal(value), value)
    if isinstance(value, str) and _DECIMAL_TEXT.fullmatch(value):
        return _check_decimal(Decimal(value), value)
    raise ConversionError(f'must be a number written as text, such as "0.5", got {describe(value)}')


def structure_money(value: object, _: object = None) -> Money:
    """An amount in euros: text such as ``"42000.50"`` or a whole number.

    A number with a decimal point (``42000.50`` without quotes) is refused:
    JSON and TOML read it as a float, which is not exact money.
    """
    if isinstance(value, Money):
        return value
    if isinstance(value, (float, FileNumber)):
        raise ConversionError(
            f'money is written as text, such as "{value}": a number with a decimal point '
            "is a float, which is not exact"
        )
    if isinstance(value, bool):
        raise ConversionError(
            f'must be an amount written as text, such as "42000.50", got {describe(value)}'
        )
    if isinstance(value, int):
        return Money(_check_decimal(Decimal(structure_int(value)), value))
    # Files may hold fractions of a cent (a price per hour, up to DECIMAL_PLACES places);
    # a field that must be whole cents says so in its own validator.
    if isinstance(value, Decimal):
        return Money(_check_decimal(value, value), exact=True)
    if isinstance(value, str) and _MONEY_TEXT.fullmatch(value):
        return Money(_check_decimal(Decimal(value), value), exact=True)
    raise ConversionError(
        f'must be an amount written as text, such as "42000.50", got {describe(value)}'
    )


def unstructure_money(value: Money) -> str:
    """``"336000.00"``: exact, with at least two decimal places, never rounded."""
    amount = value.amount
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        amount = amount.quantize(Decimal("0.01"))
    return f"{amount:f}"


def unstructure_decimal(value: Decimal) -> str:
    """The decimal as plain text (``"0.5"``), never in exponent notation."""
    return f"{value:f}"


def structure_date(value: object, _: object = None) -> pendulum.Date:
    """A calendar date: ``"2021-10-01"`` (or a TOML date), from 1900 to 2199."""
    if isinstance(value, datetime.datetime):
        raise ConversionError(
            i18n._("must be a date without a time of day, got {value}", value=value.isoformat())
        )
    if isinstance(value, datetime.date):
        day = value
    elif isinstance(value, str):
        match = _DATE_TEXT.fullmatch(value)
        if match is None:
            raise ConversionError(
                i18n._("must be a date written as YYYY-MM-DD, got {value}", value=describe(value))
            )
        try:
            day = datetime.date(*(int(part) for part in match.groups()))
        except ValueError as exc:
            raise ConversionError(
                i18n._(
                    "{value} is not a date in the calendar ({problem})",
                    value=repr(value),
                    problem=str(exc),
                )
            ) from None
    else:
        raise ConversionError(
            i18n._("must be a date written as YYYY-MM-DD, got {value}", value=describe(value))
        )
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ConversionError(
            f"must lie between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}, "
            f"got {day.isoformat()}"
        )
    return pendulum.Date(day.year, day.month, day.day)


def structure_duration(value: object, _: object = None) -> pendulum.Duration:
    """An ISO 8601 duration (``"P14D"``, ``"P2W"``, ``"P3M"``, ``"P1Y"``) or a number of days."""
    if isinstance(value, pendulum.Duration):
        return value
    if isinstance(value, datetime.timedelta):
        return pendulum.duration(
            days=value.days, seconds=value.seconds, microseconds=value.microseconds
        )
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_DURATION_DAYS:
            raise ConversionError(f"is too long: at most {MAX_DURATION_DAYS} days, got {value}")
        return pendulum.duration(days=value)
    if isinstance(value, str):
        match = _DURATION_TEXT.fullmatch(value)
        if match is not None and value not in ("P", "PT") and not value.endswith("T"):
            y, mo, w, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
            out = pendulum.duration(
                years=y, months=mo, weeks=w, days=d, hours=h, minutes=mi, seconds=s
            )
            if out.in_days() > MAX_DURATION_DAYS:
                raise ConversionError(f"is too long: at most 200 years, got {value!r}")
            return out
    raise ConversionError(
        i18n._(
            'must be an ISO 8601 duration such as "P14D", "P2W" or "P3M", or a whole number '
            "of days, got {value}",
            value=describe(value),
        )
    )


def duration_text(value: pendulum.Duration) -> str:
    """The ISO 8601 text of a duration: years, months and days (``"P1Y2M10D"``)."""
    days = value.weeks * 7 + value.remaining_days
    date_part = "".join(
        f"{n}{unit}" for n, unit in ((value.years, "Y"), (value.months, "M"), (days, "D")) if n
    )
    time_part = "".join(
        f"{n}{unit}"
        for n, unit in ((value.hours, "H"), (value.minutes, "M"), (value.remaining_seconds, "S"))
        if n
    )
    if not date_part and not time_part:
        return "P0D"
    return f"P{date_part}" + (f"T{time_part}" if time_part else "")


def structure_enum(value: object, cl: Any) -> Any:
    """A member of the enumeration ``cl``, by its name (``"SCHULDEN"``)."""
    assert isinstance(cl, type)
    assert issubclass(cl, enum.Enum)
    if isinstance(value, cl):
        return value
    names = list(cl.__members__)
    if isinstance(value, str) and value in cl.__members__:
        return cl[value]
    if isinstance(value, str):
        close = difflib.get_close_matches(value.upper(), names, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ConversionError(f"unknown {cl.__name__} {value!r}; {hint}allowed: {', '.join(names)}")
    raise ConversionError(
        f"must be the name of a {cl.__name__} ({', '.join(names)}), got {describe(value)}"
    )


def as_exact_float(text: str) -> FileNumber:
    """The ``parse_float`` of the JSON and TOML readers: the exact number as written."""
    try:
        return FileNumber(text)
    except InvalidOperation:  # pragma: no cover - the parsers only pass valid numbers
        raise ValueError(f"not a number: {text!r}") from None
