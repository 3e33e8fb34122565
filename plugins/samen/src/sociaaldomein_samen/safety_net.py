"""The safety net: the Open House contracts stay in force at least 2.5 years after the start.

002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en
aansturing": "Als vangnet houden we de Open House nog tenminste 2,5 jaar na de
start van SAMEN, in stand."  SAMEN. starts on 1 January 2023, so the contracts
stay at least until 1 July 2025 (:data:`OPEN_HOUSE_MINIMUM_END`, exclusive).
"At least": a municipality may keep them longer (the plugin's
``open_house_until``), never shorter.

>>> open_house_in_force(pendulum.date(2025, 6, 30)), open_house_in_force(pendulum.date(2025, 7, 1))
(True, False)
"""

from __future__ import annotations

from typing import Final

import pendulum

from sociaaldomein_samen.phasing import START

__all__ = ["OPEN_HOUSE_MINIMUM_END", "open_house_end_floor", "open_house_in_force"]


def open_house_end_floor(start: pendulum.Date) -> pendulum.Date:
    """The first day the Open House may be gone: 2.5 years after ``start``."""
    return start.add(years=2, months=6)


OPEN_HOUSE_MINIMUM_END: Final = open_house_end_floor(START)
"""1 July 2025: the Open House contracts are in force at least on every day before it."""


def open_house_in_force(on: pendulum.Date, until: pendulum.Date = OPEN_HOUSE_MINIMUM_END) -> bool:
    """Whether the Open House contracts are still in force on ``on`` (they end at ``until``).

    They were in force before SAMEN. started, so there is no lower bound.
    """
    return on < until
