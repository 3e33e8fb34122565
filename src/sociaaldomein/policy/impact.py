"""The impact of a change: a composition before and after, over one cohort and the same seeds.

:func:`compare` simulates both compositions over the same families with the
same seeds (run ``i`` of one draws exactly what run ``i`` of the other draws),
so every difference comes from the change.  The :class:`Impact` it returns
holds, per family whose verdict changes, the verdict before and after with
both explanations, and per pilot and month the difference in families
admitted, waiting, referred and money spent, with the spread over the Monte
Carlo runs, and the month the money runs out before and after.

>>> import pendulum
>>> from sociaaldomein import Citation, Gemeente, Money
>>> from sociaaldomein.policy import Besluit, Orgaan, ParameterWijziging
>>> from sociaaldomein.simulation import Settings, generate_cohort
>>> from sociaaldomein.testing import ToyPilot
>>> def toy() -> Gemeente:
...     return Gemeente(plugins=[ToyPilot(per_year=Money(1_000_000))])
>>> base, changed = toy(), toy()
>>> changed.apply(Besluit(Orgaan.COLLEGE, pendulum.date(2024, 2, 20), "CB 1",
...     Citation("collegebesluit-1.txt", "Besluit"),
...     [ParameterWijziging("toy", "capaciteit", 5, vanaf=pendulum.date(2024, 3, 1))]))
>>> impact = compare(base, changed, generate_cohort(300, seed=1),
...                  Settings(pendulum.date(2024, 1, 1), months=6, referral_probability=0.5),
...                  runs=4, seed=1)
>>> int(impact.difference("enrolled")[:, :2].sum()), bool(impact.difference("enrolled").max() > 0)
(0, True)
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
import numpy as np
import pendulum

from sociaaldomein.composition.discovery import PluginSpec
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.cohort import Array, Cohort
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.verdict import Verdict
from sociaaldomein.errors import InvalidValueError

if TYPE_CHECKING:
    from sociaaldomein.simulation.results import Results
    from sociaaldomein.simulation.settings import Settings

__all__ = ["FIGURES", "Impact", "VerdictChange", "compare"]

FIGURES: Final = ("admitted", "waiting", "referred", "spent")
"""The monthly figures an :class:`Impact` compares (``spent`` in euros)."""

_T = TypeVar("_T")

_SERIES: Final = {"admitted": "admitted", "waiting": "waiting", "referred": "referred"}


@attrs.frozen
class VerdictChange:
    """A family whose verdict in a pilot changes: first on ``on``, before and after."""

    gezin_id: str
    pilot: str
    on: pendulum.Date
    before: Verdict
    after: Verdict

    def render(self) -> str:
        """Both verdicts with their explanations."""
        head = (
            f"{self.gezin_id} in {self.pilot} from {self.on.isoformat()}: "
            f"{self.before.outcome.value} -> {self.after.outcome.value}"
        )
        before = "\n".join("  " + line for line in self.before.render().splitlines())
        after = "\n".join("  " + line for line in self.after.render().splitlines())
        return f"{head}\n  before:\n{before}\n  after:\n{after}"


@attrs.frozen(eq=False)
class Impact:
    """Two simulations of one cohort with the same seeds, and what differs between them.

    ``base`` and ``changed`` are the full results; ``verdicts`` the families
    whose verdict changes (the first ``explain`` of ``changed_families``, each
    with both explanations).  Arrays are ``(runs, months, pilots)`` over
    :attr:`pilots`, the pilots both compositions have.
    """

    base: Results
    changed: Results
    pilots: tuple[str, ...]
    verdicts: tuple[VerdictChange, ...]
    changed_families: int
    """How many (family, pilot) verdicts change in the window, explained or not."""
    level: float = 0.9

    @property
    def dates(self) -> tuple[pendulum.Date, ...]:
        """The first day of each simulated month."""
        return self.base.dates

    @property
    def runs(self) -> int:
        """Monte Carlo runs of each composition."""
        return self.base.runs

    def _figure(self, results: Results, figure: str) -> Array:
        if figure not in FIGURES and figure not in ("enrolled",):
            raise InvalidValueError(
                "Impact.figure", f"unknown figure {figure!r}; known: {', '.join(FIGURES)}"
            )
        name = "spent_cents" if figure == "spent" else _SERIES.get(figure, figure)
        index = [results.pilots.index(p) for p in self.pilots]
        return results.series(name)[..., index].astype(np.int64)

    def difference(self, figure: str) -> Array:
        """Changed minus base, per run, month and pilot (``spent`` in cents, exact)."""
        return self._figure(self.changed, figure) - self._figure(self.base, figure)

    def run_out(self) -> dict[str, tuple[pendulum.Date | None, pendulum.Date | None]]:
        """Per pilot the median month the money runs out, before and after (``None``: never)."""
        out = {}
        for p in self.pilots:
            out[p] = (_median_month(self.base, p), _median_month(self.changed, p))
        return out

    def rows(self) -> list[dict[str, Any]]:
        """One row per pilot, month and figure: base and changed means, the mean
        difference and its ``level`` interval over the runs (spent in euros)."""
        q = ((1 - self.level) / 2, (1 + self.level) / 2)
        out = []
        for figure in FIGURES:
            base = self._figure(self.base, figure)
            changed = self._figure(self.changed, figure)
            diff = changed - base
            scale = 100.0 if figure == "spent" else 1.0
            low, high = np.quantile(diff, q, axis=0) if self.runs else (diff[0], diff[0])
            for p, pilot in enumerate(self.pilots):
                for m, day in enumerate(self.dates):
                    out.append(
                        {
                            "pilot": pilot,
                            "month": day,
                            "figure": figure,
                            "base": float(base[:, m, p].mean()) / scale,
                            "changed": float(changed[:, m, p].mean()) / scale,
                            "difference": float(diff[:, m, p].mean()) / scale,
                            "low": float(low[m, p]) / scale,
                            "high": float(high[m, p]) / scale,
                        }
                    )
        return out

    def to_pandas(self) -> Any:
        """:meth:`rows` as a pandas DataFrame (floats: means and intervals are estimates).

        Needs pandas (``pip install 'sociaaldomein[pandas]'``).
        """
        from sociaaldomein.simulation.summary import require

        return require("pandas", "pandas").DataFrame(self.rows())

    def verdicts_to_pandas(self) -> Any:
        """The changed verdicts as a DataFrame: family, pilot, date, before, after."""
        from sociaaldomein.simulation.summary import require

        return require("pandas", "pandas").DataFrame(
            [
                {
                    "gezin_id": v.gezin_id,
                    "pilot": v.pilot,
                    "on": v.on,
                    "before": v.before.outcome.value,
                    "after": v.after.outcome.value,
                }
                for v in self.verdicts
            ]
        )

    def totals(self) -> dict[str, dict[str, Decimal | int]]:
        """Per pilot the mean total difference over the window (spent in euros, exact)."""
        out: dict[str, dict[str, Decimal | int]] = {}
        for p, pilot in enumerate(self.pilots):
            row: dict[str, Decimal | int] = {}
            for figure in FIGURES:
                diff = self.difference(figure)[:, :, p]
                per_run = diff[:, -1] if figure == "waiting" else diff.sum(axis=1)
                total = int(per_run.sum())
                if figure == "spent":
                    row[figure] = (Decimal(total) / max(1, self.runs) / 100).quantize(
                        Decimal("0.01")
                    )
                else:
                    row[figure] = round(total / max(1, self.runs))
            out[pilot] = row
        return out

    def summary(self) -> str:
        """A printed summary: per pilot the totals and the run-out month, then the verdicts."""
        lines = [
            f"impact over {len(self.dates)} months from {self.dates[0].isoformat()}, "
            f"{self.runs} runs each, the same seeds (changed minus base, mean over runs)"
        ]
        run_out = self.run_out()
        for pilot, row in self.totals().items():
            spent = Money(Decimal(row["spent"]))
            before, after = run_out[pilot]
            lines.append(
                f"  {pilot}: admitted {int(row['admitted']):+d}, waiting at the end "
                f"{int(row['waiting']):+d}, referred {int(row['referred']):+d}, spent "
                f"{'+' if spent.amount >= 0 else '-'}{abs(spent.amount):,.2f} EUR; "
                f"money runs out {_month(before)} before, {_month(after)} after"
            )
        lines.append(f"verdicts that change: {self.changed_families}")
        for change in self.verdicts:
            lines.append(
                f"  {change.gezin_id} in {change.pilot} from {change.on.isoformat()}: "
                f"{change.before.outcome.value} -> {change.after.outcome.value}"
            )
        return "\n".join(lines)

    def plot(self, figure: str = "spent", ax: Any = None) -> Any:
        """The mean monthly difference of ``figure`` per pilot with its interval band.

        Needs matplotlib (``pip install 'sociaaldomein[plot]'``); returns the axes.
        """
        from sociaaldomein.simulation.summary import require

        plt = require("matplotlib.pyplot", "plot")
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4))
        diff = self.difference(figure).astype(float) / (100.0 if figure == "spent" else 1.0)
        q = ((1 - self.level) / 2, (1 + self.level) / 2)
        x = [d.isoformat()[:7] for d in self.dates]
        for p, pilot in enumerate(self.pilots):
            mean = diff[:, :, p].mean(axis=0)
            low, high = np.quantile(diff[:, :, p], q, axis=0)
            ax.plot(x, mean, label=pilot)
            ax.fill_between(x, low, high, alpha=0.2)
        ax.axhline(0, color="grey", linewidth=0.5)
        unit = " (EUR)" if figure == "spent" else ""
        ax.set_title(f"{figure}{unit}: changed minus base, {int(self.level * 100)}% of runs")
        ax.tick_params(axis="x", labelrotation=90)
        ax.legend()
        return ax

    def __repr__(self) -> str:
        return (
            f"Impact(pilots={self.pilots!r}, months={len(self.dates)}, runs={self.runs}, "
            f"changed_families={self.changed_families})"
        )


def _month(day: pendulum.Date | None) -> str:
    return "never" if day is None else day.format("YYYY-MM")


def _median_month(results: Results, pilot: str) -> pendulum.Date | None:
    months = results.run_out_months()[:, results.pilots.index(pilot)]
    if not months.size or (months < 0).sum() * 2 >= months.size:
        return None  # in at least half of the runs the money lasts
    ran = np.sort(np.where(months < 0, np.iinfo(np.int64).max, months))
    return results.dates[int(ran[(months.size - 1) // 2])]


def _first_differences(
    base: Gemeente, changed: Gemeente, cohort: Cohort, dates: Sequence[pendulum.Date]
) -> tuple[tuple[str, ...], Array]:
    """The pilots both compositions have, and per pilot and family the first month
    (an index into ``dates``) the two outcomes differ, ``-1`` where they never do.

    Whole columns are compared: each side's vectorised outcomes once per pilot
    and month, and no Python loop over families.
    """
    a, b = base.compile(), changed.compile()
    shared = tuple(n for n in a.names if n in b.names)
    first = np.full((len(shared), len(cohort)), -1, dtype=np.int32)
    for m, day in enumerate(dates):
        for p, name in enumerate(shared):
            differ = a.get_any(name).outcomes(cohort, day) != b.get_any(name).outcomes(cohort, day)
            first[p][differ & (first[p] < 0)] = m
    return shared, first


def _verdict_changes(
    base: Gemeente, changed: Gemeente, cohort: Cohort, dates: Sequence[pendulum.Date], explain: int
) -> tuple[list[VerdictChange], int]:
    """The (family, pilot) pairs whose outcome differs in some month, the first ``explain``
    explained on the first month it differs (by month, then family, then pilot name)."""
    shared, first = _first_differences(base, changed, cohort, dates)
    pilot_of, rows = np.nonzero(first >= 0)
    months = first[pilot_of, rows]
    by_name = np.argsort(np.argsort(np.asarray(shared, dtype=object)))  # rank of each name
    order = np.lexsort((by_name[pilot_of], rows, months))[: max(0, explain)]
    chosen = [(int(rows[i]), shared[int(pilot_of[i])], int(months[i])) for i in order]
    # Only the families explained become objects: the rest stay columns.
    families = _families(cohort, sorted({row for row, _, _ in chosen}))
    out = []
    for row, name, m in chosen:
        gezin = families[row]
        day = dates[m]
        out.append(
            VerdictChange(
                gezin.id,
                name,
                day,
                base.assess(gezin, day, pilots=[name])[name],
                changed.assess(gezin, day, pilots=[name])[name],
            )
        )
    return out, int(rows.size)


def _families(cohort: Cohort, rows: Sequence[int]) -> Mapping[int, Any]:
    if cohort.gezinnen is not None:
        return {r: cohort.gezinnen[r] for r in rows}
    from sociaaldomein.simulation.families import materialise

    return dict(zip(rows, materialise(cohort, rows), strict=True))


def _simulate_both(
    before: Gemeente,
    after: Gemeente,
    cohort: Cohort,
    settings: Settings,
    runs: int,
    seed: int,
    threads: int,
    meanwhile: Callable[[], _T],
) -> tuple[Results, Results, _T]:
    """Both simulations, side by side in two threads or one after the other, and
    ``meanwhile()`` (the changed verdicts) in this thread while they run."""
    from concurrent.futures import ThreadPoolExecutor

    from sociaaldomein.simulation import simulate

    if threads < 2:
        a = simulate(before, cohort, settings, runs=runs, seed=seed)
        b = simulate(after, cohort, settings, runs=runs, seed=seed)
        return a, b, meanwhile()
    # Compiled here, once: plugin code (which may print) never runs in a thread.
    before.compile()
    after.compile()
    paused = gc.isenabled()
    if paused:  # the kernels make no cycles; one pause for both runs, not one each
        gc.freeze()
        gc.disable()
    try:
        with ThreadPoolExecutor(2) as pool:
            first = pool.submit(simulate, before, cohort, settings, runs=runs, seed=seed)
            second = pool.submit(simulate, after, cohort, settings, runs=runs, seed=seed)
            found = meanwhile()
            return first.result(), second.result(), found
    finally:
        if paused:
            gc.enable()
            gc.unfreeze()


def _free_cores() -> int:
    """Two when this process may run on two cores and the last minute's load is below them.

    The load counts this process too (about one while it simulates), so a
    quiet machine with two cores is below two; on a busy one the two threads
    would only take turns on the share of a core the process gets.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not measured here (Windows)
        load = 0.0
    usable = cores or 1
    return 2 if usable >= 2 and load < usable else 1


