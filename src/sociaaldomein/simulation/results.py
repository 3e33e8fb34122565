"""Simulation results: tidy columns, money back as :class:`~sociaaldomein.Money`, summaries.

:class:`Results` keeps the kernels' integer arrays (one row per run) and
offers them as tidy tables: :meth:`Results.table` gives plain numpy columns,
:meth:`Results.to_pandas` a DataFrame (pandas is optional: ``pip install
'sociaaldomein[pandas]'``).  Money stays in integer cents inside; the
DataFrame gives it as euros in ``float64`` columns for arithmetic and plots
(``money="decimal"`` for exact :class:`~decimal.Decimal` euros,
``money="cents"`` for the integers), and :meth:`Results.spent` and friends
as exact :class:`~sociaaldomein.Money`.  :meth:`Results.summary` gives, per
design, pilot and figure, the mean over runs with an interval, when the money
runs out, and a note on every result that is zero or identical for a reason.
"""

from __future__ import annotations

import hashlib
import statistics
import warnings
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs
import numpy as np
import pendulum

from sociaaldomein.domain.cohort import Array
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.provenance import PluginFailure
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation.runs import ASSESSED, ENDED_BY, SERIES, Batch
from sociaaldomein.simulation.summary import RunOut, Summary, SummaryRow, column_labels, require

if TYPE_CHECKING:
    from sociaaldomein.simulation.model import Model

__all__ = [
    "RUN_FIGURES",
    "NoEffectWarning",
    "NoFamilyWarning",
    "OutsideWindowWarning",
    "Results",
    "RunOut",
    "SilentResultWarning",
    "Summary",
    "SummaryRow",
    "require",
]

RUN_FIGURES: Final = (
    "referred",
    "admitted",
    "exit_goals",
    "exit_step_down",
    "exit_regular",
    "exit_max_months",
    "exit_pilot_end",
    "left_waitlist",
    "waitlist_closed",
    "peak_enrolled",
    "peak_waiting",
    "waiting_at_end",
    "family_months",
    "months_active",
    "intake_closed_months",
    "spent_cents",
    "deficit_cents",
    "remaining_cents",
)
"""Figures per run and pilot over the whole simulation (money in cents)."""

_MONEY: Final = frozenset(
    {"spent_cents", "deficit_cents", "plan_cents", "remaining_cents", "budget_cents"}
)


def _euros(cents: Array) -> list[Decimal]:
    return [Decimal(int(c)).scaleb(-2) for c in cents.ravel()]


class SilentResultWarning(UserWarning):
    """A result that is zero, or the same for different designs, for a reason to know.

    The subclasses say which: the pilot did not run in the simulated months,
    it admitted no family in any run, or designs that differ gave identical
    results.  ``sociaaldomein simulate`` prints each as a warning line.
    """


class OutsideWindowWarning(SilentResultWarning):
    """A pilot does not run in any simulated month: its figures are all zero."""


class NoFamilyWarning(SilentResultWarning):
    """A pilot ran but admitted no family in any run: its rules or its phasing let none in."""


class NoEffectWarning(SilentResultWarning):
    """Designs that differ in a pilot's values gave that pilot identical results."""


