"""Termination rules, as values: when a pilot ends and when a family's trajectory ends.

A pilot plugin returns these through the termination hooks; the composition
checks them against a state and says which rule ended what, and why.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable
from typing import ClassVar

import attrs
import pendulum

from sociaaldomein._validators import as_date, as_tuple, is_date, one_of_type
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.opzegging import Opzegregeling, Opzegverzoek
from sociaaldomein.domain.pilot import Pilot
from sociaaldomein.domain.rules import Explanation, Rule
from sociaaldomein.i18n import _, translate

__all__ = [
    "BudgetUitgeput",
    "DoelenBehaald",
    "Einde",
    "EindeLooptijd",
    "GeenGegarandeerdeInstroom",
    "PartnerOpzegging",
    "PilotEindregel",
    "PilotToestand",
    "TrajectEindregel",
    "TrajectToestand",
    "UitstroomAlsRegel",
]


@attrs.frozen
class Einde:
    """The outcome of one termination rule: did it end anything, and why."""

    ended: bool
    rule: str
    reason: str
    source: Citation | None = None
    to: str | None = None
    explanation: Explanation | None = None

    def render(self, language: str | None = None) -> str:
        """One line: whether the rule ended anything, the rule, why, and its source."""
        reason = translate(self.reason, language)
        # A reason that already cites its source (a partner vote does) is not cited twice.
        cite = ""
        if self.source is not None and self.source.render(language) not in reason:
            cite = f" [{self.source.render(language)}]"
        if self.ended:
            line = _("ENDED by {rule}: {reason}", rule=self.rule, reason=self.reason)
        else:
            line = _("continues by {rule}: {reason}", rule=self.rule, reason=self.reason)
        return line.render(language) + cite

    def __str__(self) -> str:
        return self.render()


def _verzoeken(values: Iterable[Opzegverzoek]) -> tuple[Opzegverzoek, ...]:
    return as_tuple(values)


@attrs.frozen
class PilotToestand:
    """What is known about a pilot on a date, for its termination rules.

    ``spent`` and ``budget`` may be left out when no money rule applies;
    ``instroom_gegarandeerd`` is ``None`` when nobody decided on guaranteed inflow.
    """

    on: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    spent: Money | None = None
    budget: Money | None = None
    opzegverzoeken: tuple[Opzegverzoek, ...] = attrs.field(factory=tuple, converter=_verzoeken)
    gevolgen_geregeld: bool = False
    instroom_gegarandeerd: bool | None = None


class PilotEindregel(abc.ABC):
    """A rule that can end a pilot.

    ``label`` is what a person calls the rule ("end of looptijd"), as a message;
    a rule class of a plugin sets its own, else its class name is shown.
    """

    label: ClassVar[str] = ""
    source: Citation | None

    @abc.abstractmethod
    def check(self, pilot: Pilot, state: PilotToestand) -> Einde:
        """Whether this rule ends ``pilot`` given ``state``."""


@attrs.frozen
class EindeLooptijd(PilotEindregel):
    """The pilot ends at the end of its looptijd, extensions included."""

    label: ClassVar[str] = _("end of looptijd")

    source: Citation | None = None

    def check(self, pilot: Pilot, state: PilotToestand) -> Einde:
        end = pilot.looptijd.eind
        extra = (
            _(" (originally {date}, extended)", date=pilot.looptijd.oorspronkelijk_eind)
            if pilot.looptijd.is_extended
            else ""
        )
        if state.on >= end:
            reason = _("the looptijd ended on {date}{extra}", date=end, extra=extra)
        else:
            reason = _("the looptijd runs until {date}{extra}", date=end, extra=extra)
        return Einde(state.on >= end, self.label, reason, self.source)


@attrs.frozen
class PartnerOpzegging(PilotEindregel):
    """The partners end the agreement early: at least k of n ask in writing."""

    label: ClassVar[str] = _("partner vote")

    regeling: Opzegregeling = attrs.field(validator=one_of_type(Opzegregeling))
    source: Citation | None = None

    def check(self, pilot: Pilot, state: PilotToestand) -> Einde:
        besluit = self.regeling.decide(
            state.opzegverzoeken, on=state.on, gevolgen_geregeld=state.gevolgen_geregeld
        )
        return Einde(besluit.ended, self.label, besluit.reden, self.source or self.regeling.bron)


@attrs.frozen
class BudgetUitgeput(PilotEindregel):
    """Intake stops, and the pilot ends, when the money is spent."""

    label: ClassVar[str] = _("budget exhausted")

    source: Citation | None = None

    def check(self, pilot: Pilot, state: PilotToestand) -> Einde:
        if state.spent is None or state.budget is None:
            return Einde(False, self.label, _("no spending or budget given"), self.source)
        left = state.budget - state.spent
        ended = left <= Money.zero()
        reason = (
            _("spent {spent} of {budget}", spent=state.spent, budget=state.budget)
            if ended
            else _("{left} of {budget} left", left=left, budget=state.budget)
        )
        return Einde(ended, self.label, reason, self.source)


@attrs.frozen
class GeenGegarandeerdeInstroom(PilotEindregel):
    """A pilot that may only start with guaranteed inflow does not start without it."""

    label: ClassVar[str] = _("no guaranteed inflow")

    source: Citation | None = None

    def check(self, pilot: Pilot, state: PilotToestand) -> Einde:
        if state.instroom_gegarandeerd is False:
            return Einde(True, self.label, _("inflow is not guaranteed"), self.source)
        said = (
            _("inflow is guaranteed")
            if state.instroom_gegarandeerd
            else _("inflow is not yet decided")
        )
        return Einde(False, self.label, said, self.source)


@attrs.frozen
class TrajectToestand:
    """A family's trajectory in a pilot on a date: the family as it is now, and its progress."""

    gezin: Gezin = attrs.field(validator=one_of_type(Gezin))
    start: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    on: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    doelen_behaald: bool = False


class TrajectEindregel(abc.ABC):
    """A rule that can end a family's trajectory in a pilot (``label`` as for a pilot's)."""

    label: ClassVar[str] = ""
    source: Citation | None

    @abc.abstractmethod
    def check(self, state: TrajectToestand) -> Einde:
        """Whether this rule ends the trajectory in ``state``."""


@attrs.frozen
class DoelenBehaald(TrajectEindregel):
    """The trajectory ends when its goals are met."""

    label: ClassVar[str] = _("goals met")

    source: Citation | None = None

    def check(self, state: TrajectToestand) -> Einde:
        said = _("the goals are met") if state.doelen_behaald else _("the goals are not met yet")
        return Einde(state.doelen_behaald, self.label, said, self.source)


@attrs.frozen
class UitstroomAlsRegel(TrajectEindregel):
    """The trajectory ends, towards ``to``, when ``when`` holds for the family now.

    For example step-down (afschaling) to a gezinscoach once the family's
    zelfredzaamheid can be strengthened, or the regular route when the
    question turns out too complex.
    """

    name: str
    when: Rule = attrs.field(validator=one_of_type(Rule))
    to: str
    source: Citation | None = None

    def check(self, state: TrajectToestand) -> Einde:
        explanation = self.when.explain(state.gezin, state.on)
        reason = _(
            "{rule}: {answer}",
            rule=self.when.text(),
            answer=_("yes") if explanation.passed else _("no"),
        )
        return Einde(
            explanation.passed,
            self.name,
            reason,
            self.source or self.when.source,
            self.to,
            explanation,
        )