def _composition(source: Gemeente | Iterable[PluginSpec]) -> Gemeente:
    return source if isinstance(source, Gemeente) else Gemeente(specs=list(source))


def compare(
    base: Gemeente | Iterable[PluginSpec],
    changed: Gemeente | Iterable[PluginSpec],
    cohort: Cohort,
    settings: Settings | None = None,
    *,
    runs: int = 100,
    seed: int = 0,
    months: int | None = None,
    start: pendulum.Date | None = None,
    explain: int = 20,
    level: float = 0.9,
    threads: int | None = None,
) -> Impact:
    """Simulate ``base`` and ``changed`` over ``cohort`` with the same seeds, and compare.

    ``settings`` are the simulation's (``start`` and ``months`` override
    them); without them the simulation starts on the earliest start of the
    base pilots and runs 24 months.  ``explain`` limits how many changed
    verdicts are explained (all are counted); ``level`` is the width of the
    intervals over the runs.  With ``threads=2`` the two simulations run side
    by side (numpy works outside the interpreter lock), with ``threads=1`` one
    after the other; the default runs them side by side when this process may
    use two cores and the machine is not busy (on a busy one the two threads
    only take turns).  The results are the same either way.
    """
    raw: object = threads
    if raw is not None and (isinstance(raw, bool) or not isinstance(raw, int) or raw < 1):
        raise InvalidValueError("compare.threads", f"must be 1, 2 or None, got {threads!r}")
    from sociaaldomein.simulation import Settings

    before, after = _composition(base), _composition(changed)
    if settings is None:
        first = start or min(p.looptijd.start for p in before.pilots.values())
        settings = Settings(first, months=months or 24)
    else:
        settings = attrs.evolve(
            settings, start=start or settings.start, months=months or settings.months
        )
    day = settings.start.replace(day=1)
    dates = [day.add(months=m) for m in range(settings.months)]  # the simulation's months
    a, b, (changes, count) = _simulate_both(
        before,
        after,
        cohort,
        settings,
        runs,
        seed,
        _free_cores() if threads is None else threads,
        lambda: _verdict_changes(before, after, cohort, dates, explain),
    )
    shared = tuple(p for p in a.pilots if p in b.pilots)
    return Impact(a, b, shared, tuple(changes), count, level)
