"""Every kind of event is recorded and read back as it was; every refusal cites its rule.

The rules are the multiprobleem doorstart's (003_720c15da674da257.txt): the
selection (7.), the escalation ladder (8.), the functional mandate (9. and 10.),
the money (12.) and the termination vote (13.).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs
import pendulum
import pytest
import sqlalchemy as sa
from sociaaldomein_multiprobleem import POLITIE, SOZAWE, MultiprobleemPilot

from sociaaldomein import Gemeente, InvalidValueError, Money
from sociaaldomein.register import (
    EVENT_KINDS,
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    Afschaling,
    Antwoord,
    AwbAanvraag,
    AwbBeschikking,
    AwbBezwaar,
    AwbMelding,
    AwbOnderzoek,
    Backofficebesluit,
    Beoordeling,
    Betaling,
    Doorverwijzing,
    EscalatieAfgestemd,
    EscalatieGestart,
    EscalatieOpgeschaald,
    Event,
    Gevolgenregeling,
    GhpAankoop,
    Instellingsantwoord,
    MandaatAdvies,
    Meting,
    Opzegverzoek,
    Plaatsing,
    RefusedEventError,
    Register,
    RegulierRoute,
    Rol,
    Stemuitslag,
    Trajecteinde,
    Trajectstart,
    Uitgave,
    Wachtlijst,
    Wissing,
)

from .scenario import (
    BACKOFFICE,
    BEFORE_START,
    COACH,
    PARTNER,
    PARTNERS,
    PROJECTLEIDER,
    START,
    P,
    placed,
    top10,
)

EXPLOITATIE = "exploitatie doorstart incl. externe deskundigheid en gezinscoaches"
D = pendulum.date


def every_kind() -> list[Event]:
    """One event of every kind a user records, in an order the rules allow."""
    g = "gezin-01"
    return [
        *top10(),
        Beoordeling(
            pilot=P,
            actor=COACH,
            datum=D(2011, 1, 2),
            gezin=g,
            uitkomst="ELIGIBLE",
            redenen=("3 problems", "lives in de Hoogte"),
        ),
        placed(g),
        Trajectstart(pilot=P, actor=COACH, datum=D(2011, 1, 4), gezin=g),
        Wachtlijst(pilot=P, actor=COACH, datum=D(2011, 1, 5), gezin="gezin-11"),
        Doorverwijzing(pilot=P, actor=COACH, datum=D(2011, 1, 6), gezin="gezin-11", naar="Elker"),
        Wachtlijst(pilot=P, actor=COACH, datum=D(2011, 1, 7), gezin="gezin-12"),
        RegulierRoute(pilot=P, actor=COACH, datum=D(2011, 1, 8), gezin="gezin-12", toelichting="x"),
        MandaatAdvies(
            pilot=P,
            actor=COACH,
            datum=D(2011, 2, 1),
            ref="advies-1",
            gezin=g,
            instelling=SOZAWE,
            besluit="Toekenning bijzondere bijstand",
        ),
        Instellingsantwoord(
            pilot=P,
            actor=BACKOFFICE,
            datum=D(2011, 2, 2),
            ref="advies-1",
            antwoord=Antwoord.OPGEVOLGD,
        ),
        Backofficebesluit(
            pilot=P, actor=BACKOFFICE, datum=D(2011, 2, 3), ref="advies-1", kenmerk="BB-1"
        ),
        EscalatieGestart(
            pilot=P, actor=COACH, datum=D(2011, 3, 1), ref="esc-1", gezin=g, partner="Elker"
        ),
        EscalatieOpgeschaald(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 3, 1), ref="esc-1"),
        EscalatieAfgestemd(
            pilot=P, actor=PROJECTLEIDER, datum=D(2011, 3, 7), ref="esc-1", uitkomst="eens"
        ),
        GhpAankoop(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 1),
            ref="ghp-1",
            gezin=g,
            omschrijving="schuldhulp",
            bedrag=Money(2_500),
        ),
        Betaling(
            pilot=P, actor=PROJECTLEIDER, datum=D(2011, 5, 1), ref="ghp-1", bedrag=Money(2_500)
        ),
        Uitgave(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 30),
            regel=EXPLOITATIE,
            bedrag=Money(40_000),
        ),
        Meting(
            pilot=P,
            actor=Actor("intraval-1", Rol.EVALUATOR),
            datum=D(2011, 12, 31),
            indicator="gezinnen in de aanpak",
            waarde=Decimal(10),
        ),
        AwbMelding(pilot=P, actor=COACH, datum=D(2011, 2, 1), zaak="zaak-1", gezin=g),
        AwbOnderzoek(pilot=P, actor=COACH, datum=D(2011, 3, 1), zaak="zaak-1"),
        AwbAanvraag(pilot=P, actor=COACH, datum=D(2011, 3, 2), zaak="zaak-1"),
        AwbBeschikking(
            pilot=P, actor=COACH, datum=D(2011, 3, 10), zaak="zaak-1", besluit="toegekend"
        ),
        AwbBezwaar(pilot=P, actor=COACH, datum=D(2011, 4, 1), zaak="zaak-1"),
        Afschaling(pilot=P, actor=COACH, datum=D(2011, 11, 1), gezin=g, naar="WIJ-team"),
        Trajecteinde(pilot=P, actor=COACH, datum=D(2012, 1, 1), gezin=g, reden_code="31"),
        *(
            Opzegverzoek(pilot=P, actor=PARTNER, datum=D(2012, 2, 1), partner=p, schriftelijk=True)
            for p in PARTNERS[:4]
        ),
        Gevolgenregeling(pilot=P, actor=PROJECTLEIDER, datum=D(2012, 2, 10), omschrijving="x"),
        Stemuitslag(pilot=P, actor=PROJECTLEIDER, datum=D(2012, 2, 11)),
    ]


def test_every_kind_is_covered() -> None:
    assert {e.KIND for e in every_kind()} == set(EVENT_KINDS) - {Wissing.KIND}


def test_every_kind_is_recorded_and_read_back_as_it_was(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        recorded = [register.record(e) for e in every_kind()]
    with Register.open(url, gemeente=gemeente) as again:
        stored = again.events()
    assert [r.event for r in stored] == [r.event for r in recorded]
    assert [r.seq for r in stored] == list(range(1, len(recorded) + 1))
    assert all(r.versions["sociaaldomein-multiprobleem"] for r in stored)
    vote = stored[-1].event
    assert isinstance(vote, Stemuitslag)
    assert vote.beeindigd is True
    assert vote.reden.startswith("4 of 7 partners asked in writing")
    # The rule it was accepted under is kept with it: the vote under "13. Beëindiging".
    assert stored[-1].bron is not None
    assert stored[-1].bron.section.startswith("13.")


def test_the_ladder_fills_in_level_holders_and_deadline(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many(top10())
        raised = register.record(
            EscalatieGestart(pilot=P, actor=COACH, datum=D(2011, 5, 2), ref="e", partner="Elker")
        )
        up = register.record(
            EscalatieOpgeschaald(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 5, 3), ref="e")
        )
    assert isinstance(raised.event, EscalatieGestart)
    assert isinstance(up.event, EscalatieOpgeschaald)
    assert (raised.event.niveau, raised.event.termijn) == (3, D(2011, 5, 2))  # "meteen"
    assert up.event.houders == ("vertegenwoordiger van B&W",)
    assert up.event.termijn == D(2011, 5, 10)  # "binnen een week"


def _advice(
    gezin: str, instelling: str = SOZAWE, besluit: str = "Toekenning bijzondere bijstand"
) -> Event:
    return MandaatAdvies(
        pilot=P,
        actor=COACH,
        datum=D(2011, 2, 1),
        ref=f"a-{gezin}-{len(besluit)}",
        gezin=gezin,
        instelling=instelling,
        besluit=besluit,
    )


def _prepared(register: Register) -> None:
    register.record_many(
        [
            *top10(),
            placed("gezin-01"),
            _advice("gezin-01"),
            *(
                Opzegverzoek(
                    pilot=P, actor=PARTNER, datum=D(2011, 9, 1), partner=p, schriftelijk=True
                )
                for p in PARTNERS[:4]
            ),
            EscalatieGestart(pilot=P, actor=COACH, datum=D(2011, 5, 2), ref="e", partner="Elker"),
            EscalatieOpgeschaald(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 5, 3), ref="e"),
        ]
    )


REFUSALS: list[tuple[str, Event, str, str]] = [
    (
        "an advice for a family the partners did not select",
        _advice("gezin-99"),
        "MandaatAdvies.instelling",
        "10.",
    ),
    (
        "a police action: a cooperation agreement, not a mandate",
        _advice("gezin-01", POLITIE, "actie tijdelijk huisverbod"),
        "MandaatAdvies.instelling",
        "9.",
    ),
    (
        "a decision outside the institution's mandate",
        _advice("gezin-01", SOZAWE, "Inzet budgetbeheer"),
        "MandaatAdvies.instelling",
        "9.",
    ),
    (
        "a deviation on a budget objection",
        Instellingsantwoord(
            pilot=P,
            actor=BACKOFFICE,
            datum=D(2011, 2, 2),
            ref="a-gezin-01-30",
            antwoord=Antwoord.AFWIJKING,
            wettelijke_grond="geen budget",
        ),
        "Instellingsantwoord.wettelijke_grond",
        "9.",
    ),
    (
        "a formal decision on advice that was not followed",
        Backofficebesluit(
            pilot=P, actor=BACKOFFICE, datum=D(2011, 2, 3), ref="a-gezin-01-30", kenmerk="k"
        ),
        "Backofficebesluit.ref",
        "",
    ),
    (
        "a GHP purchase beyond the GHP-bound remainder",
        GhpAankoop(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 2),
            ref="k",
            gezin="gezin-01",
            bedrag=Money("150000.01"),
        ),
        "GhpAankoop.bedrag",
        "12.",
    ),
    (
        "coach costs from the GHP-bound budget",
        GhpAankoop(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 2),
            ref="k",
            gezin="gezin-01",
            bedrag=Money(100),
            coach_kosten=True,
        ),
        "GhpAankoop.coach_kosten",
        "Begrippenlijst",
    ),
    (
        "a GHP purchase for a family not in the pilot",
        GhpAankoop(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 2),
            ref="k",
            gezin="gezin-77",
            bedrag=Money(100),
        ),
        "GhpAankoop.gezin",
        "12.",
    ),
    (
        "a top 10 designation after the start",
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=START,
            gezin="gezin-50",
            soort=Aanwijzingssoort.TOP10,
            partners=PARTNERS,
        ),
        "Aanwijzing.datum",
        "7.",
    ),
    (
        "an eleventh family for the top 10 before the start",
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=BEFORE_START,
            gezin="gezin-50",
            soort=Aanwijzingssoort.TOP10,
            partners=PARTNERS,
        ),
        "Aanwijzing.soort",
        "7.",
    ),
    (
        "an end-reason code the JZ588 table does not give",
        Trajecteinde(pilot=P, actor=COACH, datum=D(2011, 6, 1), gezin="gezin-01", reden_code="02"),
        "Trajecteinde.reden_code",
        "reden beëindiging",
    ),
    (
        "a designation without every partner",
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 3, 1),
            gezin="gezin-50",
            soort=Aanwijzingssoort.AANVULLING,
            partners=PARTNERS[:6],
        ),
        "Aanwijzing.partners",
        "7.",
    ),
    (
        "a family designated twice",
        Aanwijzing(
            pilot=P,
            actor=PROJECTLEIDER,
            datum=D(2011, 3, 1),
            gezin="gezin-01",
            soort=Aanwijzingssoort.AANVULLING,
            partners=PARTNERS,
        ),
        "Aanwijzing.gezin",
        "7.",
    ),
    (
        "a termination request not in writing",
        Opzegverzoek(
            pilot=P, actor=PARTNER, datum=D(2011, 9, 2), partner=PARTNERS[5], schriftelijk=False
        ),
        "Opzegverzoek.schriftelijk",
        "13.",
    ),
    (
        "a termination request by someone who is not a partner",
        Opzegverzoek(
            pilot=P, actor=PARTNER, datum=D(2011, 9, 2), partner="de buurman", schriftelijk=True
        ),
        "Opzegverzoek.partner",
        "13.",
    ),
    (
        "a vote outcome the rule does not give (consequences not settled)",
        Stemuitslag(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 9, 3), beeindigd=True),
        "Stemuitslag.beeindigd",
        "13.",
    ),
    (
        "an escalation where a statutory duty is at stake",
        EscalatieGestart(
            pilot=P,
            actor=COACH,
            datum=D(2011, 5, 2),
            ref="e2",
            partner="Elker",
            wettelijke_verplichting=True,
        ),
        "EscalatieGestart.wettelijke_verplichting",
        "8.",
    ),
    (
        "an escalation above the top of the ladder",
        EscalatieOpgeschaald(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 5, 4), ref="e"),
        "EscalatieOpgeschaald.ref",
        "8.",
    ),
    (
        "a measurement of an indicator the plan does not have",
        Meting(
            pilot=P, actor=COACH, datum=D(2011, 12, 1), indicator="tevredenheid", waarde=Decimal(8)
        ),
        "Meting.indicator",
        "Tenslotte",
    ),
    (
        "a placement outside the looptijd",
        placed("gezin-02", D(2012, 7, 1)),
        "Plaatsing.datum",
        "",
    ),
    (
        "the end of a trajectory that never started",
        Trajecteinde(pilot=P, actor=COACH, datum=D(2011, 6, 1), gezin="gezin-03"),
        "Trajecteinde.gezin",
        "",
    ),
    (
        "a beschikking without an aanvraag",
        AwbBeschikking(pilot=P, actor=COACH, datum=D(2011, 3, 1), zaak="zaak-9", besluit="x"),
        "AwbBeschikking.zaak",
        "artikel 2.3.2",
    ),
    (
        "a tombstone written by hand",
        Wissing(pilot=P, actor=PROJECTLEIDER, datum=D(2011, 3, 1), grond="x", events=(1,)),
        "Wissing.kind",
        "",
    ),
]


@pytest.mark.parametrize(
    ("event", "field", "section"),
    [pytest.param(e, f, s, id=why) for why, e, f, s in REFUSALS],
)
def test_what_the_rules_do_not_allow_is_refused_with_its_rule_and_nothing_is_written(
    url: str, gemeente: Gemeente, event: Event, field: str, section: str
) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        _prepared(register)
        before = register.verify()
        with pytest.raises(RefusedEventError) as refused:
            register.record(event)
        assert refused.value.field == field
        if section:
            assert refused.value.bron is not None
            assert section in refused.value.bron.section
            assert str(refused.value.bron) in str(refused.value)
        after = register.verify()
    assert (after.events, after.head) == (before.events, before.head)


def test_a_refused_event_in_a_batch_writes_none_of_the_batch(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        with pytest.raises(RefusedEventError):
            register.record_many([*top10(), _advice("gezin-99")])
        assert register.events() == []
        register.record_many(top10())
        assert len(register.state(P).aanwijzingen) == 10


def test_an_unknown_pilot_is_named_with_the_known_ones(url: str, gemeente: Gemeente) -> None:
    with (
        Register.open(url, gemeente=gemeente, create=True) as register,
        pytest.raises(Exception, match="unknown pilot 'samen'; known pilots: multiprobleem"),
    ):
        register.record(Plaatsing(pilot="samen", actor=COACH, datum=START, gezin="g"))


@pytest.mark.parametrize("key", ["123456782", "bsn-123456782", "BSN: 1234.56.782"])
def test_a_bsn_never_gets_in_and_is_never_repeated(key: str) -> None:
    with pytest.raises(InvalidValueError) as refused:
        Wachtlijst(pilot=P, actor=COACH, datum=START, gezin=key)
    assert "BSN" in str(refused.value)
    assert "123" not in str(refused.value)
    with pytest.raises(InvalidValueError):
        Actor(key, Rol.GEZINSCOACH)


def test_the_log_refuses_update_and_delete(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many(top10())
    engine = sa.create_engine(url if "://" in url else f"sqlite:///{url}")
    for statement in ("UPDATE events SET kind = 'plaatsing'", "DELETE FROM events"):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql(statement)
    engine.dispose()


def test_the_awb_terms_run_from_each_step(url: str, gemeente: Gemeente) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record(AwbMelding(pilot=P, actor=COACH, datum=D(2011, 2, 1), zaak="z", gezin="g"))
        # Wmo 2015 2.3.2: the onderzoek within six weeks of the melding
        assert register.state(P).awb_overdue(D(2011, 3, 15)) == []
        assert register.state(P).awb_overdue(D(2011, 3, 16)) == [("z", "onderzoek", D(2011, 3, 15))]
        register.record(AwbOnderzoek(pilot=P, actor=COACH, datum=D(2011, 3, 20), zaak="z"))
        register.record(AwbAanvraag(pilot=P, actor=COACH, datum=D(2011, 3, 21), zaak="z"))
        # 2.3.5: the beschikking within two weeks of the aanvraag
        assert register.state(P).awb_overdue(D(2011, 4, 5)) == [("z", "beschikking", D(2011, 4, 4))]
        register.record(
            AwbBeschikking(pilot=P, actor=COACH, datum=D(2011, 4, 4), zaak="z", besluit="x")
        )
        state = register.state(P)
        assert state.awb_overdue(D(2011, 6, 1)) == []  # the bezwaar term is the family's
        assert state.awb["z"].deadlines(D(2011, 4, 5)) == {"bezwaartermijn": D(2011, 5, 16)}
        register.record(AwbBezwaar(pilot=P, actor=COACH, datum=D(2011, 5, 10), zaak="z"))
        state = register.state(P)
        # Awb 7:10: decided within six weeks of the end of the bezwaar term
        assert state.awb_overdue(D(2011, 6, 28)) == [("z", "beslissing op bezwaar", D(2011, 6, 27))]
        assert not state.awb["z"].bezwaar_te_laat


DURING: Final = pendulum.date(2011, 3, 1)


def _aanvulling(gezin: str, on: pendulum.Date = DURING) -> Event:
    return Aanwijzing(
        pilot=P,
        actor=PROJECTLEIDER,
        datum=on,
        gezin=gezin,
        soort=Aanwijzingssoort.AANVULLING,
        partners=PARTNERS,
    )


def test_at_most_ten_families_are_added_during_the_pilot(url: str, gemeente: Gemeente) -> None:
    """003 "7. Toewijzing gezinnen": "nog een selectie van maximaal 10 gezinnen"."""
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many([*top10(), *(_aanvulling(f"gezin-{i}") for i in range(11, 21))])
        with pytest.raises(RefusedEventError, match="at most 10 families are added") as refused:
            register.record(_aanvulling("gezin-21", D(2011, 9, 1)))
        assert refused.value.field == "Aanwijzing.soort"
        assert refused.value.bron is not None
        assert refused.value.bron.file == "003_720c15da674da257.txt"
        assert "7. Toewijzing gezinnen" in str(refused.value)
        assert len(register.state(P).aanwijzingen) == 20


@pytest.mark.parametrize(("top", "more"), [(3, 2), (0, 4)])
def test_the_split_is_the_plugins_not_a_constant(url: str, top: int, more: int) -> None:
    """A plugin configured with another split is held to its own numbers."""
    gemeente = Gemeente("Groningen", plugins=[MultiprobleemPilot(top=top, max_aanvullingen=more)])
    families = [f"gezin-{i:02}" for i in range(1, top + 2)]
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many(top10(tuple(families[:top])))
        with pytest.raises(RefusedEventError, match=f"the top {top} is designated"):
            register.record(top10((families[top],))[0])
        register.record_many([_aanvulling(f"extra-{i}") for i in range(more)])
        with pytest.raises(RefusedEventError, match=f"at most {more} families are added"):
            register.record(_aanvulling("extra-last"))
        state = register.state(P)
    assert state.aanwijzingen_per_soort.get(Aanwijzingssoort.TOP10, 0) == top
    assert state.aanwijzingen_per_soort.get(Aanwijzingssoort.AANVULLING, 0) == more


def test_an_unknown_end_reason_is_refused_naming_the_known_codes(
    url: str, gemeente: Gemeente
) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many([*top10(), placed("gezin-01")])
        end = Trajecteinde(pilot=P, actor=COACH, datum=D(2011, 6, 1), gezin="gezin-01")
        with pytest.raises(RefusedEventError, match=r"'99' is not a known JZ588 code; known: 31"):
            register.record(attrs.evolve(end, reden_code="99"))
        register.record(end)
        assert register.state(P).beeindigd == {"31": 1}
