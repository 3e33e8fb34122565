"""Letter 004 (Proeftuin Hoogkerk, 9-11-2016), statement by statement, against the plugin.

Each test names the section of 004_b7ccad7045cc3ba8.txt it checks; the answer
comes from the public API (a compiled pilot, a verdict, a value), not from prose.

The letter, section by section, and where each statement is answered
(``test_`` names are in this module unless another module is named):

Opening ("Geachte heer, mevrouw"; the paragraphs before the first heading)
  * started in October 2016: ``test_the_proeftuin_runs_october_2016_through_december_2017``
  * the council was told before, kenmerk 5291371: ``test_the_council_was_told_before``
  * eight small providers form BT Hoogkerk: ``test_eight_small_providers_form_bt_hoogkerk``;
    they are unnamed placeholders: test_hoogkerk_plugin
    ``test_eight_providers_clearly_marked_as_placeholders``
  * individuele begeleiding and dagbesteding for adults:
    ``test_the_offer_is_support_and_day_activities_for_adults``
  * youth questions in coherence with, within the regional inkoop jeugdhulp:
    ``test_specialist_youth_care_alone_is_not_bt_hoogkerks``,
    ``test_a_youth_care_need_needs_a_minor``,
    ``test_youth_questions_only_together_with_an_adults_need_is_a_parameter``
  * support from an algemene voorziening: ``test_an_algemene_voorziening_needs_no_indicatie``
  * status as of the letter: ``test_the_proeftuin_runs_october_2016_through_december_2017``

"Waarom de proeftuin"
  * the goal (quality, close by, lower cost): ``test_the_goal_is_quality_close_by_at_lower_cost``
  * runs up to and including December 2017:
    ``test_the_proeftuin_runs_october_2016_through_december_2017``,
    ``test_the_looptijd_is_the_only_end_rule``
  * quality by client and staff surveys, quantity by a business case:
    ``test_quality_by_two_surveys_and_quantity_by_a_business_case``
  * professionals decide at whom and when, no minimum or maximum from a beschikking, and
    so no capacity: ``test_the_professionals_decide_who_gets_how_much_when``
  * BT Hoogkerk and the WIJ-team are always present in the wijk:
    ``test_the_professionals_decide_who_gets_how_much_when``
  * informal facilities and maatschappelijke participatie "op termijn": left as prose, no
    rule or figure a user could ask about

"Achtergrond van deze beweging"
  * BT Hoogkerk is not part of WIJ Hoogkerk, but closely connected:
    ``test_an_algemene_voorziening_needs_no_indicatie``
  * residents of Hoogkerk whom the WIJ-team's analysis finds in need, no indicatie or
    zorgtoewijzing, referred by the WIJ-team: ``test_an_algemene_voorziening_needs_no_indicatie``,
    ``test_only_residents_of_hoogkerk_referred_by_the_wij_team``
  * the extent is set in conversation with BT Hoogkerk:
    ``test_the_professionals_decide_who_gets_how_much_when``
  * too complex: the regular process, maatwerkbeschikking or zorgtoewijzing, zorg in natura
    or PGB: ``test_a_complex_question_takes_the_regular_route``; found later by BT Hoogkerk:
    ``test_found_too_complex_later_the_trajectory_goes_the_regular_route``
  * a next step in the inkoopproces 2018, open to other parties:
    ``test_the_next_step_is_part_of_the_purchase_of_2018``
  * youth care deployed and accounted for within the RIGG:
    ``test_youth_care_is_accounted_for_within_the_rigg``

"Kosten"
  * financed by substitution, no amounts in the letter:
    ``test_financed_by_substitution_with_illustrative_figures``
  * the saving: less money or more residents for the same money: test_hoogkerk_funding
    ``test_the_saving_is_less_money_or_more_residents``
  * the saving is a condition: ``test_without_a_saving_the_condition_is_not_met``
  * experiences gathered "op verschillende momenten" from residents and BT Hoogkerk's members:
    ``test_experiences_are_asked_of_residents_and_the_team``
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pendulum
import pytest
from sociaaldomein_hoogkerk import (
    AANBIEDERS,
    BT_HOOGKERK,
    DOEL,
    DOEL_BRON,
    EERDERE_BRIEF,
    EINDEVALUATIE,
    INZET,
    KEUZE_LEVERINGSVORM,
    REGULIERE_ROUTE,
    TOEGANG,
    VERANTWOORDING_JEUGDHULP,
    VERVOLG,
    WIJ_HOOGKERK,
    HoogkerkPilot,
    check_saving,
)
from sociaaldomein_hoogkerk.readings import READINGS

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Leveringsvorm,
    Lid,
    LidRol,
    Money,
    Outcome,
    PilotStatus,
    PilotToestand,
    TrajectToestand,
    Verdict,
    Verwijzer,
    readings_of,
)

LETTER = Path(__file__).parents[1] / "src/sociaaldomein_hoogkerk/letters/004_b7ccad7045cc3ba8.txt"
MAART_2017 = pendulum.date(2017, 3, 1)
OUDER = Lid(LidRol.OUDER, pendulum.date(1980, 2, 2))
KIND = Lid(LidRol.KIND, pendulum.date(2010, 5, 5))


def verdict(
    *hulpvragen: Hulpvraag, kind: bool = True, plugin: HoogkerkPilot | None = None
) -> Verdict:
    gezin = Gezin(
        "hk-1",
        [OUDER, KIND] if kind else [OUDER],
        wijk="Hoogkerk",
        hulpvragen=hulpvragen,
        verwijzer=Verwijzer.GEMEENTE,
    )
    groningen = Gemeente("Groningen", plugins=[plugin or HoogkerkPilot()])
    return groningen.assess(gezin, MAART_2017)["hoogkerk"]


def test_every_reading_quotes_the_letter_verbatim() -> None:
    """004_b7ccad7045cc3ba8.txt, every section: each Reading's quote stands in the letter, under
    the section it cites."""
    text = LETTER.read_text(encoding="utf-8")
    readings = readings_of(HoogkerkPilot())
    assert readings == READINGS
    for reading in readings:
        assert reading.found_in(text), reading.quote
        assert reading.citation.letter == LETTER.name
        assert reading.citation.section in text


def test_eight_small_providers_form_bt_hoogkerk() -> None:
    """004, opening ("Geachte heer, mevrouw"): "een achttal kleine zorgaanbieders, onder de naam
    Begeleidingsteam Hoogkerk"."""
    assert len(HoogkerkPilot().pilot.partners) == 8 == len(AANBIEDERS)


