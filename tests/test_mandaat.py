"""The functional mandate, the escalation ladder and ending by partners, on letter 003.

The realistic example is the "Functionele mandaatovereenkomst doorstart Pilot
Multiprobleemgezinnen" in 003_720c15da674da257.txt.
"""

from __future__ import annotations

import datetime

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import (
    Advies,
    AdviesOordeel,
    AdviesStatus,
    Budgetopvang,
    Escalatie,
    Escalatieladder,
    Mandaat,
    MandaatRegel,
    MandaatRij,
    Opzegregeling,
    Opzegverzoek,
    Samenwerkingsafspraak,
    Trede,
)
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.mandaat import BUDGET_KENMERKEN
from sociaaldomein.errors import InvalidValueError

BRIEF = "003_720c15da674da257.txt"
MANDATEN = Citation(BRIEF, "9. Functionele mandaten")
SELECTIE = Citation(
    BRIEF,
    "10. Gezins Herstel Plan als informatiebron",
    "De mandaten hebben slechts betrekking op deze gezinnen.",
)
AFSPRAKEN = Citation(BRIEF, "8. Algemene afspraken")
BEEINDIGING = Citation(BRIEF, "13. Beëindiging")

SOZAWE = "Gemeente Groningen (Sozawe)"
BIJZONDERE_BIJSTAND = "Toekenning bijzondere bijstand"

# A few rows of the table in "9. Functionele mandaten", spelled as the letter spells them.
MULTIPROBLEEM = Mandaat(
    regels=(
        MandaatRegel(
            "werk en inkomen",
            SOZAWE,
            (
                BIJZONDERE_BIJSTAND,
                "Versnellen afhandelen aanvraag levensonderhoud/verstrekken voorschot",
                "Sanctie/beëindiging sanctie",
                "Openen BBR",
            ),
            MANDATEN,
        ),
        MandaatRegel(
            "werk en inkomen",
            "Gemeente Groningen (Sozawe- GKB)",
            ("Inzet schuldhulpverlening", "Inzet budgetbeheer"),
            MANDATEN,
        ),
        MandaatRegel(
            "wonen",
            "woningcorporaties",
            ("woningtoewijzing", "verplaatsing", "aanpassen woning"),
            MANDATEN,
        ),
        MandaatRegel(
            "Zorg/hulpverlening",
            "Bureau jeugdzorg",
            ("Indicatiebesluit", "machtiging uithuisplaatsing", "beëindigen/niet verlengen OTS"),
            MANDATEN,
        ),
    ),
    samenwerkingsafspraken=(
        Samenwerkingsafspraak(
            "Politie/justitie/gedwongen kader",
            "politie",
            ("actie politie in het kader van (herhaling van) huiselijk geweld",),
            MANDATEN,
        ),
        Samenwerkingsafspraak(
            "Politie/justitie/gedwongen kader",
            "Burgemeester",
            ("(toekenning/verlenging) tijdelijk huisverbod (in samenwerking met ASHG)",),
            MANDATEN,
        ),
    ),
    bron=SELECTIE,
)

MAART = pendulum.date(2011, 3, 1)


def advies(
    instelling: str = SOZAWE,
    besluit: str = BIJZONDERE_BIJSTAND,
    *,
    wettelijk_toegestaan: bool = True,
    wettelijke_grond: str | None = None,
) -> Advies:
    return Advies("gezin-07", instelling, besluit, MAART, wettelijk_toegestaan, wettelijke_grond)


# the mandate ------------------------------------------------------------------


def test_advice_in_the_table_binds_a_selected_family() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": Sozawe follows the coach 1 op 1."""
    oordeel = MULTIPROBLEEM.check(advies(), geselecteerd=True)
    assert oordeel.status is AdviesStatus.BINDEND
    assert oordeel.binds
    assert oordeel.bron == MANDATEN
    assert oordeel.afwijking_grond is None
    assert SOZAWE in oordeel.reden
    assert BIJZONDERE_BIJSTAND in oordeel.reden
    assert "werk en inkomen" in oordeel.reden
    assert '9. Functionele mandaten"' in oordeel.reden


def test_names_match_regardless_of_case_and_spacing() -> None:
    spelled = advies("  gemeente groningen   (SOZAWE) ", "toekenning Bijzondere\tbijstand")
    oordeel = MULTIPROBLEEM.check(spelled, geselecteerd=True)
    assert oordeel.binds
    # The verdict names the decision as the table writes it, not as the advice spelled it.
    assert repr(BIJZONDERE_BIJSTAND) in oordeel.reden


