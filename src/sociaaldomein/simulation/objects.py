"""The object kernel: one small Python object per family, plain loops per month.

For a small pilot (ten, a hundred families) numpy's cost per call outweighs
the work, and plain Python is faster; this kernel is also the *scalar
reference* of the columnar kernel.  It is event-driven: the month's random
numbers are drawn in bulk, and only the families something can happen to
(those a draw refers or whose problems change, and those waiting or in care)
are touched, one at a time.  It follows the same steps in the same order with the
same random numbers and integer thresholds, so both kernels give identical
results, which the tests check family for family.  See
:mod:`sociaaldomein.simulation.kernel` for the steps of a month.  Eligibility
is never re-implemented here: it comes from the model's routing table or, with
problem dynamics, from the rules' own vectorised form over the month's
referred families (:meth:`~sociaaldomein.simulation.model.Dynamics.routes`).
"""

from __future__ import annotations

import array
from collections.abc import Iterator, Sequence

import numpy as np

from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation.model import BIG, Model
from sociaaldomein.simulation.runs import (
    ASSESSED,
    SERIES,
    Batch,
    draw,
    draw_events,
    draw_rows,
    draws_events,
    event_generator,
    family_generator,
    months_per_draw,
    series_index,
)

__all__ = ["Family", "run_objects"]

_TOP = 1 << 32
_EXIT0 = series_index("exit_goals")
_I_REFERRED = series_index("referred")
_I_ADMITTED = series_index("admitted")
_I_ENROLLED = series_index("enrolled")
_I_WAITING = series_index("waiting")
_I_EXIT_PILOT_END = series_index("exit_pilot_end")
_I_WAITLIST_CLOSED = series_index("waitlist_closed")
_I_LEFT_WAITLIST = series_index("left_waitlist")
_I_SPENT_CENTS = series_index("spent_cents")
_I_DEFICIT_CENTS = series_index("deficit_cents")
_I_PLAN_CENTS = series_index("plan_cents")
_I_ACTIVE = series_index("active")
_I_INTAKE_OPEN = series_index("intake_open")


class Family:
    """A family waiting or in care in a run: its row ``f`` in the cohort, where it is
    (1 waiting, 2 in care), in which pilot, since which month, its ZRM level (kept here
    while in care) and its problems when it was referred.  Families at home or done are
    a few bytes of flat state (status, level, problems) and no object."""

    __slots__ = ("f", "level", "pilot", "problems", "since", "status")

    def __init__(self, f: int, level: int, problems: int) -> None:
        self.f = f
        self.status = 0
        self.pilot = 0
        self.since = 0
        self.level = level
        self.problems = problems


def run_objects(model: Model, runs: Sequence[int], root_seed: int) -> Batch:
    """Simulate ``runs`` one after another with a plain loop per month."""
    out = Batch.empty(model, runs)
    for i, run in enumerate(runs):
        _run(model, int(run), root_seed, out, i)
    return out


