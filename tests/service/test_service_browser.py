"""The web page in a real browser: Chromium, driven by Playwright, against ``sociaaldomein serve``.

The server is the command a municipality runs, started on a free loopback
port with a tokens file.  Without Chromium the tests are skipped, saying
so; with ``SOCIAALDOMEIN_REQUIRE_SERVERS=1`` (CI) they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import httpx
import pytest

from sociaaldomein import Hulpvraag
from sociaaldomein.i18n import label
from sociaaldomein.service import hash_token

from .conftest import FAMILY

CHROMIUM: Final = os.environ.get("SOCIAALDOMEIN_CHROMIUM", "/usr/bin/chromium")
ARGS: Final = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN: Final = "browser-token-of-the-wij-team"


def _missing() -> str | None:
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).is_file():
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Playwright package is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """A headless Chromium; skipped (failed under SOCIAALDOMEIN_REQUIRE_SERVERS=1) without one."""
    missing = _missing()
    if missing is not None:
        if os.environ.get("SOCIAALDOMEIN_REQUIRE_SERVERS") == "1":
            pytest.fail(f"{missing}; SOCIAALDOMEIN_REQUIRE_SERVERS=1 says it must be there")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``sociaaldomein serve`` on a free loopback port, with one WIJ-medewerker token."""
    folder = tmp_path_factory.mktemp("serve")
    tokens = folder / "tokens.toml"
    tokens.write_text(
        "[[token]]\n"
        'name = "wij-selwerd"\nrole = "wij-medewerker"\n'
        f'sha256 = "{hash_token(TOKEN)}"\npilots = ["*"]\n',
        encoding="utf-8",
    )
    port = _free_port()
    command = [sys.executable, "-m", "sociaaldomein", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--tokens", str(tokens)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/pilots", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                out = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"sociaaldomein serve did not start: {out}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh page in its own browser context (no cookies from another test).

    The browser asks for Dutch, as a municipality's browsers do: the page follows
    ``Accept-Language``, and a browser left at English gets the English page.
    """
    context = chromium.new_context(locale="nl-NL")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_without_a_token_the_page_refuses(page: Any, server: str) -> None:
    response = page.goto(f"{server}/beoordelen")
    assert response.status == 401
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    assert page.get_by_role("alert").is_visible()
    page.get_by_role("link", name="Meld u aan met uw toegangssleutel").click()
    assert page.get_by_label("Toegangssleutel").is_visible()


def _log_in(server: str, page: Any) -> None:
    page.goto(f"{server}/inloggen")
    page.get_by_label("Toegangssleutel").fill(TOKEN)
    page.get_by_label("Toegangssleutel").press("Enter")  # the keyboard submits the form
    page.wait_for_url(f"{server}/beoordelen")


def test_enter_a_family_and_read_the_verdict(page: Any, server: str) -> None:
    _log_in(server, page)
    page.get_by_label("Datum van de beoordeling").fill("2022-03-01")
    page.get_by_label("Sleutel van het gezin").fill("gezin-0042")
    page.get_by_label("Wijk").fill("Selwerd")
    first = page.get_by_role("group", name="Lid 1")
    first.get_by_label("Rol").select_option("OUDER")
    first.get_by_label("Geboortedatum").fill("1984-04-01")
    first.get_by_label("Problematiek van chronische of structurele aard").check()
    second = page.get_by_role("group", name="Lid 2")
    second.get_by_label("Rol").select_option("KIND")
    second.get_by_label("Geboortedatum").fill("2014-06-01")
    page.get_by_label(label(Hulpvraag.OVERNAME_HUISHOUDEN, "nl")).check()
    page.get_by_role("button", name="Beoordelen").click()
    verdict = page.get_by_role("article", name="Pilot gezinsverzorger: komt in aanmerking")
    assert verdict.is_visible()
    reasons = verdict.get_by_role("list").first.inner_text()
    assert "voldaan" in reasons
    assert "Bemensing pilot" in reasons  # the section of the letter the rule rests on
    assert "een ouder heeft problematiek van chronische of structurele aard" in reasons


def test_upload_a_family_file(page: Any, server: str, tmp_path: Path) -> None:
    family = tmp_path / "gezin.json"
    family.write_text(json.dumps(FAMILY), encoding="utf-8")
    _log_in(server, page)
    page.get_by_label("Datum van de beoordeling").fill("2022-03-01")
    page.get_by_label("Bestand (laat leeg om het formulier te gebruiken)").set_input_files(family)
    assert "Het bestand wordt gebruikt" in page.locator("#bestand-keuze").inner_text()
    page.get_by_role("button", name="Beoordelen").click()
    heading = page.get_by_role("heading", level=2, name="Gezin gezin-0042")
    assert heading.is_visible()


def test_a_mistake_is_named_and_focused(page: Any, server: str) -> None:
    _log_in(server, page)
    page.get_by_label("Sleutel van het gezin").fill("gezin-1")
    page.get_by_role("button", name="Beoordelen").click()
    alert = page.get_by_role("alert")
    assert "gezin.leden" in alert.inner_text()
    assert page.evaluate("document.activeElement.id") == "fouten"


def test_the_keyboard_reaches_the_content_first(page: Any, server: str) -> None:
    page.goto(server)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    assert page.get_by_role("main").is_visible()
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    page.get_by_role("link", name="gezinsverzorger").click()
    assert page.get_by_role("heading", name="Wie komt in aanmerking").is_visible()
