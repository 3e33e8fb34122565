"""A pilot: what runs, for how long, with whom, and where it is in its life.

>>> from sociaaldomein.domain.periode import Periode
>>> looptijd = Looptijd(pendulum.date(2011, 1, 1), pendulum.date(2012, 1, 1))
>>> verlengd = looptijd.extend(pendulum.date(2012, 7, 1), reason="doorstart")
>>> verlengd.eind, verlengd.oorspronkelijk_eind
(Date(2012, 7, 1), Date(2012, 1, 1))
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable
from decimal import Decimal

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    as_optional_date,
    as_tuple,
    between,
    coerce_enum,
    is_date,
    is_enum,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.citation import Citation, Letter
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.professional import Organisatie, Professional
from sociaaldomein.errors import InvalidValueError

__all__ = ["Looptijd", "Pilot", "PilotStatus", "Verlenging"]

_SLUG = re.compile(r"^[a-z][a-z0-9-]{0,62}$")


class PilotStatus(enum.Enum):
    """Where a pilot is in its life.  :attr:`next` lists the allowed transitions."""

    PREPARING = "in voorbereiding"
    ACTIVE = "actief"
    EXTENDED = "verlengd"
    ENDED = "beëindigd"
    EMBEDDED = "geborgd"

    @property
    def next(self) -> frozenset[PilotStatus]:
        """The statuses this one may move to."""
        return _TRANSITIONS[self]


_TRANSITIONS: dict[PilotStatus, frozenset[PilotStatus]] = {
    PilotStatus.PREPARING: frozenset({PilotStatus.ACTIVE, PilotStatus.ENDED}),
    PilotStatus.ACTIVE: frozenset({PilotStatus.EXTENDED, PilotStatus.ENDED, PilotStatus.EMBEDDED}),
    PilotStatus.EXTENDED: frozenset(
        {PilotStatus.EXTENDED, PilotStatus.ENDED, PilotStatus.EMBEDDED}
    ),
    # A pilot that ended can still be embedded ("geborgd") in regular work afterwards.
    PilotStatus.ENDED: frozenset({PilotStatus.EMBEDDED}),
    PilotStatus.EMBEDDED: frozenset(),
}


@attrs.frozen
class Verlenging:
    """An extension of a looptijd to ``nieuw_eind``; the original end stays visible."""

    nieuw_eind: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    reden: str = attrs.field(validator=non_empty)
    besloten_op: pendulum.Date | None = attrs.field(
        default=None, converter=as_optional_date, validator=is_optional_date
    )
    bron: Citation | None = None


def _verlengingen(values: Iterable[Verlenging]) -> tuple[Verlenging, ...]:
    return as_tuple(values)


@attrs.frozen
class Looptijd:
    """The running time of a pilot: ``[start, eind)`` with its extensions recorded.

    ``oorspronkelijk_eind`` is the end first decided; every extension moves the
    end further and is kept, so the history stays visible.
    """

    start: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    oorspronkelijk_eind: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    verlengingen: tuple[Verlenging, ...] = attrs.field(factory=tuple, converter=_verlengingen)

    def __attrs_post_init__(self) -> None:
        previous = self.start
        for i, ends in enumerate(
            [self.oorspronkelijk_eind, *[v.nieuw_eind for v in self.verlengingen]]
        ):
            if ends <= previous:
                field = (
                    "Looptijd.oorspronkelijk_eind" if i == 0 else f"Looptijd.verlengingen[{i - 1}]"
                )
                raise InvalidValueError(
                    field, f"must lie after {previous.isoformat()}, got {ends.isoformat()}"
                )
            previous = ends

    @property
    def eind(self) -> pendulum.Date:
        """The end as it stands now, after every extension."""
        return self.verlengingen[-1].nieuw_eind if self.verlengingen else self.oorspronkelijk_eind

    @property
    def periode(self) -> Periode:
        """The period as it stands now."""
        return Periode(self.start, self.eind)

    @property
    def oorspronkelijke_periode(self) -> Periode:
        """The period as first decided."""
        return Periode(self.start, self.oorspronkelijk_eind)

    @property
    def is_extended(self) -> bool:
        """Whether the looptijd has been extended at least once."""
        return bool(self.verlengingen)

    def extend(
        self,
        new_end: pendulum.Date,
        *,
        reason: str,
        decided_on: pendulum.Date | None = None,
        source: Citation | None = None,
    ) -> Looptijd:
        """A new looptijd ending at ``new_end``, which must lie after the current end."""
        extension = Verlenging(new_end, reason, decided_on, source)
        return attrs.evolve(self, verlengingen=(*self.verlengingen, extension))

    def __contains__(self, day: object) -> bool:
        # Asked for every verdict: compared directly rather than through a new Periode.
        return isinstance(day, pendulum.Date) and self.start <= day < self.eind


def _looptijd_ok(instance: object, attribute: attrs.Attribute[Looptijd], value: object) -> None:
    one_of_type(Looptijd)(instance, attribute, value)


def _slug(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            "must be a short lower-case name of letters, digits and hyphens, starting with "
            f"a letter (for example 'gezinsverzorger'), got {value!r}",
        )


def _as_status(value: PilotStatus | str) -> PilotStatus:
    return coerce_enum(PilotStatus, value)


def _bemensing(values: Iterable[Professional]) -> tuple[Professional, ...]:
    return as_tuple(values)


def _partners(values: Iterable[Organisatie]) -> tuple[Organisatie, ...]:
    return as_tuple(values)


@attrs.frozen
class Pilot:
    """A pilot as a municipality decided it.

    ``naam`` is the short key that code, files and the command line use
    (``"gezinsverzorger"``); ``titel`` is how the letter names it.  ``capaciteit``
    is the number of families the pilot can carry at once (``None``: no cap)
    and ``capaciteit_bron`` where that number comes from.  ``max_totaal`` is the
    number of families the pilot may admit in total over its looptijd, however
    many have left again (``None``: no cap), and ``max_totaal_bron`` its source:
    "at once" and "in total" are different limits, and a letter may give either.
    """

    naam: str = attrs.field(validator=_slug)
    titel: str = attrs.field(validator=non_empty)
    gemeente: str = attrs.field(validator=non_empty)
    looptijd: Looptijd = attrs.field(validator=_looptijd_ok)
    capaciteit: int | None = attrs.field(
        default=None, validator=attrs.validators.optional([one_of_type(int), between(0, 10**7)])
    )
    capaciteit_bron: Citation | None = None
    max_totaal: int | None = attrs.field(
        default=None,
        kw_only=True,
        validator=attrs.validators.optional([one_of_type(int), between(0, 10**7)]),
    )
    max_totaal_bron: Citation | None = attrs.field(default=None, kw_only=True)
    bemensing: tuple[Professional, ...] = attrs.field(factory=tuple, converter=_bemensing)
    partners: tuple[Organisatie, ...] = attrs.field(factory=tuple, converter=_partners)
    status: PilotStatus = attrs.field(
        default=PilotStatus.PREPARING, converter=_as_status, validator=is_enum(PilotStatus)
    )
    brief: Letter | None = None
    omschrijving: str = ""

    def status_on(self, on: datetime.date) -> PilotStatus:
        """The status on ``on``, derived from the looptijd and its extensions.

        :attr:`status` is the status the letter records, as of the letter's
        date; this is the status on any day: in preparation before the start,
        active within the looptijd (extended from the day an extension was
        decided, or from the original end when the decision has no date), and
        ended from the end on.  A pilot the letter records as embedded
        (``geborgd``) is embedded after its end; one it records as ended or
        embedded stays so from the letter's date, even within the looptijd.

        >>> pilot = Pilot("proef", "Proef", "Groningen",
        ...               Looptijd(pendulum.date(2016, 10, 1), pendulum.date(2018, 1, 1)))
        >>> [pilot.status_on(pendulum.date(y, 1, 1)).value for y in (2016, 2017, 2018)]
        ['in voorbereiding', 'actief', 'beëindigd']
        """
        day: object = as_date(on)
        if isinstance(day, datetime.datetime) or not isinstance(day, pendulum.Date):
            raise InvalidValueError(
                "Pilot.status_on",
                f"must be given a date such as pendulum.date(2021, 10, 1), got {on!r}",
            )
        looptijd = self.looptijd
        final = self.status in (PilotStatus.ENDED, PilotStatus.EMBEDDED)
        if final and self.brief is not None and day >= self.brief.date:
            return self.status
        if day < looptijd.start:
            return PilotStatus.PREPARING
        if day >= looptijd.eind:
            return (
                PilotStatus.EMBEDDED if self.status is PilotStatus.EMBEDDED else PilotStatus.ENDED
            )
        for verlenging in looptijd.verlengingen:
            if day >= (verlenging.besloten_op or looptijd.oorspronkelijk_eind):
                return PilotStatus.EXTENDED
        return PilotStatus.ACTIVE

    def fte(self) -> Decimal:
        """Total fte of the staff."""
        return sum((p.fte for p in self.bemensing), Decimal(0))

    def with_status(self, status: PilotStatus) -> Pilot:
        """This pilot in ``status``; refuses a transition the lifecycle does not allow."""
        if status not in self.status.next:
            allowed = ", ".join(sorted(s.name for s in self.status.next)) or "none"
            raise InvalidValueError(
                "Pilot.status",
                f"cannot go from {self.status.name} to {status.name}; allowed: {allowed}",
            )
        return attrs.evolve(self, status=status)

    def extend(
        self,
        new_end: pendulum.Date,
        *,
        reason: str,
        decided_on: pendulum.Date | None = None,
        source: Citation | None = None,
    ) -> Pilot:
        """This pilot with its looptijd extended to ``new_end`` and status EXTENDED."""
        looptijd = self.looptijd.extend(
            new_end, reason=reason, decided_on=decided_on, source=source
        )
        return attrs.evolve(self.with_status(PilotStatus.EXTENDED), looptijd=looptijd)

    def phase_on(self, on: pendulum.Date) -> PilotStatus:
        """The status the calendar alone implies on ``on`` (before, during, after)."""
        if on < self.looptijd.start:
            return PilotStatus.PREPARING
        if on >= self.looptijd.eind:
            return PilotStatus.ENDED
        return (
            PilotStatus.EXTENDED if on >= self.looptijd.oorspronkelijk_eind else PilotStatus.ACTIVE
        )