def _run(model: Model, run: int, root_seed: int, out: Batch, i: int) -> None:
    n_p, n_fam, n_m = len(model.pilots), model.n_families, model.months
    fam_rng = family_generator(root_seed, run)
    ev = draw_events(model, event_generator(root_seed, run) if draws_events(model) else None)
    end_month = ev.end_month.tolist()
    why = ev.ended_by.tolist()
    out.extended[i] = ev.extended
    # Flat state for every family (a few bytes each); a Family object only for those
    # waiting or in care, made when referred.
    status = bytearray(n_fam)  # 0 home, 1 waiting, 2 in care, 3 done
    level = bytearray(model.level0.astype(np.uint8).tobytes())
    problems = array.array("H", model.problems0.astype(np.uint16).tobytes())
    target = model.target.tolist()
    start = model.start_month.tolist()
    t_up, t_down = model.t_up.tolist(), model.t_down.tolist()
    t_reg, t_sd = model.t_regular.tolist(), model.t_step_down.tolist()
    t_leave, sd_level = model.t_leave.tolist(), model.step_down_level.tolist()
    max_m, prio_rule = model.max_months.tolist(), model.priority.tolist()
    capacity, fixed_c = model.capacity.tolist(), model.fixed_cents.tolist()
    total_cap = model.total_cap.tolist()
    family_c, intake_c = model.family_cents.tolist(), model.intake_cents.tolist()
    reserve, on_exh = model.reserve_months.tolist(), model.end_on_exhaustion.tolist()
    pot_budget = model.pot_budget.tolist()
    budget_total = [sum(b) for b in pot_budget]
    pot_of_month = model.pot_of_month.T.tolist()
    plan = model.plan_cents.T.tolist()
    dynamic = model.dynamics is not None
    t_ref, t_change = model.t_referral, model.t_problem_change
    enrolled, waiting = [0] * n_p, [0] * n_p
    admitted_total = [0] * n_p  # since the start: Pilot.max_totaal caps it
    stopped = [False] * n_p
    pot_spent = [[0] * len(b) for b in pot_budget]
    spent_total = [0] * n_p
    rows, chunk = draw_rows(model), months_per_draw(model)
    n_s = len(SERIES)
    block = np.zeros((0, rows, n_fam), dtype=np.uint32)
    done = 0 if model.settings.families_return else 3  # where a family goes when it leaves
    engaged: list[Family] = []  # waiting or in care, in the order they were referred
    # With problem dynamics, a chunk's months may be routed in one call when routing
    # depends on a family's row and problems only (see _route_ahead).
    ahead_ok = model.dynamics is not None and model.dynamics.date_free and chunk > 1
    ahead: dict[int, dict[int, tuple[int, int]]] = {}

    for m in range(n_m):
        if m in model.from_month:  # a dated change from this month (policy)
            dated = model.from_month[m]
            capacity, fixed_c = dated.capacity.tolist(), dated.fixed_cents.tolist()
            total_cap = dated.total_cap.tolist()
            family_c, intake_c = dated.family_cents.tolist(), dated.intake_cents.tolist()
        j = m % chunk
        if j == 0:
            block = draw(fam_rng, min(chunk, n_m - m), rows, n_fam)
            if ahead_ok:
                ahead = _route_ahead(model, block, m, problems)
        u = block[j]
        active = [start[p] <= m < end_month[p] and not stopped[p] for p in range(n_p)]
        s = [[0] * n_s for _ in range(n_p)]
        assessed = [0] * len(ASSESSED)

        # 1. pilots that stop this month
        stopping = [not active[p] and not stopped[p] and m >= start[p] for p in range(n_p)]
        if any(stopping):
            for p in range(n_p):
                if stopping[p]:
                    stopped[p] = True
                    out.ended_month[i, p] = m
                    out.ended_by[i, p] = why[p]
                    enrolled[p] = waiting[p] = 0
            kept = []
            for fam in engaged:
                if stopping[fam.pilot]:
                    s[fam.pilot][_I_EXIT_PILOT_END if fam.status == 2 else _I_WAITLIST_CLOSED] += 1
                    status[fam.f], level[fam.f] = done, fam.level
                else:
                    kept.append(fam)
            engaged = kept

        # 2. problems change: only the draws that hit are read
        if dynamic:
            u3 = u[3]
            hit = np.flatnonzero((u3 >> 16) < t_change)
            for f, bit in zip(hit.tolist(), ((u3[hit] & 0xFFFF) % 9).tolist(), strict=True):
                problems[f] ^= 1 << bit

        # 3. progress and exits in care; giving up on the waitlist
        if engaged:
            rows_of = [fam.f for fam in engaged]
            kept = []
            for fam, a, b in zip(
                engaged, u[1][rows_of].tolist(), u[2][rows_of].tolist(), strict=True
            ):
                p = fam.pilot
                if fam.status == 1:
                    if a < t_leave[p]:
                        status[fam.f] = done
                        s[p][_I_LEFT_WAITLIST] += 1
                        waiting[p] -= 1
                    else:
                        kept.append(fam)
                    continue
                lv = fam.level + (a < t_up[p]) - (a >= _TOP - t_down[p])
                lv = 1 if lv < 1 else 5 if lv > 5 else lv
                fam.level = lv
                tr = t_reg[p]
                if lv >= target[fam.f]:
                    reason = 1
                elif b < tr:
                    reason = 2
                elif b - tr < t_sd[p] and lv >= sd_level[p]:
                    reason = 3
                elif max_m[p] > 0 and m - fam.since >= max_m[p]:
                    reason = 4
                else:
                    kept.append(fam)
                    continue
                status[fam.f], level[fam.f] = done, lv
                s[p][_EXIT0 + reason - 1] += 1
                enrolled[p] -= 1
            engaged = kept

        # 4. referrals: only the families at home whose draw says so
        candidates = [f for f in np.flatnonzero(u[0] < t_ref).tolist() if not status[f]]
        if candidates:
            running = sum(1 << p for p in range(n_p) if active[p])
            routed: Iterator[tuple[int, int]]
            if model.dynamics is None:
                e = int(model.epoch_of_month[m])
                routed = zip(
                    model.bits[e][candidates].tolist(),
                    model.fallback[e][candidates].tolist(),
                    strict=True,
                )
            elif ahead_ok:
                known = ahead[m]
                routed = iter([known[f] for f in candidates])
            else:
                # Routing does not change a family's problems, so the month's candidates
                # are decided together, by the rules' own vectorised form.
                now = np.asarray([problems[f] for f in candidates], dtype=np.uint16)
                found = model.dynamics.routes(m, np.asarray(candidates), now)
                routed = zip(found[0].tolist(), found[1].tolist(), strict=True)
            for f, (bits, fb) in zip(candidates, routed, strict=True):
                assessed[0] += 1
                ab = bits & running
                if ab:
                    dest = (ab & -ab).bit_length() - 1
                    fam = Family(f, level[f], problems[f])
                    fam.status, fam.pilot, fam.since = 1, dest, m
                    status[f] = 1
                    s[dest][_I_REFERRED] += 1
                    waiting[dest] += 1
                    engaged.append(fam)
                elif bits:
                    assessed[4] += 1
                else:
                    assessed[-fb] += 1
                    if fb <= -2:
                        status[f] = done

        # 5. admissions and 6. spending, pilot by pilot
        queues: list[list[Family]] = [[] for _ in range(n_p)]
        for fam in engaged:
            if fam.status == 1:
                queues[fam.pilot].append(fam)
        for p in range(n_p):
            pot = pot_of_month[m][p]
            left = pot_budget[p][pot] - pot_spent[p][pot]
            fixed = fixed_c[p] if active[p] else 0
            base = (fixed + enrolled[p] * family_c[p]) * reserve[p]
            per_new = intake_c[p] + family_c[p] * reserve[p]
            if per_new > 0:
                affordable = max(left - base, 0) // per_new
            else:
                affordable = BIG if left >= base else 0
            left_total = max(total_cap[p] - admitted_total[p], 0)
            free = min(max(capacity[p] - enrolled[p], 0), left_total)
            room = min(free, affordable) if active[p] else 0
            s[p][_I_INTAKE_OPEN] = int(active[p] and affordable > 0 and left_total > 0)
            admitted = 0
            if room > 0 and queues[p]:
                rule = prio_rule[p]
                # Waiting families are engaged in the order they were referred: (since, row)
                # order already, which is first come, first served; other rules sort.
                queue = queues[p]
                if rule:
                    queue = sorted(
                        queue, key=lambda fam: (_priority(rule, fam, problems), fam.since, fam.f)
                    )
                for fam in queue[:room]:
                    fam.status, fam.since = 2, m
                    status[fam.f] = 2
                admitted = min(room, len(queue))
                enrolled[p] += admitted
                admitted_total[p] += admitted
                waiting[p] -= admitted
            cost = fixed + enrolled[p] * family_c[p] + admitted * intake_c[p]
            charge = min(cost, left)
            pot_spent[p][pot] += charge
            spent_total[p] += charge
            if (
                active[p]
                and on_exh[p]
                and budget_total[p] > 0
                and spent_total[p] >= budget_total[p]
                and m + 1 < end_month[p]
            ):
                end_month[p] = m + 1
                why[p] = 4
            row = s[p]
            row[_I_ADMITTED] = admitted
            row[_I_ENROLLED] = enrolled[p]
            row[_I_WAITING] = waiting[p]
            row[_I_SPENT_CENTS] = charge
            row[_I_DEFICIT_CENTS] = cost - charge
            row[_I_PLAN_CENTS] = plan[m][p]
            row[_I_ACTIVE] = int(active[p])
        out.series[i, m] = s
        out.assessed[i, m] = assessed


