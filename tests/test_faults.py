"""A worker that dies: its chunks run again on a fresh pool, bit for bit; else partial results."""

from __future__ import annotations

import concurrent.futures as cf
import csv
import importlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pendulum
import pytest

from sociaaldomein import InvalidValueError, PluginSpec
from sociaaldomein.simulation import Settings, generate_cohort, sweep
from sociaaldomein.simulation.engine import Job, run_job
from sociaaldomein.simulation.output import MANIFEST, verify
from sociaaldomein.simulation.sweep import PartialResultsError, describe_runs

TOY = PluginSpec("sociaaldomein.testing:ToyPilot", {"capacity": 4, "min_problems": 1})
SETTINGS = Settings(pendulum.date(2024, 1, 1), months=12, referral_probability=0.03)
GRID: dict[str, list[Any]] = {"toy.capacity": [2, 4]}

# Forked workers inherit the parent's module state, so a replaced run_job
# reaches them: the way to kill a worker at a chosen chunk, every time the same.
pytestmark = [
    pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"),
    pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning"),
]

_MARKER = "SOCIAALDOMEIN_TEST_DIE"
sweep_module = importlib.import_module("sociaaldomein.simulation.sweep")


def dies_at_design_1(job: Job) -> Any:
    """``run_job``, except that the worker given design 1's first chunk dies (once, or always)."""
    marker = Path(os.environ[_MARKER])
    if job.design == 1 and job.runs[0] == 0 and marker.exists():
        if marker.read_text() == "once":
            marker.unlink()
        os._exit(1)
    return run_job(job)


def _sweep(**kwargs: Any) -> Any:
    cohort = generate_cohort(300, seed=2)
    context = multiprocessing.get_context("fork")
    with cf.ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        return sweep(
            [TOY], cohort, SETTINGS, GRID, runs=6, seed=4, executor=pool, chunk_size=2,
            progress=False, **kwargs,
        )  # fmt: skip


@pytest.fixture
def dying(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    marker = tmp_path / "die"
    monkeypatch.setenv(_MARKER, str(marker))
    monkeypatch.setattr(sweep_module, "run_job", dies_at_design_1)
    return marker


def test_a_chunk_whose_worker_died_is_run_again_bit_for_bit(dying: Path) -> None:
    cohort = generate_cohort(300, seed=2)
    serial = sweep([TOY], cohort, SETTINGS, GRID, runs=6, seed=4, progress=False)
    dying.write_text("once")
    again = _sweep()
    assert not dying.exists()  # the worker did die
    assert again.digest() == serial.digest()


def test_a_chunk_that_dies_again_leaves_the_finished_runs_and_names_the_missing(
    dying: Path,
) -> None:
    dying.write_text("always")
    with pytest.raises(PartialResultsError) as caught:
        _sweep(retries=2)
    lost = caught.value
    assert (1, (0, 1)) in lost.missing
    kept = {(int(d), int(r)) for d, r in zip(lost.results.design, lost.results.run, strict=True)}
    missing = {(d, r) for d, runs in lost.missing for r in runs}
    assert not kept & missing
    assert kept | missing == {(d, r) for d in (0, 1) for r in range(6)}
    assert "runs are missing" in str(lost)
    assert "design 1: runs 0-1" in str(lost)


def test_with_no_retries_one_death_is_enough(dying: Path) -> None:
    dying.write_text("once")
    with pytest.raises(PartialResultsError):
        _sweep(retries=0)


def test_missing_runs_are_described_as_ranges() -> None:
    assert describe_runs([(0, (0, 1, 2)), (0, (5,)), (1, (3,))]) == (
        "design 0: runs 0-2, 5; design 1: run 3"
    )
    with pytest.raises(InvalidValueError, match=r"sweep\.retries"):
        sweep([TOY], generate_cohort(10), SETTINGS, runs=1, retries=-1, progress=False)


# the real thing: SIGKILL on a pool child of the command ------------------------

SCENARIO = """
gemeente = "Groningen"
allow_import = true

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = { capacity = 30, min_problems = 1, per_year = "250000.00" }
name = "toy"

[cohort]
size = 20000
seed = 1

[simulation]
start = 2024-01-01
months = 60
runs = 40
seed = 3
workers = WORKERS
referral_probability = 0.03
"""


def _children(pid: int) -> list[int]:
    """Descendants of ``pid`` that are pool workers (not the resource tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"resource_tracker" not in cmdline:
            found.append(int(entry.name))
    return found


def _simulate(tmp_path: Path, workers: int, out: Path, *extra: str) -> subprocess.Popen[str]:
    scenario = tmp_path / f"scenario-{workers}.toml"
    scenario.write_text(SCENARIO.replace("WORKERS", str(workers)), encoding="utf-8")
    command = [sys.executable, "-m", "sociaaldomein", "simulate", str(scenario), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--no-progress", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_a_worker(process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            return
        time.sleep(0.002)
    pytest.fail("no worker process appeared")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers through /proc")
def test_a_killed_worker_of_the_command_is_replaced_and_the_results_are_the_same(
    tmp_path: Path,
) -> None:
    serial = _simulate(tmp_path, 1, tmp_path / "serial")
    _, err = serial.communicate(timeout=120)
    assert serial.returncode == 0, err
    pooled = _simulate(tmp_path, 2, tmp_path / "pooled")
    _kill_a_worker(pooled)
    _, err = pooled.communicate(timeout=120)
    assert pooled.returncode == 0, err
    assert "internal error" not in err
    for table in ("runs.csv", "months.csv"):
        assert _rows(tmp_path / "pooled" / table) == _rows(tmp_path / "serial" / table)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds workers through /proc")
def test_without_retries_the_finished_runs_are_written_and_the_missing_listed(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    process = _simulate(tmp_path, 2, out, "--retries", "0")
    _kill_a_worker(process)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 4, err
    assert err.count("\n") == 1
    assert "BrokenProcessPool" not in err
    assert "runs are missing (design 0: run" in err
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    missing = [r for entry in manifest["missing_runs"] for r in entry["runs"]]
    assert manifest["complete"] is False
    assert missing
    written = {int(row["run"]) for row in _rows(out / "runs.csv")}
    assert written == set(range(40)) - set(missing)
    assert manifest["runs_written"] == len(written)
    assert verify(out) == []
