"""Letter 002 (SAMEN., 7-9-2022), section by section, statement by statement, against the plugin.

Each test names the section of 002_3dca2c59337eb1a8.txt it checks; the answer
comes from the public API (a compiled pilot, a verdict, a value), not from prose.
Each statement below names the test that answers it (``<module>::<test>``; a
bare name is in this module).

Opening paragraphs (no heading; cited as "inleiding")
  * the council's motions of 22 December 2021 (consultation, Kinderrechtentoets, BMC):
    history, nothing to decide; left as prose.
  * the college set the plan and the frame on 6 September, subject to the council's wensen
    en bedenkingen, before the transfer starts -> ``test_who_decides_what``
"Welke stukken leggen wij nu aan u voor"
  * a pre-investment, an incidental transition budget, earned back by savings (business
    case) -> test_samen_funding::
    ``test_pre_investment_before_the_start_and_transition_budget_over_the_transition``,
    ``test_the_business_case_earns_the_incidental_costs_back``,
    ``test_without_savings_the_costs_are_never_earned_back``
  * the advice of the ASDG: an enclosure, not a rule; left as prose.
"Het grote kader: de transformatie van de jeugdhulp"
  * zo licht als mogelijk, zo zwaar als nodig -> ``test_as_heavy_as_necessary_comes_first``,
    test_samen_scope::``test_the_specialist_route_comes_before_the_phasing``
"Wat levert deze beweging op voor kinderen en gezinnen in onze gemeente"
  * sooner help, shorter waits, fewer professionals; op- en afschalen -> the indicators in
    test_samen_governance::``test_evaluated_at_full_operation_and_before_the_end_of_the_separate_assignment``,
    ``test_a_trajectory_is_scaled_up_to_specialist_care``
"Wat verstaan we onder de taak SAMEN. bij WIJ Groningen"
  * begeleiding and lichte behandeling, delivered by WIJ itself, no referral ->
    test_samen_scope::``test_basic_youth_care_is_delivered_by_wij``
  * for jeugdigen with a youth-care question; WIJ is already the access ->
    test_samen_scope::``test_without_a_jeugdige_the_family_is_not_eligible``,
    ``test_without_a_youth_care_need_the_family_is_not_eligible``;
    a family without a referrer: ``test_a_family_without_a_referrer_is_wijs_own_by_default``
"Hoe wordt de taak SAMEN. gefinancierd?"
  * a lumpsum subsidy equal to indicated care; an implementation budget -> test_samen_funding::
    ``test_the_lumpsum_equals_what_indicated_care_would_have_cost``, test_samen_costs (all);
    no amounts in the letter: ``test_every_reading_quotes_the_letter_verbatim`` (assumption)
  * the council gets a raadsvoorstel for it -> ``test_who_decides_what``
"Gezamenlijk proces, veranderstrategie en aansturing"
  * opdrachtgever and opdrachtnemer, joint owners -> test_samen_governance::
    ``test_the_municipality_commissions_and_wij_carries_out``, ``test_who_decides_what``
  * start small on 1 January 2023 -> ``test_samen_starts_on_1_january_2023``
  * phased intake per referrer; speed up or slow down ->
    ``test_the_phasing_dates_between_start_and_end_2024_are_marked_as_assumed``,
    test_samen_phasing (all)
  * the Open House at least 2.5 years -> ``test_the_open_house_is_a_minimum_not_an_end``,
    test_samen_safety_net (all)
  * a learning system with outside expertise -> ``test_a_learning_system_is_part_of_the_plan``
"De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld"
  * a separate assignment for the first years, then evaluated ->
    ``test_the_end_is_the_librarys_assumption_and_a_parameter``,
    ``test_the_evaluation_dates_are_the_librarys``
  * specialist youth care stays (supra)regionally purchased -> test_samen_scope::
    ``test_a_specialist_need_is_routed_out``
  * motion 8: the council informed about specialist care "medio 2023": not about SAMEN.'s
    rules; left as prose.
"Afsluitend"
  * fully operational by the end of 2024 -> test_samen_phasing::
    ``test_the_default_plan_is_complete_by_the_end_of_2024``
"""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
from sociaaldomein_samen import (
    DECISIONS,
    DEFAULT_PHASING,
    OPEN_HOUSE,
    SPECIALISTISCH,
    START,
    SamenPilot,
    default_moments,
)
from sociaaldomein_samen.phasing import ASSUMED
from sociaaldomein_samen.readings import READINGS

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Outcome,
    PilotStatus,
    Verwijzer,
    readings_of,
)

