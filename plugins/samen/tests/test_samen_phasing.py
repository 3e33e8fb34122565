"""Phased intake by referrer: 002_3dca2c59337eb1a8.txt, "Gezamenlijk proces,
veranderstrategie en aansturing" and "Afsluitend"."""

from __future__ import annotations

import datetime

import pendulum
import pytest
from sociaaldomein_samen import (
    DEFAULT_PHASING,
    FULLY_OPERATIONAL,
    OPEN_HOUSE,
    OPEN_HOUSE_MINIMUM_END,
    SamenPilot,
)
from sociaaldomein_samen.phasing import ASSUMED

from sociaaldomein import (
    Cohort,
    Gemeente,
    Gezin,
    Hulpvraag,
    InvalidValueError,
    Lid,
    LidRol,
    Outcome,
    Verwijzer,
)
from sociaaldomein.domain.compiled import OUTCOME_CODES


def gezin(verwijzer: Verwijzer | None) -> Gezin:
    return Gezin(
        "samen-fasering",
        leden=[
            Lid(LidRol.OUDER, pendulum.date(1984, 1, 1)),
            Lid(LidRol.KIND, pendulum.date(2014, 1, 1)),
        ],
        hulpvragen=[Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING],
        verwijzer=verwijzer,
    )


def outcome(plugin: SamenPilot, verwijzer: Verwijzer | None, on: pendulum.Date) -> Outcome:
    return Gemeente(plugins=[plugin]).assess(gezin(verwijzer), on)["samen"].outcome


def test_a_huisarts_family_goes_the_regular_route_until_huisarts_intake_is_phased_in() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, veranderstrategie en aansturing":
    "gefaseerd nieuwe instroom van verschillende verwijzers door WIJ Groningen laten
    uitvoeren"; until then the Open House providers, on indicatie."""
    plugin = SamenPilot()
    phased_in = plugin.phase_in_date(Verwijzer.HUISARTS)
    assert phased_in is not None
    groningen = Gemeente(plugins=[plugin])
    before = groningen.assess(gezin(Verwijzer.HUISARTS), phased_in.subtract(days=1))["samen"]
    after = groningen.assess(gezin(Verwijzer.HUISARTS), phased_in)["samen"]
    assert before.outcome is Outcome.REGULAR_ROUTE
    assert before.to == OPEN_HOUSE == "Open House aanbieders op indicatie"
    assert before.route is not None
    assert before.route.observed == (
        "referrer general practitioner, new families to WIJ Groningen from "
        f"{phased_in.isoformat()} ({ASSUMED})"
    )
    assert "the library's, an assumption" in before.route.text
    assert after.outcome is Outcome.ELIGIBLE


def test_a_cohort_sees_the_same_boundary() -> None:
    """002, "Gezamenlijk proces, ...": the vectorised rule phases a referrer in on the same day
    as the verdict for one family does."""
    plugin = SamenPilot()
    phased_in = plugin.phase_in_date(Verwijzer.HUISARTS)
    assert phased_in is not None
    compiled = Gemeente(plugins=[plugin]).compiled("samen")
    cohort = Cohort.from_gezinnen([gezin(Verwijzer.HUISARTS), gezin(None)])
    codes = {code: outcome for outcome, code in OUTCOME_CODES.items()}
    before = [codes[c] for c in compiled.outcomes(cohort, phased_in.subtract(days=1)).tolist()]
    after = [codes[c] for c in compiled.outcomes(cohort, phased_in).tolist()]
    assert before == [Outcome.REGULAR_ROUTE, Outcome.ELIGIBLE]
    assert after == [Outcome.ELIGIBLE, Outcome.ELIGIBLE]


def test_the_default_plan_starts_small_with_wij_itself_on_1_january_2023() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": "We beginnen klein, met ingang van
    1 januari 2023"; the library starts with the gemeente (WIJ's own access) alone."""
    first = min(DEFAULT_PHASING.values())
    assert first == pendulum.date(2023, 1, 1)
    assert [v for v, day in DEFAULT_PHASING.items() if day == first] == [Verwijzer.GEMEENTE]
    on = pendulum.date(2023, 1, 2)
    assert {v for v in Verwijzer if outcome(SamenPilot(), v, on) is Outcome.ELIGIBLE} == {
        Verwijzer.GEMEENTE
    }


