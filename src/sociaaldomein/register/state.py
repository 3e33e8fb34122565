"""The state of a running pilot, derived from its events and nothing else.

:class:`PilotState` is a fold over a pilot's events in the order they were
recorded (:meth:`PilotState.apply`); folding the whole log again gives the same
value, which the register's tests check against the incremental state.  Every
question of the register is answered from it: who is in the pilot on a date,
the waitlist, the escalations and their deadlines, the advices per institution,
the GHP-bound money, the termination vote, and each Awb case.

An erased event (Jeugdwet 7.3.9) comes back without its family key, so it
still counts (an assessment, a placement, money spent) but names nobody; the
register folds the log again after a tombstone (:class:`~.events.Wissing`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pendulum

from sociaaldomein.domain.money import Money
from sociaaldomein.domain.opzegging import Opzegverzoek as DomainOpzegverzoek
from sociaaldomein.register import events as ev

__all__ = [
    "AdviesZaak",
    "AwbZaak",
    "Deelname",
    "EscalatieZaak",
    "GhpRegel",
    "PilotState",
]

SIX_WEEKS = pendulum.duration(weeks=6)
TWO_WEEKS = pendulum.duration(weeks=2)


@attrs.define
class Deelname:
    """One family's trajectory in the pilot."""

    gezin: str
    geplaatst: pendulum.Date
    gestart: pendulum.Date | None = None
    afgeschaald: pendulum.Date | None = None
    geeindigd: pendulum.Date | None = None
    reden_code: str | None = None

    def active_on(self, on: pendulum.Date) -> bool:
        """Whether the family is in the pilot on ``on``."""
        return self.geplaatst <= on and (self.geeindigd is None or on < self.geeindigd)


@attrs.define
class AdviesZaak:
    """An advice and what became of it."""

    ref: str
    gezin: str | None
    instelling: str
    besluit: str
    datum: pendulum.Date
    antwoord: ev.Antwoord | None = None
    wettelijke_grond: str | None = None
    kenmerk: str | None = None

    @property
    def followed(self) -> bool:
        """Whether the institution followed it and its back office decided."""
        return self.antwoord is ev.Antwoord.OPGEVOLGD and self.kenmerk is not None


@attrs.define
class EscalatieZaak:
    """An escalation: the levels it reached, their deadlines, and when it was aligned."""

    ref: str
    gezin: str | None
    partner: str
    geopend: pendulum.Date
    niveau: int
    houders: tuple[str, ...]
    termijn: pendulum.Date | None
    history: list[tuple[pendulum.Date, int, tuple[str, ...], pendulum.Date | None]] = attrs.field(
        factory=list
    )
    """Every level reached: the day, the level, its holders and its deadline."""
    afgestemd: pendulum.Date | None = None
    op_tijd: list[bool] = attrs.field(factory=list)
    """Per level left (up or aligned), whether that happened by its deadline."""

    def is_open(self, on: pendulum.Date) -> bool:
        """Whether it was raised by ``on`` and not aligned by then."""
        return self.geopend <= on and (self.afgestemd is None or on < self.afgestemd)

    def level_on(
        self, on: pendulum.Date
    ) -> tuple[int, tuple[str, ...], pendulum.Date | None] | None:
        """The level holding it on ``on``, its holders and deadline; ``None`` when not open."""
        if not self.is_open(on):
            return None
        reached = [entry for entry in self.history if entry[0] <= on]
        _, niveau, houders, termijn = reached[-1]
        return niveau, houders, termijn

    def is_overdue(self, on: pendulum.Date) -> bool:
        """Whether it is open on ``on`` and the level holding it then is past its deadline."""
        level = self.level_on(on)
        return level is not None and level[2] is not None and on > level[2]


@attrs.define
class GhpRegel:
    """One purchase from the GHP-bound budget: committed, and what was paid of it."""

    ref: str
    gezin: str | None
    bedrag: Money
    datum: pendulum.Date
    betaald: Money = attrs.field(factory=Money.zero)


