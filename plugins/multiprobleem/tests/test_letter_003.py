"""Letter 003 (doorstart pilot multiprobleemgezinnen), statement by statement.

Every test cites the file and section it checks; the quotes of the plugin's
readings are checked against the letter the plugin ships.

The letter and its agreement, section by section, and where each statement is
answered through the public API (``test_`` names are in this module unless a
module is named; ``team`` is test_multiprobleem_team, and so on):

The letter
  Opening: the pilot started 1 April 2009, too few families were helped, a doorstart is needed:
    eligibility ``test_the_extended_pilot_runs_from_april_2009``
  "Achtergrond" (Inspectie 2004, Ketenprotocol 2006): history before the pilot; no rule, figure
    or decision of the doorstart, left as prose
  "Pilot multiprobleemgezinnen krachtwijken": two years from 1 April 2009 in the Korrewegwijk,
    de Hoogte and Tuinwijk, EUR 1,5 million: termination
    ``test_the_extended_pilot_shows_its_original_end``, funding
    ``test_the_pilots_1_5_million_is_not_counted_again``; stagnating inflow as the reason:
    ``test_the_goals_of_doel_and_what_is_measured`` (the inflow indicator)
  "Doorstart": the kernpartners, who bind themselves by signing: ``test_partners_a_to_g_sign``;
    a functional mandate agreement: mandate ``test_the_mandate_table_holds_every_row_of_section_9``;
    only with guaranteed inflow, a top 10 designated together: selection
    ``test_ten_families_designated_before_the_start_guarantee_the_inflow``,
    ``test_without_a_top_10_the_doorstart_does_not_start``,
    ``test_the_partners_select_together``; the "er op af" approach: a method, left as prose
  "Positie gemeente": final responsibility with the municipality: team
    ``test_the_municipality_holds_final_responsibility``; its own services:
    ``test_the_municipalitys_own_services``
  "Tenslotte": 15 months longer to 1 July 2012: termination
    ``test_the_extended_pilot_shows_its_original_end``; no longer strictly the krachtwijken:
    ``test_zo_nodig_is_a_decision_recorded_not_an_admission``; within the original budget, the
    co-funders consenting, the council ratifying, a proposal in March:
    ``test_the_council_ratifies_the_doorstart``; Intraval's evaluation early 2012 and the
    council informed: ``test_the_council_is_informed_of_the_results``, team
    ``test_intraval_evaluates_early_2012_and_a_conference_follows``; one family, one coach, one
    plan: team ``test_one_family_one_coach_one_plan``

The agreement
  Preamble: the doorstart from 1 January 2011 to 1 July 2012: termination
    ``test_the_doorstart_ends_on_1_july_2012``; the area:
    ``test_the_korrewegwijk_and_the_indische_buurt_are_one_area_each_explained``; only the
    families selected together: mandate ``test_a_non_selected_familys_advice_is_refused``,
    ``test_information_passes_freely_for_the_selected_families``; the team under the directeur
    B&U of OCSW: ``test_the_team_answers_to_the_directeur_bu``
  "DOEL": three or more problems: eligibility ``test_two_problems_are_not_a_multiprobleemgezin``;
    goals 1 to 5: ``test_the_goals_of_doel_and_what_is_measured``; partners A to G:
    ``test_partners_a_to_g_sign``
  "Begrippenlijst": selectieteam and stuurgroep: team ``test_the_team_roles``; GHP-bound budget
    without the coaches: funding ``test_the_projectleider_buys_per_family_but_never_the_coaches``;
    functional mandate as a dwingend advies: mandate
    ``test_the_institution_deviates_only_where_the_law_does_not_allow_the_decision``
  "1. Team gezinscoaches", "2. Positie teamleden": team ``test_the_team_roles``,
    ``test_the_team_answers_to_the_directeur_bu``
  "3. Aanwijzing teamleden": ``test_the_team_is_recruited_by_profile_and_selectieteam``
  "4. Taken van de gezinscoach": ``test_the_coachs_tasks_and_what_the_coach_replaces``
  "5. Taken van de projectleider", "6. Verantwoordelijkheden en bevoegdheden":
    ``test_the_projectleiders_tasks``; buying per family: funding
    ``test_the_projectleider_buys_per_family_but_never_the_coaches``
  "7. Toewijzing gezinnen": target group a, b, c: eligibility
    ``test_each_of_a_b_c_is_required``, ``test_any_one_of_the_five_signals_suffices``,
    ``test_any_one_coercive_instrument_suffices``; the area and "zo nodig":
    ``test_the_korrewegwijk_and_the_indische_buurt_are_one_area_each_explained``,
    ``test_zo_nodig_is_a_decision_recorded_not_an_admission``; 10 and at most 10 more, in total:
    ``test_twenty_families_in_total_not_twenty_at_once``,
    ``test_the_selection_refuses_the_eleventh_addition``; coach hours split per family: funding
    ``test_the_coach_hours_split_per_family``
  "8. Algemene afspraken": I, V, VI: ``test_contact_is_coordinated_with_the_project_first``;
    II: ``test_the_coachs_voice_leads``; III, IV: escalation
    ``test_level_iii_is_reached_at_once_and_escalates_at_once``,
    ``test_b_en_w_aligns_at_board_level_and_does_not_settle``; VII, VIII:
    ``test_information_passes_freely_for_the_selected_families``,
    ``test_free_exchange_for_the_top_ten_alone_is_a_parameter``
  "9. Functionele mandaten": mandate (every test there), budget objections:
    ``test_a_budget_objection_is_no_ground_to_deviate``
  "10. Gezins Herstel Plan als informatiebron": open to every partner: team
    ``test_the_plan_is_open_to_every_partner``; the mandates only for these families: mandate
    ``test_a_non_selected_familys_advice_is_refused``; the coercive situations agreed per
    family when the top 10 is set: ``test_coercion_is_agreed_per_family_when_the_top_10_is_set``
  "11. Methodiekontwikkeling": the praktijkbegeleider: team ``test_the_team_roles``; goals 4
    and 5: ``test_the_goals_of_doel_and_what_is_measured``
  "12. Financiën": the tests under that heading below
  "12. Beleidsadvies toekomst": team
    ``test_intraval_evaluates_early_2012_and_a_conference_follows``
  "13. Beëindiging": termination
    ``test_four_of_seven_written_requests_end_it_once_the_consequences_are_settled``
  Signatures: ``test_partners_a_to_g_sign``
"""

