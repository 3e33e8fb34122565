"""Declared facts: what :meth:`Feit.declare <sociaaldomein.domain.feiten.Feit.declare>` builds.

A declared fact reads its value from ``Gezin.feiten`` (unwrapping an
:class:`~sociaaldomein.domain.observatie.Observatie`) and, for a cohort, from
the column named like the fact.  A cohort built from families without that
column (``Cohort.from_gezinnen``) is encoded from the families on the spot,
so scalar and vectorised evaluation read one and the same value; a cohort of
columns without it (a synthetic cohort, a file that leaves it out) knows it for
no family, as a core column left out of a file is unknown.

The cohort cell of each type:

* yes/no: ``bool`` (unknown is no);
* whole number and amount: ``int64``, an amount in cents; unknown is
  :data:`~sociaaldomein.domain.feiten.MISSING_NUMBER`;
* one of a list: ``int32`` code, ``i`` for the ``i``-th choice (from 1), 0 unknown;
* several of a list: ``uint64`` bitmask, one bit per choice in declaration order;
* date: ``int32`` ordinal, 0 unknown;
* text: not a cohort column (a rule reads it with a ``Predicate``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final

import numpy as np
import pendulum

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.cohort import Array, Cohort, flag_mask, normalise_label
from sociaaldomein.domain.feiten import DATE_SUFFIX, MISSING_NUMBER, Feit, FeitSoort
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.observatie import Observatie, observed_value
from sociaaldomein.domain.vocabulary import check_namespaced
from sociaaldomein.errors import InvalidValueError

__all__ = ["COLUMN_DTYPES", "declared_fact", "encode", "encode_dates"]

COLUMN_DTYPES: Final[dict[FeitSoort, type[np.generic]]] = {
    FeitSoort.BOOL: np.bool_,
    FeitSoort.NUMBER: np.int64,
    FeitSoort.MONEY: np.int64,
    FeitSoort.CATEGORY: np.int32,
    FeitSoort.FLAGS: np.uint64,
    FeitSoort.DATE: np.int32,
}
"""The dtype of a declared fact's cohort column, by type (text has none)."""

_MISSING: Final[dict[FeitSoort, int | None]] = {
    FeitSoort.NUMBER: MISSING_NUMBER,
    FeitSoort.MONEY: MISSING_NUMBER,
    FeitSoort.CATEGORY: 0,
    FeitSoort.DATE: 0,
}


def _choices_enum(naam: str, keuzes: tuple[str, ...]) -> type[enum.Enum]:
    # The existing flag and category machinery (bitmasks, explanations) works on
    # enum members; a declared list becomes one, its members named by their codes.
    title = "".join(part.title() for part in naam.replace(".", "_").split("_"))
    made: type[enum.Enum] = enum.Enum(title, [(k, k) for k in keuzes])  # type: ignore[misc]
    return made


def _check(
    naam: str,
    soort: object,
    bereik: tuple[object, ...] | None,
    keuzes: tuple[object, ...],
    geldig_dagen: object,
) -> None:
    # The arguments come from a plugin's code: typed loosely, checked here one by one.
    field = f"Feit({naam!r})"
    if naam.startswith("core."):
        raise InvalidValueError(f"{field}.naam", "the namespace 'core' is the library's own")
    if not isinstance(soort, FeitSoort):
        raise InvalidValueError(f"{field}.soort", f"must be a FeitSoort, got {soort!r}")
    if soort is FeitSoort.NUMBER:
        if bereik is None or len(bereik) != 2 or not all(type(b) is int for b in bereik):
            raise InvalidValueError(
                f"{field}.bereik", "a whole number needs its range: bereik=(lowest, highest)"
            )
        if int(str(bereik[0])) > int(str(bereik[1])):
            raise InvalidValueError(f"{field}.bereik", f"{bereik[0]} lies above {bereik[1]}")
    elif bereik is not None:
        raise InvalidValueError(f"{field}.bereik", "only a whole number has a range")
    if soort in (FeitSoort.CATEGORY, FeitSoort.FLAGS):
        if not keuzes:
            raise InvalidValueError(f"{field}.keuzes", f"a {soort.value} fact needs its choices")
        if len({normalise_label(str(k)) for k in keuzes}) != len(keuzes):
            raise InvalidValueError(f"{field}.keuzes", "a choice is named twice")
        if soort is FeitSoort.FLAGS and len(keuzes) > 64:
            raise InvalidValueError(f"{field}.keuzes", "at most 64 choices fit one column")
        for k in keuzes:
            if not isinstance(k, str) or not k.strip() or k != k.strip():
                raise InvalidValueError(f"{field}.keuzes", f"a choice is a code, got {k!r}")
    elif keuzes:
        raise InvalidValueError(f"{field}.keuzes", f"a {soort.value} fact has no choices")
    if geldig_dagen is not None and (type(geldig_dagen) is not int or geldig_dagen < 0):
        raise InvalidValueError(
            f"{field}.geldig_dagen", f"must be a whole number of days, got {geldig_dagen!r}"
        )


