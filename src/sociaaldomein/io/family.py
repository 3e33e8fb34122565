"""The family file: one family (``{"gezin": {...}}``) or many (``{"gezinnen": [...]}``).

In JSON or TOML; the fields are those of :class:`~sociaaldomein.domain.gezin.Gezin`
(see ``docs/files.md``).  Every problem becomes one
:class:`~sociaaldomein.io.errors.FileFormatError` naming the file and the
field path, such as ``gezinnen[2].zrm.huidig.financien``.

>>> gezinnen = loads_gezinnen('''
... [gezin]
... id = "gezin-1"
... problemen = ["SCHULDEN", "VERSLAVING"]
... [[gezin.leden]]
... rol = "OUDER"
... geboortedatum = 1985-05-01
... ''', "toml")
>>> [(g.id, len(g.leden)) for g in gezinnen]
[('gezin-1', 1)]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

from sociaaldomein.domain.bsn import BSN_PROBLEM, value_looks_like_bsn
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.io._paths import describe
from sociaaldomein.io.converters import Format, structure, unstructure
from sociaaldomein.io.documents import (
    dumps_document,
    format_of,
    load_document,
    loads_document,
    write_document,
)
from sociaaldomein.io.errors import FileFormatError

__all__ = [
    "dumps_gezinnen",
    "gezinnen_from_data",
    "gezinnen_to_data",
    "loads_gezinnen",
    "read_gezinnen",
    "write_gezinnen",
]

Source = str | os.PathLike[str] | None


def gezinnen_from_data(
    data: object, *, source: Source = None, format: Format = "json"
) -> tuple[Gezin, ...]:
    """The families in a family document already parsed into dicts and lists."""
    if not isinstance(data, Mapping):
        raise FileFormatError(
            source,
            "",
            'a family file is an object with "gezin" (one family) or "gezinnen" '
            f"(a list of families), got {describe(data)}",
        )
    keys = set(data)
    _refuse_numeric_bsn(data, source)
    if keys == {"gezin"}:
        return (structure(data["gezin"], Gezin, source=source, field="gezin", format=format),)
    if keys == {"gezinnen"}:
        items = data["gezinnen"]
        if not isinstance(items, list):
            raise FileFormatError(
                source, "gezinnen", f"must be a list of families, got {describe(items)}"
            )
        gezinnen = structure(
            items, tuple[Gezin, ...], source=source, field="gezinnen", format=format
        )
        _check_unique(gezinnen, source)
        return gezinnen
    found = ", ".join(repr(k) for k in sorted(map(str, keys))) or "none"
    raise FileFormatError(
        source,
        "",
        'a family file holds either "gezin" (one family) or "gezinnen" (a list of '
        f"families), and nothing else; found keys: {found}",
    )


def _refuse_numeric_bsn(data: Mapping[Any, Any], source: Source) -> None:
    # Gezin refuses a BSN written as text; one written as a number would be refused
    # by the converter as "must be text, got the number ...", repeating it.
    items = data.get("gezinnen")
    families = [("gezin", data.get("gezin"))]
    if isinstance(items, list):
        families = [(f"gezinnen[{i}]", item) for i, item in enumerate(items)]
    for where, family in families:
        key = family.get("id") if isinstance(family, Mapping) else None
        if value_looks_like_bsn(key):
            raise FileFormatError(source, f"{where}.id", BSN_PROBLEM)


def _check_unique(gezinnen: Iterable[Gezin], source: Source) -> None:
    first: dict[str, int] = {}
    for i, gezin in enumerate(gezinnen):
        if gezin.id in first:
            raise FileFormatError(
                source,
                f"gezinnen[{i}].id",
                f"{gezin.id!r} is the id of gezinnen[{first[gezin.id]}] too",
            )
        first[gezin.id] = i


def loads_gezinnen(
    text: str | bytes, format: Format = "json", *, source: Source = None
) -> tuple[Gezin, ...]:
    """The families in the text of a family document."""
    data = loads_document(text, format, source=source)
    return gezinnen_from_data(data, source=source, format=format)


def read_gezinnen(path: str | os.PathLike[str]) -> tuple[Gezin, ...]:
    """The families in the family file ``path`` (``.json`` or ``.toml``)."""
    data, format = load_document(path)
    return gezinnen_from_data(data, source=path, format=format)


def gezinnen_to_data(gezinnen: Gezin | Iterable[Gezin], format: Format = "json") -> dict[str, Any]:
    """A family document as data: ``{"gezin": ...}`` for one family, or ``{"gezinnen": [...]}``."""
    if isinstance(gezinnen, Gezin):
        return {"gezin": unstructure(gezinnen, format)}
    return {"gezinnen": [unstructure(g, format) for g in gezinnen]}


def dumps_gezinnen(gezinnen: Gezin | Iterable[Gezin], format: Format = "json") -> str:
    """A family document as text."""
    return dumps_document(gezinnen_to_data(gezinnen, format), format)


def write_gezinnen(path: str | os.PathLike[str], gezinnen: Gezin | Iterable[Gezin]) -> None:
    """Write a family file; the suffix of ``path`` (``.json``, ``.toml``) chooses the format."""
    write_document(path, gezinnen_to_data(gezinnen, format_of(path)))