from __future__ import annotations

import attrs
import pendulum
import pytest
from sociaaldomein_multiprobleem import (
    BEKRACHTIGING,
    DOELSTELLINGEN,
    FUNCTIES,
    GEMEENTELIJKE_DIENSTEN,
    GEZINSCOACH_TAKEN,
    GEZINSCOACH_VERVANGT,
    GRONINGEN,
    INDICATOREN,
    INTRAVAL,
    ONDERTEKENAARS,
    PROJECT,
    PROJECTLEIDER_TAKEN,
    RAAD_GEINFORMEERD,
    REGIE,
    RESTANT,
    RESTANT_OP,
    SAMENWERKINGSPARTNERS,
    WERVING,
    Aanvulling,
    Dwangafspraak,
    MultiprobleemPilot,
    Samenwerkingspartner,
    Selectie,
    check_contact,
    example_families,
    informatie_toegestaan,
)
from sociaaldomein_multiprobleem.readings import READINGS

from sociaaldomein import (
    Citation,
    Cohort,
    Dwangmiddel,
    Financieringsmodel,
    Gemeente,
    InvalidValueError,
    Money,
    Outcome,
    Rol,
    readings_of,
)
from sociaaldomein.simulation import PilotDesign, Settings, simulate
from sociaaldomein.testing.checks import find_letter

LETTER = "003_720c15da674da257.txt"
START = pendulum.date(2011, 1, 1)


def letter_text() -> str:
    path = find_letter(LETTER, "sociaaldomein_multiprobleem")
    if path is None:
        pytest.skip(f"{LETTER} is not in the plugin's letters/ folder")
    return path.read_text(encoding="utf-8")


def funding(plugin: MultiprobleemPilot | None = None) -> Gemeente:
    return Gemeente("Groningen", plugins=[plugin or MultiprobleemPilot()])


