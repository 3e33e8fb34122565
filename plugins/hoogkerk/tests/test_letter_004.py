"""Letter 004 (Proeftuin Hoogkerk, 9-11-2016), statement by statement, against the plugin.

Each test names the section of 004_b7ccad7045cc3ba8.txt it checks; the answer
comes from the public API (a compiled pilot, a verdict, a value), not from prose.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from sociaaldomein_hoogkerk import AANBIEDERS, REGULIERE_ROUTE, HoogkerkPilot
from sociaaldomein_hoogkerk.readings import READINGS

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Outcome,
    PilotStatus,
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
