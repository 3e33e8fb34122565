"""What the pilot's own rules allow: each event is checked against the compiled pilot.

:func:`check` takes an event, the pilot's state before it and the
:class:`~sociaaldomein.CompiledPilot`, and returns the event as it is to be
recorded (with the escalation level, holders and deadline, or the vote's
outcome, filled in from the rules) and the citation of the rule it is accepted
under.  An event the rules do not allow raises :class:`~.errors.RefusedEventError`,
naming the field and citing the rule; the register then writes nothing.

The rules are the plugin's answers, never a copy: the functional mandate
(:meth:`~sociaaldomein.Mandaat.check`), the escalation ladder, the
termination rule (:class:`~sociaaldomein.Opzegregeling`), the funding lines,
the evaluation plan, and the pilot's capacity, total and looptijd.  The Awb
deadlines are the law's (``DOMAIN``: Wmo 2015 and Awb).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Protocol, runtime_checkable

import attrs
import pendulum

from sociaaldomein.domain.beeindiging import PartnerOpzegging
from sociaaldomein.domain.budget import Budgetregel, Financieringsmodel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.escalatie import Escalatie
from sociaaldomein.domain.funding import GHP_BEGRIP
from sociaaldomein.domain.mandaat import Advies, AdviesStatus, Mandaat
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.opzegging import Opzegregeling
from sociaaldomein.domain.verdict import Outcome
from sociaaldomein.i18n import Bericht, _
from sociaaldomein.register import events as ev
from sociaaldomein.register import jz588
from sociaaldomein.register.errors import RefusedEventError
from sociaaldomein.register.state import PilotState

__all__ = [
    "AWB",
    "WMO_BESCHIKKING",
    "WMO_ONDERZOEK",
    "Selectieregel",
    "check",
    "ghp_lines",
    "opzegregeling",
    "selectieregel_of",
]

WMO_ONDERZOEK: Final = Citation(
    "Wmo 2015 (BWBR0035362)", "artikel 2.3.2", "binnen zes weken na ontvangst van een melding"
)
WMO_BESCHIKKING: Final = Citation(
    "Wmo 2015 (BWBR0035362)", "artikel 2.3.5", "binnen twee weken na ontvangst van de aanvraag"
)
AWB: Final = Citation("Algemene wet bestuursrecht (BWBR0005537)", "artikelen 6:7 en 7:10")

Checked = tuple[ev.Event, Citation | None]


@runtime_checkable
class Selectieregel(Protocol):
    """A pilot's split of the designations: how many before its start, how many after.

    A plugin offers it as the attribute ``selectieregel`` of its plugin object
    (the multiprobleem plugin's :class:`~sociaaldomein_multiprobleem.Selectieregel`,
    003 "7. Toewijzing gezinnen": a top 10 before the start, at most 10 more).
    """

    @property
    def voor_start(self) -> int: ...

    @property
    def daarna(self) -> int: ...

    @property
    def bron(self) -> Citation: ...


def selectieregel_of(plugin: object) -> Selectieregel | None:
    """The designation split ``plugin`` offers, if it offers one."""
    found = getattr(plugin, "selectieregel", None)
    return found if isinstance(found, Selectieregel) else None


def _refuse(
    event: ev.Event, field: str, problem: str, bron: Citation | None = None
) -> RefusedEventError:
    return RefusedEventError(f"{type(event).__name__}.{field}", problem, bron)


def _uncited(reden: str) -> str:
    """The mandate's reason without its source: the refusal cites it once, in brackets."""
    if isinstance(reden, Bericht) and reden.msgid == "{reason} ({source})":
        inner = reden.params.get("reason")
        if isinstance(inner, str):
            return inner
    return reden


def _family(event: ev.Event) -> str:
    gezin = getattr(event, "gezin", None)
    if gezin is None:
        raise _refuse(event, "gezin", _("names no family; give its pseudonymous key"))
    return str(gezin)


def opzegregeling(compiled: CompiledPilot) -> Opzegregeling | None:
    """The partners' termination rule of the pilot, if it has one."""
    for rule in compiled.pilot_termination:
        if isinstance(rule, PartnerOpzegging):
            return rule.regeling
    return None


