"""What both kernels share: seeding, the random draws, pilot events, and the raw output.

Every run draws from its own generators, seeded from
``SeedSequence(root_seed, spawn_key=(run_index,))``: one for the families
(uniform 32-bit numbers, drawn in a fixed schedule that depends only on the
model's size) and one for pilot events (an extension, partners' requests to
end the pilot).  A run's numbers therefore never depend on which other runs
share its batch, chunk, process or machine.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Final

import attrs
import numpy as np

from sociaaldomein import Opzegverzoek, PilotToestand
from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation.model import Model, threshold

__all__ = [
    "ASSESSED",
    "ENDED_BY",
    "EXIT_REASONS",
    "SERIES",
    "Batch",
    "Events",
    "draw",
    "draw_events",
    "draw_rows",
    "draws_events",
    "event_generator",
    "family_generator",
    "generators",
    "months_per_draw",
    "row_drawer",
]

SERIES: Final = (
    "referred",
    "admitted",
    "enrolled",
    "waiting",
    "exit_goals",
    "exit_step_down",
    "exit_regular",
    "exit_max_months",
    "exit_pilot_end",
    "left_waitlist",
    "waitlist_closed",
    "spent_cents",
    "deficit_cents",
    "plan_cents",
    "intake_open",
    "active",
)
"""Monthly figures per pilot.  Stocks (``enrolled``, ``waiting``) are at the end of the month;
the rest are flows in the month.  Money is in cents."""

EXIT_REASONS: Final = ("goals", "step_down", "regular", "max_months")
"""Why a trajectory ends, in the order the kernels test them (codes 1-4)."""

ASSESSED: Final = ("referrals", "not_eligible", "referred_elsewhere", "regular_route", "closed")
"""Monthly figures of the whole composition: referrals and where those not placed went
(``closed``: eligible only for pilots not running then; the family may be referred again)."""

ENDED_BY: Final = (
    "running",
    "end of looptijd",
    "end of extended looptijd",
    "partner vote",
    "budget exhausted",
)
"""Why a pilot stopped during the simulation (code 0: it did not)."""

_S: Final = {name: i for i, name in enumerate(SERIES)}
_UNIFORM: Final = 1 << 32
_LITTLE: Final = sys.byteorder == "little"


def generators(root_seed: int, run_index: int) -> tuple[np.random.Generator, np.random.Generator]:
    """The family generator and the event generator of run ``run_index``."""
    return family_generator(root_seed, run_index), event_generator(root_seed, run_index)


def _generator(root_seed: int, run_index: int, child: int) -> np.random.Generator:
    # Child ``child`` of SeedSequence(root_seed, spawn_key=(run_index,)).spawn(2), made
    # directly: the same numbers, at a third of the cost (it counts for small runs).
    seq = np.random.SeedSequence(root_seed, spawn_key=(run_index, child))
    return np.random.Generator(np.random.PCG64(seq))


def family_generator(root_seed: int, run_index: int) -> np.random.Generator:
    """The generator of run ``run_index``'s family draws (:func:`draw`)."""
    return _generator(root_seed, run_index, 0)


def event_generator(root_seed: int, run_index: int) -> np.random.Generator:
    """The generator of run ``run_index``'s pilot events (:func:`draw_events`)."""
    return _generator(root_seed, run_index, 1)


def draws_events(model: Model) -> bool:
    """Whether :func:`draw_events` draws at all for ``model`` (an extension or partner chance).

    When it does not, a run needs no event generator: making none changes no number.
    """
    for name in model.pilots:
        design = model.settings.design(name)
        if design.extension_months and design.extension_probability:
            return True
        if (
            threshold(design.partner_request_probability)
            and model.partners[model.pilots.index(name)]
        ):
            return True
    return False


def draw_rows(model: Model) -> int:
    """Uniform draws per family per month: referral, progress, exit (and problem change)."""
    return 3 if model.dynamics is None else 4


