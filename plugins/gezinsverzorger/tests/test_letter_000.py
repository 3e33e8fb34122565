"""Letter 000 (pilot gezinsverzorger, 15-9-2021), section by section, statement by statement.

Every test cites the file and section it checks; each statement below names the
test that answers it through the public API (``tests/<module>::<test>``; a bare
name is in this module).  000_6fd8bb18cab06410.txt:

Opening paragraphs (no heading)
  * who proposed the two-year pilot: 100% Groningen, GroenLinks, SP, PvdA ->
    ``test_the_initiatiefnemers_are_the_four_parties``
  * Humanitas and the MJD are involved -> test_gezinsverzorger_staffing::
    ``test_the_partners_are_the_ones_the_letter_names``
"Initiatiefvoorstel"
  * volunteers cannot do the gezinsverzorger's work -> test_gezinsverzorger_staffing::
    ``test_a_volunteer_never_counts_as_gezinsverzorger``
  * coach strengthens the regie, temporarily; gezinsverzorger takes over the household ->
    test_gezinsverzorger_routing (all), test_gezinsverzorger_eligibility::
    ``test_without_a_household_to_take_over_the_family_is_not_eligible``
  * the choice depends on the inschatting of zelfredzaamheid, now or achievable ->
    test_gezinsverzorger_routing, ``test_a_recent_zrm_sends_the_family_to_a_gezinscoach``,
    ``test_a_years_old_zrm_is_not_used_and_the_verdict_says_so`` and the tests after it;
    which ZRM domains: ``test_every_open_point_is_a_reading_with_its_parameter``
  * the delay (corona, waiting lists first): history, nothing to decide; left as prose.
"Start pilot in relatie tot de inkoop"
  * WIJ may start recruiting at once; no date given: the looptijd is derived ->
    ``test_the_two_years_are_derived_from_the_yearly_amounts``
  * experiences feed the inkoop jeugdhulp: an intention, no rule; left as prose.
"Bemensing pilot"
  * at least 2 fte, one MBO and one HBO, employed by WIJ -> test_gezinsverzorger_staffing::
    ``test_the_letters_staff_meets_the_letter`` and
    ``test_staffing_that_falls_short_is_reported_with_its_section``; which position is HBO:
    ``test_every_open_point_is_a_reading_with_its_parameter``
  * for families where a parent has chronic or structural problems ->
    test_gezinsverzorger_eligibility::``test_without_a_chronic_parent_the_family_is_not_eligible``
  * practice shows whether level or competences decide -> the indicator
    ``test_the_letter_wants_to_learn_whether_level_or_competences_decide``
"Aantal gezinnen"
  * at most 8 to 10 families together -> test_gezinsverzorger_staffing::
    ``test_an_eleventh_family_is_eligible_but_waitlisted``,
    ``test_the_lower_reading_of_8_families_is_a_parameter``
"Aansturing"
  * steered by the WIJ manager of the stedelijke teams, who also steers the coaches ->
    test_gezinsverzorger_staffing::``test_steering_lies_with_the_wij_manager_who_also_steers_the_coaches``
  * cooperation with the gezinscoaches on step-down -> test_gezinsverzorger_governance::
    ``test_a_trajectory_ends_in_step_down_to_a_gezinscoach``
"Monitoring"
  * joins the regional monitoring -> test_gezinsverzorger_governance::
    ``test_the_pilot_joins_the_regional_monitoring_with_cited_indicators``
"Inzet vrijwilligers"
  * investigated, year two, with Humanitas -> test_gezinsverzorger_staffing::
    ``test_volunteers_are_off_by_default``,
    ``test_a_humanitas_volunteer_joins_from_the_second_year_when_allowed``
  * the council is informed if there are chances -> ``test_the_council_is_informed_four_times``
  * the Westerkwartier findings are taken along: another municipality's pilot; left as prose.
"Kosten pilot"
  * EUR 336.000 in all; 42.000 / 168.000 / 126.000 a year; from the youth-care budget ->
    test_gezinsverzorger_funding::``test_the_funding_overview_2021_2023_adds_up_to_336000``,
    ``test_the_yearly_lines_are_the_only_lines_and_cite_the_letter``
  * staff costs B EUR 182.000, C EUR 154.000 are the same money -> test_gezinsverzorger_funding::
    ``test_staff_costs_are_the_same_money_and_not_extra_funding``
  * savings expected in 2022 and 2023, none in 2021 ->
    ``test_savings_are_expected_in_2022_and_2023_not_in_2021``
  * the quote on the transformation goals of the Jeugdwet: an opinion; left as prose.
  * the council is kept informed; halfway a tussenevaluatie; before the end a proposal ->
    test_gezinsverzorger_governance::``test_the_pilot_is_evaluated_halfway_and_before_the_end``,
    ``test_the_council_is_informed_four_times``
  * the pilot ends after two years -> test_gezinsverzorger_governance::
    ``test_the_pilot_ends_after_its_two_years``
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pendulum
import pytest
from sociaaldomein_gezinsverzorger import (
    COUNCIL_INFORMED,
    GEZINSCOACH,
    HOUSEHOLD_DOMAINS,
    INITIATIEFNEMERS,
    LETTER_STAFF,
    SAVINGS_EXPECTED_IN,
    YEARLY,
    GezinsverzorgerPilot,
)
from sociaaldomein_gezinsverzorger.readings import READINGS

from sociaaldomein import (
    Cohort,
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Opleidingsniveau,
    Outcome,
    Verdict,
    ZrmMeting,
    ZrmScores,
    readings_of,
)
from sociaaldomein.domain.compiled import OUTCOME_CODES
from sociaaldomein.testing.checks import find_letter

LETTER = "000_6fd8bb18cab06410.txt"
ON = pendulum.date(2022, 6, 1)


def gezin(taken: pendulum.Date, gid: str = "gv-zrm") -> Gezin:
    """A family whose ZRM, taken on ``taken``, shows level 3 on every household domain."""
    scores = ZrmScores.of(dict.fromkeys(HOUSEHOLD_DOMAINS, 3))
    return Gezin(
        gid,
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1985, 5, 1), chronische_problematiek=True),
            Lid(LidRol.KIND, pendulum.date(2016, 3, 1)),
        ],
        hulpvragen=[Hulpvraag.OVERNAME_HUISHOUDEN],
        zrm=ZrmMeting(taken, scores),
    )


def decide(family: Gezin, plugin: GezinsverzorgerPilot | None = None) -> Verdict:
    return Gemeente(plugins=[plugin or GezinsverzorgerPilot()]).assess(family, ON)[
        "gezinsverzorger"
    ]


def test_every_reading_quotes_the_letter_and_the_plugin_lists_it() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the quotes stand in the letter."""
    path = find_letter(LETTER, "sociaaldomein_gezinsverzorger")
    if path is None:
        pytest.skip(f"{LETTER} is not in the plugin's letters/ folder")
    text = path.read_text(encoding="utf-8")
    assert all(r.found_in(text) for r in READINGS)
    assert set(READINGS) <= set(readings_of(GezinsverzorgerPilot()))


