"""Family, scenario and advice files: reading, writing, plugin parameters, schemas, the docs."""

from __future__ import annotations

import datetime
import doctest
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pendulum
import pytest

from sociaaldomein import Money
from sociaaldomein.io import (
    SCHEMAS,
    AdviceCheck,
    CohortSettings,
    FileFormatError,
    PilotChoice,
    Scenario,
    SimulationSettings,
    dumps_advice,
    dumps_scenario,
    load_document,
    loads_advice,
    loads_document,
    loads_gezinnen,
    loads_scenario,
    plugin_arguments,
    read_gezinnen,
    read_scenario,
    write_gezinnen,
    write_scenario,
)
from sociaaldomein.testing import ToyPilot, make_gezin

DOCS = Path(__file__).resolve().parents[1] / "docs" / "files.md"
BLOCK = re.compile(r"^```(json|toml)\n(.*?)^```", re.MULTILINE | re.DOTALL)
DOCTEST = re.compile(r"^```\{doctest\}\n(.*?)^```", re.MULTILINE | re.DOTALL)


def kind_of(data: dict[str, Any]) -> str:
    if "advies" in data:
        return "advice"
    if "simulation" in data or "cohort" in data:
        return "scenario"
    return "family"


def as_json(data: Any) -> Any:
    """TOML data as JSON would hold it: dates as text, exact numbers as numbers."""
    if isinstance(data, dict):
        return {k: as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, datetime.date):
        return data.isoformat()
    if type(data).__name__ == "FileNumber":
        return float(data)
    return data


def read(kind: str, text: str, format: Any) -> object:
    readers: dict[str, Callable[..., object]] = {
        "family": loads_gezinnen,
        "scenario": loads_scenario,
        "advice": loads_advice,
    }
    return readers[kind](text, format, source=f"example.{format}")


# --- the documentation --------------------------------------------------------------


def doc_examples() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(DOCS.read_text(encoding="utf-8"))]


def test_the_docs_have_examples_of_every_kind() -> None:
    kinds = {kind_of(loads_document(text, fmt)) for fmt, text in doc_examples()}  # type: ignore[arg-type]
    assert kinds == {"family", "scenario", "advice"}


@pytest.mark.parametrize(("format", "text"), doc_examples())
def test_every_example_in_the_docs_reads_and_fits_the_schema(format: Any, text: str) -> None:
    data = loads_document(text, format)
    kind = kind_of(data)
    read(kind, text, format)
    jsonschema.validate(as_json(data), SCHEMAS[kind]())


def test_the_python_examples_in_the_docs_run() -> None:
    blocks = DOCTEST.findall(DOCS.read_text(encoding="utf-8"))
    assert blocks
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for i, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"files.md[{i}]", str(DOCS), 0))
    assert runner.summarize(verbose=False).failed == 0


# --- schemas ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_schemas_are_valid_json_schema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[kind]())


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        ("family", {"gezin": {"id": "g"}}),
        ("family", {"gezinnen": [{"id": "g", "leden": [], "x": 1}]}),
        (
            "family",
            {"gezin": {"id": "g", "leden": [{"rol": "OOM", "geboortedatum": "2000-01-01"}]}},
        ),
        ("scenario", {"cohort": {"size": 0}, "simulation": {"start": "2021-10-01"}}),
        ("advice", {"advies": {}, "geselecteerd": "ja"}),
    ],
)
def test_the_schemas_refuse_what_the_library_refuses(kind: str, data: object) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMAS[kind]())


# --- family files -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_write_and_read_families(tmp_path: Path, suffix: str) -> None:
    families = [make_gezin("a", problemen=["SCHULDEN"]), make_gezin("b", wijk=None)]
    path = tmp_path / f"gezinnen{suffix}"
    write_gezinnen(path, families)
    assert read_gezinnen(path) == tuple(families)
    write_gezinnen(path, families[0])
    assert load_document(path)[0].keys() == {"gezin"}
    assert read_gezinnen(path) == (families[0],)


# --- scenarios and advice ------------------------------------------------------------


def scenario() -> Scenario:
    return Scenario(
        CohortSettings(file="gezinnen.json"),
        SimulationSettings(pendulum.date(2021, 10, 1), months=24),
        pilots=(PilotChoice("gezinsverzorger", {"capacity": 42}),),
    )


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_write_and_read_a_scenario(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"scenario{suffix}"
    write_scenario(path, scenario())
    (tmp_path / "gezinnen.json").write_text('{"gezinnen": []}')
    assert read_scenario(path) == scenario()
    assert scenario().cohort.path(path) == tmp_path / "gezinnen.json"
    assert loads_scenario(dumps_scenario(scenario(), "toml"), "toml") == scenario()


def test_simulation_settings_defaults_and_periode() -> None:
    settings = loads_scenario(
        '{"cohort": {"size": 5}, "simulation": {"start": "2021-10-01"}}'
    ).simulation
    assert (settings.months, settings.runs, settings.seed, settings.workers) == (12, 1, 0, 1)
    assert settings.periode().end == pendulum.date(2022, 10, 1)


def test_advice_round_trip() -> None:
    check = loads_advice(
        '{"advies": {"gezin_id": "g", "instelling": "i", "besluit": "b", "datum": "2011-03-01"},'
        ' "geselecteerd": false}'
    )
    assert isinstance(check, AdviceCheck)
    assert loads_advice(dumps_advice(check, "toml"), "toml") == check
    with pytest.raises(
        FileFormatError, match=r"advies\.wettelijke_grond: is required when the law"
    ):
        loads_advice(
            '{"advies": {"gezin_id": "g", "instelling": "i", "besluit": "b",'
            ' "datum": "2011-03-01", "wettelijk_toegestaan": false}, "geselecteerd": true}',
            source="a.json",
        )


# --- plugin parameters ----------------------------------------------------------------


def test_plugin_parameters_take_the_declared_types() -> None:
    arguments = plugin_arguments(
        ToyPilot, {"name": "x", "per_year": "25000.00", "start": "2024-02-01", "capacity": None}
    )
    assert arguments == {
        "name": "x",
        "per_year": Money("25000.00"),
        "start": pendulum.date(2024, 2, 1),
        "capacity": None,
    }
    assert ToyPilot(**arguments).pilot.looptijd.start == pendulum.date(2024, 2, 1)


def test_bad_plugin_parameters_are_named() -> None:
    with pytest.raises(FileFormatError) as info:
        plugin_arguments(
            ToyPilot,
            {"per_year": 25000.5, "capacty": 3, "start": "2024-13-01"},
            source="s.toml",
            field="pilots[0].params",
        )
    assert str(info.value).startswith("s.toml: pilots[0].params.per_year: money is written as text")
    fields = [f for f, _ in info.value.others]
    assert fields == ["pilots[0].params.capacty", "pilots[0].params.start"]
    assert "did you mean 'capacity'?" in info.value.others[0][1]


def test_required_and_untyped_parameters() -> None:
    def factory(size: int, *, extra: Any = None, **rest: object) -> object:
        return (size, extra, rest)

    with pytest.raises(FileFormatError, match=r"params\.size: is required by factory\(\)"):
        plugin_arguments(factory, {})
    assert plugin_arguments(factory, {"size": 3, "extra": [1], "other": "x"}) == {
        "size": 3,
        "extra": [1],
        "other": "x",
    }
