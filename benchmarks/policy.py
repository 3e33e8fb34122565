"""Rules over time: what dated versions add to a verdict, and what a comparison costs.

* ``versions in force``: assessing one family for the four Groningen pilots,
  each with four dated versions from decisions, against the same composition
  without decisions (the peer), interleaved; the ratio of medians must stay
  within 1.10 (resolving the version adds at most 10%).
* ``compare``: :func:`sociaaldomein.policy.compare` of the reference pilot
  before and after a council decision (capacity and the rule from month 12)
  over 136,500 households and 100 runs of 24 months, against simulating the
  baseline alone (the peer), interleaved; at most twice its time.  Both
  simulations run in full, with the same seeds: side by side in two threads
  when a core is free (compare's default), else one after the other, which
  the note also gives.  Everything but the two simulations (the changed
  verdicts, found while they run) costs well under 1%, so one after the other
  the ratio is 2.0 by construction; below it needs the kernels to share what
  the two sides have in common (each run's draws, and the months before the
  first change).
"""

from __future__ import annotations

import functools
import sys
from typing import Final

import pendulum
from harness import figure, interleave
from reference import START, Reference, gemeente, library_settings

from sociaaldomein import Citation, Gemeente
from sociaaldomein.policy import Besluit, Orgaan, ParameterWijziging, compare
from sociaaldomein.simulation import generate_cohort, simulate

BRON: Final = Citation("raadsbesluit-voorbeeld.txt", "Besluit")
HOUSEHOLDS: Final = 136_500
RUNS: Final = 100


def _groningen() -> list[object]:
    from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot
    from sociaaldomein_hoogkerk import HoogkerkPilot
    from sociaaldomein_multiprobleem import MultiprobleemPilot
    from sociaaldomein_samen import SamenPilot

    return [GezinsverzorgerPilot(), MultiprobleemPilot(), HoogkerkPilot(), SamenPilot()]


def _dated_groningen() -> Gemeente:
    """The four pilots, each with four versions (a total cap changed three times)."""
    days = [pendulum.date(2010, 1, 1), pendulum.date(2022, 1, 1), pendulum.date(2030, 1, 1)]
    changes = [
        ParameterWijziging(pilot, "max_totaal", 100 + i, vanaf=day)
        for pilot in ("gezinsverzorger", "multiprobleem", "hoogkerk", "samen")
        for i, day in enumerate(days)
    ]
    out = Gemeente(plugins=_groningen())
    out.apply(Besluit(Orgaan.RAAD, pendulum.date(2009, 12, 1), "RB 1", BRON, changes))
    out.compile()
    return out


def versions_in_force(quick: bool) -> dict[str, object]:
    """Assessing a family with versions in force, against the same without decisions."""
    from sociaaldomein_gezinsverzorger import example_families

    plain = Gemeente(plugins=_groningen())
    plain.compile()
    dated = _dated_groningen()
    families = [g for _, g in example_families()]
    on = pendulum.date(2022, 3, 1)
    per_call = 20 if quick else 400

    def assess(composition: Gemeente) -> None:
        for _ in range(per_call):
            for gezin in families:
                composition.assess(gezin, on)

    timings = interleave(
        {"dated": functools.partial(assess, dated), "plain": functools.partial(assess, plain)},
        repeat=3 if quick else 7,
    )
    calls = per_call * len(families)
    ratio = timings["dated"].median / timings["plain"].median
    return figure(
        "policy: assess one family, four pilots with four dated versions each",
        ratio,
        "x the same without decisions",
        "<= 1.10",
        ratio <= 1.10,
        peer="the same composition without decisions",
        peer_value=timings["plain"].median / calls,
        note=(
            f"median {timings['dated'].median / calls * 1e6:.1f} us against "
            f"{timings['plain'].median / calls * 1e6:.1f} us a family"
        ),
    )


def _changed(ref: Reference) -> Gemeente:
    out = gemeente(ref)
    year = START.add(months=12)
    out.apply(
        Besluit(
            Orgaan.RAAD,
            START.add(months=11),
            "RB 2",
            BRON,
            [
                ParameterWijziging("ref", "capaciteit", ref.capacity * 3 // 2, vanaf=year),
                ParameterWijziging("ref", "min_problems", 4, vanaf=year),
            ],
        )
    )
    return out


def compare_cost(quick: bool) -> dict[str, object]:
    """``compare`` against simulating the baseline alone, same size, interleaved."""
    households, runs = (2_000, 3) if quick else (HOUSEHOLDS, RUNS)
    ref = Reference(families=households)
    cohort = generate_cohort(households, seed=1)
    settings = library_settings(ref)
    timings = interleave(
        {
            "compare": lambda: compare(
                gemeente(ref), _changed(ref), cohort, settings, runs=runs, seed=1
            ),
            "baseline": lambda: simulate(gemeente(ref), cohort, settings, runs=runs, seed=1),
            "one after the other": lambda: compare(
                gemeente(ref), _changed(ref), cohort, settings, runs=runs, seed=1, threads=1
            ),
        },
        repeat=3 if quick else 5,
    )
    ratio = timings["compare"].median / timings["baseline"].median
    apart = timings["one after the other"].median / timings["baseline"].median
    return figure(
        f"policy: compare over {households:,} households, {runs} runs of 24 months",
        ratio,
        "x simulating the baseline alone",
        "<= 2.0",
        ratio <= 2.0,
        peer="simulate the baseline alone",
        peer_value=timings["baseline"].median,
        note=(
            f"median {timings['compare'].median:.2f} s against "
            f"{timings['baseline'].median:.2f} s; one after the other {apart:.2f}x"
        ),
    )


def run(quick: bool = False) -> list[dict[str, object]]:
    """Both figures; in quick mode a small size and three turns (a smoke test)."""
    return [versions_in_force(quick), compare_cost(quick)]


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
