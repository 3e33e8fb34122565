"""The JSON Schemas of decision files and case files: the shipped files fit, wrong ones do not,
and the schema agrees with the reader on what a change may hold."""

from __future__ import annotations

import datetime
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.cli.main import main
from sociaaldomein.io import SCHEMAS
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.policy.cases import load_cases
from sociaaldomein.policy.files import CHANGE_FIELDS, load_besluiten, parse_besluiten

ROOT = Path(__file__).resolve().parents[2]
CASE_FILES = sorted(ROOT.glob("plugins/*/cases/*.cases.toml"))
DECISION_FILES = sorted(
    p for p in ROOT.glob("plugins/*/cases/*.toml") if "[[besluiten]]" in p.read_text("utf-8")
)
DOCS = (ROOT / "docs" / "policy.md").read_text(encoding="utf-8")
DOC_BLOCKS = re.findall(r"```toml\n(.*?)```", DOCS, flags=re.DOTALL)


def as_json(data: Any) -> Any:
    """TOML data as JSON holds it: dates as text (the schema describes JSON)."""
    if isinstance(data, dict):
        return {k: as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    return data


def fits(kind: str, data: Any) -> bool:
    validator = jsonschema.Draft202012Validator(SCHEMAS[kind]())
    return validator.is_valid(as_json(data))


@pytest.mark.parametrize("kind", ["decisions", "cases"])
def test_the_schemas_are_json_schema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[kind]())


def test_files_of_both_kinds_are_shipped() -> None:
    assert len(CASE_FILES) >= 5
    assert DECISION_FILES
    assert len(DOC_BLOCKS) == 2


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_the_shipped_case_files_read_and_fit_the_schema(path: Path) -> None:
    assert load_cases(path).cases
    jsonschema.validate(as_json(tomllib.loads(path.read_text("utf-8"))), SCHEMAS["cases"]())


@pytest.mark.parametrize("path", DECISION_FILES, ids=lambda p: p.name)
def test_the_shipped_decision_files_read_and_fit_the_schema(path: Path) -> None:
    assert load_besluiten(path)
    jsonschema.validate(as_json(tomllib.loads(path.read_text("utf-8"))), SCHEMAS["decisions"]())


def test_the_examples_in_the_docs_fit_their_schemas() -> None:
    decision, cases = (tomllib.loads(block) for block in DOC_BLOCKS)
    assert parse_besluiten(decision)
    jsonschema.validate(as_json(decision), SCHEMAS["decisions"]())
    jsonschema.validate(as_json(cases), SCHEMAS["cases"]())


SHIPPED_DECISION = ROOT / "plugins" / "gezinsverzorger" / "cases" / "capaciteit-15.toml"
SHIPPED_CASES = ROOT / "plugins" / "gezinsverzorger" / "cases" / "capaciteit-15.cases.toml"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('orgaan = "raad"', 'orgaan = "gemeente"'),
        ('soort = "kosten"', 'soort = "bezuiniging"'),
        ("vanaf = 2022-07-01\n\n", "\n"),  # the first change without its date
        ('factor = "1.2"', "factor = 1.2"),  # a float is not exact
        ('factor = "1.2"', 'factor = "twenty percent"'),
        ("waarde = 15", "waarde = 15\neind = 2023-01-01"),  # a field of another change
        ('kenmerk = "RB 2022-voorbeeld"', 'kenmerk = "  "'),
        ('bron = { letter = "raadsbesluit-voorbeeld.txt", section = "Besluit 1" }', ""),
    ],
)
def test_a_wrong_decision_file_fits_neither_the_schema_nor_the_reader(old: str, new: str) -> None:
    text = SHIPPED_DECISION.read_text("utf-8")
    assert old in text
    wrong = text.replace(old, new, 1)
    assert not fits("decisions", tomllib.loads(wrong))
    with pytest.raises(FileFormatError):
        parse_besluiten(tomllib.loads(wrong))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('expect = { gezinsverzorger = "waitlist" }', 'expect = { gezinsverzorger = "perhaps" }'),
        ("occupancy = { gezinsverzorger = 10 }", "occupancy = { gezinsverzorger = -1 }"),
        ("date = 2022-06-30\n", ""),
        ('pilots = ["gezinsverzorger"]', "pilots = []"),
        ('besluiten = ["capaciteit-15.toml"]', 'besluiten = "capaciteit-15.toml"'),
        ("date = 2022-06-30", "date = 2022-06-30\nwhen = 2022-06-30"),
        ('section = "Aantal gezinnen" }', 'section = "Aantal gezinnen", quote = "x" }'),
    ],
)
def test_a_wrong_case_file_fits_neither_the_schema_nor_the_reader(
    tmp_path: Path, old: str, new: str
) -> None:
    text = SHIPPED_CASES.read_text("utf-8")
    assert old in text
    wrong = text.replace(old, new, 1).replace('"families.toml"', json.dumps(str(FAMILIES)))
    path = tmp_path / "wrong.cases.toml"
    path.write_text(wrong, encoding="utf-8")
    (tmp_path / "capaciteit-15.toml").write_text(SHIPPED_DECISION.read_text("utf-8"))
    assert not fits("cases", tomllib.loads(wrong))
    with pytest.raises(FileFormatError):
        load_cases(path)


