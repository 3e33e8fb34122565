"""The functional mandate, the escalation ladder, and ending an agreement by its partners.

A *functioneel mandaat* is a contractual agreement between partners, not an Awb
mandate: for the selected families, the coach's advice on the listed decisions
binds the institution, which may deviate only where the law does not allow the
decision.  Institutions with only a *samenwerkingsafspraak* are not bound.

>>> mandaat = Mandaat(
...     regels=(MandaatRegel("wonen", "Woningcorporaties", ("woningtoewijzing",)),),
...     samenwerkingsafspraken=(Samenwerkingsafspraak("veiligheid", "Politie", ("huisverbod",)),),
... )
>>> advies = Advies("gezin-1", "woningcorporaties", " Woningtoewijzing", pendulum.date(2011, 3, 1))
>>> mandaat.check(advies, geselecteerd=True).status
<AdviesStatus.BINDEND: 'bindend'>
>>> mandaat.check(advies, geselecteerd=False).binds
False
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any, cast

import attrs
import pendulum

from sociaaldomein._validators import (
    Validator,
    as_date,
    as_optional_date,
    at_least,
    field_name,
    is_date,
    is_optional_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "Advies",
    "AdviesOordeel",
    "AdviesStatus",
    "Escalatie",
    "Escalatieladder",
    "Mandaat",
    "MandaatRegel",
    "MandaatRij",
    "OpzegBesluit",
    "Opzegregeling",
    "Opzegverzoek",
    "Samenwerkingsafspraak",
    "Trede",
]

_bron = one_of_type(Citation, type(None))
_flag = one_of_type(bool)


def _norm(name: str) -> str:
    # Letters and plugins spell the same institution with varying case and spacing.
    return " ".join(name.split()).casefold()


def _cite(bron: Citation | None) -> str:
    return f" ({bron})" if bron is not None else ""


def _as_strs(value: Iterable[str]) -> tuple[str, ...]:
    # A lone string would otherwise become a tuple of its characters.
    return (value,) if isinstance(value, str) else tuple(value)


def _as_regels(value: Iterable[MandaatRegel]) -> tuple[MandaatRegel, ...]:
    return tuple(value)


def _as_afspraken(value: Iterable[Samenwerkingsafspraak]) -> tuple[Samenwerkingsafspraak, ...]:
    return tuple(value)


def _as_treden(value: Iterable[Trede]) -> tuple[Trede, ...]:
    return tuple(value)


def _as_history(
    value: Iterable[tuple[datetime.date, int]],
) -> tuple[tuple[pendulum.Date, int], ...]:
    return tuple((as_date(day), niveau) for day, niveau in value)


def _as_duration(value: datetime.timedelta | None) -> pendulum.Duration | None:
    if isinstance(value, datetime.timedelta) and not isinstance(value, pendulum.Duration):
        return pendulum.duration(days=value.days, seconds=value.seconds)
    return value


def _names(*, allow_empty: bool = False) -> Validator:
    """Validator: a tuple of distinct (case- and space-insensitive), non-empty strings."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        name = field_name(instance, attribute)
        if not value and not allow_empty:
            raise InvalidValueError(name, "must list at least one")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise InvalidValueError(name, f"every entry must be non-empty text, got {item!r}")
            if _norm(item) in seen:
                raise InvalidValueError(name, f"{item!r} is listed twice")
            seen.add(_norm(item))

    return check


def _all_of(kind: type) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for item in value:
            if not isinstance(item, kind):
                raise InvalidValueError(
                    field_name(instance, attribute),
                    f"every entry must be a {kind.__name__}, got {type(item).__name__} {item!r}",
                )

    return check


