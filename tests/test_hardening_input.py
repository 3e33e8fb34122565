"""Reliability of input: nothing runs that was not asked for, and every problem is named.

Special files are refused before a byte is read; a scenario cannot run code
unless the user allows import paths; designs are checked like the rest of the
file; ``validate`` and ``simulate`` agree on what is valid; messages are one
line each, JSON with ``--json``, with control characters escaped; a closed
pipe is a quiet success.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociaaldomein.cli import main
from sociaaldomein.cli.common import check_scenario, resolve_scenario
from sociaaldomein.cli.simulate import settings_of
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import (
    FileFormatError,
    loads_document,
    loads_scenario,
    read_gezinnen,
    read_scenario,
)

CLI = [sys.executable, "-m", "sociaaldomein"]
SIMULATION = "[cohort]\nsize = 10\nseed = 1\n[simulation]\nstart = 2021-10-01\nmonths = 2\n"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


# --- special files ------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "gezinnen.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = subprocess.run(
        [*CLI, "validate", "family", str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr == (
        f"sociaaldomein: error: {fifo}: is a named pipe (FIFO), not a regular file; give a file\n"
    )
    assert time.monotonic() - started < 60


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "gezinnen.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileFormatError, match=r"is a device \(through a symbolic link\)"):
        read_gezinnen(link)
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(SIMULATION.replace("size = 10\nseed = 1", 'file = "gezinnen.json"'))
    with pytest.raises(FileFormatError, match=r"cohort\.file: .*gezinnen\.json is a device"):
        read_scenario(scenario)


# --- scenario files never name code unasked ------------------------------------------

POPEN = '[[pilots]]\nplugin = "subprocess:Popen"\nparams = {{ args = ["touch", "{marker}"] }}\n'


@pytest.mark.parametrize("command", ["validate", "simulate"])
@pytest.mark.parametrize("allow", [False, True])
def test_a_scenario_naming_popen_runs_nothing(tmp_path: Path, command: str, allow: bool) -> None:
    marker = tmp_path / "marker"
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(POPEN.format(marker=marker) + SIMULATION)
    argv = (
        [command, "scenario", str(scenario)] if command == "validate" else [command, str(scenario)]
    )
    code, out, err = cli(*argv, *(["--allow-import"] if allow else []))
    assert code == 2
    assert not marker.exists()
    assert out == ""
    assert f"{scenario}, line 2: pilots[0].plugin: 'subprocess:Popen' is " in err
    assert ("not a sociaaldomein plugin" if allow else "is an import path") in err


def test_the_scenario_setting_also_allows_import_paths_and_a_non_plugin_is_still_refused(
    tmp_path: Path,
) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        'allow_import = true\n[[pilots]]\nplugin = "json:JSONDecoder"\n' + SIMULATION
    )
    code, _, err = cli("validate", "scenario", str(scenario))
    assert code == 2
    assert "pilots[0].plugin: 'json:JSONDecoder' is not a sociaaldomein plugin" in err


def test_unknown_parameters_are_named_with_the_nearest_known_one(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        '[[pilots]]\nplugin = "gezinsverzorger"\nparams = { capacty = 3, start = "later" }\n'
        + SIMULATION
    )
    code, _, err = cli("validate", "scenario", str(scenario))
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 2
    assert "line 3: pilots[0].params.capacty: unknown field; did you mean 'capacity'?" in lines[0]
    assert "line 3: pilots[0].params.start: must be a date" in lines[1]


def test_a_value_the_plugin_refuses_is_reported_at_its_parameter(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        '[[pilots]]\nplugin = "gezinsverzorger"\nparams = { capacity = -1 }\n' + SIMULATION
    )
    with pytest.raises(FileFormatError) as info:
        resolve_scenario(read_scenario(scenario), scenario)
    assert info.value.field == "pilots[0].params.capacity"
    code, _, err = cli("simulate", str(scenario))
    assert code == 2
    assert f"{scenario}, line 3: pilots[0].params.capacity: " in err


# --- designs ---------------------------------------------------------------------------

BAD_DESIGN_VALUES = {
    "336000.5": "a number with a decimal point is a float",
    '"1e5"': "must be an amount written as text",
    '"1e400"': "must be an amount written as text",
    "1234567890123456": "at most 15 digits before the point",
    '"1234567890123456.00"': "at most 15 digits before the point",
    '"-5.00"': "non-negative amount",
    "-5": "non-negative amount",
    "nan": "a number with a decimal point is a float",
    "inf": "a number with a decimal point is a float",
}


@pytest.mark.parametrize("command", ["validate", "simulate"])
@pytest.mark.parametrize(("value", "problem"), BAD_DESIGN_VALUES.items())
def test_bad_money_in_designs_is_named_by_file_field_and_line(
    tmp_path: Path, command: str, value: str, problem: str
) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(SIMULATION + f"[simulation.designs.gezinsverzorger]\nbudget = {value}\n")
    argv = (
        [command, "scenario", str(scenario)] if command == "validate" else [command, str(scenario)]
    )
    code, out, err = cli(*argv)
    assert code == 2, out
    assert err.startswith(
        f"sociaaldomein: error: {scenario}, line 8: simulation.designs.gezinsverzorger.budget: "
    )
    assert problem in err
    assert "Traceback" not in err


def test_every_design_problem_is_reported_at_once(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.json"
    designs = {"g": {"budget": "1e5", "capacty": 3, "progress_probability": "2"}}
    scenario.write_text(
        json.dumps(
            {
                "cohort": {"size": 10},
                "simulation": {"start": "2021-10-01", "designs": designs},
            },
            indent=1,
        )
    )
    code, _, err = cli("validate", "scenario", str(scenario))
    assert code == 2
    fields = [line.split(": ")[3] for line in err.splitlines()]
    assert fields == [
        "simulation.designs.g.budget",
        "simulation.designs.g.capacty",
        "simulation.designs.g.progress_probability",
    ]
    assert all(", line " in line for line in err.splitlines())


def test_missing_required_keys_do_not_hide_the_nested_problems(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text('[[pilots]]\nplugin = 3\n[simulation]\nmonths = "x"\n')
    code, _, err = cli("validate", "scenario", str(scenario))
    assert code == 2
    for field in ("cohort", "simulation.start", "simulation.months", "pilots[0].plugin"):
        assert f": {field}: " in err


# --- validate and simulate agree ----------------------------------------------------------

design_values = st.one_of(
    st.sampled_from(["336000.00", "0", "-1", "1e5", "1.005", "abc", "  5", "٣"]),
    st.integers(-3, 10**16),
    st.sampled_from(["fifo", "zrm", "lifo", True, None]),
)
design_fields = st.sampled_from(
    ["budget", "cost_per_family_month", "capacity", "priority", "max_months", "budgte"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(design_fields, design_values, max_size=3))
def test_validate_and_simulate_agree_on_designs(design: dict[str, object]) -> None:
    text = json.dumps(
        {
            "pilots": [{"plugin": "gezinsverzorger"}],
            "cohort": {"size": 10},
            "simulation": {"start": "2021-10-01", "designs": {"gezinsverzorger": design}},
        }
    )
    try:
        scenario = loads_scenario(text, "json", source="s.json")
    except FileFormatError:
        return  # refused by the loader, which both commands share
    try:
        check_scenario(scenario, "s.json")
    except FileFormatError:
        validate_ok = False
    else:
        validate_ok = True
    try:
        resolve_scenario(scenario, "s.json")
        settings_of(scenario)  # what simulate builds before it runs
    except InvalidValueError:
        simulate_ok = False
    else:
        simulate_ok = True
    assert validate_ok == simulate_ok


# --- JSON problems with field and line -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field", "line", "problem"),
    [
        ('{\n "a": {\n  "b": NaN}}', "a.b", 3, "NaN is not a number JSON allows"),
        ('{\n "a": [1,\n Infinity]}', "a[1]", 3, "Infinity is not a number JSON allows"),
        ('{\n "a": 1,\n "a": 2}', "a", 3, "the key appears twice"),
        ('{"a":\n' + "[" * 5000 + "]" * 5000 + "}", "a[0]", 2, "nested too deeply"),
    ],
)
def test_json_value_problems_name_the_field_and_the_line(
    text: str, field: str, line: int, problem: str
) -> None:
    with pytest.raises(FileFormatError) as info:
        loads_document(text, "json", source="f.json")
    assert info.value.field.startswith(field)
    assert info.value.line == line
    assert problem in info.value.problem


# --- messages ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [["simulate"], ["nonsense"], ["validate", "family"], ["demo", "--bogus"], []],
)
def test_usage_errors_are_one_line_pointing_to_help(argv: list[str]) -> None:
    code, out, err = cli(*argv)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("sociaaldomein: error: ")
    assert "--help)" in err


def test_with_json_errors_are_json(tmp_path: Path) -> None:
    code, _, err = cli("simulate", "--json")
    assert code == 2  # a usage error (no SCENARIO), and it still speaks JSON
    assert json.loads(err)["error"]["kind"] == "usage"
    code, _, err = cli("simulate", str(tmp_path / "nope.toml"), "--json")
    assert code == 2
    assert json.loads(err)["error"]["file"] == str(tmp_path / "nope.toml")
    family = tmp_path / "gezinnen.json"
    family.write_text('{"gezin": {"id": "g", "leden": []}}')
    code, _, err = cli("assess", str(family), "--on", "2024-01-01", "--json")
    assert code == 2
    error = json.loads(err)["error"]
    assert error == {
        "kind": "input",
        "message": error["message"],
        "file": str(family),
        "field": "gezin.leden",
        "line": 1,
    }
    assert error["message"].startswith(f"{family}, line 1: gezin.leden: ")


def test_several_problems_with_json_are_listed(tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text('[[pilots]]\nplugin = 3\n[simulation]\nmonths = "x"\n')
    code, _, err = cli("validate", "scenario", str(scenario), "--json")
    assert code == 2
    data = json.loads(err)
    assert data["error"]["field"] == "cohort"
    assert [e["field"] for e in data["errors"]][:2] == ["cohort", "simulation.start"]


def test_control_characters_in_echoed_values_are_escaped(tmp_path: Path) -> None:
    family = tmp_path / "gezinnen.json"
    family.write_text(json.dumps({"gezin": {"id": "a\nb\x1b[31m", "leden": []}, "\x1b[2J": 1}))
    code, _, err = cli("assess", str(family), "--on", "2024-01-01")
    assert code == 2
    assert "\x1b" not in err
    assert err.count("\n") == 1
    assert "\\x1b[2J" in err


def test_a_closed_pipe_ends_quietly_with_success() -> None:
    with subprocess.Popen(
        [*CLI, "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        child.stdout.close()  # like `| head -0`: the reader is gone before anything is written
        err = child.stderr.read()
        assert child.wait(timeout=120) == 0
    assert err == b""
