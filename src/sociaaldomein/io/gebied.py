"""Area trees from files: TOML (``[[gebieden]]`` tables) or CSV (one area a line).

The format is in ``docs/files.md``, "Areas".  Every problem names the file,
the line and the field::

    wijken.toml, line 12: gebieden[2].ligt_in: 'Korrewegwyk' is not an area of the tree ...
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path
from typing import Any

from sociaaldomein.domain.gebied import Gebiedsindeling
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _
from sociaaldomein.io._locate import line_of
from sociaaldomein.io.documents import decode_text, loads_document, read_bytes
from sociaaldomein.io.errors import FileFormatError

__all__ = ["CSV_COLUMNS", "load_gebiedsindeling", "loads_gebiedsindeling"]

CSV_COLUMNS = ("naam", "niveau", "ligt_in", "code", "aliassen", "lidwoord")
"""The columns of an area CSV file; ``naam`` and ``niveau`` are required, the rest may be empty."""

_ROW = re.compile(r"gebieden\[(\d+)\]\.?(.*)")


def load_gebiedsindeling(
    path: str | os.PathLike[str], *, bron: str = "", lezing: str = ""
) -> Gebiedsindeling:
    """The area tree in the file ``path`` (``.toml`` or ``.csv``).

    ``bron`` and ``lezing`` name the source of a CSV file (a TOML file says
    them itself; given here they win).
    """
    suffix = Path(path).suffix.casefold()
    if suffix not in (".toml", ".csv"):
        raise FileFormatError(path, "", _("an area file is .toml or .csv"))
    return loads_gebiedsindeling(
        read_bytes(path),
        "csv" if suffix == ".csv" else "toml",
        source=path,
        bron=bron,
        lezing=lezing,
    )


def loads_gebiedsindeling(
    data: bytes | str,
    format: str,
    *,
    source: str | os.PathLike[str] | None = None,
    bron: str = "",
    lezing: str = "",
) -> Gebiedsindeling:
    """The area tree in ``data`` (``format`` ``"toml"`` or ``"csv"``); ``source`` names it."""
    text = decode_text(data, source)
    if format == "csv":
        mapping, lines = _csv_mapping(text, source)
    else:
        mapping, lines = loads_document(text, "toml", source=source), None
    if bron:
        mapping["bron"] = bron
    if lezing:
        mapping["lezing"] = lezing
    try:
        return Gebiedsindeling.from_mapping(mapping)
    except InvalidValueError as exc:
        if lines is None:
            line = line_of(text, "toml", exc.field)
            raise FileFormatError(source, exc.field, exc.problem, line=line) from None
        row = _ROW.fullmatch(exc.field)
        if row is None:
            raise FileFormatError(source, exc.field, exc.problem) from None
        column = row.group(2).split("[")[0] or "naam"
        line = lines[int(row.group(1))]
        raise FileFormatError(source, column, exc.problem, line=line) from None


def _csv_mapping(
    text: str, source: str | os.PathLike[str] | None
) -> tuple[dict[str, Any], list[int]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(rows)]
        for name in header:
            if name not in CSV_COLUMNS:
                raise FileFormatError(
                    source,
                    name,
                    _("unknown column; known: {known}", known=", ".join(CSV_COLUMNS)),
                    line=1,
                )
        for name in ("naam", "niveau"):
            if name not in header:
                raise FileFormatError(source, name, _("the column is required"), line=1)
        gebieden: list[dict[str, Any]] = []
        lines: list[int] = []
        for cells in rows:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise FileFormatError(
                    source,
                    "",
                    _(
                        "has {cells} cells, the header {header}",
                        cells=len(cells),
                        header=len(header),
                    ),
                    line=rows.line_num,
                )
            row: dict[str, Any] = {}
            for name, cell in zip(header, cells, strict=True):
                if not cell.strip():
                    continue
                # aliases are separated by "|", as the cohort cells separate members
                row[name] = [a.strip() for a in cell.split("|")] if name == "aliassen" else cell
            gebieden.append(row)
            lines.append(rows.line_num)
    except csv.Error as exc:
        problem = _("invalid CSV: {error}", error=str(exc))
        raise FileFormatError(source, "", problem, line=rows.line_num) from None
    return {"gebieden": gebieden}, lines