def _is_termijn(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    name = field_name(instance, attribute)
    if not isinstance(value, pendulum.Duration):
        raise InvalidValueError(name, f"must be a pendulum.Duration or None, got {value!r}")
    # A deadline is a calendar date, so parts of a day would be silently lost.
    if value < pendulum.duration() or value.seconds or value.microseconds:
        raise InvalidValueError(name, f"must be zero or more whole days, got {value!r}")


# the mandate --------------------------------------------------------------


@attrs.frozen
class MandaatRegel:
    """For one leefgebied and instelling: the decisions on which the coach's advice binds."""

    leefgebied: str = attrs.field(validator=non_empty)
    instelling: str = attrs.field(validator=non_empty)
    besluiten: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def besluit_for(self, besluit: str) -> str | None:
        """The decision as this rule spells it, or ``None`` if the rule does not list it."""
        return next((b for b in self.besluiten if _norm(b) == _norm(besluit)), None)


@attrs.frozen
class Samenwerkingsafspraak:
    """A cooperation agreement *without* mandate: the institution keeps its own decision."""

    leefgebied: str = attrs.field(validator=non_empty)
    instelling: str = attrs.field(validator=non_empty)
    acties: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    bron: Citation | None = attrs.field(default=None, validator=_bron)


@attrs.frozen
class MandaatRij:
    """One row of the mandate table, for rendering; ``mandaat`` is False for cooperation only."""

    leefgebied: str
    instelling: str
    besluiten: tuple[str, ...]
    mandaat: bool


class AdviesStatus(enum.Enum):
    """What an advice does to the institution it is addressed to."""

    BINDEND = "bindend"
    AFWIJKING_WETTELIJK = "afwijking_wettelijk"
    GEWEIGERD = "geweigerd"


@attrs.frozen
class Advies:
    """A coach's advice to an institution on one decision for one family.

    ``wettelijk_toegestaan=False`` records that the law does not allow the
    decision; the ``wettelijke_grond`` for that is then required.
    """

    gezin_id: str = attrs.field(validator=non_empty)
    instelling: str = attrs.field(validator=non_empty)
    besluit: str = attrs.field(validator=non_empty)
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    wettelijk_toegestaan: bool = attrs.field(default=True, validator=_flag)
    wettelijke_grond: str | None = attrs.field(default=None, validator=one_of_type(str, type(None)))

    def __attrs_post_init__(self) -> None:
        grond = (self.wettelijke_grond or "").strip()
        if not self.wettelijk_toegestaan and not grond:
            raise InvalidValueError(
                "Advies.wettelijke_grond",
                "is required when the law does not allow the decision (wettelijk_toegestaan=False)",
            )
        if self.wettelijk_toegestaan and self.wettelijke_grond is not None:
            raise InvalidValueError(
                "Advies.wettelijke_grond",
                "is only for a decision the law does not allow (wettelijk_toegestaan=False)",
            )


@attrs.frozen
class AdviesOordeel:
    """The verdict on an advice: the status, why (in English), and the source it rests on."""

    status: AdviesStatus = attrs.field(validator=one_of_type(AdviesStatus))
    reden: str = attrs.field(validator=non_empty)
    bron: Citation | None = attrs.field(default=None, validator=_bron)
    afwijking_grond: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.status is AdviesStatus.AFWIJKING_WETTELIJK) != (self.afwijking_grond is not None):
            raise InvalidValueError(
                "AdviesOordeel.afwijking_grond", "is given exactly when the status is a deviation"
            )

    @property
    def binds(self) -> bool:
        """Whether the institution must follow the advice."""
        return self.status is AdviesStatus.BINDEND


