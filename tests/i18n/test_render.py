"""A verdict decided once reads in Dutch and in English: the same structure, other words."""

from __future__ import annotations

import pickle
import re

import pendulum
from hypothesis import given
from hypothesis import strategies as st
from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot, example_families
from sociaaldomein_hoogkerk import HoogkerkPilot
from sociaaldomein_multiprobleem import MultiprobleemPilot
from sociaaldomein_samen import SamenPilot

from sociaaldomein import Gemeente, Gezin, Hulpvraag, Outcome, Verdict, ZrmDomein
from sociaaldomein.i18n import Bericht, _, label, labelled, use_language
from sociaaldomein.i18n.labels import labelled_enums
from sociaaldomein.testing.strategies import dates, gezinnen

ON = pendulum.date(2022, 3, 1)


def _verdict() -> Verdict:
    groningen = Gemeente("Groningen", plugins=[GezinsverzorgerPilot(capacity=8)])
    _, gezin = example_families()[0]
    return groningen.assess(gezin, ON, occupancy={"gezinsverzorger": 8})["gezinsverzorger"]


def _shape(text: str) -> list[tuple[int, str]]:
    """Each line's indentation and its mark (``[yes]``/``[ja]`` as one shape)."""
    marks = {"[yes]": "+", "[ja]": "+", "[no]": "-", "[nee]": "-"}
    shape = []
    for line in text.splitlines():
        stripped = line.lstrip()
        mark = stripped.split(" ", 1)[0]
        shape.append((len(line) - len(stripped), marks.get(mark, "")))
    return shape


def test_the_same_verdict_reads_in_dutch_and_in_english() -> None:
    verdict = _verdict()
    english, dutch = verdict.render("en"), verdict.render("nl")
    assert english != dutch
    assert _shape(english) == _shape(dutch)
    assert english.startswith("gezinsverzorger: eligible, no place: waitlist")
    assert dutch.startswith("gezinsverzorger: komt in aanmerking, geen plaats: wachtlijst")
    assert "note: no place: 8 families already in a pilot of capacity 8" in english
    assert "opmerking: geen plaats: al 8 gezinnen in een pilot met capaciteit 8" in dutch
    assert "September 15, 2021 (reference 438104-2021)" in english
    assert "15 september 2021 (kenmerk 438104-2021)" in dutch


def test_a_verdict_decided_in_dutch_still_reads_in_english() -> None:
    with use_language("nl"):
        verdict = _verdict()
        assert str(verdict.notes[0]).startswith("geen plaats")
    assert verdict.render("en") == _verdict().render("en")
    assert pickle.loads(pickle.dumps(verdict)).render("nl") == verdict.render("nl")


def test_enum_members_show_their_labels_and_values_show_as_written() -> None:
    verdict = _verdict()
    dutch = verdict.render("nl")
    assert "gevonden: overname van het huishouden" in dutch
    assert "OVERNAME_HUISHOUDEN" not in dutch
    assert "OVERNAME_HUISHOUDEN" not in verdict.render()
    hoogkerk = Gemeente("Groningen", plugins=[HoogkerkPilot()])
    _, gezin = example_families()[0]
    wijk = hoogkerk.assess(gezin, pendulum.date(2017, 3, 1))["hoogkerk"].eligibility
    found = wijk.find("lives in")
    assert found is not None
    assert found.observed == gezin.wijk


def test_financien_has_its_diaeresis_where_a_person_reads_dutch() -> None:
    assert label(ZrmDomein.FINANCIEN, "nl") == "Financiën"
    assert "Financiën" in _verdict().render("nl")


def test_every_labelled_enum_member_reads_in_both_languages() -> None:
    for kind in labelled_enums():
        for member in kind:
            made = labelled(member)
            assert made.render("en"), f"{kind.__name__}.{member.name}"
            assert made.render("nl"), f"{kind.__name__}.{member.name}"
    assert Outcome.NOT_ELIGIBLE.render("nl") == "komt niet in aanmerking"
    assert label(Hulpvraag.DAGBESTEDING, "en") == "day activities"


def test_a_message_compares_as_its_english_text_and_prints_in_the_current_language() -> None:
    note = _("note:")
    assert note == "note:"
    with use_language("nl"):
        assert str(note) == "opmerking:"
        assert f"{note}" == "opmerking:"
    assert str(note) == "note:"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_a_parameter_is_filled_in_as_it_is_never_evaluated(value: str) -> None:
    message = _("found: {value}", value=value)
    for language in ("en", "nl"):
        rendered = message.render(language)
        assert rendered.endswith(value)
        assert rendered.count(value) >= 1


def test_a_placeholder_is_replaced_by_name_only() -> None:
    # A translation cannot reach into a value: "{value.__class__}" is no placeholder.
    made = Bericht("{value.__class__} {value}", {"value": "x"}, domain="")
    assert made.render("nl") == "{value.__class__} x"
    assert re.fullmatch(r"\{value\.__class__\} x", str(made))


_GRONINGEN = Gemeente(
    "Groningen",
    plugins=[
        GezinsverzorgerPilot(),
        HoogkerkPilot(),
        MultiprobleemPilot(),
        SamenPilot(),
    ],
)


@given(gezinnen(), dates(2010, 2026))
def test_every_verdict_has_one_structure_in_both_languages(gezin: Gezin, on: pendulum.Date) -> None:
    """Whatever the family and the date: Dutch and English differ in words only."""
    for verdict in _GRONINGEN.assess(gezin, on):
        english, dutch = verdict.render("en"), verdict.render("nl")
        assert _shape(english) == _shape(dutch)
        assert english == verdict.render()  # English is the default of the API
        with use_language("nl"):
            assert verdict.render() == dutch
        assert verdict.outcome.render("nl") in dutch.splitlines()[0]


def test_amounts_and_dates_in_a_message_have_the_notation_of_its_language() -> None:
    from sociaaldomein import Money

    spent = _("spent {spent} of {budget}", spent=Money(336000), budget=Money(400000))
    assert spent.render("nl") == "€ 336.000,00 van € 400.000,00 uitgegeven"
    assert spent.render("en") == "spent €336,000.00 of €400,000.00"
    ended = _("the looptijd ended on {date}{extra}", date=pendulum.date(2023, 10, 1), extra="")
    assert ended == "the looptijd ended on 2023-10-01"  # the text it compares as
    assert ended.render("nl") == "de looptijd eindigde op 1 oktober 2023"
    assert ended.render("en") == "the looptijd ended on October 1, 2023"