def _route_ahead(
    model: Model, block: Array, first: int, problems: array.array[int]
) -> dict[int, dict[int, tuple[int, int]]]:
    """The routing, month by month, of every family a chunk's draws could refer.

    The families a month refers are those at home whose referral draw is below
    the threshold; their problems then are those of now changed by the chunk's
    draws up to and including that month, whatever else happens.  So routing
    every family the draw points at (at home or not), with the problems it will
    have, decides all of a chunk's referrals in one call per epoch instead of one
    a month; only the families at home use the answer.  Valid when routing within
    an epoch depends on the row and the problems alone (``Dynamics.date_free``).
    """
    dynamics = model.dynamics
    assert dynamics is not None
    now = np.frombuffer(problems, dtype=np.uint16).copy()
    months: list[tuple[int, Array, Array]] = []
    for j in range(block.shape[0]):
        u = block[j]
        hit = np.flatnonzero((u[3] >> 16) < model.t_problem_change)
        now[hit] ^= np.left_shift(1, (u[3][hit] & 0xFFFF) % 9).astype(np.uint16)
        pointed = np.flatnonzero(u[0] < model.t_referral)
        months.append((first + j, pointed, now[pointed]))
    out: dict[int, dict[int, tuple[int, int]]] = {}
    i = 0
    while i < len(months):
        epoch = dynamics.epoch_of_month[months[i][0]]
        k = i
        while k < len(months) and dynamics.epoch_of_month[months[k][0]] == epoch:
            k += 1
        group = months[i:k]
        rows = np.concatenate([g[1] for g in group])
        bits, fallback = (
            dynamics.routes(group[0][0], rows, np.concatenate([g[2] for g in group]))
            if rows.size
            else (np.zeros(0, np.uint8), np.zeros(0, np.int8))
        )
        answers = list(zip(bits.tolist(), fallback.tolist(), strict=True))
        start = 0
        for m, pointed, _ in group:
            out[m] = dict(zip(pointed.tolist(), answers[start : start + pointed.size], strict=True))
            start += pointed.size
        i = k
    return out


def _priority(rule: int, fam: Family, problems: array.array[int]) -> int:
    if rule == 1:
        return 9 - problems[fam.f].bit_count()  # its problems now, not when referred
    if rule == 2:
        return fam.level
    return 0