FAMILIES = ROOT / "plugins" / "gezinsverzorger" / "cases" / "families.toml"

# Values a policy officer might write for each kind of field, right and wrong.
VALUES: dict[str, list[object]] = {
    "text": ["gezinsverzorger", "", "  ", 3],
    "date": [datetime.date(2022, 7, 1), 20220701, datetime.datetime(2022, 7, 1, 9, 0)],
    "decimal": ["1.2", 2, 1.5, "abc", "NaN", True],
    "bool": [True, "yes"],
    "any": [15, "x"],
    "rule": [
        {"feit": "aantal_problemen", "op": ">=", "waarde": 4},
        {"feit": "aantal_problemen", "op": "=>", "waarde": 4},
        {"feit": "geen_feit", "op": ">=", "waarde": 4},
        {"feit": "aantal_problemen", "waarde": 4},
        {"feit": "aantal_problemen", "op": ">=", "waarde": "4"},
    ],
}
KINDS = ("kosten", "looptijd", "parameter", "regel")  # financiering: by example, below


@st.composite
def change_tables(draw: st.DrawFn) -> dict[str, object]:
    kind = draw(st.sampled_from(KINDS))
    table: dict[str, object] = {"soort": kind}
    for name, (value_kind, required) in CHANGE_FIELDS[kind].items():
        # now and then a required field missing
        present = draw(st.integers(0, 9)) > 0 if required else draw(st.booleans())
        if present:
            table[name] = draw(st.sampled_from(VALUES[value_kind]))
    if draw(st.integers(0, 9)) == 0:
        table["onbekend"] = 1
    return table


@given(change=change_tables())
def test_the_schema_takes_a_change_exactly_when_the_reader_does(change: dict[str, object]) -> None:
    data = {
        "besluiten": [
            {
                "orgaan": "college",
                "datum": datetime.date(2022, 6, 1),
                "kenmerk": "CB 1",
                "bron": {"letter": "collegebesluit-voorbeeld.txt", "section": "Besluit"},
                "wijzigingen": [change],
            }
        ]
    }
    try:
        parse_besluiten(data)
        read = True
    except FileFormatError:
        read = False
    assert fits("decisions", data) == read


def test_the_command_prints_both_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "decisions"]) == 0
    decisions = json.loads(capsys.readouterr().out)
    assert decisions["title"] == "sociaaldomein decision file"
    assert set(CHANGE_FIELDS) <= set(decisions["$defs"])
    assert main(["schema", "cases"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert cases["title"] == "sociaaldomein case file"
    assert "Gezin" in cases["$defs"]  # an inline family, as a family file writes it


FUNDING = {
    "soort": "financiering",
    "pilot": "gezinsverzorger",
    "omschrijving": "extra formatie",
    "bedrag": "42000.50",
    "financier": "gemeente",
    "model": "PROJECTBUDGET",
    "jaar": 2023,
}


@pytest.mark.parametrize(
    ("change", "right"),
    [
        ({}, True),
        ({"jaar": None, "van": datetime.date(2023, 1, 1), "tot": datetime.date(2024, 1, 1)}, True),
        ({"van": datetime.date(2023, 1, 1), "tot": datetime.date(2024, 1, 1)}, False),  # both
        ({"jaar": None}, False),  # neither a year nor a period
        ({"bedrag": 42000.5}, False),
        ({"bedrag": "42.000,50"}, False),
        ({"model": "giften"}, False),
    ],
)
def test_a_funding_line_fits_the_schema_as_the_reader_takes_it(
    change: dict[str, object], right: bool
) -> None:
    table = {k: v for k, v in {**FUNDING, **change}.items() if v is not None}
    data = {
        "besluiten": [
            {
                "orgaan": "raad",
                "datum": datetime.date(2022, 12, 1),
                "kenmerk": "RB 9",
                "bron": {"letter": "raadsbesluit-voorbeeld.txt", "section": "Besluit 2"},
                "wijzigingen": [table],
            }
        ]
    }
    assert fits("decisions", data) is right
    if right:
        assert parse_besluiten(data)
    else:
        with pytest.raises(FileFormatError):
            parse_besluiten(data)
