"""Progress of serial runs: :func:`simulate` in chunks, told after each, with the same numbers."""

from __future__ import annotations

import numpy as np
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Gemeente, InvalidValueError
from sociaaldomein.simulation import Settings, engine, generate_cohort, simulate
from sociaaldomein.simulation.results import Results
from sociaaldomein.simulation.runs import SERIES
from sociaaldomein.testing import ToyPilot

START = pendulum.date(2024, 1, 1)
COHORT = generate_cohort(300, seed=3)
SETTINGS = Settings(START, months=12, problem_change_probability=0.05)
GEMEENTE = Gemeente(plugins=[ToyPilot()])


def _same(a: Results, b: Results) -> None:
    for name in SERIES:
        np.testing.assert_array_equal(a.series(name), b.series(name))


@pytest.mark.parametrize("kernel", ["columnar", "objects"])
def test_a_callback_is_told_every_chunk_and_the_runs_are_those_of_one_batch(
    kernel: engine.Kernel,
) -> None:
    told: list[tuple[int, int]] = []
    chunked = simulate(
        GEMEENTE,
        COHORT,
        SETTINGS,
        runs=45,
        seed=7,
        kernel=kernel,
        progress=lambda done, total: told.append((done, total)),
    )
    whole = simulate(GEMEENTE, COHORT, SETTINGS, runs=45, seed=7, kernel=kernel, progress=False)
    _same(chunked, whole)
    # 45 runs in chunks of three (twenty chunks at most), counted up to all of them
    assert told == [(min(45, 3 * i), 45) for i in range(1, 16)]


@given(runs=st.integers(min_value=2, max_value=60))
def test_chunking_never_changes_a_number(runs: int) -> None:
    cohort = generate_cohort(40, seed=1)
    settings = Settings(START, months=6)
    counted: list[int] = []
    chunked = simulate(
        GEMEENTE,
        cohort,
        settings,
        runs=runs,
        seed=2,
        progress=lambda done, total: counted.append(done),
    )
    whole = simulate(GEMEENTE, cohort, settings, runs=runs, seed=2, progress=False)
    _same(chunked, whole)
    assert counted[-1] == runs
    assert counted == sorted(counted)
    assert len(counted) <= engine.SERIAL_CHUNKS


def test_a_long_run_shows_a_bar_and_a_short_one_none(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    class Recorder:
        def __init__(self, total: int) -> None:
            made.append(total)
            self.seen: list[int] = []

        def __call__(self, done: int, total: int) -> None:
            self.seen.append(done)

        def close(self) -> None:
            made.append(-1)

    monkeypatch.setattr(engine, "_bar", Recorder)
    monkeypatch.setattr(engine, "_QUICK_FAMILY_MONTHS", {})
    monkeypatch.setattr(engine, "PROGRESS_AFTER", 1e9)  # every run is short
    simulate(GEMEENTE, COHORT, SETTINGS, runs=20, seed=1)
    assert made == []
    monkeypatch.setattr(engine, "PROGRESS_AFTER", 0.0)  # every run is long
    simulate(GEMEENTE, COHORT, SETTINGS, runs=20, seed=1)
    assert made == [20, -1]  # made for 20 runs, and closed


def test_the_default_bar_writes_to_standard_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(engine, "_QUICK_FAMILY_MONTHS", {})
    monkeypatch.setattr(engine, "PROGRESS_AFTER", 0.0)
    simulate(GEMEENTE, COHORT, SETTINGS, runs=20, seed=1)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "run" in captured.err


def test_progress_must_be_a_flag_or_a_callable() -> None:
    with pytest.raises(InvalidValueError, match=r"simulate\.progress"):
        simulate(GEMEENTE, COHORT, SETTINGS, runs=2, progress="yes")  # type: ignore[arg-type]