@pytest.mark.parametrize("hulpvraag", [Hulpvraag.INDIVIDUELE_BEGELEIDING, Hulpvraag.DAGBESTEDING])
def test_the_offer_is_support_and_day_activities_for_adults(hulpvraag: Hulpvraag) -> None:
    """004, opening: "Het aanbod van BT Hoogkerk voorziet in individuele begeleiding en
    dagbesteding voor volwassenen"."""
    assert verdict(hulpvraag, kind=False).outcome is Outcome.ELIGIBLE


def test_specialist_youth_care_alone_is_not_bt_hoogkerks() -> None:
    """004, opening: youth questions "binnen de kaders van de regionale inkoop jeugdhulp";
    "Achtergrond van deze beweging": "binnen de kaders van de gezamenlijke inkoop jeugdhulp via de
    RIGG"."""
    v = verdict(Hulpvraag.JEUGDHULP_SPECIALISTISCH)
    assert v.outcome is Outcome.NOT_ELIGIBLE
    (failing,) = [c for c in v.eligibility.children if not c.passed]
    assert failing.text.startswith("the WIJ-team's analysis")
    both = verdict(Hulpvraag.JEUGDHULP_SPECIALISTISCH, Hulpvraag.INDIVIDUELE_BEGELEIDING)
    assert both.outcome is Outcome.ELIGIBLE  # the adult's support is BT Hoogkerk's


def test_a_youth_care_need_needs_a_minor() -> None:
    """004, opening: "ondersteuningsvragen rondom jeugd": a household without a minor that has a
    youth-care need is not eligible."""
    assert verdict(Hulpvraag.JEUGDHULP_BEGELEIDING).outcome is Outcome.ELIGIBLE
    assert verdict(Hulpvraag.JEUGDHULP_BEGELEIDING, kind=False).outcome is Outcome.NOT_ELIGIBLE
    assert verdict(Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING, kind=False).outcome is (
        Outcome.NOT_ELIGIBLE
    )


