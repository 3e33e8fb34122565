"""The contract's figures: compiling the four Groningen pilots, assessing one family.

Both are measured as a user pays them: compiling builds a fresh ``Gemeente``
from the four plugin objects and compiles it (registration included), and
assessing asks the compiled composition for one family's four verdicts, with
every reason.  Each figure is the minimum and the median of several rounds.
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Callable
from typing import Any

import pendulum
from harness import figure

from sociaaldomein import Gemeente


def _plugins() -> list[object]:
    from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot
    from sociaaldomein_hoogkerk import HoogkerkPilot
    from sociaaldomein_multiprobleem import MultiprobleemPilot
    from sociaaldomein_samen import SamenPilot

    return [GezinsverzorgerPilot(), MultiprobleemPilot(), HoogkerkPilot(), SamenPilot()]


def _rounds(fn: Callable[[], object], rounds: int, per_round: int) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            fn()
        out.append((time.perf_counter() - start) / per_round)
    return out


def measure(quick: bool) -> dict[str, Any]:
    """Compile and assess figures, in milliseconds and microseconds."""
    from sociaaldomein_gezinsverzorger import example_families

    plugins = _plugins()
    rounds = 5 if quick else 9
    compile_s = _rounds(lambda: Gemeente(plugins=plugins).compile(), rounds, 20)
    gemeente = Gemeente(plugins=plugins)
    gemeente.compile()
    on = pendulum.date(2022, 3, 1)
    families = [g for _, g in example_families()]
    per_family = []
    for gezin in families:
        per_family += _rounds(functools.partial(gemeente.assess, gezin, on), rounds, 200)
    return {
        "compile_four_pilots_ms": {
            "min": round(min(compile_s) * 1e3, 3),
            "median": round(statistics.median(compile_s) * 1e3, 3),
        },
        "assess_one_family_four_pilots_us": {
            "min": round(min(per_family) * 1e6, 1),
            "median": round(statistics.median(per_family) * 1e6, 1),
            "families": len(families),
        },
    }


def run(quick: bool = False) -> list[dict[str, object]]:
    """The contract's two figures, each against its target."""
    found = measure(quick)
    compiling, assessing = (
        found["compile_four_pilots_ms"],
        found["assess_one_family_four_pilots_us"],
    )
    return [
        figure(
            "compiling the four Groningen pilots",
            compiling["median"],
            "ms",
            "<= 5",
            compiling["median"] <= 5,
            note=f"median of {5 if quick else 9} rounds of 20; min {compiling['min']} ms",
        ),
        figure(
            "assessing one family against the four compiled pilots",
            assessing["median"],
            "us",
            "<= 50",
            assessing["median"] <= 50,
            note=(
                f"median over the {assessing['families']} example families, rounds of 200; "
                f"min {assessing['min']} us"
            ),
        ),
    ]
