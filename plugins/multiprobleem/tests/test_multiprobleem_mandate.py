"""The functional mandate: 003_720c15da674da257.txt, "9. Functionele mandaten" and "10."."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    SAMENWERKINGSPARTNERS,
    MultiprobleemPilot,
    Selectie,
    check_advice,
)
from sociaaldomein_multiprobleem.letter import LETTER

from sociaaldomein import Advies, AdviesStatus, Gemeente, Mandaat, Periode

MANDATEN = str(LETTER.cite("9. Functionele mandaten"))
ALLEEN_GESELECTEERD = str(LETTER.cite("10. Gezins Herstel Plan als informatiebron"))
MAART = pendulum.date(2011, 3, 1)

# The table of section 9, transcribed from the letter: leefgebied, instelling, number of
# bullets, and one bullet as the letter writes it.  Empty cells continue the row above.
TABEL = [
    ("werk en inkomen", "Gemeente Groningen (Sozawe)", 6, "Openen BBR"),
    ("werk en inkomen", "Gemeente Groningen (Sozawe- GKB)", 2, "Inzet budgetbeheer"),
    (
        "leerplicht",
        "Gemeente Groningen (leerplichtambtenaar - OCSW)",
        2,
        "voordragen sanctietraject",
    ),
    (
        "wonen",
        "woningcorporaties",
        5,
        "bij incasso gang naar deurwaarder stopzetten of uitstellen",
    ),
    ("Zorg/hulpverlening", "Bureau jeugdzorg", 10, "beslissingen jeugdreclasserder"),
    ("Zorg/hulpverlening", "Elker", 9, "opvang, observatie en oriëntatie"),
    ("Zorg/hulpverlening", "MJD", 2, "voordracht traject woonkans"),
    ("Zorg/hulpverlening", "Thuiszorg Groningen", 1, "voordracht intensieve huishoudelijke hulp"),
    (
        "Zorg/hulpverlening",
        "Gemeente (OCSW, coördinatiepunt nazorg ex-gedetineerden)",
        1,
        "voordracht casusbespreking en traject in kader recidivebeperking van ex-gedetineerden",
    ),
]
SAMENWERKING = [
    ("Politie/justitie/gedwongen kader", "politie", 2),
    ("Politie/justitie/gedwongen kader", "Burgemeester", 1),
]


def mandaat() -> Mandaat:
    found = Gemeente("Groningen", plugins=[MultiprobleemPilot()]).compiled("multiprobleem").mandate
    assert found is not None
    return found


def selectie() -> Selectie:
    """gezin-07 in the top 10; gezin-21 added on 1 June 2011."""
    top = [f"gezin-{i:02}" for i in range(1, 11)]
    doorstart = Periode(pendulum.date(2011, 1, 1), pendulum.date(2012, 7, 1))
    return (
        Selectie(doorstart)
        .designate_top10(top, pendulum.date(2010, 12, 1), SAMENWERKINGSPARTNERS)
        .add("gezin-21", pendulum.date(2011, 6, 1), SAMENWERKINGSPARTNERS)
    )


def advies(
    instelling: str, besluit: str, gezin_id: str = "gezin-07", on: pendulum.Date = MAART
) -> Advies:
    return Advies(gezin_id, instelling, besluit, on)


def test_the_mandate_table_holds_every_row_of_section_9() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": every leefgebied, instelling and
    decision."""
    rows = mandaat().table()
    assert [(r.leefgebied, r.instelling, len(r.besluiten)) for r in rows if r.mandaat] == [
        (leefgebied, instelling, n) for leefgebied, instelling, n, _ in TABEL
    ]
    assert [(r.leefgebied, r.instelling, len(r.besluiten)) for r in rows if not r.mandaat] == (
        SAMENWERKING
    )
    for _, instelling, _, besluit in TABEL:
        regel = mandaat().regel_for(instelling)
        assert regel is not None
        assert besluit in regel.besluiten
        assert regel.bron is not None
        assert str(regel.bron) == MANDATEN
    assert sum(len(r.besluiten) for r in rows if r.mandaat) == 38
    assert mandaat().leefgebieden() == (
        "werk en inkomen",
        "leerplicht",
        "wonen",
        "Zorg/hulpverlening",
    )


def test_an_advice_on_bijzondere_bijstand_binds_sozawe() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": Sozawe follows the coach "1 op 1" on
    "Toekenning bijzondere bijstand"."""
    oordeel = check_advice(
        advies("Gemeente Groningen (Sozawe)", "toekenning bijzondere bijstand"), selectie()
    )
    assert oordeel.status is AdviesStatus.BINDEND
    assert oordeel.binds
    assert MANDATEN in oordeel.reden
    assert "'Toekenning bijzondere bijstand'" in oordeel.reden


def test_an_advice_on_a_police_action_is_refused() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": police: "Geen functioneel mandaat,
    wel samenwerkingsafspraken"."""
    besluit = (
        "actie politie in het kader van (herhaling van) huiselijk geweld, actie tijdelijk "
        "huisverbod"
    )
    oordeel = check_advice(advies("politie", besluit), selectie())
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert "no mandate, only a cooperation agreement" in oordeel.reden
    burgemeester = check_advice(advies("Burgemeester", "tijdelijk huisverbod"), selectie())
    assert not burgemeester.binds


