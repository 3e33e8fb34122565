"""The reference pilot model in Mesa 3: one agent per family, one model step per month."""

from __future__ import annotations

from typing import Any

import mesa
from reference import Reference


class FamilyAgent(mesa.Agent):  # type: ignore[misc]
    """A family: its problems, its ZRM level and where it is (home, waiting, in care, done)."""

    def __init__(self, model: PilotModel, problems: int) -> None:
        super().__init__(model)
        self.problems = problems
        self.level = 2
        self.status = 0

    def step(self) -> None:
        model: PilotModel = self.model
        ref = model.ref
        rng = model.random
        if rng.random() < ref.change:
            self.problems ^= 1 << rng.randrange(9)
        if self.status == 2:
            if rng.random() < ref.progress:
                self.level += 1
            if self.level >= 4 or rng.random() < ref.regular:
                self.status = 3
                model.in_care -= 1
        elif self.status == 0 and rng.random() < ref.referral and self.problems.bit_count() >= 3:
            self.status = 1
            model.waiting.append(self)


class PilotModel(mesa.Model):  # type: ignore[misc]
    """The pilot: capacity, a yearly budget and a first-come waitlist."""

    def __init__(self, ref: Reference, problems: list[int], seed: int) -> None:
        super().__init__(rng=seed)
        self.ref = ref
        self.waiting: list[FamilyAgent] = []
        self.in_care = 0
        self.admitted = 0
        self.spent = 0
        self.year_left = 0
        self.month = 0
        for p in problems:
            FamilyAgent(self, p)

    def step(self) -> None:
        ref = self.ref
        if self.month % 12 == 0:
            self.year_left = ref.per_year * 100
        self.agents.do("step")
        cost = ref.cost * 100
        while (
            self.waiting
            and self.in_care < ref.capacity
            and self.year_left >= (self.in_care + 1) * cost
        ):
            fam = self.waiting.pop(0)
            fam.status = 2
            self.in_care += 1
            self.admitted += 1
        charge = min(self.in_care * cost, self.year_left)
        self.year_left -= charge
        self.spent += charge
        self.month += 1


def run(ref: Reference, problems: list[int], seed: int) -> dict[str, Any]:
    """Run the Mesa model for ``ref.months`` months."""
    model = PilotModel(ref, problems, seed)
    for _ in range(ref.months):
        model.step()
    return {"admitted": model.admitted, "spent_cents": model.spent}
