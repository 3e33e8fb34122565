"""``simulate`` never loses or half-writes results: checked first, staged, signals, limits."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sociaaldomein.cli import main, simulate
from sociaaldomein.simulation import output
from sociaaldomein.simulation.output import MANIFEST, verify

SCENARIO = """
gemeente = "Groningen"
allow_import = true

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = {{ capacity = 30, min_problems = 1, per_year = "250000.00" }}
name = "toy"

[cohort]
size = {size}
seed = 1

[simulation]
start = 2024-01-01
months = {months}
runs = {runs}
seed = 3
workers = {workers}
referral_probability = 0.03
"""


def scenario_file(
    folder: Path, *, size: int = 300, months: int = 12, runs: int = 4, workers: int = 1
) -> Path:
    path = folder / "scenario.toml"
    text = SCENARIO.format(size=size, months=months, runs=runs, workers=workers)
    path.write_text(text, encoding="utf-8")
    return path


def _staging(parent: Path) -> list[Path]:
    return sorted(parent.glob(".*.partial"))


def _fails(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["simulate", *argv, "--no-progress"])
    err = capsys.readouterr().err
    return code, err


def test_results_come_with_a_manifest(tmp_path: Path) -> None:
    scenario = scenario_file(tmp_path)
    out = tmp_path / "out"
    assert main(["simulate", str(scenario), "--out", str(out), "--no-progress"]) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["seed"] == 3
    assert manifest["runs"] == manifest["runs_written"] == 4
    assert manifest["complete"] is True
    assert manifest["missing_runs"] == []
    assert manifest["scenario"] == {"file": "scenario.toml", "sha256": output.sha256_of(scenario)}
    assert manifest["plugins"][0]["target"] == "sociaaldomein.testing:ToyPilot"
    assert manifest["plugins"][0]["distribution"] == "sociaaldomein"
    assert manifest["plugins"][0]["version"] == manifest["library"]["sociaaldomein"]
    assert manifest["library"]["sociaaldomein"]
    assert manifest["created_at"].endswith("+00:00")
    assert set(manifest["files"]) == {f"{t}.csv" for t in (*simulate.TABLES, "summary")}
    assert verify(out) == []
    assert _staging(tmp_path) == []


def test_an_existing_results_folder_needs_overwrite_and_is_then_replaced_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = scenario_file(tmp_path)
    out = tmp_path / "out"
    assert main(["simulate", str(scenario), "--out", str(out), "--no-progress"]) == 0
    (out / "old-plot.png").write_bytes(b"from an earlier run")
    code, err = _fails(capsys, str(scenario), "--out", str(out), "--runs", "2")
    assert code == 2
    assert err.strip().endswith("holds another run's results; give --overwrite to replace them")
    assert "runs of" not in capsys.readouterr().out  # refused before the work
    args = [str(scenario), "--out", str(out), "--runs", "2", "--overwrite"]
    assert main(["simulate", *args, "--no-progress"]) == 0
    assert not (out / "old-plot.png").exists()
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["runs"] == 2
    assert verify(out) == []


@pytest.mark.parametrize("where", ["file", "under-a-file"])
def test_a_destination_that_cannot_be_a_folder_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    # Tests run as root in CI, and root may write anywhere: a path under a
    # regular file is unwritable for everyone.
    scenario = scenario_file(tmp_path)
    a_file = tmp_path / "taken"
    a_file.write_text("not a folder", encoding="utf-8")
    out = a_file if where == "file" else a_file / "results"
    code, err = _fails(capsys, str(scenario), "--out", str(out))
    assert code == 2
    assert err.count("\n") == 1
    assert "is a file" in err
    assert a_file.read_text(encoding="utf-8") == "not a folder"


def test_an_existing_plot_file_needs_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = scenario_file(tmp_path)
    plot = tmp_path / "plot.png"
    plot.write_bytes(b"mine")
    code, err = _fails(capsys, str(scenario), "--plot", str(plot))
    assert (code, plot.read_bytes()) == (2, b"mine")
    assert "already exists; give --overwrite" in err


@pytest.mark.parametrize(
    ("option", "module", "extra"),
    [(["--format", "parquet"], "pyarrow", "parquet"), (["--plot", "p.png"], "matplotlib", "plot")],
)
def test_a_missing_extra_is_named_before_the_run(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    option: list[str],
    module: str,
    extra: str,
) -> None:
    monkeypatch.setattr(output, "installed", lambda name: name != module)
    scenario = scenario_file(tmp_path)
    code, err = _fails(capsys, str(scenario), "--out", str(tmp_path / "out"), *option)
    assert code == 2
    assert err.count("\n") == 1
    assert f'pip install "sociaaldomein[{extra}]"' in err
    assert "runs of" not in capsys.readouterr().out
    assert not (tmp_path / "out").exists()


def test_a_full_disk_is_one_line_exit_1_and_nothing_half_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = scenario_file(tmp_path)
    out = tmp_path / "out"
    real = simulate._write
    calls: list[Path] = []

    def fills_the_disk(path: Path, table: object, fmt: str) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, table, fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(simulate, "_write", fills_the_disk)
    code, err = _fails(capsys, str(scenario), "--out", str(out))
    assert code == 1
    full = "the disk is full; nothing was written there"
    assert err == f"sociaaldomein: error: could not write {out}: {full}\n"
    assert not out.exists()
    assert _staging(tmp_path) == []


def test_an_interrupt_while_writing_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = scenario_file(tmp_path)
    out = tmp_path / "out"
    real = simulate._write

    def interrupted(path: Path, table: object, fmt: str) -> Path:
        written = real(path, table, fmt)  # type: ignore[arg-type]
        signal.raise_signal(signal.SIGTERM)
        return written

    monkeypatch.setattr(simulate, "_write", interrupted)
    code, err = _fails(capsys, str(scenario), "--out", str(out))
    assert code == 143
    assert err == f"sociaaldomein: interrupted by SIGTERM; nothing was written to {out}\n"
    assert not out.exists()
    assert _staging(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


@pytest.mark.parametrize(
    ("settings", "argv"),
    [
        ({"runs": 4}, ["--runs", "100000000"]),
        ({"size": 100_000_000}, []),
        ({"size": 20_000, "months": 120}, ["--runs", "5000", "--max-seconds", "60"]),
    ],
    ids=["runs", "cohort", "time"],
)
def test_a_run_above_the_limits_is_refused_with_its_estimate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: dict[str, int], argv: list[str]
) -> None:
    scenario = scenario_file(tmp_path, **settings)
    started = time.monotonic()
    code, err = _fails(capsys, str(scenario), *argv)
    assert time.monotonic() - started < 10  # refused, not attempted
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("sociaaldomein: error: simulation: ")
    assert "needs about" in err
    assert "--max-memory" in err or "--max-seconds" in err


def test_a_raised_limit_lets_the_run_go(tmp_path: Path) -> None:
    scenario = scenario_file(tmp_path, size=300, months=12)
    argv = ["simulate", str(scenario), "--runs", "3", "--max-memory", "64GiB", "--no-progress"]
    assert main([*argv, "--max-seconds", "10"]) == 0


# the real thing: a subprocess and a signal ------------------------------------


def _start(scenario: Path, out: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "sociaaldomein", "simulate", str(scenario)]
    return subprocess.Popen(
        [*command, "--out", str(out), "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(found: Callable[[], bool], process: subprocess.Popen[str], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.002)
    return False


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return process.returncode, err


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_the_run_leaves_nothing_and_says_so(
    tmp_path: Path, signum: int, code: int
) -> None:
    scenario = scenario_file(tmp_path, size=20_000, months=60, runs=200)
    out = tmp_path / "out"
    process = _start(scenario, out)
    # The staging folder is made before the first run, so it marks "running".
    assert _wait_for(lambda: bool(_staging(tmp_path)), process, timeout=30)
    os.kill(process.pid, signum)
    returncode, err = _finish(process)
    assert returncode == code
    name = signal.Signals(signum).name
    assert err == f"sociaaldomein: interrupted by {name}; nothing was written to {out}\n"
    assert not out.exists()
    assert _staging(tmp_path) == []


@pytest.mark.parametrize("first", ["runs.csv", "months.csv", "summary.csv"])
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_while_the_tables_are_written_leaves_no_partial_result(
    tmp_path: Path, signum: int, code: int, first: str
) -> None:
    scenario = scenario_file(tmp_path, size=200, months=120, runs=120)
    out = tmp_path / "out"
    process = _start(scenario, out)

    def writing() -> bool:
        return any((staged / first).exists() for staged in _staging(tmp_path))

    _wait_for(writing, process, timeout=30)
    if process.poll() is None:
        os.kill(process.pid, signum)
    returncode, err = _finish(process)
    # The signal may come after the move into place: then the results are whole.
    if returncode == 0 or "complete" in err:
        assert verify(out) == []
    else:
        assert (returncode, err.count("\n")) == (code, 1)
        assert not out.exists()
    assert _staging(tmp_path) == []
