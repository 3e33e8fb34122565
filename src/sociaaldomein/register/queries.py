"""The register's answers as plain values: advices per institution, money per line, overdue.

Each is computed from a :class:`~.state.PilotState` (and, for money, the
compiled pilot's funding lines), so it is what a replay of the log says.
"""

from __future__ import annotations

import attrs
import pendulum

from sociaaldomein.domain.budget import Financieringsmodel
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.register import events as ev
from sociaaldomein.register.state import PilotState

__all__ = ["AdviesTelling", "BudgetLijn", "Overdue", "advices", "budget"]


@attrs.frozen
class Overdue:
    """An escalation past its level's deadline: which, at what level, held by whom, due when."""

    ref: str
    niveau: int
    houders: tuple[str, ...]
    termijn: pendulum.Date


@attrs.frozen
class AdviesTelling:
    """For one institution: advices given, and what it answered."""

    instelling: str
    adviezen: int = 0
    opgevolgd: int = 0
    afwijking: int = 0
    geweigerd: int = 0
    onbeantwoord: int = 0
    besluiten: int = 0
    """Followed advices its back office turned into a formal decision."""


def advices(state: PilotState, on: pendulum.Date | None = None) -> list[AdviesTelling]:
    """Per institution, in order of the first advice (given on or before ``on``, if given)."""
    tally: dict[str, dict[str, int]] = {}
    for zaak in state.adviezen.values():
        if on is not None and zaak.datum > on:
            continue
        t = tally.setdefault(zaak.instelling, dict.fromkeys(_COUNTS, 0))
        t["adviezen"] += 1
        key = "onbeantwoord" if zaak.antwoord is None else _ANSWER[zaak.antwoord]
        t[key] += 1
        t["besluiten"] += zaak.followed
    return [AdviesTelling(name, **counts) for name, counts in tally.items()]


_COUNTS = ("adviezen", "opgevolgd", "afwijking", "geweigerd", "onbeantwoord", "besluiten")
_ANSWER = {
    ev.Antwoord.OPGEVOLGD: "opgevolgd",
    ev.Antwoord.AFWIJKING: "afwijking",
    ev.Antwoord.GEWEIGERD: "geweigerd",
}


@attrs.frozen
class BudgetLijn:
    """One funding line: what the plan gives, and what is committed, spent and left."""

    omschrijving: str
    model: Financieringsmodel | Term
    plan: Money
    committed: Money
    spent: Money

    @property
    def remaining(self) -> Money:
        """The plan minus what is committed (spending is committed money paid)."""
        return self.plan - self.committed


def budget(state: PilotState, compiled: CompiledPilot) -> list[BudgetLijn]:
    """Per funding line of the pilot, in the plan's order (lines of one description together).

    On the GHP-bound line a purchase commits money and a payment spends it; on
    every other line an :class:`~.events.Uitgave` is committed and spent at once.
    """
    plan: dict[str, tuple[Financieringsmodel | Term, Money]] = {}
    for regel in compiled.funding:
        model, amount = plan.get(regel.omschrijving, (regel.model, Money.zero()))
        plan[regel.omschrijving] = (model, amount + regel.bedrag)
    out = []
    for omschrijving, (model, amount) in plan.items():
        if model is Financieringsmodel.GHP_GEBONDEN:
            committed, spent = state.ghp_committed(), state.ghp_spent()
        else:
            committed = spent = state.uitgaven.get(omschrijving, Money.zero())
        out.append(BudgetLijn(omschrijving, model, amount, committed, spent))
    return out
