"""Every route of the OpenAPI document: what touches a family needs a token with the right role.

The walk starts from the document the service publishes, so a route added
later is walked too: it is either in :data:`PUBLIC` (what the council letters
publish) or refused without a token, with an unknown token, with a role that
may not use it, and for a pilot the token is not granted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from fastapi.testclient import TestClient

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, Permission, Role, ServiceLimits, create_app

from .conftest import FAMILY, TOKENS, bearer

PUBLIC: Final = {
    ("get", "/api/plugins"),
    ("get", "/api/pilots"),
    ("get", "/api/pilots/{pilot}"),
    ("get", "/api/pilots/{pilot}/mandate"),
    ("get", "/api/funding"),
    ("get", "/api/schemas/{name}"),
}
"""The routes open without a token: nothing in them is about a family."""

PERSONAL_PAGES: Final = [("get", "/beoordelen"), ("post", "/beoordelen"), ("get", "/register")]


@pytest.fixture(params=["without a register", "with a register"])
def served(
    request: pytest.FixtureRequest, groningen: Gemeente, access: Access, tmp_path: Path
) -> Iterator[TestClient]:
    """The service as configured both ways: the register adds its routes."""
    register = None
    if request.param == "with a register":
        pytest.importorskip("sqlalchemy", reason="the register needs sociaaldomein[register]")
        from sociaaldomein.register import Register

        register = Register.open(tmp_path / "register.db", gemeente=groningen, create=True)
    app = create_app(groningen, access=access, register=register, limits=ServiceLimits(rate=0))
    try:
        with TestClient(app) as client:
            yield client
    finally:
        if register is not None:
            register.close()


def _operations(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    document = client.get("/api/openapi.json").json()
    return [
        (method, path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def _call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> int:
    url = re.sub(r"\{pilot\}", "gezinsverzorger", path)
    url = re.sub(r"\{[a-z_]+\}", "x", url)
    return client.request(method, url, headers=headers, json=FAMILY).status_code


def test_the_document_has_routes(served: TestClient) -> None:
    paths = {p for _, p, _ in _operations(served)}
    assert {"/api/assess", "/api/simulations", "/api/pilots/{pilot}/advice"} <= paths


def test_every_route_is_public_or_marked_personal(served: TestClient) -> None:
    for method, path, operation in _operations(served):
        personal = operation.get("x-personal", False)
        assert personal != ((method, path) in PUBLIC), (method, path)
        if personal:
            assert operation["security"] == [{"token": []}]
            assert operation["x-permission"] in Permission.__members__


def test_no_token_no_access_on_every_personal_route(
    served: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "sociaaldomein.service")
    for method, path, _operation in _operations(served):
        if (method, path) in PUBLIC:
            continue
        assert _call(served, method, path, {}) == 401, (method, path)
        assert _call(served, method, path, bearer("not-a-token")) == 401, (method, path)
        assert _call(served, method, path, {"Authorization": "Basic eDp5"}) == 401, (method, path)
    refusals = [r.getMessage() for r in caplog.records]
    assert any("/api/assess: 401 no-token" in m for m in refusals)
    assert any("/api/assess: 401 unknown-token" in m for m in refusals)


def test_a_role_without_the_permission_is_refused_on_every_route(served: TestClient) -> None:
    for method, path, operation in _operations(served):
        if (method, path) in PUBLIC:
            continue
        permission = Permission[operation["x-permission"]]
        for token, grant in TOKENS.items():
            status = _call(served, method, path, bearer(token))
            if permission in grant.role.permissions:
                assert status not in (401, 403), (token, method, path)
            else:
                assert status == 403, (token, method, path)


def test_a_pilot_not_granted_is_refused(client: TestClient) -> None:
    # the WIJ-medewerker is granted the gezinsverzorger only
    r = client.post(
        "/api/assess",
        params=[("on", "2022-03-01"), ("pilot", "multiprobleem")],
        json=FAMILY,
        headers=bearer("t-wij"),
    )
    assert r.status_code == 403
    advice = {
        "geselecteerd": True,
        "advies": {"gezin_id": "g-7", "instelling": "x", "besluit": "y", "datum": "2011-03-01"},
    }
    r = client.post("/api/pilots/multiprobleem/advice", json=advice, headers=bearer("t-wij"))
    assert r.status_code == 403


@pytest.mark.parametrize(("method", "path"), PERSONAL_PAGES)
def test_the_web_page_refuses_without_a_token(served: TestClient, method: str, path: str) -> None:
    if path == "/register" and served.get("/api/openapi.json").text.count("/api/register") == 0:
        assert served.get(path).status_code == 404  # no register, no page
        return
    r = served.request(method, path, data={"id": "gezin-1"})
    assert r.status_code == 401
    assert "Geen toegang" in r.text


def test_the_web_page_refuses_a_role_without_assess(client: TestClient) -> None:
    client.cookies.set("sociaaldomein_token", "t-analyst")
    r = client.get("/beoordelen")
    assert r.status_code == 403
    assert Role.ANALYST.value in r.text
