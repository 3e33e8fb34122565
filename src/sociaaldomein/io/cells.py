"""The cell grammar of cohort files: what a cell of each column may hold, for CSV and Parquet alike.

A cohort file has one family per row and the columns of
:data:`~sociaaldomein.domain.cohort.SCHEMA` plus ``id``.  Both readers (the CSV
reader of :mod:`sociaaldomein.io.cohort` and the Parquet loader of
:mod:`sociaaldomein.simulation.loader`) hand their columns to
:func:`cohort_from_cells`, so one cell means one thing whatever the file.
A typed Parquet value is first written as the text a CSV file would hold
(:func:`cell_text`: ``7`` is ``"7"``, ``True`` is ``"true"``, a date is
``"2015-03-01"``, a null is empty), then read by the same grammar
(:func:`parse_cell`), documented in ``docs/files.md`` ("Cell grammar").

>>> parse_cell("problemen", "schulden;VERSLAVING") == parse_cell("problemen", "SCHULDEN|Verslaving")
True
>>> parse_cell("verwijzer", "02") == parse_cell("verwijzer", " huisarts ")
True
>>> parse_cell("complexe_vraag", "ja"), parse_cell("zrm.financien", "")
(True, 0)
"""

from __future__ import annotations

import contextlib
import datetime
import difflib
import enum
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cache
from typing import Final

import numpy as np

from sociaaldomein.domain.bsn import check_key, looks_like_bsn
from sociaaldomein.domain.cohort import (
    CATEGORY_ENUMS,
    FLAG_ENUMS,
    SCHEMA,
    Array,
    Cohort,
    flag_mask,
    normalise_label,
)
from sociaaldomein.domain.declared import encode
from sociaaldomein.domain.feiten import DATE_SUFFIX
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.vocabulary import VOCABULARIES
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io._paths import ConversionError
from sociaaldomein.io._scalars import structure_date
from sociaaldomein.io.facts import format_fact_cell, parse_fact_cell

__all__ = [
    "BOOLEANS",
    "COHORT_COLUMNS",
    "COUNT_LIMITS",
    "Cells",
    "Fail",
    "cell_text",
    "cells_of",
    "cohort_from_cells",
    "format_cell",
    "parse_cell",
]

COHORT_COLUMNS: Final = ("id", *SCHEMA)
"""The columns a cohort file may have; only ``id`` is required."""

COUNT_LIMITS: Final = {"aantal_hulpverleners": 1000, "aantal_ouders": 100, "aantal_kinderen": 100}
"""The whole-number columns and their largest value (the smallest is 0)."""

BOOLEANS: Final = {
    "true": True, "false": False, "ja": True, "nee": False,
    "yes": True, "no": False, "1": True, "0": False, "": False,
}  # fmt: skip
"""The cells of a yes/no column, compared without regard to case."""

_DATES: Final = frozenset({"jongste_kind_geboren", "zrm_afgenomen"})
_WHOLE = re.compile(r"^[0-9]{1,9}$")
_SEPARATORS = re.compile(r"[;|]")
_SHOWN = 60

Value = int | bool
Cells = Sequence[object] | Array
"""One column's cells: a list of texts or values, or a numpy array of integers or booleans."""
Parse = Callable[[str], Value]
Fail = Callable[[str, int | None, str], Exception]
"""How a reader reports a problem: ``fail(column, row index or None, problem)`` gives the
exception to raise (``None``: the column as a whole)."""


def _shown(cell: str) -> str:
    # a cell is repeated in a problem, unless it may be a BSN in the wrong column
    if looks_like_bsn(cell):
        return "a number that looks like a BSN (not repeated)"
    return repr(cell if len(cell) <= _SHOWN else cell[:_SHOWN] + "...")


