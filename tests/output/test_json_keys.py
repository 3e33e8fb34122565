"""One language for tools: every key of every command's ``--json`` is English.

Each command is run on the library's example files (the Groningen pilots'
family and decision files, a scenario, a register) and every key of its JSON
is checked against the English keys the documentation promises.  Keys that are
names (pilots, years, funders, areas, problems) are data, not fields; an event
in the register's history is written in the event file's own fields (an input
format, Dutch as the letters name them), as is the family file ``schema``
describes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.cli.keys import ENGLISH, english
from sociaaldomein.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "plugins" / "gezinsverzorger" / "cases"
FAMILIES = CASES / "families.toml"
DECISION = CASES / "capaciteit-15.toml"
WESTERKWARTIER = ROOT / "src" / "sociaaldomein" / "data" / "cohort_westerkwartier.toml"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ALLOWED = _words(
    # assess: an assessment, a verdict and its tree of reasons
    "on assessments family_id verdicts pilot outcome eligibility passed text observed source "
    "children outdated route routes_not_taken to notes letter section quote provenance "
    "given_by changed_by name distribution version failure call error plugin "
    # plugins, with the decisions applied
    "hooks pilots changes failures decisions decision body date reference "
    # budget: the funding overview
    "years rows funder year model description amount derived illustrative parts from_letters "
    "total per_pilot per_year per_funder failed "
    # mandate, and the verdict on an advice
    "mandate escalation_ladder life_domain institution selected_families_only "
    "cooperation_agreements budget_cover actions characteristics budget levels level holders "
    "deadline exceptions advice selected verdict reason binds status allowed_by_law legal_ground "
    "deviation_ground rejected_ground "
    # validate, test, cohort
    "file kind good valid problems line case "
    "families id_bytes column_bytes bytes_per_family columns areas single_parent_share "
    "youth_care_share mean_children needs facts municipality invented params "
    # simulate and compare
    "runs months start seed level designs summary design figure label n mean sd low high "
    "mean_low mean_high run_out share median earliest not_simulated complete missing_runs "
    "totals admitted waiting referred spent before after changed_families monthly month base "
    "changed difference "
    # the register
    "db engine events seq hash in_pilot designated waitlist open_escalations "
    "overdue_escalations awb_overdue due step ghp_committed ghp_spent counts ref partner "
    "overdue advices followed deviations refused unanswered plan committed remaining ended "
    "counted event ok head "
    # the service's list of pilots
    "title"
)
"""Every key the commands' JSON has: English, the stable interface (the command line docs)."""

NAMES = _words(
    "verdicts per_pilot per_year per_funder totals run_out areas problems needs facts counts"
)
"""Keys whose mapping is keyed by names (pilots, years, funders, areas, ...), not by fields."""

AS_WRITTEN = frozenset({"event"})
"""Keys whose value is an input file's data, in that format's own (Dutch) field names."""


