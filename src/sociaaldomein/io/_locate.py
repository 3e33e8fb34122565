"""Where a field is in the text of a document: its line, for messages a person acts on.

``json`` and ``tomllib`` give dicts without positions, so the lines are found
again in the text: for JSON by a small scanner that follows the grammar (and
also names the field of a duplicate key, ``NaN``, ``Infinity`` or a document
nested too deeply, which ``json`` reports without one); for TOML by following
table headers and keys line by line, which finds every field this package's
files use (tables, arrays of tables, dotted keys, inline tables on one line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Final

from sociaaldomein.io._paths import join

__all__ = ["MAX_DEPTH", "json_problem", "line_of"]

MAX_DEPTH: Final = 200
"""Documents nested deeper than this are refused (no file of this package needs 10)."""

_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_CONSTANTS: Final = {"NaN": "NaN", "Infinity": "Infinity", "-Infinity": "-Infinity"}
_LITERALS: Final = ("true", "false", "null")
_SHOWN: Final = 40


class _FoundError(Exception):
    def __init__(self, path: str, offset: int, problem: str) -> None:
        self.path = path
        self.offset = offset
        self.problem = problem


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _skip(text: str, i: int) -> int:
    match = _SPACE.match(text, i)
    assert match is not None  # the pattern matches the empty string
    return match.end()


def _scan(text: str, i: int, path: str, depth: int, keys: dict[str, int]) -> int:
    """Scan the value at ``i``; record the offset of every path in ``keys``; return the end."""
    i = _skip(text, i)
    if depth > MAX_DEPTH:
        shown = path if len(path) <= _SHOWN else path[:_SHOWN] + "..."
        raise _FoundError(shown, i, f"is nested too deeply: more than {MAX_DEPTH} levels")
    char = text[i : i + 1]
    if char == "{":
        seen: set[str] = set()
        i = _skip(text, i + 1)
        if text.startswith("}", i):
            return i + 1
        while True:
            i = _skip(text, i)
            start = i
            key, i = json.decoder.scanstring(text, i + 1)  # type: ignore[attr-defined]
            where = join(path, key)
            if key in seen:
                raise _FoundError(where, start, "the key appears twice in one object")
            seen.add(key)
            keys.setdefault(where, start)
            i = _skip(text, i)
            i = _scan(text, i + 1, where, depth + 1, keys)  # past the ":"
            i = _skip(text, i)
            if text.startswith("}", i):
                return i + 1
            i += 1  # the ","
    if char == "[":
        i = _skip(text, i + 1)
        if text.startswith("]", i):
            return i + 1
        index = 0
        while True:
            where = join(path, index)
            keys.setdefault(where, _skip(text, i))
            i = _skip(text, _scan(text, i, where, depth + 1, keys))
            if text.startswith("]", i):
                return i + 1
            i += 1
            index += 1
    if char == '"':
        return int(json.decoder.scanstring(text, i + 1)[1])  # type: ignore[attr-defined]
    for name in _CONSTANTS:
        if text.startswith(name, i):
            raise _FoundError(path, i, f"{name} is not a number JSON allows; write a number")
    for literal in _LITERALS:
        if text.startswith(literal, i):
            return i + len(literal)
    match = _NUMBER.match(text, i)
    if match is None:
        raise _FoundError(path, i, "is not a JSON value")
    return match.end()


def _json_keys(text: str) -> tuple[dict[str, int], _FoundError | None]:
    keys: dict[str, int] = {}
    try:
        _scan(text, 0, "", 0, keys)
    except _FoundError as found:
        return keys, found
    except (ValueError, IndexError, RecursionError):  # a syntax error: json itself names it
        pass
    return keys, None


def json_problem(text: str) -> tuple[str, int, str] | None:
    """The first duplicate key, ``NaN``/``Infinity`` or too-deep nesting: field, line, problem."""
    _, found = _json_keys(text)
    if found is None:
        return None
    return found.path, _line(text, found.offset), found.problem


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")
_INLINE_KEY = r"(?:^|[{,\s])%s\s*="


def _toml_parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in dotted.split(".")]


def _toml_keys(text: str) -> Iterator[tuple[str, int, str]]:
    """``(path, line, rest of the line)`` for every table header and key of a TOML text."""
    counts: dict[str, int] = {}
    table = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(raw)
        if header is not None:
            parts = _toml_parts(header.group(2))
            path = ""
            for part in parts[:-1]:
                path = join(path, part)
                if path in counts:
                    path = join(path, counts[path])
            path = join(path, parts[-1])
            if header.group(1) == "[[":
                counts[path] = counts.get(path, -1) + 1
                path = join(path, counts[path])
            table = path
            yield table, number, ""
            continue
        key = _TOML_KEY.match(raw)
        if key is not None:
            path = table
            for part in _toml_parts(key.group(1)):
                path = join(path, part)
            yield path, number, raw[key.end() :]


def _prefixes(field: str) -> list[str]:
    """``a.b[0].c`` -> ``["a.b[0].c", "a.b[0]", "a.b", "a"]``."""
    out = [field]
    while True:
        cut = max(field.rfind("."), field.rfind("["))
        if cut <= 0:
            return out
        field = field[:cut]
        out.append(field)


def line_of(text: str, format: str, field: str) -> int | None:
    """The line of ``field`` (``pilots[0].params.capacity``) in ``text``, or of its nearest parent.

    ``None`` when neither it nor any parent can be found (the document as a whole).
    """
    if not field:
        return None
    if format == "json":
        keys, _ = _json_keys(text)
        for candidate in _prefixes(field):
            if candidate in keys:
                return _line(text, keys[candidate])
        return None
    found: dict[str, tuple[int, str]] = {}
    for path, number, rest in _toml_keys(text):
        found.setdefault(path, (number, rest))
    for candidate in _prefixes(field):
        if candidate in found:
            return found[candidate][0]
        # an inline table: the key sits on its parent's line
        parent, _, name = candidate.rpartition(".")
        if parent in found and re.search(_INLINE_KEY % re.escape(name), found[parent][1]):
            return found[parent][0]
    return None
