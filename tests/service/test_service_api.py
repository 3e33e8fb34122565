"""The API gives the command line's answers, from the library's readers and writers."""

from __future__ import annotations

import json
from typing import Any

import pendulum
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from sociaaldomein import Gemeente
from sociaaldomein.cli.assess import assessments_json
from sociaaldomein.cli.budget import overview_json
from sociaaldomein.cli.keys import english
from sociaaldomein.io import dumps_gezinnen, gezinnen_from_data, unstructure
from sociaaldomein.testing.strategies import gezinnen

from .conftest import FAMILY, bearer

ON = "2022-03-01"


def test_pilots_lists_every_pilot_with_its_provider(
    client: TestClient, groningen: Gemeente
) -> None:
    answer = client.get("/api/pilots").json()
    assert [p["name"] for p in answer] == list(groningen.pilots)
    assert all(p["failed"] is None and p["provided_by"] for p in answer)


def test_plugins_lists_hooks_and_pilots(client: TestClient) -> None:
    answer = client.get("/api/plugins").json()
    names = {p["name"]: p for p in answer}
    assert "gezinsverzorger" in names["gezinsverzorger"]["pilots"]
    assert "sociaaldomein_pilots" in names["gezinsverzorger"]["hooks"]


def test_a_pilot_page_has_rules_money_and_status(client: TestClient, groningen: Gemeente) -> None:
    page = client.get("/api/pilots/gezinsverzorger", params={"on": "2022-03-01"}).json()
    assert page["status_on"] == "ACTIVE"
    leaves = list(groningen.compiled("gezinsverzorger").eligibility.leaves())
    assert all(str(leaf.source) in page["rules"] for leaf in leaves if leaf.source)
    assert any(leaf.source for leaf in leaves)  # every rule cites its letter
    total = groningen.funding_overview(pilots=["gezinsverzorger"]).total()
    assert page["total"] == unstructure(total) == "336000.00"


def test_an_unknown_pilot_is_404_naming_the_known_ones(client: TestClient) -> None:
    r = client.get("/api/pilots/nope")
    assert r.status_code == 404
    assert "gezinsverzorger" in r.json()["error"]["message"]


def test_funding_is_the_budget_command_answer(client: TestClient, groningen: Gemeente) -> None:
    r = client.get("/api/funding", params=[("year", 2022), ("pilot", "gezinsverzorger")])
    overview = groningen.funding_overview(years=[2022], pilots=["gezinsverzorger"])
    assert r.json() == json.loads(json.dumps(overview_json(overview, [2022])))


def test_mandate_and_ladder(client: TestClient, groningen: Gemeente) -> None:
    answer = client.get("/api/pilots/multiprobleem/mandate").json()
    compiled = groningen.compiled("multiprobleem")
    assert compiled.mandate is not None
    assert answer["mandate"] == json.loads(json.dumps(english(unstructure(compiled.mandate))))
    assert answer["escalation_ladder"] is not None


def test_an_advice_check_says_whether_it_binds(client: TestClient) -> None:
    advice = {
        "geselecteerd": True,
        "advies": {
            "gezin_id": "gezin-7",
            "instelling": "Woningcorporaties",
            "besluit": "woningtoewijzing",
            "datum": "2011-03-01",
        },
    }
    r = client.post("/api/pilots/multiprobleem/advice", json=advice, headers=bearer("t-pl"))
    assert r.status_code == 200, r.text
    assert r.json()["binds"] is True
    advice["geselecteerd"] = False
    r = client.post("/api/pilots/multiprobleem/advice", json=advice, headers=bearer("t-pl"))
    assert r.json()["binds"] is False


def test_schemas_are_the_schema_command_output(client: TestClient) -> None:
    from sociaaldomein.io import SCHEMAS

    for name, build in SCHEMAS.items():
        assert client.get(f"/api/schemas/{name}").json() == build()
    assert client.get("/api/schemas/nope").status_code == 404