def keys(data: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    """Every field key in ``data`` and where it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key, path
            if key in AS_WRITTEN:
                continue
            if key in NAMES and isinstance(value, dict):
                for name, item in value.items():
                    yield from keys(item, f"{path}.{key}[{name!r}]")
            else:
                yield from keys(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from keys(item, f"{path}[{i}]")


Json = Callable[..., Any]


@pytest.fixture
def run_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Json:
    monkeypatch.delenv("SOCIAALDOMEIN_REGISTER", raising=False)

    def call(*argv: str, code: int = 0) -> Any:
        assert main([*argv, "--json"]) == code, capsys.readouterr().err
        out, err = capsys.readouterr()
        assert "deprecated" not in err
        return json.loads(out)

    return call


def assert_english(data: Any, command: str) -> None:
    other = sorted({f"{key} (at {where})" for key, where in keys(data) if key not in ALLOWED})
    assert not other, f"{command} --json has keys that are not English fields: {other}"


SCENARIO = """
gemeente = "Groningen"

[[pilots]]
plugin = "gezinsverzorger"

[cohort]
size = 150
seed = 1

[simulation]
start = 2022-01-01
months = 4
runs = 2
seed = 3
"""

ADVICE = """
geselecteerd = true

[advies]
gezin_id = "gezin-7"
instelling = "woningcorporaties"
besluit = "woningtoewijzing"
datum = 2011-03-01
"""


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def test_the_pilots_commands_answer_in_english(run_json: Json, tmp_path: Path) -> None:
    advice = tmp_path / "advies.toml"
    advice.write_text(ADVICE, encoding="utf-8")
    answers = {
        "assess": run_json("assess", str(FAMILIES), "--on", "2022-03-01"),
        "plugins": run_json("plugins", "--besluit", str(DECISION)),
        "budget": run_json("budget"),
        "mandate": run_json("mandate", "multiprobleem"),
        "mandate --check": run_json("mandate", "multiprobleem", "--check", str(advice)),
        "validate": run_json("validate", "family", str(FAMILIES)),
        "test": run_json("test", str(CASES)),
    }
    for command, data in answers.items():
        assert_english(data, command)
    # The walk reached what it checks: a verdict, a decision, an advice.
    assert answers["assess"]["assessments"][0]["family_id"] == "gv-voorbeeld-1"
    first = answers["assess"]["assessments"][0]["verdicts"]["gezinsverzorger"]
    assert first["family_id"] == "gv-voorbeeld-1"
    decided = [d for p in answers["plugins"] if "decisions" in p for d in p["decisions"]]
    assert decided[0]["reference"] == "RB 2022-voorbeeld"
    assert answers["mandate --check"]["advice"]["institution"] == "woningcorporaties"


def test_simulate_compare_and_cohort_answer_in_english(
    run_json: Json, scenario: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cohort = tmp_path / "cohort.csv"
    assert main(["cohort", "generate", "--size", "50", "--seed", "1", "--out", str(cohort)]) == 0
    capsys.readouterr()
    answers = {
        "simulate": run_json("simulate", str(scenario), "--no-progress"),
        "compare": run_json(
            "compare", str(scenario), str(scenario), "--besluit", str(DECISION), "--runs", "2"
        ),
        "validate scenario": run_json("validate", "scenario", str(scenario)),
        "cohort validate": run_json("cohort", "validate", str(cohort)),
        "cohort describe": run_json("cohort", "describe", str(cohort)),
        "cohort describe --params": run_json(
            "cohort", "describe", "--params", str(WESTERKWARTIER), "--size", "200"
        ),
    }
    for command, data in answers.items():
        assert_english(data, command)
    assert answers["cohort describe --params"]["municipality"] == "Westerkwartier"


def test_the_register_answers_in_english(run_json: Json, tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy", reason="the register needs sociaaldomein[register]")
    from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS

    db = str(tmp_path / "register.db")
    actor = {"id": "projectleider-1", "rol": "PROJECTLEIDER"}

    def event(kind: str, datum: str, **fields: object) -> dict[str, object]:
        return {"kind": kind, "pilot": "multiprobleem", "actor": actor, "datum": datum, **fields}

    partners = [str(p) for p in SAMENWERKINGSPARTNERS]
    events = [
        *(
            event(
                "aanwijzing", "2010-12-15", gezin=f"gezin-{i:02}", soort="TOP10", partners=partners
            )
            for i in range(1, 11)
        ),
        event("plaatsing", "2011-01-03", gezin="gezin-01"),
        event("wachtlijst", "2011-01-04", gezin="gezin-11"),
        event("escalatie_gestart", "2011-05-02", ref="e-1", gezin="gezin-01", partner="Elker"),
        event("escalatie_opgeschaald", "2011-05-02", ref="e-1"),
    ]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(events), encoding="utf-8")
    on = ("--on", "2011-05-20")
    answers = {
        "init": run_json("register", "init", "--db", db),
        "record": run_json("register", "record", str(path), "--db", db),
        "state": run_json("register", "state", "multiprobleem", *on, "--db", db),
        "waitlist": run_json("register", "waitlist", "multiprobleem", *on, "--db", db),
        "escalations": run_json("register", "escalations", "multiprobleem", *on, "--db", db),
        "overdue": run_json(
            "register", "escalations", "multiprobleem", "--overdue", *on, "--db", db
        ),
        "advices": run_json("register", "advices", "multiprobleem", "--db", db),
        "budget": run_json("register", "budget", "multiprobleem", "--db", db),
        "vote": run_json("register", "vote", "multiprobleem", *on, "--db", db),
        "history": run_json("register", "history", "gezin-01", "--db", db),
        "verify": run_json("register", "verify", "--db", db),
    }
    for action, data in answers.items():
        assert_english(data, f"register {action}")
    assert answers["overdue"][0]["level"] == 4
    assert answers["escalations"][0]["deadline"] == "2011-05-09"
    assert answers["history"][0]["date"] == "2010-12-15"
    assert answers["history"][0]["event"]["datum"] == "2010-12-15"  # the event file's fields


def test_legacy_keys_give_the_0_1_keys_with_a_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["assess", str(FAMILIES), "--on", "2022-03-01", "--json", "--legacy-keys"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    first = json.loads(out)["assessments"][0]
    assert first["gezin_id"] == first["verdicts"]["gezinsverzorger"]["gezin_id"]
    assert "family_id" not in first
    assert "--legacy-keys is deprecated and goes in 0.3" in err


def test_every_dutch_key_has_an_english_key_in_the_allow_list() -> None:
    assert set(ENGLISH.values()) <= ALLOWED
    assert not set(ENGLISH) & ALLOWED


_FIELDS = st.sampled_from([*sorted(ENGLISH), "pilot", "on", "outcome"])
_DATA = st.recursive(
    st.none() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_FIELDS, inner, max_size=4),
    max_leaves=12,
)


@given(_DATA)
def test_english_leaves_no_dutch_key_and_keeps_every_value(data: Any) -> None:
    renamed = english(data)
    assert not {key for key, _ in keys(renamed)} & set(ENGLISH)
    assert english(renamed) == renamed

    def values(node: Any) -> list[Any]:
        if isinstance(node, dict):
            return [v for value in node.values() for v in values(value)]
        if isinstance(node, list):
            return [v for item in node for v in values(item)]
        return [node]

    assert values(renamed) == values(data)


@given(st.dictionaries(st.sampled_from(sorted(ENGLISH)), st.integers(), max_size=4))
def test_names_keep_their_keys_and_rename_what_they_hold(verdicts: dict[str, int]) -> None:
    data = {"verdicts": {name: {"gezin_id": n} for name, n in verdicts.items()}}
    renamed = english(data, names=("verdicts",))
    assert renamed == {"verdicts": {name: {"family_id": n} for name, n in verdicts.items()}}
