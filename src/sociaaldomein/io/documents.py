"""Reading and writing JSON and TOML documents, with one clear error for anything unreadable.

The format follows the file's suffix: ``.json`` or ``.toml``.  A document must
be UTF-8 text (a UTF-8 byte-order mark is allowed); an empty file, another
encoding, a syntax error (with its line and column), a duplicate key in JSON,
``NaN`` or ``Infinity`` each give one
:class:`~sociaaldomein.io.errors.FileFormatError`.  Numbers with a decimal
point are read exactly, as :class:`~sociaaldomein.io._scalars.FileNumber`,
never as binary floats.

>>> loads_document('{"a": 1.10}', "json")
{'a': FileNumber('1.10')}
>>> try:
...     loads_document('{"a": 1,}', "json", source="x.json")
... except FileFormatError as exc:
...     print(exc.line, exc.column, exc.problem)
1 9 invalid JSON: Expecting property name enclosed in double quotes
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import tomli_w

from sociaaldomein.i18n import _
from sociaaldomein.io._locate import json_problem, line_of
from sociaaldomein.io._scalars import as_exact_float
from sociaaldomein.io.converters import Format
from sociaaldomein.io.errors import FileFormatError, InputProblemsError

__all__ = [
    "MAX_FILE_SIZE",
    "check_input_file",
    "decode_text",
    "dumps_document",
    "format_of",
    "load_document",
    "loads_document",
    "located",
    "read_bytes",
    "with_lines",
    "write_document",
]

MAX_FILE_SIZE: Final = 64 * 1024 * 1024
"""Files larger than this (64 MiB) are refused rather than read into memory."""

_SUFFIXES: Final[dict[str, Format]] = {".json": "json", ".toml": "toml"}
_TOML_POSITION = re.compile(r"^(.*?)\s*\(at line (\d+), column (\d+)\)\s*$", re.DOTALL)
_OTHER_BOMS: Final = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


class _DuplicateKeyError(ValueError):
    pass


def format_of(path: str | os.PathLike[str], formats: Iterable[str] = ("json", "toml")) -> Format:
    """The format of ``path`` by its suffix; another suffix is refused, naming the allowed ones."""
    suffix = Path(path).suffix.lower()
    found = _SUFFIXES.get(suffix)
    allowed = list(formats)
    if found is None or found not in allowed:
        names = " or ".join(f".{f}" for f in allowed)
        raise FileFormatError(
            path, "", f"cannot tell the format from the suffix {suffix or '(none)'!r}; use {names}"
        )
    return found


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover - every kind POSIX has is named above


def _not_regular(path: str | os.PathLike[str], kind: str) -> FileFormatError:
    link = " (through a symbolic link)" if Path(path).is_symlink() else ""
    return FileFormatError(path, "", f"is {kind}{link}, not a regular file; give a file")


def check_input_file(path: str | os.PathLike[str]) -> None:
    """Refuse ``path`` unless it is a regular file (after following links), without opening it.

    A device (``/dev/zero``), a named pipe or a socket is refused before a
    single byte is read: reading one never ends or never starts.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise FileFormatError(path, "", _("no such file")) from None
    except OSError as exc:
        raise FileFormatError(path, "", f"cannot be read: {exc.strerror or exc}") from None
    kind = _kind(mode)
    if kind is not None:
        raise _not_regular(path, kind)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``; a missing, unreadable, huge or special file is refused.

    Refused with a :class:`FileFormatError`.

    Only a regular file is read (a link to one is followed); at most
    :data:`MAX_FILE_SIZE` bytes are read, whatever the file claims its size is.
    """
    check_input_file(path)
    try:
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise FileFormatError(path, "", _("no such file")) from None
    except OSError as exc:
        raise FileFormatError(path, "", f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        try:
            kind = _kind(os.fstat(fd).st_mode)
            if kind is not None:
                raise _not_regular(path, kind)
            data = fh.read(MAX_FILE_SIZE + 1)
        except OSError as exc:
            raise FileFormatError(path, "", f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_SIZE:
        raise FileFormatError(path, "", f"is too large: more than {MAX_FILE_SIZE} bytes")
    return data


def decode_text(data: bytes | str, source: str | os.PathLike[str] | None = None) -> str:
    """``data`` as text: UTF-8 (a byte-order mark is dropped), not empty; else one clear error."""
    if isinstance(data, str):
        text = data
    else:
        for bom, name in _OTHER_BOMS.items():
            if data.startswith(bom):
                raise FileFormatError(
                    source, "", f"is {name} text, not UTF-8; save it as UTF-8 and try again"
                )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                source,
                "",
                f"is not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                "cannot be read; save the file as UTF-8",
                line=line,
            ) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FileFormatError(source, "", "is empty")
    return text


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def _loads_json(text: str, source: str | os.PathLike[str] | None) -> Any:
    try:
        return json.loads(
            text,
            parse_float=as_exact_float,
            parse_constant=_no_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            source, "", f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno
        ) from None
    except (RecursionError, ValueError) as exc:  # duplicates, NaN, too deep, too-long integers
        # json names neither the field nor the line of these: find them in the text.
        found = json_problem(text)
        if found is not None:
            field, line, problem = found
            raise FileFormatError(source, field, problem, line=line) from None
        if isinstance(exc, RecursionError):
            raise FileFormatError(source, "", "invalid JSON: nested too deeply") from None
        raise FileFormatError(source, "", f"invalid JSON: {exc}") from None


def _loads_toml(text: str, source: str | os.PathLike[str] | None) -> Any:
    try:
        return tomllib.loads(text, parse_float=as_exact_float)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.match(message)
        if match is None:
            problem, _, where = message.rpartition(" (at end of document)")
            if where == "" and problem:
                line = text.count("\n") + 1
                raise FileFormatError(
                    source, "", f"invalid TOML: {problem} at the end of the file", line=line
                ) from None
            raise FileFormatError(source, "", f"invalid TOML: {message}") from None
        problem, row, column = match.groups()
        raise FileFormatError(
            source, "", f"invalid TOML: {problem}", line=int(row), column=int(column)
        ) from None
    except RecursionError:
        raise FileFormatError(source, "", "invalid TOML: nested too deeply") from None
    except ValueError as exc:  # integers too long to convert
        raise FileFormatError(source, "", f"invalid TOML: {exc}") from None


def loads_document(
    data: bytes | str, format: Format, *, source: str | os.PathLike[str] | None = None
) -> Any:
    """The document in ``data`` as dicts, lists and values; ``source`` names it in errors."""
    text = decode_text(data, source)
    if format == "toml":
        return _loads_toml(text, source)
    return _loads_json(text, source)


def load_document(
    path: str | os.PathLike[str], formats: Iterable[str] = ("json", "toml")
) -> tuple[Any, Format]:
    """The document in the file ``path``, and its format."""
    format = format_of(path, formats)
    return loads_document(read_bytes(path), format, source=path), format


def located(
    path: str | os.PathLike[str], problems: Iterable[tuple[str, str]]
) -> list[FileFormatError]:
    """One error per ``(field, problem)`` of the document in ``path``, each with its line.

    The line is the field's (or its nearest parent's) in the file's text; a
    file that cannot be read again gives the errors without lines.
    """
    try:
        text = decode_text(read_bytes(path), path)
        format: str | None = format_of(path)
    except FileFormatError:
        text, format = "", None
    out = []
    for field, problem in problems:
        line = None if format is None else line_of(text, format, field)
        out.append(FileFormatError(path, field, problem, line=line))
    return out


def with_lines(error: FileFormatError) -> list[FileFormatError]:
    """``error`` and its ``others`` as one error each, with the line of each field in its file."""
    if isinstance(error, InputProblemsError):
        return list(error.problems)
    if error.path is None or (error.line is not None and not error.others):
        return [error]
    parts = located(error.path, [(error.field, error.problem), *error.others])
    if error.line is not None:  # a syntax error knows its own line and column
        parts[0] = FileFormatError(
            error.path, error.field, error.problem, line=error.line, column=error.column
        )
    return parts


def dumps_document(data: Any, format: Format) -> str:
    """``data`` (as :func:`~sociaaldomein.io.converters.unstructure` gives it) as text."""
    if format == "toml":
        return tomli_w.dumps(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_document(path: str | os.PathLike[str], data: Any) -> None:
    """Write ``data`` to ``path`` in the format its suffix names, as UTF-8."""
    text = dumps_document(data, format_of(path))
    Path(path).write_text(text, encoding="utf-8")