def test_the_same_advice_for_an_unselected_family_is_refused() -> None:
    """003_720c15da674da257.txt, "10. Gezins Herstel Plan als informatiebron": selected only."""
    oordeel = MULTIPROBLEEM.check(advies(), geselecteerd=False)
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert not oordeel.binds
    assert "'gezin-07' is not selected" in oordeel.reden
    assert oordeel.bron == SELECTIE


def test_a_mandate_for_every_family_ignores_selection() -> None:
    voor_iedereen = attrs.evolve(MULTIPROBLEEM, alleen_geselecteerde_gezinnen=False)
    assert voor_iedereen.check(advies(), geselecteerd=False).binds


@pytest.mark.parametrize("instelling", ["politie", "Burgemeester"])
def test_cooperation_agreement_gives_no_mandate(instelling: str) -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": "Geen functioneel mandaat, wel
    samenwerkingsafspraken" for police and mayor."""
    oordeel = MULTIPROBLEEM.check(advies(instelling, "tijdelijk huisverbod"), geselecteerd=True)
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert "no mandate, only a cooperation agreement" in oordeel.reden
    assert instelling in oordeel.reden


def test_a_decision_outside_the_table_is_refused() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": no bijstand for the corporations."""
    oordeel = MULTIPROBLEEM.check(advies("woningcorporaties"), geselecteerd=True)
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert "outside the mandate of 'woningcorporaties' for 'wonen'" in oordeel.reden
    assert BIJZONDERE_BIJSTAND in oordeel.reden


def test_an_institution_not_in_the_agreement_is_refused() -> None:
    oordeel = MULTIPROBLEEM.check(advies("Raad voor de Kinderbescherming"), geselecteerd=True)
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert "not in the mandate" in oordeel.reden


def test_a_decision_the_law_does_not_allow_is_a_recorded_deviation() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst", Functioneel mandaat: deviate only where
    "de wet dit besluit niet toelaat"."""
    grond = "WWB art. 35: the costs fall within the family's draagkracht"
    oordeel = MULTIPROBLEEM.check(
        advies(wettelijk_toegestaan=False, wettelijke_grond=grond), geselecteerd=True
    )
    assert oordeel.status is AdviesStatus.AFWIJKING_WETTELIJK
    assert not oordeel.binds
    assert oordeel.afwijking_grond == grond
    assert grond in oordeel.reden


GHP_BUDGET = Budgetopvang(
    "het GHP gebonden budget",
    Citation(
        BRIEF,
        "9. Functionele mandaten",
        "Budgettaire bezwaren kunnen worden opgevangen met gebruik van het GHP gebonden budget.",
    ),
)


def test_a_budget_objection_binds_where_the_mandate_absorbs_it() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": a budget objection is absorbed by
    the GHP-bound budget, so it is no ground in law to deviate."""
    mandaat = attrs.evolve(MULTIPROBLEEM, budgetopvang=GHP_BUDGET)
    oordeel = mandaat.check(
        advies(wettelijk_toegestaan=False, wettelijke_grond="Geen  BUDGET meer"), geselecteerd=True
    )
    assert oordeel.status is AdviesStatus.BINDEND
    assert oordeel.afgewezen_grond == "Geen  BUDGET meer"
    assert oordeel.afwijking_grond is None
    assert "is a budget objection" in oordeel.reden
    assert "het GHP gebonden budget absorbs it" in oordeel.reden
    assert oordeel.bron == GHP_BUDGET.bron
    legal = mandaat.check(
        advies(wettelijk_toegestaan=False, wettelijke_grond="WWB art. 35: draagkracht"),
        geselecteerd=True,
    )
    assert legal.status is AdviesStatus.AFWIJKING_WETTELIJK


def test_without_budgetopvang_a_stated_ground_is_taken_as_given() -> None:
    oordeel = MULTIPROBLEEM.check(
        advies(wettelijk_toegestaan=False, wettelijke_grond="geen budget"), geselecteerd=True
    )
    assert oordeel.status is AdviesStatus.AFWIJKING_WETTELIJK