def test_every_reading_quotes_the_letter_and_the_plugin_lists_it() -> None:
    """003_720c15da674da257.txt, "12. Financiën" and "7. Toewijzing gezinnen": each quote stands
    in the letter, in the section it cites."""
    text = letter_text()
    for reading in READINGS:
        assert reading.found_in(text), reading.quote
        assert reading.citation.letter == LETTER
    assert set(READINGS) <= set(readings_of(MultiprobleemPilot()))


# 12. Financiën ---------------------------------------------------------------


def test_the_money_left_on_1_april_2011_is_spent_from_that_day() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "De inschatting is dat op 1 april 2011 nog € 7,5
    ton zal resterend": nothing of it is spent in January to March 2011."""
    lines = funding().compiled("multiprobleem").funding
    assert {line.periode.start for line in lines if line.periode} == {RESTANT_OP}
    assert pendulum.date(2011, 4, 1) == RESTANT_OP
    per_year = funding().funding_overview().per_year()
    # 275 of the 457 days from 1 April 2011 to 1 July 2012 fall in 2011
    assert per_year == {2011: Money("451312.91"), 2012: Money("298687.09")}
    assert sum(per_year.values(), Money.zero()) == RESTANT


def test_a_budget_from_the_doorstarts_start_is_the_other_reading() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "Een ruwe begroting voor de doorstart tot 1
    januari 2011" read as a budget from the start: the spread from 1 January 2011."""
    other = MultiprobleemPilot(budget_vanaf=START)
    per_year = funding(other).funding_overview().per_year()
    assert per_year == {2011: Money("500457.04"), 2012: Money("249542.96")}


def test_a_budget_from_after_the_end_is_refused_with_its_field() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the money is spent within the doorstart."""
    with pytest.raises(InvalidValueError, match=r"budget_lines\.budget_vanaf"):
        MultiprobleemPilot(budget_vanaf=pendulum.date(2012, 7, 1))


def test_the_six_ton_runs_the_doorstart_and_the_rest_is_ghp_bound() -> None:
    """003_720c15da674da257.txt, "12. Financiën": "€ 6 ton nodig is voor de exploitatie"; "Er is
    dan nog voldoende budget over voor inzet van het GHP gebonden budget"."""
    per_model = funding().funding().per_model()
    assert per_model == {
        Financieringsmodel.PROJECTBUDGET: Money(600_000),
        Financieringsmodel.GHP_GEBONDEN: Money(150_000),
    }
    assert MultiprobleemPilot().cost_model().vast_per_maand == Money(40_000)


def test_a_simulation_from_1_april_2011_spends_the_money_only_from_then() -> None:
    """003_720c15da674da257.txt, "12. Financiën": the plan holds nothing before 1 April 2011."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"mpg-{i:02d}") for i in range(5))
    settings = Settings(START, months=18, referral_probability=1.0)
    results = simulate(funding(), cohort, settings, runs=1, seed=1)
    plan = results.series("plan_cents", "multiprobleem")[0]
    assert plan[:3].sum() == 0
    assert plan[3:].sum() == 75_000_000


# 7. Toewijzing gezinnen ------------------------------------------------------


def test_twenty_families_in_total_not_twenty_at_once() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "De gezinscoaches gaan werken met 10
    gezinnen" and "nog een selectie van maximaal 10 gezinnen": a total over the doorstart."""
    pilot = MultiprobleemPilot().pilot
    assert pilot.max_totaal == 20
    assert pilot.max_totaal_bron is not None
    assert pilot.max_totaal_bron.section == "7. Toewijzing gezinnen"
    assert pilot.capaciteit is None


def test_the_21st_family_is_told_the_total_is_reached() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": no family beyond the ten and ten."""
    compiled = funding().compiled("multiprobleem")
    _, gezin = example_families()[0]
    verdict = compiled.decide(gezin, pendulum.date(2011, 6, 1), occupancy=2, admitted_so_far=20)
    assert verdict.outcome is Outcome.WAITLIST
    assert "at most 20 in total" in verdict.notes[-1].text


