"""Loading a real, pseudonymised cohort from Parquet (or CSV) into the columnar form.

:func:`load_cohort` reads a Parquet file here and passes CSV and family files
to :func:`sociaaldomein.io.read_cohort`, so that the project has one CSV
format (``docs/files.md``, "Cohort CSV file").  A Parquet file has the same
columns: one row per family, ``id`` (a pseudonymous key, never a BSN)
required, every other column optional and named as in
:data:`~sociaaldomein.domain.cohort.SCHEMA` (``problemen``, ``wijk``,
``zrm.financien``...).  Values are written as in the CSV file, and Parquet's
own integers, booleans and dates are taken as they are:

* flag columns (``problemen``, ``signalen``...): member names separated by
  ``;`` or ``|`` (``SCHULDEN;VERSLAVING``), or the integer bitmask;
* ``verwijzer``: a COD327 code (``02``) or a member name (``HUISARTS``);
* ``wijk``: the wijk's name;
* ``ouder_chronisch``, ``complexe_vraag``: ``true``/``false``, ``ja``/``nee``, ``1``/``0``;
* ``jongste_kind_geboren``, ``zrm_afgenomen``: ISO dates (``2015-03-01``);
* ZRM levels 1-5;

and an empty cell means unknown.  A bad value raises
:class:`~sociaaldomein.InvalidValueError` naming the file, the column and the
row (rows count from 1, the header not included).
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import numpy as np

from sociaaldomein.domain.cohort import (
    CATEGORY_ENUMS,
    FLAG_ENUMS,
    SCHEMA,
    Array,
    Cohort,
    normalise_label,
)
from sociaaldomein.domain.gezin import Verwijzer
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.results import require

__all__ = ["cohort_from_table", "load_cohort"]

_BOOLS: Final = {
    "": False, "0": False, "1": True, "false": False, "true": True,
    "nee": False, "ja": True, "no": False, "yes": True, "n": False, "y": True, "j": True,
}  # fmt: skip
_DATES: Final = frozenset({"jongste_kind_geboren", "zrm_afgenomen"})


class _BadCellError(Exception):
    def __init__(self, row: int, problem: str) -> None:
        self.row = row
        self.problem = problem


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _int(value: object, row: int, low: int, high: int) -> int:
    if _empty(value):
        return 0
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise _BadCellError(row, f"{value!r} is not a whole number") from None
    if isinstance(value, bool) or not low <= number <= high:
        raise _BadCellError(row, f"{value!r} is outside {low}..{high}")
    return number


def _ints(values: Sequence[object], low: int, high: int) -> Array:
    try:
        fast = np.asarray(values).astype(np.int64)
        if fast.size == 0 or (fast.min() >= low and fast.max() <= high):
            return fast
    except (ValueError, TypeError, OverflowError):
        pass
    return np.asarray([_int(v, i + 1, low, high) for i, v in enumerate(values)], dtype=np.int64)


def _flags(enum_type: type[enum.Enum]) -> Callable[[Sequence[object]], Array]:
    bits = {m.name: 1 << i for i, m in enumerate(enum_type)}
    top = (1 << len(bits)) - 1

    def one(value: object, row: int) -> int:
        if _empty(value):
            return 0
        text = str(value).strip()
        if text.isdigit():
            return _int(text, row, 0, top)
        mask = 0
        for part in text.replace("|", ";").split(";"):
            name = part.strip().upper().replace(" ", "_")
            if name not in bits:
                raise _BadCellError(
                    row, f"unknown {enum_type.__name__} {part.strip()!r}; known: {', '.join(bits)}"
                )
            mask |= bits[name]
        return mask

    def convert(values: Sequence[object]) -> Array:
        return np.asarray([one(v, i + 1) for i, v in enumerate(values)], dtype=np.int64)

    return convert


def _verwijzer(values: Sequence[object]) -> Array:
    members = list(Verwijzer)

    def one(value: object, row: int) -> int:
        if _empty(value):
            return 0
        text = str(value).strip()
        try:
            member = Verwijzer.from_code(text) if text.isdigit() else Verwijzer[text.upper()]
        except (InvalidValueError, KeyError):
            known = ", ".join(f"{m.value} {m.name}" for m in members)
            raise _BadCellError(row, f"unknown referrer {text!r}; known: {known}") from None
        return members.index(member) + 1

    return np.asarray([one(v, i + 1) for i, v in enumerate(values)], dtype=np.int64)


def _bools(values: Sequence[object]) -> Array:
    def one(value: object, row: int) -> bool:
        if isinstance(value, bool):
            return value
        key = "" if value is None else str(value).strip().casefold()
        if key not in _BOOLS:
            raise _BadCellError(row, f"{value!r} is not yes or no (use true/false, ja/nee or 1/0)")
        return _BOOLS[key]

    return np.asarray([one(v, i + 1) for i, v in enumerate(values)], dtype=bool)


def _dates(values: Sequence[object]) -> Array:
    def one(value: object, row: int) -> int:
        if _empty(value):
            return 0
        if isinstance(value, datetime.date):
            return value.toordinal()
        try:
            return datetime.date.fromisoformat(str(value).strip()).toordinal()
        except ValueError:
            raise _BadCellError(row, f"{value!r} is not a date (use YYYY-MM-DD)") from None

    return np.asarray([one(v, i + 1) for i, v in enumerate(values)], dtype=np.int64)


def _converter(name: str) -> Callable[[Sequence[object]], Array]:
    if name in FLAG_ENUMS:
        return _flags(FLAG_ENUMS[name])
    if name in CATEGORY_ENUMS:
        return _verwijzer
    if name in _DATES:
        return _dates
    if SCHEMA[name] is np.bool_:
        return _bools
    if name.startswith("zrm"):
        return lambda values: _ints(values, 0, 5)
    top = int(np.iinfo(np.dtype(SCHEMA[name])).max)
    return lambda values: _ints(values, 0, top)


def _looks_like_bsn(text: str) -> bool:
    if len(text) != 9 or not text.isdigit():
        return False
    digits = [int(c) for c in text]
    return (
        sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    ) % 11 == 0


def cohort_from_table(table: Mapping[str, Sequence[Any]], source: str = "table") -> Cohort:
    """A cohort from columns of plain values (as a CSV or Parquet file holds them)."""
    where = f"{source}: column"
    if "id" not in table:
        raise InvalidValueError(
            f"{source}: column 'id'", "is required: a pseudonymous key per family"
        )
    unknown = sorted(set(table) - set(SCHEMA) - {"id"})
    if unknown:
        raise InvalidValueError(
            f"{where} {unknown[0]!r}", f"unknown column; known: id, {', '.join(SCHEMA)}"
        )
    ids = ["" if v is None else str(v).strip() for v in table["id"]]
    n = len(ids)
    seen: set[str] = set()
    for row, key in enumerate(ids, start=1):
        problem = None
        if not key:
            problem = "is empty; every family needs a pseudonymous key"
        elif _looks_like_bsn(key):
            problem = "looks like a BSN; use a pseudonymous key (UAVG art. 46)"
        elif key in seen:
            problem = f"{key!r} occurs twice"
        if problem:
            raise InvalidValueError(f"{where} 'id', row {row}", problem)
        seen.add(key)
    columns: dict[str, Array] = {}
    wijken: list[str] = []
    for name, values in table.items():
        if name == "id":
            continue
        if len(values) != n:
            raise InvalidValueError(f"{where} {name!r}", f"has {len(values)} values for {n} rows")
        try:
            if name == "wijk":
                labels = ["" if _empty(v) else normalise_label(str(v)) for v in values]
                wijken = sorted(set(labels) - {""})
                code = {w: i + 1 for i, w in enumerate(wijken)}
                columns[name] = np.asarray([code.get(lbl, 0) for lbl in labels], dtype=np.int64)
            else:
                columns[name] = _converter(name)(values)
        except _BadCellError as bad:
            raise InvalidValueError(f"{where} {name!r}, row {bad.row}", bad.problem) from None
    return Cohort.from_columns(ids, columns, wijken=wijken)


def load_cohort(path: str | Path, format: str | None = None) -> Cohort:
    """Load ``path``: Parquet here, CSV and family files through :mod:`sociaaldomein.io`.

    ``.csv``, ``.json`` and ``.toml`` are read by
    :func:`sociaaldomein.io.read_cohort` (its errors name the file, the line and
    the column); ``.parquet`` by :func:`cohort_from_table`, which needs pyarrow
    (``pip install 'sociaaldomein[parquet]'``).  ``format`` overrides the suffix.
    """
    file = Path(path)
    kind = (format or file.suffix.lstrip(".")).lower()
    if kind in ("csv", "json", "toml"):
        from sociaaldomein.io import read_cohort

        if format is not None and file.suffix.lstrip(".").lower() != kind:
            raise InvalidValueError(str(file), f"a {kind} cohort must have the suffix .{kind}")
        return read_cohort(file)
    if kind in ("parquet", "pq"):
        parquet = require("pyarrow.parquet", "parquet")
        return cohort_from_table(parquet.read_table(file).to_pydict(), source=str(file))
    raise InvalidValueError(
        str(file), f"unknown format {kind!r}: use .parquet, .csv, .json or .toml"
    )
