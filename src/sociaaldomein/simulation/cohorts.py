"""Cohort files on disk: write CSV or Parquet, find every problem in one, summarise a cohort.

What ``sociaaldomein cohort generate|validate|describe`` does, as functions:

* :func:`write_cohort` writes a cohort as a cohort CSV file or a Parquet file
  with the same columns, which :func:`~sociaaldomein.simulation.load_cohort`
  reads back into an equal cohort; the file appears whole or not at all.
* :func:`cohort_problems` reads a cohort file cell by cell with the cell
  grammar (:mod:`sociaaldomein.io.cells`) and returns *every* problem, each
  naming the file, the line (CSV) or row (Parquet) and the column, where
  loading stops at the first.
* :func:`describe_cohort` gives its size, memory, and the shares per area,
  household and problem that a parameter file promised.

>>> from sociaaldomein.simulation import generate_cohort
>>> summary = describe_cohort(generate_cohort(2_000, seed=1))
>>> summary["families"], abs(summary["single_parent_share"] - 0.227) < 0.03
(2000, True)
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import numpy as np

from sociaaldomein.domain.bsn import check_key
from sociaaldomein.domain.cohort import CATEGORY_ENUMS, FLAG_ENUMS, SCHEMA, Array, Cohort
from sociaaldomein.domain.feiten import DATE_SUFFIX
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.vocabulary import VOCABULARIES
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import FileFormatError, check_input_file, with_lines
from sociaaldomein.io._paths import ConversionError
from sociaaldomein.io.cells import COHORT_COLUMNS, cell_text, cells_of, format_cell, parse_cell
from sociaaldomein.io.cohort import dumps_cohort_csv
from sociaaldomein.io.documents import decode_text, read_bytes
from sociaaldomein.io.family import read_gezinnen
from sociaaldomein.simulation.population import CohortParams
from sociaaldomein.simulation.summary import require

__all__ = [
    "COHORT_FORMATS",
    "MAX_PROBLEMS",
    "cohort_problems",
    "describe_cohort",
    "format_of_cohort",
    "write_cohort",
]

COHORT_FORMATS: Final = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
"""The suffixes :func:`write_cohort` writes, and their format."""
MAX_PROBLEMS: Final = 1000
""":func:`cohort_problems` stops after this many (a file wrong throughout says so soon)."""

_DATES: Final = frozenset({"jongste_kind_geboren", "zrm_afgenomen"})
_COUNTS: Final = frozenset({"aantal_hulpverleners", "aantal_ouders", "aantal_kinderen"})


def format_of_cohort(path: str | os.PathLike[str]) -> str:
    """``"csv"`` or ``"parquet"`` from the suffix of ``path``; another suffix is an error."""
    suffix = Path(path).suffix.lower()
    if suffix not in COHORT_FORMATS:
        raise InvalidValueError(
            str(path), f"a cohort file is .csv or .parquet, got {suffix or '(no suffix)'!r}"
        )
    return COHORT_FORMATS[suffix]


def _names(
    cohort: Cohort, columns: Iterable[str] | None, feiten: Feitenregister | None
) -> list[str]:
    declared = {} if feiten is None else feiten.declared()
    held = [c for c in SCHEMA if c in cohort.columns]
    held += [c for c in cohort.columns if c in declared or _dates_of(c, declared)]
    if columns is None:
        return ["id", *held]
    names = ["id", *(c for c in columns if c != "id")]
    for name in names[1:]:
        if name not in held:
            raise InvalidValueError(
                "columns", f"the cohort has no column {name!r} to write; it has: {', '.join(held)}"
            )
    return names


def _dates_of(column: str, declared: Mapping[str, object]) -> bool:
    return column.endswith(DATE_SUFFIX) and column.removesuffix(DATE_SUFFIX) in declared


def _labels(column: str, values: Array, vocabulary: tuple[str, ...]) -> list[str]:
    # Each distinct value is written once and looked up: a flag column has few distinct sets.
    distinct, index = np.unique(values, return_inverse=True)
    labels = np.asarray([format_cell(column, int(v), vocabulary) for v in distinct], dtype=object)
    out: list[str] = labels[index.reshape(-1)].tolist()
    return out


def _arrow_table(cohort: Cohort, names: list[str], feiten: Feitenregister | None) -> Any:
    pa = require("pyarrow", "parquet")
    arrays: dict[str, Any] = {"id": pa.array(list(cohort.ids), type=pa.string())}
    vocabulary = cohort.vocabularies.get("wijk", ())
    declared = {} if feiten is None else feiten.declared()
    for name in names[1:]:
        values = cohort.column(name)
        if name in declared or _dates_of(name, declared):
            # a declared fact as the text of its CSV cell, which the grammar reads alike
            texts = [row[0] for row in cells_of(cohort, [name], feiten=feiten)]
            arrays[name] = pa.array([t or None for t in texts], type=pa.string())
        elif name in FLAG_ENUMS or name in CATEGORY_ENUMS or name == "wijk":
            texts = _labels(name, values, vocabulary)
            arrays[name] = pa.array([t or None for t in texts], type=pa.string())
        elif SCHEMA[name] is np.bool_:
            arrays[name] = pa.array(values.astype(bool))
        elif name in _DATES:
            days = values.astype(np.int64) - 719_163  # proleptic ordinal of 1970-01-01
            arrays[name] = pa.array(days.astype(np.int32), type=pa.date32(), mask=values == 0)
        elif name in _COUNTS:
            arrays[name] = pa.array(values.astype(np.int64))
        else:  # a ZRM level: 0 is "not scored", an empty cell
            arrays[name] = pa.array(values.astype(np.int8), mask=values == 0)
    return pa.table(arrays)


def write_cohort(
    cohort: Cohort,
    path: str | os.PathLike[str],
    columns: Iterable[str] | None = None,
    *,
    feiten: Feitenregister | None = None,
) -> None:
    """Write ``cohort`` to ``path``: a cohort CSV file (``.csv``) or Parquet (``.parquet``).

    ``columns`` chooses the columns (``id`` first; by default every column the
    cohort holds).  Parquet holds typed columns: numbers, true/false and dates
    as such, sets and categories as the text a CSV cell holds; it needs pyarrow
    (``pip install 'sociaaldomein[parquet]'``).  The file is written beside
    ``path`` and moved in place, so a failure leaves what was there.  With
    ``feiten`` (``gemeente.feiten``) the columns of the composition's declared
    facts the cohort holds are written too.
    """
    kind = format_of_cohort(path)
    names = _names(cohort, columns, feiten)
    target = Path(path)
    if kind == "parquet":
        from sociaaldomein.simulation.output import require_extra

        require_extra(str(path), "parquet")
    handle, temporary = tempfile.mkstemp(prefix=".cohort-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        if kind == "parquet":
            pq = require("pyarrow.parquet", "parquet")
            pq.write_table(_arrow_table(cohort, names, feiten), temporary)
        else:
            Path(temporary).write_text(
                dumps_cohort_csv(cohort, names, feiten=feiten), encoding="utf-8", newline=""
            )
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


Problem = Callable[[str, int | None, str], None]


def _check_table(
    table: Mapping[str, list[object]],
    report: Problem,
    row_name: Callable[[int], str],
    skip: frozenset[str] = frozenset(),
    feiten: Feitenregister | None = None,
) -> None:
    """Every problem of a table of cells: unknown columns, ids, and each cell by the grammar.

    ``skip`` are the columns of declared facts and terms, checked when the file is read.
    """
    import difflib

    for name in table:
        if name in skip:
            continue
        if name not in COHORT_COLUMNS:
            close = difflib.get_close_matches(name, COHORT_COLUMNS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            report(
                name, None, f"unknown column; {hint}a cohort file has: {', '.join(COHORT_COLUMNS)}"
            )
    if "id" not in table:
        report("id", None, "the column is required: a pseudonymous key per family")
    first: dict[str, int] = {}
    for i, value in enumerate(table.get("id", [])):
        key = "" if value is None else str(value).strip()
        try:
            check_key("id", key)
        except InvalidValueError as exc:
            report("id", i, exc.problem)
            continue
        if key in first:
            report("id", i, f"{key!r} is on {row_name(first[key])} too")
        first.setdefault(key, i)
    for name, cells in table.items():
        if name in ("id", "wijk") or name in skip or name not in COHORT_COLUMNS:
            continue
        with_terms = feiten is not None and name in VOCABULARIES and feiten.terms_of(name)
        for i, cell in enumerate(cells):
            try:
                if with_terms and feiten is not None:
                    cell = _without_terms(name, cell, feiten)
                parse_cell(name, cell)
            except ConversionError as exc:
                report(name, i, exc.problem)
            except InvalidValueError as exc:  # a term the composition does not declare
                report(name, i, exc.problem)


def _without_terms(name: str, cell: object, feiten: Feitenregister) -> str:
    # a plugin's term (a code with a namespace) is checked against the register, and the
    # core's members are left for the grammar, as reading the file does
    kept = []
    for part in re.split(r"[;|]", cell_text(cell)):
        code = part.strip()
        if "." in code:
            feiten.term(name, code, field=name)
        else:
            kept.append(part)
    return ";".join(kept)


class _EnoughError(Exception):
    pass


def _collector(
    path: str | os.PathLike[str], where: Callable[[int], dict[str, Any]]
) -> tuple[list[FileFormatError], Problem]:
    found: list[FileFormatError] = []

    def report(column: str, index: int | None, problem: str) -> None:
        place = {} if index is None else where(index)
        field = column if "row" not in place else f"{column}, row {place.pop('row')}"
        found.append(FileFormatError(path, field, problem, **place))
        if len(found) >= MAX_PROBLEMS:
            raise _EnoughError

    return found, report


def _csv_problems(
    path: str | os.PathLike[str], skip: frozenset[str], feiten: Feitenregister | None
) -> list[FileFormatError]:
    text = decode_text(read_bytes(path), path)
    rows = csv.reader(io.StringIO(text, newline=""))
    lines: list[int] = []
    found, report = _collector(path, lambda i: {"line": lines[i]})
    try:
        header = [h.strip() for h in next(rows, [])]
        table: dict[str, list[object]] = {}
        for name in header:
            if name in table:
                found.append(FileFormatError(path, name, "the column appears twice", line=1))
            table[name] = []
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                found.append(
                    FileFormatError(
                        path,
                        "",
                        f"has {len(row)} cells, the header {len(header)}",
                        line=rows.line_num,
                    )
                )
                continue
            lines.append(rows.line_num)
            for name, cell in zip(header, row, strict=True):
                table[name].append(cell)
        _check_table(table, report, lambda i: f"line {lines[i]}", skip, feiten)
    except csv.Error as exc:
        found.append(FileFormatError(path, "", f"invalid CSV: {exc}", line=rows.line_num))
    except _EnoughError:
        pass
    return sorted(found, key=_place)


def _place(problem: FileFormatError) -> tuple[int, int]:
    # in file order: by line (CSV) or row (Parquet), the whole file's problems first
    if problem.line is not None:
        return (problem.line, 0)
    row = problem.field.rpartition(", row ")[2]
    return (int(row), 0) if row.isdigit() else (0, 0)


def _parquet_problems(
    path: str | os.PathLike[str], skip: frozenset[str], feiten: Feitenregister | None
) -> list[FileFormatError]:
    from sociaaldomein.simulation.output import require_extra

    require_extra(str(path), "parquet")
    pq = require("pyarrow.parquet", "parquet")
    try:
        data = pq.read_table(path)
    except (OSError, ValueError) as exc:
        return [FileFormatError(path, "", f"is not a Parquet file that can be read: {exc}")]
    found, report = _collector(path, lambda i: {"row": i + 1})
    names = data.column_names
    for name in sorted({n for n in names if names.count(n) > 1}):
        found.append(FileFormatError(path, name, "the column appears twice"))
    table = {n: c.to_pylist() for n, c in zip(names, data.columns, strict=True)}
    with contextlib.suppress(_EnoughError):
        _check_table(table, report, lambda i: f"row {i + 1}", skip, feiten)
    return sorted(found, key=_place)


def _declared_columns(feiten: Feitenregister | None) -> frozenset[str]:
    if feiten is None:
        return frozenset()
    names = set(feiten.declared())
    names |= {f"{n}{DATE_SUFFIX}" for n in names}
    return frozenset(names)


def cohort_problems(
    path: str | os.PathLike[str], *, feiten: Feitenregister | None = None
) -> list[FileFormatError]:
    """Every problem in the cohort file ``path`` (CSV, Parquet or a family file); ``[]`` if none.

    Each problem names the file, the line or row and the column, as loading
    the file would, but all of them (up to :data:`MAX_PROBLEMS`) rather than the
    first.  ``feiten`` (``gemeente.feiten``) admits the composition's declared
    facts and terms; their cells are checked as the file is read, which names
    the first problem among them.  A family file (``.json``, ``.toml``) is
    checked as it is read.
    """
    check_input_file(path)
    suffix = Path(path).suffix.lower()
    if suffix in (".json", ".toml"):
        try:
            read_gezinnen(path, feiten=feiten)
        except FileFormatError as exc:
            return with_lines(exc)
        return []
    if suffix not in (".csv", ".parquet", ".pq"):
        return [FileFormatError(path, "", "a cohort file is .csv, .parquet, .json or .toml")]
    skip = _declared_columns(feiten)
    check = _csv_problems if suffix == ".csv" else _parquet_problems
    found = check(path, skip, feiten)
    if skip and len(found) < MAX_PROBLEMS:
        from sociaaldomein.simulation.loader import load_cohort

        try:
            load_cohort(Path(path), feiten=feiten)
        except FileFormatError as exc:
            # the first problem among the declared columns (the others are found already)
            found += [e for e in with_lines(exc) if e.field.split(",")[0] in skip]
    return sorted(found, key=_place)


def _share(mask: Array) -> float:
    return round(float(mask.mean()), 4) if mask.size else 0.0


def describe_cohort(cohort: Cohort, params: CohortParams | None = None) -> dict[str, Any]:
    """A summary of ``cohort`` as plain data (what ``cohort describe --json`` prints).

    ``families``, the bytes its ids and columns hold, and for the columns it
    has: the share of families per area, with one parent, with youth care,
    the mean number of children, and per problem and need the share that has
    it.  With ``params`` the areas are named as the parameters write them and
    each figure the parameters give is shown beside the cohort's own.
    """
    n = len(cohort)
    out: dict[str, Any] = {
        "families": n,
        "id_bytes": cohort.ids.nbytes,
        "column_bytes": cohort.nbytes(),
        "bytes_per_family": round((cohort.ids.nbytes + cohort.nbytes()) / n, 1) if n else 0.0,
        "columns": list(cohort.columns),
    }
    columns = cohort.columns
    if "wijk" in columns:
        vocabulary = cohort.vocabularies["wijk"]
        shown = {w.casefold(): w for w in (params.wijken if params else ())}
        counts = np.bincount(columns["wijk"].astype(np.int64), minlength=len(vocabulary))
        out["areas"] = {
            (shown.get(label, label) if i else "(unknown)"): round(int(c) / n, 4)
            for i, (label, c) in enumerate(zip(vocabulary, counts, strict=True))
            if c
        }
    if "aantal_ouders" in columns:
        out["single_parent_share"] = _share(columns["aantal_ouders"] == 1)
    if "aantal_kinderen" in columns:
        out["mean_children"] = round(float(columns["aantal_kinderen"].mean()), 3) if n else 0.0
    if "zorgsoorten" in columns:
        out["youth_care_share"] = _share(columns["zorgsoorten"] != 0)
    for name, key in (("problemen", "problems"), ("hulpvragen", "needs")):
        if name in columns:
            values = columns[name].astype(np.int64)
            if name == "hulpvragen" and "zorgsoorten" in columns:
                values = values[columns["zorgsoorten"] != 0]  # needs: of the families in care
            out[key] = {
                m.name: _share((values >> i) & 1 == 1) for i, m in enumerate(FLAG_ENUMS[name])
            }
    facts = {k: v for k, v in columns.items() if k not in SCHEMA and v.dtype == np.bool_}
    if facts:  # declared yes/no facts
        out["facts"] = {name: _share(values) for name, values in sorted(facts.items())}
    if params is not None:
        out["gemeente"] = params.gemeente
        out["invented"] = params.invented
        out["params"] = {
            "single_parent_share": params.single_parent_share,
            "youth_care_share": params.youth_care_share + params.multiprobleem_share,
            "areas": dict(zip(params.wijken, _normalised(params), strict=True)),
            "problems": dict(params.problem_shares),
            "needs": dict(params.need_shares),
            "facts": dict(params.fact_shares),
        }
    return out


def _normalised(params: CohortParams) -> list[float]:
    weights = params.wijk_weights or (1.0,) * len(params.wijken)
    total = sum(weights)
    return [round(w / total, 4) for w in weights]