def test_the_selection_refuses_the_eleventh_addition() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "maximaal 10" more during the pilot."""
    selectie = Selectie(MultiprobleemPilot().doorstart)
    top = [f"gezin-{i:02}" for i in range(10)]
    selectie = selectie.designate_top10(top, pendulum.date(2010, 12, 1), SAMENWERKINGSPARTNERS)
    for i in range(10):
        selectie = selectie.add(f"extra-{i}", pendulum.date(2011, 5, 1), SAMENWERKINGSPARTNERS)
    with pytest.raises(InvalidValueError, match="at most 10 families are added"):
        selectie.add("extra-10", pendulum.date(2011, 5, 2), SAMENWERKINGSPARTNERS)


def test_a_simulation_admits_twenty_in_all_though_families_leave() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": families that leave free no selection;
    the simulation stops intake at twenty."""
    _, gezin = example_families()[0]
    cohort = Cohort.from_gezinnen(attrs.evolve(gezin, id=f"mpg-{i:02d}") for i in range(40))
    settings = Settings(
        RESTANT_OP,
        months=15,
        referral_probability=1.0,
        default=PilotDesign(progress_probability=0.9),
    )
    results = simulate(funding(), cohort, settings, runs=2, seed=3)
    admitted = results.series("admitted", "multiprobleem").sum(axis=1)
    assert (admitted == 20).all()


def test_the_korrewegwijk_and_the_indische_buurt_are_one_area_each_explained() -> None:
    """003_720c15da674da257.txt, the agreement's preamble ("in de wijken de Hoogte, Korrewegwijk en
    Tuinwijk") and "7. Toewijzing gezinnen" ("woonachtig zijn in de Indische Buurt, de Hoogte of
    Tuinwijk"): both families meet the area condition under the defaults."""
    _, gezin = example_families()[0]
    compiled = funding().compiled("multiprobleem")
    for wijk, found in [
        ("Korrewegwijk", "Korrewegwijk"),
        ("Indische Buurt", "Indische Buurt lies in the Korrewegwijk"),
    ]:
        verdict = compiled.decide(attrs.evolve(gezin, wijk=wijk), pendulum.date(2011, 6, 1))
        assert verdict.eligible, wijk
        area = verdict.eligibility.find("a krachtwijk")
        assert area is not None
        assert area.passed
        assert area.observed == found
        assert area.source is not None
        assert area.source.section == "7. Toewijzing gezinnen"


def test_zo_nodig_is_a_decision_recorded_not_an_admission() -> None:
    """003_720c15da674da257.txt, "7. Toewijzing gezinnen": "zo nodig aangevuld met gezinnen uit
    Selwerd, Paddepoel of Beijum en verder"; the preamble spells "Beyum"."""
    _, gezin = example_families()[0]
    selwerd = attrs.evolve(gezin, wijk="Selwerd")
    on = pendulum.date(2011, 6, 1)
    assert not funding().compiled("multiprobleem").decide(selwerd, on).eligible
    besluit = Aanvulling(on.subtract(days=10), "the stuurgroep", Citation("besluit.txt", "1"))
    aangevuld = funding(MultiprobleemPilot(aanvulling=besluit)).compiled("multiprobleem")
    verdict = aangevuld.decide(selwerd, on)
    assert verdict.eligible
    cited = verdict.eligibility.find("zo nodig aangevuld")
    assert cited is not None
    assert cited.source == Citation("besluit.txt", "1")
    assert "the stuurgroep" in cited.text
    assert GRONINGEN.find("Beyum") == GRONINGEN.find("Beijum")
    assert "Beyum" in letter_text()


def in_letter(quote: str) -> bool:
    """Whether ``quote`` stands in the letter, whitespace folded."""
    return " ".join(quote.split()) in " ".join(letter_text().split())


def selectie_met_aanvulling() -> Selectie:
    selectie = Selectie(MultiprobleemPilot().doorstart)
    top = [f"gezin-{i:02}" for i in range(10)]
    selectie = selectie.designate_top10(top, pendulum.date(2010, 12, 1), SAMENWERKINGSPARTNERS)
    return selectie.add("extra-0", pendulum.date(2011, 5, 1), SAMENWERKINGSPARTNERS)


# the letter: "Positie gemeente" and "Tenslotte" ------------------------------


