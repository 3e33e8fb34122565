"""The service's web page reads in Dutch by default and in English when the reader asks."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, Grant, Role, ServiceLimits, create_app
from sociaaldomein.service.web import accepted_language

FAMILY = (
    '[gezin]\nid = "gezin-0042"\nhulpvragen = ["OVERNAME_HUISHOUDEN"]\n'
    '[[gezin.leden]]\nrol = "OUDER"\ngeboortedatum = "1984-04-01"\n'
    "chronische_problematiek = true\n"
    '[[gezin.leden]]\nrol = "KIND"\ngeboortedatum = "2014-06-01"\n'
)


@pytest.fixture(scope="module")
def groningen() -> Gemeente:
    gemeente = Gemeente("Groningen")
    gemeente.load_entry_points()
    gemeente.compile()
    return gemeente


@pytest.fixture
def client(groningen: Gemeente) -> Iterator[TestClient]:
    gemeente = groningen
    access = Access.with_tokens(
        {"t-pl": Grant("projectleider", Role.PROJECTLEIDER, frozenset({"*"}))}
    )
    with TestClient(create_app(gemeente, access=access, limits=ServiceLimits(rate=0))) as c:
        c.cookies.set("sociaaldomein_token", "t-pl")
        yield c


def test_the_page_is_dutch_by_default(client: TestClient) -> None:
    page = client.get("/").text
    assert '<html lang="nl">' in page
    assert "Pilots van Groningen" in page
    assert "Gezin beoordelen" in page
    assert "Pilots of Groningen" not in page


def test_accept_language_en_gives_the_english_page(client: TestClient) -> None:
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="en">' in page
    assert "Pilots of Groningen" in page
    assert "Assess a family" in page
    assert "Pilots van Groningen" not in page


def test_the_language_switch_is_kept_for_the_next_page(client: TestClient) -> None:
    first = client.get("/?lang=en")
    assert "Pilots of Groningen" in first.text
    assert first.cookies.get("taal") == "en"
    try:
        form = client.get("/beoordelen").text  # no ?lang=: the cookie holds the choice
        assert "Date of the assessment" in form
        assert "Datum van de beoordeling" not in form
    finally:
        client.cookies.delete("taal")
    assert "Datum van de beoordeling" in client.get("/beoordelen").text


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [
        ("nl", ["Uitkomst op 1 maart 2022", "Redenen", "voldaan"], ["Reasons"]),
        ("en", ["Outcome on March 1, 2022", "Reasons", "met"], ["Redenen", "Uitkomst op"]),
    ],
)
def test_a_verdict_on_the_page_reads_in_the_chosen_language(
    client: TestClient, lang: str, expected: list[str], absent: list[str]
) -> None:
    files = {"bestand": ("gezin.toml", FAMILY.encode(), "application/toml")}
    r = client.post(f"/beoordelen?lang={lang}", data={"datum": "2022-03-01"}, files=files)
    assert r.status_code == 200, r.text
    for text in expected:
        assert text in r.text
    for text in absent:
        assert text not in r.text


def test_a_refusal_reads_in_the_chosen_language(client: TestClient) -> None:
    nl = client.get("/pilots/bestaat-niet").text
    en = client.get("/pilots/bestaat-niet", headers={"Accept-Language": "en"}).text
    assert "Deze pilot bestaat niet." in nl
    assert "This pilot does not exist." in en


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "nl"),
        ("en", "en"),
        ("nl-NL,nl;q=0.9,en;q=0.8", "nl"),
        ("de, en;q=0.5, nl;q=0.7", "nl"),
        ("fr, en;q=0", "nl"),  # q=0: not English
        ("en;q=bad, nl", "nl"),
    ],
)
def test_accept_language_is_read_by_weight(header: str, language: str) -> None:
    assert accepted_language(header) == language


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "moet een geheel getal zijn, niet de tekst '…'"),
        ("en", "must be a whole number, got the text '…'"),
    ],
)
def test_a_form_error_is_named_in_the_language_of_the_page(
    client: TestClient, lang: str, expected: str
) -> None:
    form = {"datum": "2022-03-01", "id": "gezin-1", "aantal_hulpverleners": "veel"}
    r = client.post(f"/beoordelen?lang={lang}", data=form)
    assert r.status_code == 400
    assert expected in html.unescape(r.text)
