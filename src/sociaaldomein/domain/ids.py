"""The ids of a cohort's families, kept compact: one numpy array, or a prefix and a counter.

A city of eight million families would hold eight million Python strings of
about 68 bytes each.  :class:`CohortIds` keeps the same ids in one fixed-width
array of bytes (``S12`` for twelve ASCII characters, 12 bytes a family) or,
for a synthetic cohort, as a prefix and a counter that make each id when it
is asked for (no bytes a family; a subset keeps its numbers, 4 bytes a family).
It is a sequence of ``str``, so ``cohort.ids[0]``, ``len``, iteration and
comparison with a tuple work as before.

>>> ids = CohortIds.numbered(3)
>>> ids[2], list(ids), ids == ("syn-0000000", "syn-0000001", "syn-0000002")
('syn-0000002', ['syn-0000000', 'syn-0000001', 'syn-0000002'], True)
>>> ids.nbytes
0
>>> read = CohortIds.of(["g1", "gezin-42"])
>>> read.nbytes, read[1]
(16, 'gezin-42')
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, SupportsIndex, overload

import numpy as np
import numpy.typing as npt

from sociaaldomein.errors import InvalidValueError

__all__ = ["SYNTHETIC_PREFIX", "CohortIds"]

Array = npt.NDArray[Any]

SYNTHETIC_PREFIX: Final = "syn-"
"""The prefix of a synthetic family's id: ``syn-0000042``."""

# Seven digits hold 10 million families; more take ten, so that a counter is never eight
# or nine digits in a run, which the BSN guard would take for a BSN.
_WIDTHS: Final = ((10**7, 7), (10**10, 10))


def _width(n: int) -> int:
    for limit, width in _WIDTHS:
        if n <= limit:
            return width
    raise InvalidValueError("CohortIds.numbered", f"at most {_WIDTHS[-1][0]:,} ids, got {n:,}")


class CohortIds(Sequence[str]):
    """The families' ids of a cohort, in row order (see the module docstring).

    Build it with :meth:`numbered` (a synthetic cohort) or :meth:`of` (ids
    read from a file); a :class:`~sociaaldomein.domain.cohort.Cohort` turns a
    tuple or list of ids into one by itself.
    """

    __slots__ = ("_numbers", "_prefix", "_size", "_text", "_width")

    _size: int
    _text: Array | None
    _prefix: str
    _width: int
    _numbers: Array | None

    def __init__(self) -> None:
        raise TypeError("use CohortIds.numbered(n) or CohortIds.of(ids)")

    @classmethod
    def _make(
        cls,
        size: int,
        *,
        text: Array | None = None,
        prefix: str = "",
        width: int = 0,
        numbers: Array | None = None,
    ) -> CohortIds:
        self = object.__new__(cls)
        self._size, self._text, self._prefix = size, text, prefix
        self._width, self._numbers = width, numbers
        return self

    @classmethod
    def numbered(cls, n: object, prefix: object = SYNTHETIC_PREFIX) -> CohortIds:
        """``n`` ids ``prefix`` + a counter from 0 (``syn-0000000``); none is stored.

        The prefix holds no digit, so no id can be taken for a BSN.
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InvalidValueError("CohortIds.numbered", f"must be a whole number >= 0, got {n!r}")
        if not isinstance(prefix, str) or any(c.isdigit() for c in prefix) or not prefix.isascii():
            raise InvalidValueError(
                "CohortIds.prefix", f"must be ASCII text without digits, got {prefix!r}"
            )
        return cls._make(n, prefix=prefix, width=_width(n))

    @classmethod
    def of(cls, ids: Iterable[str]) -> CohortIds:
        """The ids ``ids`` as one fixed-width array (bytes for ASCII ids, else unicode).

        The ids are not checked here; a cohort checks them (never a BSN).
        """
        if isinstance(ids, CohortIds):
            return ids
        values = ids if isinstance(ids, (list, tuple)) else list(ids)
        if not values:
            return cls._make(0, text=np.zeros(0, dtype="S1"))
        for i, key in enumerate(values):
            if not isinstance(key, str):
                raise InvalidValueError(
                    f"Cohort.ids[{i}]", f"must be text, got {type(key).__name__}"
                )
        # A fixed-width array drops trailing NUL characters; an id ending in one stays an object.
        if any(key.endswith("\x00") for key in values):
            return cls._make(len(values), text=np.asarray(values, dtype=object))
        try:
            text = np.asarray(values, dtype="S")
        except UnicodeEncodeError:
            text = np.asarray(values, dtype="U")
        return cls._make(len(values), text=text)

    @property
    def synthetic(self) -> bool:
        """Whether the ids are a prefix and a counter (made when asked for)."""
        return self._text is None

    @property
    def nbytes(self) -> int:
        """Bytes the ids hold: the array, or the counter's numbers of a subset (0 for all)."""
        if self._text is not None:
            return 0 if self._text.dtype == object else int(self._text.nbytes)
        return 0 if self._numbers is None else int(self._numbers.nbytes)

    def __len__(self) -> int:
        return self._size

    def _one(self, i: int) -> str:
        if self._text is not None:
            value = self._text[i]
            return value.decode("ascii") if isinstance(value, bytes) else str(value)
        number = i if self._numbers is None else int(self._numbers[i])
        return f"{self._prefix}{number:0{self._width}d}"

    @overload
    def __getitem__(self, index: SupportsIndex) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> str | tuple[str, ...]:
        if isinstance(index, slice):
            return tuple(self._one(i) for i in range(*index.indices(self._size)))
        i = operator.index(index)
        if not -self._size <= i < self._size:
            raise IndexError(f"id {i} is outside the {self._size} ids")
        return self._one(i % self._size)

    def __iter__(self) -> Iterator[str]:
        if self._text is not None:
            if self._text.dtype.kind == "S":
                return (value.decode("ascii") for value in self._text.tolist())
            return iter(self._text.tolist())
        return (self._one(i) for i in range(self._size))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CohortIds):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        if isinstance(other, (tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        shown = ", ".join(repr(k) for k in self[:3])
        more = ", ..." if self._size > 3 else ""
        return f"CohortIds([{shown}{more}], {self._size} ids)"

    def take(self, index: Sequence[int] | Array) -> CohortIds:
        """The ids at the rows ``index`` (an array of row numbers), in that order."""
        rows = np.asarray(index, dtype=np.int64)
        if self._text is not None:
            return CohortIds._make(len(rows), text=self._text[rows])
        numbers = rows if self._numbers is None else self._numbers[rows]
        small = numbers.astype(np.uint32) if self._size <= 2**32 else numbers
        return CohortIds._make(
            len(rows), prefix=self._prefix, width=self._width, numbers=np.asarray(small)
        )

    def array(self) -> Array:
        """The ids as a numpy array of text (made for a synthetic cohort)."""
        if self._text is not None:
            return self._text.astype(str) if self._text.dtype.kind == "S" else self._text
        width = len(self._prefix) + self._width
        return np.asarray(list(self), dtype=f"U{width}")

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> Array:
        out = self.array()
        return out if dtype is None else out.astype(dtype)