def test_the_municipalitys_own_services() -> None:
    """003_720c15da674da257.txt, "Positie gemeente": "hofleverancier van een aantal noodzakelijke
    diensten": werk en inkomen and schuldhulpverlening (Sozawe), leerplicht (OCSW), huiselijk
    geweld (BSD)."""
    assert {d.dienst: d.taak for d in GEMEENTELIJKE_DIENSTEN} == {
        "Sozawe": "werk en inkomen, schuldhulpverlening",
        "OCSW": "leerplicht",
        "BSD": "optreden bij huiselijk geweld",
    }
    assert all(d.bron.section == "Positie gemeente" for d in GEMEENTELIJKE_DIENSTEN)


def test_the_council_ratifies_the_doorstart() -> None:
    """003_720c15da674da257.txt, "Tenslotte": "Dit moet nog wel officieel door uw raad bekrachtigd
    worden omdat er sprake is van voorbeslag voor de middelen van 2011 en 2012"; "in maart een
    officieel voorstel"; "met instemming van de medefinanciers, nl. Rijk, corporaties en Provincie
    Groningen"."""
    assert BEKRACHTIGING.door == "gemeenteraad"
    assert BEKRACHTIGING.voorstel_in.start == pendulum.date(2011, 3, 1)
    assert BEKRACHTIGING.voorstel_in.end == pendulum.date(2011, 4, 1)
    assert BEKRACHTIGING.binnen_oorspronkelijk_budget
    assert BEKRACHTIGING.instemming_van == ("Rijk", "corporaties", "Provincie Groningen")
    assert in_letter(BEKRACHTIGING.bron.quote)
    # within the original budget: the doorstart's lines add up to the remainder, no more
    assert sum((r.bedrag for r in MultiprobleemPilot().budget_lines), Money.zero()) == RESTANT


def test_the_council_is_informed_of_the_results() -> None:
    """003_720c15da674da257.txt, "Tenslotte": "Begin 2012 zullen we op basis van de
    evaluatiegegevens van Intraval de resultaten beoordelen. Uiteraard zullen wij uw Raad daarover
    informeren"."""
    assert in_letter(RAAD_GEINFORMEERD.quote)
    plan = funding().compiled("multiprobleem").evaluation_plan
    assert plan is not None
    (intraval,) = [m for m in plan.momenten if m.naam == "evaluatie Intraval"]
    assert intraval.datum == pendulum.date(2012, 1, 1)


# the agreement: preamble, DOEL, sections 2 to 6 -----------------------------


def test_the_team_answers_to_the_directeur_bu() -> None:
    """003_720c15da674da257.txt, the agreement's preamble: "Het team van gezinscoaches en
    projectleider vallen gedurende de pilotperiode onder directe verantwoordelijkheid van de
    gemeente, in dit geval de directeur B&U van OCSW"; "2. Positie teamleden"."""
    leiding = {f.rol: f.leiding for f in FUNCTIES}
    assert leiding[Rol.PROJECTLEIDER] == "directeur B&U van OCSW"
    assert leiding[Rol.GEZINSCOACH] == "projectleider"
    assert leiding[Rol.GEDRAGSWETENSCHAPPER] == leiding[Rol.PRAKTIJKBEGELEIDER] == "projectleider"


def test_the_goals_of_doel_and_what_is_measured() -> None:
    """003_720c15da674da257.txt, "DOEL": goals 1 to 5, in the letter's words; the evaluation
    measures 1 to 3 and the inflow ("Pilot multiprobleemgezinnen krachtwijken": "dat de nieuwe
    instroom van gezinnen stagneerde")."""
    assert len(DOELSTELLINGEN) == 5
    assert all(in_letter(doel) for doel in DOELSTELLINGEN)
    assert [i.naam for i in INDICATOREN] == [
        "gezinnen in de aanpak",
        "veiligheid kinderen",
        "criminaliteit en overlast",
        "specialistische en geïndiceerde zorg",
    ]