def test_youth_questions_only_together_with_an_adults_need_is_a_parameter() -> None:
    """004, opening: "in samenhang en binnen de kaders van de regionale inkoop jeugdhulp";
    jeugd_alleen_in_samenhang=True reads "in samenhang" as with an adult's need."""
    samen = HoogkerkPilot(jeugd_alleen_in_samenhang=True)
    assert verdict(Hulpvraag.JEUGDHULP_BEGELEIDING, plugin=samen).outcome is Outcome.NOT_ELIGIBLE
    met = verdict(Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.DAGBESTEDING, plugin=samen)
    assert met.outcome is Outcome.ELIGIBLE
    ruimer = HoogkerkPilot(hulpvragen=[Hulpvraag.JEUGDHULP_SPECIALISTISCH])
    assert verdict(Hulpvraag.JEUGDHULP_SPECIALISTISCH, plugin=ruimer).eligible


def test_the_proeftuin_runs_october_2016_through_december_2017() -> None:
    """004, opening: "In oktober is een start gemaakt"; "Waarom de proeftuin": "De proeftuin
    loopt tot en met december 2017"."""
    pilot = HoogkerkPilot().pilot
    assert pilot.looptijd.start == pendulum.date(2016, 10, 1)
    assert pilot.looptijd.eind == pendulum.date(2018, 1, 1)
    assert pilot.status is PilotStatus.ACTIVE  # as of the letter, 9-11-2016
    assert pilot.status_on(pendulum.date(2016, 9, 30)) is PilotStatus.PREPARING
    assert pilot.status_on(pendulum.date(2017, 12, 31)) is PilotStatus.ACTIVE
    assert pilot.status_on(pendulum.date(2018, 1, 1)) is PilotStatus.ENDED


def test_a_complex_question_takes_the_regular_route() -> None:
    """004, "Achtergrond van deze beweging": "treedt het 'reguliere proces' in werking" with "de
    keuze tussen zorg in natura of een persoonsgebonden budget"."""
    gezin = Gezin(
        "hk-2",
        [OUDER],
        wijk="Hoogkerk",
        hulpvragen=[Hulpvraag.DAGBESTEDING],
        verwijzer=Verwijzer.GEMEENTE,
        complexe_vraag=True,
    )
    v = Gemeente(plugins=[HoogkerkPilot()]).assess(gezin, MAART_2017)["hoogkerk"]
    assert v.outcome is Outcome.REGULAR_ROUTE
    assert v.to == REGULIERE_ROUTE


def test_financed_by_substitution_with_illustrative_figures() -> None:
    """004, "Kosten": "gefinancierd op basis van substitutie"; the letter gives no amounts, so
    the line is marked illustrative and the Reading an assumption."""
    (regel,) = Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk").funding
    assert regel.model.name == "SUBSTITUTIE"
    assert regel.illustratief
    assert any(r.assumption and r.citation.section == "Kosten" for r in READINGS)


def cited_in_letter(quote: str, section: str) -> bool:
    """Whether ``quote`` stands in the letter after ``section``'s heading (whitespace folded)."""
    text = " ".join(LETTER.read_text(encoding="utf-8").split())
    start = text.find(section)
    return start >= 0 and " ".join(quote.split()) in text[start:]


def test_the_council_was_told_before() -> None:
    """004, opening ("Geachte heer, mevrouw"): "in onze brief 'Doorkijk Vernieuwing Sociaal Domein
    2016-2017' (kenmerk: 5291371)"."""
    assert "5291371" in EERDERE_BRIEF.quote
    assert cited_in_letter(EERDERE_BRIEF.quote, EERDERE_BRIEF.section)