def test_a_recent_zrm_sends_the_family_to_a_gezinscoach() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the choice depends on the inschatting of
    the family's zelfredzaamheid."""
    verdict = decide(gezin(pendulum.date(2022, 5, 20)))
    assert verdict.outcome is Outcome.REFERRED
    assert verdict.to == GEZINSCOACH


def test_a_years_old_zrm_is_not_used_and_the_verdict_says_so() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the inschatting is a current one; ZRM
    information older than 30 days is not used (ZRM_MAX_AGE_DAYS)."""
    verdict = decide(gezin(pendulum.date(2021, 2, 15)))
    assert verdict.outcome is Outcome.ELIGIBLE
    assert verdict.to is None
    text = verdict.render()
    assert "ZRM of 2021-02-15 is older than 30 days" in text


def test_thirty_days_is_still_recent_thirty_one_is_not() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": the boundary of ZRM_MAX_AGE_DAYS."""
    assert decide(gezin(ON.subtract(days=30))).outcome is Outcome.REFERRED
    assert decide(gezin(ON.subtract(days=31))).outcome is Outcome.ELIGIBLE


def test_an_old_zrm_also_fails_require_zrm_with_its_date() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": with require_zrm=True an old assessment
    makes the family not eligible, and the reason names the ZRM's date."""
    verdict = decide(gezin(pendulum.date(2021, 2, 15)), GezinsverzorgerPilot(require_zrm=True))
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    assert "ZRM of 2021-02-15 is older than 30 days" in verdict.render()


def test_the_age_of_the_zrm_vectorises_as_the_verdicts_decide() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel": a cohort gets the verdicts' outcomes."""
    families = [gezin(ON.subtract(days=d), f"gv-{d}") for d in (0, 10, 30, 31, 400, 900)]
    compiled = Gemeente(plugins=[GezinsverzorgerPilot()]).compiled("gezinsverzorger")
    codes = compiled.outcomes(Cohort.from_gezinnen(families), ON)
    expected = [OUTCOME_CODES[compiled.decide(g, ON).outcome] for g in families]
    assert np.array_equal(codes, np.asarray(expected, dtype=np.int8))
    assert [compiled.decide(g, ON).outcome is Outcome.REFERRED for g in families] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def letter_text() -> str:
    path = find_letter(LETTER, "sociaaldomein_gezinsverzorger")
    if path is None:
        pytest.skip(f"{LETTER} is not in the plugin's letters/ folder")
    return path.read_text(encoding="utf-8")


def test_the_initiatiefnemers_are_the_four_parties() -> None:
    """000_6fd8bb18cab06410.txt, opening paragraphs: "een 2 jaar durende pilot 'de
    gezinsverzorger' door 100% Groningen, GroenLinks, SP en PvdA"."""
    assert INITIATIEFNEMERS == ("100% Groningen", "GroenLinks", "SP", "PvdA")
    assert all(party in letter_text() for party in INITIATIEFNEMERS)