@attrs.define
class AwbZaak:
    """One Awb case: the steps taken and their days."""

    zaak: str
    gezin: str | None
    melding: pendulum.Date
    onderzoek: pendulum.Date | None = None
    aanvraag: pendulum.Date | None = None
    beschikking: pendulum.Date | None = None
    bezwaar: pendulum.Date | None = None

    def deadlines(self, on: pendulum.Date) -> dict[str, pendulum.Date]:
        """The terms running on ``on``, as the steps taken by then leave them: step, due.

        The onderzoek within 6 weeks of the melding (Wmo 2015 2.3.2), the
        beschikking within 2 weeks of the aanvraag (2.3.5), the bezwaar within 6
        weeks of the beschikking (Awb 6:7) and the decision on it within 6 weeks
        of the end of that term (7:10, without an advisory committee).
        """

        def by(day: pendulum.Date | None) -> bool:
            return day is not None and day <= on

        out: dict[str, pendulum.Date] = {}
        if not by(self.onderzoek) and not by(self.aanvraag):
            out["onderzoek"] = self.melding + SIX_WEEKS
        if by(self.aanvraag) and not by(self.beschikking):
            assert self.aanvraag is not None
            out["beschikking"] = self.aanvraag + TWO_WEEKS
        if by(self.beschikking):
            assert self.beschikking is not None
            if not by(self.bezwaar):
                out["bezwaartermijn"] = self.beschikking + SIX_WEEKS
            else:
                out["beslissing op bezwaar"] = self.beschikking + SIX_WEEKS + SIX_WEEKS
        return out

    @property
    def bezwaar_te_laat(self) -> bool:
        """Whether the bezwaar came after the 6 weeks of Awb 6:7."""
        return (
            self.bezwaar is not None
            and self.beschikking is not None
            and self.bezwaar > self.beschikking + SIX_WEEKS
        )


@attrs.define
class PilotState:
    """Everything a pilot's events say, folded in order of recording."""

    pilot: str
    seq: int = 0
    """The sequence number of the last event applied."""
    counts: dict[str, int] = attrs.field(factory=dict)
    beoordelingen: dict[str, int] = attrs.field(factory=dict)
    aanwijzingen: dict[str, tuple[pendulum.Date, ev.Aanwijzingssoort]] = attrs.field(factory=dict)
    aanwijzingen_per_soort: dict[ev.Aanwijzingssoort, int] = attrs.field(factory=dict)
    deelnames: dict[str, Deelname] = attrs.field(factory=dict)
    geplaatst_totaal: int = 0
    wachtlijst: dict[str, tuple[pendulum.Date, int]] = attrs.field(factory=dict)
    verwijzingen: dict[str, int] = attrs.field(factory=dict)
    reguliere_route: int = 0
    beeindigd: dict[str, int] = attrs.field(factory=dict)
    """Trajectories ended, per JZ588 reason code."""
    adviezen: dict[str, AdviesZaak] = attrs.field(factory=dict)
    escalaties: dict[str, EscalatieZaak] = attrs.field(factory=dict)
    opzegverzoeken: list[DomainOpzegverzoek] = attrs.field(factory=list)
    gevolgen_geregeld: pendulum.Date | None = None
    stemmingen: list[tuple[pendulum.Date, bool]] = attrs.field(factory=list)
    ghp: dict[str, GhpRegel] = attrs.field(factory=dict)
    ghp_totals: tuple[Money, Money] = (Money.zero(), Money.zero())
    """Committed and spent on the GHP-bound budget, kept as the purchases come in."""
    uitgaven: dict[str, Money] = attrs.field(factory=dict)
    metingen: list[tuple[str, pendulum.Date, str]] = attrs.field(factory=list)
    """(indicator, day, value as text): exact, and comparable in a replay."""
    awb: dict[str, AwbZaak] = attrs.field(factory=dict)
    erased: dict[str, list[pendulum.Date]] = attrs.field(factory=dict)
    """Per kind, the days of events about a family that was erased: they still count."""

    # questions ------------------------------------------------------------------

    def is_selected(self, gezin: str, on: pendulum.Date) -> bool:
        """Whether the partners designated ``gezin`` on or before ``on``."""
        found = self.aanwijzingen.get(gezin)
        return found is not None and found[0] <= on

    def counted(self, kind: str, on: pendulum.Date, days: list[pendulum.Date]) -> int:
        """How many of ``days`` (of ``kind``), erased ones included, are on or before ``on``."""
        return sum(1 for d in [*days, *self.erased.get(kind, [])] if d <= on)

    def in_pilot(self, on: pendulum.Date) -> list[str]:
        """The families in the pilot on ``on``, in order of placement."""
        return [d.gezin for d in self.deelnames.values() if d.active_on(on)]

    def occupancy(self, on: pendulum.Date) -> int:
        """How many families are in the pilot on ``on``."""
        return sum(1 for d in self.deelnames.values() if d.active_on(on))

    def waitlist(self, on: pendulum.Date) -> list[str]:
        """The families waiting on ``on``, first come first: by day, then by recording."""
        waiting = [(day, seq, g) for g, (day, seq) in self.wachtlijst.items() if day <= on]
        return [g for _, _, g in sorted(waiting)]

    def open_escalations(self, on: pendulum.Date) -> list[EscalatieZaak]:
        """The escalations open on ``on``, oldest first."""
        return [e for e in self.escalaties.values() if e.is_open(on)]

    def overdue_escalations(self, on: pendulum.Date) -> list[EscalatieZaak]:
        """The escalations open on ``on`` whose current level is past its deadline."""
        return [e for e in self.escalaties.values() if e.is_overdue(on)]

    def awb_overdue(self, on: pendulum.Date) -> list[tuple[str, str, pendulum.Date]]:
        """The Awb cases with a step past its statutory term on ``on``: (case, step, due)."""
        return [
            (zaak.zaak, step, due)
            for zaak in self.awb.values()
            if zaak.melding <= on
            for step, due in zaak.deadlines(on).items()
            if on > due and step != "bezwaartermijn"  # the family's term, not the municipality's
        ]

    def ghp_committed(self) -> Money:
        """What was bought from the GHP-bound budget."""
        return self.ghp_totals[0]

    def ghp_spent(self) -> Money:
        """What was paid of those purchases."""
        return self.ghp_totals[1]

    def opzegverzoeken_op(self, on: pendulum.Date) -> list[DomainOpzegverzoek]:
        """The termination requests made on or before ``on``."""
        return [v for v in self.opzegverzoeken if v.datum <= on]

    # the fold -------------------------------------------------------------------

    def apply(self, seq: int, event: ev.Event) -> None:
        """Fold one event in; ``seq`` is its sequence number in the log."""
        self.seq = seq
        self.counts[event.KIND] = self.counts.get(event.KIND, 0) + 1
        if "gezin" in event.PERSONAL and getattr(event, "gezin", None) is None:
            self.erased.setdefault(event.KIND, []).append(event.datum)
        handler = _HANDLERS.get(type(event))
        if handler is not None:
            handler(self, seq, event)


