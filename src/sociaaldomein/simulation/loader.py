"""Loading a real, pseudonymised cohort from Parquet (or CSV) into the columnar form.

:func:`load_cohort` reads a Parquet file here and passes CSV and family files
to :func:`sociaaldomein.io.read_cohort`.  A Parquet file has the columns of
the cohort CSV file (``docs/files.md``, "Cohort CSV file"): one row per
family, ``id`` (a pseudonymous key, never a BSN) required, every other column
optional.  Both formats are read by one cell grammar
(:mod:`sociaaldomein.io.cells`, ``docs/files.md``, "Cell grammar"): a Parquet
value is taken as the text a CSV cell would hold (``7`` as ``"7"``, ``True``
as ``"true"``, a date as ``"2015-03-01"``, a null as an empty cell), so a
cell means the same in either file.  A bad value raises
:class:`~sociaaldomein.io.FileFormatError` naming the file, the column and
the row (rows count from 1, the header not included).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from sociaaldomein.domain.cohort import SCHEMA, Cohort
from sociaaldomein.domain.feiten import DATE_SUFFIX
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import FileFormatError, check_input_file
from sociaaldomein.io.cells import Cells, cohort_from_cells
from sociaaldomein.simulation.results import require

__all__ = ["cohort_from_table", "load_cohort"]


def cohort_from_table(
    table: Mapping[str, Cells], source: str = "table", *, feiten: Feitenregister | None = None
) -> Cohort:
    """A cohort from columns of plain values (as a CSV or Parquet file holds them).

    Every cell is read by the cell grammar of :mod:`sociaaldomein.io.cells`;
    a problem is a :class:`~sociaaldomein.io.FileFormatError` naming
    ``source``, the column and the row.  ``feiten`` (the composition's
    register) admits the columns of its declared facts and terms.
    """

    def fail(column: str, index: int | None, problem: str) -> FileFormatError:
        where = column if index is None else f"{column}, row {index + 1}"
        return FileFormatError(source, where, problem)

    return cohort_from_cells(table, fail, lambda index: f"row {index + 1}", feiten=feiten)


def _columns(table: Any) -> dict[str, Cells]:
    # Whole columns of integers or booleans without nulls stay numpy arrays: the cell
    # grammar checks them at once; any other column is read value by value.
    out: dict[str, Cells] = {}
    for name, column in zip(table.column_names, table.columns, strict=True):
        kind = str(column.type)
        if column.null_count == 0 and (kind.startswith(("int", "uint")) or kind == "bool"):
            out[name] = np.asarray(column.to_numpy(zero_copy_only=False))
        else:
            out[name] = column.to_pylist()
    return out


def _read_parquet(
    file: Path, columns: Collection[str] | None = None, feiten: Feitenregister | None = None
) -> Cohort:
    parquet = require("pyarrow.parquet", "parquet")
    check_input_file(file)
    try:
        if columns is not None:  # only the columns asked for are read from the file
            present = parquet.read_schema(file).names
            columns = [n for n in present if n == "id" or n in columns]
        table = parquet.read_table(file, columns=columns)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid and ArrowIOError are these
        raise FileFormatError(file, "", f"is not a Parquet file that can be read: {exc}") from None
    if len(set(table.column_names)) != len(table.column_names):
        twice = sorted({n for n in table.column_names if table.column_names.count(n) > 1})
        raise FileFormatError(file, twice[0], "the column appears twice")
    return cohort_from_table(_columns(table), source=str(file), feiten=feiten)


def load_cohort(
    path: str | Path,
    format: str | None = None,
    *,
    columns: Collection[str] | None = None,
    feiten: Feitenregister | None = None,
) -> Cohort:
    """Load ``path``: Parquet here, CSV and family files through :mod:`sociaaldomein.io`.

    ``columns`` keeps only those columns (for example
    :func:`~sociaaldomein.simulation.columns_read` of a composition); a Parquet
    file reads no other column, and a column the file lacks is unknown (zeros).

    ``.csv``, ``.json`` and ``.toml`` are read by
    :func:`sociaaldomein.io.read_cohort` (its errors name the file, the line and
    the column); ``.parquet`` by :func:`cohort_from_table`, which needs pyarrow
    (``pip install 'sociaaldomein[parquet]'``).  ``format`` overrides the suffix.
    A directory, a named pipe or a device is refused before it is opened.
    ``feiten`` (``gemeente.feiten``) admits the composition's declared facts and terms;
    their columns are kept whatever ``columns`` says.
    """
    file = Path(path)
    kind = (format or file.suffix.lstrip(".")).lower()
    if kind in ("csv", "json", "toml"):
        from sociaaldomein.io import read_cohort

        if format is not None and file.suffix.lstrip(".").lower() != kind:
            raise InvalidValueError(str(file), f"a {kind} cohort must have the suffix .{kind}")
        whole = read_cohort(file, feiten=feiten)
        if columns is None:
            return whole
        return Cohort.from_columns(
            whole.ids,
            {k: v for k, v in whole.columns.items() if k in columns and k in SCHEMA},
            wijken=whole.vocabularies["wijk"][1:],
            select=[c for c in columns if c in SCHEMA],
            extra={k: v for k, v in whole.columns.items() if k not in SCHEMA},
        )
    if kind in ("parquet", "pq"):
        if columns is None:
            return _read_parquet(file, feiten=feiten)
        declared = (
            []
            if feiten is None
            else [*feiten.declared(), *(f"{n}{DATE_SUFFIX}" for n in feiten.declared())]
        )
        part = _read_parquet(file, [*columns, *declared], feiten)
        return Cohort.from_columns(
            part.ids,
            {k: v for k, v in part.columns.items() if k in columns and k in SCHEMA},
            wijken=part.vocabularies["wijk"][1:],
            select=[c for c in columns if c in SCHEMA],
            extra={k: v for k, v in part.columns.items() if k not in SCHEMA},
        )
    raise InvalidValueError(
        str(file), f"unknown format {kind!r}: use .parquet, .csv, .json or .toml"
    )
