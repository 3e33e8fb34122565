"""The pilot's own role and funding model, from the declaration to the command line's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sociaaldomein_schuldhulp import SchuldhulpJongeren
from sociaaldomein_schuldhulp.facts import DOORBRAAKFUNCTIONARIS, SANERINGSKREDIET

from sociaaldomein import Begroting, Financieringsmodel, Gemeente, Money, Rol
from sociaaldomein.cli.main import main

ONLY = ["--plugin", "schuldhulp-jongeren"]


def test_the_role_and_the_funding_model_are_declared_and_compiled() -> None:
    gemeente = Gemeente("Westerkwartier", plugins=[SchuldhulpJongeren()])
    assert gemeente.feiten.term("rol", "schuldhulp.doorbraakfunctionaris") is DOORBRAAKFUNCTIONARIS
    assert gemeente.feiten.owners["schuldhulp.saneringskrediet"] == "schuldhulp-jongeren"
    rollen = [p.rol for p in gemeente.pilot("schuldhulp-jongeren").bemensing]
    assert rollen == [Rol.VRIJWILLIGER, DOORBRAAKFUNCTIONARIS]
    per_model = Begroting(gemeente.funding()).per_model()
    assert per_model == {
        Financieringsmodel.PROJECTBUDGET: Money(240_000),
        SANERINGSKREDIET: Money(30_000),
    }


def test_budget_shows_the_model_by_its_label_and_writes_its_code_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["budget", *ONLY]) == 0
    assert "saneringskrediet" in capsys.readouterr().out
    assert main(["budget", *ONLY, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    credits = [row for row in rows if row["model"] == "schuldhulp.saneringskrediet"]
    assert [(row["year"], row["amount"]) for row in credits] == [
        (2025, "10000.00"),
        (2026, "10000.00"),
        (2027, "10000.00"),
    ]
    assert main(["budget", *ONLY, "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sum(",2026,schuldhulp.saneringskrediet,saneringskredieten," in li for li in lines) == 1


def test_the_escalation_ladder_names_the_doorbraakfunctionaris(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["mandate", "schuldhulp-jongeren", *ONLY]) == 0
    assert "doorbraakfunctionaris" in capsys.readouterr().out
    assert main(["mandate", "schuldhulp-jongeren", *ONLY, "--json"]) == 0
    levels = json.loads(capsys.readouterr().out)["escalation_ladder"]["levels"]
    assert levels[-1]["holders"] == [DOORBRAAKFUNCTIONARIS.label]
    assert levels[-1]["source"]["section"] == "8. Doorbraak"


def _young_adults(n: int) -> str:
    header = (
        "id,wijk,problemen,schuldhulp.schuld,schuldhulp.inkomen,schuldhulp.schuldeisers,"
        "schuldhulp.schuldeisers@datum,schuldhulp.geboortedatum"
    )
    rows = [f"j{i},Zuidhorn,SCHULDEN,4200.00,1100.00,3,2025-05-20,2003-08-01" for i in range(n)]
    return "\n".join([header, *rows]) + "\n"


def test_compare_reads_a_cohort_file_of_declared_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "jongeren.csv").write_text(_young_adults(60), encoding="utf-8")
    scenario = (
        '[[pilots]]\nplugin = "schuldhulp-jongeren"\n{params}[cohort]\nfile = "jongeren.csv"\n'
        '[simulation]\nstart = 2025-06-01\nmonths = 3\nruns = 2\nreferral_probability = "1"\n'
    )
    base, changed = tmp_path / "base.toml", tmp_path / "changed.toml"
    base.write_text(scenario.format(params=""), encoding="utf-8")
    changed.write_text(scenario.format(params="params = { capacity = 5 }\n"), encoding="utf-8")
    assert main(["compare", str(base), str(changed), "--json"]) == 0
    totals = json.loads(capsys.readouterr().out)["totals"]["schuldhulp-jongeren"]
    # the declared facts were read, so the young adults qualify, and 5 places admit fewer
    assert totals["admitted"] < 0
    assert totals["waiting"] > 0
