"""Periods of time: half-open ranges of calendar dates.

A :class:`Periode` runs from ``start`` up to, not including, ``end``: the way
the letters write "van 1 januari 2011 tot 1 juli 2012".  A letter that says
"tot en met december 2017" therefore becomes ``end=pendulum.date(2018, 1, 1)``.
Half-open periods tile without overlap: one period's end is the next one's start.

>>> p = Periode(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1))
>>> p.months()
24
>>> p.halfway()
Date(2022, 10, 1)
>>> p.years()
(2021, 2022, 2023)
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pendulum

from sociaaldomein._validators import as_date, is_date
from sociaaldomein.errors import InvalidValueError

__all__ = ["Periode", "month_index"]


def month_index(origin: pendulum.Date, on: pendulum.Date) -> int:
    """Whole calendar months from the month of ``origin`` to the month of ``on``.

    The simulation runs on this integer index; dates stay at the API boundary.
    """
    return (on.year - origin.year) * 12 + (on.month - origin.month)


@attrs.frozen
class Periode:
    """A half-open range of dates ``[start, end)``; ``end`` must lie after ``start``."""

    start: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    end: pendulum.Date = attrs.field(converter=as_date, validator=is_date)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidValueError(
                f"{type(self).__name__}.end",
                f"must lie after the start {self.start.isoformat()}, got {self.end.isoformat()}",
            )

    @classmethod
    def year(cls, year: int) -> Periode:
        """The calendar year ``year``."""
        return cls(pendulum.date(year, 1, 1), pendulum.date(year + 1, 1, 1))

    @classmethod
    def months_from(cls, start: pendulum.Date, months: int) -> Periode:
        """``months`` calendar months from ``start``."""
        if months < 1:
            raise InvalidValueError("Periode.months", f"must be at least 1, got {months}")
        return cls(start, start.add(months=months))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, pendulum.Date) and self.start <= day < self.end

    def contains(self, day: pendulum.Date) -> bool:
        """Whether ``day`` falls in ``[start, end)``."""
        return day in self

    @property
    def last_day(self) -> pendulum.Date:
        """The last day inside the period (``end`` minus one day)."""
        return self.end.subtract(days=1)

    def days(self) -> int:
        """The number of days in the period."""
        return (self.end - self.start).in_days()

    def months(self) -> int:
        """Calendar months touched by the period, counting a partial month as one."""
        return month_index(self.start, self.last_day) + 1

    def month_starts(self) -> Iterator[pendulum.Date]:
        """The first day of every calendar month the period touches."""
        first = self.start.replace(day=1)
        for i in range(self.months()):
            yield first.add(months=i)

    def years(self) -> tuple[int, ...]:
        """The calendar years the period touches."""
        return tuple(range(self.start.year, self.last_day.year + 1))

    def halfway(self) -> pendulum.Date:
        """The day halfway through the period (rounded down)."""
        return self.start.add(days=self.days() // 2)

    def overlap(self, other: Periode) -> Periode | None:
        """The part both periods share, or ``None``."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Periode(start, end) if start < end else None

    def to_interval(self) -> pendulum.Interval[pendulum.Date]:
        """The period as a pendulum interval (pendulum's own closed-interval semantics)."""
        return pendulum.Interval(self.start, self.end)

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()} (exclusive)"
