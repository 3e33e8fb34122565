"""The pilot's own facts, terms and areas, from a family file and a cohort file to a verdict.

Every test reads the files with the composition's register (``gemeente.feiten``),
as ``sociaaldomein assess`` and ``validate`` do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest
from sociaaldomein_schuldhulp import SchuldhulpJongeren
from sociaaldomein_schuldhulp.facts import BESLAG, BUDGETBEHEER

from sociaaldomein import Gemeente, InvalidValueError, Money, Outcome
from sociaaldomein.cli.main import main
from sociaaldomein.io import FileFormatError, read_gezinnen
from sociaaldomein.io.cohort import loads_cohort_csv, read_cohort
from sociaaldomein.io.schema import family_schema
from sociaaldomein.simulation import Settings, simulate

DATA = Path(__file__).parent / "data"
ON = pendulum.date(2025, 6, 1)


@pytest.fixture
def gemeente() -> Gemeente:
    return Gemeente("Westerkwartier", plugins=[SchuldhulpJongeren()])


def test_a_family_file_with_the_declared_facts_and_terms_gets_its_verdicts(
    gemeente: Gemeente,
) -> None:
    eerste, tweede = read_gezinnen(DATA / "jongeren.toml", feiten=gemeente.feiten)
    assert eerste.feiten["schuldhulp.schuld"] == Money("4200.00")
    assert BUDGETBEHEER in eerste.termen
    assert BESLAG in tweede.termen
    verdict = gemeente.assess(eerste, ON)["schuldhulp-jongeren"]
    assert verdict.outcome is Outcome.ELIGIBLE
    assert "(found: EUR 4.200,00)" in verdict.eligibility.render()
    # 3. Werkwijze: beslag on the income (a declared problem) takes the regular route
    assert gemeente.assess(tweede, ON)["schuldhulp-jongeren"].outcome is Outcome.REGULAR_ROUTE


def test_creditors_counted_more_than_90_days_ago_are_reported_not_used(gemeente: Gemeente) -> None:
    eerste, _ = read_gezinnen(DATA / "jongeren.toml", feiten=gemeente.feiten)
    later = pendulum.date(2025, 9, 1)  # 2025-05-01 plus 123 days
    verdict = gemeente.assess(eerste, later)["schuldhulp-jongeren"]
    assert verdict.outcome is Outcome.NOT_ELIGIBLE
    (old,) = verdict.eligibility.outdated_nodes()
    assert old.observed == "schuldhulp.schuldeisers of 2025-05-01 is older than 90 days"


def test_a_cohort_file_gives_the_same_answers_as_the_family_files(gemeente: Gemeente) -> None:
    cohort = read_cohort(DATA / "jongeren.csv", feiten=gemeente.feiten)
    rule = gemeente.compiled("schuldhulp-jongeren").eligibility
    # jong-3 lives in Groningen, outside the pilot's tree; jong-4 owes less than EUR 1.000
    assert rule.evaluate(cohort, ON).tolist() == [True, True, False, False]
    families = read_gezinnen(DATA / "jongeren.toml", feiten=gemeente.feiten)
    assert [rule.passes(g, ON) for g in families] == rule.evaluate(cohort, ON).tolist()[:2]


def _young_adults(debt: str, n: int = 1000) -> str:
    header = (
        "id,wijk,problemen,schuldhulp.schuld,schuldhulp.inkomen,schuldhulp.schuldeisers,"
        "schuldhulp.schuldeisers@datum,schuldhulp.geboortedatum"
    )
    rows = [f"j{i},Zuidhorn,SCHULDEN,{debt},1100.00,3,2025-05-20,2003-08-01" for i in range(n)]
    return "\n".join([header, *rows]) + "\n"


@pytest.mark.parametrize(("debt", "admits"), [("4200.00", True), ("800.00", False)])
def test_a_simulation_admits_only_the_families_the_declared_facts_allow(
    gemeente: Gemeente, debt: str, admits: bool
) -> None:
    cohort = loads_cohort_csv(_young_adults(debt), feiten=gemeente.feiten)
    results = simulate(gemeente, cohort, Settings(ON, months=6), runs=2, seed=1)
    enrolled = int(results.series("enrolled").max())
    # 2. Doelgroep: a debt of at least EUR 1.000; 5. Capaciteit: at most 25 at once
    assert (0 < enrolled <= 25) if admits else enrolled == 0


def test_an_unknown_fact_in_a_family_file_names_the_nearest(
    gemeente: Gemeente, tmp_path: Path
) -> None:
    text = (
        (DATA / "jongeren.toml")
        .read_text()
        .replace('"schuldhulp.inkomen"', '"schuldhulp.inkomsten"')
    )
    path = tmp_path / "jongeren.toml"
    path.write_text(text)
    with pytest.raises(FileFormatError, match=r"did you mean 'schuldhulp.inkomen'\?") as caught:
        read_gezinnen(path, feiten=gemeente.feiten)
    assert caught.value.field == "gezinnen[0].feiten.schuldhulp.inkomsten"


def test_the_cli_assesses_validates_and_describes_the_declared_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    family = str(DATA / "jongeren.toml")
    pick = ["--plugin", "schuldhulp-jongeren"]
    assert main(["assess", family, "--on", "2025-06-01", "--json", *pick]) == 0
    out = json.loads(capsys.readouterr().out)
    outcomes = [a["verdicts"]["schuldhulp-jongeren"]["outcome"] for a in out["assessments"]]
    assert outcomes == ["ELIGIBLE", "REGULAR_ROUTE"]
    assert main(["validate", "cohort", str(DATA / "jongeren.csv"), *pick]) == 0
    assert "a good cohort file with 4 families" in capsys.readouterr().out
    assert main(["schema", "family", *pick]) == 0
    schema = json.loads(capsys.readouterr().out)
    facts = schema["$defs"]["Gezin"]["properties"]["feiten"]["properties"]
    assert facts["schuldhulp.schuldeisers"]["anyOf"][0] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 500,
    }
    bad = tmp_path / "bad.csv"
    bad.write_text("id,schuldhulp.schuldeisers\nx,-3\n")
    assert main(["validate", "cohort", str(bad), *pick]) == 2
    err = capsys.readouterr().err
    assert f"{bad}, line 2: schuldhulp.schuldeisers: must be a whole number from 0 to 500" in err


def test_the_schema_matches_what_the_reader_accepts(gemeente: Gemeente) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from sociaaldomein.io import gezinnen_to_data

    families = read_gezinnen(DATA / "jongeren.toml", feiten=gemeente.feiten)
    jsonschema.validate(gezinnen_to_data(families), family_schema(gemeente.feiten))
    with pytest.raises(InvalidValueError):
        gemeente.feiten.fact("schuldhulp.onbekend")


def test_a_scenario_with_a_cohort_file_of_declared_facts_validates_and_simulates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "jongeren.csv").write_text(_young_adults("4200.00", n=200), encoding="utf-8")
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        '[[pilots]]\nplugin = "schuldhulp-jongeren"\n[cohort]\nfile = "jongeren.csv"\n'
        "[simulation]\nstart = 2025-06-01\nmonths = 3\nruns = 2\n",
        encoding="utf-8",
    )
    assert main(["validate", "scenario", str(scenario)]) == 0
    assert "a good scenario file: pilots schuldhulp-jongeren" in capsys.readouterr().out
    assert main(["simulate", str(scenario), "--no-progress", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    admitted = [row for row in summary if row["figure"] == "admitted"]
    assert [row["pilot"] for row in admitted] == ["schuldhulp-jongeren"]
    assert admitted[0]["mean"] > 0  # the declared facts let young adults in
