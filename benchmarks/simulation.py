"""The simulation against hand-written peers, at every size, as a user pays for it.

At each size the library's :func:`~sociaaldomein.simulation.simulate` runs in
turns with four peers that compute the same reference model (:mod:`reference`): a plain Python
loop, an event-driven Python version with numpy draws, a hand-written numpy
version and Mesa 3.  Every contender does the same number of runs; a small
pilot is simulated as a user simulates it, many Monte Carlo runs at once.

The library is timed as a user holds it: the composition (a ``Gemeente``) made
once, as a notebook or a script makes it, so its pilots are compiled on the
first call and kept; the model is built on every call, from the cohort and the
settings.  A second figure times the composition made and compiled on every
call too (reported, no target), so neither cost is hidden.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Final

import numpy as np
from harness import INFO, figure, interleave, unavailable
from reference import Reference, event_loop, gemeente, hand_loop, library_settings, numpy_loop

from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation import generate_cohort, simulate

SIZES: Final = (
    (10, 1_000),
    (1_000, 1),
    (1_000, 10),
    (10_000, 1),
    (100_000, 1),
    (1_000_000, 1),
)
"""(families, runs): a 10-family pilot's 1,000 Monte Carlo runs, one run and ten runs of
1,000 families, one run of 10,000 (where the columnar kernel takes over from the object
kernel), of 100,000 and of 1,000,000 families."""

QUICK_SIZES: Final = ((10, 20), (1_000, 1), (10_000, 1))


def reference_at(families: int) -> Reference:
    """The reference model scaled to ``families``: capacity and budget grow with the city."""
    return Reference(families=families, capacity=max(1, families // 25), per_year=300 * families)


def _times(fn: Callable[[int], object], runs: int) -> Callable[[], object]:
    return lambda: [fn(seed) for seed in range(runs)]


def contenders(ref: Reference, runs: int) -> dict[str, Callable[[], object]]:
    """The library and its peers, each doing ``runs`` runs of ``ref``."""
    cohort = generate_cohort(ref.families, seed=1)
    problems: Array = cohort.column("problemen")
    as_list: list[int] = problems.tolist()
    settings = library_settings(ref)
    held = gemeente(ref)
    out: dict[str, Callable[[], object]] = {
        "library": lambda: simulate(held, cohort, settings, runs=runs, seed=1),
        "library, composition made every call": lambda: simulate(
            gemeente(ref), cohort, settings, runs=runs, seed=1
        ),
        "plain Python loop": _times(functools.partial(hand_loop, ref, as_list), runs),
        "event-driven Python": _times(functools.partial(event_loop, ref, as_list), runs),
        "hand-written numpy": _times(functools.partial(numpy_loop, ref, problems), runs),
    }
    try:
        import mesa_model
    except ImportError:
        return out
    out["Mesa 3"] = _times(functools.partial(mesa_model.run, ref, as_list), runs)
    return out


def _ns(seconds: float, ref: Reference, runs: int) -> float:
    return seconds / (ref.families * ref.months * runs) * 1e9


def at_size(families: int, runs: int, repeat: int) -> list[dict[str, object]]:
    """The figures of one size: the library against each peer, medians of ``repeat`` turns."""
    ref = reference_at(families)
    timed = interleave(contenders(ref, runs), repeat)
    lib = timed["library"]
    size = f"{families:,} families x {runs:,} run{'s' if runs > 1 else ''}"
    per_fm = {name: round(_ns(t.median, ref, runs), 1) for name, t in timed.items()}
    extra: dict[str, Any] = {
        "families": families,
        "runs": runs,
        "months": ref.months,
        "seconds": {name: t.as_dict() for name, t in timed.items()},
        "ns_per_family_month": per_fm,
    }
    note = (
        f"library {lib.median * 1e3:.2f} ms (min {lib.min * 1e3:.2f}), model built every "
        f"call; {per_fm['library']} ns a family-month"
    )
    out = []
    made = timed["library, composition made every call"]
    out.append(
        figure(
            f"simulation, {size}: composition made every call / composition held",
            made.median / lib.median,
            "x",
            INFO,
            True,
            peer="library, composition made every call",
            peer_value=made.median,
            note=f"composition made and compiled every call: {made.median * 1e3:.2f} ms",
        )
    )
    loop = timed["plain Python loop"]
    out.append(
        figure(
            f"simulation, {size}: plain Python loop / library",
            loop.median / lib.median,
            "x",
            ">= 1",
            loop.median / lib.median >= 1,
            peer="plain Python loop",
            peer_value=loop.median,
            note=note,
            **extra,
        )
    )
    mesa = timed.get("Mesa 3")
    if mesa is None:
        out.append(unavailable(f"simulation, {size}: Mesa 3 / library", ">= 3", "mesa missing"))
    else:
        out.append(
            figure(
                f"simulation, {size}: Mesa 3 / library",
                mesa.median / lib.median,
                "x",
                ">= 3",
                mesa.median / lib.median >= 3,
                peer="Mesa 3",
                peer_value=mesa.median,
                note=note,
            )
        )
    hand = timed["hand-written numpy"]
    judged = runs == 1 and families >= 1_000
    out.append(
        figure(
            f"simulation, {size}: library / hand-written numpy",
            lib.median / hand.median,
            "x",
            "<= 1.5" if judged else INFO,
            lib.median / hand.median <= 1.5 if judged else True,
            peer="hand-written numpy",
            peer_value=hand.median,
            note=note,
        )
    )
    event = timed["event-driven Python"]
    out.append(
        figure(
            f"simulation, {size}: library / event-driven Python",
            lib.median / event.median,
            "x",
            INFO,
            True,
            peer="event-driven Python",
            peer_value=event.median,
            note=note,
        )
    )
    return out


def run(quick: bool = False) -> list[dict[str, object]]:
    """Every size; in quick mode small sizes and three turns (a smoke test)."""
    np.seterr(all="ignore")
    out: list[dict[str, object]] = []
    for families, runs in QUICK_SIZES if quick else SIZES:
        out += at_size(families, runs, repeat=3 if quick else 5)
    return out
