"""Simulation jobs: checked before they are queued, run in the background, seen by their owner."""

from __future__ import annotations

import time
from typing import Any

from fastapi.testclient import TestClient

from .conftest import bearer

SCENARIO = """
gemeente = "Groningen"

[[pilots]]
plugin = "gezinsverzorger"

[cohort]
size = 200
seed = 1

[simulation]
start = 2022-01-01
months = 6
runs = 3
seed = 7
"""
TOML = {"Content-Type": "application/toml"}


def _start(client: TestClient, token: str, body: str = SCENARIO) -> Any:
    return client.post("/api/simulations", content=body, headers={**bearer(token), **TOML})


def _wait(client: TestClient, job: str, token: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        state: dict[str, Any] = client.get(f"/api/simulations/{job}", headers=bearer(token)).json()
        if state["status"] in ("done", "failed"):
            return state
        time.sleep(0.2)
    raise AssertionError("the job did not finish in two minutes")


def test_a_job_runs_and_gives_its_summary(client: TestClient) -> None:
    r = _start(client, "t-analyst")
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["pilots"] == ["gezinsverzorger"]
    assert job["runs"] == 3
    early = client.get(f"/api/simulations/{job['id']}/results", headers=bearer("t-analyst"))
    assert early.status_code in (200, 409)
    state = _wait(client, job["id"], "t-analyst")
    assert state["status"] == "done", state
    assert all(isinstance(w, str) for w in state["warnings"])  # the library's, kept
    results = client.get(f"/api/simulations/{job['id']}/results", headers=bearer("t-analyst"))
    rows = results.json()["summary"]
    assert {row["pilot"] for row in rows} == {"gezinsverzorger"}
    assert all(row["n"] == 3 for row in rows)


def test_another_token_does_not_see_the_job(client: TestClient) -> None:
    job = _start(client, "t-analyst").json()["id"]
    assert client.get(f"/api/simulations/{job}", headers=bearer("t-pl")).status_code == 404
    assert client.get(f"/api/simulations/{job}", headers=bearer("t-admin")).status_code == 200
    _wait(client, job, "t-analyst")


def test_import_paths_are_refused(client: TestClient) -> None:
    body = SCENARIO.replace('plugin = "gezinsverzorger"', 'plugin = "os:system"')
    r = _start(client, "t-analyst", "allow_import = true\n" + body)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "allow_import"
    r = _start(client, "t-analyst", body)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "pilots[0].plugin"


def test_a_cohort_file_on_the_server_is_refused(client: TestClient) -> None:
    body = SCENARIO.replace("size = 200\nseed = 1", 'file = "/etc/passwd.csv"')
    r = _start(client, "t-analyst", body)
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "cohort.file"


def test_a_job_over_the_limits_is_refused_before_it_runs(client: TestClient) -> None:
    body = SCENARIO.replace("size = 200", "size = 100000000").replace("runs = 3", "runs = 100000")
    r = _start(client, "t-analyst", body)
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["field"] == "simulation"
    assert "the service runs jobs of at most 1.0 GiB" in error["message"]


def test_a_bad_scenario_names_the_field(client: TestClient) -> None:
    r = _start(client, "t-analyst", SCENARIO.replace("months = 6", "months = 0"))
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "simulation.months"


def test_a_wij_medewerker_may_not_simulate(client: TestClient) -> None:
    assert _start(client, "t-wij").status_code == 403