@given(st.text(max_size=20), st.sampled_from(BUDGET_KENMERKEN), st.text(max_size=20))
def test_a_ground_naming_a_budget_word_is_budgettair(before: str, word: str, after: str) -> None:
    assert GHP_BUDGET.is_budgettair(f"{before} {word.upper()} {after}")


def test_budgetopvang_and_a_refused_ground_are_validated() -> None:
    with pytest.raises(InvalidValueError) as info:
        Budgetopvang(" ")
    assert info.value.field == "Budgetopvang.budget"
    with pytest.raises(InvalidValueError, match="listed twice"):
        Budgetopvang("GHP", kenmerken=("budget", "Budget"))
    with pytest.raises(InvalidValueError) as info:
        AdviesOordeel(AdviesStatus.GEWEIGERD, "refused", afgewezen_grond="geen budget")
    assert info.value.field == "AdviesOordeel.afgewezen_grond"
    with pytest.raises(InvalidValueError) as info:
        Mandaat(MULTIPROBLEEM.regels, budgetopvang="GHP")  # type: ignore[arg-type]
    assert info.value.field == "Mandaat.budgetopvang"


def test_refusal_comes_before_a_legal_deviation() -> None:
    grond = "no legal basis"
    oordeel = MULTIPROBLEEM.check(
        advies(wettelijk_toegestaan=False, wettelijke_grond=grond), geselecteerd=False
    )
    assert oordeel.status is AdviesStatus.GEWEIGERD


def test_an_advice_the_law_does_not_allow_needs_its_ground() -> None:
    with pytest.raises(InvalidValueError, match="required") as info:
        advies(wettelijk_toegestaan=False)
    assert info.value.field == "Advies.wettelijke_grond"
    with pytest.raises(InvalidValueError, match="only for a decision the law does not allow"):
        advies(wettelijke_grond="art. 35")
    with pytest.raises(InvalidValueError) as info:
        advies(wettelijk_toegestaan="no")  # type: ignore[arg-type]
    assert info.value.field == "Advies.wettelijk_toegestaan"


def test_a_deviation_verdict_carries_its_ground() -> None:
    with pytest.raises(InvalidValueError) as info:
        AdviesOordeel(AdviesStatus.AFWIJKING_WETTELIJK, "deviates")
    assert info.value.field == "AdviesOordeel.afwijking_grond"


def test_lookup_helpers_follow_the_table() -> None:
    assert MULTIPROBLEEM.instellingen() == (
        SOZAWE,
        "Gemeente Groningen (Sozawe- GKB)",
        "woningcorporaties",
        "Bureau jeugdzorg",
    )
    assert MULTIPROBLEEM.instellingen(include_samenwerking=True)[-2:] == ("politie", "Burgemeester")
    assert MULTIPROBLEEM.leefgebieden() == ("werk en inkomen", "wonen", "Zorg/hulpverlening")
    assert MULTIPROBLEEM.leefgebieden(include_samenwerking=True)[-1] == (
        "Politie/justitie/gedwongen kader"
    )
    regel = MULTIPROBLEEM.regel_for("BUREAU JEUGDZORG")
    assert regel is not None
    assert regel.leefgebied == "Zorg/hulpverlening"
    assert MULTIPROBLEEM.regel_for("politie") is None
    assert MULTIPROBLEEM.samenwerking_for("politie") is not None
    rows = MULTIPROBLEEM.table()
    assert len(rows) == 6
    assert rows[0] == MandaatRij("werk en inkomen", SOZAWE, MULTIPROBLEEM.regels[0].besluiten, True)
    assert [r.mandaat for r in rows] == [True, True, True, True, False, False]


def test_an_institution_appears_once_in_the_table() -> None:
    twice = Samenwerkingsafspraak("wonen", "Woningcorporaties ", ("overleg",))
    with pytest.raises(InvalidValueError, match="more than once") as info:
        Mandaat(MULTIPROBLEEM.regels, (twice,))
    assert info.value.field == "Mandaat.regels"