def test_the_default_plan_is_complete_by_the_end_of_2024() -> None:
    """002_3dca2c59337eb1a8.txt, "Afsluitend": "tot eind 2024 nodig hebben om de taak SAMEN,
    volledig operationeel bij WIJ Groningen ondergebracht te hebben"."""
    assert set(DEFAULT_PHASING) == set(Verwijzer)
    assert max(DEFAULT_PHASING.values()) <= pendulum.date(2024, 12, 31) < FULLY_OPERATIONAL
    on = pendulum.date(2024, 12, 31)
    assert all(outcome(SamenPilot(), v, on) is Outcome.ELIGIBLE for v in Verwijzer)


def test_a_family_without_a_referrer_counts_as_wijs_own_access() -> None:
    """002_3dca2c59337eb1a8.txt, "Wat verstaan we onder ...": "WIJ Groningen biedt op dit moment
    al toegang tot de jeugdhulp"; a family without a recorded referrer came through WIJ."""
    assert outcome(SamenPilot(), None, pendulum.date(2023, 1, 1)) is Outcome.ELIGIBLE
    strict = SamenPilot(unknown_referrer_as=None)
    assert outcome(strict, None, pendulum.date(2024, 12, 31)) is Outcome.REGULAR_ROUTE
    as_huisarts = SamenPilot(unknown_referrer_as=Verwijzer.HUISARTS)
    assert outcome(as_huisarts, None, pendulum.date(2023, 12, 31)) is Outcome.REGULAR_ROUTE
    assert outcome(as_huisarts, None, pendulum.date(2024, 1, 1)) is Outcome.ELIGIBLE


def test_the_municipality_can_speed_up_or_slow_down() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": "waar nodig kunnen versnellen en
    vertragen"; the plan is a parameter, and a referrer left out is never phased in."""
    faster = SamenPilot(
        phasing={
            Verwijzer.GEMEENTE: pendulum.date(2023, 1, 1),
            Verwijzer.HUISARTS: datetime.date(2023, 3, 1),
        }
    )
    on = pendulum.date(2023, 6, 1)
    assert outcome(faster, Verwijzer.HUISARTS, on) is Outcome.ELIGIBLE
    assert outcome(SamenPilot(), Verwijzer.HUISARTS, on) is Outcome.REGULAR_ROUTE
    assert outcome(faster, Verwijzer.JEUGDARTS, pendulum.date(2025, 6, 30)) is Outcome.REGULAR_ROUTE
    assert faster.phase_in_date(Verwijzer.HUISARTS) == pendulum.date(2023, 3, 1)
    assert isinstance(faster.phase_in_date(Verwijzer.HUISARTS), pendulum.Date)


def test_a_referrer_cannot_be_phased_in_after_the_safety_net_ends() -> None:
    """002_3dca2c59337eb1a8.txt, "Gezamenlijk proces, ...": the Open House is the safety net
    for families WIJ does not take on yet, so intake must move before it ends."""
    with pytest.raises(InvalidValueError) as info:
        SamenPilot(phasing={Verwijzer.HUISARTS: OPEN_HOUSE_MINIMUM_END})
    assert info.value.field == "SamenPilot.phasing[HUISARTS]"
    later = SamenPilot(
        phasing={Verwijzer.HUISARTS: OPEN_HOUSE_MINIMUM_END},
        open_house_until=pendulum.date(2026, 1, 1),
    )
    assert later.phase_in_date(Verwijzer.HUISARTS) == OPEN_HOUSE_MINIMUM_END


def test_a_plan_from_plain_data_reads_names_and_codes() -> None:
    """A plan from a scenario file or a PluginSpec names referrers by name or COD327 code."""
    plain = SamenPilot(
        phasing={"GEMEENTE": datetime.date(2023, 1, 1), "02": datetime.date(2023, 4, 1)},
        unknown_referrer_as="huisarts",
    )
    assert plain.phase_in_date(Verwijzer.HUISARTS) == pendulum.date(2023, 4, 1)
    assert plain.phase_in_date(None) == pendulum.date(2023, 4, 1)
    assert plain.phase_in_date(Verwijzer.JEUGDARTS) is None


@pytest.mark.parametrize(
    ("phasing", "field"),
    [
        ({"HUISDOKTER": pendulum.date(2024, 1, 1)}, "SamenPilot.phasing"),
        ({Verwijzer.HUISARTS: "2024-01-01"}, "SamenPilot.phasing[HUISARTS]"),
        ({3: pendulum.date(2024, 1, 1)}, "SamenPilot.phasing"),
    ],
)
def test_a_wrong_plan_is_named(phasing: dict[object, object], field: str) -> None:
    with pytest.raises(InvalidValueError) as info:
        SamenPilot(phasing=phasing)  # type: ignore[arg-type]
    assert info.value.field == field