def test_assess_gives_the_verdict_with_reasons_and_sources(client: TestClient) -> None:
    r = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=bearer("t-pl"))
    assert r.status_code == 200, r.text
    verdict = r.json()["assessments"][0]["verdicts"]["gezinsverzorger"]
    assert verdict["outcome"] == "ELIGIBLE"
    sources = [c["source"]["letter"] for c in verdict["eligibility"]["children"] if c["source"]]
    assert "000_6fd8bb18cab06410.txt" in sources


def test_assess_only_the_granted_pilots(client: TestClient) -> None:
    r = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=bearer("t-wij"))
    assert list(r.json()["assessments"][0]["verdicts"]) == ["gezinsverzorger"]


def test_assess_reads_toml(client: TestClient) -> None:
    (gezin,) = gezinnen_from_data(FAMILY)
    body = dumps_gezinnen(gezin, "toml")
    headers = {**bearer("t-pl"), "Content-Type": "application/toml"}
    r = client.post("/api/assess", params={"on": ON}, content=body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["assessments"][0]["family_id"] == "gezin-0042"


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gezin=gezinnen())
def test_assess_agrees_with_the_library(
    client: TestClient, groningen: Gemeente, gezin: Any
) -> None:
    on = pendulum.date(2022, 3, 1)
    body = dumps_gezinnen(gezin)
    r = client.post("/api/assess", params={"on": ON}, content=body, headers=bearer("t-pl"))
    try:
        gezin.check_dates_on(on)
    except ValueError:
        assert r.status_code == 400
        return
    assert r.status_code == 200, r.text
    expected = assessments_json(on, [groningen.assess(gezin, on)])
    assert r.json() == json.loads(json.dumps(expected))  # as `assess --json` prints it


def test_bad_input_names_the_field_and_never_the_value(client: TestClient) -> None:
    family = json.loads(json.dumps(FAMILY))
    family["gezin"]["leden"][0]["geboortedatum"] = "1984-13-01"
    r = client.post("/api/assess", params={"on": ON}, json=family, headers=bearer("t-pl"))
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["field"] == "gezin.leden[0].geboortedatum"
    assert "1984-13-01" not in r.text


def test_a_bsn_as_id_is_refused_without_repeating_it(client: TestClient) -> None:
    family = json.loads(json.dumps(FAMILY))
    family["gezin"]["id"] = "123456782"
    r = client.post("/api/assess", params={"on": ON}, json=family, headers=bearer("t-pl"))
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "gezin.id"
    assert "123456782" not in r.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"{", None),
        (b"[]", None),
        (b'{"gezin": {}, "extra": 1}', None),
        (b"\xff\xfe", None),
    ],
)
def test_unreadable_bodies_are_400_not_500(
    client: TestClient, body: bytes, field: str | None
) -> None:
    r = client.post("/api/assess", params={"on": ON}, content=body, headers=bearer("t-pl"))
    assert r.status_code == 400
    assert r.json()["error"]["kind"] == "input"


def test_a_bad_date_names_on(client: TestClient) -> None:
    r = client.post("/api/assess", params={"on": "2022-02-30"}, json=FAMILY, headers=bearer("t-pl"))
    assert r.status_code == 400
    assert r.json()["error"]["field"] == "on"


def test_too_many_families_per_request(groningen: Gemeente) -> None:
    from sociaaldomein.service import Access, ServiceLimits, create_app

    from .conftest import TOKENS

    app = create_app(
        groningen, access=Access.with_tokens(TOKENS), limits=ServiceLimits(rate=0, max_families=2)
    )
    many = {"gezinnen": [dict(FAMILY["gezin"], id=f"gezin-{i}") for i in range(3)]}
    with TestClient(app) as c:
        r = c.post("/api/assess", params={"on": ON}, json=many, headers=bearer("t-pl"))
    assert r.status_code == 400
    assert "at most 2 families" in r.json()["error"]["message"]


