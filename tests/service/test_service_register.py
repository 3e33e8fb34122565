"""With a register: its questions and events through the API and the page, all behind a token."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, ServiceLimits, create_app

from .conftest import bearer

pytest.importorskip("sqlalchemy", reason="the register needs sociaaldomein[register]")

P: Final = "multiprobleem"
EVENTS: Final = [
    {"kind": "wachtlijst", "pilot": P, "datum": "2011-01-05", "gezin": "gezin-11"},
    {
        "kind": "escalatie_gestart",
        "pilot": P,
        "datum": "2011-03-01",
        "ref": "esc-1",
        "gezin": "gezin-11",
        "partner": "Elker",
    },
]


@pytest.fixture
def registered(groningen: Gemeente, access: Access, tmp_path: Path) -> Iterator[TestClient]:
    """A service with an empty register (SQLite) for the Groningen pilots."""
    from sociaaldomein.register import Register

    register = Register.open(tmp_path / "register.db", gemeente=groningen, create=True)
    app = create_app(groningen, access=access, register=register, limits=ServiceLimits(rate=0))
    try:
        with TestClient(app) as client:
            yield client
    finally:
        register.close()


def _record(client: TestClient, events: Any, token: str = "t-pl") -> Any:
    return client.post("/api/register/events", json=events, headers=bearer(token))


def test_events_are_recorded_in_the_name_of_the_token(registered: TestClient) -> None:
    r = _record(registered, EVENTS)
    assert r.status_code == 201, r.text
    assert [e["seq"] for e in r.json()] == [1, 2]
    history = registered.get("/api/register/history?gezin=gezin-11", headers=bearer("t-pl"))
    actors = {e["event"]["actor"]["id"] for e in history.json()}
    assert actors == {"projectleider"}


def test_the_waitlist_escalations_and_budget(registered: TestClient) -> None:
    _record(registered, EVENTS)
    pl = bearer("t-pl")
    waiting = registered.get(f"/api/register/{P}/waitlist", params={"on": "2011-02-01"}, headers=pl)
    assert waiting.json() == ["gezin-11"]
    overdue = registered.get(
        f"/api/register/{P}/escalations", params={"on": "2011-06-01", "overdue": True}, headers=pl
    ).json()
    assert [o["ref"] for o in overdue] == ["esc-1"]
    lines = registered.get(f"/api/register/{P}/budget", headers=pl).json()
    assert all(line["remaining"] == line["plan"] for line in lines)  # nothing spent yet
    assert lines


def test_an_analyst_sees_figures_and_no_family(registered: TestClient) -> None:
    _record(registered, EVENTS)
    analyst = bearer("t-analyst")
    assert registered.get(f"/api/register/{P}/budget", headers=analyst).status_code == 200
    assert registered.get(f"/api/register/{P}/waitlist", headers=analyst).status_code == 403
    history = registered.get("/api/register/history?gezin=gezin-11", headers=analyst)
    assert history.status_code == 403
    assert _record(registered, EVENTS, "t-analyst").status_code == 403


def test_a_pilot_not_granted_is_refused_and_its_history_left_out(registered: TestClient) -> None:
    _record(registered, EVENTS)
    wij = bearer("t-wij")  # granted the gezinsverzorger only
    assert registered.get(f"/api/register/{P}/waitlist", headers=wij).status_code == 403
    assert _record(registered, EVENTS, "t-wij").status_code == 403
    history = registered.get("/api/register/history?gezin=gezin-11", headers=wij)
    assert history.json() == []


def test_another_actor_is_refused(registered: TestClient) -> None:
    event = {**EVENTS[0], "actor": {"id": "iemand-anders", "rol": "GEZINSCOACH"}}
    r = _record(registered, event)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "actor.id"


def test_a_refused_event_names_the_field_and_the_rule_not_the_family(
    registered: TestClient,
) -> None:
    from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS

    assert _record(registered, EVENTS[0]).status_code == 201
    again = _record(registered, EVENTS[0])
    assert again.status_code == 400
    assert again.json()["error"]["field"] == "Wachtlijst.gezin"
    assert "gezin-11" not in again.text
    late = {
        "kind": "aanwijzing",
        "pilot": P,
        "datum": "2011-06-01",
        "gezin": "gezin-31",
        "soort": "TOP10",
        "partners": [str(p) for p in SAMENWERKINGSPARTNERS],
    }
    r = _record(registered, late)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "Aanwijzing.datum"
    assert r.json()["error"]["source"]["letter"].startswith("003_")


def test_every_register_route_needs_a_token(
    registered: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    document = registered.get("/api/openapi.json").json()
    routes = [(m, p) for p, item in document["paths"].items() for m in item if "register" in p]
    assert len(routes) == 6
    for method, path in routes:
        url = path.replace("{pilot}", P)
        r = registered.request(method, url, params={"gezin": "gezin-11"}, json=EVENTS)
        assert r.status_code == 401, (method, path)
        op = document["paths"][path][method]
        assert op["x-personal"] is True
    # the test's own HTTP client logs the URLs it asks for; the service logs none
    served = [rec for rec in caplog.records if not rec.name.startswith("httpx")]
    logged = "\n".join(rec.getMessage() for rec in served)
    assert "refused GET /api/register/history: 401 no-token" in logged
    assert "gezin-11" not in logged


def test_the_register_page(registered: TestClient) -> None:
    _record(registered, EVENTS)
    assert registered.get("/register").status_code == 401
    registered.cookies.set("sociaaldomein_token", "t-pl")
    page = registered.get("/register")
    assert page.status_code == 200
    assert "gezin-11" in page.text
    assert "Budget" in page.text
    registered.cookies.set("sociaaldomein_token", "t-analyst")
    page = registered.get("/register")
    assert "gezin-11" not in page.text  # figures, no family
    assert "Budget" in page.text


def test_without_a_register_there_are_no_register_routes(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    assert not [p for p in document["paths"] if "register" in p]
    assert client.get("/register").status_code == 404
