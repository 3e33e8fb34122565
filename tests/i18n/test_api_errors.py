"""The API's error messages follow ``Accept-Language`` (English by default); values stay out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, Grant, Role, ServiceLimits, create_app

FAMILY: Final[dict[str, Any]] = {
    "gezin": {
        "id": "gezin-0042",
        "leden": [{"rol": "OUDER", "geboortedatum": "1984-13-01"}],  # month 13
    }
}
DUTCH: Final = {"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5"}


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    gemeente = Gemeente("Groningen")
    gemeente.load_entry_points()
    gemeente.compile()
    access = Access.with_tokens(
        {"t-pl": Grant("projectleider", Role.PROJECTLEIDER, frozenset({"*"}))}
    )
    with TestClient(create_app(gemeente, access=access, limits=ServiceLimits(rate=0))) as c:
        yield c


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "this needs a token (Authorization: Bearer ...)"),
        ({"Accept-Language": "en-GB"}, "this needs a token (Authorization: Bearer ...)"),
        (DUTCH, "hiervoor is een token nodig (Authorization: Bearer ...)"),
    ],
)
def test_a_refusal_reads_in_the_language_asked_for(
    client: TestClient, headers: dict[str, str], message: str
) -> None:
    r = client.post("/api/assess", params={"on": "2022-03-01"}, json=FAMILY, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"] == {"kind": "access", "message": message, "field": None}


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "'…' is not a date in the calendar"),
        (DUTCH, "'…' is geen datum in de kalender"),
    ],
)
def test_bad_input_reads_in_the_language_asked_for_without_the_value(
    client: TestClient, headers: dict[str, str], message: str
) -> None:
    auth = {"Authorization": "Bearer t-pl", **headers}
    r = client.post("/api/assess", params={"on": "2022-03-01"}, json=FAMILY, headers=auth)
    assert r.status_code == 400
    error = r.json()["error"]
    assert (error["kind"], error["field"]) == ("input", "gezin.leden[0].geboortedatum")
    assert error["message"].startswith(message)
    assert "1984-13-01" not in r.text  # redacted in either language


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, "unknown pilot 'nergens'; known pilots: "),
        (DUTCH, "onbekende pilot 'nergens'; bekende"),
    ],
)
def test_an_unknown_pilot_reads_in_the_language_asked_for(
    client: TestClient, headers: dict[str, str], message: str
) -> None:
    auth = {"Authorization": "Bearer t-pl", **headers}
    family = {
        "gezin": {"id": "gezin-0042", "leden": [{"rol": "OUDER", "geboortedatum": "1984-04-01"}]}
    }
    r = client.post(
        "/api/assess", params={"on": "2022-03-01", "pilot": "nergens"}, json=family, headers=auth
    )
    assert r.status_code == 404
    assert r.json()["error"]["message"].startswith(message)