def test_partners_a_to_g_sign() -> None:
    """003_720c15da674da257.txt, "DOEL" (partners A to G) and the signature block: who signs for
    each partner; "Doorstart": "De kernpartners zullen zich aan de nieuwe aanpak binden door het
    ondertekenen van deze overeenkomst"."""
    assert [p.letter for p in SAMENWERKINGSPARTNERS] == list("ABCDEFG")
    assert set(ONDERTEKENAARS) == set(SAMENWERKINGSPARTNERS)
    assert ONDERTEKENAARS[Samenwerkingspartner.GEMEENTE] == "namens B&W Groningen wethouder"
    assert ONDERTEKENAARS[Samenwerkingspartner.POLITIE] == "districtschef Groningen/Haren"
    assert all(in_letter(functie) for functie in ONDERTEKENAARS.values())
    assert [o.naam for o in MultiprobleemPilot().pilot.partners] == list(SAMENWERKINGSPARTNERS)


def test_the_team_is_recruited_by_profile_and_selectieteam() -> None:
    """003_720c15da674da257.txt, "3. Aanwijzing teamleden": the partners set the profile "aan de
    hand van een ontwerp dat wordt voorgelegd door de gemeente Groningen"; "Het selectieteam
    selecteert vervolgens de kandidaten"; "Bij onvoldoende geschikte kandidaten kan ook extern
    worden geworven"; "Bureau Jeugdzorg levert een gedragswetenschapper"."""
    assert WERVING.ontwerp_door is Samenwerkingspartner.GEMEENTE
    assert WERVING.selectie_door == "selectieteam"
    assert WERVING.extern_als == "onvoldoende geschikte kandidaten"
    assert WERVING.gedragswetenschapper_van is Samenwerkingspartner.BUREAU_JEUGDZORG
    assert in_letter(WERVING.bron.quote)


def test_the_coachs_tasks_and_what_the_coach_replaces() -> None:
    """003_720c15da674da257.txt, "4. Taken van de gezinscoach": seven tasks; "Zijn bemoeienis
    treedt in de plaats van de (overige) niet-specialistische hulpverlening"."""
    assert len(GEZINSCOACH_TAKEN) == 7
    assert all(in_letter(taak) for taak in GEZINSCOACH_TAKEN)
    assert in_letter(f"treedt in de plaats van {GEZINSCOACH_VERVANGT}")


def test_the_projectleiders_tasks() -> None:
    """003_720c15da674da257.txt, "5. Taken van de projectleider": he escalates to the college on
    his own and accounts for it afterwards; he *advises* on an uithuisplaatsing or a judicial
    measure."""
    assert all(in_letter(taak) for taak in PROJECTLEIDER_TAKEN)
    assert any(t.startswith("is zelfstandig bevoegd") for t in PROJECTLEIDER_TAKEN)
    assert any(t.startswith("adviseert het bevoegd gezag") for t in PROJECTLEIDER_TAKEN)
    assert not any(t.startswith("besluit") for t in PROJECTLEIDER_TAKEN)


# 8. Algemene afspraken: I, II, V to VIII -------------------------------------


def test_contact_is_coordinated_with_the_project_first() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken": "I. Elk contact met een van de 10 gezinnen
    vooraf is afgestemd met het project (gezinscoach of projectleider)"; V: statutory duties are
    the exception; VI: then the coach or projectleider is informed "zo spoedig mogelijk
    achteraf"."""
    assert REGIE.contact_vooraf_afgestemd_met == PROJECT == ("gezinscoach", "projectleider")
    afgestemd = check_contact(afgestemd=True)
    assert afgestemd.toegestaan
    assert afgestemd.achteraf_informeren == ()
    niet = check_contact(afgestemd=False)
    assert not niet.toegestaan
    assert niet.bron.quote == "I"
    wettelijk = check_contact(afgestemd=False, wettelijke_verplichting=True)
    assert wettelijk.toegestaan
    assert wettelijk.achteraf_informeren == PROJECT
    assert wettelijk.bron.quote == "VI"


def test_the_coachs_voice_leads() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken": "II. De stem van de gezinscoach is
    leidend in de beslissing wat er gebeurt"."""
    assert REGIE.leidende_stem == Rol.GEZINSCOACH.value
    assert REGIE.bron.section == "8. Algemene afspraken"


