"""The BSN guard: a family is known by a pseudonymous key, never by its citizen service number.

The BSN (burgerservicenummer) may be used only where a law allows it (UAVG
art. 46), so every place that takes or stores a family's id refuses one that
looks like a BSN, in whatever spelling: ``123456782``, ``1234.56.782``,
``123 456 782``, ``123-45-6782``, ``bsn-123456782``, ``BSN: 123456782``,
``burgerservicenummer 123456782``, full-width or other Unicode digits, spaces
around, and eight digits in one run that are a BSN whose leading zero was lost (a
spreadsheet drops it).  Nine digits standing apart inside a longer id
(``gezin-123456782``) are refused too; digits that run into letters, as in a
hexadecimal key, are not a BSN.  "Looks like a BSN" means passes the
elfproef: about one nine-digit number in eleven does, so a key of your own
should not be a number of eight or nine digits.

The message names the field and never repeats the number.

>>> looks_like_bsn("bsn: 1234.56.782"), looks_like_bsn("gezin-0042")
(True, False)
>>> try:
...     check_key("Gezin.id", "１２３４５６７８２")
... except InvalidValueError as exc:
...     print(exc)  # doctest: +ELLIPSIS
Gezin.id: looks like a BSN (a number that passes the elfproef, in any spelling); ...
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import attrs

from sociaaldomein.errors import InvalidValueError

__all__ = [
    "BSN_PROBLEM",
    "MAX_KEY_LENGTH",
    "check_key",
    "looks_like_bsn",
    "pseudonymous_key",
    "refuse_bsn",
    "refuse_bsn_ids",
    "value_looks_like_bsn",
]

MAX_KEY_LENGTH: Final = 64
"""A pseudonymous key has at most this many characters."""

BSN_PROBLEM: Final = (
    "looks like a BSN (a number that passes the elfproef, in any spelling); use a "
    "pseudonymous key instead (a BSN may be used only where a law allows it, UAVG art. 46)"
)
"""The problem every refused id is reported with: it never repeats the number."""

# Separators people put between the digit groups of a BSN, and around a prefix.
_SEPARATORS = re.compile(r"[\s.\-_/:;,#=+'\"()\[\]{}<>|\\*~]+")
# The words a BSN is labelled with, as they look once separators are gone.
_PREFIX = re.compile(
    r"^(?:burgerservicenummer|burgerservicenr|bsnnummer|bsn|sofinummer|sofinr|sofi)"
    r"(?:nummer|nr|no)?"
)
# Nine digits standing apart in a longer key (gezin-123456782), but not digits that
# run into letters, as in a random hexadecimal key (g-3f123456782a).
_NINE = re.compile(r"(?<![^\W_])[0-9]{9}(?![^\W_])")
_EIGHT_DIGITS = re.compile(r"(?:[^0-9]*[0-9]){8}")


def _elfproef(digits: str) -> bool:
    # 9 digits whose weighted sum (weights 9..2, and -1 for the last digit) is divisible by 11
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def _ascii_digits(text: str) -> str:
    # NFKC turns full-width and superscript digits into ASCII; other scripts' decimal
    # digits (Arabic-Indic, Devanagari...) are mapped by their Unicode value.
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)


def looks_like_bsn(text: str) -> bool:
    """Whether ``text``, in any spelling, is a number that passes the BSN elfproef."""
    if text.isascii() and _EIGHT_DIGITS.match(text) is None:
        return False  # the common case, decided without normalising
    plain = _ascii_digits(text).casefold()
    candidate = _PREFIX.sub("", _SEPARATORS.sub("", plain))
    # Eight digits are a BSN that lost its leading zero only when written in one run:
    # with separators they are far more often a date (2023-02-15).
    whole = len(candidate) == 9 or (len(candidate) == 8 and candidate in plain)
    if whole and candidate.isascii() and candidate.isdigit():
        return _elfproef(candidate.zfill(9))
    return any(_elfproef(run) for run in _NINE.findall(plain))


def value_looks_like_bsn(value: object) -> bool:
    """Whether ``value`` as a file may hold it (text, or a whole number) looks like a BSN."""
    if isinstance(value, str):
        return looks_like_bsn(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return False
    if isinstance(value, int):
        return looks_like_bsn(str(value))
    finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
    return finite and value == int(value) and looks_like_bsn(str(int(value)))


def refuse_bsn(field: str, value: str) -> None:
    """Raise :class:`~sociaaldomein.errors.InvalidValueError` naming ``field`` if ``value``
    looks like a BSN."""
    if looks_like_bsn(value):
        raise InvalidValueError(field, BSN_PROBLEM)


def check_key(field: str, value: object) -> str:
    """``value`` if it is a usable pseudonymous key: text, not blank, short, not a BSN.

    Every problem is an :class:`~sociaaldomein.errors.InvalidValueError` naming
    ``field``; a value that looks like a BSN is never repeated in the message.
    """
    if not isinstance(value, str):
        # the value itself is not shown: a number given as an id may well be a BSN
        raise InvalidValueError(
            field, f"must be a pseudonymous key written as text, got {type(value).__name__}"
        )
    if not value.strip():
        raise InvalidValueError(field, "must be a non-empty pseudonymous key")
    if len(value) > MAX_KEY_LENGTH:
        raise InvalidValueError(
            field, f"must be at most {MAX_KEY_LENGTH} characters, got {len(value)}"
        )
    refuse_bsn(field, value)
    return value


def refuse_bsn_ids(ids: Iterable[str], field: str) -> None:
    """Refuse the first of ``ids`` that looks like a BSN, naming ``field[index]``."""
    for i, key in enumerate(ids):
        if looks_like_bsn(key):
            raise InvalidValueError(f"{field}[{i}]", BSN_PROBLEM)


def pseudonymous_key(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the field holds a pseudonymous key, never a BSN (:func:`check_key`)."""
    check_key(f"{type(instance).__name__}.{attribute.name}", value)