@attrs.frozen
class Mandaat:
    """The functional mandate table: rules with mandate, and cooperation agreements without."""

    regels: tuple[MandaatRegel, ...] = attrs.field(
        converter=_as_regels, validator=[non_empty, _all_of(MandaatRegel)]
    )
    samenwerkingsafspraken: tuple[Samenwerkingsafspraak, ...] = attrs.field(
        default=(), converter=_as_afspraken, validator=_all_of(Samenwerkingsafspraak)
    )
    bron: Citation | None = attrs.field(default=None, validator=_bron)
    alleen_geselecteerde_gezinnen: bool = attrs.field(default=True, validator=_flag)

    def __attrs_post_init__(self) -> None:
        seen: set[str] = set()
        for rij in self.table():
            # One institution, one row: otherwise a verdict would depend on table order.
            if _norm(rij.instelling) in seen:
                raise InvalidValueError(
                    "Mandaat.regels", f"institution {rij.instelling!r} appears more than once"
                )
            seen.add(_norm(rij.instelling))

    def instellingen(self, *, include_samenwerking: bool = False) -> tuple[str, ...]:
        """The institutions with a mandate (and, if asked, those with cooperation only)."""
        return tuple(r.instelling for r in self.table() if r.mandaat or include_samenwerking)

    def leefgebieden(self, *, include_samenwerking: bool = False) -> tuple[str, ...]:
        """The life domains in table order, each once."""
        rows = [r for r in self.table() if r.mandaat or include_samenwerking]
        return tuple(dict.fromkeys(r.leefgebied for r in rows))

    def regel_for(self, instelling: str) -> MandaatRegel | None:
        """The rule for ``instelling``, or ``None`` if it has no mandate."""
        return next((r for r in self.regels if _norm(r.instelling) == _norm(instelling)), None)

    def samenwerking_for(self, instelling: str) -> Samenwerkingsafspraak | None:
        """The cooperation agreement with ``instelling``, or ``None``."""
        afspraken = self.samenwerkingsafspraken
        return next((a for a in afspraken if _norm(a.instelling) == _norm(instelling)), None)

    def table(self) -> tuple[MandaatRij, ...]:
        """Rows for rendering: first the rules with mandate, then the cooperation agreements."""
        return tuple(
            MandaatRij(r.leefgebied, r.instelling, r.besluiten, True) for r in self.regels
        ) + tuple(
            MandaatRij(a.leefgebied, a.instelling, a.acties, False)
            for a in self.samenwerkingsafspraken
        )

    def check(self, advies: Advies, *, geselecteerd: bool) -> AdviesOordeel:
        """The verdict on ``advies``; ``geselecteerd`` says whether the family was selected."""
        geweigerd = AdviesStatus.GEWEIGERD
        about = f"advice to {advies.instelling!r} on {advies.besluit!r}"
        if self.alleen_geselecteerde_gezinnen and not geselecteerd:
            reden = (
                f"{about} is refused: family {advies.gezin_id!r} is not selected, "
                f"and the mandate applies only to selected families{_cite(self.bron)}"
            )
            return AdviesOordeel(geweigerd, reden, self.bron)
        regel = self.regel_for(advies.instelling)
        if regel is None:
            afspraak = self.samenwerking_for(advies.instelling)
            if afspraak is not None:
                bron = afspraak.bron or self.bron
                reden = (
                    f"{about} is refused: {afspraak.instelling!r} has no mandate, "
                    f"only a cooperation agreement{_cite(bron)}"
                )
                return AdviesOordeel(geweigerd, reden, bron)
            known = ", ".join(self.instellingen())
            reden = f"{about} is refused: the institution is not in the mandate (known: {known})"
            return AdviesOordeel(geweigerd, reden, self.bron)
        bron = regel.bron or self.bron
        besluit = regel.besluit_for(advies.besluit)
        rule = f"the mandate of {regel.instelling!r} for {regel.leefgebied!r}"
        if besluit is None:
            reden = f"{about} is refused: the decision is outside {rule}{_cite(bron)}"
            return AdviesOordeel(geweigerd, reden, bron)
        about = f"advice to {regel.instelling!r} on {besluit!r}"
        if not advies.wettelijk_toegestaan:
            grond = cast("str", advies.wettelijke_grond)
            reden = (
                f"{about} is under {rule}, but the law does not allow the decision, so the "
                f"institution deviates on the ground: {grond}{_cite(bron)}"
            )
            return AdviesOordeel(AdviesStatus.AFWIJKING_WETTELIJK, reden, bron, grond)
        reden = f"{about} binds: the decision is under {rule}{_cite(bron)}"
        return AdviesOordeel(AdviesStatus.BINDEND, reden, bron)


# the escalation ladder ------------------------------------------------------