def test_information_passes_freely_for_the_selected_families() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" VII: "Alle informatie ten behoeve van de
    aanpak van deze top tien gezinnen kan vrijelijk tussen samenwerkingspartners enerzijds en
    gezinscoach anderzijds worden gewisseld"; VIII: the same for Intraval; the preamble: only the
    families "die gezamenlijk ... zijn geselecteerd"."""
    selectie = selectie_met_aanvulling()
    on = pendulum.date(2011, 6, 1)
    for wie in [Samenwerkingspartner.ELKER, "gezinscoach", INTRAVAL]:
        besluit = informatie_toegestaan(wie, "gezin-03", selectie, on)
        assert besluit.toegestaan, wie
    assert informatie_toegestaan(INTRAVAL, "gezin-03", selectie, on).bron.quote == "VIII"
    assert informatie_toegestaan("extra-0", "gezin-03", selectie, on).toegestaan is False
    buurman = informatie_toegestaan("een buurman", "gezin-03", selectie, on)
    assert not buurman.toegestaan
    assert "not a partner" in buurman.reden
    ander = informatie_toegestaan(Samenwerkingspartner.ELKER, "onbekend", selectie, on)
    assert not ander.toegestaan
    assert ander.bron.section == "10. Gezins Herstel Plan als informatiebron"
    # the added family is covered from its selection, and nothing after the agreement ends
    assert (
        informatie_toegestaan("MJD", "extra-0", selectie, pendulum.date(2011, 4, 30)).toegestaan
        is False
    )
    assert informatie_toegestaan("projectleider", "extra-0", selectie, on).toegestaan
    einde = pendulum.date(2012, 7, 1)
    assert not informatie_toegestaan("projectleider", "gezin-03", selectie, einde).toegestaan


def test_free_exchange_for_the_top_ten_alone_is_a_parameter() -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken" VII: "deze top tien gezinnen" read as the
    selected families (default), or with ook_aanvullingen=False as the ten alone."""
    selectie = selectie_met_aanvulling()
    on = pendulum.date(2011, 6, 1)
    smal = informatie_toegestaan("projectleider", "extra-0", selectie, on, ook_aanvullingen=False)
    assert not smal.toegestaan
    assert "ook_aanvullingen=False" in smal.reden
    assert informatie_toegestaan(
        "projectleider", "gezin-00", selectie, on, ook_aanvullingen=False
    ).toegestaan
    (reading,) = [r for r in READINGS if r.parameter.startswith("informatie_toegestaan")]
    assert reading.default == "True"
    assert reading.found_in(letter_text())


# 10. Gezins Herstel Plan als informatiebron -----------------------------------


def test_coercion_is_agreed_per_family_when_the_top_10_is_set() -> None:
    """003_720c15da674da257.txt, "10. Gezins Herstel Plan als informatiebron": "wordt bij het
    vaststellen van de top 10 per gezin al afgesproken welke dwangsituaties dit betreft en hoe de
    betreffende organisatie het werk van de gezinscoach vanaf het eerste moment kan
    ondersteunen"."""
    afspraak = Dwangafspraak(
        "gezin-01",
        Dwangmiddel.ONDERTOEZICHTSTELLING,
        Samenwerkingspartner.BUREAU_JEUGDZORG,
        "de jeugdbeschermer stemt elk besluit vooraf af met de gezinscoach",
    )
    leeg = Selectie(MultiprobleemPilot().doorstart)
    top = [f"gezin-{i:02}" for i in range(10)]
    december = pendulum.date(2010, 12, 1)
    selectie = leeg.designate_top10(top, december, SAMENWERKINGSPARTNERS, dwangafspraken=[afspraak])
    assert selectie.dwangafspraken("gezin-01") == (afspraak,)
    assert selectie.dwangafspraken("gezin-02") == ()
    buiten = attrs.evolve(afspraak, gezin_id="elders")
    with pytest.raises(InvalidValueError, match="not in this designation") as error:
        leeg.designate_top10(top, december, SAMENWERKINGSPARTNERS, dwangafspraken=[buiten])
    assert error.value.field == "Selectie.designate_top10.dwangafspraken"
    vreemd = attrs.evolve(afspraak, organisatie="een bewindvoerder")
    with pytest.raises(InvalidValueError, match="not a partner"):
        leeg.designate_top10(top, december, SAMENWERKINGSPARTNERS, dwangafspraken=[vreemd])
