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
library, :func:`event_loop` the same touching only the families something
happens to, :func:`numpy_loop` a hand-written numpy version; :mod:`mesa_model`
writes it for Mesa 3.
"""

from __future__ import annotations

import random
from collections import deque
from typing import Final

import attrs
import numpy as np
import pendulum

from sociaaldomein import Gemeente, Money, PluginSpec
from sociaaldomein.domain.cohort import Array
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


def event_loop(ref: Reference, problems: list[int], seed: int) -> dict[str, int]:
    """The reference model event-driven in Python: numpy draws, only affected families touched.

    The month's random numbers come in bulk from numpy; the loop visits only the
    families a draw changes or refers and those in care, as a programmer who
    knows the model is sparse would write it.
    """
    rng = np.random.default_rng(seed)
    n = len(problems)
    probs = list(problems)
    level = [2] * n
    status = bytearray(n)  # 0 home, 1 waiting, 2 in care, 3 done
    t_change, t_ref = int(ref.change * 2**32), int(ref.referral * 2**32)
    t_up, t_regular = int(ref.progress * 2**32), int(ref.regular * 2**32)
    waiting: deque[int] = deque()
    care: list[int] = []
    admitted = spent = year_left = 0
    cost = ref.cost * 100
    for month in range(ref.months):
        if month % 12 == 0:
            year_left = ref.per_year * 100
        u = rng.integers(0, 2**32, size=(3, n), dtype=np.uint32)
        hit = np.flatnonzero(u[0] < t_change)
        for f, bit in zip(hit.tolist(), (u[1, hit] % 9).tolist(), strict=True):
            probs[f] ^= 1 << bit
        if care:
            a, b = u[1, care].tolist(), u[2, care].tolist()
            kept = []
            for f, x, y in zip(care, a, b, strict=True):
                if x < t_up:
                    level[f] += 1
                if level[f] >= 4 or y < t_regular:
                    status[f] = 3
                else:
                    kept.append(f)
            care = kept
        for f in np.flatnonzero(u[2] < t_ref).tolist():
            if status[f] == 0 and probs[f].bit_count() >= 3:
                status[f] = 1
                waiting.append(f)
        while waiting and len(care) < ref.capacity and year_left >= (len(care) + 1) * cost:
            f = waiting.popleft()
            status[f] = 2
            care.append(f)
            admitted += 1
        charge = min(len(care) * cost, year_left)
        year_left -= charge
        spent += charge
    return {"admitted": admitted, "spent_cents": spent}


def numpy_loop(ref: Reference, problems: Array, seed: int) -> dict[str, int]:
    """The reference model in numpy, one run, as one would write it by hand for speed.

    Every family is a lane of a few small arrays; the waitlist is an array of
    family rows in order of arrival (first come, first served).
    """
    rng = np.random.default_rng(seed)
    n = len(problems)
    probs = problems.astype(np.uint16)
    level = np.full(n, 2, dtype=np.int8)
    status = np.zeros(n, dtype=np.int8)
    t_change, t_ref = np.uint32(ref.change * 2**32), np.uint32(ref.referral * 2**32)
    t_up, t_regular = np.uint32(ref.progress * 2**32), np.uint32(ref.regular * 2**32)
    waiting = np.zeros(0, dtype=np.int64)
    in_care = admitted = spent = year_left = 0
    cost = ref.cost * 100
    u = np.empty((3, n), dtype=np.uint32)
    for month in range(ref.months):
        if month % 12 == 0:
            year_left = ref.per_year * 100
        u[...] = rng.integers(0, 2**32, size=(3, n), dtype=np.uint32)
        hit = np.flatnonzero(u[0] < t_change)
        probs[hit] ^= np.left_shift(1, u[1, hit] % 9).astype(np.uint16)
        care = np.flatnonzero(status == 2)
        if care.size:
            level[care] += u[1, care] < t_up
            out = care[(level[care] >= 4) | (u[2, care] < t_regular)]
            status[out] = 3
            in_care -= out.size
        new = np.flatnonzero((u[2] < t_ref) & (status == 0))
        new = new[np.bitwise_count(probs[new]) >= 3]
        status[new] = 1
        waiting = np.concatenate([waiting, new])
        room = min(ref.capacity - in_care, waiting.size, year_left // cost - in_care)
        if room > 0:
            status[waiting[:room]] = 2
            waiting = waiting[room:]
            in_care += room
            admitted += room
        charge = min(in_care * cost, year_left)
        year_left -= charge
        spent += charge
    return {"admitted": admitted, "spent_cents": spent}
