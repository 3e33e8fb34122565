"""A columnar cohort: many families as numpy columns, for city-scale questions and sweeps.

A :class:`Cohort` holds one numpy array per base column.  Sets of enum members
(problems, signals, ...) are bitmasks, one bit per member in definition order;
categories (wijk, verwijzer) are integer codes into a vocabulary whose code 0
means "unknown"; dates are proleptic ordinals (0 means "unknown"); ZRM levels
are 1-5 with 0 for "not scored", a domain's current and achievable level held
in one byte and unpacked when read (:mod:`sociaaldomein.domain.columns`).

>>> import pendulum
>>> from sociaaldomein.domain.gezin import Gezin, Lid
>>> g = Gezin("g1", [Lid("OUDER", pendulum.date(1985, 1, 1))], wijk="Tuinwijk",
...           problemen=["SCHULDEN", "VERSLAVING"])
>>> cohort = Cohort.from_gezinnen([g])
>>> len(cohort), int(cohort.column("problemen")[0]).bit_count()
(1, 2)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cache
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from sociaaldomein.domain.bsn import refuse_bsn_ids
from sociaaldomein.domain.columns import ZRM_HALVES, CohortColumns, check_levels, pack_levels
from sociaaldomein.domain.gezin import (
    Dwangmiddel,
    Gezin,
    Hulpvraag,
    Leveringsvorm,
    Probleem,
    Signaal,
    Verwijzer,
    Zorgsoort,
    ZrmDomein,
)
from sociaaldomein.domain.ids import CohortIds
from sociaaldomein.errors import InvalidValueError

__all__ = ["CATEGORY_ENUMS", "FLAG_ENUMS", "SCHEMA", "Cohort", "flag_bit", "flag_mask"]

Array = npt.NDArray[Any]

FLAG_ENUMS: Final[Mapping[str, type[enum.Enum]]] = {
    "problemen": Probleem,
    "signalen": Signaal,
    "dwangmiddelen": Dwangmiddel,
    "hulpvragen": Hulpvraag,
    "zorgsoorten": Zorgsoort,
    "leveringsvormen": Leveringsvorm,
}
"""Columns holding a set of enum members as a bitmask."""

CATEGORY_ENUMS: Final[Mapping[str, type[enum.Enum]]] = {"verwijzer": Verwijzer}
"""Columns holding one enum member as a code (member index + 1; 0 is unknown)."""

_FLAG_DTYPES: Final = {
    name: np.uint16 if len(e) > 8 else np.uint8 for name, e in FLAG_ENUMS.items()
}

SCHEMA: Final[Mapping[str, type[np.generic]]] = {
    **_FLAG_DTYPES,
    "verwijzer": np.int8,
    "wijk": np.int32,
    "aantal_hulpverleners": np.int16,
    "ouder_chronisch": np.bool_,
    "complexe_vraag": np.bool_,
    "aantal_ouders": np.int8,
    "aantal_kinderen": np.int8,
    "jongste_kind_geboren": np.int32,
    "zrm_afgenomen": np.int32,
    **{f"zrm.{d.field}": np.int8 for d in ZrmDomein},
    **{f"zrm_haalbaar.{d.field}": np.int8 for d in ZrmDomein},
}
"""Every base column and its dtype.  Vocabulary-backed columns: ``wijk`` and ``verwijzer``."""


@cache
def _bits(enum_type: type[enum.Enum]) -> dict[enum.Enum, int]:
    return {m: 1 << i for i, m in enumerate(enum_type)}


def flag_bit(member: enum.Enum) -> int:
    """The bit that stands for ``member`` in its flag column."""
    return _bits(type(member))[member]


def flag_mask(members: Iterable[enum.Enum]) -> int:
    """The bitmask of a set of members."""
    mask = 0
    for m in members:
        mask |= flag_bit(m)
    return mask


def normalise_label(label: str) -> str:
    """Category labels compare case- and space-insensitively ("De Hoogte" is "de hoogte")."""
    return " ".join(label.split()).casefold()


def _base_row(g: Gezin) -> dict[str, int | bool]:
    kinderen = g.kinderen()
    zrm = g.zrm
    row: dict[str, int | bool] = {
        "problemen": flag_mask(g.problemen),
        "signalen": flag_mask(g.signalen),
        "dwangmiddelen": flag_mask(g.dwangmiddelen),
        "hulpvragen": flag_mask(g.hulpvragen),
        "zorgsoorten": flag_mask(z.soort for z in g.zorg),
        "leveringsvormen": flag_mask(z.leveringsvorm for z in g.zorg),
        "verwijzer": 0 if g.verwijzer is None else list(Verwijzer).index(g.verwijzer) + 1,
        "aantal_hulpverleners": g.aantal_hulpverleners,
        "ouder_chronisch": g.ouder_met_chronische_problematiek,
        "complexe_vraag": g.complexe_vraag,
        "aantal_ouders": len(g.ouders()),
        "aantal_kinderen": len(kinderen),
        "jongste_kind_geboren": max((k.geboortedatum.toordinal() for k in kinderen), default=0),
        "zrm_afgenomen": 0 if zrm is None else zrm.afgenomen_op.toordinal(),
    }
    for d in ZrmDomein:
        row[f"zrm.{d.field}"] = (zrm.huidig.get(d) or 0) if zrm else 0
        haalbaar = zrm.haalbaar if zrm else None
        row[f"zrm_haalbaar.{d.field}"] = (haalbaar.get(d) or 0) if haalbaar else 0
    return row


def _cohort_ids(values: Iterable[str]) -> CohortIds:
    return CohortIds.of(values)


@attrs.frozen(eq=False)
class Cohort:
    """Families as columns.  Build one with :meth:`from_gezinnen` or :meth:`from_columns`.

    ``ids`` is a :class:`~sociaaldomein.domain.ids.CohortIds`, a compact sequence
    of ``str`` (a tuple or list given is turned into one).  ``gezinnen`` is kept
    when the cohort was built from objects, so that a custom rule without a
    vectorised form can still be evaluated row by row.
    """

    ids: CohortIds = attrs.field(converter=_cohort_ids)
    columns: Mapping[str, Array]
    vocabularies: Mapping[str, tuple[str, ...]]
    gezinnen: tuple[Gezin, ...] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_gezinnen(cls, gezinnen: Iterable[Gezin]) -> Cohort:
        """The columnar form of ``gezinnen`` (slow path: one Python row per family)."""
        families = tuple(gezinnen)
        rows = [_base_row(g) for g in families]
        wijken = sorted({normalise_label(g.wijk) for g in families if g.wijk})
        wijk_code = {w: i + 1 for i, w in enumerate(wijken)}
        columns: dict[str, Array] = {}
        for name, dtype in SCHEMA.items():
            if name == "wijk":
                values: list[int | bool] = [
                    wijk_code[normalise_label(g.wijk)] if g.wijk else 0 for g in families
                ]
            else:
                values = [r[name] for r in rows]
            columns[name] = np.asarray(values, dtype=dtype)
        # A declared term a family has is a yes/no column of its own ("problemen:x.y").
        for term in sorted({t for g in families for t in g.termen}, key=lambda t: t.column):
            columns[term.column] = np.asarray([term in g.termen for g in families], dtype=bool)
        return cls(
            ids=tuple(g.id for g in families),
            columns=CohortColumns.of(columns),
            vocabularies={"wijk": ("", *wijken), **_enum_vocabularies()},
            gezinnen=families,
        )

    @classmethod
    def from_columns(
        cls,
        ids: Sequence[str],
        columns: Mapping[str, npt.ArrayLike],
        wijken: Sequence[str] = (),
        *,
        select: Collection[str] | None = None,
        extra: Mapping[str, npt.ArrayLike] | None = None,
        extra_vocabularies: Mapping[str, Sequence[str]] | None = None,
    ) -> Cohort:
        """A cohort from ready-made columns (a generator or a file loader).

        Missing columns are filled with "unknown" (zeros).  ``select`` names the
        columns the cohort holds (by default every column of :data:`SCHEMA`): a
        composition needs only those its rules read, and a column left out takes
        no memory; asking for it is an error that says it was not loaded.  An id that looks like a
        BSN, in any spelling, is refused (:mod:`sociaaldomein.domain.bsn`).  ``wijken`` is the
        vocabulary of the ``wijk`` codes: code ``i`` is ``wijken[i - 1]``.
        Every problem is reported with the column's name; a ZRM level must be 0
        (not scored) to 5, since a domain's two levels are kept in one byte
        (:mod:`sociaaldomein.domain.columns`).

        ``extra`` holds columns beyond the schema, as the composition's declared
        facts and terms encode them (``"schuldhulp.schuld"``,
        ``"problemen:schuldhulp.beslag"``); they are kept as given, with
        ``extra_vocabularies`` for those that need one.
        """
        n = len(ids)
        if not (isinstance(ids, CohortIds) and ids.synthetic):  # a counter is never a BSN
            refuse_bsn_ids(ids, "Cohort.ids")
        unknown = set(columns) - set(SCHEMA)
        if unknown:
            raise InvalidValueError(
                "Cohort.columns",
                f"unknown column(s) {', '.join(sorted(unknown))}; known: {', '.join(SCHEMA)}",
            )
        wanted = _selection(select)
        out: dict[str, Array] = {}
        levels: dict[str, dict[int, Array]] = {}  # per ZRM domain, its halves given
        pairs = _packed_pairs(columns, wanted, n)
        for name, dtype in SCHEMA.items():
            if name not in wanted:
                continue
            zrm = ZRM_HALVES.get(name)
            if zrm is not None and zrm[0] in pairs:
                continue
            if name not in columns:
                if zrm is None:
                    out[name] = np.zeros(n, dtype=dtype)
                else:
                    levels.setdefault(zrm[0], {})
                continue
            raw = np.asarray(columns[name])
            if raw.shape != (n,):
                raise InvalidValueError(
                    f"Cohort.columns[{name}]", f"must have {n} values, got shape {raw.shape}"
                )
            if zrm is not None and raw.dtype.kind in "biuf":
                check_levels(name, raw)  # before the cast, which would wrap 300 to 44
            try:
                # no copy when the column already has its dtype (a generator's or loader's)
                out[name] = raw.astype(
                    dtype, casting="same_kind" if raw.dtype.kind == "b" else "unsafe", copy=False
                )
            except (TypeError, ValueError) as exc:
                raise InvalidValueError(f"Cohort.columns[{name}]", str(exc)) from None
            if zrm is not None:
                check_levels(name, out[name])
                levels.setdefault(zrm[0], {})[zrm[1]] = out.pop(name)
        for field, halves in levels.items():
            pairs[field] = pack_levels(halves.get(0), halves.get(4), n)
        vocab = tuple(normalise_label(w) for w in wijken)
        if "wijk" in out and out["wijk"].size and int(out["wijk"].max(initial=0)) > len(vocab):
            raise InvalidValueError(
                "Cohort.columns[wijk]",
                f"codes go up to {int(out['wijk'].max())}, but only {len(vocab)} wijken were named",
            )
        vocabularies = {"wijk": ("", *vocab), **_enum_vocabularies()}
        for name, values in (extra or {}).items():
            if name in SCHEMA:
                raise InvalidValueError(f"Cohort.extra[{name}]", "is a column of the schema")
            column = np.asarray(values)
            if column.shape != (n,):
                raise InvalidValueError(
                    f"Cohort.extra[{name}]", f"must have {n} values, got shape {column.shape}"
                )
            out[name] = column
        vocabularies.update({k: tuple(v) for k, v in (extra_vocabularies or {}).items()})
        names = [k for k in SCHEMA if k in wanted]
        names += [k for k in out if k not in SCHEMA]
        return cls(CohortIds.of(ids), CohortColumns(out, pairs, names), vocabularies)

    def column(self, name: str) -> Array:
        """The column ``name``; an unknown name lists the known ones."""
        try:
            return self.columns[name]
        except KeyError:
            if name in SCHEMA:
                raise InvalidValueError(
                    "Cohort.column",
                    f"column {name!r} was not loaded: this cohort holds only "
                    f"{', '.join(self.columns)}; load or generate it with columns=[...] "
                    "naming it, or with every column",
                ) from None
            raise InvalidValueError(
                "Cohort.column", f"unknown column {name!r}; known: {', '.join(self.columns)}"
            ) from None

    def codes(self, name: str, labels: Iterable[str]) -> Array:
        """The codes of ``labels`` in the vocabulary of column ``name`` (unknown labels dropped)."""
        vocab = self.vocabularies[name]
        wanted = {normalise_label(lbl) for lbl in labels}
        return np.asarray(
            [i for i, v in enumerate(vocab) if i and normalise_label(v) in wanted], dtype=np.int64
        )

    def take(self, mask: Array) -> Cohort:
        """The families where ``mask`` is true."""
        index = np.flatnonzero(mask)
        columns = self.columns
        return Cohort(
            ids=self.ids.take(index),
            columns=(
                columns.take(index)
                if isinstance(columns, CohortColumns)
                else {k: v[index] for k, v in columns.items()}
            ),
            vocabularies=self.vocabularies,
            gezinnen=None if self.gezinnen is None else tuple(self.gezinnen[i] for i in index),
        )

    def select(self, columns: Collection[str]) -> Cohort:
        """The same families with only ``columns`` (of those it holds; other names are ignored).

        What a composition does not read need not stay in memory; the arrays are shared.
        """
        wanted = set(columns)
        held = self.columns
        return Cohort(
            ids=self.ids,
            columns=(
                held.select(wanted)
                if isinstance(held, CohortColumns)
                else {k: v for k, v in held.items() if k in wanted}
            ),
            vocabularies=self.vocabularies,
            gezinnen=self.gezinnen,
        )

    def nbytes(self) -> int:
        """Memory held by the columns (not the ids: :attr:`CohortIds.nbytes`).

        A ZRM domain's two levels share one byte (:mod:`sociaaldomein.domain.columns`).
        """
        if isinstance(self.columns, CohortColumns):
            return self.columns.nbytes
        return sum(int(c.nbytes) for c in self.columns.values())


def _packed_pairs(
    columns: Mapping[str, npt.ArrayLike], wanted: frozenset[str], n: int
) -> dict[str, Array]:
    """The ZRM bytes of ``columns`` that can be kept as they are (a cohort's own, or a
    generator's): a domain's byte whose wanted halves ``columns`` all holds."""
    if not isinstance(columns, CohortColumns):
        return {}
    out: dict[str, Array] = {}
    for d in ZrmDomein:
        pair = columns.pair(d.field)
        halves = [f"zrm.{d.field}", f"zrm_haalbaar.{d.field}"]
        if pair is None or pair.shape != (n,):
            continue
        if all(h in columns for h in halves if h in wanted) and any(h in wanted for h in halves):
            out[d.field] = pair
    return out


def _selection(select: Collection[str] | None) -> frozenset[str]:
    if select is None:
        return frozenset(SCHEMA)
    if isinstance(select, str):
        select = (select,)
    unknown = sorted(set(select) - set(SCHEMA) - {"id"})
    if unknown:
        raise InvalidValueError(
            "Cohort.select", f"unknown column(s) {', '.join(unknown)}; known: {', '.join(SCHEMA)}"
        )
    return frozenset(select)


@cache
def _enum_vocabularies() -> dict[str, tuple[str, ...]]:
    return {name: ("", *e.__members__) for name, e in CATEGORY_ENUMS.items()}


RowFunction = Callable[[Gezin], Any]