@attrs.frozen(eq=False)
class Results:
    """The outcome of many runs (of one design, or of every point of a sweep).

    Arrays have one row per run, in the order: design, then run index.
    """

    pilots: tuple[str, ...]
    dates: tuple[pendulum.Date, ...]
    designs: tuple[Mapping[str, Any], ...]
    design: Array  # (N,) index into designs
    run: Array  # (N,) run index (the seed's spawn key)
    series_data: Array  # (N, M, P, len(SERIES)) int64
    assessed_data: Array  # (N, M, len(ASSESSED)) int64
    ended_month: Array  # (N, P) int64, -1: did not stop
    ended_by: Array  # (N, P) int8
    extended: Array  # (N, P) bool
    budget_cents: Array  # (D, P) int64
    capacity: Array  # (D, P) int64, BIG: no cap
    moments: tuple[tuple[int, int, str], ...]
    failed: tuple[PluginFailure, ...] = ()
    """Pilots that were not simulated because their plugin failed."""
    windows: tuple[tuple[pendulum.Date, pendulum.Date], ...] = ()
    """Each pilot's running time ``[start, end)``, as its looptijd says (empty: unknown)."""

    @classmethod
    def of(
        cls,
        model: Model,
        batches: Sequence[Batch],
        *,
        designs: Sequence[Mapping[str, Any]],
        design_of_run: Sequence[int],
        budgets: Sequence[Array] | None = None,
        capacities: Sequence[Array] | None = None,
    ) -> Results:
        """Results from kernel batches (in order) and the design of every run."""
        if len(batches) == 1:  # one batch: its arrays as they are, no copy
            batch = batches[0]
        else:
            batch = Batch.concat(batches) if batches else Batch.empty(model, [])
        budget = np.stack(
            list(budgets) if budgets is not None else [model.pot_budget.sum(axis=1)] * len(designs)
        )
        capacity = np.stack(
            list(capacities) if capacities is not None else [model.capacity] * len(designs)
        )
        return cls(
            pilots=model.pilots,
            dates=model.dates,
            designs=tuple(dict(d) for d in designs),
            design=np.asarray(design_of_run, dtype=np.int64),
            run=batch.runs,
            series_data=batch.series,
            assessed_data=batch.assessed,
            ended_month=batch.ended_month,
            ended_by=batch.ended_by,
            extended=batch.extended,
            budget_cents=budget,
            capacity=capacity,
            moments=model.moments,
            failed=model.failed,
            windows=tuple((p.looptijd.start, p.looptijd.eind) for p in model.pilot_values),
        )

    # shape ------------------------------------------------------------------

    @property
    def runs(self) -> int:
        """How many runs (over all designs)."""
        return int(self.run.size)

    @property
    def months(self) -> int:
        """How many months each run has."""
        return len(self.dates)

    def _pilot(self, pilot: str | None) -> int | None:
        if pilot is None:
            return None
        try:
            return self.pilots.index(pilot)
        except ValueError:
            raise InvalidValueError(
                "Results.pilot", f"unknown pilot {pilot!r}; known: {', '.join(self.pilots)}"
            ) from None

    def series(self, name: str, pilot: str | None = None) -> Array:
        """Monthly figure ``name`` (see :data:`~sociaaldomein.simulation.runs.SERIES`):
        ``(runs, months, pilots)``, or ``(runs, months)`` for one pilot."""
        if name not in SERIES:
            raise InvalidValueError(
                "Results.series", f"unknown series {name!r}; known: {', '.join(SERIES)}"
            )
        data = self.series_data[..., SERIES.index(name)]
        p = self._pilot(pilot)
        return data if p is None else data[..., p]

    def assessed(self, name: str) -> Array:
        """Monthly figure ``name`` of the composition (``(runs, months)``); see ``ASSESSED``."""
        if name not in ASSESSED:
            raise InvalidValueError(
                "Results.assessed", f"unknown figure {name!r}; known: {', '.join(ASSESSED)}"
            )
        return self.assessed_data[..., ASSESSED.index(name)]

    # money --------------------------------------------------------------------

    def budget(self, pilot: str, design: int = 0) -> Money:
        """The pilot's budget over the simulated months (its pots together)."""
        p = self._pilot(pilot)
        return Money(Decimal(int(self.budget_cents[design, p])).scaleb(-2))

    def spent(self, pilot: str, run: int = 0) -> Money:
        """What the pilot spent in row ``run``, exactly."""
        cents = int(self.series("spent_cents", pilot)[run].sum())
        return Money(Decimal(cents).scaleb(-2))

    def remaining(self, pilot: str, run: int = 0) -> Money:
        """Budget minus spent, exactly; ``spent + remaining == budget`` to the cent."""
        return self.budget(pilot, int(self.design[run])) - self.spent(pilot, run)

    def deficit(self, pilot: str, run: int = 0) -> Money:
        """Costs the pots could not pay in row ``run``."""
        cents = int(self.series("deficit_cents", pilot)[run].sum())
        return Money(Decimal(cents).scaleb(-2))

    # per run ------------------------------------------------------------------

    def figures(self) -> dict[str, Array]:
        """:data:`RUN_FIGURES` per run and pilot, each ``(runs, pilots)``."""
        s = self.series_data
        total = s.sum(axis=1)
        out = {name: total[..., SERIES.index(name)] for name in RUN_FIGURES if name in SERIES}
        enrolled = s[..., SERIES.index("enrolled")]
        active = s[..., SERIES.index("active")]
        out["peak_enrolled"] = enrolled.max(axis=1, initial=0)
        waiting = s[..., SERIES.index("waiting")]
        out["peak_waiting"] = waiting.max(axis=1, initial=0)
        out["waiting_at_end"] = (
            waiting[:, -1] if waiting.shape[1] else np.zeros(waiting.shape[::2], np.int64)
        )
        out["family_months"] = enrolled.sum(axis=1)
        out["months_active"] = active.sum(axis=1)
        out["intake_closed_months"] = (active - s[..., SERIES.index("intake_open")]).sum(axis=1)
        out["remaining_cents"] = self.budget_cents[self.design] - out["spent_cents"]
        return {name: out[name] for name in RUN_FIGURES}

    def table(
        self, kind: Literal["months", "runs", "assessed", "snapshots"] = "runs"
    ) -> dict[str, Array]:
        """A tidy table as numpy columns.

        ``months``: one row per run, month and pilot with every series;
        ``runs``: one row per run and pilot with :data:`RUN_FIGURES` and how the
        pilot ended; ``assessed``: one row per run and month; ``snapshots``: one
        row per run and evaluation moment.
        """
        n, m, p = self.runs, self.months, len(self.pilots)
        if kind == "months":
            cols: dict[str, Array] = {
                "design": np.repeat(self.design, m * p),
                "run": np.repeat(self.run, m * p),
                "month": np.tile(np.repeat(np.arange(m), p), n),
                "date": np.tile(np.repeat(np.asarray([d.isoformat() for d in self.dates]), p), n),
                "pilot": np.tile(np.asarray(self.pilots), n * m),
            }
            flat = self.series_data.reshape(n * m * p, len(SERIES))
            cols.update({name: flat[:, i] for i, name in enumerate(SERIES)})
            return cols
        if kind == "assessed":
            cols = {
                "design": np.repeat(self.design, m),
                "run": np.repeat(self.run, m),
                "month": np.tile(np.arange(m), n),
                "date": np.tile(np.asarray([d.isoformat() for d in self.dates]), n),
            }
            flat = self.assessed_data.reshape(n * m, len(ASSESSED))
            cols.update({name: flat[:, i] for i, name in enumerate(ASSESSED)})
            return cols
        if kind == "snapshots":
            return self._snapshots()
        if kind != "runs":
            raise InvalidValueError("Results.table", f"unknown kind {kind!r}")
        cols = {
            "design": np.repeat(self.design, p),
            "run": np.repeat(self.run, p),
            "pilot": np.tile(np.asarray(self.pilots), n),
        }
        cols.update({k: v.ravel() for k, v in self.figures().items()})
        cols["budget_cents"] = self.budget_cents[self.design].ravel()
        cols["run_out_month"] = self.run_out_months().ravel()
        cols["ended_month"] = self.ended_month.ravel()
        cols["ended_by"] = np.asarray(ENDED_BY, dtype=object)[self.ended_by.ravel()]
        cols["extended"] = self.extended.ravel()
        return cols

    def _snapshots(self) -> dict[str, Array]:
        rows: dict[str, list[Any]] = {k: [] for k in ("design", "run", "pilot", "moment", "month")}
        figures = ("enrolled", "waiting", "admitted", "exit_goals", "spent_cents")
        for f in figures:
            rows[f] = []
        cum = np.cumsum(self.series_data, axis=1)
        for i in range(self.runs):
            for p, month, name in self.moments:
                rows["design"].append(int(self.design[i]))
                rows["run"].append(int(self.run[i]))
                rows["pilot"].append(self.pilots[p])
                rows["moment"].append(name)
                rows["month"].append(month)
                for f in figures:
                    stock = f in ("enrolled", "waiting")
                    source = self.series_data if stock else cum
                    rows[f].append(int(source[i, month, p, SERIES.index(f)]))
        return {k: np.asarray(v) for k, v in rows.items()}

    def run_out_months(self) -> Array:
        """Per run and pilot the month the money runs out, ``(runs, pilots)``; ``-1``: never.

        The money has run out in the first month whose costs the pots could not
        pay in full, or after which what was spent reaches the budget.
        """
        spent = np.cumsum(self.series_data[..., SERIES.index("spent_cents")], axis=1)
        deficit = self.series_data[..., SERIES.index("deficit_cents")] > 0
        budget = self.budget_cents[self.design][:, None, :]
        out_of_money = deficit | ((budget > 0) & (spent >= budget))
        first = out_of_money.argmax(axis=1)
        return np.where(out_of_money.any(axis=1), first, -1).astype(np.int64)

    def to_pandas(
        self,
        kind: Literal["months", "runs", "assessed", "snapshots"] = "runs",
        *,
        money: Literal["euros", "decimal", "cents"] = "euros",
        labels: bool = False,
    ) -> Any:
        """:meth:`table` as a ``pandas.DataFrame`` (``pip install 'sociaaldomein[pandas]'``).

        Money: with ``money="euros"`` (the default) every ``*_cents`` column
        becomes a ``float64`` column of euros without the suffix, for arithmetic
        and plots (``df["spent"] * 1.2``); a float holds every amount of cents
        below 2**53 exactly, but sums of floats may round, so for accounts take
        ``money="decimal"`` (exact :class:`~decimal.Decimal` euros, an ``object``
        column) or ``money="cents"`` (the integers, ``*_cents`` kept).
        Dates are pandas datetimes (``date``; ``run_out_date``, ``NaT`` when the
        money does not run out).  ``labels=True`` names the columns in words, in
        the current language.
        """
        pandas = require("pandas", "pandas")
        if money not in ("euros", "decimal", "cents"):
            raise InvalidValueError(
                "Results.to_pandas.money", f"must be 'euros', 'decimal' or 'cents', got {money!r}"
            )
        cols = self.table(kind)
        if kind == "snapshots" and "month" in cols:
            cols["date"] = np.asarray([self.dates[int(m)].isoformat() for m in cols["month"]])
        frame: dict[str, Any] = {}
        for name, values in cols.items():
            if name in _MONEY and money == "decimal":
                frame[name.removesuffix("_cents")] = _euros(values)
            elif name in _MONEY and money == "euros":
                frame[name.removesuffix("_cents")] = values.astype(np.float64) / 100
            else:
                frame[name] = values
        df = pandas.DataFrame(frame)
        if "date" in df:
            df["date"] = pandas.to_datetime(df["date"])
        if "run_out_month" in df:
            month = df["run_out_month"].to_numpy()
            days = [None if m < 0 else self.dates[int(m)].isoformat() for m in month]
            df["run_out_date"] = pandas.to_datetime(pandas.Series(days, dtype=object))
        if labels:
            df = df.rename(columns=column_labels())
        return df

    # over runs ----------------------------------------------------------------

    def summary(self, figures: Sequence[str] | None = None, level: float = 0.9) -> Summary:
        """Mean, spread and ``level`` intervals over runs, per design, pilot and figure.

        Intervals are clipped to what a figure can be (no count below zero, no
        money spent above the budget); the summary also says when each pilot's
        money runs out, and has a note (and issues a :class:`SilentResultWarning`)
        for each result that is zero or identical for a reason to know.
        """
        wanted = tuple(figures or RUN_FIGURES)
        table = self.figures()
        unknown = [f for f in wanted if f not in table]
        if unknown:
            raise InvalidValueError(
                "Results.summary", f"unknown figure(s) {unknown}; known: {', '.join(table)}"
            )
        z = statistics.NormalDist().inv_cdf((1 + level) / 2)
        q = ((1 - level) / 2, (1 + level) / 2)
        rows = []
        run_out = []
        months = self.run_out_months()
        for d in range(len(self.designs)):
            mask = self.design == d
            for p, pilot in enumerate(self.pilots):
                for fig in wanted:
                    values = table[fig][mask, p].astype(float)
                    if fig in _MONEY:
                        values = values / 100
                    n = values.size
                    mean = float(values.mean()) if n else float("nan")
                    sd = float(values.std(ddof=1)) if n > 1 else 0.0
                    lo, hi = (float(x) for x in np.quantile(values, q)) if n else (mean, mean)
                    half = z * sd / np.sqrt(n) if n else 0.0
                    floor, ceiling = self._bounds(fig, d, p)
                    name = fig.removesuffix("_cents") + (" (EUR)" if fig in _MONEY else "")
                    rows.append(
                        SummaryRow(
                            d,
                            pilot,
                            name,
                            n,
                            mean,
                            sd,
                            min(max(lo, floor), ceiling),
                            min(max(hi, floor), ceiling),
                            min(max(mean - half, floor), ceiling),
                            min(max(mean + half, floor), ceiling),
                        )
                    )
                if self.budget_cents[d, p] > 0 and mask.any():
                    run_out.append(self._run_out(d, p, months[mask, p]))
        skipped = tuple(f"{f.pilot}: could not be simulated: {f.message()}" for f in self.failed)
        notes = self.silent_results()
        for category, message in notes:
            warnings.warn(message, category, stacklevel=2)
        return Summary(
            level, self.designs, tuple(rows), skipped, tuple(run_out), tuple(m for _, m in notes)
        )

    def _bounds(self, figure: str, design: int, pilot: int) -> tuple[float, float]:
        """What a run figure can be: never below zero, and capped where a cap exists."""
        from sociaaldomein.simulation.model import BIG

        top = float("inf")
        if figure in ("spent_cents", "remaining_cents"):
            top = int(self.budget_cents[design, pilot]) / 100
        elif figure in ("months_active", "intake_closed_months"):
            top = float(self.months)
        elif figure == "peak_enrolled" and int(self.capacity[design, pilot]) < BIG:
            top = float(self.capacity[design, pilot])
        return 0.0, top

    def _run_out(self, design: int, pilot: int, months: Array) -> RunOut:
        ran_out = months[months >= 0]
        share = ran_out.size / months.size if months.size else 0.0

        def month_at(fraction: float) -> pendulum.Date | None:
            # the month by which the money has run out in ``fraction`` of all runs
            k = int(np.ceil(fraction * months.size))
            if not ran_out.size or k > ran_out.size or k < 1:
                return None
            return self.dates[int(np.sort(ran_out)[k - 1])]

        return RunOut(
            design, self.pilots[pilot], int(months.size), share, month_at(0.5), month_at(0.05)
        )

    def silent_results(self) -> list[tuple[type[SilentResultWarning], str]]:
        """Each result that is zero or identical for a reason, with its warning category.

        A pilot that runs in no simulated month; one that ran but admitted no
        family in any run (its rules, its phasing at the simulated dates or the
        cohort let none in); designs that differ in a pilot's values but gave
        it identical results (the values have no effect on this cohort).
        """
        from sociaaldomein.i18n import gettext as _
        from sociaaldomein.output import format_date, format_month

        found: list[tuple[type[SilentResultWarning], str]] = []
        if not self.runs or not self.dates:
            return found
        first, last = self.dates[0], self.dates[-1]
        active = self.series("active")
        admitted = self.series("admitted")
        referred = self.series("referred")
        for p, pilot in enumerate(self.pilots):
            if not active[..., p].any():
                window = ""
                if p < len(self.windows):
                    start, end = self.windows[p]
                    window = " " + _("it runs from {start} until {end}").format(
                        start=format_date(start), end=format_date(end)
                    )
                found.append(
                    (
                        OutsideWindowWarning,
                        _(
                            "pilot {pilot!r} does not run in the simulated months "
                            "({first} to {last}):{window}; its figures are all zero"
                        ).format(
                            pilot=pilot,
                            first=format_month(first),
                            last=format_month(last),
                            window=window or " " + _("see its looptijd"),
                        ),
                    )
                )
            elif not admitted[..., p].any():
                found.append(
                    (
                        NoFamilyWarning,
                        _(
                            "pilot {pilot!r} admitted no family in any run ({referred} "
                            "referrals): its rules, its phasing at the simulated dates or the "
                            "cohort let none in"
                        ).format(pilot=pilot, referred=int(referred[..., p].sum())),
                    )
                )
        found += self._identical_designs()
        return found

    def _identical_designs(self) -> list[tuple[type[SilentResultWarning], str]]:
        from sociaaldomein.i18n import gettext as _

        found: list[tuple[type[SilentResultWarning], str]] = []
        if len(self.designs) < 2:
            return found
        for p, pilot in enumerate(self.pilots):
            seen: dict[bytes, int] = {}
            for d in range(len(self.designs)):
                mask = self.design == d
                key = self.run[mask].tobytes() + self.series_data[mask][..., p, :].tobytes()
                if key not in seen:
                    seen[key] = d
                    continue
                other = seen[key]
                differ = sorted(
                    k
                    for k in {*self.designs[d], *self.designs[other]}
                    if k.startswith(f"{pilot}.")
                    and self.designs[d].get(k) != self.designs[other].get(k)
                )
                if differ:
                    found.append(
                        (
                            NoEffectWarning,
                            _(
                                "designs {a} and {b} differ in {names} but gave pilot "
                                "{pilot!r} identical results: on this cohort and these dates "
                                "the values make no difference"
                            ).format(a=other, b=d, names=", ".join(differ), pilot=pilot),
                        )
                    )
        return found

    def digest(self) -> str:
        """A SHA-256 of every result array: equal digests mean bit-identical results."""
        h = hashlib.sha256()
        for a in (
            self.design,
            self.run,
            self.series_data,
            self.assessed_data,
            self.ended_month,
            self.ended_by,
            self.extended,
            self.budget_cents,
        ):
            h.update(np.ascontiguousarray(a).tobytes())
        return h.hexdigest()

    def select(self, design: int) -> Results:
        """The runs of one design."""
        mask = self.design == design
        return attrs.evolve(
            self,
            designs=(self.designs[design],),
            design=np.zeros(int(mask.sum()), dtype=np.int64),
            run=self.run[mask],
            series_data=self.series_data[mask],
            assessed_data=self.assessed_data[mask],
            ended_month=self.ended_month[mask],
            ended_by=self.ended_by[mask],
            extended=self.extended[mask],
            budget_cents=self.budget_cents[design : design + 1],
            capacity=self.capacity[design : design + 1],
        )

    def __repr__(self) -> str:
        return (
            f"Results({self.runs} runs, {len(self.designs)} design(s), {self.months} months, "
            f"pilots={list(self.pilots)})"
        )
