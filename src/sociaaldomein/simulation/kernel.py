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
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from sociaaldomein.domain.cohort import Array
from sociaaldomein.simulation.model import BIG, Model
from sociaaldomein.simulation.runs import (
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

__all__ = ["LOWEST_BIT", "run_columnar"]

LOWEST_BIT: Final = np.asarray(
    [-1] + [(i & -i).bit_length() - 1 for i in range(1, 256)], dtype=np.int64
)
"""For an 8-bit mask, the index of its lowest set bit (-1 for none)."""

_TOP: Final = 1 << 32
_S = series_index


def run_columnar(model: Model, runs: Sequence[int], root_seed: int) -> Batch:
    """Simulate ``runs`` (run indices) side by side; see the module for the month's steps."""
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

    def next_row(buffer: Array) -> Array:
        if n_runs == 1:
            return draw(gens[0], 1, 1, n_fam).reshape(n_fam)
        for k, gen in enumerate(gens):
            buffer[k * n_fam : (k + 1) * n_fam] = draw(gen, 1, 1, n_fam).reshape(n_fam)
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
            reason = np.where(b < tr, 2, 0)
            if has_step_down:
                step = (b >= tr) & (b - tr < model.t_step_down[cp])
                reason = np.where(
                    (reason == 0) & step & (lv >= model.step_down_level[cp]), 3, reason
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