@attrs.frozen
class Trede:
    """One level of an escalation ladder.

    ``termijn`` is how long the level has to settle the matter: ``Duration()``
    means at once, ``None`` means no deadline.
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
    """An escalation on a ladder: the levels it reached, when, and when it was settled.

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
    settled_on: pendulum.Date | None = attrs.field(
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
        if self.settled_on is not None and self.settled_on < self.history[-1][0]:
            raise InvalidValueError(
                "Escalatie.settled_on", "must not lie before the last move up the ladder"
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
        """Whether it has not been settled."""
        return self.settled_on is None

    def _check_move(self, on: pendulum.Date, what: str) -> None:
        if self.settled_on is not None:
            raise InvalidValueError(f"Escalatie.{what}", f"already settled on {self.settled_on}")
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

    def settle(self, on: datetime.date) -> Escalatie:
        """Settled ``on``: from that day nobody holds it."""
        day = as_date(on)
        self._check_move(day, "settle")
        return attrs.evolve(self, settled_on=day)

    def level_on(self, on: datetime.date) -> Trede | None:
        """The level holding it on ``on``; ``None`` before it opens and once it is settled."""
        day = as_date(on)
        if self.settled_on is not None and day >= self.settled_on:
            return None
        reached = [niveau for moved, niveau in self.history if moved <= day]
        return self.ladder.trede(reached[-1]) if reached else None

    def holder_on(self, on: datetime.date) -> tuple[str, ...]:
        """Who holds the escalation on ``on`` (empty when it is not open that day)."""
        trede = self.level_on(on)
        return () if trede is None else trede.houders

    def due(self, niveau: int | None = None) -> pendulum.Date | None:
        """When ``niveau`` (default: the current level) must settle it: reached plus termijn.

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


# ending the agreement --------------------------------------------------------


@attrs.frozen
class Opzegverzoek:
    """One partner's request to end the agreement."""

    partner: str = attrs.field(validator=non_empty)
    datum: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    schriftelijk: bool = attrs.field(validator=_flag)


@attrs.frozen
class OpzegBesluit:
    """Whether the agreement ends, which requests counted, and why."""

    ended: bool
    geldige_verzoeken: tuple[Opzegverzoek, ...]
    genegeerde_verzoeken: tuple[Opzegverzoek, ...]
    reden: str
    bron: Citation | None = None


@attrs.frozen
class Opzegregeling:
    """Ending during the term: at least ``minimum`` of the ``partners`` must ask.

    >>> regeling = Opzegregeling(2, ("A", "B", "C"))
    >>> verzoek = Opzegverzoek("A", pendulum.date(2011, 6, 1), schriftelijk=True)
    >>> regeling.decide([verzoek], pendulum.date(2011, 6, 2), gevolgen_geregeld=True).reden
    '1 of 3 partners asked in writing; at least 2 are needed'
    """

    minimum: int = attrs.field(validator=one_of_type(int))
    partners: tuple[str, ...] = attrs.field(converter=_as_strs, validator=_names())
    schriftelijk: bool = attrs.field(default=True, validator=_flag)
    regeling_gevolgen_vereist: bool = attrs.field(default=True, validator=_flag)
    bron: Citation | None = attrs.field(default=None, validator=_bron)

    def __attrs_post_init__(self) -> None:
        n = len(self.partners)
        if not 1 <= self.minimum <= n:
            raise InvalidValueError(
                "Opzegregeling.minimum",
                f"must be between 1 and {n} (the number of partners), got {self.minimum}",
            )

    def decide(
        self, verzoeken: Iterable[Opzegverzoek], on: datetime.date, gevolgen_geregeld: bool
    ) -> OpzegBesluit:
        """Whether the requests made on or before ``on`` end the agreement.

        Requests from unknown partners, repeated requests, unwritten ones where
        writing is required and later ones are ignored and named in the reason:
        a vote record is data, not a programming error.
        """
        day = as_date(on)
        known = {_norm(p): p for p in self.partners}
        counted: dict[str, Opzegverzoek] = {}
        ignored: list[Opzegverzoek] = []
        notes: list[str] = []
        for v in sorted(verzoeken, key=lambda v: v.datum):
            key = _norm(v.partner)
            if key not in known:
                notes.append(f"unknown partner {v.partner!r}")
            elif key in counted:
                notes.append(f"repeated request from {known[key]!r}")
            elif self.schriftelijk and not v.schriftelijk:
                notes.append(f"request from {known[key]!r} not in writing")
            elif v.datum > day:
                notes.append(f"request from {known[key]!r} dated after {day}")
            else:
                counted[key] = v
                continue
            ignored.append(v)
        how = "asked in writing" if self.schriftelijk else "asked"
        tally = f"{len(counted)} of {len(self.partners)} partners {how}"
        enough = len(counted) >= self.minimum
        settled = gevolgen_geregeld or not self.regeling_gevolgen_vereist
        if not enough:
            reden = f"{tally}; at least {self.minimum} are needed"
        elif not settled:
            reden = (
                f"{tally}, enough to end it, but not yet ended: the partners must first "
                "settle the consequences of ending"
            )
        else:
            reden = f"{tally}, at least {self.minimum} needed: the agreement ends"
        if notes:
            reden += f"; ignored: {', '.join(notes)}"
        return OpzegBesluit(
            ended=enough and settled,
            geldige_verzoeken=tuple(counted.values()),
            genegeerde_verzoeken=tuple(ignored),
            reden=reden + _cite(self.bron),
            bron=self.bron,
        )
