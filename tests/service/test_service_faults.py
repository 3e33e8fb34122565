"""A plugin that fails is named and contained: its pilot says so, every other route goes on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente, Rule
from sociaaldomein.io import dumps_gezinnen
from sociaaldomein.service import Access, ServiceLimits, create_app
from sociaaldomein.testing import ToyPilot, make_gezin

from .conftest import bearer


class Raising(ToyPilot):
    """A pilot whose rules cannot be read."""

    def eligibility(self) -> Rule:
        raise RuntimeError("rule table missing")


@pytest.fixture
def broken(access: Access) -> Iterator[TestClient]:
    gemeente = Gemeente(plugins=[Raising(name="kapot"), ToyPilot()])
    app = create_app(gemeente, access=access, limits=ServiceLimits(rate=0))
    with TestClient(app) as client:
        yield client


def test_the_failed_pilot_is_listed_with_its_failure(broken: TestClient) -> None:
    pilots = {p["name"]: p for p in broken.get("/api/pilots").json()}
    assert "RuntimeError: rule table missing" in pilots["kapot"]["failed"]
    assert pilots["toy"]["failed"] is None


def test_its_routes_say_which_plugin_failed(broken: TestClient) -> None:
    r = broken.get("/api/pilots/kapot")
    assert r.status_code == 502
    assert r.json()["error"]["kind"] == "plugin"
    assert broken.get("/api/pilots/toy").status_code == 200
    page = broken.get("/pilots/kapot")
    assert page.status_code == 502
    assert "Pilot niet beschikbaar" in page.text
    assert "<html" in page.text


def test_an_assessment_says_could_not_be_assessed_and_the_others_are_complete(
    broken: TestClient,
) -> None:
    body = dumps_gezinnen(make_gezin(problems=2))
    r = broken.post(
        "/api/assess", params={"on": "2024-05-01"}, content=body, headers=bearer("t-pl")
    )
    assert r.status_code == 200
    verdicts = r.json()["assessments"][0]["verdicts"]
    assert verdicts["kapot"]["outcome"] == "FAILED"
    assert verdicts["toy"]["outcome"] == "ELIGIBLE"
