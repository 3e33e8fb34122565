"""The object kernel: plain loops per month over the families something happens to.

For one run of a small pilot numpy's cost per call outweighs the work, and
plain Python is faster; this kernel is also the *scalar reference* of the
columnar kernel.  Every family is a few bytes of flat state (where it is, its
ZRM level, its problems); a :class:`Family` object exists only while it waits
or is in care, and each pilot's waiting families are a list in order of
referral.  It is event-driven: the month's random numbers are drawn in bulk,
and only the families something can happen to (those a draw refers or whose
problems change, and those waiting or in care) are touched, one at a time.  It
follows the same steps in the same order with the same random numbers and
integer thresholds, so both kernels give identical results, which the tests
check family for family.  See :mod:`sociaaldomein.simulation.kernel` for the
steps of a month.  Eligibility is never re-implemented here: it comes from the
model's routing table or, with problem dynamics, from the rules' own
vectorised form (:meth:`~sociaaldomein.simulation.model.Dynamics.routes`),
over the month's referred families or, when routing reads the problems alone,
over every family the run's draws could refer, at once (:func:`_route_ahead`).
"""

from __future__ import annotations

import array
from collections.abc import Iterable, Sequence
from typing import NamedTuple

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
    (1 waiting, 2 in care), in which pilot, since which month, and its ZRM level (kept
    here while in care).  Families at home or done are a few bytes of flat state
    (status, level, problems) and no object; a family's problems are always read
    from that state, never kept with it."""

    __slots__ = ("f", "level", "pilot", "since", "status")

    def __init__(self, f: int, level: int) -> None:
        self.f = f
        self.status = 0
        self.pilot = 0
        self.since = 0
        self.level = level


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
    # What a month in care asks of a family's pilot, one tuple a pilot: fetched once a family.
    in_care = [
        (t_up[p], _TOP - t_down[p], t_reg[p], t_sd[p], sd_level[p], max_m[p]) for p in range(n_p)
    ]
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
    care: list[Family] = []  # in care
    # Per pilot, its waiting families in the order they were referred: first come,
    # first served is the front of the list, and no month rescans the others.
    queues: list[list[Family]] = [[] for _ in range(n_p)]
    leave_any = any(t_leave)
    series: list[list[list[int]]] = []  # per month, per pilot, the month's figures
    assessed_by_month: list[list[int]] = []
    # With problem dynamics, a chunk's months may be routed in one call when routing
    # depends on a family's row and problems only (see _route_ahead).
    ahead_ok = model.dynamics is not None and model.dynamics.date_free and chunk > 1
    ahead = _Ahead([], [], [], [0] * (n_m + 1))  # routed ahead: the rows pointed at, by month
    problems_of_month: Array | None = None  # (M, F), routed ahead and sorting by problems
    current: array.array[int] | Array = problems  # the problems of this month
    if ahead_ok:
        # The whole run's draws in one call: the numbers chunk by chunk would give, in the
        # same order (one stream; a small cohort's months are a few hundred kilobytes).
        block = draw(fam_rng, n_m, rows, n_fam)
        ahead = _route_ahead(model, block, problems)
        if 1 in prio_rule:  # only "fewest problems first" reads a waiting family's problems
            problems_of_month = _problems_of_months(model, block, problems)

    for m in range(n_m):
        if m in model.from_month:  # a dated change from this month (policy)
            dated = model.from_month[m]
            capacity, fixed_c = dated.capacity.tolist(), dated.fixed_cents.tolist()
            total_cap = dated.total_cap.tolist()
            family_c, intake_c = dated.family_cents.tolist(), dated.intake_cents.tolist()
        # A draw is read where a family needs it, as a Python int from the flat block.
        if ahead_ok:
            at = m * rows * n_fam
        else:
            j = m % chunk
            if j == 0:
                block = draw(fam_rng, min(chunk, n_m - m), rows, n_fam)
            u, at = block[j], j * rows * n_fam
        if at == 0:
            draws = block.reshape(-1).data
        row1, row2 = at + n_fam, at + 2 * n_fam
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
            for fam in care:
                if stopping[fam.pilot]:
                    s[fam.pilot][_I_EXIT_PILOT_END] += 1
                    status[fam.f], level[fam.f] = done, fam.level
                else:
                    kept.append(fam)
            care = kept
            for p in range(n_p):
                if stopping[p]:
                    s[p][_I_WAITLIST_CLOSED] += len(queues[p])
                    for fam in queues[p]:
                        status[fam.f] = done
                    queues[p] = []

        # 2. problems change: only the draws that hit are read (routed ahead: known already)
        if problems_of_month is not None:
            current = problems_of_month[m]
        elif dynamic and not ahead_ok:
            u3 = u[3]
            hit = np.flatnonzero((u3 >> 16) < t_change)
            for f, bit in zip(hit.tolist(), ((u3[hit] & 0xFFFF) % 9).tolist(), strict=True):
                problems[f] ^= 1 << bit

        # 3. progress and exits in care; giving up on the waitlist
        if care:
            kept = []
            for fam in care:
                f, p = fam.f, fam.pilot
                a, b = draws[row1 + f], draws[row2 + f]
                up, down_from, tr, step_down, step_level, longest = in_care[p]
                lv = fam.level + (a < up) - (a >= down_from)
                lv = 1 if lv < 1 else 5 if lv > 5 else lv
                fam.level = lv
                # 1 + the index in EXIT_REASONS: goals, step-down, regular route, longest stay
                if lv >= target[f]:
                    reason = 1
                elif b < tr:
                    reason = 3
                elif b - tr < step_down and lv >= step_level:
                    reason = 2
                elif longest > 0 and m - fam.since >= longest:
                    reason = 4
                else:
                    kept.append(fam)
                    continue
                status[f], level[f] = done, lv
                s[p][_EXIT0 + reason - 1] += 1
                enrolled[p] -= 1
            care = kept
        if leave_any:
            for p in range(n_p):
                queue = queues[p]
                if not queue or not t_leave[p]:
                    continue
                stays = []
                for fam in queue:
                    if draws[row1 + fam.f] < t_leave[p]:
                        status[fam.f] = done
                        s[p][_I_LEFT_WAITLIST] += 1
                        waiting[p] -= 1
                    else:
                        stays.append(fam)
                queues[p] = stays

        # 4. referrals: only the families at home whose draw says so
        todo: Iterable[tuple[int, int, int]] = ()
        if ahead_ok:  # the rows the draws point at, in order, routed already
            lo, hi = ahead.bounds[m], ahead.bounds[m + 1]
            if lo < hi:
                todo = zip(ahead.rows[lo:hi], ahead.bits[lo:hi], ahead.fallback[lo:hi], strict=True)
        else:
            candidates = [f for f in np.flatnonzero(u[0] < t_ref).tolist() if not status[f]]
            if candidates and model.dynamics is None:
                e = int(model.epoch_of_month[m])
                todo = zip(
                    candidates,
                    model.bits[e][candidates].tolist(),
                    model.fallback[e][candidates].tolist(),
                    strict=True,
                )
            elif candidates and model.dynamics is not None:
                # Routing does not change a family's problems, so the month's candidates
                # are decided together, by the rules' own vectorised form.
                now = np.asarray([problems[f] for f in candidates], dtype=np.uint16)
                found = model.dynamics.routes(m, np.asarray(candidates), now)
                todo = zip(candidates, found[0].tolist(), found[1].tolist(), strict=True)
        if todo:
            running = sum(1 << p for p in range(n_p) if active[p])
            for f, bits, fb in todo:
                if status[f]:  # not at home (routed ahead: pointed at whatever it does)
                    continue
                assessed[0] += 1
                ab = bits & running
                if ab:
                    dest = (ab & -ab).bit_length() - 1
                    fam = Family(f, level[f])
                    fam.status, fam.pilot, fam.since = 1, dest, m
                    status[f] = 1
                    s[dest][_I_REFERRED] += 1
                    waiting[dest] += 1
                    queues[dest].append(fam)
                elif bits:
                    assessed[4] += 1
                else:
                    assessed[-fb] += 1
                    if fb <= -2:
                        status[f] = done

        # 5. admissions and 6. spending, pilot by pilot
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
                # A queue is in the order its families were referred: (since, row) order,
                # which is first come, first served; the other rules sort it.
                queue = queues[p]
                if rule:
                    queue = sorted(
                        queue, key=lambda fam: (_priority(rule, fam, current), fam.since, fam.f)
                    )
                for fam in queue[:room]:
                    fam.status, fam.since = 2, m
                    status[fam.f] = 2
                care.extend(queue[:room])
                queues[p] = queue[room:]
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
        series.append(s)
        assessed_by_month.append(assessed)
    if n_m:  # one conversion to arrays for the run, not one a month
        out.series[i] = series
        out.assessed[i] = assessed_by_month


class _Ahead(NamedTuple):
    """A run's routing ahead: of the rows pointed at, month after month and in row order,
    the row, its eligible-pilot bits and its fallback code; month ``m``'s are
    ``bounds[m]:bounds[m + 1]``."""

    rows: list[int]
    bits: list[int]
    fallback: list[int]
    bounds: list[int]


def _route_ahead(model: Model, block: Array, problems: array.array[int]) -> _Ahead:
    """The routing, month by month, of every family the run's draws could refer.

    The families a month refers are those at home whose referral draw is below
    the threshold; their problems then are those at the start changed by the
    draws up to and including that month, whatever else happens.  So routing
    every family the draw points at (at home or not), with the problems it will
    have, decides all of a run's referrals in one call per epoch instead of one
    a month; only the families at home use the answer.  Valid when routing within
    an epoch depends on the row and the problems alone (``Dynamics.date_free``).

    A few percent of the draws change a problem, so only those flips are worked
    out: in family-major order (a family's months in turn), their running XOR
    gives any family's problems in any month as the XOR of one range of it.

    """
    dynamics = model.dynamics
    assert dynamics is not None
    n_months, n_fam = block.shape[0], block.shape[2]
    u3 = block[:, 3]
    # (u >> 16) < t, without a temporary; a key f * months + m per flip, rising.
    limit = model.t_problem_change << 16
    keys = np.flatnonzero((u3 < limit).T)
    hit_f, hit_m = np.divmod(keys, n_months)
    flip = np.left_shift(1, (u3[hit_m, hit_f] & 0xFFFF) % 9).astype(np.uint16)
    xor_before = np.zeros(flip.size + 1, dtype=np.uint16)  # [k]: XOR of the first k flips
    np.bitwise_xor.accumulate(flip, out=xor_before[1:])
    month_of, pointed = np.divmod(np.flatnonzero(block[:, 0] < model.t_referral), n_fam)
    first = np.searchsorted(keys, pointed * n_months, side="left")
    upto = np.searchsorted(keys, pointed * n_months + month_of, side="right")
    now = np.frombuffer(problems, dtype=np.uint16)[pointed] ^ xor_before[first] ^ xor_before[upto]
    if len(dynamics.statics) == 1 and pointed.size:  # one epoch: all months routed at once
        bits, fallback = dynamics.routes(int(month_of[0]), pointed, now)
    else:
        epochs = dynamics.epoch_of_month[month_of]
        bits = np.zeros(len(pointed), dtype=np.uint8)
        fallback = np.zeros(len(pointed), dtype=np.int8)
        for epoch in np.unique(epochs).tolist():
            mine = np.flatnonzero(epochs == epoch)
            found = dynamics.routes(int(month_of[mine[0]]), pointed[mine], now[mine])
            bits[mine], fallback[mine] = found
    bounds = np.searchsorted(month_of, np.arange(n_months + 1)).tolist()
    return _Ahead(pointed.tolist(), bits.tolist(), fallback.tolist(), bounds)


def _problems_of_months(model: Model, block: Array, problems: array.array[int]) -> Array:
    """Every family's problems in every month of ``block``, ``(months, F)``."""
    u3 = block[:, 3]
    flips = np.where(
        (u3 >> 16) < model.t_problem_change,
        np.left_shift(1, (u3 & 0xFFFF) % 9),
        0,
    ).astype(np.uint16)
    problems_then = np.bitwise_xor.accumulate(flips, axis=0)
    problems_then ^= np.frombuffer(problems, dtype=np.uint16)
    return problems_then


def _priority(rule: int, fam: Family, problems: array.array[int] | Array) -> int:
    if rule == 1:
        return 9 - int(problems[fam.f]).bit_count()  # its problems now, not when referred
    if rule == 2:
        return fam.level
    return 0
