"""Reading and writing declared facts and terms: one set of rules for files and cohort cells.

A family file holds a family's declared facts in its table ``feiten``, by
name, and a declared term in the list of its vocabulary::

    [gezin.feiten]
    "schuldhulp.schuld" = "12500.00"
    "schuldhulp.schuldeisers" = {waarde = 4, datum = 2025-02-15}

    problemen = ["SCHULDEN", "schuldhulp.beslag"]

A cohort file (CSV, Parquet) holds a declared fact in the column named like
it, its days of observation in ``<naam>@datum``, and a declared term among
the members of its vocabulary's column (``SCHULDEN;schuldhulp.beslag``).
What a value may be, per type of fact:

* yes/no: ``true``/``false`` (a cell also ``ja``/``nee``, ``yes``/``no``, ``1``/``0``);
* whole number: a number within the declared range (a cell: its digits);
* amount: text with a decimal point (``"12500.00"``) or a whole number, never a float;
* date: a date (``2025-02-15``);
* one of a list: one of the declared codes, regardless of case;
* several of a list: a list of codes (a cell: codes separated by ``;`` or ``|``);
* text: text (never a number that looks like a BSN).

An unknown fact or term is an error that names it and the nearest known one.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import pendulum

from sociaaldomein.domain.bsn import BSN_PROBLEM, looks_like_bsn
from sociaaldomein.domain.feiten import MISSING_NUMBER, Feit, FeitSoort
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.gezin import FactValue
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.observatie import Observatie
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.i18n import _
from sociaaldomein.io import _scalars
from sociaaldomein.io._paths import ConversionError, describe

__all__ = [
    "CELL_BOOLEANS",
    "fact_data",
    "format_fact_cell",
    "parse_fact",
    "parse_fact_cell",
    "split_terms",
]

CELL_BOOLEANS: Final = {
    "true": True, "false": False, "ja": True, "nee": False,
    "yes": True, "no": False, "1": True, "0": False,
}  # fmt: skip
"""What a yes/no fact's cell may hold, compared without regard to case."""

_SEPARATORS: Final = re.compile(r"[;|]")
_INTEGER: Final = re.compile(r"^-?[0-9]{1,18}$")