def test_bad_rules_are_refused_by_field() -> None:
    with pytest.raises(InvalidValueError, match="listed twice") as info:
        MandaatRegel("wonen", "corporaties", ("verplaatsing", "Verplaatsing "))
    assert info.value.field == "MandaatRegel.besluiten"
    with pytest.raises(InvalidValueError, match="at least one"):
        MandaatRegel("wonen", "corporaties", ())
    with pytest.raises(InvalidValueError) as info:
        Mandaat(())
    assert info.value.field == "Mandaat.regels"
    with pytest.raises(InvalidValueError, match="MandaatRegel") as info:
        Mandaat(("wonen",))  # type: ignore[arg-type]
    assert info.value.field == "Mandaat.regels"
    # A lone decision is one decision, not a tuple of letters.
    assert MandaatRegel("wonen", "corporaties", "verplaatsing").besluiten == ("verplaatsing",)


@given(
    regel=st.sampled_from(MULTIPROBLEEM.regels),
    index=st.integers(min_value=0, max_value=10),
    geselecteerd=st.booleans(),
    toegestaan=st.booleans(),
)
def test_a_listed_decision_binds_exactly_when_selected_and_lawful(
    regel: MandaatRegel, index: int, geselecteerd: bool, toegestaan: bool
) -> None:
    besluit = regel.besluiten[index % len(regel.besluiten)]
    grond = None if toegestaan else "not allowed by law"
    a = advies(regel.instelling, besluit, wettelijk_toegestaan=toegestaan, wettelijke_grond=grond)
    oordeel = MULTIPROBLEEM.check(a, geselecteerd=geselecteerd)
    assert oordeel.binds == (geselecteerd and toegestaan)
    expected = (
        AdviesStatus.GEWEIGERD
        if not geselecteerd
        else AdviesStatus.BINDEND
        if toegestaan
        else AdviesStatus.AFWIJKING_WETTELIJK
    )
    assert oordeel.status is expected


# the escalation ladder -----------------------------------------------------------

LADDER = Escalatieladder(
    treden=(
        Trede(
            3,
            "projectleider",
            ("projectleider", "managementvertegenwoordiger samenwerkingspartner"),
            pendulum.duration(),
            "Bij geen overeenstemming wordt meteen opgeschaald",
            AFSPRAKEN,
        ),
        Trede(
            4,
            "B&W",
            ("vertegenwoordiger B&W",),
            pendulum.duration(weeks=1),
            "stemt binnen een week af op bestuurs-/directieniveau",
            AFSPRAKEN,
        ),
    ),
    uitzonderingen=(
        "V. Uitzonderingen op I betreffen die gevallen waarbij wettelijke verplichtingen "
        "in het geding zijn",
        "VI. Bij V wordt de gezinscoach of de projectleider zo spoedig mogelijk achteraf "
        "geïnformeerd",
    ),
    bron=AFSPRAKEN,
)
MEI_2 = pendulum.date(2011, 5, 2)
MEI_3 = pendulum.date(2011, 5, 3)


def test_an_escalation_to_bw_is_due_a_week_later_and_held_by_bw() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" IV: B&W aligns at board level within a
    week."""
    e = Escalatie.open(LADDER, MEI_2).escalate(MEI_3)
    assert e.niveau == 4
    assert e.due() == pendulum.date(2011, 5, 10)
    assert e.holder_on(MEI_3) == ("vertegenwoordiger B&W",)
    assert not e.is_overdue(pendulum.date(2011, 5, 10))
    assert e.is_overdue(pendulum.date(2011, 5, 11))
    assert e.history == ((MEI_2, 3), (MEI_3, 4))


def test_level_iii_must_act_at_once() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" III: "meteen opgeschaald"."""
    e = Escalatie.open(LADDER, MEI_2)
    assert e.holder_on(MEI_2) == LADDER.treden[0].houders
    assert e.due() == MEI_2
    assert not e.is_overdue(MEI_2)
    assert e.is_overdue(MEI_3)
    assert e.due(4) is None  # not reached yet


def test_holders_before_opening_and_after_closing() -> None:
    e = Escalatie.open(LADDER, MEI_2).escalate(MEI_3).close(pendulum.date(2011, 5, 9))
    assert e.holder_on(pendulum.date(2011, 5, 1)) == ()
    assert e.level_on(pendulum.date(2011, 5, 8)) == LADDER.treden[1]
    assert e.holder_on(pendulum.date(2011, 5, 9)) == ()
    assert not e.is_open
    assert not e.is_overdue(pendulum.date(2011, 6, 1))


