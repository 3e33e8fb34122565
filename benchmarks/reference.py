"""The reference pilot model of the benchmarks, written three ways.

One model, small enough to write by hand and rich enough to be a pilot:

* a city of ``families`` families, each with a set of problems (a bitmask of
  nine); every month, with chance ``change``, one problem appears or resolves;
* a family at home is referred with chance ``referral`` a month and is
  eligible when it has at least three problems (the multiprobleem rule);
* eligible families wait in order of arrival and are admitted up to
  ``capacity`` families in care, while this year's budget can pay for them;
* a family in care costs ``cost`` a month, gains a ZRM level with chance
  ``progress`` and goes to regular care with chance ``regular``; it leaves
  with its goals met at level 4;
* the budget is ``per_year`` for each calendar year.

:func:`library_settings` says it with the library (the ``ToyPilot`` of
:mod:`sociaaldomein.testing` has exactly this rule and yearly budget);
:func:`hand_loop` is the plain Python a programmer would write without the
library; :mod:`mesa_model` writes it for Mesa 3.
"""

from __future__ import annotations

import random
from typing import Final

import attrs
import pendulum

from sociaaldomein import Gemeente, Money, PluginSpec
from sociaaldomein.simulation import PilotDesign, Settings

START: Final = pendulum.date(2024, 1, 1)


@attrs.frozen
class Reference:
    """The parameters of the reference model."""

    families: int = 1_000
    months: int = 24
    referral: float = 0.02
    change: float = 0.05
    capacity: int = 40
    cost: int = 1_000  # euros a family-month
    per_year: int = 300_000  # euros
    progress: float = 0.15
    regular: float = 0.02


def spec(ref: Reference) -> PluginSpec:
    """The reference pilot as a plugin spec: families with three or more problems."""
    return PluginSpec(
        "sociaaldomein.testing:ToyPilot",
        {
            "name": "ref",
            "min_problems": 3,
            "capacity": ref.capacity,
            "per_year": Money(ref.per_year),
            "start": START,
            "end": START.add(months=ref.months),
        },
    )


def gemeente(ref: Reference) -> Gemeente:
    """The reference composition."""
    return Gemeente(specs=[spec(ref)])


def library_settings(ref: Reference) -> Settings:
    """The reference model as simulation settings."""
    design = PilotDesign(
        priority="fifo",
        cost_per_family_month=Money(ref.cost),
        budget_scope="year",
        reserve_months=1,
        progress_probability=ref.progress,
        setback_probability=0.0,
        regular_care_probability=ref.regular,
        step_down_probability=0.0,
        max_months=None,
        waitlist_leave_probability=0.0,
    )
    return Settings(
        START,
        months=ref.months,
        referral_probability=ref.referral,
        problem_change_probability=ref.change,
        default_zrm=2,
        goal_gain=2,
        default=design,
    )


class Family:
    """A family, as a hand-written model would hold it."""

    __slots__ = ("level", "problems", "since", "status")

    def __init__(self, problems: int, level: int) -> None:
        self.problems = problems
        self.level = level
        self.status = 0  # 0 home, 1 waiting, 2 in care, 3 done
        self.since = 0


def hand_loop(ref: Reference, problems: list[int], seed: int) -> dict[str, int]:
    """The reference model in plain Python, as one would write it without the library."""
    rng = random.Random(seed)
    rand = rng.random
    families = [Family(p, 2) for p in problems]
    waiting: list[Family] = []
    in_care = admitted = spent = 0
    year_left = 0
    for month in range(ref.months):
        if month % 12 == 0:
            year_left = ref.per_year * 100
        for fam in families:
            if rand() < ref.change:
                fam.problems ^= 1 << rng.randrange(9)
            status = fam.status
            if status == 2:
                u = rand()
                if u < ref.progress:
                    fam.level += 1
                if fam.level >= 4 or rand() < ref.regular:
                    fam.status = 3
                    in_care -= 1
            elif status == 0 and rand() < ref.referral and fam.problems.bit_count() >= 3:
                fam.status = 1
                fam.since = month
                waiting.append(fam)
        cost = ref.cost * 100
        while waiting and in_care < ref.capacity and year_left >= (in_care + 1) * cost:
            fam = waiting.pop(0)
            fam.status = 2
            in_care += 1
            admitted += 1
        charge = min(in_care * cost, year_left)
        year_left -= charge
        spent += charge
    return {"admitted": admitted, "spent_cents": spent}