def cell_text(value: object) -> str:
    """A typed value (as Parquet holds it) as the text a CSV cell would hold.

    ``None`` and a float NaN are empty; ``True`` is ``"true"``; a whole number,
    also a float with a whole value (pandas writes an integer column with
    gaps as floats), is its digits; a date, or a timestamp at midnight, is
    ``YYYY-MM-DD``.  Anything else (a list, a timestamp with a time of day) is a
    :class:`~sociaaldomein.io._paths.ConversionError`.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating, Decimal)):
        if isinstance(value, Decimal) and not value.is_finite() and value.is_nan():
            return ""
        if isinstance(value, (float, np.floating)) and math.isnan(value):
            return ""
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            return str(int(value))
        if isinstance(value, (float, np.floating)) and math.isfinite(value) and value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None and value.time() == datetime.time():
            return value.date().isoformat()
        raise ConversionError("must be a date without a time of day")
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise ConversionError(
        f"must be text, a number, true/false or a date, got a {type(value).__name__}"
    )


def _flags(kind: type[enum.Enum]) -> Parse:
    names = {m.name: m for m in kind}
    listed = ", ".join(names)

    def parse(cell: str) -> int:
        members = []
        for part in _SEPARATORS.split(cell):
            name = "_".join(part.split()).upper()
            if not name:
                continue
            if name not in names:
                if name.isdigit():
                    hint = (
                        "name the members, such as SCHULDEN;VERSLAVING (a bitmask is not a cell); "
                    )
                else:
                    close = difflib.get_close_matches(name, names, n=1)
                    hint = f"did you mean {close[0]!r}? " if close else ""
                raise ConversionError(
                    f"unknown {kind.__name__} {_shown(part.strip())}; {hint}allowed: {listed}"
                )
            members.append(names[name])
        return flag_mask(members)

    return parse


def _category(kind: type[enum.Enum]) -> Parse:
    members = list(kind)
    by_name = {m.name: i + 1 for i, m in enumerate(members)}
    by_code = {str(m.value): i + 1 for i, m in enumerate(members)}
    known = ", ".join(f"{m.value} {m.name}" for m in members)

    def parse(cell: str) -> int:
        if not cell:
            return 0
        code = cell.zfill(2) if cell.isdigit() else None
        found = by_code.get(code) if code else by_name.get("_".join(cell.split()).upper())
        if found is None:
            raise ConversionError(f"unknown {kind.__name__} {_shown(cell)}; known: {known}")
        return found

    return parse


def _whole(low: int, high: int, what: str, note: str = "") -> Parse:
    def parse(cell: str) -> int:
        if not cell:
            return 0
        if not _WHOLE.match(cell) or not low <= int(cell) <= high:
            raise ConversionError(f"{what} from {low} to {high}{note}, got {_shown(cell)}")
        return int(cell)

    return parse


def _bool(cell: str) -> bool:
    found = BOOLEANS.get(cell.casefold())
    if found is None:
        raise ConversionError(
            f"must be true or false (or ja/nee, yes/no, 1/0, or empty), got {_shown(cell)}"
        )
    return found


def _date(cell: str) -> int:
    if not cell:
        return 0
    try:
        return structure_date(cell).toordinal()
    except ConversionError as exc:
        raise ConversionError(exc.problem.replace(repr(cell), _shown(cell))) from None


@cache
def _parser(column: str) -> Parse:
    if column in FLAG_ENUMS:
        return _flags(FLAG_ENUMS[column])
    if column in CATEGORY_ENUMS:
        return _category(CATEGORY_ENUMS[column])
    if column in COUNT_LIMITS:
        return _whole(0, COUNT_LIMITS[column], "must be a whole number")
    if column in _DATES:
        return _date
    if column.startswith(("zrm.", "zrm_haalbaar.")):
        return _whole(1, 5, "a ZRM level is a whole number")
    if SCHEMA.get(column) is np.bool_:
        return _bool
    raise InvalidValueError("column", f"no cell grammar for {column!r}")  # pragma: no cover


def parse_cell(column: str, value: object) -> Value:
    """The value of one cell of ``column`` (not ``id`` or ``wijk``), as the cohort stores it.

    ``value`` is the text of a CSV cell or a typed Parquet value; spaces
    around it do not count, and an empty cell is unknown (none, zero, not
    scored).  A cell the grammar does not allow raises
    :class:`~sociaaldomein.io._paths.ConversionError` saying why.
    """
    return _parser(column)(cell_text(value).strip())


def _fast(column: str, values: object) -> Array | None:
    # A column of native integers or booleans (Parquet) is checked as a whole; a column
    # with a bad value goes cell by cell, so that the error names the row.
    if not isinstance(values, np.ndarray) or values.dtype.kind not in "iub":
        return None
    if values.dtype.kind == "b":
        return values.astype(np.bool_) if SCHEMA[column] is np.bool_ else None
    if column in COUNT_LIMITS:
        low, high = 0, COUNT_LIMITS[column]
    elif column.startswith(("zrm.", "zrm_haalbaar.")):
        low, high = 1, 5
    else:
        return None
    if values.size and (int(values.min()) < low or int(values.max()) > high):
        return None
    return values.astype(SCHEMA[column])


def _column(column: str, values: Cells, fail: Fail) -> Array:
    fast = _fast(column, values)
    if fast is not None:
        return fast
    parse = _parser(column)
    out: list[Value] = []
    # A column holds few distinct cells (sets of problems, levels, dates): each is read
    # once.  They are remembered per type, so that True and 1 are each read as written.
    seen: dict[type, dict[object, Value]] = {}
    for i, value in enumerate(values):
        memo = seen.setdefault(type(value), {})
        try:
            out.append(memo[value])
            continue
        except (KeyError, TypeError):  # not seen yet, or a value that cannot be a key
            pass
        try:
            found = parse(cell_text(value).strip())
        except ConversionError as exc:
            raise fail(column, i, exc.problem) from None
        with contextlib.suppress(TypeError):
            memo[value] = found
        out.append(found)
    return np.asarray(out, dtype=SCHEMA[column])


def _ids(values: Cells, fail: Fail, row: Callable[[int], str]) -> list[str]:
    ids: list[str] = []
    first: dict[str, int] = {}
    for i, value in enumerate(values):
        try:
            key = cell_text(value).strip()
            check_key("id", key)
        except ConversionError as exc:
            raise fail("id", i, exc.problem) from None
        except InvalidValueError as exc:
            raise fail("id", i, exc.problem) from None
        if key in first:
            raise fail("id", i, f"{key!r} is on {row(first[key])} too")
        first[key] = i
        ids.append(key)
    return ids


def _labels(values: Cells, fail: Fail) -> tuple[Array, list[str]]:
    labels: list[str] = []
    for i, value in enumerate(values):
        try:
            labels.append(normalise_label(cell_text(value)))
        except ConversionError as exc:
            raise fail("wijk", i, exc.problem) from None
    vocabulary = sorted(set(labels) - {""})
    code = {label: i + 1 for i, label in enumerate(vocabulary)}
    return np.asarray([code.get(label, 0) for label in labels], dtype=np.int64), vocabulary


def _declared_cells(
    table: Mapping[str, Cells], feiten: Feitenregister, fail: Fail
) -> tuple[dict[str, Cells], dict[str, Array]]:
    """The table without its declared columns, and those columns read and encoded.

    A declared fact's column holds its cells (:mod:`sociaaldomein.io.facts`),
    ``<naam>@datum`` the days it was observed, and a vocabulary's column may
    name declared terms among its members: each becomes a yes/no column.
    """
    declared = feiten.declared()
    rest: dict[str, Cells] = {}
    extra: dict[str, Array] = {}
    for name, values in table.items():
        base = name.removesuffix(DATE_SUFFIX)
        if name in declared:
            feit = declared[name]
            parsed: list[object] = []
            for i, value in enumerate(values):
                try:
                    text = cell_text(value)
                    parsed.append(parse_fact_cell(feit, text))
                except ConversionError as exc:
                    raise fail(name, i, _unrepeated(exc.problem, value)) from None
            try:
                extra[name] = encode(feit, parsed)
            except InvalidValueError as exc:
                raise fail(name, None, exc.problem) from None
        elif name != base and base in declared:
            extra[name] = _column_of_dates(name, values, fail)
        elif name in VOCABULARIES and feiten.terms_of(name):
            rest[name], found = _split_term_cells(name, values, feiten, fail)
            extra.update(found)
        else:
            rest[name] = values
    return rest, extra


def _unrepeated(problem: str, value: object) -> str:
    # a problem repeats the cell, unless it may be a BSN in the wrong column
    if isinstance(value, str | int) and looks_like_bsn(str(value)):
        return "holds a number that looks like a BSN (not repeated); it is no value of this fact"
    return problem


def _column_of_dates(name: str, values: Cells, fail: Fail) -> Array:
    out: list[int] = []
    for i, value in enumerate(values):
        try:
            out.append(_date(cell_text(value).strip()))
        except ConversionError as exc:
            raise fail(name, i, exc.problem) from None
    return np.asarray(out, dtype=np.int32)


def _split_term_cells(
    name: str, values: Cells, feiten: Feitenregister, fail: Fail
) -> tuple[list[str], dict[str, Array]]:
    terms = feiten.terms_of(name)
    core: list[str] = []
    has = {t.column: np.zeros(len(values), dtype=bool) for t in terms.values()}
    for i, value in enumerate(values):
        try:
            parts = _SEPARATORS.split(cell_text(value))
        except ConversionError as exc:
            raise fail(name, i, exc.problem) from None
        kept = []
        for part in parts:
            code = part.strip()
            if "." not in code:
                kept.append(part)
                continue
            try:
                has[feiten.term(name, code, field=name).column][i] = True
            except InvalidValueError as exc:
                raise fail(name, i, exc.problem) from None
        core.append(";".join(kept))
    return core, has


def cohort_from_cells(
    table: Mapping[str, Cells],
    fail: Fail,
    row: Callable[[int], str],
    *,
    feiten: Feitenregister | None = None,
) -> Cohort:
    """The cohort in ``table``, one sequence of cells per column, every cell read by the grammar.

    ``fail(column, index, problem)`` makes the exception for a problem
    (``index`` is the row's position in the table, ``None`` for the column
    itself); ``row(index)`` names a row in a problem ("line 3", "row 2").
    Checked here for every reader: the columns are known, ``id`` is there
    and every id is a usable pseudonymous key (never a BSN), given once.
    ``feiten`` (the composition's register) adds the columns of its declared
    facts and the declared terms in the vocabulary columns.
    """
    extra: dict[str, Array] = {}
    known: list[str] = list(COHORT_COLUMNS)
    if feiten is not None and (feiten.declared() or feiten.termen):
        table, extra = _declared_cells(table, feiten, fail)
        known += list(feiten.declared())
    for name in table:
        if name not in COHORT_COLUMNS:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise fail(name, None, f"unknown column; {hint}a cohort file has: {', '.join(known)}")
    if "id" not in table:
        raise fail("id", None, "the column is required: a pseudonymous key per family")
    ids = _ids(table["id"], fail, row)
    columns: dict[str, Array] = {}
    wijken: list[str] = []
    for name, values in table.items():
        if name == "id":
            continue
        if len(values) != len(ids):
            raise fail(name, None, f"has {len(values)} values for {len(ids)} rows")
        if name == "wijk":
            columns[name], wijken = _labels(values, fail)
        else:
            columns[name] = _column(name, values, fail)
    for name, values in extra.items():
        if len(values) != len(ids):
            raise fail(name, None, f"has {len(values)} values for {len(ids)} rows")
    return Cohort.from_columns(ids, columns, wijken=wijken, extra=extra)


def format_cell(column: str, value: int | bool, vocabulary: Sequence[str] = ()) -> str:
    """The cell of ``column`` that :func:`parse_cell` reads back as ``value``.

    ``vocabulary`` is the cohort's vocabulary for ``wijk``.  A value no cell
    can hold (a bit outside the members, a code outside the vocabulary) is an
    :class:`~sociaaldomein.errors.InvalidValueError` naming the column.
    """
    number = int(value)
    if column == "wijk":
        if not 0 <= number < max(len(vocabulary), 1):
            raise InvalidValueError(column, f"code {number} is not in the vocabulary")
        return vocabulary[number] if number else ""
    if column in FLAG_ENUMS:
        members = list(FLAG_ENUMS[column])
        if number >> len(members) or number < 0:
            raise InvalidValueError(column, f"bitmask {number} has bits beyond its members")
        return ";".join(m.name for i, m in enumerate(members) if number >> i & 1)
    if column in CATEGORY_ENUMS:
        members = list(CATEGORY_ENUMS[column])
        if not 0 <= number <= len(members):
            raise InvalidValueError(column, f"code {number} is not a {column}")
        return members[number - 1].name if number else ""
    if column in _DATES:
        return datetime.date.fromordinal(number).isoformat() if number else ""
    if SCHEMA[column] is np.bool_:
        return "true" if value else "false"
    if column.startswith(("zrm.", "zrm_haalbaar.")) and number == 0:
        return ""
    return str(number)


def cells_of(
    cohort: Cohort, columns: Iterable[str], *, feiten: Feitenregister | None = None
) -> Iterable[list[str]]:
    """The cells of ``cohort`` row by row, for ``columns`` (``id`` included where named).

    With ``feiten`` a column may be a declared fact (or its ``@datum``), and a
    vocabulary's cell names the declared terms the family has.
    """
    names = list(columns)
    wijken = cohort.vocabularies.get("wijk", ())
    data = {c: cohort.column(c).tolist() for c in names if c != "id"}
    declared = {} if feiten is None else feiten.declared()
    terms = {
        c: [
            (t.code, cohort.columns[t.column].tolist())
            for t in feiten.terms_of(c).values()
            if t.column in cohort.columns
        ]
        for c in names
        if feiten is not None and c in VOCABULARIES
    }

    def cell(c: str, i: int) -> str:
        value = data[c][i]
        if c in declared:
            return format_fact_cell(declared[c], value)
        if c.endswith(DATE_SUFFIX) and c.removesuffix(DATE_SUFFIX) in declared:
            return datetime.date.fromordinal(value).isoformat() if value else ""
        text = format_cell(c, value, wijken)
        extra = [code for code, has in terms.get(c, ()) if has[i]]
        return ";".join([text, *extra] if text else extra)

    for i, key in enumerate(cohort.ids):
        yield [key if c == "id" else cell(c, i) for c in names]