LETTER = Path(__file__).parents[1] / "src/sociaaldomein_samen/letters/002_3dca2c59337eb1a8.txt"
PROCES = "Gezamenlijk proces, veranderstrategie en aansturing"
GROTE_KADER_SECTION = "Het grote kader: de transformatie van de jeugdhulp"


def test_every_reading_quotes_the_letter_verbatim() -> None:
    """002_3dca2c59337eb1a8.txt, every section: each Reading's quote stands in the letter, and
    its section heading too."""
    text = LETTER.read_text(encoding="utf-8")
    readings = readings_of(SamenPilot())
    assert readings == READINGS
    for reading in readings:
        assert reading.found_in(text), reading.quote
        assert reading.citation.letter == LETTER.name
        assert reading.citation.section in text


def test_samen_starts_on_1_january_2023() -> None:
    """002, "Gezamenlijk proces, veranderstrategie en aansturing": "We beginnen klein, met
    ingang van 1 januari 2023"."""
    pilot = SamenPilot().pilot
    assert pilot.looptijd.start == pendulum.date(2023, 1, 1)
    assert pilot.status_on(pendulum.date(2022, 12, 31)) is PilotStatus.PREPARING
    assert pilot.status_on(pendulum.date(2023, 1, 1)) is PilotStatus.ACTIVE


def test_the_end_is_the_librarys_assumption_and_a_parameter() -> None:
    """002, "De taak SAMEN, in relatie tot WIJ Groningen en het regionale jeugdhulpveld": "De
    eerste jaren is SAMEN, een aparte opdracht, daarna evalueren we": no end in the letter."""
    (end,) = [r for r in READINGS if r.parameter == "end"]
    assert end.assumption
    assert end.default == "2026-01-01"
    assert SamenPilot().pilot.looptijd.eind == pendulum.date(2026, 1, 1)
    langer = SamenPilot(end=pendulum.date(2028, 1, 1))
    assert langer.pilot.status_on(pendulum.date(2027, 6, 1)) is PilotStatus.ACTIVE


def test_the_open_house_is_a_minimum_not_an_end() -> None:
    """002, "Gezamenlijk proces, ...": "Als vangnet houden we de Open House nog tenminste 2,5
    jaar na de start van SAMEN, in stand"."""
    plugin = SamenPilot()
    assert plugin.open_house_in_force(pendulum.date(2025, 6, 30))
    assert plugin.open_house_in_force(pendulum.date(2025, 7, 1))
    assert SamenPilot(open_house_until=pendulum.date(2026, 1, 1)).open_house_in_force(
        pendulum.date(2025, 12, 31)
    )


def test_the_phasing_dates_between_start_and_end_2024_are_marked_as_assumed() -> None:
    """002, "Gezamenlijk proces, ...": "gefaseerd nieuwe instroom van verschillende verwijzers";
    "Afsluitend": "tot eind 2024": the dates between are the library's, and say so."""
    (phasing,) = [r for r in READINGS if r.parameter == "phasing"]
    assert phasing.assumption
    routes = Gemeente(plugins=[SamenPilot()]).compiled("samen").routes
    assert "the library's, an assumption" in routes[-1].when.text()
    assert "assumption" in ASSUMED
    assert max(DEFAULT_PHASING.values()) < pendulum.date(2025, 1, 1)
    own = Gemeente(plugins=[SamenPilot(phasing={"GEMEENTE": pendulum.date(2023, 1, 1)})])
    assert "the municipality's" in own.compiled("samen").routes[-1].when.text()


def family(*needs: Hulpvraag, verwijzer: Verwijzer | None = None) -> Gezin:
    return Gezin(
        "samen-002",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1984, 1, 1)),
            Lid(LidRol.KIND, pendulum.date(2014, 5, 1)),
        ],
        hulpvragen=needs,
        verwijzer=verwijzer,
    )


