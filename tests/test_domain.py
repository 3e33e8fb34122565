"""Construction of the core domain: good values are kept, bad ones are named."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pendulum
import pytest

from sociaaldomein import (
    Gezin,
    InvalidValueError,
    Lid,
    LidRol,
    Looptijd,
    Money,
    Opleidingsniveau,
    Organisatie,
    Periode,
    Pilot,
    PilotStatus,
    Probleem,
    Professional,
    Rol,
    Verwijzer,
    ZrmMeting,
    ZrmScores,
)
from sociaaldomein.testing import make_gezin

WIJ = Organisatie("WIJ Groningen")
LETTER_000 = "000_6fd8bb18cab06410.txt"


@pytest.mark.parametrize(
    ("build", "field", "problem"),
    [
        (
            lambda: Professional("A", Rol.GEZINSVERZORGER, Decimal("-1"), WIJ),
            "Professional.fte",
            "between 0 and 1",
        ),
        (
            lambda: Professional("A", Rol.GEZINSVERZORGER, 0.8, WIJ),  # type: ignore[arg-type]
            "Professional.fte",
            "a float is not exact",
        ),
        (lambda: ZrmScores(financien=7), "ZrmScores.financien", "from 1 (acute problematiek) to 5"),
        (
            lambda: Periode(pendulum.date(2023, 10, 1), pendulum.date(2021, 10, 1)),
            "Periode.end",
            "must lie after the start 2023-10-01",
        ),
        (
            lambda: Looptijd(pendulum.date(2021, 10, 1), pendulum.date(2021, 9, 1)),
            "Looptijd.oorspronkelijk_eind",
            "must lie after 2021-10-01",
        ),
        (lambda: Money(336000.0), "Money.amount", "a float is not exact money"),  # type: ignore[arg-type]
        (
            lambda: make_gezin(problemen=["SCHULDEN", "ARMOEDE"]),
            "Gezin.problemen",
            "unknown Probleem 'ARMOEDE'; allowed: LAAG_INKOMEN",
        ),
        (lambda: make_gezin("123456782"), "Gezin.id", "looks like a BSN"),
        (lambda: make_gezin(leden=[]), "Gezin.leden", "must not be empty"),
        (lambda: make_gezin(aantal_hulpverleners=-1), "Gezin.aantal_hulpverleners", "between 0"),
        (
            lambda: Lid(LidRol.KIND, "2015-01-01"),  # type: ignore[arg-type]
            "Lid.geboortedatum",
            "must be a date such as pendulum.date",
        ),
        (
            lambda: Lid(LidRol.KIND, datetime.datetime(2015, 1, 1)),
            "Lid.geboortedatum",
            "must be a date",
        ),
    ],
)
def test_bad_construction_names_the_field_and_the_problem(
    build: object, field: str, problem: str
) -> None:
    assert callable(build)
    with pytest.raises(InvalidValueError) as info:
        build()
    assert info.value.field == field
    assert problem in info.value.problem
    assert str(info.value).startswith(f"{field}: ")


def test_a_nine_digit_id_that_fails_the_elfproef_is_a_valid_key() -> None:
    assert make_gezin("123456789").id == "123456789"


def test_enum_fields_accept_member_names() -> None:
    gezin = make_gezin(problemen=["SCHULDEN"], verwijzer="HUISARTS")
    assert gezin.problemen == {Probleem.SCHULDEN}
    assert gezin.verwijzer is Verwijzer.HUISARTS
    assert Verwijzer.from_code("2") is Verwijzer.HUISARTS


def test_dates_from_the_standard_library_become_pendulum_dates() -> None:
    lid = Lid(LidRol.OUDER, datetime.date(1980, 2, 29))
    assert isinstance(lid.geboortedatum, pendulum.Date)
    assert lid.age_on(pendulum.date(2000, 2, 28)) == 19


def test_a_zrm_score_is_a_snapshot_of_about_thirty_days() -> None:
    """DOMAIN.md, "Zelfredzaamheid-Matrix": information older than about 30 days is not used."""
    meting = ZrmMeting(pendulum.date(2024, 1, 1), ZrmScores(financien=2))
    assert meting.is_recent(pendulum.date(2024, 1, 31))
    assert not meting.is_recent(pendulum.date(2024, 2, 1))
    assert meting.huidig.scored() == dict.fromkeys(meting.huidig.scored(), 2)
    assert meting.huidig.lowest() == 2


def _pilot() -> Pilot:
    return Pilot(
        naam="gezinsverzorger",
        titel="Pilot gezinsverzorger",
        gemeente="Groningen",
        looptijd=Looptijd(pendulum.date(2021, 10, 1), pendulum.date(2023, 10, 1)),
        capaciteit=10,
        bemensing=[
            Professional("B", Rol.GEZINSVERZORGER, 1, WIJ, Opleidingsniveau.HBO, Money(182_000)),
            Professional("C", Rol.GEZINSVERZORGER, 1, WIJ, Opleidingsniveau.MBO, Money(154_000)),
        ],
    )


def test_an_extension_keeps_the_original_end_visible() -> None:
    pilot = _pilot().with_status(PilotStatus.ACTIVE)
    extended = pilot.extend(pendulum.date(2024, 4, 1), reason="tussenevaluatie positief")
    assert extended.status is PilotStatus.EXTENDED
    assert extended.looptijd.eind == pendulum.date(2024, 4, 1)
    assert extended.looptijd.oorspronkelijk_eind == pendulum.date(2023, 10, 1)
    assert extended.phase_on(pendulum.date(2024, 1, 1)) is PilotStatus.EXTENDED
    assert extended.phase_on(pendulum.date(2024, 4, 1)) is PilotStatus.ENDED
    with pytest.raises(InvalidValueError, match=r"Looptijd\.verlengingen\[1\]"):
        extended.extend(pendulum.date(2024, 1, 1), reason="shorter is not an extension")


def test_the_status_lifecycle_refuses_going_back() -> None:
    ended = _pilot().with_status(PilotStatus.ACTIVE).with_status(PilotStatus.ENDED)
    assert ended.with_status(PilotStatus.EMBEDDED).status is PilotStatus.EMBEDDED
    with pytest.raises(
        InvalidValueError, match="cannot go from ENDED to ACTIVE; allowed: EMBEDDED"
    ):
        ended.with_status(PilotStatus.ACTIVE)


def test_staff_adds_up_to_the_letters_two_fte() -> None:
    """000_6fd8bb18cab06410.txt, "Bemensing pilot": at least 2 fte."""
    assert _pilot().fte() == 2
    assert Money.total(p.kosten for p in _pilot().bemensing if p.kosten) == Money(336_000)


def test_a_pilot_name_must_suit_the_command_line() -> None:
    with pytest.raises(InvalidValueError, match=r"Pilot\.naam: must be a short lower-case name"):
        Pilot("Gezins Verzorger", "x", "Groningen", _pilot().looptijd)


def test_a_family_is_a_value() -> None:
    assert make_gezin(problemen=["SCHULDEN"]) == make_gezin(problemen=[Probleem.SCHULDEN])
    assert isinstance(hash(make_gezin()), int)
    assert isinstance(make_gezin(), Gezin)
