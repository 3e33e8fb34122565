"""Who BT Hoogkerk is for: 004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging"."""

from __future__ import annotations

import pendulum
import pytest
from sociaaldomein_hoogkerk import REGULIERE_ROUTE, HoogkerkPilot
from sociaaldomein_hoogkerk.letter import LETTER

from sociaaldomein import (
    Gemeente,
    Gezin,
    Hulpvraag,
    Lid,
    LidRol,
    Outcome,
    TrajectToestand,
    Verdict,
    Verwijzer,
)
from sociaaldomein.testing import make_gezin

ACHTERGROND = str(LETTER.cite("Achtergrond van deze beweging"))
MAART_2017 = pendulum.date(2017, 3, 1)


def bewoner(**fields: object) -> Gezin:
    """A resident of Hoogkerk the WIJ-team refers for individual support; ``fields`` override."""
    values: dict[str, object] = {
        "leden": [Lid(LidRol.OUDER, pendulum.date(1966, 2, 2))],
        "wijk": "Hoogkerk",
        "hulpvragen": [Hulpvraag.INDIVIDUELE_BEGELEIDING],
        "verwijzer": Verwijzer.GEMEENTE,
    }
    values.update(fields)
    return make_gezin("bewoner-1", **values)


def verdict(
    gezin: Gezin, on: pendulum.Date = MAART_2017, plugin: HoogkerkPilot | None = None
) -> Verdict:
    groningen = Gemeente("Groningen", plugins=[plugin or HoogkerkPilot()])
    return groningen.assess(gezin, on)["hoogkerk"]


def failed(v: Verdict) -> list[str]:
    return [c.text for c in v.eligibility.children if not c.passed]


MET_KIND = [
    Lid(LidRol.OUDER, pendulum.date(1980, 2, 2)),
    Lid(LidRol.KIND, pendulum.date(2010, 5, 5)),
]


@pytest.mark.parametrize(
    "hulpvraag",
    [
        Hulpvraag.INDIVIDUELE_BEGELEIDING,
        Hulpvraag.DAGBESTEDING,
        Hulpvraag.JEUGDHULP_BEGELEIDING,
        Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
    ],
)
def test_a_resident_referred_by_wij_needs_no_indicatie(hulpvraag: Hulpvraag) -> None:
    """004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": residents of Hoogkerk whom the
    WIJ-team finds in need of "jeugdhulp, individuele begeleiding of dagbesteding" need "niet
    langer een indicatie of zorgtoewijzing"."""
    v = verdict(bewoner(hulpvragen=[hulpvraag], leden=MET_KIND))
    assert v.outcome is Outcome.ELIGIBLE
    assert v.to is None
    assert "no indicatie or zorgtoewijzing needed" in v.eligibility.text
    assert v.eligibility.source is not None
    assert str(v.eligibility.source) == ACHTERGROND


def test_a_complex_question_goes_the_regular_route_with_the_choice_of_zin_or_pgb() -> None:
    """004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": too complex for BT Hoogkerk,
    "treedt het 'reguliere proces' in werking": a maatwerkbeschikking or zorgtoewijzing, "keuze
    tussen zorg in natura of een persoonsgebonden budget"."""
    v = verdict(bewoner(complexe_vraag=True))
    assert v.outcome is Outcome.REGULAR_ROUTE
    assert v.to == REGULIERE_ROUTE
    assert "maatwerkbeschikking" in v.to
    assert "PGB" in v.to
    assert v.route is not None
    assert v.route.passed
    assert "too complex" in v.route.text
    (note,) = v.notes
    assert "zorg in natura" in note.text
    assert "persoonsgebonden budget" in note.text
    assert str(note.source) == ACHTERGROND
    assert "regular route -> maatwerkbeschikking" in v.summary()


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"wijk": "Vinkhuizen"}, "lives in Hoogkerk"),
        ({"wijk": None}, "lives in Hoogkerk"),
        ({"hulpvragen": (Hulpvraag.OVERNAME_HUISHOUDEN,)}, "the WIJ-team's analysis"),
        ({"hulpvragen": ()}, "the WIJ-team's analysis"),
        ({"verwijzer": Verwijzer.HUISARTS}, "referred by the WIJ-team"),
        ({"verwijzer": None}, "referred by the WIJ-team"),
    ],
)
def test_each_condition_is_required(fields: dict[str, object], reason: str) -> None:
    """004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": "inwoners van Hoogkerk", "op
    basis van een analyse vanuit het WIJ-team", "door het WIJ-team verwezen"."""
    v = verdict(bewoner(**fields))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    assert len(failed(v)) == 1
    assert failed(v)[0].startswith(reason)


def test_the_regular_route_is_for_residents_of_hoogkerk_only() -> None:
    """Routes apply to families that meet the rule: elsewhere the proeftuin says nothing."""
    v = verdict(bewoner(wijk="Vinkhuizen", complexe_vraag=True))
    assert v.outcome is Outcome.NOT_ELIGIBLE
    assert v.to is None


def test_other_referrers_are_a_parameter() -> None:
    """004: "in principe door het WIJ-team"; a municipality may admit the huisarts too."""
    ruimer = HoogkerkPilot(verwijzers=[Verwijzer.GEMEENTE, Verwijzer.HUISARTS])
    assert verdict(bewoner(verwijzer=Verwijzer.HUISARTS), plugin=ruimer).eligible
    assert verdict(bewoner(verwijzer=Verwijzer.GEMEENTE), plugin=ruimer).eligible


def test_no_cap_on_the_number_of_residents() -> None:
    """An algemene voorziening: no capacity, and no minimum or maximum from a beschikking (004,
    "Waarom de proeftuin")."""
    groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])
    full = groningen.assess(bewoner(), MAART_2017, occupancy={"hoogkerk": 10_000})
    assert full["hoogkerk"].outcome is Outcome.ELIGIBLE
    assert groningen.pilot("hoogkerk").capaciteit is None


@pytest.mark.parametrize(
    ("on", "outcome"),
    [
        (pendulum.date(2016, 9, 30), Outcome.CLOSED),
        (pendulum.date(2016, 10, 1), Outcome.ELIGIBLE),
        (pendulum.date(2017, 12, 31), Outcome.ELIGIBLE),
        (pendulum.date(2018, 1, 1), Outcome.CLOSED),
    ],
)
def test_the_proeftuin_runs_october_2016_to_december_2017(
    on: pendulum.Date, outcome: Outcome
) -> None:
    """004_b7ccad7045cc3ba8.txt, opening: "In oktober is een start gemaakt"; "Waarom de
    proeftuin": "loopt tot en met december 2017"."""
    assert verdict(bewoner(), on).outcome is outcome


def test_bt_hoogkerk_can_later_find_the_question_too_complex() -> None:
    """004_b7ccad7045cc3ba8.txt, "Achtergrond van deze beweging": "of naderhand het BT Hoogkerk":
    a trajectory ends towards the regular route."""
    groningen = Gemeente("Groningen", plugins=[HoogkerkPilot()])
    start = pendulum.date(2016, 11, 1)
    loopt = groningen.check_trajectory("hoogkerk", TrajectToestand(bewoner(), start, MAART_2017))
    assert not loopt.ended
    later = bewoner(complexe_vraag=True)
    einde = groningen.check_trajectory("hoogkerk", TrajectToestand(later, start, MAART_2017))
    assert einde.ended
    (door,) = einde.by
    assert door.to == REGULIERE_ROUTE
    assert str(door.source) == ACHTERGROND
