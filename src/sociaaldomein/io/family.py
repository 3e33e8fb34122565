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

A family may hold the facts and terms the composition's plugins declare, in
its table ``feiten`` and in its vocabulary lists (see :mod:`sociaaldomein.io.facts`);
read such a file with ``feiten=gemeente.feiten``.  Without it only the core's
facts are known, and a declared one is refused naming the nearest known name.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from sociaaldomein.domain.bsn import BSN_PROBLEM, value_looks_like_bsn
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.gezin import FactValue, Gezin
from sociaaldomein.domain.vocabulary import VOCABULARIES, Term
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _
from sociaaldomein.io._paths import ConversionError, describe
from sociaaldomein.io.converters import Format, structure, unstructure
from sociaaldomein.io.documents import (
    dumps_document,
    format_of,
    load_document,
    loads_document,
    write_document,
)
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.io.facts import fact_data, parse_fact, split_terms

__all__ = [
    "dumps_gezinnen",
    "gezinnen_from_data",
    "gezinnen_to_data",
    "loads_gezinnen",
    "read_gezinnen",
    "write_gezinnen",
]

Source = str | os.PathLike[str] | None


Declared = tuple[dict[str, FactValue], frozenset[Term]]


def _declared(
    family: object, where: str, register: Feitenregister, source: Source
) -> tuple[object, Declared]:
    """``family`` without its declared facts and terms, and those read by the register."""
    if not isinstance(family, Mapping):
        return family, ({}, frozenset())
    rest = dict(family)
    values: dict[str, FactValue] = {}
    raw = rest.pop("feiten", {})
    if not isinstance(raw, Mapping):
        raise FileFormatError(
            source,
            f"{where}.feiten",
            _("must be a table of fact name to value, got {value}", value=describe(raw)),
        )
    for name, value in raw.items():
        field = f"{where}.feiten.{name}"
        try:
            feit = register.fact(str(name), field=field)
        except InvalidValueError as exc:
            alone = "" if register.declared() else " (no plugin of the composition declares facts)"
            raise FileFormatError(source, field, exc.problem + alone) from None
        if not feit.declared:
            raise FileFormatError(
                source,
                field,
                f"{feit.naam} is a field of the family, not a declared fact: write it "
                f"as the family's own field",
            )
        try:
            values[feit.naam] = parse_fact(feit, value)
        except ConversionError as exc:
            raise FileFormatError(source, field, exc.problem) from None
    terms: set[Term] = set()
    for vocabulary in VOCABULARIES:
        items = rest.get(vocabulary)
        if isinstance(items, list):
            try:
                rest[vocabulary], found = split_terms(register, vocabulary, items)
            except ConversionError as exc:
                raise FileFormatError(source, f"{where}.{vocabulary}", exc.problem) from None
            terms |= found
    return rest, (values, frozenset(terms))


def gezinnen_from_data(
    data: object,
    *,
    source: Source = None,
    format: Format = "json",
    feiten: Feitenregister | None = None,
) -> tuple[Gezin, ...]:
    """The families in a family document already parsed into dicts and lists.

    ``feiten`` is the composition's register (``gemeente.feiten``): the facts
    and terms its plugins declared may then appear; by default only the core's.
    """
    if not isinstance(data, Mapping):
        raise FileFormatError(
            source,
            "",
            _(
                'a family file is an object with "gezin" (one family) or "gezinnen" '
                "(a list of families), got {value}",
                value=describe(data),
            ),
        )
    keys = set(data)
    _refuse_numeric_bsn(data, source)
    register = Feitenregister.core() if feiten is None else feiten
    if keys == {"gezin"}:
        family, declared = _declared(data["gezin"], "gezin", register, source)
        gezin = structure(family, Gezin, source=source, field="gezin", format=format)
        return (_with(gezin, declared, "gezin", source),)
    if keys == {"gezinnen"}:
        items = data["gezinnen"]
        if not isinstance(items, list):
            raise FileFormatError(
                source,
                "gezinnen",
                _("must be a list of families, got {value}", value=describe(items)),
            )
        split = [_declared(f, f"gezinnen[{i}]", register, source) for i, f in enumerate(items)]
        gezinnen = structure(
            [f for f, _ in split], tuple[Gezin, ...], source=source, field="gezinnen", format=format
        )
        gezinnen = tuple(
            _with(g, declared, f"gezinnen[{i}]", source)
            for i, (g, (_, declared)) in enumerate(zip(gezinnen, split, strict=True))
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


def _with(gezin: Gezin, declared: Declared, where: str, source: Source) -> Gezin:
    values, terms = declared
    if not values and not terms:
        return gezin
    try:
        return attrs.evolve(gezin, feiten=values, termen=terms)
    except InvalidValueError as exc:
        raise FileFormatError(source, f"{where}.feiten", exc.problem) from None


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
    text: str | bytes,
    format: Format = "json",
    *,
    source: Source = None,
    feiten: Feitenregister | None = None,
) -> tuple[Gezin, ...]:
    """The families in the text of a family document (``feiten``: the composition's facts)."""
    data = loads_document(text, format, source=source)
    return gezinnen_from_data(data, source=source, format=format, feiten=feiten)


def read_gezinnen(
    path: str | os.PathLike[str], *, feiten: Feitenregister | None = None
) -> tuple[Gezin, ...]:
    """The families in the family file ``path`` (``.json`` or ``.toml``).

    ``feiten`` is the composition's register (``gemeente.feiten``), for files
    that hold declared facts and terms.
    """
    data, format = load_document(path)
    return gezinnen_from_data(data, source=path, format=format, feiten=feiten)


def _family_data(gezin: Gezin, format: Format) -> dict[str, Any]:
    data: dict[str, Any] = unstructure(gezin, format)
    if gezin.feiten:
        data["feiten"] = {
            name: fact_data(value, toml=format == "toml")
            for name, value in sorted(gezin.feiten.items())
        }
    return data


def gezinnen_to_data(gezinnen: Gezin | Iterable[Gezin], format: Format = "json") -> dict[str, Any]:
    """A family document as data: ``{"gezin": ...}`` for one family, or ``{"gezinnen": [...]}``."""
    if isinstance(gezinnen, Gezin):
        return {"gezin": _family_data(gezinnen, format)}
    return {"gezinnen": [_family_data(g, format) for g in gezinnen]}


def dumps_gezinnen(gezinnen: Gezin | Iterable[Gezin], format: Format = "json") -> str:
    """A family document as text."""
    return dumps_document(gezinnen_to_data(gezinnen, format), format)


def write_gezinnen(path: str | os.PathLike[str], gezinnen: Gezin | Iterable[Gezin]) -> None:
    """Write a family file; the suffix of ``path`` (``.json``, ``.toml``) chooses the format."""
    write_document(path, gezinnen_to_data(gezinnen, format_of(path)))