def test_every_open_point_is_a_reading_with_its_parameter() -> None:
    """000_6fd8bb18cab06410.txt, "Initiatiefvoorstel", "Aantal gezinnen", "Bemensing pilot",
    "Inzet vrijwilligers", "Kosten pilot": each parameter that reads the letter has a Reading,
    its quote stands in the letter, and its default is the plugin's default."""
    text = letter_text()
    by_parameter = {r.parameter: r for r in READINGS if r.parameter}
    assert set(by_parameter) == {
        "zrm_threshold",
        "require_zrm",
        "household_domains",
        "capacity",
        "start, end",
        "staff",
        "vrijwilliger_vanaf_jaar_twee",
        "proposal_before_end",
    }
    assert all(r.found_in(text) for r in READINGS)
    plugin = GezinsverzorgerPilot()
    assert by_parameter["capacity"].default == str(plugin.pilot.capaciteit)
    assert by_parameter["start, end"].default == (
        f"{plugin.pilot.looptijd.start.isoformat()}, {plugin.pilot.looptijd.eind.isoformat()}"
    )
    assert by_parameter["vrijwilliger_vanaf_jaar_twee"].default == "False"
    assert plugin.vrijwilliger_vanaf is None
    assert by_parameter["proposal_before_end"].default == "3 months"
    assert plugin.proposal_before_end == pendulum.duration(months=3)
    # What the letter does not say is marked as the library's.
    assert by_parameter["start, end"].assumption
    assert by_parameter["staff"].assumption
    assert not by_parameter["capacity"].assumption


def test_the_dearer_position_b_is_read_as_hbo() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": "1 op MBO niveau en 1 op HBO niveau";
    "Kosten pilot": B EUR 182.000, C EUR 154.000: which is which is the library's reading."""
    levels = {p.naam: p.opleidingsniveau for p in GezinsverzorgerPilot().pilot.bemensing}
    assert levels == {
        "gezinsverzorger medewerker B": Opleidingsniveau.HBO,
        "gezinsverzorger medewerker C": Opleidingsniveau.MBO,
    }
    assert {p.naam for p in LETTER_STAFF} == set(levels)


def test_the_two_years_are_derived_from_the_yearly_amounts() -> None:
    """000_6fd8bb18cab06410.txt, "Start pilot in relatie tot de inkoop" (no date) and "Kosten
    pilot": EUR 14.000 a month makes 3, 12 and 9 months of 2021, 2022 and 2023."""
    plugin = GezinsverzorgerPilot()
    looptijd = plugin.pilot.looptijd
    assert (looptijd.start, looptijd.eind) == (
        pendulum.date(2021, 10, 1),
        pendulum.date(2023, 10, 1),
    )
    per_year: dict[int, int] = {}
    for day, amount in plugin.monthly_plan():
        per_year[day.year] = per_year.get(day.year, 0) + 1
        assert str(amount) == "EUR 14.000,00"
    assert per_year == {2021: 3, 2022: 12, 2023: 9}
    assert sorted(YEARLY) == sorted(per_year)


def test_the_letter_wants_to_learn_whether_level_or_competences_decide() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": "De praktijk zal uitwijzen of het
    opleidingsniveau of bepaalde competenties ... doorslaggevend zijn"."""
    plan = Gemeente(plugins=[GezinsverzorgerPilot()]).compiled("gezinsverzorger").evaluation_plan
    assert plan is not None
    indicator = plan.indicator("resultaat per opleidingsniveau")
    assert indicator is not None
    assert indicator.bron is not None
    assert indicator.bron.section == "Bemensing pilot"


def test_savings_are_expected_in_2022_and_2023_not_in_2021() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "besparingen op andere zorgkosten in 2022 en
    2023"; "De kosten in 2021 zullen waarschijnlijk niet leiden tot een evenredige besparing"."""
    assert frozenset({2022, 2023}) == SAVINGS_EXPECTED_IN
    assert 2021 not in SAVINGS_EXPECTED_IN
    assert set(YEARLY) >= SAVINGS_EXPECTED_IN


def test_the_council_is_informed_four_times() -> None:
    """000_6fd8bb18cab06410.txt, "Kosten pilot": "gedurende de pilot op de hoogte houden van
    de vorderingen. Halverwege ... een tussenevaluatie en voor het aflopen ... een voorstel";
    "Inzet vrijwilligers": "zullen we u hierover informeren"."""
    text = letter_text()
    assert [m.wanneer for m in COUNCIL_INFORMED] == [
        "gedurende de pilot",
        "halverwege de pilot",
        "voor het aflopen van de pilot",
        "als er kansen zijn",
    ]
    assert {m.aan for m in COUNCIL_INFORMED} == {"de gemeenteraad"}
    assert {m.bron.section for m in COUNCIL_INFORMED} == {"Kosten pilot", "Inzet vrijwilligers"}
    assert all(" ".join(m.bron.quote.split()) in " ".join(text.split()) for m in COUNCIL_INFORMED)


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