def months_per_draw(model: Model) -> int:
    """How many months of draws one call makes (a function of the model's size only)."""
    per_month = draw_rows(model) * max(1, model.n_families)
    return max(1, min(model.months, (1 << 16) // per_month))


def draw(rng: np.random.Generator, months: int, rows: int, families: int) -> Array:
    """``(months, rows, families)`` uniform 32-bit numbers.

    The same numbers as ``rng.integers(0, 2**32, size, dtype=np.uint32)``: for the
    full 32-bit range that takes each 64-bit output of the generator as two
    halves, low first, which is what viewing the raw outputs as ``uint32`` gives,
    without the bounded-integer machinery.  An odd count leaves half an output
    buffered inside the generator (and a buffered half comes first), so then
    the ordinary path is taken.
    """
    size = months * rows * families
    bits = rng.bit_generator
    if size % 2 == 0 and _LITTLE and type(bits) is np.random.PCG64 and not bits.state["has_uint32"]:
        raw: Array = bits.random_raw(size // 2).view(np.uint32)
        return raw.reshape(months, rows, families)
    out: Array = rng.integers(0, _UNIFORM, size=(months, rows, families), dtype=np.uint32)
    return out


def row_drawer(rng: np.random.Generator, families: int) -> Callable[[], Array]:
    """A function drawing the next ``families`` uniform 32-bit numbers of ``rng`` on each call:
    :func:`draw` of one month's row, ``draw(rng, 1, 1, families).reshape(families)``.

    For an even count the raw outputs are taken directly: only raw outputs are ever
    drawn then, so no half output is ever buffered, and the generator's state need
    not be read on each call (reading it builds a dict).
    """
    bits = rng.bit_generator
    if (
        families % 2 == 0
        and _LITTLE
        and type(bits) is np.random.PCG64
        and not bits.state["has_uint32"]
    ):
        raw, half = bits.random_raw, families // 2

        def row() -> Array:
            out: Array = raw(half).view(np.uint32)
            return out

        return row

    def any_row() -> Array:
        return draw(rng, 1, 1, families).reshape(families)

    return any_row


@attrs.frozen
class Events:
    """One run's pilot events: when each pilot stops (if no money runs out) and why."""

    end_month: Array  # (P,) first month the pilot no longer runs
    ended_by: Array  # (P,) code into ENDED_BY
    extended: Array  # (P,) bool


def _needed(rng: np.random.Generator | None) -> np.random.Generator:
    if rng is None:
        raise ValueError("this model draws pilot events: give draw_events a generator")
    return rng


def _vote_end(model: Model, p: int, rng: np.random.Generator | None) -> int | None:
    design = model.settings.design(model.pilots[p])
    requests = [(v.month, v.partner, v.schriftelijk) for v in design.votes]
    partners = model.partners[p]
    t = threshold(design.partner_request_probability)
    if t and partners:
        u = _needed(rng).integers(0, _UNIFORM, size=(model.months, len(partners)), dtype=np.uint32)
        for j, partner in enumerate(partners):
            hits = np.flatnonzero(u[:, j] < t)
            if hits.size:
                requests.append((int(hits[0]), partner, True))
    rules = model.partner_rules[p]
    if not requests or not rules:
        return None
    requests.sort()
    pilot = model.pilot_values[p]
    for month in sorted({r[0] for r in requests}):
        if month >= model.months:
            break
        made = frozenset((name, written) for m, name, written in requests if m <= month)
        key = ("vote", p, made)
        if key not in model.cache:
            day = model.dates[month]
            state = PilotToestand(
                on=day,
                opzegverzoeken=[Opzegverzoek(name, day, schriftelijk=w) for name, w in made],
                gevolgen_geregeld=True,
            )
            model.cache[key] = any(rule.check(pilot, state).ended for rule in rules)
        if model.cache[key]:
            return month + design.settle_months
    return None


def draw_events(model: Model, rng: np.random.Generator | None) -> Events:
    """Extension and partner votes of one run, decided by the pilots' own termination rules.

    ``rng`` may be ``None`` when the model draws no events (:func:`draws_events`);
    their events are the same for every run, so they are decided once per model.
    """
    if rng is None:
        found = model.cache.get(_EVENTS)
        if isinstance(found, Events):
            return found
        events = _events(model, None)
        model.cache[_EVENTS] = events
        return events
    return _events(model, rng)


_EVENTS: Final = ("events without draws",)


def _events(model: Model, rng: np.random.Generator | None) -> Events:
    n = len(model.pilots)
    end = model.end_month.copy()
    ended_by = np.ones(n, dtype=np.int8)
    extended = np.zeros(n, dtype=bool)
    for p, name in enumerate(model.pilots):
        design = model.settings.design(name)
        if design.extension_months and design.extension_probability:
            u = int(_needed(rng).integers(0, _UNIFORM, dtype=np.uint32))
            if u < threshold(design.extension_probability):
                extended[p] = True
                end[p] += design.extension_months
                ended_by[p] = 2
        vote = _vote_end(model, p, rng)
        if vote is not None and vote < end[p]:
            end[p] = max(vote, int(model.start_month[p]))
            ended_by[p] = 3
    return Events(end, ended_by, extended)


@attrs.frozen(eq=False)
class Batch:
    """The raw output of a kernel for runs ``runs``: integer arrays only."""

    runs: Array  # (R,) run indices
    series: Array  # (R, M, P, len(SERIES)) int64
    assessed: Array  # (R, M, len(ASSESSED)) int64
    ended_month: Array  # (R, P) int64, -1: did not stop
    ended_by: Array  # (R, P) int8 into ENDED_BY
    extended: Array  # (R, P) bool

    @classmethod
    def empty(cls, model: Model, runs: Sequence[int]) -> Batch:
        """Zeroed arrays for ``runs``."""
        r, m, p = len(runs), model.months, len(model.pilots)
        return cls(
            runs=np.asarray(runs, dtype=np.int64),
            series=np.zeros((r, m, p, len(SERIES)), dtype=np.int64),
            assessed=np.zeros((r, m, len(ASSESSED)), dtype=np.int64),
            ended_month=np.full((r, p), -1, dtype=np.int64),
            ended_by=np.zeros((r, p), dtype=np.int8),
            extended=np.zeros((r, p), dtype=bool),
        )

    @staticmethod
    def concat(batches: Sequence[Batch]) -> Batch:
        """Batches one after another, in the order given."""
        return Batch(
            runs=np.concatenate([b.runs for b in batches]),
            series=np.concatenate([b.series for b in batches]),
            assessed=np.concatenate([b.assessed for b in batches]),
            ended_month=np.concatenate([b.ended_month for b in batches]),
            ended_by=np.concatenate([b.ended_by for b in batches]),
            extended=np.concatenate([b.extended for b in batches]),
        )


def series_index(name: str) -> int:
    """The position of series ``name`` in :data:`SERIES`."""
    return _S[name]