def test_moves_that_cannot_happen_are_refused() -> None:
    top = Escalatie.open(LADDER, MEI_2, niveau=4)
    with pytest.raises(InvalidValueError, match="top of the ladder") as info:
        top.escalate(MEI_3)
    assert info.value.field == "Escalatie.escalate"
    with pytest.raises(InvalidValueError, match="before the last move"):
        Escalatie.open(LADDER, MEI_3).escalate(MEI_2)
    closed = top.close(MEI_3)
    with pytest.raises(InvalidValueError, match="already closed") as info:
        closed.close(MEI_3)
    assert info.value.field == "Escalatie.close"
    with pytest.raises(InvalidValueError, match="no level 2") as info:
        Escalatie.open(LADDER, MEI_2, niveau=2)
    with pytest.raises(InvalidValueError) as info:
        Escalatie(LADDER, ((MEI_3, 4), (MEI_2, 3)))
    assert info.value.field == "Escalatie.history"


def test_settle_is_renamed_close() -> None:
    e = Escalatie.open(LADDER, MEI_2)
    with pytest.warns(DeprecationWarning, match=r"renamed close\(\)"):
        closed = e.settle(MEI_3)
    assert closed.closed_on == MEI_3
    with pytest.warns(DeprecationWarning, match="renamed closed_on"):
        assert closed.settled_on == MEI_3


def test_a_ladder_goes_strictly_up() -> None:
    iii = LADDER.treden[0]
    with pytest.raises(InvalidValueError, match="increase strictly") as info:
        Escalatieladder((iii, iii))
    assert info.value.field == "Escalatieladder.treden"


def test_a_deadline_is_zero_or_more_whole_days() -> None:
    with pytest.raises(InvalidValueError) as info:
        Trede(1, "x", ("a",), pendulum.duration(days=-1))
    assert info.value.field == "Trede.termijn"
    with pytest.raises(InvalidValueError):
        Trede(1, "x", ("a",), pendulum.duration(hours=5))
    assert Trede(1, "x", ("a",), datetime.timedelta(days=2)).termijn == pendulum.duration(days=2)
    assert Trede(1, "x", ("a",), None).termijn is None


def test_statutory_duties_are_outside_the_ladder() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" V and VI."""
    assert LADDER.applies(wettelijke_verplichting=False)
    assert not LADDER.applies(wettelijke_verplichting=True)


@st.composite
def escalations(draw: st.DrawFn) -> tuple[Escalatie, list[tuple[pendulum.Date, int]]]:
    levels = sorted(draw(st.sets(st.integers(1, 9), min_size=1, max_size=5)))
    ladder = Escalatieladder(
        tuple(Trede(n, f"level {n}", (f"holder {n}",), pendulum.duration(days=n)) for n in levels)
    )
    start = draw(st.integers(0, len(levels) - 1))
    day = pendulum.date(2011, 1, 1).add(days=draw(st.integers(0, 30)))
    e = Escalatie.open(ladder, day, niveau=levels[start])
    moves = [(day, levels[start])]
    for n in levels[start + 1 : start + 1 + draw(st.integers(0, len(levels)))]:
        day = day.add(days=draw(st.integers(0, 5)))
        e = e.escalate(day)
        moves.append((day, n))
    return e, moves


@given(escalations(), st.integers(0, 60))
def test_the_holder_is_the_level_reached_last_on_or_before_the_day(
    drawn: tuple[Escalatie, list[tuple[pendulum.Date, int]]], offset: int
) -> None:
    e, moves = drawn
    day = pendulum.date(2011, 1, 1).add(days=offset)
    reached = [n for moved, n in moves if moved <= day]
    expected = (f"holder {reached[-1]}",) if reached else ()
    assert e.holder_on(day) == expected
    assert e.history == tuple(moves)


# ending the agreement ---------------------------------------------------------------

PARTNERS = (
    "gemeente Groningen",
    "MJD",
    "Elker",
    "Thuiszorg Groningen",
    "Regiopolitie Groningen",
    "Bureau Jeugdzorg Groningen",
    "corporaties",
)
BEEINDIGING_REGELING = Opzegregeling(4, PARTNERS, bron=BEEINDIGING)
JUNI = pendulum.date(2011, 6, 1)


def schriftelijk(*partners: str) -> list[Opzegverzoek]:
    return [Opzegverzoek(p, JUNI, schriftelijk=True) for p in partners]


