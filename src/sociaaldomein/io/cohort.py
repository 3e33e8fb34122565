"""Cohorts from files: a family file, or a CSV file with one family per line; and the CSV writer.

The CSV file has a header; ``id`` is required, every other column is
optional and named as the columns of :class:`~sociaaldomein.domain.cohort.Cohort`
(``problemen``, ``wijk``, ``zrm.financien``, ...).  What a cell may hold is
the cell grammar of :mod:`sociaaldomein.io.cells`, the same for Parquet.
Problems name the file, the line and the column::

    cohort.csv, line 5: zrm.financien: a ZRM level is a whole number ... got '7'

>>> cohort = loads_cohort_csv(
...     "id,problemen,wijk,zrm.financien\\ng1,SCHULDEN;VERSLAVING,Tuinwijk,2\\n"
... )
>>> len(cohort), int(cohort.column("zrm.financien")[0]), cohort.vocabularies["wijk"]
(1, 2, ('', 'tuinwijk'))
>>> print(dumps_cohort_csv(cohort, ["id", "problemen", "wijk"]), end="")
id,problemen,wijk
g1,SCHULDEN;VERSLAVING,tuinwijk
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from sociaaldomein.domain.cohort import Cohort
from sociaaldomein.domain.feiten import DATE_SUFFIX
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io.cells import COHORT_COLUMNS, cells_of, cohort_from_cells
from sociaaldomein.io.documents import decode_text, read_bytes
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.io.family import read_gezinnen

__all__ = [
    "COHORT_SUFFIXES",
    "CSV_COLUMNS",
    "dumps_cohort_csv",
    "loads_cohort_csv",
    "read_cohort",
    "read_cohort_csv",
    "write_cohort_csv",
]

COHORT_SUFFIXES: Final = (".csv", ".json", ".toml")
"""The files a cohort can come from: CSV, or a family file."""

CSV_COLUMNS: Final = COHORT_COLUMNS
"""The columns a cohort CSV file may have; only ``id`` is required."""

Source = str | os.PathLike[str] | None


def loads_cohort_csv(
    data: str | bytes, *, source: Source = None, feiten: Feitenregister | None = None
) -> Cohort:
    """The cohort in the text of a CSV file (``feiten``: the composition's declared facts)."""
    # newline="": a quoted cell may hold a line break, and line_num still counts lines
    rows = csv.reader(io.StringIO(decode_text(data, source), newline=""))
    try:
        header = [name.strip() for name in next(rows, [])]
        seen: set[str] = set()
        for name in header:
            if name in seen:
                raise FileFormatError(source, name, "the column appears twice", line=1)
            seen.add(name)
        cells: dict[str, list[str]] = {name: [] for name in header}
        lines: list[int] = []
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise FileFormatError(
                    source,
                    "",
                    f"has {len(row)} cells, the header {len(header)}",
                    line=rows.line_num,
                )
            lines.append(rows.line_num)
            for name, cell in zip(header, row, strict=True):
                cells[name].append(cell)
    except csv.Error as exc:
        raise FileFormatError(source, "", f"invalid CSV: {exc}", line=rows.line_num) from None

    def fail(column: str, index: int | None, problem: str) -> FileFormatError:
        line = 1 if index is None else lines[index]
        return FileFormatError(source, column, problem, line=line)

    return cohort_from_cells(cells, fail, lambda index: f"line {lines[index]}", feiten=feiten)


def read_cohort_csv(
    path: str | os.PathLike[str], *, feiten: Feitenregister | None = None
) -> Cohort:
    """The cohort in the CSV file ``path`` (``feiten``: the composition's declared facts)."""
    return loads_cohort_csv(read_bytes(path), source=path, feiten=feiten)


def read_cohort(path: str | os.PathLike[str], *, feiten: Feitenregister | None = None) -> Cohort:
    """The cohort in ``path``: a CSV file (``.csv``) or a family file (``.json``, ``.toml``).

    ``feiten`` is the composition's register (``gemeente.feiten``): the file may
    then hold its declared facts and terms.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in COHORT_SUFFIXES:
        raise FileFormatError(
            path,
            "",
            f"cannot tell the format from the suffix {suffix or '(none)'!r}; "
            "use .csv, .json or .toml",
        )
    if suffix == ".csv":
        return read_cohort_csv(path, feiten=feiten)
    return Cohort.from_gezinnen(read_gezinnen(path, feiten=feiten))


def _declared_columns(cohort: Cohort, feiten: Feitenregister | None) -> list[str]:
    if feiten is None:
        return []
    names = []
    for name in feiten.declared():
        names += [n for n in (name, f"{name}{DATE_SUFFIX}") if n in cohort.columns]
    return names


def _columns(columns: Iterable[str] | None, declared: list[str]) -> list[str]:
    known = [*CSV_COLUMNS, *declared]
    if columns is None:
        return known
    names = ["id", *(c for c in columns if c != "id")]
    for name in names:
        if name not in known:
            raise InvalidValueError(
                "columns", f"unknown column {name!r}; known: {', '.join(known)}"
            )
    return names


def dumps_cohort_csv(
    cohort: Cohort, columns: Iterable[str] | None = None, *, feiten: Feitenregister | None = None
) -> str:
    """The cohort as the text of a cohort CSV file, which :func:`loads_cohort_csv` reads back.

    ``columns`` chooses the columns (``id`` always comes first); by default
    every column.  A ``wijk`` is written as the cohort holds it: in lower case.
    With ``feiten`` (the composition's register) the declared facts the cohort
    holds are columns too, and its declared terms are written in their
    vocabulary's cells.
    """
    names = _columns(columns, _declared_columns(cohort, feiten))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes a cell holding "\n" but not one holding a lone "\r", which a reader
    # takes for a line break: such a row is written with every cell quoted
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(names)
    for row in cells_of(cohort, names, feiten=feiten):
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()


def write_cohort_csv(
    cohort: Cohort,
    path: str | os.PathLike[str],
    columns: Iterable[str] | None = None,
    *,
    feiten: Feitenregister | None = None,
) -> None:
    """Write ``cohort`` to ``path`` as a cohort CSV file (UTF-8), so nobody writes one by hand."""
    text = dumps_cohort_csv(cohort, columns, feiten=feiten)
    Path(path).write_text(text, encoding="utf-8", newline="")
