"""``simulate`` for people and tools: --json, Excel and Dutch CSV read back, warnings for
silent zeros, checks before the work, progress in steps."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sociaaldomein.cli import simulate
from sociaaldomein.cli.main import main
from sociaaldomein.simulation import output, sweep

Run = Callable[..., tuple[int, str, str]]

SCENARIO = """
gemeente = "Groningen"
allow_import = true

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = {{ capacity = 3, min_problems = 1, per_year = "2500.00" }}
name = "toy"

[cohort]
size = 300
seed = 1

[simulation]
start = {start}
months = 12
runs = 6
seed = 3
referral_probability = 0.03
"""


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    for name in ("SOCIAALDOMEIN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return call


def scenario(tmp_path: Path, start: str = "2024-01-01") -> str:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.format(start=start), encoding="utf-8")
    return str(path)


def test_json_is_the_summary_for_tools(run: Run, tmp_path: Path) -> None:
    code, out, _err = run("simulate", scenario(tmp_path), "--json", "--no-progress")
    assert code == 0
    data = json.loads(out)
    assert {k: data[k] for k in ("runs", "families", "months", "start", "seed")} == {
        "runs": 6,
        "families": 300,
        "months": 12,
        "start": "2024-01-01",
        "seed": 3,
    }
    assert data["complete"] is True
    assert data["designs"] == [{}]
    spent = next(r for r in data["summary"] if r["figure"] == "spent (EUR)")
    assert set(spent) == {
        "design",
        "pilot",
        "figure",
        "label",
        "n",
        "mean",
        "sd",
        "low",
        "high",
        "mean_low",
        "mean_high",
    }
    assert spent["label"] == "money spent"
    assert spent["n"] == 6
    assert 0 <= spent["low"] <= spent["high"] <= 2500
    (run_out,) = data["run_out"]
    assert run_out["pilot"] == "toy"
    assert 0 <= run_out["share"] <= 1
    assert run_out["median"] is None or run_out["median"].startswith("2024-")


def test_json_keeps_standard_output_json_when_tables_are_written(run: Run, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, err = run("simulate", scenario(tmp_path), "--json", "--out", str(out_dir))
    assert code == 0
    json.loads(out)
    assert f"tables written to {out_dir}/" in err


def test_xlsx_is_one_workbook_read_back_with_openpyxl(run: Run, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out_dir = tmp_path / "out"
    code, _out, _ = run("simulate", scenario(tmp_path), "--out", str(out_dir), "--format", "xlsx")
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["manifest.json", "results.xlsx"]
    assert output.verify(out_dir) == []
    book = openpyxl.load_workbook(out_dir / "results.xlsx", read_only=True)
    assert book.sheetnames == ["runs", "months", "assessed", "snapshots", "summary"]
    rows = list(book["runs"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 6
    spent, remaining, budget = (header.index(c) for c in ("spent", "remaining", "budget"))
    for row in body:
        assert isinstance(row[spent], int | float)  # a number, not text
        assert round(row[spent] + row[remaining], 2) == row[budget]
    months = list(book["months"].iter_rows(values_only=True))
    date = months[0].index("date")
    assert months[1][date].year == 2024  # a date cell, not text
    summary = list(book["summary"].iter_rows(values_only=True))
    assert "label" in summary[0]


def test_dutch_csv_has_semicolons_and_decimal_commas(run: Run, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, _, _ = run("simulate", scenario(tmp_path), "--out", str(out_dir), "--format", "csv-nl")
    assert code == 0
    raw = (out_dir / "runs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM: a spreadsheet reads it as UTF-8
    with (out_dir / "runs.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert len(rows) == 6
    for row in rows:
        assert "," in row["budget"]
        assert "." not in row["budget"]
        euros = {k: Decimal(row[k].replace(",", ".")) for k in ("spent", "remaining", "budget")}
        assert euros["spent"] + euros["remaining"] == euros["budget"]
    with (out_dir / "summary.csv").open(encoding="utf-8-sig", newline="") as fh:
        summary = list(csv.DictReader(fh, delimiter=";"))
    mean = next(r for r in summary if r["figure"] == "admitted")["mean"]
    float(mean.replace(",", "."))  # a number with a decimal comma


def test_plain_csv_stays_the_stable_format_for_tools(run: Run, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    assert run("simulate", scenario(tmp_path), "--out", str(out_dir))[0] == 0
    with (out_dir / "runs.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(Decimal(r["spent"]) + Decimal(r["remaining"]) == Decimal(r["budget"]) for r in rows)


def test_a_missing_openpyxl_is_refused_before_any_run(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "installed", lambda module: module != "openpyxl")
    ran: list[Any] = []
    monkeypatch.setattr(simulate, "sweep", lambda *a, **k: ran.append(a))
    code, _, err = run(
        "simulate", scenario(tmp_path), "--out", str(tmp_path / "o"), "--format", "xlsx"
    )
    assert code == 2
    assert 'pip install "sociaaldomein[xlsx]"' in err
    assert ran == []


def test_tables_longer_than_a_sheet_are_refused_before_any_run(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[Any] = []
    monkeypatch.setattr(simulate, "sweep", lambda *a, **k: ran.append(a))
    argv = ("simulate", scenario(tmp_path), "--out", str(tmp_path / "o"), "--format", "xlsx")
    code, _, err = run(*argv, "--runs", "100000")
    assert code == 2
    assert "more than an Excel sheet holds" in err
    assert ran == []
    assert not (tmp_path / "o").exists()


def test_a_pilot_outside_the_simulated_months_is_a_warning_line(run: Run, tmp_path: Path) -> None:
    code, out, err = run("simulate", scenario(tmp_path, start="2031-01-01"), "--no-progress")
    assert code == 0
    assert "sociaaldomein: warning: pilot 'toy' does not run in the simulated months" in err
    assert "does not run in the simulated months" in out  # and a note under the summary


def test_a_serial_run_goes_in_chunks_so_progress_moves(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.update(kwargs)
        return sweep(*args, **kwargs)

    monkeypatch.setattr(simulate, "sweep", spy)
    assert run("simulate", scenario(tmp_path), "--runs", "40", "--no-progress")[0] == 0
    assert seen["workers"] is None
    assert seen["chunk_size"] == 2  # twenty chunks of the forty runs


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_summary_fits_80_columns(run: Run, tmp_path: Path, lang: str) -> None:
    code, out, _ = run("simulate", scenario(tmp_path), "--no-progress", "--lang", lang)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80, out
    assert "€" in out