def test_who_decides_what() -> None:
    """002, opening paragraphs: "Wij hebben op 6 september het Implementatieplan en de kaders
    ... vastgesteld onder voorbehoud van eventuele wensen en bedenkingen vanuit uw raad"; "Hoe
    wordt de taak SAMEN. gefinancierd?": "Hiervoor wordt u een raadsvoorstel voorgelegd";
    "Gezamenlijk proces, ...": "gezamenlijk eigenaar van het implementatieproces"."""
    text = " ".join(LETTER.read_text(encoding="utf-8").split())
    assert all(" ".join(d.bron.quote.split()) in text for d in DECISIONS)
    college, wensen, voorfinanciering, samen = DECISIONS
    assert college.wie.startswith("college")
    assert college.datum == pendulum.date(2022, 9, 6)
    assert "wensen en bedenkingen" in college.wat
    assert wensen.wie == voorfinanciering.wie == "gemeenteraad"
    assert "voorfinanciering" in voorfinanciering.wat
    assert voorfinanciering.bron.section == "Hoe wordt de taak SAMEN. gefinancierd?"
    assert "WIJ Groningen" in samen.wie
    assert samen.bron.section == PROCES
    # Every decision of the letter falls before SAMEN. starts.
    assert college.datum is not None
    assert college.datum < START


def test_a_family_without_a_referrer_is_wijs_own_by_default() -> None:
    """002, "Wat verstaan we onder de taak SAMEN. bij WIJ Groningen": "WIJ Groningen biedt op
    dit moment al toegang tot de jeugdhulp": the reading, its parameter and its default."""
    (reading,) = [r for r in READINGS if r.parameter == "unknown_referrer_as"]
    assert reading.default == "Verwijzer.GEMEENTE"
    plugin = SamenPilot()
    assert plugin.unknown_referrer_as is Verwijzer.GEMEENTE
    assert plugin.phase_in_date(None) == START
    on = pendulum.date(2023, 3, 1)
    basic = family(Hulpvraag.JEUGDHULP_BEGELEIDING)
    verdict = Gemeente(plugins=[plugin]).assess(basic, on)["samen"]
    assert verdict.outcome is Outcome.ELIGIBLE
    other = Gemeente(plugins=[SamenPilot(unknown_referrer_as=None)]).assess(basic, on)["samen"]
    assert other.outcome is Outcome.REGULAR_ROUTE
    assert other.to == OPEN_HOUSE


def test_as_heavy_as_necessary_comes_first() -> None:
    """002, "Het grote kader: de transformatie van de jeugdhulp": "Uitgangspunt is zo licht als
    mogelijk en zo zwaar en intensief als nodig": a specialist need is routed out even for a
    referrer that is not phased in yet."""
    (reading,) = [r for r in READINGS if r.citation.section == GROTE_KADER_SECTION]
    assert reading.parameter == ""
    huisarts = family(
        Hulpvraag.JEUGDHULP_BEGELEIDING,
        Hulpvraag.JEUGDHULP_SPECIALISTISCH,
        verwijzer=Verwijzer.HUISARTS,
    )
    verdict = Gemeente(plugins=[SamenPilot()]).assess(huisarts, pendulum.date(2023, 3, 1))
    assert verdict["samen"].outcome is Outcome.REFERRED
    assert verdict["samen"].to == SPECIALISTISCH


def test_the_evaluation_dates_are_the_librarys() -> None:
    """002, "De taak SAMEN, in relatie tot ...": "daarna evalueren we en beoordelen we of het
    onderdeel van de brede opdracht kan worden": no dates in the letter, an assumption."""
    (reading,) = [r for r in READINGS if r.parameter == "evaluation_moments"]
    assert reading.assumption
    assert SamenPilot().evaluation_moments == default_moments()


def test_a_learning_system_is_part_of_the_plan() -> None:
    """002, "Gezamenlijk proces, ...": "We organiseren daarbij een lerend systeem waarbij we ook
    externe deskundigheid betrekken"."""
    plan = Gemeente(plugins=[SamenPilot()]).compiled("samen").evaluation_plan
    assert plan is not None
    assert "learning system with outside expertise" in plan.omschrijving


def test_every_test_the_section_map_names_exists() -> None:
    """The section map at the top of this module names, for every statement of the letter, the
    test that answers it: each named test is defined in this plugin's tests."""
    here = Path(__file__)
    named = set(re.findall(r"``(test_\w+)``", __doc__ or ""))
    defined: set[str] = set()
    for module in here.parent.glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)", module.read_text(encoding="utf-8"), re.M))
    assert len(named) > 20
    assert named <= defined, sorted(named - defined)
