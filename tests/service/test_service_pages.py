"""The pages as a screen reader and a keyboard meet them: language, landmarks, labels, contrast."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sociaaldomein.service

STYLE = Path(sociaaldomein.service.__file__).parent / "static" / "style.css"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.labelled: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "label" and found.get("for"):
            self.labelled.add(str(found["for"]))


def _page(client: TestClient, path: str) -> _Page:
    r = client.get(path)
    assert r.status_code == 200, path
    parsed = _Page()
    parsed.feed(r.text)
    return parsed


@pytest.mark.parametrize("path", ["/", "/pilots/gezinsverzorger", "/beoordelen", "/inloggen"])
def test_every_page_has_its_language_landmarks_and_one_h1(client: TestClient, path: str) -> None:
    client.cookies.set("sociaaldomein_token", "t-pl")
    page = _page(client, path)
    names = [tag for tag, _ in page.tags]
    assert ("html", {"lang": "nl"}) in page.tags
    assert names.count("h1") == 1
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in names, landmark
    skip = next(a for t, a in page.tags if t == "a")
    assert skip.get("href") == "#inhoud"  # the first link skips to the content


@pytest.mark.parametrize("path", ["/beoordelen", "/inloggen"])
def test_every_field_has_a_label(client: TestClient, path: str) -> None:
    client.cookies.set("sociaaldomein_token", "t-pl")
    page = _page(client, path)
    fields = [
        a
        for t, a in page.tags
        if t in ("input", "select", "textarea") and a.get("type") != "hidden"
    ]
    assert fields
    for field in fields:
        assert field.get("id") in page.labelled, field


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(one: str, other: str) -> float:
    a, b = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_text_colours_have_a_contrast_of_at_least_4_5_to_1() -> None:
    css = STYLE.read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    background = colours["achter"]
    for name in ("tekst", "link", "ja", "nee"):
        assert _contrast(colours[name], background) >= 4.5, name
    assert _contrast("#ffffff", colours["link"]) >= 4.5  # button text on its colour
    for colour in re.findall(r"\.bron \{ color: (#[0-9a-fA-F]{6})", css):
        assert _contrast(colour, background) >= 4.5


def test_text_from_a_family_cannot_become_markup(client: TestClient) -> None:
    client.cookies.set("sociaaldomein_token", "t-pl")
    r = client.post(
        "/beoordelen",
        data={
            "datum": "2022-03-01",
            "id": "gezin-1",
            "wijk": "<script>alert(1)</script>",
            "lid0_rol": "OUDER",
            "lid0_geboortedatum": "1984-04-01",
        },
    )
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text  # shown, as text (the wijk found)


def test_a_form_posted_from_another_site_is_refused(client: TestClient) -> None:
    client.cookies.set("sociaaldomein_token", "t-pl")
    elsewhere = {"Origin": "https://elders.example"}
    r = client.post("/beoordelen", data={"id": "gezin-1"}, headers=elsewhere)
    assert r.status_code == 403
    r = client.post("/inloggen", data={"token": "t-pl"}, headers=elsewhere)
    assert r.status_code == 403


def test_signing_in_sets_a_cookie_scripts_cannot_read_and_signing_out_clears_it(
    client: TestClient,
) -> None:
    r = client.post("/inloggen", data={"token": "t-wij"}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    refused = client.post("/inloggen", data={"token": "wrong"}, follow_redirects=False)
    assert refused.status_code == 401
    out = client.post("/uitloggen", follow_redirects=False)
    assert 'sociaaldomein_token=""' in out.headers["set-cookie"]


def test_sign_in_never_redirects_to_another_site(client: TestClient) -> None:
    for target in ("https://elders.example/", "//elders.example/x", "beoordelen"):
        data = {"token": "t-wij", "volgende": target}
        r = client.post("/inloggen", data=data, follow_redirects=False)
        assert r.headers["location"] == "/", target