def test_three_of_seven_do_not_end_the_agreement() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": ten minste vier van de zeven, schriftelijk."""
    besluit = BEEINDIGING_REGELING.decide(schriftelijk(*PARTNERS[:3]), JUNI, gevolgen_geregeld=True)
    assert not besluit.ended
    assert len(besluit.geldige_verzoeken) == 3
    assert besluit.reden == (
        "3 of 7 partners asked in writing; at least 4 are needed "
        '(003_720c15da674da257.txt, "13. Beëindiging")'
    )


def test_four_of_seven_end_it_once_the_consequences_are_settled() -> None:
    """003_720c15da674da257.txt, "13. Beëindiging": a regeling voor de gevolgen comes first."""
    verzoeken = schriftelijk(*PARTNERS[:4])
    besluit = BEEINDIGING_REGELING.decide(verzoeken, JUNI, gevolgen_geregeld=True)
    assert besluit.ended
    assert "the agreement ends" in besluit.reden
    wacht = BEEINDIGING_REGELING.decide(verzoeken, JUNI, gevolgen_geregeld=False)
    assert not wacht.ended
    assert "must first settle the consequences" in wacht.reden
    zonder = attrs.evolve(BEEINDIGING_REGELING, regeling_gevolgen_vereist=False)
    assert zonder.decide(verzoeken, JUNI, gevolgen_geregeld=False).ended


def test_requests_that_do_not_count_are_named_not_raised() -> None:
    verzoeken = [
        *schriftelijk(*PARTNERS[:3]),
        Opzegverzoek("mjd", JUNI.add(days=1), schriftelijk=True),  # repeated
        Opzegverzoek("Intraval", JUNI, schriftelijk=True),  # not a partner
        Opzegverzoek("Elker ", JUNI.subtract(days=3), schriftelijk=False),  # by telephone
        Opzegverzoek(PARTNERS[4], JUNI.add(days=10), schriftelijk=True),  # after the day
    ]
    besluit = BEEINDIGING_REGELING.decide(verzoeken, JUNI.add(days=2), gevolgen_geregeld=True)
    assert not besluit.ended
    assert {v.partner for v in besluit.geldige_verzoeken} == set(PARTNERS[:3])
    assert len(besluit.genegeerde_verzoeken) == 4
    assert "unknown partner 'Intraval'" in besluit.reden
    assert "repeated request from 'MJD'" in besluit.reden
    assert "request from 'Elker' not in writing" in besluit.reden
    assert "'Regiopolitie Groningen' dated after 2011-06-03" in besluit.reden


def test_writing_is_not_needed_where_the_rule_says_so() -> None:
    mondeling = Opzegregeling(1, ("A", "B"), schriftelijk=False)
    besluit = mondeling.decide([Opzegverzoek("A", JUNI, False)], JUNI, gevolgen_geregeld=True)
    assert besluit.ended
    assert besluit.reden.startswith("1 of 2 partners asked,")


def test_bad_termination_rules_are_refused_by_field() -> None:
    with pytest.raises(InvalidValueError, match="between 1 and 7") as info:
        Opzegregeling(8, PARTNERS)
    assert info.value.field == "Opzegregeling.minimum"
    with pytest.raises(InvalidValueError) as info:
        Opzegregeling(0, PARTNERS)
    assert info.value.field == "Opzegregeling.minimum"
    with pytest.raises(InvalidValueError, match="listed twice") as info:
        Opzegregeling(2, ("MJD", "Elker", " mjd"))
    assert info.value.field == "Opzegregeling.partners"


@given(
    n=st.integers(1, 7),
    data=st.data(),
    gevolgen_geregeld=st.booleans(),
)
def test_ended_iff_enough_distinct_written_requests_and_settled(
    n: int, data: st.DataObject, gevolgen_geregeld: bool
) -> None:
    partners = tuple(f"partner {chr(65 + i)}" for i in range(n))
    k = data.draw(st.integers(1, n))
    asking = data.draw(st.lists(st.sampled_from(partners), unique=True))
    noise = data.draw(st.lists(st.sampled_from([*partners, "outsider"])))
    verzoeken = schriftelijk(*asking) + schriftelijk(*noise)
    besluit = Opzegregeling(k, partners).decide(verzoeken, JUNI, gevolgen_geregeld)
    distinct = len(set(asking) | (set(noise) & set(partners)))
    assert len(besluit.geldige_verzoeken) == distinct
    assert besluit.ended == (distinct >= k and gevolgen_geregeld)
