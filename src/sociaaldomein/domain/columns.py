"""A cohort's columns by name, the two ZRM levels of a domain sharing one byte.

A ZRM level is 0 (not scored) to 5, so the current level and the level judged
achievable (``zrm.<domain>`` and ``zrm_haalbaar.<domain>``) fit in the two
halves of one ``uint8``: 13 bytes a family for the 26 levels instead of 26.
:class:`CohortColumns` is a mapping of every column by its name, as before;
reading a ZRM column unpacks it (one mask or one shift over the column, a new
read-only ``int8`` array), and the others are the arrays themselves.

>>> import numpy as np
>>> columns = CohortColumns.of({"zrm.financien": np.asarray([2, 0], dtype=np.int8),
...                             "zrm_haalbaar.financien": np.asarray([4, 0], dtype=np.int8)})
>>> columns["zrm.financien"].tolist(), columns["zrm_haalbaar.financien"].tolist()
([2, 0], [4, 0])
>>> columns.nbytes   # one byte a family for both
2
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from sociaaldomein.domain.gezin import ZrmDomein
from sociaaldomein.errors import InvalidValueError

__all__ = ["ZRM_HALVES", "ZRM_LEVEL_MAX", "CohortColumns", "check_levels", "pack_levels"]

Array = npt.NDArray[Any]

ZRM_LEVEL_MAX: Final = 5
"""The highest ZRM level; 0 is "not scored"."""

ZRM_HALVES: Final[Mapping[str, tuple[str, int]]] = {
    **{f"zrm.{d.field}": (d.field, 0) for d in ZrmDomein},
    **{f"zrm_haalbaar.{d.field}": (d.field, 4) for d in ZrmDomein},
}
"""Each ZRM column: its domain's packed byte, and the shift of its half (current low)."""

_LOW: Final = np.uint8(0x0F)


def check_levels(name: str, values: Array) -> None:
    """Refuse a ZRM column with a value outside 0-5, naming the column and the value."""
    if not values.size:
        return
    low, high = int(values.min()), int(values.max())
    if low < 0 or high > ZRM_LEVEL_MAX:
        raise InvalidValueError(
            f"Cohort.columns[{name}]",
            f"a ZRM level is 1 to {ZRM_LEVEL_MAX}, or 0 when not scored; found "
            f"{low if low < 0 else high}",
        )


def pack_levels(current: npt.ArrayLike | None, haalbaar: npt.ArrayLike | None, n: int) -> Array:
    """One domain's levels as one byte a family: ``current`` low, ``haalbaar`` high.

    ``None`` is a column of zeros; values must already be 0-5 (:func:`check_levels`).
    """
    out: Array = np.zeros(n, dtype=np.uint8)
    if current is not None:
        out |= np.asarray(current).astype(np.uint8, copy=False)
    if haalbaar is not None:
        out |= np.left_shift(np.asarray(haalbaar).astype(np.uint8, copy=False), 4)
    return out


def _unpack(pair: Array, shift: int) -> Array:
    half = np.right_shift(pair, 4) if shift else np.bitwise_and(pair, _LOW)
    out: Array = half.view(np.int8)
    out.flags.writeable = False  # a fresh copy: writing to it would change nothing stored
    return out


class CohortColumns(Mapping[str, Array]):
    """Columns by name; the ZRM levels are held packed, two a byte (module docstring).

    ``arrays`` are the other columns as they are, ``pairs`` one ``uint8`` array
    per ZRM domain (by its field, ``"financien"``), and ``names`` the columns
    held, in order (by default those of ``arrays`` and both halves of each pair).
    """

    __slots__ = ("_arrays", "_names", "_pairs")

    def __init__(
        self,
        arrays: Mapping[str, Array],
        pairs: Mapping[str, Array] | None = None,
        names: Iterable[str] | None = None,
    ) -> None:
        self._arrays = dict(arrays)
        self._pairs = dict(pairs or {})
        if names is None:
            halves = [n for n, (field, _) in ZRM_HALVES.items() if field in self._pairs]
            names = [*self._arrays, *halves]
        self._names = dict.fromkeys(names)
        for name in self._names:
            if name not in self._arrays and ZRM_HALVES.get(name, ("",))[0] not in self._pairs:
                raise InvalidValueError("CohortColumns.names", f"{name!r} has no array")

    @classmethod
    def of(cls, columns: Mapping[str, Array]) -> CohortColumns:
        """``columns`` with their ZRM columns packed (each checked to be a level 0-5)."""
        n = len(next(iter(columns.values()))) if columns else 0
        by_field: dict[str, dict[int, Array]] = {}
        for name, values in columns.items():
            if name in ZRM_HALVES:
                field, shift = ZRM_HALVES[name]
                check_levels(name, np.asarray(values))
                by_field.setdefault(field, {})[shift] = values
        pairs = {f: pack_levels(h.get(0), h.get(4), n) for f, h in by_field.items()}
        arrays = {k: v for k, v in columns.items() if k not in ZRM_HALVES}
        return cls(arrays, pairs, columns)

    def __getitem__(self, name: str) -> Array:
        found = self._arrays.get(name)
        if found is not None:
            return found
        if name not in self._names:
            raise KeyError(name)
        field, shift = ZRM_HALVES[name]
        return _unpack(self._pairs[field], shift)

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return f"CohortColumns({list(self._names)!r})"

    @property
    def nbytes(self) -> int:
        """Bytes the arrays hold (a ZRM domain's two levels count once)."""
        held = [*self._arrays.values(), *self._pairs.values()]
        return sum(int(a.nbytes) for a in held)

    def pair(self, field: str) -> Array | None:
        """The packed byte of ZRM domain ``field`` (``None`` if neither level is held)."""
        return self._pairs.get(field)

    def take(self, index: Array) -> CohortColumns:
        """The rows ``index`` of every column, still packed."""
        return CohortColumns(
            {k: v[index] for k, v in self._arrays.items()},
            {k: v[index] for k, v in self._pairs.items()},
            self._names,
        )

    def select(self, wanted: Collection[str]) -> CohortColumns:
        """Only the columns named in ``wanted`` (others ignored); the arrays are shared."""
        names = [n for n in self._names if n in wanted]
        fields = {ZRM_HALVES[n][0] for n in names if n in ZRM_HALVES}
        return CohortColumns(
            {k: v for k, v in self._arrays.items() if k in wanted},
            {k: v for k, v in self._pairs.items() if k in fields},
            names,
        )