def _choice(feit: Feit, code: str) -> str:
    by_label = {k.casefold(): k for k in feit.keuzes}
    found = by_label.get(code.strip().casefold())
    if found is None:
        close = difflib.get_close_matches(code, feit.keuzes, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ConversionError(
            f"{describe(code)} is not one of the choices; {hint}allowed: {', '.join(feit.keuzes)}"
        )
    return found


def _whole(feit: Feit, value: int) -> int:
    low, high = feit.bereik or (-(2**62), 2**62)
    if not low <= value <= high:
        raise ConversionError(f"must be a whole number from {low} to {high}, got {value}")
    return value


def _plain(feit: Feit, value: object, *, cell: bool) -> FactValue:
    soort = feit.soort
    if soort is FeitSoort.BOOL:
        if cell and isinstance(value, str):
            found = CELL_BOOLEANS.get(value.casefold())
            if found is None:
                raise ConversionError(
                    _(
                        "must be true or false (or ja/nee, yes/no, 1/0), got {value}",
                        value=describe(value),
                    )
                )
            return found
        return _scalars.structure_bool(value)
    if soort is FeitSoort.NUMBER:
        if cell and isinstance(value, str) and _INTEGER.match(value):
            value = int(value)
        return _whole(feit, _scalars.structure_int(value))
    if soort is FeitSoort.MONEY:
        amount = _scalars.structure_money(value)
        if amount != amount.rounded():
            raise ConversionError(f"an amount has whole cents, got {amount.amount}")
        return Money(amount.amount)
    if soort is FeitSoort.DATE:
        return _scalars.structure_date(value)
    if soort is FeitSoort.CATEGORY:
        return _choice(feit, _scalars.structure_str(value))
    if soort is FeitSoort.FLAGS:
        parts: Iterable[object]
        if isinstance(value, str):
            parts = [p for p in _SEPARATORS.split(value) if p.strip()]
        elif isinstance(value, list | tuple | set | frozenset):
            parts = value
        else:
            raise ConversionError(_("must be a list of codes, got {value}", value=describe(value)))
        return frozenset(_choice(feit, _scalars.structure_str(p)) for p in parts)
    text = _scalars.structure_str(value)
    if looks_like_bsn(text):
        raise ConversionError(BSN_PROBLEM)
    return text


def parse_fact(feit: Feit, value: object) -> FactValue:
    """A family file's value of ``feit``: plain, or ``{waarde = ..., datum = ...}``."""
    if isinstance(value, Mapping):
        keys = set(value)
        if keys != {"waarde", "datum"}:
            extra = ", ".join(sorted(map(str, keys - {"waarde", "datum"})))
            missing = ", ".join(sorted({"waarde", "datum"} - keys))
            raise ConversionError(
                "an observation is {waarde = ..., datum = YYYY-MM-DD}"
                + (f"; unknown: {extra}" if extra else "")
                + (f"; missing: {missing}" if missing else "")
            )
        datum = _scalars.structure_date(value["datum"])
        return Observatie(_plain(feit, value["waarde"], cell=False), datum)
    return _plain(feit, value, cell=False)


def parse_fact_cell(feit: Feit, cell: str) -> FactValue | None:
    """A cohort cell's value of ``feit`` (its text; empty is unknown)."""
    text = cell.strip()
    return None if not text else _plain(feit, text, cell=True)


def split_terms(
    register: Feitenregister, vocabulary: str, items: Iterable[object]
) -> tuple[list[object], frozenset[Term]]:
    """The core members of a vocabulary list, and the declared terms among them.

    A namespaced item (``"schuldhulp.beslag"``) is a term; it must be declared
    for ``vocabulary`` (the error suggests the nearest one that is).
    """
    core: list[object] = []
    terms: set[Term] = set()
    for item in items:
        if isinstance(item, str) and "." in item:
            try:
                terms.add(register.term(vocabulary, item.strip(), field=vocabulary))
            except ValueError as exc:
                raise ConversionError(getattr(exc, "problem", str(exc))) from None
        else:
            core.append(item)
    return core, frozenset(terms)


def fact_data(value: object, *, toml: bool) -> Any:
    """A declared fact's value as a family file writes it (dates native in TOML)."""
    if isinstance(value, Observatie):
        return {"waarde": fact_data(value.waarde, toml=toml), "datum": _day(value.datum, toml)}
    if isinstance(value, Money):
        return _scalars.unstructure_money(value)
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, pendulum.Date):
        return _day(value, toml)
    return value


def _day(day: pendulum.Date, toml: bool) -> Any:
    return datetime.date(day.year, day.month, day.day) if toml else day.isoformat()


def format_fact_cell(feit: Feit, value: int | bool) -> str:
    """The cell of a declared fact's column that :func:`parse_fact_cell` reads back as ``value``.

    ``value`` is the column's encoding (:mod:`sociaaldomein.domain.declared`).
    """
    number = int(value)
    soort = feit.soort
    if soort is FeitSoort.BOOL:
        return "true" if value else "false"
    if soort in (FeitSoort.NUMBER, FeitSoort.MONEY) and number == MISSING_NUMBER:
        return ""
    if soort is FeitSoort.MONEY:
        return Money(Decimal(number).scaleb(-2)).plain()
    if soort is FeitSoort.DATE:
        return datetime.date.fromordinal(number).isoformat() if number else ""
    if soort is FeitSoort.CATEGORY:
        return feit.keuzes[number - 1] if number else ""
    if soort is FeitSoort.FLAGS:
        return ";".join(k for i, k in enumerate(feit.keuzes) if number >> i & 1)
    return str(number)
