"""The safety net: the Open House contracts stay in force at least 2.5 years after the start.

002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en
aansturing": "Als vangnet houden we de Open House nog tenminste 2,5 jaar na de
start van SAMEN, in stand."  SAMEN. starts on 1 January 2023, so the contracts
stay at least until 1 July 2025 (:data:`OPEN_HOUSE_MINIMUM_END`, exclusive).
"Tenminste" is a minimum, not an end: the letter decides no day on which the
contracts end, so by default they stay in force (``until=None``) and
:func:`open_house_guaranteed` says whether a day lies within the minimum.  A
municipality that decides an end passes it (the plugin's ``open_house_until``),
never before the minimum.

>>> open_house_in_force(pendulum.date(2025, 7, 1)), open_house_guaranteed(pendulum.date(2025, 7, 1))
(True, False)
>>> open_house_in_force(pendulum.date(2025, 7, 1), until=pendulum.date(2025, 7, 1))
False
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein_samen.phasing import START

__all__ = [
    "OPEN_HOUSE_MINIMUM_END",
    "open_house_end_floor",
    "open_house_guaranteed",
    "open_house_in_force",
]


def open_house_end_floor(start: pendulum.Date) -> pendulum.Date:
    """The first day the Open House may be gone: 2.5 years after ``start``."""
    return start.add(years=2, months=6)


OPEN_HOUSE_MINIMUM_END: Final = open_house_end_floor(START)
"""1 July 2025: the Open House contracts are in force at least on every day before it."""


def open_house_in_force(on: pendulum.Date, until: pendulum.Date | None = None) -> bool:
    """Whether the Open House contracts are still in force on ``on``.

    ``until`` is the first day without them, once a municipality decides one;
    ``None`` (the letter's reading: "tenminste", no end decided) keeps them in
    force.  They were in force before SAMEN. started, so there is no lower bound.
    """
    return until is None or on < until


def open_house_guaranteed(on: pendulum.Date, start: pendulum.Date = START) -> bool:
    """Whether ``on`` lies within the letter's minimum: before 2.5 years after ``start``."""
    return on < open_house_end_floor(start)