def ghp_lines(compiled: CompiledPilot) -> list[Budgetregel]:
    """The pilot's GHP-bound funding lines."""
    return [r for r in compiled.funding if r.model is Financieringsmodel.GHP_GEBONDEN]


def _partners(compiled: CompiledPilot) -> tuple[str, ...]:
    regeling = opzegregeling(compiled)
    if regeling is not None:
        return regeling.partners
    return tuple(p.naam for p in compiled.pilot.partners)


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


# intake -----------------------------------------------------------------------


def _beoordeling(e: ev.Beoordeling, s: PilotState, c: CompiledPilot) -> Checked:
    _family(e)
    if e.uitkomst not in Outcome.__members__:
        known = ", ".join(Outcome.__members__)
        raise _refuse(
            e,
            "uitkomst",
            _(
                "{uitkomst} is not an outcome; outcomes: {known}",
                uitkomst=repr(e.uitkomst),
                known=known,
            ),
        )
    return e, None


def _in_looptijd(e: ev.Event, c: CompiledPilot) -> None:
    looptijd = c.pilot.looptijd
    if e.datum not in looptijd:
        raise _refuse(
            e,
            "datum",
            _(
                "{pilot} runs from {start} until {eind}, not on {datum}",
                pilot=c.pilot.titel,
                start=looptijd.start.isoformat(),
                eind=looptijd.eind.isoformat(),
                datum=e.datum.isoformat(),
            ),
        )


def _plaatsing(e: ev.Plaatsing, s: PilotState, c: CompiledPilot) -> Checked:
    gezin = _family(e)
    _in_looptijd(e, c)
    pilot = c.pilot
    current = s.deelnames.get(gezin)
    if current is not None and current.active_on(e.datum):
        raise _refuse(e, "gezin", _("family {gezin} is in the pilot already", gezin=repr(gezin)))
    if pilot.max_totaal is not None and s.geplaatst_totaal >= pilot.max_totaal:
        raise _refuse(
            e,
            "gezin",
            _(
                "{geplaatst} families were placed already, and the pilot admits at most "
                "{max_totaal} in total",
                geplaatst=s.geplaatst_totaal,
                max_totaal=pilot.max_totaal,
            ),
            pilot.max_totaal_bron,
        )
    if pilot.capaciteit is not None and s.occupancy(e.datum) >= pilot.capaciteit:
        raise _refuse(
            e,
            "gezin",
            _(
                "no place: {bezetting} families are in a pilot of capacity {capaciteit}; "
                "put the family on the waitlist",
                bezetting=s.occupancy(e.datum),
                capaciteit=pilot.capaciteit,
            ),
            pilot.capaciteit_bron,
        )
    return e, pilot.capaciteit_bron or pilot.max_totaal_bron


def _not_in_pilot(e: ev.Event, s: PilotState, gezin: str) -> None:
    current = s.deelnames.get(gezin)
    if current is not None and current.active_on(e.datum):
        raise _refuse(
            e,
            "gezin",
            _("family {gezin} is in the pilot; end its trajectory first", gezin=repr(gezin)),
        )


def _wachtlijst(e: ev.Wachtlijst, s: PilotState, c: CompiledPilot) -> Checked:
    gezin = _family(e)
    _not_in_pilot(e, s, gezin)
    if gezin in s.wachtlijst:
        raise _refuse(e, "gezin", _("family {gezin} is on the waitlist already", gezin=repr(gezin)))
    return e, c.pilot.capaciteit_bron


def _leaves_intake(
    e: ev.Doorverwijzing | ev.RegulierRoute, s: PilotState, c: CompiledPilot
) -> Checked:
    _not_in_pilot(e, s, _family(e))
    return e, None


def _within_split(e: ev.Aanwijzing, s: PilotState, regel: Selectieregel) -> None:
    # The split is counted per kind: the top before the start, the additions after it.
    done = s.aanwijzingen_per_soort.get(e.soort, 0)
    if e.soort is ev.Aanwijzingssoort.TOP10 and done >= regel.voor_start:
        raise _refuse(
            e,
            "soort",
            _(
                "the top {voor_start} is designated before the start: {done} families "
                "were designated already",
                voor_start=regel.voor_start,
                done=done,
            ),
            regel.bron,
        )
    if e.soort is ev.Aanwijzingssoort.AANVULLING and done >= regel.daarna:
        raise _refuse(
            e,
            "soort",
            _(
                "at most {daarna} families are added during the pilot: {done} were added already",
                daarna=regel.daarna,
                done=done,
            ),
            regel.bron,
        )


