"""The writing machinery and the estimate: destinations checked, folders staged, moved whole."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import InvalidValueError, SociaaldomeinError
from sociaaldomein.simulation import limits, output
from sociaaldomein.simulation.limits import GIB, LimitExceededError, Limits, estimate
from sociaaldomein.simulation.output import (
    MANIFEST,
    DestinationError,
    MissingExtraError,
    OutputError,
    Staged,
    check_file,
    check_folder,
    verify,
)


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def _results(folder: Path, text: str, *, overwrite: bool = False) -> None:
    with Staged(folder, overwrite=overwrite) as staged:
        (staged.path / "runs.csv").write_text(text, encoding="utf-8")
        staged.commit({"seed": 1})


def test_a_commit_moves_the_files_in_with_a_manifest_of_checksums(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "results"
    _results(out, "run\n0\n")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["seed"] == 1
    assert set(manifest["files"]) == {"runs.csv"}
    assert verify(out) == []
    (out / "runs.csv").write_text("run\n1\n", encoding="utf-8")
    assert verify(out) == ["runs.csv"]
    assert _leftovers(out.parent) == []


def test_an_error_while_writing_leaves_nothing_not_even_the_parents(tmp_path: Path) -> None:
    out = tmp_path / "new" / "results"

    def half_written() -> None:
        with Staged(out) as staged:
            (staged.path / "runs.csv").write_text("half", encoding="utf-8")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        half_written()
    assert not (tmp_path / "new").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_an_output_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "results"

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fill() -> None:
        with Staged(out) as staged:
            (staged.path / "runs.csv").write_text("run\n", encoding="utf-8")
            monkeypatch.setattr(os, "rename", full)
            staged.commit()

    with pytest.raises(OutputError, match="the disk is full; nothing was written there"):
        fill()
    assert list(tmp_path.iterdir()) == []
    assert issubclass(OutputError, SociaaldomeinError)


def test_another_runs_results_are_replaced_whole_and_only_with_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "results"
    _results(out, "first")
    (out / "extra.csv").write_text("from the first run", encoding="utf-8")
    with pytest.raises(DestinationError, match="another run's results; give --overwrite"):
        _results(out, "second")
    _results(out, "second", overwrite=True)
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "runs.csv"]
    assert (out / "runs.csv").read_text(encoding="utf-8") == "second"
    assert _leftovers(tmp_path) == []


def test_a_folder_of_other_files_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DestinationError, match="not sociaaldomein results"):
        check_folder(tmp_path, overwrite=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    _results(empty, "run\n")
    assert verify(empty) == []


def test_destinations_that_cannot_be_used_are_named(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(DestinationError, match=r"^--out: .*file.txt is a file, not a folder$"):
        check_folder(a_file)
    with pytest.raises(DestinationError, match=r"is a file, so .* cannot be made there"):
        check_folder(a_file / "sub" / "results")
    with pytest.raises(DestinationError, match="is a folder, not a file"):
        check_file(tmp_path)
    with pytest.raises(DestinationError, match="already exists; give --overwrite"):
        check_file(a_file)
    check_file(a_file, overwrite=True)


def test_a_file_is_replaced_in_one_step(tmp_path: Path) -> None:
    plot = tmp_path / "plot.png"
    plot.write_bytes(b"old")
    with Staged(plot, overwrite=True, kind="file", option="--plot") as staged:
        (staged.path / "plot.png").write_bytes(b"new")
        staged.commit()
    assert plot.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


def test_a_missing_extra_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "installed", lambda module: module != "pyarrow")
    with pytest.raises(MissingExtraError, match=r'pip install "sociaaldomein\[parquet\]"'):
        output.require_extra("--format parquet", "parquet")
    output.require_extra("--plot", "plot")


def test_an_interrupt_is_an_exception_with_the_shells_exit_code() -> None:
    import signal

    with pytest.raises(output.Interrupted) as caught, output.interruptible():
        signal.raise_signal(signal.SIGTERM)
    assert caught.value.exit_code == 143
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


# the estimate ---------------------------------------------------------------

sizes = st.integers(min_value=0, max_value=10**9)


@given(
    families=sizes,
    runs=sizes,
    more=st.integers(min_value=0, max_value=10**6),
    months=st.integers(min_value=1, max_value=600),
    pilots=st.integers(min_value=1, max_value=8),
)
def test_the_estimate_grows_with_runs_and_families(
    families: int, runs: int, more: int, months: int, pilots: int
) -> None:
    base = estimate(families=families, runs=runs, months=months, pilots=pilots)
    for bigger in (
        estimate(families=families, runs=runs + more, months=months, pilots=pilots),
        estimate(families=families + more, runs=runs, months=months, pilots=pilots),
    ):
        assert bigger.memory >= base.memory
        assert bigger.seconds >= base.seconds


def test_what_the_issue_tried_is_refused_with_the_estimate_and_the_way_out() -> None:
    many_runs = estimate(families=500, runs=100_000_000, months=12)
    with pytest.raises(LimitExceededError) as caught:
        limits.check(many_runs, Limits(), what="100,000,000 runs")
    message = str(caught.value)
    assert message.startswith("simulation: 100,000,000 runs needs about ")
    assert "above the memory limit of 4.0 GiB" in message
    assert "--max-memory" in message
    assert "\n" not in message
    huge_cohort = estimate(families=10**8, runs=1, months=12)
    assert huge_cohort.memory > 4 * GIB
    small = estimate(families=2_000, runs=100, months=36, pilots=4)
    limits.check(small, Limits())


def test_the_time_limit_says_how_to_raise_it() -> None:
    slow = limits.Estimate(memory=1, seconds=7200)
    with pytest.raises(LimitExceededError, match=r"time limit of 1.0 h; .*--max-seconds 7920$"):
        limits.check(slow, Limits(seconds=3600))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("8GiB", 8 * GIB), ("500 MB", 500 << 20), ("1.5G", 3 * GIB // 2), ("1024", 1024)],
)
def test_sizes_are_read_in_powers_of_1024(text: str, expected: int) -> None:
    assert limits.parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "lots", "8XB", "-1GiB", "٣GiB", "iB"])
def test_a_size_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(InvalidValueError, match="must be a size such as 8GiB"):
        limits.parse_size(text)