def test_a_parameter_of_the_wrong_type_is_a_400_in_the_library_shape(client: TestClient) -> None:
    r = client.get("/api/funding", params={"year": "twintig"})
    assert r.status_code == 400
    error = r.json()["error"]
    assert error["field"] == "query.year.0"
    assert "twintig" not in r.text


def test_the_openapi_document_has_the_library_schemas_and_no_pydantic_ones(
    client: TestClient,
) -> None:
    from sociaaldomein.composition.overview import FundingRow
    from sociaaldomein.domain.pilot import Pilot
    from sociaaldomein.io import family_schema
    from sociaaldomein.io.schema import schema_of

    document = client.get("/api/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    family = family_schema()
    assert schemas["Gezin"]["properties"].keys() == family["$defs"]["Gezin"]["properties"].keys()
    # a pilot's staff and a funding row hold a member or a declared term: the library's schema
    pilot = schema_of(Pilot, title="Pilot")
    assert schemas["Pilot"]["properties"].keys() == pilot["properties"].keys()
    rol = pilot["$defs"]["Professional"]["properties"]["rol"]
    assert schemas["Professional"]["properties"]["rol"] == rol
    assert (
        schemas["FundingRow"]["properties"]["model"]
        == schema_of(FundingRow, title="")["properties"]["model"]
    )
    assert "#/$defs/" not in json.dumps(document)  # every reference points into the document
    for item in document["paths"].values():
        for operation in item.values():
            assert "422" not in operation["responses"]


def test_the_reasons_in_dutch_when_the_client_prefers_it(client: TestClient) -> None:
    headers = {**bearer("t-pl"), "Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5"}
    r = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=headers)
    verdict = r.json()["assessments"][0]["verdicts"]["gezinsverzorger"]
    assert verdict["outcome"] == "ELIGIBLE"  # codes stay as they are
    assert verdict["eligibility"]["text"].startswith("het gezin")
    assert r.headers["vary"] == "Accept-Language"
    english = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=bearer("t-pl"))
    text = english.json()["assessments"][0]["verdicts"]["gezinsverzorger"]["eligibility"]["text"]
    assert text.startswith("the family")
    prefer_en = {**bearer("t-pl"), "Accept-Language": "nl;q=0.2, en"}
    r = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=prefer_en)
    assert r.json()["assessments"][0]["verdicts"]["gezinsverzorger"]["eligibility"]["text"] == text


def test_the_answers_have_the_keys_the_openapi_document_names(client: TestClient) -> None:
    """The answers are English (as the command line's --json), and so is their description."""
    from jsonschema import Draft202012Validator

    document = client.get("/api/openapi.json").json()

    def check(answer: Any, component: str) -> None:
        schema = {"$ref": f"#/components/schemas/{component}", **document}
        Draft202012Validator(schema).validate(answer)

    r = client.post("/api/assess", params={"on": ON}, json=FAMILY, headers=bearer("t-pl"))
    check(r.json(), "AssessmentList")
    verdict = r.json()["assessments"][0]["verdicts"]["gezinsverzorger"]
    assert verdict.keys() <= document["components"]["schemas"]["Verdict"]["properties"].keys()
    assert "family_id" in verdict
    mandate = client.get("/api/pilots/multiprobleem/mandate").json()
    check(mandate, "MandateAnswer")
    rows = mandate["mandate"]["rows"]
    assert rows[0].keys() <= document["components"]["schemas"]["MandaatRegel"]["properties"].keys()
    advice = {
        "geselecteerd": True,
        "advies": {
            "gezin_id": "gezin-7",
            "instelling": "Woningcorporaties",
            "besluit": "woningtoewijzing",
            "datum": "2011-03-01",
        },
    }
    answer = client.post(
        "/api/pilots/multiprobleem/advice", json=advice, headers=bearer("t-pl")
    ).json()
    check(answer, "AdviceAnswer")
    assert answer["advice"]["family_id"] == "gezin-7"  # the advice file said gezin_id
    assert (
        answer["advice"].keys() <= document["components"]["schemas"]["Advice"]["properties"].keys()
    )
    assert "title" in client.get("/api/pilots").json()[0]