def test_an_algemene_voorziening_needs_no_indicatie() -> None:
    """004, "Achtergrond van deze beweging": "niet langer een indicatie of zorgtoewijzing nodig";
    "BT Hoogkerk maakt daarbij geen onderdeel uit van WIJ Hoogkerk ... maar staat wel in nauwe
    verbinding"; the WIJ-team analyses and refers."""
    assert TOEGANG.voorziening == "algemene voorziening"
    assert TOEGANG.indicatie_nodig is False
    assert TOEGANG.onderdeel_van_wij is False
    assert TOEGANG.analyse_door == TOEGANG.verwijst == WIJ_HOOGKERK.naam
    assert WIJ_HOOGKERK not in HoogkerkPilot().pilot.partners
    assert cited_in_letter(TOEGANG.bron.quote, TOEGANG.bron.section)
    # the verdict of an eligible resident needs no indicatie: the WIJ-team's referral is enough
    assert verdict(Hulpvraag.DAGBESTEDING, kind=False).eligible


def test_only_residents_of_hoogkerk_referred_by_the_wij_team() -> None:
    """004, "Achtergrond van deze beweging": "inwoners van Hoogkerk"; "Zij worden in principe door
    het WIJ-team verwezen naar het BT Hoogkerk"."""
    groningen = Gemeente(plugins=[HoogkerkPilot()])
    elders = Gezin(
        "hk-3",
        [OUDER],
        wijk="Vinkhuizen",
        hulpvragen=[Hulpvraag.DAGBESTEDING],
        verwijzer=Verwijzer.GEMEENTE,
    )
    assert groningen.assess(elders, MAART_2017)["hoogkerk"].outcome is Outcome.NOT_ELIGIBLE
    huisarts = Gezin(
        "hk-4",
        [OUDER],
        wijk="Hoogkerk",
        hulpvragen=[Hulpvraag.DAGBESTEDING],
        verwijzer=Verwijzer.HUISARTS,
    )
    assert groningen.assess(huisarts, MAART_2017)["hoogkerk"].outcome is Outcome.NOT_ELIGIBLE
    ruimer = Gemeente(plugins=[HoogkerkPilot(verwijzers=[Verwijzer.GEMEENTE, Verwijzer.HUISARTS])])
    assert ruimer.assess(huisarts, MAART_2017)["hoogkerk"].eligible


def test_the_goal_is_quality_close_by_at_lower_cost() -> None:
    """004, "Waarom de proeftuin": "kwalitatief goed ..., dichtbij de leefomgeving van de
    bewoners plaatsvindt, tegen lagere kosten"."""
    assert "lower cost" in DOEL
    assert DOEL_BRON.section == "Waarom de proeftuin"
    assert cited_in_letter(DOEL_BRON.quote, DOEL_BRON.section)


def test_the_looptijd_is_the_only_end_rule() -> None:
    """004, "Waarom de proeftuin": "De proeftuin loopt tot en met december 2017"; the letter
    names no other way for the proeftuin to end (no vote, no budget cap)."""
    compiled = Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk")
    (regel,) = compiled.pilot_termination
    assert type(regel).__name__ == "EindeLooptijd"
    assert not compiled.check_termination(PilotToestand(pendulum.date(2017, 12, 31))).ended
    assert compiled.check_termination(PilotToestand(pendulum.date(2018, 1, 1))).ended


def test_quality_by_two_surveys_and_quantity_by_a_business_case() -> None:
    """004, "Waarom de proeftuin": "via cliënt ervaringsonderzoeken en medewerker
    ervaringsonderzoeken" and "o.b.v. een financiële businesscase"."""
    plan = Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk").evaluation_plan
    assert plan is not None
    bronnen = {i.naam: i.bron.quote for i in plan.indicatoren if i.bron is not None}
    assert "ervaringsonderzoeken" in bronnen["clientervaring"]
    assert "ervaringsonderzoeken" in bronnen["medewerkerervaring"]
    assert "businesscase" in bronnen["bewoners"]


def test_the_professionals_decide_who_gets_how_much_when() -> None:
    """004, "Waarom de proeftuin": "De professionals in het BT Hoogkerk krijgen optimaal de ruimte
    om zelf te bepalen bij welke inwoner op welk moment inzet moet worden gepleegd. Zij zijn niet
    meer gebonden aan vooraf vastgelegde minimale of maximale inzet"; "Achtergrond van deze
    beweging": the extent is set in "het (vervolg)gesprek"."""
    assert INZET.beslist == "de professionals van BT Hoogkerk"
    assert INZET.minimum_of_maximum_uit_beschikking is False
    assert "(vervolg)gesprek" in INZET.omvang_bepaald_in
    assert INZET.continu_in_de_wijk == (BT_HOOGKERK, WIJ_HOOGKERK.naam)
    assert cited_in_letter(INZET.bron.quote, INZET.bron.section)
    # no capacity: the simulation never waitlists a resident for BT Hoogkerk
    assert Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk").pilot.capaciteit is None