def _aanwijzing(
    e: ev.Aanwijzing, s: PilotState, c: CompiledPilot, regel: Selectieregel | None = None
) -> Checked:
    gezin = _family(e)
    pilot = c.pilot
    bron = regel.bron if regel is not None else pilot.max_totaal_bron
    partners = _partners(c)
    given = {_norm(p) for p in e.partners}
    if unknown := sorted(p for p in e.partners if _norm(p) not in {_norm(q) for q in partners}):
        raise _refuse(
            e,
            "partners",
            _("not a partner of the agreement: {partners}", partners=", ".join(unknown)),
            bron,
        )
    if missing := [p for p in partners if _norm(p) not in given]:
        raise _refuse(
            e,
            "partners",
            _("the partners designate together; missing: {partners}", partners=", ".join(missing)),
            bron,
        )
    start = pilot.looptijd.start
    if e.soort is ev.Aanwijzingssoort.TOP10 and e.datum >= start:
        raise _refuse(
            e,
            "datum",
            _(
                "the top 10 is designated before the start ({start}), not on {datum}; "
                "add a family during the pilot as AANVULLING",
                start=start.isoformat(),
                datum=e.datum.isoformat(),
            ),
            bron,
        )
    if e.soort is ev.Aanwijzingssoort.AANVULLING and e.datum not in pilot.looptijd:
        raise _refuse(
            e,
            "datum",
            _("families are added during the pilot, not on {datum}", datum=e.datum.isoformat()),
            bron,
        )
    if gezin in s.aanwijzingen:
        raise _refuse(
            e, "gezin", _("family {gezin} is designated already", gezin=repr(gezin)), bron
        )
    if regel is not None:
        _within_split(e, s, regel)
    designated = sum(s.aanwijzingen_per_soort.values())
    if pilot.max_totaal is not None and designated >= pilot.max_totaal:
        raise _refuse(
            e,
            "gezin",
            _(
                "{designated} families were designated already, at most {max_totaal} in total",
                designated=designated,
                max_totaal=pilot.max_totaal,
            ),
            bron,
        )
    return e, bron


# trajectory -------------------------------------------------------------------


def _placed(e: ev.Event, s: PilotState) -> None:
    gezin = _family(e)
    current = s.deelnames.get(gezin)
    if current is None or not current.active_on(e.datum):
        raise _refuse(
            e,
            "gezin",
            _(
                "family {gezin} is not in the pilot on {datum}",
                gezin=repr(gezin),
                datum=e.datum.isoformat(),
            ),
        )


def _traject(
    e: ev.Trajectstart | ev.Afschaling | ev.Trajecteinde, s: PilotState, c: CompiledPilot
) -> Checked:
    _placed(e, s)
    if isinstance(e, ev.Trajecteinde) and e.reden_code not in jz588.REDEN_BEEINDIGING:
        # Checked when recorded, not when built: a log holding an older code still reads.
        raise _refuse(
            e,
            "reden_code",
            _(
                "{code} is not a known JZ588 code; known: {known}",
                code=repr(e.reden_code),
                known=jz588.known(),
            ),
            jz588.JZ588,
        )
    bron = next((r.source for r in c.trajectory_termination if r.source is not None), None)
    return e, bron if isinstance(e, ev.Trajecteinde) else None


# the functional mandate -------------------------------------------------------


def _mandaat(e: ev.Event, c: CompiledPilot) -> Mandaat:
    if c.mandate is None:
        raise _refuse(e, "pilot", _("pilot {pilot} has no functional mandate", pilot=repr(c.name)))
    return c.mandate


