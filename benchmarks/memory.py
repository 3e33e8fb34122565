"""Memory as a run's peak, the cohort included, each figure in a fresh process.

Per family (traced with ``tracemalloc``): the cohort is generated with the
columns the composition reads (as a user loading a big city does), then the
model is built and one 24-month run made; the figure is the traced peak over
all of it, divided by the families: the cohort held, the model's tables, the
kernel's state, its temporaries and the random draws.  The peak while the
cohort is generated is reported beside it.

For a whole country (8.2 million households, one 24-month columnar run) the
figure is the process's peak resident memory (``ru_maxrss``): Python, numpy
and the library included.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path
from typing import Any, Final

from harness import INFO, figure

HERE: Final = Path(__file__).resolve().parent
HOUSEHOLDS_NL: Final = 8_200_000
"""Households in the Netherlands, about 8.2 million (CBS, 2023): the largest cohort asked for."""


def measure(kind: str, families: int) -> dict[str, Any]:
    """In this (fresh) process: the peak of generating, building and running one run."""
    sys.path.insert(0, str(HERE))
    from reference import gemeente, library_settings
    from simulation import reference_at

    from sociaaldomein.simulation import families as cohorts
    from sociaaldomein.simulation import generate_cohort
    from sociaaldomein.simulation.kernel import run_columnar
    from sociaaldomein.simulation.model import build_model
    from sociaaldomein.simulation.objects import run_objects

    ref = reference_at(families)
    composition = gemeente(ref)
    columns_read = getattr(cohorts, "columns_read", None)
    columns = (
        None
        if columns_read is None
        else columns_read(composition.compile().values(), simulation=True)
    )
    traced = kind != "country"
    if traced:
        tracemalloc.start()
    cohort = generate_cohort(families, seed=1, **({} if columns is None else {"columns": columns}))
    generating = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.reset_peak()
    model = build_model(composition, cohort, library_settings(ref))
    kernel = run_objects if kind == "objects" else run_columnar
    kernel(model, [0], 1)
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    return {
        "families": families,
        "columns": None if columns is None else len(columns),
        "peak_bytes": peak,
        "generating_peak_bytes": generating,
        "max_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


def fresh(kind: str, families: int) -> dict[str, Any]:
    """:func:`measure` in a new Python process."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(HERE)!r}); import memory; "
        f"print(json.dumps(memory.measure({kind!r}, {families})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=1800
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool = False) -> list[dict[str, object]]:
    """Bytes per family of each kernel, and the country-sized run's resident peak."""
    out = []
    for kind, families, goal in (
        ("columnar", 100_000 if quick else 1_000_000, 64),
        ("objects", 20_000 if quick else 100_000, 150),
    ):
        found = fresh(kind, families)
        per_family = found["peak_bytes"] / families
        out.append(
            figure(
                f"memory, {kind} kernel, {families:,} families: run peak with the cohort",
                per_family,
                "B a family",
                f"<= {goal}",
                per_family <= goal,
                note=(
                    f"traced peak of building and one 24-month run, the cohort held "
                    f"({found['columns'] or 'all'} columns); generating the cohort peaked at "
                    f"{found['generating_peak_bytes'] / families:.0f} B a family"
                ),
                **found,
            )
        )
    households = 200_000 if quick else HOUSEHOLDS_NL
    found = fresh("country", households)
    gb = found["max_rss_bytes"] / 1e9
    out.append(
        figure(
            f"memory, one 24-month columnar run over {households:,} households: peak RSS",
            gb,
            "GB",
            "< 1" if not quick else INFO,
            gb < 1 if not quick else True,
            note="the whole process: Python, numpy, the library, the cohort, the model, the run",
            **found,
        )
    )
    return out
