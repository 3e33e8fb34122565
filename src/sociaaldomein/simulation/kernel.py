"""The columnar kernel: many runs at once, every family a lane of numpy arrays.

The runs of a batch are laid side by side (``runs x families`` lanes), so one
numpy operation advances every family of every run by a month.  Lanes never
interact across runs and every run draws from its own generator, so a run's
result is the same whatever batch it is in.  The month loop only does integer
arithmetic on the tables of :class:`~sociaaldomein.simulation.model.Model`.

One month, for every run and pilot, in this order:

1. pilots that no longer run (end of looptijd, a partner vote, money) close:
   families in care leave (``exit_pilot_end``), the waitlist goes the regular
   route (``waitlist_closed``);
2. with problem dynamics, each family's problems change;
3. families in care progress (one ZRM level up or down) and may leave: goals
   met, the regular route, a step-down, the maximum duration (tested in that
   order); waiting families may give up (``left_waitlist``);
4. families at home are referred; the first running pilot (in routing order)
   that finds the family eligible puts it on its waitlist;
5. each running pilot admits from its waitlist, in priority order, up to its
   free capacity (at once), what is left of its total (``Pilot.max_totaal``,
   over the looptijd) and what its money allows;
6. the month's costs are charged to the pilot's pot; what the pot cannot pay
   is recorded as a deficit, and a pilot that ends when its money is spent
   stops from the next month.

A batch of one run takes the same steps with the pilots' figures as Python
ints (``_run_one``): numpy's cost per call on arrays of one run's few
pilots would be most of a month.  It keeps the lanes in care and waiting as
families come and go, reads what a referral makes of a family from tables by
its eligible pilots and fallback code, and routes by the table of
:meth:`~sociaaldomein.simulation.model.Dynamics.table` when routing reads the
problems alone.  The tests hold it to the same numbers as the same run among
others.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

import attrs
import numpy as np

from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation.model import BIG, Model
from sociaaldomein.simulation.runs import (
    SERIES,
    Batch,
    draw,
    draw_events,
    draw_rows,
    draws_events,
    event_generator,
    family_generator,
    months_per_draw,
    row_drawer,
    series_index,
)

__all__ = ["LOWEST_BIT", "run_columnar"]

LOWEST_BIT: Final = np.asarray(
    [-1] + [(i & -i).bit_length() - 1 for i in range(1, 256)], dtype=np.int64
)
"""For an 8-bit mask, the index of its lowest set bit (-1 for none)."""

_TOP: Final = 1 << 32
_S = series_index


def run_columnar(model: Model, runs: Sequence[int], root_seed: int) -> Batch:
    """Simulate ``runs`` (run indices) side by side; see the module for the month's steps."""
    if len(runs) == 1:
        return _run_one(model, int(runs[0]), root_seed)
    out = Batch.empty(model, runs)
    n_runs, n_fam, n_p, n_m = len(runs), model.n_families, len(model.pilots), model.months
    lanes = n_runs * n_fam
    gens = [family_generator(root_seed, int(i)) for i in runs]
    with_events = draws_events(model)
    events = [
        draw_events(model, event_generator(root_seed, int(i)) if with_events else None)
        for i in runs
    ]
    end_month = np.stack([e.end_month for e in events]) if runs else np.zeros((0, n_p), np.int64)
    ended_by = np.stack([e.ended_by for e in events]) if runs else np.zeros((0, n_p), np.int8)
    out.extended[:] = np.stack([e.extended for e in events]) if runs else False

    status = np.zeros(lanes, dtype=np.int8)  # 0 home, 1 waiting, 2 in care, 3 done
    # Compact lane state: 7 bytes a family (see docs/bench.md, memory).
    pilot = np.zeros(lanes, dtype=np.int8)
    since = np.zeros(lanes, dtype=np.int16)
    level = np.tile(model.level0, n_runs).astype(np.int8)
    target = model.target  # int8: compared, never computed with
    problems = np.tile(model.problems0, n_runs) if model.dynamics is not None else None
    enrolled = np.zeros((n_runs, n_p), dtype=np.int64)
    admitted_total = np.zeros((n_runs, n_p), dtype=np.int64)
    waiting = np.zeros((n_runs, n_p), dtype=np.int64)
    stopped = np.zeros((n_runs, n_p), dtype=bool)
    ar_p = np.arange(n_p)
    pot_spent = np.zeros((n_runs, n_p, model.pot_budget.shape[1]), dtype=np.int64)
    spent_total = np.zeros((n_runs, n_p), dtype=np.int64)
    budget_total = model.pot_budget.sum(axis=1)
    bit_of = (1 << ar_p).astype(np.int64)
    series, assessed = out.series, out.assessed
    rows, chunk = draw_rows(model), months_per_draw(model)
    n_reasons = 5
    has_step_down = bool(model.t_step_down.any())
    has_max = bool(model.max_months.any())
    has_leave = bool(model.t_leave.any())
    ends_on_money = bool(model.end_on_exhaustion.any())
    wi_none = np.zeros(0, dtype=np.int64)
    done = 0 if model.settings.families_return else 3  # where a family goes when it leaves
    # Every run's draws go straight into its lanes of one buffer, made once.  A big
    # cohort draws a month at a time (months_per_draw), and then one row at a time: the
    # same numbers in the same order, but only the referral row is kept whole, the
    # others are read where a family needs them (8 bytes a lane instead of 16).
    by_row = chunk == 1
    shape = (lanes,) if by_row else (chunk, rows, lanes)
    u: Array = np.empty(shape, dtype=np.uint32) if n_runs > 1 else np.empty(0, np.uint32)
    row_buffer: Array = np.empty(lanes if by_row and n_runs > 1 else 0, dtype=np.uint32)

    drawers = [row_drawer(gen, n_fam) for gen in gens] if by_row else []

    def next_row(buffer: Array) -> Array:
        for k, drawer in enumerate(drawers):
            buffer[k * n_fam : (k + 1) * n_fam] = drawer()
        return buffer

    change_limit = model.t_problem_change << 16  # (u >> 16) < t, without a temporary
    j = 0
    for m in range(n_m):
        model = model.from_month.get(m, model)  # a dated change from this month (policy)
        if by_row:
            u0 = next_row(u)
        else:
            j = m % chunk
            if j == 0:
                n = min(chunk, n_m - m)
                if n_runs == 1:
                    u = draw(gens[0], n, rows, n_fam)
                else:
                    for k, gen in enumerate(gens):
                        u[:n, :, k * n_fam : (k + 1) * n_fam] = draw(gen, n, rows, n_fam)
            u0 = u[j, 0]
        active = (model.start_month <= m) & (m < end_month) & ~stopped

        # 1. pilots that stop this month
        stopping = ~active & ~stopped & (m >= model.start_month)
        if stopping.any():
            stopped |= stopping
            out.ended_month[stopping] = m
            out.ended_by[stopping] = ended_by[stopping]
            busy = np.flatnonzero((status == 1) | (status == 2))
            group = (busy // n_fam) * n_p + pilot[busy]
            hit = busy[stopping.ravel()[group]]
            in_care = status[hit] == 2
            g_hit = (hit // n_fam) * n_p + pilot[hit]
            size = n_runs * n_p
            series[:, m, :, _S("exit_pilot_end")] = np.bincount(
                g_hit[in_care], minlength=size
            ).reshape(n_runs, n_p)
            series[:, m, :, _S("waitlist_closed")] = np.bincount(
                g_hit[~in_care], minlength=size
            ).reshape(n_runs, n_p)
            status[hit] = done
            enrolled[stopping] = 0
            waiting[stopping] = 0

        # The month's other draws, read for the families in care and waiting.
        ci = np.flatnonzero(status == 2)
        wi = np.flatnonzero(status == 1) if has_leave else wi_none
        if by_row:
            u1 = next_row(row_buffer)
            a_care, a_wait = u1[ci], u1[wi]
            b_care = next_row(row_buffer)[ci]
            u3 = next_row(row_buffer) if problems is not None else None
        else:
            a_care, a_wait, b_care = u[j, 1][ci], u[j, 1][wi], u[j, 2][ci]
            u3 = u[j, 3] if problems is not None else None

        # 2. problems change
        if problems is not None and u3 is not None:
            # a few percent of the lanes
            hit = np.flatnonzero(u3 < change_limit) if change_limit < _TOP else np.arange(lanes)
            problems[hit] ^= np.left_shift(1, (u3[hit] & 0xFFFF) % 9).astype(np.uint16)

        # 3. progress and exits in care; giving up on the waitlist
        if ci.size:
            cp = pilot[ci]
            a, b = a_care.astype(np.int64), b_care.astype(np.int64)
            lv = level[ci] + (a < model.t_up[cp]).astype(np.int64) - (a >= _TOP - model.t_down[cp])
            lv = np.clip(lv, 1, 5)
            level[ci] = lv
            tr = model.t_regular[cp]
            # reason codes are 1 + the index in EXIT_REASONS: goals 1, step-down 2,
            # regular route 3, longest stay 4 (tested in the order below, goals last wins)
            reason = np.where(b < tr, 3, 0)
            if has_step_down:
                step = (b >= tr) & (b - tr < model.t_step_down[cp])
                reason = np.where(
                    (reason == 0) & step & (lv >= model.step_down_level[cp]), 2, reason
                )
            if has_max:
                mm = model.max_months[cp]
                reason = np.where((reason == 0) & (mm > 0) & (m - since[ci] >= mm), 4, reason)
            reason = np.where(lv >= target[ci % n_fam], 1, reason)
            leaving = reason > 0
            if leaving.any():
                gone = ci[leaving]
                status[gone] = done
                g = ((gone // n_fam) * n_p + cp[leaving]) * n_reasons + reason[leaving]
                counts = np.bincount(g, minlength=n_runs * n_p * n_reasons).reshape(
                    n_runs, n_p, n_reasons
                )
                series[:, m, :, _S("exit_goals") : _S("exit_goals") + 4] = counts[..., 1:]
                enrolled -= counts.sum(axis=2)
        # (leaving care made no family waiting: ``wi`` still holds)
        if wi.size:
            give_up = a_wait < model.t_leave[pilot[wi]]
            if give_up.any():
                gone = wi[give_up]
                status[gone] = done
                left = np.bincount(
                    (gone // n_fam) * n_p + pilot[gone], minlength=n_runs * n_p
                ).reshape(n_runs, n_p)
                series[:, m, :, _S("left_waitlist")] = left
                waiting -= left

        # 4. referrals and routing
        ri = np.flatnonzero((status == 0) & (u0 < model.t_referral))
        if ri.size:
            r = ri // n_fam
            f = ri - r * n_fam
            if model.dynamics is None or problems is None:
                e = model.epoch_of_month[m]
                bits, fallback = model.bits[e, f], model.fallback[e, f]
            elif (table := model.dynamics.table(m)) is not None:
                now = problems[ri]
                bits, fallback = table[0][now], table[1][now]
            else:
                bits, fallback = model.dynamics.routes(m, f, problems[ri])
            running = (active * bit_of).sum(axis=1)
            dest = LOWEST_BIT[bits & running[r]]
            placed = dest >= 0
            to = ri[placed]
            status[to] = 1
            pilot[to] = dest[placed]
            since[to] = m
            referred = np.bincount(r[placed] * n_p + dest[placed], minlength=n_runs * n_p).reshape(
                n_runs, n_p
            )
            series[:, m, :, _S("referred")] = referred
            waiting += referred
            closed = ~placed & (bits != 0)
            fb = np.where(placed | closed, 0, fallback)
            status[ri[fb <= -2]] = done
            # categories: 0 placed, 1 not eligible, 2 elsewhere, 3 regular route, 4 closed
            category = np.where(closed, 4, -fb)
            where = np.bincount(r * 5 + category, minlength=n_runs * 5).reshape(n_runs, 5)
            assessed[:, m, 0] = where.sum(axis=1)
            assessed[:, m, 1:] = where[:, 1:]

        # 5. admissions
        pot = model.pot_of_month[:, m]
        left_money = model.pot_budget[ar_p, pot] - pot_spent[:, ar_p, pot]
        fixed = np.where(active, model.fixed_cents, 0)
        base = (fixed + enrolled * model.family_cents) * model.reserve_months
        per_new = model.intake_cents + model.family_cents * model.reserve_months
        spare = np.maximum(left_money - base, 0)
        affordable = np.where(
            per_new > 0, spare // np.maximum(per_new, 1), np.where(left_money >= base, BIG, 0)
        )
        left_total = np.maximum(model.total_cap - admitted_total, 0)
        free = np.minimum(np.maximum(model.capacity - enrolled, 0), left_total)
        room = np.where(active, np.minimum(free, affordable), 0)
        series[:, m, :, _S("intake_open")] = active & (affordable > 0) & (left_total > 0)
        admitted = np.zeros((n_runs, n_p), dtype=np.int64)
        if room.any():
            wi = np.flatnonzero(status == 1)
            if wi.size:
                wp = pilot[wi]
                r = wi // n_fam
                f = wi - r * n_fam
                g = r * n_p + wp
                rule = model.priority[wp]
                if problems is not None:
                    n_problems = np.bitwise_count(problems[wi]).astype(np.int64)
                else:
                    n_problems = np.bitwise_count(model.problems0[f]).astype(np.int64)
                prio = np.where(rule == 1, 9 - n_problems, np.where(rule == 2, level[wi], 0))
                key = (g << 41) | (prio << 36) | (since[wi].astype(np.int64) << 24) | f
                order = np.argsort(key)
                gs = g[order]
                rank = np.arange(gs.size) - np.searchsorted(gs, gs, side="left")
                take = order[rank < room.ravel()[gs]]
                status[wi[take]] = 2
                since[wi[take]] = m
                admitted = np.bincount(g[take], minlength=n_runs * n_p).reshape(n_runs, n_p)
                enrolled += admitted
                admitted_total += admitted
                waiting -= admitted

        # 6. spending
        cost = fixed + enrolled * model.family_cents + admitted * model.intake_cents
        charge = np.minimum(cost, left_money)
        pot_spent[:, ar_p, pot] += charge
        spent_total += charge
        if ends_on_money:
            exhausted = (
                active
                & model.end_on_exhaustion
                & (budget_total > 0)
                & (spent_total >= budget_total)
            )
        if ends_on_money and exhausted.any():
            ends = exhausted & (m + 1 < end_month)
            end_month[ends] = m + 1
            ended_by[ends] = 4

        s = series[:, m]
        s[..., _S("admitted")] = admitted
        s[..., _S("enrolled")] = enrolled
        s[..., _S("waiting")] = waiting
        s[..., _S("spent_cents")] = charge
        s[..., _S("deficit_cents")] = cost - charge
        s[..., _S("plan_cents")] = model.plan_cents[:, m]
        s[..., _S("active")] = active
    return out


class _PerPilot:
    """A model's per-pilot values as Python ints, for one run's month loop."""

    def __init__(self, model: Model) -> None:
        self.capacity: list[int] = model.capacity.tolist()
        self.total_cap: list[int] = model.total_cap.tolist()
        self.fixed: list[int] = model.fixed_cents.tolist()
        self.family: list[int] = model.family_cents.tolist()
        self.intake: list[int] = model.intake_cents.tolist()
        self.reserve: list[int] = model.reserve_months.tolist()


def _run_one(model: Model, run: int, root_seed: int) -> Batch:
    """One run: the lanes as in :func:`run_columnar`, the pilots' figures as Python ints.

    With one run a pilot's figures are a handful of numbers; numpy's cost per call
    on arrays that small is most of a month, so they are kept, and the month's
    series gathered, as the object kernel keeps them (one conversion at the end).
    The lanes, the draws and the routing are those of :func:`run_columnar`, step for
    step, so a run gives the same numbers in a batch of one as among many.
    """
    out = Batch.empty(model, [run])
    n_fam, n_p, n_m = model.n_families, len(model.pilots), model.months
    gen = family_generator(root_seed, run)
    events = draw_events(model, event_generator(root_seed, run) if draws_events(model) else None)
    end_month: list[int] = events.end_month.tolist()
    why: list[int] = events.ended_by.tolist()
    out.extended[0] = events.extended

    status = np.zeros(n_fam, dtype=np.int8)  # 0 home, 1 waiting, 2 in care, 3 done
    pilot = np.zeros(n_fam, dtype=np.int8)
    since = np.zeros(n_fam, dtype=np.int16)
    level = model.level0.astype(np.int8)  # a copy
    target = model.target
    dynamics = model.dynamics
    problems = model.problems0.copy() if dynamics is not None else None
    start: list[int] = model.start_month.tolist()
    t_up, t_down, t_regular = model.t_up, model.t_down, model.t_regular
    t_step_down, step_down_level = model.t_step_down, model.step_down_level
    max_months, t_leave, priority = model.max_months, model.t_leave, model.priority
    one = n_p == 1  # thresholds as scalars: no per-family gather
    if one:
        up0, down0, reg0 = int(t_up[0]), _TOP - int(t_down[0]), int(t_regular[0])
    has_step_down = bool(t_step_down.any())
    has_max = bool(max_months.any())
    has_leave = bool(t_leave.any())
    fifo = not priority.any()
    simple = one and not has_step_down and not has_max
    on_exhaustion: list[bool] = model.end_on_exhaustion.tolist()
    pot_budget: list[list[int]] = model.pot_budget.tolist()
    budget_total = [sum(b) for b in pot_budget]
    pot_of_month: list[list[int]] = model.pot_of_month.T.tolist()
    plan: list[list[int]] = model.plan_cents.T.tolist()
    values, shown = _PerPilot(model), model
    enrolled, waiting, admitted_total = [0] * n_p, [0] * n_p, [0] * n_p
    stopped = [False] * n_p
    pot_spent = [[0] * len(b) for b in pot_budget]
    spent_total = [0] * n_p
    n_s = len(SERIES)
    series: list[list[list[int]]] = []
    assessed_by_month: list[list[int]] = []
    rows, chunk = draw_rows(model), months_per_draw(model)
    by_row = chunk == 1
    next_row = row_drawer(gen, n_fam)
    u: Array = np.empty((0, rows, n_fam), dtype=np.uint32)
    wi_none = np.zeros(0, dtype=np.int64)
    done = 0 if model.settings.families_return else 3
    change_limit = model.t_problem_change << 16
    # The lanes in care and the lanes waiting, kept as families come and go (in no
    # particular order: nothing read from them depends on it), not found each month.
    ci = wl = wi_none
    keyed: dict[int, Array] = {}  # a routing table's masks as outcome keys
    i_pilot_end, i_closed = _S("exit_pilot_end"), _S("waitlist_closed")
    i_exit, i_left, i_referred = _S("exit_goals"), _S("left_waitlist"), _S("referred")
    i_open, i_admitted, i_enrolled = _S("intake_open"), _S("admitted"), _S("enrolled")
    i_waiting, i_spent, i_deficit = _S("waiting"), _S("spent_cents"), _S("deficit_cents")
    i_plan, i_active = _S("plan_cents"), _S("active")
    for m in range(n_m):
        model = model.from_month.get(m, model)
        if model is not shown:  # a dated change: capacity, total and costs
            values, shown = _PerPilot(model), model
        if by_row:
            u0 = next_row()
        else:
            j = m % chunk
            if j == 0:
                u = draw(gen, min(chunk, n_m - m), rows, n_fam)
            u0 = u[j, 0]
        active = [start[p] <= m < end_month[p] and not stopped[p] for p in range(n_p)]
        s = [[0] * n_s for _ in range(n_p)]

        # 1. pilots that stop this month
        stopping = [not active[p] and not stopped[p] and m >= start[p] for p in range(n_p)]
        if any(stopping):
            for p in range(n_p):
                if stopping[p]:
                    stopped[p] = True
                    out.ended_month[0, p] = m
                    out.ended_by[0, p] = why[p]
                    enrolled[p] = waiting[p] = 0
            busy = np.flatnonzero((status == 1) | (status == 2))
            hit = busy[np.asarray(stopping)[pilot[busy]]]
            in_care = status[hit] == 2
            by_pilot = pilot[hit]
            exits = np.bincount(by_pilot[in_care], minlength=n_p).tolist()
            closed_lists = np.bincount(by_pilot[~in_care], minlength=n_p).tolist()
            for p in range(n_p):
                s[p][i_pilot_end], s[p][i_closed] = exits[p], closed_lists[p]
            status[hit] = done
            ci, wl = np.flatnonzero(status == 2), np.flatnonzero(status == 1)

        # The month's other draws, read for the families in care and waiting.
        wi = wl if has_leave else wi_none
        if by_row:
            u1 = next_row()
            a_care, a_wait = u1[ci], u1[wi]
            b_care = next_row()[ci]
            u3 = next_row() if problems is not None else None
        else:
            a_care, a_wait, b_care = u[j, 1][ci], u[j, 1][wi], u[j, 2][ci]
            u3 = u[j, 3] if problems is not None else None

        # 2. problems change
        if problems is not None and u3 is not None:
            hit = np.flatnonzero(u3 < change_limit) if change_limit < _TOP else np.arange(n_fam)
            problems[hit] ^= np.left_shift(1, (u3[hit] & 0xFFFF) % 9).astype(np.uint16)

        # 3. progress and exits in care; giving up on the waitlist
        if ci.size:
            cp = pilot[ci]
            lv = level[ci]
            if one:
                lv += a_care < up0
                lv -= a_care >= down0
                regular = b_care < reg0
            else:
                lv += a_care < t_up[cp]
                lv -= a_care >= _TOP - t_down[cp]
                regular = b_care < t_regular[cp]
            np.maximum(lv, 1, out=lv)
            np.minimum(lv, 5, out=lv)
            level[ci] = lv
            if simple:  # one pilot, two reasons: goals met (code 1), else the regular route (3)
                goal = lv >= target[ci]
                out_mask = goal | regular
                n_out = int(np.count_nonzero(out_mask))
                if n_out:
                    n_goal = int(np.count_nonzero(goal))
                    status[ci[out_mask]] = done
                    ci = ci[~out_mask]
                    s[0][i_exit], s[0][i_exit + 2] = n_goal, n_out - n_goal
                    enrolled[0] -= n_out
            else:
                # reason codes are 1 + the index in EXIT_REASONS (goals 1, step-down 2,
                # regular route 3, longest stay 4); goals, set last, wins
                reason = regular.astype(np.int8)
                reason *= 3
                if has_step_down:
                    b, tr = b_care.astype(np.int64), t_regular[cp]
                    step = (b >= tr) & (b - tr < t_step_down[cp]) & (lv >= step_down_level[cp])
                    reason[(reason == 0) & step] = 2
                if has_max:
                    mm = max_months[cp]
                    reason[(reason == 0) & (mm > 0) & (m - since[ci] >= mm)] = 4
                reason[lv >= target[ci]] = 1
                leaving = np.flatnonzero(reason)
                if leaving.size:
                    gone = ci[leaving]
                    ci = ci[reason == 0]
                    status[gone] = done
                    code = reason[leaving]
                    if one:
                        counts = np.bincount(code, minlength=5).tolist()
                        s[0][i_exit : i_exit + 4] = counts[1:]
                        enrolled[0] -= leaving.size
                    else:
                        g = cp[leaving].astype(np.int64) * 5 + code
                        counts = np.bincount(g, minlength=n_p * 5).tolist()
                        for p in range(n_p):
                            mine = counts[p * 5 + 1 : p * 5 + 5]
                            s[p][i_exit : i_exit + 4] = mine
                            enrolled[p] -= sum(mine)
        if wi.size:
            give_up = a_wait < t_leave[pilot[wi]]
            gone = wi[give_up]
            if gone.size:
                wl = wi[~give_up]
                status[gone] = done
                left = np.bincount(pilot[gone], minlength=n_p).tolist()
                for p in range(n_p):
                    s[p][i_left] = left[p]
                    waiting[p] -= left[p]

        # 4. referrals and routing: the families the draw refers, of those at home
        ri = np.flatnonzero(u0 < model.t_referral)
        ri = ri[status[ri] == 0]
        assessed = [0] * 5
        if ri.size:
            # What becomes of a family is a function of its eligible pilots and fallback
            # code (its key) and the running pilots: tables over the keys (_Outcome).
            if dynamics is None or problems is None:
                e = model.epoch_of_month[m]
                key = _key(model.bits[e, ri], model.fallback[e, ri])
            elif (table := dynamics.table(m)) is not None:
                of_mask = keyed.get(id(table))
                if of_mask is None:
                    of_mask = keyed[id(table)] = _key(*table)
                key = of_mask[problems[ri]]
            else:
                key = _key(*dynamics.routes(m, ri, problems[ri]))
            running = sum(1 << p for p in range(n_p) if active[p])
            then = _outcome(running, done)
            new = then.status[key]
            status[ri] = new
            pilot[ri] = then.pilot[key]  # read only while waiting or in care
            since[ri] = m
            wl = np.concatenate((wl, ri[new == 1]))
            counts = np.bincount(then.code[key], minlength=5 + n_p).tolist()
            for p in range(n_p):
                s[p][i_referred] = counts[5 + p]
                waiting[p] += counts[5 + p]
            assessed = [int(ri.size), *counts[1:5]]

        # 5. admissions: each pilot's room, then its waiting families in priority order
        pots = pot_of_month[m]
        left_money, fixed, room = [0] * n_p, [0] * n_p, [0] * n_p
        for p in range(n_p):
            pot = pots[p]
            left = left_money[p] = pot_budget[p][pot] - pot_spent[p][pot]
            fixed[p] = values.fixed[p] if active[p] else 0
            base = (fixed[p] + enrolled[p] * values.family[p]) * values.reserve[p]
            per_new = values.intake[p] + values.family[p] * values.reserve[p]
            if per_new > 0:
                affordable = max(left - base, 0) // per_new
            else:
                affordable = BIG if left >= base else 0
            left_total = max(values.total_cap[p] - admitted_total[p], 0)
            free = min(max(values.capacity[p] - enrolled[p], 0), left_total)
            room[p] = min(free, affordable) if active[p] else 0
            s[p][i_open] = int(active[p] and affordable > 0 and left_total > 0)
        admitted = [0] * n_p
        if any(room[p] > 0 and waiting[p] > 0 for p in range(n_p)):
            wi = wl
            if all(room[p] >= waiting[p] for p in range(n_p)):  # every waiting family fits
                take, wl = wi, wi_none
            else:
                wp = pilot[wi]
                key = (since[wi].astype(np.int64) << 24) | wi
                if not fifo:
                    rule = priority[wp]
                    n_problems = np.bitwise_count(
                        problems[wi] if problems is not None else model.problems0[wi]
                    ).astype(np.int64)
                    prio = np.where(rule == 1, 9 - n_problems, np.where(rule == 2, level[wi], 0))
                    key |= prio << 36
                order = np.argsort(key)
                if one:
                    take, wl = wi[order[: room[0]]], wi[order[room[0] :]]
                else:
                    order = np.argsort(key | (wp.astype(np.int64) << 41))
                    gs = wp[order]
                    rank = np.arange(gs.size) - np.searchsorted(gs, gs, side="left")
                    taken = rank < np.asarray(room)[gs]
                    take, wl = wi[order[taken]], wi[order[~taken]]
            ci = np.concatenate((ci, take))
            status[take] = 2
            since[take] = m
            admitted = np.bincount(pilot[take], minlength=n_p).tolist()
            for p in range(n_p):
                enrolled[p] += admitted[p]
                admitted_total[p] += admitted[p]
                waiting[p] -= admitted[p]

        # 6. spending
        for p in range(n_p):
            cost = fixed[p] + enrolled[p] * values.family[p] + admitted[p] * values.intake[p]
            charge = min(cost, left_money[p])
            pot_spent[p][pots[p]] += charge
            spent_total[p] += charge
            if (
                active[p]
                and on_exhaustion[p]
                and budget_total[p] > 0
                and spent_total[p] >= budget_total[p]
                and m + 1 < end_month[p]
            ):
                end_month[p] = m + 1
                why[p] = 4
            row = s[p]
            row[i_admitted] = admitted[p]
            row[i_enrolled] = enrolled[p]
            row[i_waiting] = waiting[p]
            row[i_spent] = charge
            row[i_deficit] = cost - charge
            row[i_plan] = plan[m][p]
            row[i_active] = int(active[p])
        series.append(s)
        assessed_by_month.append(assessed)
    if n_m:
        out.series[0] = series
        out.assessed[0] = assessed_by_month
    return out


def _key(bits: Array, fallback: Array) -> Array:
    """A referred family's eligible pilots and fallback code as one key below 1,024."""
    key = bits.astype(np.int16) << 2
    key -= fallback
    return key


@attrs.frozen
class _Outcome:
    """By key (:func:`_key`), what a referral makes of a family while ``running`` pilots run:
    its status, its pilot, and what it counts as (1-4 the categories of ``ASSESSED``
    not placed, ``5 + p`` referred to pilot ``p``)."""

    status: Array
    pilot: Array
    code: Array

    @classmethod
    def of(cls, running: int, done: int) -> _Outcome:
        """The tables while ``running`` pilots run (a bitmask); a family that leaves goes
        to status ``done``."""
        key = np.arange(256 << 2)
        bits, fallback = key >> 2, -(key & 3)
        dest = LOWEST_BIT[bits & running]
        placed = dest >= 0
        closed = ~placed & (bits != 0)
        status = np.where(placed, 1, np.where(~closed & (fallback <= -2), done, 0))
        code = np.where(placed, 5 + dest, np.where(closed, 4, -fallback))
        tables = (status.astype(np.int8), np.maximum(dest, 0).astype(np.int8), code)
        for table in tables:
            table.flags.writeable = False
        return cls(*tables)


@functools.lru_cache(maxsize=1024)
def _outcome(running: int, done: int) -> _Outcome:
    return _Outcome.of(running, done)
