"""Result tables to files: CSV, Dutch CSV, Parquet and Excel.

A table is a mapping of column names to numpy columns, as
:meth:`sociaaldomein.simulation.Results.table` gives it; money columns end in
``_cents`` and are written as euros without the suffix:

* ``csv``: comma-separated, amounts as exact decimal text (``42000.00``), the
  stable format for tools;
* ``csv-nl``: what a Dutch spreadsheet opens as it is: ``;`` between fields, a
  decimal comma (``42000,00``), UTF-8 with a byte-order mark;
* ``parquet``: typed columns, amounts as exact decimal text (``sociaaldomein[parquet]``);
* ``xlsx``: one workbook with a sheet per table, amounts as numbers in euros
  with two decimals, dates as dates (``sociaaldomein[xlsx]``).

Rows are converted a chunk at a time, so a large table is never held as
Python objects (except by the Excel writer, which streams its rows too).
"""

from __future__ import annotations

import csv
import datetime
import importlib
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal

import numpy as np

__all__ = [
    "EXCEL_MAX_ROWS",
    "FORMATS",
    "SUFFIXES",
    "Format",
    "write_table",
    "write_workbook",
]

Format = Literal["csv", "csv-nl", "parquet", "xlsx"]
FORMATS: Final[tuple[Format, ...]] = ("csv", "csv-nl", "parquet", "xlsx")
"""The formats of ``simulate --format``."""

SUFFIXES: Final[dict[Format, str]] = {
    "csv": ".csv",
    "csv-nl": ".csv",
    "parquet": ".parquet",
    "xlsx": ".xlsx",
}

EXCEL_MAX_ROWS: Final = 1_048_576
"""Rows in one Excel sheet, its header included."""

_CHUNK: Final = 50_000
"""Rows converted to text at a time."""


def _is_money(name: str) -> bool:
    return name.endswith("_cents")


def _cell(name: str, value: Any, *, comma: bool = False) -> Any:
    if _is_money(name):
        text = f"{Decimal(int(value)).scaleb(-2):f}"
        return text.replace(".", ",") if comma else text
    if isinstance(value, np.generic):
        value = value.item()
    if comma and isinstance(value, float):
        return repr(value).replace(".", ",")
    return value


def _columns(table: Mapping[str, Any], *, comma: bool = False) -> dict[str, list[Any]]:
    return {
        name.removesuffix("_cents"): [_cell(name, v, comma=comma) for v in values]
        for name, values in table.items()
    }


def _rows(table: Mapping[str, Any]) -> int:
    return len(next(iter(table.values()))) if table else 0


def _chunks(table: Mapping[str, Any], *, comma: bool = False) -> Iterator[dict[str, list[Any]]]:
    for start in range(0, max(_rows(table), 1), _CHUNK):
        part = {k: v[start : start + _CHUNK] for k, v in table.items()}
        yield _columns(part, comma=comma)


def write_table(path: Path, table: Mapping[str, Any], fmt: Format) -> Path:
    """Write ``table`` to ``path`` with the format's suffix; returns the file written.

    ``xlsx`` writes a workbook of this one table (:func:`write_workbook` for several).
    """
    if fmt == "xlsx":
        target = path.with_suffix(".xlsx")
        write_workbook(target, {path.stem: table})
        return target
    if fmt == "parquet":
        return _parquet(path.with_suffix(".parquet"), table)
    target = path.with_suffix(".csv")
    dutch = fmt == "csv-nl"
    # A BOM tells a spreadsheet the file is UTF-8; tools reading plain CSV get none.
    encoding = "utf-8-sig" if dutch else "utf-8"
    with target.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=";" if dutch else ",")
        for i, chunk in enumerate(_chunks(table, comma=dutch)):
            if i == 0:
                writer.writerow(chunk)
            writer.writerows(zip(*chunk.values(), strict=True))
    return target


def _parquet(target: Path, table: Mapping[str, Any]) -> Path:
    pa: Any = importlib.import_module("pyarrow")
    pq: Any = importlib.import_module("pyarrow.parquet")
    writer = None
    try:
        for chunk in _chunks(table):
            part = pa.table(chunk)
            if writer is None:
                writer = pq.ParquetWriter(target, part.schema)
            writer.write_table(part)
    finally:
        if writer is not None:
            writer.close()
    return target


def _excel_value(name: str, value: Any) -> Any:
    if _is_money(name):
        return int(value) / 100  # euros; two decimals shown by the cell's format
    if isinstance(value, np.generic):
        value = value.item()
    if name == "date" and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def write_workbook(path: Path, tables: Mapping[str, Mapping[str, Any]]) -> Path:
    """One Excel workbook with a sheet per table (``openpyxl``: ``sociaaldomein[xlsx]``).

    Amounts are numbers in euros shown with two decimals, dates are dates, the
    header row is frozen.  A table longer than a sheet holds raises
    :class:`ValueError` before anything is written (check with :data:`EXCEL_MAX_ROWS`).
    """
    openpyxl: Any = importlib.import_module("openpyxl")
    cell_type: Any = importlib.import_module("openpyxl.cell").WriteOnlyCell
    for name, table in tables.items():
        if _rows(table) + 1 > EXCEL_MAX_ROWS:
            raise ValueError(
                f"the table {name!r} has {_rows(table):,} rows, more than an Excel sheet holds "
                f"({EXCEL_MAX_ROWS - 1:,}); use --format parquet or csv"
            )
    book = openpyxl.Workbook(write_only=True)
    for name, table in tables.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        sheet.append([column.removesuffix("_cents") for column in table])
        formats = {
            column: "#,##0.00" if _is_money(column) else "yyyy-mm-dd" if column == "date" else None
            for column in table
        }
        for start in range(0, _rows(table), _CHUNK):
            part = {k: v[start : start + _CHUNK] for k, v in table.items()}
            for values in zip(*part.values(), strict=True):
                row = []
                for column, value in zip(table, values, strict=True):
                    plain = _excel_value(column, value)
                    shown = formats[column]
                    if shown is None:
                        row.append(plain)
                        continue
                    cell = cell_type(sheet, value=plain)
                    cell.number_format = shown
                    row.append(cell)
                sheet.append(row)
    book.save(path)
    return path