def _beoordeling(s: PilotState, seq: int, e: ev.Beoordeling) -> None:
    s.beoordelingen[e.uitkomst] = s.beoordelingen.get(e.uitkomst, 0) + 1


def _plaatsing(s: PilotState, seq: int, e: ev.Plaatsing) -> None:
    s.geplaatst_totaal += 1
    if e.gezin is not None:
        s.wachtlijst.pop(e.gezin, None)
        s.deelnames[e.gezin] = Deelname(e.gezin, e.datum)


def _wachtlijst(s: PilotState, seq: int, e: ev.Wachtlijst) -> None:
    if e.gezin is not None:
        s.wachtlijst[e.gezin] = (e.datum, seq)


def _doorverwijzing(s: PilotState, seq: int, e: ev.Doorverwijzing) -> None:
    s.verwijzingen[e.naar] = s.verwijzingen.get(e.naar, 0) + 1
    if e.gezin is not None:
        s.wachtlijst.pop(e.gezin, None)


def _regulier(s: PilotState, seq: int, e: ev.RegulierRoute) -> None:
    s.reguliere_route += 1
    if e.gezin is not None:
        s.wachtlijst.pop(e.gezin, None)


def _aanwijzing(s: PilotState, seq: int, e: ev.Aanwijzing) -> None:
    s.aanwijzingen_per_soort[e.soort] = s.aanwijzingen_per_soort.get(e.soort, 0) + 1
    if e.gezin is not None:
        s.aanwijzingen[e.gezin] = (e.datum, e.soort)


def _deelname(s: PilotState, gezin: str | None) -> Deelname | None:
    return None if gezin is None else s.deelnames.get(gezin)


def _trajectstart(s: PilotState, seq: int, e: ev.Trajectstart) -> None:
    if (d := _deelname(s, e.gezin)) is not None:
        d.gestart = e.datum


def _afschaling(s: PilotState, seq: int, e: ev.Afschaling) -> None:
    if (d := _deelname(s, e.gezin)) is not None:
        d.afgeschaald = e.datum


def _trajecteinde(s: PilotState, seq: int, e: ev.Trajecteinde) -> None:
    s.beeindigd[e.reden_code] = s.beeindigd.get(e.reden_code, 0) + 1
    if (d := _deelname(s, e.gezin)) is not None:
        d.geeindigd = e.datum
        d.reden_code = e.reden_code


def _advies(s: PilotState, seq: int, e: ev.MandaatAdvies) -> None:
    s.adviezen[e.ref] = AdviesZaak(e.ref, e.gezin, e.instelling, e.besluit, e.datum)


def _antwoord(s: PilotState, seq: int, e: ev.Instellingsantwoord) -> None:
    zaak = s.adviezen[e.ref]
    zaak.antwoord = e.antwoord
    zaak.wettelijke_grond = e.wettelijke_grond


def _backoffice(s: PilotState, seq: int, e: ev.Backofficebesluit) -> None:
    s.adviezen[e.ref].kenmerk = e.kenmerk


def _escalatie(s: PilotState, seq: int, e: ev.EscalatieGestart) -> None:
    niveau = e.niveau if e.niveau is not None else 0
    s.escalaties[e.ref] = EscalatieZaak(
        e.ref,
        e.gezin,
        e.partner,
        e.datum,
        niveau,
        e.houders,
        e.termijn,
        [(e.datum, niveau, e.houders, e.termijn)],
    )


