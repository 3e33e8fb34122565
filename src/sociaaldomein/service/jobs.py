"""Simulation jobs: a scenario checked at once, run in the background, its summary kept.

A job is checked completely before it is queued (the scenario, its plugins,
the library's estimate of its memory and time against the service's
limits), so a mistake is a 400 answer, not a failed job.  The runs go to one
worker process (a spawned process pool), so the service keeps answering while
a simulation computes; one job runs at a time and at most ``max_jobs`` wait
or run.  A scenario sent to the service may not name import paths (that
would run code the data names) nor read a cohort file on the server.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import secrets
import threading
import warnings
from collections import OrderedDict
from typing import Any, Literal

import attrs
import pendulum

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import FileFormatError, Format, Scenario, loads_scenario
from sociaaldomein.service.errors import redact
from sociaaldomein.service.limits import ServiceLimits

__all__ = ["Job", "JobQueue", "JobsFullError", "parse_scenario", "simulate"]

Status = Literal["queued", "running", "done", "failed"]


class JobsFullError(Exception):
    """As many jobs wait or run as the service allows."""


@attrs.define
class Job:
    """One simulation: who asked for it, what it runs, and how far it is."""

    id: str
    owner: str
    pilots: tuple[str, ...]
    runs: int
    created: str
    status: Status = "queued"
    error: str | None = None
    summary: list[dict[str, Any]] | None = None
    warnings: list[str] = attrs.Factory(list)

    def describe(self) -> dict[str, Any]:
        """The job as the API shows it (without its results)."""
        return {
            "id": self.id,
            "status": self.status,
            "runs": self.runs,
            "pilots": list(self.pilots),
            "created": self.created,
            "error": self.error,
            "warnings": list(self.warnings),
        }


@attrs.frozen
class _Work:
    specs: tuple[Any, ...]
    cohort_size: int
    cohort_seed: int
    settings: Any
    runs: int
    seed: int


def simulate(work: _Work) -> tuple[list[dict[str, Any]], list[str]]:
    """Run ``work`` here (in the worker process): the summary rows and the warnings it gave."""
    from sociaaldomein.simulation import generate_cohort, sweep

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cohort = generate_cohort(work.cohort_size, seed=work.cohort_seed)
        results = sweep(
            work.specs, cohort, work.settings, runs=work.runs, seed=work.seed, progress=False
        )
        rows = [attrs.asdict(row) for row in results.summary().rows]
    notes = list(dict.fromkeys(redact(str(w.message)) for w in caught))
    return rows, notes


def parse_scenario(text: bytes, fmt: Format) -> Scenario:
    """The scenario in a request body; import paths and server files are refused."""
    scenario = loads_scenario(text, fmt, source="request")
    if scenario.allow_import:
        raise FileFormatError(
            "request",
            "allow_import",
            "import paths run the code they name and are not allowed through the service; "
            "name installed plugins",
        )
    if not scenario.cohort.synthetic:
        raise FileFormatError(
            "request",
            "cohort.file",
            "the service does not read files on its machine; give a synthetic cohort (size)",
        )
    return scenario


class JobQueue:
    """The jobs of one service process (kept in memory, the oldest finished ones dropped)."""

    def __init__(self, limits: ServiceLimits) -> None:
        self.limits = limits
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._runner = cf.ThreadPoolExecutor(1, thread_name_prefix="sociaaldomein-job")
        self._pool: cf.ProcessPoolExecutor | None = None

    def submit(self, scenario: Scenario, owner: str, *, runs: int | None = None) -> Job:
        """Check ``scenario`` against the limits and queue it; raises for anything refused."""
        from sociaaldomein.cli.common import resolve_scenario
        from sociaaldomein.cli.simulate import settings_of
        from sociaaldomein.simulation.limits import estimate, format_bytes, format_seconds

        gemeente, specs = resolve_scenario(scenario, "request")
        settings = settings_of(scenario)
        n = runs or scenario.simulation.runs
        size = int(scenario.cohort.size or 0)
        need = estimate(
            families=size, runs=n, months=settings.months, pilots=len(gemeente.pilots), workers=1
        )
        memory, seconds = self.limits.job_memory, self.limits.job_seconds
        if need.memory > memory or need.seconds > seconds:
            raise InvalidValueError(
                "simulation",
                f"{n:,} runs of {size:,} families over {settings.months} months need "
                f"{need.describe()}; the service runs jobs of at most {format_bytes(memory)} "
                f"and {format_seconds(seconds)}: use fewer runs or families",
            )
        work = _Work(
            tuple(specs),
            size,
            scenario.cohort.seed or 0,
            settings,
            n,
            scenario.simulation.seed,
        )
        job = Job(
            secrets.token_hex(8),
            owner,
            tuple(gemeente.pilots),
            n,
            pendulum.now("UTC").isoformat(),
        )
        with self._lock:
            active = sum(j.status in ("queued", "running") for j in self._jobs.values())
            if active >= self.limits.max_jobs:
                raise JobsFullError(f"{active} simulations are waiting or running; try later")
            self._jobs[job.id] = job
            self._forget_old()
        self._runner.submit(self._run, job, work)
        return job

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.status in ("done", "failed")]
        for key in finished[: max(0, len(self._jobs) - self.limits.kept_jobs)]:
            del self._jobs[key]

    def pilot_names(self, scenario: Scenario) -> tuple[str, ...]:
        """The pilots ``scenario`` composes (to check them against a token's grant)."""
        from sociaaldomein.cli.common import resolve_scenario

        gemeente, _ = resolve_scenario(scenario, "request")
        return tuple(gemeente.pilots)

    def get(self, job_id: str) -> Job | None:
        """The job ``job_id``, if the service still has it."""
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        """Every job the service has, oldest first."""
        with self._lock:
            return list(self._jobs.values())

    def _run(self, job: Job, work: _Work) -> None:
        job.status = "running"
        if self._pool is None:
            # spawned, not forked: the service has threads, and a fork would copy their locks
            context = multiprocessing.get_context("spawn")
            self._pool = cf.ProcessPoolExecutor(1, mp_context=context)
        pool = self._pool
        try:
            rows, notes = pool.submit(simulate, work).result(timeout=self.limits.job_seconds)
            job.summary, job.warnings, job.status = rows, notes, "done"
        except cf.TimeoutError:
            from sociaaldomein.simulation.limits import format_seconds

            self._pool = None
            for process in list(pool._processes.values()):  # the only way to stop a run
                process.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            limit = format_seconds(self.limits.job_seconds)
            job.error, job.status = f"the simulation took longer than {limit}", "failed"
        except InvalidValueError as exc:
            job.error, job.status = redact(str(exc)), "failed"
        except Exception as exc:  # a job that fails says so; the service goes on
            if isinstance(exc, cf.BrokenExecutor):
                self._pool = None
            job.error, job.status = f"the simulation failed ({type(exc).__name__})", "failed"

    def close(self) -> None:
        """Stop taking jobs and end the worker process."""
        self._runner.shutdown(wait=False, cancel_futures=True)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
