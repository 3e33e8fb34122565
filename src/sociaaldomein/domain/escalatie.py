"""The escalation ladder: who takes up a disagreement, and by when (003, "8. Algemene afspraken").

A level does not decide for the partners: in the 2011 doorstart the top level
is "een vertegenwoordiger van B&W die binnen een week afstemt op
bestuurs-/directieniveau bij de samenwerkingspartner", a representative who
*aligns* with the partner's board within a week.  An escalation is closed
(:meth:`Escalatie.close`) when the disagreement ends, whoever brought that about.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_optional_date,
    at_least,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain._agreement import (
    _all_of,
    _as_duration,
    _as_history,
    _as_strs,
    _bron,
    _is_termijn,
    _names,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

__all__ = ["Escalatie", "Escalatieladder", "Trede"]


def _as_treden(value: Iterable[Trede]) -> tuple[Trede, ...]:
    return tuple(value)


# the escalation ladder ------------------------------------------------------


@attrs.frozen
class Trede:
    """One level of an escalation ladder.

    ``termijn`` is the level's deadline: how long its holders have to act on
    the matter (come to agreement, escalate, or, at B&W's level, align with the
    partner at board level); ``Duration()`` means at once, ``None`` means no
    deadline.
    """

    niveau: int = attrs.field(validator=[one_of_type(int), at_least(1)])
    naam: str = attrs.field(validator=non_empty)
    houders: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    termijn: pendulum.Duration | None = attrs.field(converter=_as_duration, validator=_is_termijn)
    omschrijving: str = ""
    bron: Citation | None = attrs.field(default=None, validator=_bron)


@attrs.frozen
class Escalatieladder:
    """Levels of escalation, strictly increasing, with the cases the ladder does not cover."""

    treden: tuple[Trede, ...] = attrs.field(
        converter=_as_treden, validator=[non_empty, _all_of(Trede)]
    )
    uitzonderingen: tuple[str, ...] = attrs.field(
        default=(), converter=_as_strs, validator=_names(allow_empty=True)
    )
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def __attrs_post_init__(self) -> None:
        for lower, higher in zip(self.treden, self.treden[1:], strict=False):
            if higher.niveau <= lower.niveau:
                raise InvalidValueError(
                    "Escalatieladder.treden",
                    f"levels must increase strictly, got {lower.niveau} then {higher.niveau}",
                )

    def trede(self, niveau: int) -> Trede:
        """The level numbered ``niveau``."""
        for t in self.treden:
            if t.niveau == niveau:
                return t
        known = ", ".join(str(t.niveau) for t in self.treden)
        raise InvalidValueError("Escalatieladder.niveau", f"no level {niveau}; levels: {known}")

    def above(self, niveau: int) -> Trede | None:
        """The level above ``niveau``, or ``None`` at the top."""
        return next((t for t in self.treden if t.niveau > niveau), None)

    def applies(self, wettelijke_verplichting: bool) -> bool:
        """Whether the ladder governs a case; a contract never overrides a statutory duty.

        Where one is at stake the partner acts first and informs the coach
        afterwards, as the ``uitzonderingen`` describe.
        """
        return not wettelijke_verplichting


@attrs.frozen
class Escalatie:
    """An escalation on a ladder: the levels it reached, when, and when it was closed.

    >>> ladder = Escalatieladder((
    ...     Trede(3, "projectleider", ("projectleider",), pendulum.duration()),
    ...     Trede(4, "college", ("B&W",), pendulum.duration(weeks=1)),
    ... ))
    >>> e = Escalatie.open(ladder, pendulum.date(2011, 5, 2)).escalate(pendulum.date(2011, 5, 3))
    >>> e.holder_on(pendulum.date(2011, 5, 3)), e.due()
    (('B&W',), Date(2011, 5, 10))
    """

    ladder: Escalatieladder = attrs.field(validator=one_of_type(Escalatieladder))
    history: tuple[tuple[pendulum.Date, int], ...] = attrs.field(
        converter=_as_history, validator=non_empty
    )
    closed_on: pendulum.Date | None = attrs.field(
        default=None, converter=as_optional_date, validator=is_optional_date
    )

    def __attrs_post_init__(self) -> None:
        previous: tuple[pendulum.Date, int] | None = None
        for day, niveau in self.history:
            if not isinstance(day, pendulum.Date):
                raise InvalidValueError("Escalatie.history", f"dates must be dates, got {day!r}")
            self.ladder.trede(niveau)
            if previous is not None and (day < previous[0] or niveau <= previous[1]):
                raise InvalidValueError(
                    "Escalatie.history", "moves must go up the ladder and forward in time"
                )
            previous = (day, niveau)
        if self.closed_on is not None and self.closed_on < self.history[-1][0]:
            raise InvalidValueError(
                "Escalatie.closed_on", "must not lie before the last move up the ladder"
            )

    @classmethod
    def open(
        cls, ladder: Escalatieladder, on: datetime.date, niveau: int | None = None
    ) -> Escalatie:
        """An escalation opened ``on`` at ``niveau`` (by default the first level)."""
        start = ladder.treden[0].niveau if niveau is None else ladder.trede(niveau).niveau
        return cls(ladder, ((as_date(on), start),))

    @property
    def niveau(self) -> int:
        """The level reached last."""
        return self.history[-1][1]

    @property
    def opened_on(self) -> pendulum.Date:
        """The day the escalation was opened."""
        return self.history[0][0]

    @property
    def is_open(self) -> bool:
        """Whether it has not been closed."""
        return self.closed_on is None

    @property
    def settled_on(self) -> pendulum.Date | None:
        """Deprecated: renamed :attr:`closed_on` (until 0.3)."""
        warnings.warn(
            "Escalatie.settled_on is renamed closed_on (a level aligns, it does not settle); "
            "the old name works until sociaaldomein 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.closed_on

    def _check_move(self, on: pendulum.Date, what: str) -> None:
        if self.closed_on is not None:
            raise InvalidValueError(f"Escalatie.{what}", f"already closed on {self.closed_on}")
        if on < self.history[-1][0]:
            raise InvalidValueError(
                f"Escalatie.{what}", f"{on} lies before the last move on {self.history[-1][0]}"
            )

    def escalate(self, on: datetime.date) -> Escalatie:
        """One level up, ``on``; the top level cannot escalate further."""
        day = as_date(on)
        self._check_move(day, "escalate")
        hoger = self.ladder.above(self.niveau)
        if hoger is None:
            raise InvalidValueError(
                "Escalatie.escalate", f"level {self.niveau} is the top of the ladder"
            )
        return attrs.evolve(self, history=(*self.history, (day, hoger.niveau)))

    def close(self, on: datetime.date) -> Escalatie:
        """Closed ``on``, the disagreement over: from that day nobody holds it."""
        day = as_date(on)
        self._check_move(day, "close")
        return attrs.evolve(self, closed_on=day)

    def settle(self, on: datetime.date) -> Escalatie:
        """Deprecated: renamed :meth:`close` (until 0.3)."""
        warnings.warn(
            "Escalatie.settle() is renamed close() (a level aligns, it does not settle); "
            "the old name works until sociaaldomein 0.3",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.close(on)

    def level_on(self, on: datetime.date) -> Trede | None:
        """The level holding it on ``on``; ``None`` before it opens and once it is closed."""
        day = as_date(on)
        if self.closed_on is not None and day >= self.closed_on:
            return None
        reached = [niveau for moved, niveau in self.history if moved <= day]
        return self.ladder.trede(reached[-1]) if reached else None

    def holder_on(self, on: datetime.date) -> tuple[str, ...]:
        """Who holds the escalation on ``on`` (empty when it is not open that day)."""
        trede = self.level_on(on)
        return () if trede is None else trede.houders

    def due(self, niveau: int | None = None) -> pendulum.Date | None:
        """The deadline of ``niveau`` (default: the current level): reached plus termijn.

        ``None`` when the level has no deadline or was never reached.
        """
        wanted = self.niveau if niveau is None else self.ladder.trede(niveau).niveau
        reached = next((day for day, n in self.history if n == wanted), None)
        termijn = self.ladder.trede(wanted).termijn
        if reached is None or termijn is None:
            return None
        return reached + termijn

    def is_overdue(self, on: datetime.date) -> bool:
        """Whether on ``on`` the level holding it has passed its deadline."""
        day = as_date(on)
        trede = self.level_on(day)
        if trede is None:
            return False
        due = self.due(trede.niveau)
        return due is not None and day > due