def _left_level(zaak: EscalatieZaak, on: pendulum.Date) -> None:
    zaak.op_tijd.append(zaak.termijn is None or on <= zaak.termijn)


def _opgeschaald(s: PilotState, seq: int, e: ev.EscalatieOpgeschaald) -> None:
    zaak = s.escalaties[e.ref]
    _left_level(zaak, e.datum)
    zaak.niveau = e.niveau if e.niveau is not None else zaak.niveau + 1
    zaak.houders = e.houders
    zaak.termijn = e.termijn
    zaak.history.append((e.datum, zaak.niveau, zaak.houders, zaak.termijn))


def _afgestemd(s: PilotState, seq: int, e: ev.EscalatieAfgestemd) -> None:
    zaak = s.escalaties[e.ref]
    _left_level(zaak, e.datum)
    zaak.afgestemd = e.datum


def _opzegverzoek(s: PilotState, seq: int, e: ev.Opzegverzoek) -> None:
    s.opzegverzoeken.append(DomainOpzegverzoek(e.partner, e.datum, schriftelijk=e.schriftelijk))


def _gevolgen(s: PilotState, seq: int, e: ev.Gevolgenregeling) -> None:
    if s.gevolgen_geregeld is None:
        s.gevolgen_geregeld = e.datum


def _stem(s: PilotState, seq: int, e: ev.Stemuitslag) -> None:
    s.stemmingen.append((e.datum, bool(e.beeindigd)))


def _aankoop(s: PilotState, seq: int, e: ev.GhpAankoop) -> None:
    s.ghp[e.ref] = GhpRegel(e.ref, e.gezin, e.bedrag, e.datum)
    s.ghp_totals = (s.ghp_totals[0] + e.bedrag, s.ghp_totals[1])


def _betaling(s: PilotState, seq: int, e: ev.Betaling) -> None:
    regel = s.ghp[e.ref]
    regel.betaald = regel.betaald + e.bedrag
    s.ghp_totals = (s.ghp_totals[0], s.ghp_totals[1] + e.bedrag)


def _uitgave(s: PilotState, seq: int, e: ev.Uitgave) -> None:
    s.uitgaven[e.regel] = s.uitgaven.get(e.regel, Money.zero()) + e.bedrag


def _meting(s: PilotState, seq: int, e: ev.Meting) -> None:
    s.metingen.append((e.indicator, e.datum, str(e.waarde)))


def _melding(s: PilotState, seq: int, e: ev.AwbMelding) -> None:
    s.awb[e.zaak] = AwbZaak(e.zaak, e.gezin, e.datum)


def _onderzoek(s: PilotState, seq: int, e: ev.AwbOnderzoek) -> None:
    s.awb[e.zaak].onderzoek = e.datum


def _aanvraag(s: PilotState, seq: int, e: ev.AwbAanvraag) -> None:
    s.awb[e.zaak].aanvraag = e.datum


def _beschikking(s: PilotState, seq: int, e: ev.AwbBeschikking) -> None:
    s.awb[e.zaak].beschikking = e.datum


def _bezwaar(s: PilotState, seq: int, e: ev.AwbBezwaar) -> None:
    s.awb[e.zaak].bezwaar = e.datum


_HANDLERS: dict[type[ev.Event], Callable[[PilotState, int, Any], None]] = {
    ev.Beoordeling: _beoordeling,
    ev.Plaatsing: _plaatsing,
    ev.Wachtlijst: _wachtlijst,
    ev.Doorverwijzing: _doorverwijzing,
    ev.RegulierRoute: _regulier,
    ev.Aanwijzing: _aanwijzing,
    ev.Trajectstart: _trajectstart,
    ev.Afschaling: _afschaling,
    ev.Trajecteinde: _trajecteinde,
    ev.MandaatAdvies: _advies,
    ev.Instellingsantwoord: _antwoord,
    ev.Backofficebesluit: _backoffice,
    ev.EscalatieGestart: _escalatie,
    ev.EscalatieOpgeschaald: _opgeschaald,
    ev.EscalatieAfgestemd: _afgestemd,
    ev.Opzegverzoek: _opzegverzoek,
    ev.Gevolgenregeling: _gevolgen,
    ev.Stemuitslag: _stem,
    ev.GhpAankoop: _aankoop,
    ev.Betaling: _betaling,
    ev.Uitgave: _uitgave,
    ev.Meting: _meting,
    ev.AwbMelding: _melding,
    ev.AwbOnderzoek: _onderzoek,
    ev.AwbAanvraag: _aanvraag,
    ev.AwbBeschikking: _beschikking,
    ev.AwbBezwaar: _bezwaar,
}
