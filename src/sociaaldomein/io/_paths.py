"""From the exceptions of a failed structuring to ``(field path, problem)`` pairs.

cattrs reports a failed structuring as a tree of exceptions: a
``ClassValidationError`` per class whose children carry a note with the
attribute they were structuring.  The converters of this package add their
own two kinds (:class:`ConversionError` and :class:`PartsError`).  :func:`flatten` walks
that tree and gives, for every leaf, the path of the field in the document
(``gezinnen[2].zrm.huidig.financien``) and the problem in words.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TypeVar

from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from sociaaldomein.errors import InvalidValueError, SociaaldomeinError
from sociaaldomein.i18n import _

__all__ = ["ConversionError", "PartsError", "describe", "flatten", "join", "unknown_field"]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SHOWN = 60
N = TypeVar("N")


class ConversionError(SociaaldomeinError):
    """A value a converter cannot use, in plain words (``problem``), not yet placed in a file.

    The readers turn it into a :class:`FileFormatError` that names the file and
    the field; a caller that converts one value itself (as the command line does
    for a date argument) reads ``problem``.
    """

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class PartsError(Exception):
    """Problems in the parts of one value: ``(field name or list index, exception)`` pairs."""

    def __init__(self, parts: Sequence[tuple[str | int, BaseException]]) -> None:
        super().__init__(f"{len(parts)} problem(s)")
        self.parts = tuple(parts)


def join(path: str, key: str | int) -> str:
    """``path`` extended by a field name or a list index."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENTIFIER.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{key!r}]"


def describe(value: object) -> str:
    """A value as a person reading the file would name it: ``the number 7``, ``a list``.

    A message (:class:`~sociaaldomein.i18n.Bericht`): it reads in the language
    of the problem it is part of, and compares as its English text.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN else value[:_SHOWN] + "..."
        return _("the text {text}", text=repr(shown))
    if isinstance(value, int) and value.bit_length() > 200:
        return _("a number with more than 60 digits")
    if isinstance(value, (int, float, Decimal)):
        text = str(value)
        shown = text if len(text) <= _SHOWN else text[:_SHOWN] + "..."
        return _("the number {number}", number=shown)
    if isinstance(value, dict):
        return _("an object")
    if isinstance(value, (list, tuple)):
        return _("a list")
    return _("a {type}", type=type(value).__name__)


def unknown_field(key: str, known: Iterable[str], owner: str) -> str:
    """The problem text for an unknown field, with a suggestion for a likely typo."""
    names = list(known)
    close = difflib.get_close_matches(key, names, n=1)
    if close:
        return _(
            "unknown field; did you mean {close}? {owner} has: {names}",
            close=repr(close[0]),
            owner=owner,
            names=", ".join(names),
        )
    return _("unknown field; {owner} has: {names}", owner=owner, names=", ".join(names))


def flatten(exc: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """Every leaf problem in ``exc`` as ``(field path, problem)``, in document order."""
    if isinstance(exc, PartsError):
        for key, part in exc.parts:
            yield from flatten(part, join(path, key))
    elif isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            yield from _class_part(sub, exc.cl, path)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            note = _note(sub, IterableValidationNote)
            where = path if note is None else join(path, note.index)
            yield from flatten(sub, where)
    elif isinstance(exc, ConversionError):
        yield (path, exc.problem)
    elif isinstance(exc, InvalidValueError):
        yield (path, str(exc))
    elif isinstance(exc, RecursionError):
        yield (path, "is nested too deeply")
    else:
        yield (path, f"{type(exc).__name__}: {exc}")


def _class_part(sub: BaseException, cl: type, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(sub, ForbiddenExtraKeysError):
        names = [a.name for a in getattr(cl, "__attrs_attrs__", ()) if a.init]
        for key in sorted(sub.extra_fields):
            yield (join(path, key), unknown_field(key, names, cl.__name__))
        return
    note = _note(sub, AttributeValidationNote)
    if note is not None:
        yield from flatten(sub, join(path, note.name))
    elif isinstance(sub, InvalidValueError):
        # Raised by the class itself (a validator or __attrs_post_init__): its
        # field is "Class.attribute[...]", which maps onto the document's path.
        yield _constructor_problem(sub, cl, path)
    else:
        yield from flatten(sub, path)


def _constructor_problem(exc: InvalidValueError, cl: type, path: str) -> tuple[str, str]:
    name = cl.__name__
    field = exc.field
    if field == name:
        return (path, exc.problem)
    if field.startswith(name) and field[len(name) : len(name) + 1] in (".", "["):
        rest = field[len(name) :]
        return (_extend(path, rest), exc.problem)
    return (path, f"{field}: {exc.problem}")


def _extend(path: str, at: str) -> str:
    if not at:
        return path
    if at.startswith(".") and not path:
        return at[1:]
    return path + at


def _note(exc: BaseException, kind: type[N]) -> N | None:
    notes = [n for n in getattr(exc, "__notes__", ()) if isinstance(n, kind)]
    return notes[-1] if notes else None