def _advies(e: ev.MandaatAdvies, s: PilotState, c: CompiledPilot) -> Checked:
    gezin = _family(e)
    mandaat = _mandaat(e, c)
    if e.ref in s.adviezen:
        raise _refuse(e, "ref", _("advice {ref} is recorded already", ref=repr(e.ref)))
    advies = Advies(gezin, e.instelling, e.besluit, e.datum)
    oordeel = mandaat.check(advies, geselecteerd=s.is_selected(gezin, e.datum))
    if oordeel.status is AdviesStatus.GEWEIGERD:
        bron = oordeel.bron or mandaat.bron
        raise _refuse(e, "instelling", _uncited(oordeel.reden), bron)
    return e, oordeel.bron


def _antwoord(e: ev.Instellingsantwoord, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = s.adviezen.get(e.ref)
    if zaak is None:
        raise _refuse(e, "ref", _("no advice {ref} is recorded", ref=repr(e.ref)))
    if zaak.antwoord is not None:
        raise _refuse(
            e,
            "ref",
            _(
                "advice {ref} was answered already ({antwoord})",
                ref=repr(e.ref),
                antwoord=zaak.antwoord.value,
            ),
        )
    mandaat = _mandaat(e, c)
    regel = mandaat.regel_for(zaak.instelling)
    bron = (regel.bron if regel is not None else None) or mandaat.bron
    grond = (e.wettelijke_grond or "").strip()
    if e.antwoord is not ev.Antwoord.AFWIJKING:
        return e, bron
    if not grond:
        raise _refuse(e, "wettelijke_grond", _("a deviation needs the legal ground"), bron)
    advies = Advies(
        zaak.gezin or "erased",
        zaak.instelling,
        zaak.besluit,
        zaak.datum,
        wettelijk_toegestaan=False,
        wettelijke_grond=grond,
    )
    oordeel = mandaat.check(advies, geselecteerd=True)
    if oordeel.status is AdviesStatus.BINDEND:
        opvang = mandaat.budgetopvang
        raise _refuse(
            e,
            "wettelijke_grond",
            _(
                "{grond} is a budget objection, no ground in law to deviate: the advice binds",
                grond=repr(grond),
            )
            if opvang is None
            else _(
                "{grond} is a budget objection, no ground in law to deviate: the advice binds "
                "({budget} absorbs it)",
                grond=repr(grond),
                budget=opvang.budget,
            ),
            oordeel.bron,
        )
    return e, oordeel.bron


def _backoffice(e: ev.Backofficebesluit, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = s.adviezen.get(e.ref)
    if zaak is None:
        raise _refuse(e, "ref", _("no advice {ref} is recorded", ref=repr(e.ref)))
    mandaat = _mandaat(e, c)
    if zaak.antwoord is not ev.Antwoord.OPGEVOLGD:
        state = (
            _("not answered")
            if zaak.antwoord is None
            else _("answered {antwoord}", antwoord=zaak.antwoord.value)
        )
        raise _refuse(
            e,
            "ref",
            _(
                "the back office turns followed advice into a decision; advice {ref} is {state}",
                ref=repr(e.ref),
                state=state,
            ),
            mandaat.bron,
        )
    if zaak.kenmerk is not None:
        raise _refuse(
            e,
            "ref",
            _(
                "advice {ref} has its decision already ({kenmerk})",
                ref=repr(e.ref),
                kenmerk=zaak.kenmerk,
            ),
        )
    return e, mandaat.bron


# escalation -------------------------------------------------------------------


def _filled(e: Any, niveau: int, houders: tuple[str, ...], termijn: pendulum.Date | None) -> Any:
    for field, want in (("niveau", niveau), ("houders", houders), ("termijn", termijn)):
        given = getattr(e, field)
        if given not in (None, ()) and given != want:
            raise _refuse(
                e,
                field,
                _(
                    "is {want} by the pilot's ladder, not {given}",
                    want=repr(want),
                    given=repr(given),
                ),
            )
    return attrs.evolve(e, niveau=niveau, houders=houders, termijn=termijn)


def _escalatie(e: ev.EscalatieGestart, s: PilotState, c: CompiledPilot) -> Checked:
    ladder = c.escalation
    if ladder is None:
        raise _refuse(e, "pilot", _("pilot {pilot} has no escalation ladder", pilot=repr(c.name)))
    if e.ref in s.escalaties:
        raise _refuse(e, "ref", _("escalation {ref} is recorded already", ref=repr(e.ref)))
    if not ladder.applies(e.wettelijke_verplichting):
        raise _refuse(
            e,
            "wettelijke_verplichting",
            _(
                "where statutory duties are at stake the partner acts and informs the coach "
                "afterwards; the ladder does not apply"
            ),
            ladder.bron,
        )
    escalatie = Escalatie.open(ladder, e.datum, e.niveau)
    trede = ladder.trede(escalatie.niveau)
    return _filled(e, trede.niveau, trede.houders, escalatie.due()), trede.bron or ladder.bron


def _open_escalatie(e: ev.EscalatieOpgeschaald | ev.EscalatieAfgestemd, s: PilotState) -> Any:
    zaak = s.escalaties.get(e.ref)
    if zaak is None:
        raise _refuse(e, "ref", _("no escalation {ref} is recorded", ref=repr(e.ref)))
    if zaak.afgestemd is not None:
        raise _refuse(
            e,
            "ref",
            _(
                "escalation {ref} was aligned on {afgestemd}",
                ref=repr(e.ref),
                afgestemd=str(zaak.afgestemd),
            ),
        )
    if e.datum < zaak.history[-1][0]:
        raise _refuse(
            e,
            "datum",
            _("lies before the last move on {datum}", datum=str(zaak.history[-1][0])),
        )
    return zaak


def _opgeschaald(e: ev.EscalatieOpgeschaald, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = _open_escalatie(e, s)
    ladder = c.escalation
    assert ladder is not None  # the escalation was raised under it
    hoger = ladder.above(zaak.niveau)
    if hoger is None:
        raise _refuse(
            e, "ref", _("level {niveau} is the top of the ladder", niveau=zaak.niveau), ladder.bron
        )
    termijn = None if hoger.termijn is None else e.datum + hoger.termijn
    return _filled(e, hoger.niveau, hoger.houders, termijn), hoger.bron or ladder.bron


def _afgestemd(e: ev.EscalatieAfgestemd, s: PilotState, c: CompiledPilot) -> Checked:
    _open_escalatie(e, s)
    return e, c.escalation.bron if c.escalation is not None else None


# ending the agreement ---------------------------------------------------------


def _regeling(e: ev.Event, c: CompiledPilot) -> Opzegregeling:
    regeling = opzegregeling(c)
    if regeling is None:
        raise _refuse(
            e,
            "pilot",
            _("pilot {pilot} has no termination by its partners", pilot=repr(c.name)),
        )
    return regeling


def _opzegverzoek(e: ev.Opzegverzoek, s: PilotState, c: CompiledPilot) -> Checked:
    regeling = _regeling(e, c)
    known = {_norm(p): p for p in regeling.partners}
    if _norm(e.partner) not in known:
        raise _refuse(
            e,
            "partner",
            _("not a partner of the agreement: {partners}", partners=e.partner),
            regeling.bron,
        )
    if regeling.schriftelijk and not e.schriftelijk:
        raise _refuse(
            e,
            "schriftelijk",
            _("a partner asks to end the agreement in writing"),
            regeling.bron,
        )
    if any(_norm(v.partner) == _norm(e.partner) for v in s.opzegverzoeken):
        raise _refuse(
            e,
            "partner",
            _("{partner} asked already", partner=known[_norm(e.partner)]),
            regeling.bron,
        )
    return e, regeling.bron


def _gevolgen(e: ev.Gevolgenregeling, s: PilotState, c: CompiledPilot) -> Checked:
    return e, _regeling(e, c).bron


def _stem(e: ev.Stemuitslag, s: PilotState, c: CompiledPilot) -> Checked:
    regeling = _regeling(e, c)
    geregeld = s.gevolgen_geregeld is not None and s.gevolgen_geregeld <= e.datum
    besluit = regeling.decide(s.opzegverzoeken, e.datum, gevolgen_geregeld=geregeld)
    if e.beeindigd is not None and e.beeindigd != besluit.ended:
        raise _refuse(
            e,
            "beeindigd",
            _("the rule decides otherwise: {reden}", reden=besluit.reden),
            regeling.bron,
        )
    return attrs.evolve(e, beeindigd=besluit.ended, reden=besluit.reden), regeling.bron


# money ------------------------------------------------------------------------


def _aankoop(e: ev.GhpAankoop, s: PilotState, c: CompiledPilot) -> Checked:
    gezin = _family(e)
    if e.coach_kosten:
        raise _refuse(
            e,
            "coach_kosten",
            _(
                "the costs of the gezinscoaches themselves are not GHP-bound; record them as an "
                "Uitgave on the running costs"
            ),
            GHP_BEGRIP,
        )
    lines = ghp_lines(c)
    if not lines:
        raise _refuse(e, "pilot", _("pilot {pilot} has no GHP-bound budget", pilot=repr(c.name)))
    bron = lines[0].bron
    if e.ref in s.ghp:
        raise _refuse(e, "ref", _("purchase {ref} is recorded already", ref=repr(e.ref)))
    in_pilot = gezin in s.deelnames and s.deelnames[gezin].active_on(e.datum)
    if not (s.is_selected(gezin, e.datum) or in_pilot):
        raise _refuse(
            e,
            "gezin",
            _(
                "family {gezin} is not selected for the pilot: GHP services are bought for the "
                "pilot's families",
                gezin=repr(gezin),
            ),
            bron,
        )
    remaining = Money.total(r.bedrag for r in lines) - s.ghp_committed()
    if e.bedrag > remaining:
        raise _refuse(
            e,
            "bedrag",
            _(
                "{bedrag} is more than remains of the GHP-bound budget: {remaining}",
                bedrag=str(e.bedrag),
                remaining=str(remaining),
            ),
            bron,
        )
    return e, bron


def _betaling(e: ev.Betaling, s: PilotState, c: CompiledPilot) -> Checked:
    regel = s.ghp.get(e.ref)
    if regel is None:
        raise _refuse(e, "ref", _("no purchase {ref} is recorded", ref=repr(e.ref)))
    open_ = regel.bedrag - regel.betaald
    if e.bedrag > open_:
        raise _refuse(
            e,
            "bedrag",
            _(
                "{bedrag} is more than is open on {ref}: {open}",
                bedrag=str(e.bedrag),
                ref=repr(e.ref),
                open=str(open_),
            ),
        )
    lines = ghp_lines(c)
    return e, lines[0].bron if lines else None


def _uitgave(e: ev.Uitgave, s: PilotState, c: CompiledPilot) -> Checked:
    lines = [r for r in c.funding if _norm(r.omschrijving) == _norm(e.regel)]
    if not lines:
        known = "; ".join(dict.fromkeys(r.omschrijving for r in c.funding)) or "none"
        raise _refuse(
            e,
            "regel",
            _(
                "{regel} is not a funding line of the pilot; lines: {known}",
                regel=repr(e.regel),
                known=known,
            ),
        )
    if any(r.model is Financieringsmodel.GHP_GEBONDEN for r in lines):
        raise _refuse(
            e,
            "regel",
            _("the GHP-bound budget is spent by GhpAankoop and Betaling"),
            lines[0].bron,
        )
    planned = Money.total(r.bedrag for r in lines)
    spent = s.uitgaven.get(lines[0].omschrijving, Money.zero())
    if spent + e.bedrag > planned:
        raise _refuse(
            e,
            "bedrag",
            _(
                "{bedrag} is more than remains of the line: {remaining}",
                bedrag=str(e.bedrag),
                remaining=str(planned - spent),
            ),
            lines[0].bron,
        )
    return attrs.evolve(e, regel=lines[0].omschrijving), lines[0].bron


# evaluation -------------------------------------------------------------------


def _meting(e: ev.Meting, s: PilotState, c: CompiledPilot) -> Checked:
    plan = c.evaluation_plan
    if plan is None:
        raise _refuse(e, "pilot", _("pilot {pilot} has no evaluation plan", pilot=repr(c.name)))
    indicator = plan.indicator(e.indicator)
    if indicator is None:
        known = ", ".join(i.naam for i in plan.indicatoren) or "none"
        raise _refuse(
            e,
            "indicator",
            _(
                "{indicator} is not an indicator of the plan; indicators: {known}",
                indicator=repr(e.indicator),
                known=known,
            ),
            plan.bron,
        )
    return attrs.evolve(e, indicator=indicator.naam), indicator.bron or plan.bron


# the Awb lifecycle ------------------------------------------------------------


def _zaak(e: Any, s: PilotState) -> Any:
    zaak = s.awb.get(e.zaak)
    if zaak is None:
        raise _refuse(
            e, "zaak", _("no melding opened case {zaak}", zaak=repr(e.zaak)), WMO_ONDERZOEK
        )
    if e.datum < zaak.melding:
        raise _refuse(
            e, "datum", _("lies before the melding of {melding}", melding=str(zaak.melding))
        )
    return zaak


def _melding(e: ev.AwbMelding, s: PilotState, c: CompiledPilot) -> Checked:
    _family(e)
    if e.zaak in s.awb:
        raise _refuse(e, "zaak", _("case {zaak} is open already", zaak=repr(e.zaak)))
    return e, WMO_ONDERZOEK


def _onderzoek(e: ev.AwbOnderzoek, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = _zaak(e, s)
    if zaak.onderzoek is not None:
        raise _refuse(e, "zaak", _("case {zaak} was investigated already", zaak=repr(e.zaak)))
    return e, WMO_ONDERZOEK


def _aanvraag(e: ev.AwbAanvraag, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = _zaak(e, s)
    if zaak.aanvraag is not None:
        raise _refuse(e, "zaak", _("case {zaak} has its aanvraag already", zaak=repr(e.zaak)))
    return e, WMO_BESCHIKKING


def _beschikking(e: ev.AwbBeschikking, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = _zaak(e, s)
    if zaak.aanvraag is None:
        raise _refuse(
            e,
            "zaak",
            _("case {zaak} has no aanvraag to decide", zaak=repr(e.zaak)),
            WMO_BESCHIKKING,
        )
    if zaak.beschikking is not None:
        raise _refuse(e, "zaak", _("case {zaak} has its beschikking already", zaak=repr(e.zaak)))
    return e, WMO_BESCHIKKING


def _bezwaar(e: ev.AwbBezwaar, s: PilotState, c: CompiledPilot) -> Checked:
    zaak = _zaak(e, s)
    if zaak.beschikking is None:
        raise _refuse(
            e, "zaak", _("case {zaak} has no beschikking to object to", zaak=repr(e.zaak)), AWB
        )
    if zaak.bezwaar is not None:
        raise _refuse(e, "zaak", _("case {zaak} has a bezwaar already", zaak=repr(e.zaak)), AWB)
    return e, AWB


def _wissing(e: ev.Wissing, s: PilotState, c: CompiledPilot) -> Checked:
    raise _refuse(e, "kind", _("a tombstone is written by erase and purge only"))


_CHECKS: Final[dict[type[ev.Event], Callable[[Any, PilotState, CompiledPilot], Checked]]] = {
    ev.Beoordeling: _beoordeling,
    ev.Plaatsing: _plaatsing,
    ev.Wachtlijst: _wachtlijst,
    ev.Doorverwijzing: _leaves_intake,
    ev.RegulierRoute: _leaves_intake,
    ev.Aanwijzing: _aanwijzing,
    ev.Trajectstart: _traject,
    ev.Afschaling: _traject,
    ev.Trajecteinde: _traject,
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
    ev.Wissing: _wissing,
}


def check(
    event: ev.Event,
    state: PilotState,
    compiled: CompiledPilot,
    *,
    selectieregel: Selectieregel | None = None,
) -> Checked:
    """``event`` as it is to be recorded and the rule it is accepted under; or a refusal.

    ``selectieregel``: the pilot plugin's split of the designations
    (:func:`selectieregel_of`); without one only the pilot's total is checked.
    """
    if event.pilot != compiled.name:
        raise _refuse(
            event,
            "pilot",
            _(
                "is {pilot}, checked against {compiled}",
                pilot=repr(event.pilot),
                compiled=repr(compiled.name),
            ),
        )
    if isinstance(event, ev.Aanwijzing):
        return _aanwijzing(event, state, compiled, selectieregel)
    return _CHECKS[type(event)](event, state, compiled)
