"""The bench's shape (never its timings): ``benchmarks/run.py --quick`` and its page generator."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--json", str(out), "--timeout", "300"],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    # 0: every target met; 1: some missed (quick sizes meet few).  Anything else is a crash.
    assert done.returncode in (0, 1), done.stderr[-2000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


def test_quick_run_reports_every_module_with_the_protocols_figures(quick: dict[str, Any]) -> None:
    runner = _module("run")
    assert quick["quick"] is True
    assert set(quick["modules"]) == set(runner.modules())
    assert {"simulation", "eligibility", "sweeps", "memory", "startup", "contract"} <= set(
        quick["modules"]
    )
    assert {"python", "cpus", "platform", "numpy"} <= set(quick["machine"])
    assert quick["figures"], "no figure at all"
    for figure in quick["figures"]:
        assert set(runner.FIELDS) <= set(figure), figure
        assert isinstance(figure["name"], str)
        assert figure["name"]
        assert isinstance(figure["passed"], bool)
        assert figure["value"] is None or isinstance(figure["value"], int | float)
        assert figure["peer_value"] is None or isinstance(figure["peer_value"], int | float)
        assert isinstance(figure["target"], str)
        assert figure["module"] in quick["modules"]
    assert quick["passed"] + quick["missed"] == len(quick["figures"])


def test_quick_run_writes_no_page(quick: dict[str, Any]) -> None:
    # The page keeps the last full run's figures; a smoke test never replaces them.
    page = (BENCH.parent / "docs" / "bench.md").read_text(encoding="utf-8")
    assert "quick mode" not in page


def test_helpers_are_not_benchmarks() -> None:
    found = _module("run").modules()
    assert not {"harness", "reference", "mesa_model", "report", "run"} & set(found)
    assert found[:2] == ["simulation", "eligibility"]


def test_a_module_that_returns_no_list_is_one_failed_figure() -> None:
    runner = _module("run")
    (figure,) = runner.checked("broken", "not a list")
    assert figure["passed"] is False
    assert "broken" in figure["name"]
    (partial,) = runner.checked("broken", [{"name": "x"}])
    assert partial["passed"] is False


def test_the_page_keeps_its_prose_and_replaces_only_the_figures() -> None:
    report = _module("report")
    first: dict[str, Any] = {
        "date": "2026-12-01",
        "machine": {"cpus": 2, "python": "3.11"},
        "figures": [
            {
                "module": "m",
                "name": "a",
                "value": 1.5,
                "unit": "x",
                "target": ">= 1",
                "passed": True,
                "peer": "p",
                "peer_value": 0.1,
                "note": "n",
            },
        ],
    }
    page = "# Benchmarks\n\nProse stays.\n"
    once = report.render(first, page)
    assert "Prose stays." in once
    assert "| a | 1.5 x | >= 1 | yes |" in once
    second = {**first, "figures": [{**first["figures"][0], "name": "b", "passed": False}]}
    twice = report.render(second, once)
    assert "Prose stays." in twice
    assert "| a |" not in twice
    assert "| b |" in twice
    assert "Not met: b." in twice
    assert twice.count(report.BEGIN) == 1
