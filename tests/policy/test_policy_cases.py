"""Cases a policy officer writes pass and fail as they should, by the command and by pytest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sociaaldomein.cli.main import main
from sociaaldomein.policy.cases import find_case_files, load_cases, run_files

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = ROOT / "plugins" / "gezinsverzorger" / "cases" / "families.toml"
LETTER = "000_6fd8bb18cab06410.txt"

CASES = f"""\
pilots = ["gezinsverzorger"]

[[cases]]
name = "chronic problems, household taken over"
date = 2022-03-01
gezin = {{ file = "{FAMILIES}", id = "gv-voorbeeld-1" }}
expect = {{ gezinsverzorger = "eligible" }}
reasons.gezinsverzorger = [{{ letter = "{LETTER}", section = "Bemensing pilot" }}]

[[cases]]
name = "no parent with chronic problems"
date = 2022-03-01
gezin = {{ file = "{FAMILIES}", id = "gv-voorbeeld-4" }}
expect = {{ gezinsverzorger = "not eligible" }}
"""

DECISION = """\
[[besluiten]]
orgaan = "raad"
datum = 2022-06-29
kenmerk = "RB 2022-07"
bron = { letter = "raadsbesluit-2022-07.txt", section = "Besluit 1" }
[[besluiten.wijzigingen]]
soort = "parameter"
pilot = "gezinsverzorger"
parameter = "capaciteit"
waarde = 15
vanaf = 2022-07-01
"""


def _write(folder: Path, text: str, name: str = "letter.cases.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_passing_cases_exit_0_with_a_pytest_style_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, CASES)
    assert main(["test", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ".."
    assert out[-1].startswith("2 passed in ")


def test_a_failing_case_exits_1_showing_expected_actual_and_the_explanation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, CASES.replace('"not eligible"', '"eligible"'))
    assert main(["test", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "gezinsverzorger: expected 'eligible', got 'not eligible'" in out
    assert "[no] a parent has problems of a chronic or structural nature" in out
    assert out.splitlines()[-1].startswith("1 failed, 1 passed in ")


def test_a_reason_the_verdict_does_not_rest_on_fails_the_case(tmp_path: Path) -> None:
    path = _write(tmp_path, CASES.replace('section = "Bemensing pilot"', 'section = "Monitoring"'))
    results, _ = run_files([path])
    assert [r.passed for r in results] == [False, True]
    assert "expected a reason citing" in results[0].problems[0]
    assert "Monitoring" in results[0].problems[0]


def test_a_bad_case_file_exits_2_naming_file_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, CASES.replace('"not eligible"', '"perhaps"'))
    assert main(["test", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}, line 14: cases[1].expect.gezinsverzorger: unknown outcome 'perhaps'" in err


def test_decisions_in_force_apply_to_the_cases(tmp_path: Path) -> None:
    _write(tmp_path, DECISION, "besluit.toml")
    text = f"""\
pilots = ["gezinsverzorger"]
besluiten = ["besluit.toml"]

[[cases]]
name = "capacity 10 before the decision"
date = 2022-06-30
gezin = {{ file = "{FAMILIES}", id = "gv-voorbeeld-1" }}
occupancy = {{ gezinsverzorger = 12 }}
expect = {{ gezinsverzorger = "waitlist" }}

[[cases]]
name = "capacity 15 from 1 July 2022"
date = 2022-07-01
gezin = {{ file = "{FAMILIES}", id = "gv-voorbeeld-1" }}
occupancy = {{ gezinsverzorger = 12 }}
expect = {{ gezinsverzorger = "eligible" }}
reasons.gezinsverzorger = [{{ letter = "raadsbesluit-2022-07.txt", section = "Besluit 1" }}]
"""
    results, _ = run_files([_write(tmp_path, text)])
    assert [r.problems for r in results] == [(), ()]


def test_json_output_has_one_object_per_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, CASES)
    assert main(["test", "--json", str(path)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(c["case"], c["passed"], c["line"]) for c in found] == [
        ("chronic problems, household taken over", True, 3),
        ("no parent with chronic problems", True, 10),
    ]


def test_the_shipped_cases_of_every_letter_pass() -> None:
    files = find_case_files([ROOT / "plugins"])
    assert {f.parent.parent.name for f in files} == {
        "gezinsverzorger",
        "samen",
        "multiprobleem",
        "hoogkerk",
    }
    results, _ = run_files(files)
    assert len(results) >= 30
    assert [r.report() for r in results if not r.passed] == []
    assert all(load_cases(f).cases for f in files)


def test_pytest_collects_case_files_and_reports_failures(pytester: pytest.Pytester) -> None:
    pytester.makefile(".cases.toml", letter=CASES.replace('"not eligible"', '"eligible"'))
    pytester.makefile(".toml", scenario='gemeente = "Groningen"')  # other TOML: not a case file
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*gezinsverzorger: expected 'eligible', got 'not eligible'*",
            "*[[]no[]] a parent has problems of a chronic or structural nature*",
        ]
    )


def test_pytest_reports_a_bad_case_file_as_a_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".cases.toml", bad=CASES.replace('"not eligible"', '"perhaps"'))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*cases[[]1[]].expect.gezinsverzorger: unknown outcome*"])
    assert "Traceback" not in result.stdout.str()


@pytest.mark.parametrize("command", ["test", "compare"])
def test_the_help_ends_with_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    assert all(line.startswith(f"  sociaaldomein {command} ") for line in examples)
