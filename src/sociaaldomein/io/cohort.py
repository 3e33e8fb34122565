"""Cohorts from files: a family file, or a CSV file with one family per line.

The CSV file has a header; ``id`` is required, every other column is
optional and named as the columns of :class:`~sociaaldomein.domain.cohort.Cohort`
(``problemen``, ``wijk``, ``zrm.financien``, ...).  An empty cell is unknown
(or none, or zero).  Sets of members are names separated by ``;``.  Problems
name the file, the line and the column::

    cohort.csv, line 5: zrm.financien: a ZRM level is a whole number from 1 to 5, got '7'

>>> cohort = loads_cohort_csv(
...     "id,problemen,wijk,zrm.financien\\ng1,SCHULDEN;VERSLAVING,Tuinwijk,2\\n"
... )
>>> len(cohort), int(cohort.column("zrm.financien")[0]), cohort.vocabularies["wijk"]
(1, 2, ('', 'tuinwijk'))
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

from sociaaldomein.domain.cohort import CATEGORY_ENUMS, FLAG_ENUMS, SCHEMA, Cohort, flag_mask
from sociaaldomein.io._paths import ConversionError, unknown_field
from sociaaldomein.io._scalars import structure_date, structure_enum
from sociaaldomein.io.documents import decode_text, read_bytes
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.io.family import read_gezinnen

__all__ = ["COHORT_SUFFIXES", "CSV_COLUMNS", "loads_cohort_csv", "read_cohort", "read_cohort_csv"]

COHORT_SUFFIXES: Final = (".csv", ".json", ".toml")
"""The files a cohort can come from: CSV, or a family file."""

CSV_COLUMNS: Final = ("id", *SCHEMA)
"""The columns a cohort CSV file may have; only ``id`` is required."""

_WHOLE = re.compile(r"^-?[0-9]{1,9}$")
_COUNTS: Final = {"aantal_hulpverleners": 1000, "aantal_ouders": 100, "aantal_kinderen": 100}
_DATES: Final = ("jongste_kind_geboren", "zrm_afgenomen")
_FLAGS: Final = {"true": True, "false": False, "": False}

Cell = Callable[[str], int | bool]


def _flags(column: str) -> Cell:
    kind = FLAG_ENUMS[column]
    return lambda cell: flag_mask(
        structure_enum(name.strip(), kind) for name in cell.split(";") if name.strip()
    )


def _category(column: str) -> Cell:
    kind = CATEGORY_ENUMS[column]
    members = list(kind)
    return lambda cell: members.index(structure_enum(cell, kind)) + 1 if cell else 0


def _whole(low: int, high: int, what: str) -> Cell:
    def read(cell: str) -> int:
        if not cell:
            return 0
        if not _WHOLE.match(cell) or not low <= int(cell) <= high:
            raise ConversionError(f"{what} from {low} to {high}, got {cell!r}")
        return int(cell)

    return read


def _bool(cell: str) -> bool:
    if cell.lower() not in _FLAGS:
        raise ConversionError(f"must be true or false (or empty), got {cell!r}")
    return _FLAGS[cell.lower()]


def _date(cell: str) -> int:
    return structure_date(cell).toordinal() if cell else 0


def _reader(column: str) -> Cell:
    if column in FLAG_ENUMS:
        return _flags(column)
    if column in CATEGORY_ENUMS:
        return _category(column)
    if column in _COUNTS:
        return _whole(0, _COUNTS[column], "must be a whole number")
    if column in _DATES:
        return _date
    if column.startswith(("zrm.", "zrm_haalbaar.")):
        return _whole(1, 5, "a ZRM level is a whole number")
    if column in ("ouder_chronisch", "complexe_vraag"):
        return _bool
    raise AssertionError(f"no reader for column {column!r}")  # pragma: no cover


def loads_cohort_csv(data: str | bytes, *, source: str | os.PathLike[str] | None = None) -> Cohort:
    """The cohort in the text of a CSV file."""
    rows = csv.reader(decode_text(data, source).splitlines())
    header = [name.strip() for name in next(rows, [])]
    for name in header:
        if name not in CSV_COLUMNS:
            problem = unknown_field(name, CSV_COLUMNS, "a cohort CSV file")
            raise FileFormatError(source, name, problem.replace("field", "column", 1), line=1)
    if "id" not in header:
        raise FileFormatError(source, "id", "the column is required", line=1)
    ids: list[str] = []
    seen: dict[str, int] = {}
    wijken: list[str] = []
    columns: dict[str, list[int | bool]] = {c: [] for c in header if c not in ("id", "wijk")}
    readers = {c: _reader(c) for c in columns}
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise FileFormatError(
                source, "", f"has {len(row)} cells, the header {len(header)}", line=line
            )
        cells = dict(zip(header, (cell.strip() for cell in row), strict=True))
        key = cells["id"]
        if not key or key in seen:
            problem = "must not be empty" if not key else f"{key!r} is on line {seen[key]} too"
            raise FileFormatError(source, "id", problem, line=line)
        seen[key] = line
        ids.append(key)
        wijken.append(cells.get("wijk", ""))
        for column, read in readers.items():
            try:
                columns[column].append(read(cells[column]))
            except ConversionError as exc:
                raise FileFormatError(source, column, exc.problem, line=line) from None
    return _cohort(ids, columns, wijken if "wijk" in header else None)


def _cohort(
    ids: list[str], columns: dict[str, list[int | bool]], wijken: list[str] | None
) -> Cohort:
    values: dict[str, list[int | bool]] = dict(columns)
    vocabulary: list[str] = []
    if wijken is not None:
        labels = {" ".join(w.split()).casefold(): w for w in wijken if w}
        vocabulary = sorted(labels)
        code = {label: i + 1 for i, label in enumerate(vocabulary)}
        values["wijk"] = [code[" ".join(w.split()).casefold()] if w else 0 for w in wijken]
    return Cohort.from_columns(ids, values, vocabulary)


def read_cohort_csv(path: str | os.PathLike[str]) -> Cohort:
    """The cohort in the CSV file ``path``."""
    return loads_cohort_csv(read_bytes(path), source=path)


def read_cohort(path: str | os.PathLike[str]) -> Cohort:
    """The cohort in ``path``: a CSV file (``.csv``) or a family file (``.json``, ``.toml``)."""
    suffix = Path(path).suffix.lower()
    if suffix not in COHORT_SUFFIXES:
        raise FileFormatError(
            path,
            "",
            f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
            "use .csv, .json or .toml",
        )
    if suffix == ".csv":
        return read_cohort_csv(path)
    return Cohort.from_gezinnen(read_gezinnen(path))