def encode(feit: Feit, values: Iterable[object]) -> Array:
    """The cohort column of ``feit`` for the families' ``values`` (``None``: unknown)."""
    dtype = COLUMN_DTYPES.get(feit.soort)
    if dtype is None:
        raise InvalidValueError(
            feit.naam, f"a {feit.soort.value} fact is not a cohort column; read it with a Predicate"
        )
    missing = _MISSING.get(feit.soort)
    codes = {normalise_label(k): i + 1 for i, k in enumerate(feit.keuzes)}
    out: list[int | bool] = []
    for held in values:
        value = observed_value(held)
        if value is None:
            out.append(False if missing is None else missing)
        elif isinstance(value, Money):
            out.append(money_cents(value))
        elif isinstance(value, pendulum.Date):
            out.append(value.toordinal())
        elif feit.soort is FeitSoort.CATEGORY:
            out.append(codes[normalise_label(str(value))])
        elif isinstance(value, frozenset) and feit.enum_type is not None:
            out.append(flag_mask(feit.enum_type[str(v)] for v in value))
        elif isinstance(value, bool | int):
            out.append(value)
        else:
            raise InvalidValueError(feit.naam, f"cannot hold {value!r} in a cohort column")
    return np.asarray(out, dtype=dtype)


def encode_dates(values: Iterable[object]) -> Array:
    """The ``naam@datum`` column: each observation's day as an ordinal (0 when undated)."""
    return np.asarray(
        [v.datum.toordinal() if isinstance(v, Observatie) else 0 for v in values], dtype=np.int32
    )


def _unknown(feit: Feit, n: int) -> Array:
    # A cohort without the fact's column (a synthetic one, a file without it) does not
    # know it for any family, as a core column left out of a file is unknown.
    dtype = COLUMN_DTYPES.get(feit.soort)
    if dtype is None:
        raise InvalidValueError(
            feit.naam, f"a {feit.soort.value} fact is not a cohort column; read it with a Predicate"
        )
    missing = _MISSING.get(feit.soort)
    return np.full(n, False if missing is None else missing, dtype=dtype)


def declared_fact(
    naam: str,
    soort: FeitSoort,
    omschrijving: str,
    *,
    bron: Citation,
    bereik: tuple[int, int] | None,
    keuzes: tuple[str, ...],
    geldig_dagen: int | None,
) -> Feit:
    """The :class:`Feit` of a declaration (see :meth:`Feit.declare`)."""
    check_namespaced("Feit.naam", naam)
    _check(naam, soort, bereik, keuzes, geldig_dagen)
    if not isinstance(bron, Citation):
        raise InvalidValueError(
            f"Feit({naam!r}).bron", "a declared fact cites its source: bron=Citation(...)"
        )
    described: object = omschrijving
    if not isinstance(described, str) or not described.strip():
        raise InvalidValueError(f"Feit({naam!r}).omschrijving", "must say what the fact is")
    enum_type = _choices_enum(naam, keuzes) if keuzes else None
    dates = f"{naam}{DATE_SUFFIX}"

    def scalar(g: Gezin, on: pendulum.Date) -> Any:
        value = observed_value(g.feiten.get(naam))
        if value is None:
            return frozenset() if soort is FeitSoort.FLAGS else None
        if soort is FeitSoort.FLAGS and enum_type is not None:
            return frozenset(enum_type[str(v)] for v in value)  # type: ignore[attr-defined]
        return value

    def datum(g: Gezin) -> pendulum.Date | None:
        held = g.feiten.get(naam)
        return held.datum if isinstance(held, Observatie) else None

    made: Feit

    def vector(cohort: Cohort, on: pendulum.Date) -> Array:
        if naam in cohort.columns:
            return cohort.columns[naam]
        if cohort.gezinnen is None:
            return _unknown(made, len(cohort))
        return encode(made, (g.feiten.get(naam) for g in cohort.gezinnen))

    def datum_vector(cohort: Cohort) -> Array:
        if dates in cohort.columns:
            return cohort.columns[dates]
        if cohort.gezinnen is None:
            return np.zeros(len(cohort), dtype=np.int32)
        return encode_dates(g.feiten.get(naam) for g in cohort.gezinnen)

    made = Feit(
        naam,
        omschrijving,
        soort,
        scalar,
        vector,
        missing=_MISSING.get(soort),
        column=naam,
        enum_type=enum_type,
        bron=bron,
        geldig_dagen=geldig_dagen,
        datum=datum,
        datum_vector=datum_vector,
        bereik=bereik,
        keuzes=keuzes,
        declared=True,
        verloopt=geldig_dagen is not None,
        reads=(dates,) if geldig_dagen is not None else (),
    )
    return made


def money_cents(value: Money | Decimal) -> int:
    """An amount in whole cents, as a cohort column holds it."""
    amount = value.rounded().amount if isinstance(value, Money) else value
    return int(amount * 100)