def test_a_decision_outside_an_institutions_row_is_refused() -> None:
    """Each institution is bound only on its own decisions: debt help is Sozawe-GKB's."""
    schuldhulp = "Inzet schuldhulpverlening"
    assert not check_advice(advies("Gemeente Groningen (Sozawe)", schuldhulp), selectie()).binds
    assert check_advice(advies("Gemeente Groningen (Sozawe- GKB)", schuldhulp), selectie()).binds


def test_a_non_selected_familys_advice_is_refused() -> None:
    """003_720c15da674da257.txt, "10. Gezins Herstel Plan als informatiebron": "De mandaten
    hebben slechts betrekking op deze gezinnen"."""
    oordeel = check_advice(advies("Elker", "speltherapie", gezin_id="gezin-99"), selectie())
    assert oordeel.status is AdviesStatus.GEWEIGERD
    assert "'gezin-99' is not selected" in oordeel.reden
    assert ALLEEN_GESELECTEERD in oordeel.reden


def test_an_added_family_is_covered_from_the_day_it_is_selected() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": families added during the pilot are
    selected families."""
    before = advies("MJD", "voordracht traject woonkans", "gezin-21", pendulum.date(2011, 5, 31))
    on = advies("MJD", "voordracht traject woonkans", "gezin-21", pendulum.date(2011, 6, 1))
    assert not check_advice(before, selectie()).binds
    assert check_advice(on, selectie()).binds


def test_no_mandate_after_the_agreement_ends() -> None:
    """003_720c15da674da257.txt, "DOEL": the partners bind themselves "voor de periode van de
    pilot"."""
    after = advies("Elker", "speltherapie", on=pendulum.date(2012, 7, 1))
    assert not check_advice(after, selectie()).binds


def test_the_institution_deviates_only_where_the_law_does_not_allow_the_decision() -> None:
    """003_720c15da674da257.txt, "Begrippenlijst", Functioneel mandaat: "alleen in situaties
    waarin de wet dit besluit niet toelaat mag worden afgeweken van dit advies"."""
    grond = "Jeugdwet: the rechter decides on a machtiging uithuisplaatsing"
    niet_toegestaan = Advies(
        "gezin-07",
        "Bureau jeugdzorg",
        "machtiging uithuisplaatsing",
        MAART,
        wettelijk_toegestaan=False,
        wettelijke_grond=grond,
    )
    oordeel = check_advice(niet_toegestaan, selectie())
    assert oordeel.status is AdviesStatus.AFWIJKING_WETTELIJK
    assert oordeel.afwijking_grond == grond


@pytest.mark.parametrize("grond", ["geen budget", "Budgettaire bezwaren", "onvoldoende middelen"])
def test_a_budget_objection_is_no_ground_to_deviate(grond: str) -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": "Budgettaire bezwaren kunnen worden
    opgevangen met gebruik van het GHP gebonden budget": the advice binds all the same."""
    geen_budget = Advies(
        "gezin-07",
        "Gemeente Groningen (Sozawe)",
        "Toekenning bijzondere bijstand",
        MAART,
        wettelijk_toegestaan=False,
        wettelijke_grond=grond,
    )
    oordeel = check_advice(geen_budget, selectie())
    assert oordeel.status is AdviesStatus.BINDEND
    assert oordeel.binds
    assert oordeel.afwijking_grond is None
    assert oordeel.afgewezen_grond == grond
    assert "het GHP gebonden budget absorbs it" in oordeel.reden
    assert MANDATEN in oordeel.reden
    assert oordeel.bron is not None
    assert "GHP gebonden budget" in oordeel.bron.quote


def test_the_compiled_mandate_absorbs_budget_objections() -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": the mandate the composition holds
    says where budget objections go."""
    opvang = mandaat().budgetopvang
    assert opvang is not None
    assert opvang.budget == "het GHP gebonden budget"
    assert not opvang.is_budgettair("WWB art. 35: the costs fall within the draagkracht")


@pytest.mark.parametrize(("leefgebied", "instelling", "n", "besluit"), TABEL)
def test_every_row_binds_for_a_selected_family(
    leefgebied: str, instelling: str, n: int, besluit: str
) -> None:
    """003_720c15da674da257.txt, "9. Functionele mandaten": every institution follows the coach
    on its own decisions."""
    oordeel = check_advice(advies(instelling, besluit), selectie())
    assert oordeel.binds
    assert leefgebied in oordeel.reden
