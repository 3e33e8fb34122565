"""Ending an agreement by its partners: k of n in writing (003, "13. Beëindiging")."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs
import pendulum

from sociaaldomein._validators import (
    as_date,
    is_date,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain._agreement import (
    _as_strs,
    _bron,
    _flag,
    _names,
    _norm,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _

__all__ = ["OpzegBesluit", "Opzegregeling", "Opzegverzoek"]


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
        notes: list[object] = []
        for v in sorted(verzoeken, key=lambda v: v.datum):
            key = _norm(v.partner)
            if key not in known:
                notes.append(_("unknown partner {partner}", partner=repr(v.partner)))
            elif key in counted:
                notes.append(_("repeated request from {partner}", partner=repr(known[key])))
            elif self.schriftelijk and not v.schriftelijk:
                notes.append(_("request from {partner} not in writing", partner=repr(known[key])))
            elif v.datum > day:
                notes.append(
                    _(
                        "request from {partner} dated after {date}",
                        partner=repr(known[key]),
                        date=day.isoformat(),
                    )
                )
            else:
                counted[key] = v
                continue
            ignored.append(v)
        how = _("asked in writing") if self.schriftelijk else _("asked")
        tally = _(
            "{counted} of {partners} partners {how}",
            counted=len(counted),
            partners=len(self.partners),
            how=how,
        )
        enough = len(counted) >= self.minimum
        settled = gevolgen_geregeld or not self.regeling_gevolgen_vereist
        if not enough:
            reden = _("{tally}; at least {minimum} are needed", tally=tally, minimum=self.minimum)
        elif not settled:
            reden = _(
                "{tally}, enough to end it, but not yet ended: the partners must first "
                "settle the consequences of ending",
                tally=tally,
            )
        else:
            reden = _(
                "{tally}, at least {minimum} needed: the agreement ends",
                tally=tally,
                minimum=self.minimum,
            )
        if notes:
            reden = _("{reason}; ignored: {notes}", reason=reden, notes=tuple(notes))
        if self.bron is not None:
            reden = _("{reason} ({source})", reason=reden, source=self.bron)
        return OpzegBesluit(
            ended=enough and settled,
            geldige_verzoeken=tuple(counted.values()),
            genegeerde_verzoeken=tuple(ignored),
            reden=reden,
            bron=self.bron,
        )
