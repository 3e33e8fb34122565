"""Limits and privacy: body size, rate, CORS, loopback, and logs without family data."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Gemeente
from sociaaldomein.service import Access, ServiceLimits, create_app
from sociaaldomein.service.errors import redact
from sociaaldomein.service.limits import RateLimiter

from .conftest import FAMILY, bearer

ON = "2022-03-01"


def _client(groningen: Gemeente, access: Access, limits: ServiceLimits) -> TestClient:
    return TestClient(create_app(groningen, access=access, limits=limits))


def test_a_body_over_the_limit_is_413(groningen: Gemeente, access: Access) -> None:
    with _client(groningen, access, ServiceLimits(rate=0, max_body=1000)) as c:
        big = json.dumps({"gezin": {**FAMILY["gezin"], "wijk": "x" * 2000}})
        r = c.post("/api/assess", params={"on": ON}, content=big, headers=bearer("t-pl"))
        assert r.status_code == 413
        ok = c.post("/api/assess", params={"on": ON}, json=FAMILY, headers=bearer("t-pl"))
        assert ok.status_code == 200


def test_a_streamed_body_over_the_limit_is_413(groningen: Gemeente, access: Access) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(10):
            yield b" " * 500  # no Content-Length: the guard counts what arrives

    with _client(groningen, access, ServiceLimits(rate=0, max_body=1000)) as c:
        r = c.post("/api/assess", params={"on": ON}, content=chunks(), headers=bearer("t-pl"))
        assert r.status_code == 413


def test_the_rate_limit_is_per_token(groningen: Gemeente, access: Access) -> None:
    with _client(groningen, access, ServiceLimits(rate=0.001, burst=3)) as c:
        codes = [c.get("/api/pilots", headers=bearer("t-pl")).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        # another token has its own bucket
        assert c.get("/api/pilots", headers=bearer("t-analyst")).status_code == 200


def test_without_a_token_the_rate_limit_is_per_address(groningen: Gemeente, access: Access) -> None:
    with _client(groningen, access, ServiceLimits(rate=0.001, burst=2)) as c:
        codes = [c.get("/api/pilots").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


@given(
    rate=st.floats(0.5, 50), burst=st.integers(1, 20), gaps=st.lists(st.floats(0, 2), max_size=60)
)
def test_a_bucket_never_allows_more_than_burst_plus_rate_times_time(
    rate: float, burst: int, gaps: list[float]
) -> None:
    bucket = RateLimiter(rate, burst)
    now, allowed = 0.0, 0
    for gap in gaps:
        now += gap
        allowed += bucket.allow("caller", now=now)
    assert allowed <= burst + rate * now + 1e-9


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.get("/api/pilots", headers={"Origin": "https://elders.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/api/assess",
        headers={"Origin": "https://elders.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_for_a_configured_origin(groningen: Gemeente, access: Access) -> None:
    app = create_app(
        groningen, access=access, limits=ServiceLimits(rate=0), cors_origins=["https://wij.nl"]
    )
    with TestClient(app) as c:
        r = c.get("/api/pilots", headers={"Origin": "https://wij.nl"})
        assert r.headers["access-control-allow-origin"] == "https://wij.nl"
        r = c.get("/api/pilots", headers={"Origin": "https://elders.example"})
        assert "access-control-allow-origin" not in r.headers


def test_logs_and_errors_hold_no_family_data(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_id, secret_wijk = "gezin-geheim-77", "Geheimewijk"
    family = {"gezin": {**FAMILY["gezin"], "id": secret_id, "wijk": secret_wijk}}
    client.post("/api/assess", params={"on": ON}, json=family)  # refused: no token
    client.post("/api/assess", params={"on": ON}, json=family, headers=bearer("t-pl"))
    bad = {"gezin": {**family["gezin"], "leden": [{"rol": secret_wijk, "geboortedatum": "x"}]}}
    r = client.post("/api/assess", params={"on": ON}, json=bad, headers=bearer("t-pl"))
    assert r.status_code == 400
    assert secret_wijk not in r.text
    client.post("/beoordelen", data={"id": secret_id, "wijk": secret_wijk})  # refused
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "refused POST /api/assess: 401 no-token" in logged
    assert "refused POST /beoordelen: 401 no-token" in logged
    for secret in (secret_id, secret_wijk, "1984-04-01", "t-pl"):
        assert secret not in logged


@given(st.text(min_size=1, max_size=30).filter(lambda s: "'" not in s and "\\" not in s))
def test_redact_leaves_out_every_quoted_value(value: str) -> None:
    for problem in (f"unknown LidRol {value!r}; allowed: OUDER", f"{value!r} is not a date"):
        assert repr(value) not in redact(problem)