def test_found_too_complex_later_the_trajectory_goes_the_regular_route() -> None:
    """004, "Achtergrond van deze beweging": "Indien het WIJ-team, of naderhand het BT Hoogkerk,
    constateert ..." the regular process starts, with "de keuze tussen zorg in natura of een
    persoonsgebonden budget"."""
    compiled = Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk")
    gezin = Gezin(
        "hk-5",
        [OUDER],
        wijk="Hoogkerk",
        hulpvragen=[Hulpvraag.INDIVIDUELE_BEGELEIDING],
        verwijzer=Verwijzer.GEMEENTE,
    )
    start = pendulum.date(2016, 11, 1)
    assert not compiled.check_trajectory(TrajectToestand(gezin, start, MAART_2017)).ended
    later = attrs.evolve(gezin, complexe_vraag=True)
    check = compiled.check_trajectory(TrajectToestand(later, start, MAART_2017))
    assert check.ended
    assert [e.to for e in check.by] == [REGULIERE_ROUTE]
    assert KEUZE_LEVERINGSVORM == (Leveringsvorm.ZORG_IN_NATURA, Leveringsvorm.PGB)


def test_the_next_step_is_part_of_the_purchase_of_2018() -> None:
    """004, "Achtergrond van deze beweging": "Een eventuele volgende stap naar meer wijken en/of
    algemene voorzieningen gaat onderdeel uitmaken van ons inkoopproces 2018, zodat ... ook andere
    partijen eventueel kunnen participeren"."""
    assert VERVOLG.waarin == "inkoopproces 2018"
    assert VERVOLG.andere_partijen
    assert cited_in_letter(VERVOLG.bron.quote, VERVOLG.bron.section)
    # the proeftuin itself is not extended by the letter: it ends before the purchase of 2018
    assert HoogkerkPilot().pilot.looptijd.eind == pendulum.date(2018, 1, 1)


def test_youth_care_is_accounted_for_within_the_rigg() -> None:
    """004, "Achtergrond van deze beweging": "De inzet en de verantwoording van de jeugdhulp moet
    plaatsvinden binnen de kaders van de gezamenlijke inkoop jeugdhulp via de RIGG"."""
    assert "RIGG" in VERANTWOORDING_JEUGDHULP.quote
    assert cited_in_letter(VERANTWOORDING_JEUGDHULP.quote, VERANTWOORDING_JEUGDHULP.section)


def test_without_a_saving_the_condition_is_not_met() -> None:
    """004, "Kosten": "Deze potentiële besparing is ... een belangrijke voorwaarde voor ons
    geweest om de proeftuin op te starten"."""
    duurder = HoogkerkPilot(
        counterfactual_per_resident=Money(5_000), actual_per_resident=Money(6_000)
    )
    resultaat = check_saving(
        duurder.evaluatieplan, duurder.business_case, pendulum.date(2017, 10, 1)
    )
    assert resultaat.voortzetten is False
    assert resultaat.moment == EINDEVALUATIE


def test_experiences_are_asked_of_residents_and_the_team() -> None:
    """004, "Kosten": "op verschillende momenten, bij zowel de betrokken wijkbewoners als bij de
    deelnemers aan het BT Hoogkerk, worden nagegaan welke ervaringen zij in dit kader opdoen"."""
    plan = Gemeente(plugins=[HoogkerkPilot()]).compiled("hoogkerk").evaluation_plan
    assert plan is not None
    assert len(plan.momenten) >= 2  # "op verschillende momenten"
    halverwege = plan.momenten[0]
    assert "residents" in halverwege.omschrijving
    assert "BT Hoogkerk" in halverwege.omschrijving
    assert halverwege.bron is not None
    assert halverwege.bron.section == "Kosten"
