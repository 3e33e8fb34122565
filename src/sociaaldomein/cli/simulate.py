"""Simulate a scenario: Monte Carlo runs, a summary, result tables (CSV, Excel, Parquet), a plot.

sociaaldomein simulate SCENARIO [--runs N] [--seed S] [--out DIR]
                                [--format csv|csv-nl|xlsx|parquet] [--plot FILE.png]
                                [--json] [--no-progress] [--overwrite]
                                [--retries N] [--max-memory SIZE] [--max-seconds S]

The scenario file names the composition, the cohort and the simulation
settings (the documentation: files); --runs and --seed override its own.  With --out the
tables go to DIR: runs (one row per run and pilot), months (per run, month
and pilot), assessed (per run and month), snapshots (per run and evaluation
moment) and summary, with a manifest.json (scenario digest, seed, versions,
a checksum per file).  Amounts are exact decimal text ("42000.00") in csv
and parquet, "42000,00" in csv-nl (";" between fields, for a Dutch
spreadsheet), numbers in euros in xlsx (one workbook, a sheet per table).
With --json the summary is one JSON document on standard output.

Before any run the destinations are checked (free, or --overwrite for an
earlier run's results; writable) and the extras --format and --plot need;
the memory and time the run needs are estimated and refused above the limits.
Results are staged next to DIR and moved into place whole; an interrupt
leaves nothing half-written.  Exit codes: 0 done, 1 could not write,
2 bad input or a limit, 4 partial results (a worker died again), 130 SIGINT,
143 SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import sys
import warnings
from collections.abc import Collection, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Final

import numpy as np
import pendulum

from sociaaldomein import Cohort, Gemeente, PluginSpec, __version__
from sociaaldomein.cli.common import (
    FAILURE,
    OK,
    BadInputError,
    plugin_failures,
    print_json,
    resolve_scenario,
    warn,
)
from sociaaldomein.cli.validate import add_allow_import
from sociaaldomein.domain.cohort import SCHEMA
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import Scenario, read_cohort, read_scenario
from sociaaldomein.output.export import EXCEL_MAX_ROWS, FORMATS, Format, write_table, write_workbook
from sociaaldomein.simulation import (
    Results,
    Settings,
    columns_read,
    generate_cohort,
    load_cohort,
    load_cohort_params,
    sweep,
)
from sociaaldomein.simulation.limits import (
    DEFAULT_MAX_MEMORY,
    DEFAULT_MAX_SECONDS,
    Limits,
    check,
    estimate,
    parse_size,
)
from sociaaldomein.simulation.output import (
    MANIFEST,
    Interrupted,
    OutputError,
    Staged,
    check_file,
    check_folder,
    interruptible,
    raise_if_interrupted,
    require_extra,
    sha256_of,
)
from sociaaldomein.simulation.results import SilentResultWarning, Summary
from sociaaldomein.simulation.sweep import PartialResultsError

__all__ = ["PARTIAL", "TABLES", "add_arguments", "cohort_of", "columns_of", "run", "settings_of"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein simulate scenario.toml --runs 200",
    "sociaaldomein simulate scenario.toml --out results --format xlsx",
    "sociaaldomein simulate scenario.toml --json --no-progress",
)
"""Command lines shown at the end of ``--help``."""

PARTIAL: Final = 4
"""Exit code: a worker died twice; the finished runs were written, the missing ones listed."""

TABLES: Final = ("runs", "months", "assessed", "snapshots")
"""The tables ``--out`` writes, besides ``summary``."""


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _retries(text: str) -> int:
    return _seed(text)


def _size(text: str) -> int:
    try:
        return parse_size(text)
    except InvalidValueError as exc:
        raise argparse.ArgumentTypeError(exc.problem) from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``SCENARIO [--runs N] [--seed S] [--out DIR] [--format F] [--plot FILE] [--no-progress]``."""
    parser.add_argument("scenario", metavar="SCENARIO", help=_("the scenario file (.toml, .json)"))
    add_allow_import(parser)
    parser.add_argument("--runs", type=_positive, help=_("how many runs (default: the scenario's)"))
    parser.add_argument("--seed", type=_seed, help=_("the root seed (default: the scenario's)"))
    parser.add_argument("--out", metavar="DIR", help=_("write the result tables to DIR"))
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help=_(
            "the format of the tables in --out: csv, csv-nl (';' and a decimal comma), "
            "xlsx (one workbook; needs sociaaldomein[xlsx]) "
            "or parquet (needs sociaaldomein[parquet])"
        ),
    )
    parser.add_argument(
        "--json", action="store_true", help=_("print the summary as JSON for tools")
    )
    parser.add_argument(
        "--plot", metavar="FILE.png", help=_("draw occupancy and budget burn of every pilot")
    )
    parser.add_argument("--no-progress", action="store_true", help=_("no progress bar"))
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help=_("replace the results of an earlier run in --out (and an existing --plot file)"),
    )
    parser.add_argument(
        "--retries",
        type=_retries,
        default=1,
        metavar="N",
        help=_("run the chunks of a worker process that died again, N times (default: 1)"),
    )
    parser.add_argument(
        "--max-memory",
        type=_size,
        metavar="SIZE",
        help=_("refuse a simulation estimated to need more memory (default: 4GiB)"),
    )
    parser.add_argument(
        "--max-seconds",
        type=_seconds,
        metavar="S",
        help=_("refuse a simulation estimated to take longer (default: 21600, six hours)"),
    )


def cohort_of(
    scenario: Scenario,
    source: str | os.PathLike[str],
    feiten: Feitenregister | None = None,
    *,
    columns: Collection[str] | None = None,
) -> Cohort:
    """The scenario's cohort: synthetic (from its parameter file, if any), or read from its
    file (CSV, Parquet, family file), which may hold the declared facts of ``feiten``.

    ``columns`` (``columns_read(..., simulation=True)`` of the composition) keeps only
    those of the core's columns: generated or read, the others take no memory.  The
    columns of declared facts and terms a file holds are kept whatever it says.
    """
    settings = scenario.cohort
    if settings.synthetic:
        file = settings.params_path(source)
        params = None if file is None else load_cohort_params(file)
        return generate_cohort(
            settings.size, seed=settings.seed or 0, params=params, columns=columns
        )
    path = settings.path(source)
    assert path is not None  # a cohort has either a size or a file
    if path.suffix.lower() in (".parquet", ".pq"):
        return load_cohort(path, feiten=feiten, columns=columns)
    whole = read_cohort(path, feiten=feiten)
    if columns is None:
        return whole
    return whole.select([*columns, *(c for c in whole.columns if c not in SCHEMA)])


def columns_of(gemeente: Gemeente) -> frozenset[str]:
    """The columns a simulation of ``gemeente`` reads: its rules' and the engine's own."""
    return columns_read(gemeente.compile().values(), simulation=True)


def settings_of(scenario: Scenario) -> Settings:
    """The engine's settings from the scenario's ``simulation`` table."""
    sim = scenario.simulation
    settings = Settings(
        sim.start,
        months=sim.months,
        referral_probability=sim.referral_probability,
        problem_change_probability=sim.problem_change_probability,
        families_return=sim.families_return,
    )
    values = {
        f"{pilot}.{field}": value
        for pilot, fields in sim.designs.items()
        for field, value in fields.items()
    }
    return settings.with_values(values)


_SUMMARY_FIELDS: Final = (
    "pilot",
    "figure",
    "label",
    "n",
    "mean",
    "sd",
    "low",
    "high",
    "mean_low",
    "mean_high",
)
"""The columns of the summary table (and of a row in ``--json``), after the design's values."""


def _summary_columns(summary: Summary) -> dict[str, list[Any]]:
    names = list(dict.fromkeys(k for d in summary.designs for k in d))
    columns: dict[str, list[Any]] = {
        n: [summary.designs[r.design].get(n) for r in summary.rows] for n in names
    }
    columns.update({f: [getattr(r, f) for r in summary.rows] for f in _SUMMARY_FIELDS})
    return columns


def summary_json(
    summary: Summary,
    *,
    runs: int,
    families: int,
    settings: Settings,
    seed: int,
    missing: Sequence[tuple[int, Sequence[int]]] = (),
) -> dict[str, Any]:
    """The ``simulate --json`` document: what ran, every summary row, when money runs out."""
    return {
        "runs": runs,
        "families": families,
        "months": settings.months,
        "start": settings.start.isoformat(),
        "seed": seed,
        "level": summary.level,
        "designs": [dict(d) for d in summary.designs],
        "summary": [
            {"design": r.design, **{f: getattr(r, f) for f in _SUMMARY_FIELDS}}
            for r in summary.rows
        ],
        "run_out": [
            {
                "design": r.design,
                "pilot": r.pilot,
                "runs": r.runs,
                "share": r.share,
                "median": None if r.median is None else r.median.isoformat(),
                "earliest": None if r.earliest is None else r.earliest.isoformat(),
            }
            for r in summary.run_out
        ],
        "notes": list(summary.notes),
        "not_simulated": list(summary.not_simulated),
        "complete": not missing,
        "missing_runs": [{"design": d, "runs": list(r)} for d, r in missing],
    }


def _plot(results: Results, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sociaaldomein.simulation.plots import plot_budget, plot_occupancy

    n = len(results.pilots)
    fig, axes = plt.subplots(n, 2, figsize=(15, 4.5 * n), layout="constrained", squeeze=False)
    try:
        for row, pilot in zip(axes, results.pilots, strict=True):
            plot_occupancy(results, pilot, ax=row[0])
            plot_budget(results, pilot, ax=row[1])
        fig.savefig(path, dpi=120, format=path.suffix.lstrip(".").lower() or "png")
    finally:
        plt.close(fig)


def _distribution(target: str) -> tuple[str | None, str | None]:
    """The distribution (and its version) that provides ``target``."""
    for ep in metadata.entry_points(group="sociaaldomein"):
        if ep.value == target and ep.dist is not None:
            return ep.dist.name, ep.dist.version
    top = target.split(":")[0].split(".")[0]
    if top == "sociaaldomein":
        return "sociaaldomein", __version__
    # an editable install lists no files, so packages_distributions() may not know it
    for dist in metadata.packages_distributions().get(top, []):
        with contextlib.suppress(metadata.PackageNotFoundError):
            return dist, metadata.version(dist)
    return None, None


def _versions(specs: Sequence[PluginSpec]) -> list[dict[str, Any]]:
    """Each plugin's name, target, and the distribution and version it comes from."""
    found = []
    for spec in specs:
        dist, version = _distribution(spec.target)
        found.append(
            {"name": spec.name, "target": spec.target, "distribution": dist, "version": version}
        )
    return found


def _manifest(
    source: Path,
    specs: Sequence[PluginSpec],
    results: Results,
    *,
    seed: int,
    runs: int,
    fmt: str,
    missing: Sequence[tuple[int, Sequence[int]]],
) -> dict[str, Any]:
    return {
        "sociaaldomein": __version__,
        "created_at": pendulum.now("UTC").isoformat(),
        "scenario": {"file": source.name, "sha256": sha256_of(source)},
        "seed": seed,
        "runs": runs,
        "runs_written": results.runs,
        "complete": not missing,
        "missing_runs": [{"design": d, "runs": list(r)} for d, r in missing],
        "format": fmt,
        "library": {"sociaaldomein": __version__, "numpy": np.__version__},
        "plugins": _versions(specs),
    }


def _write(path: Path, table: Mapping[str, Any], fmt: Format) -> Path:
    """Write one table to ``path`` with the format's suffix; returns the file."""
    return write_table(path, table, fmt)


def _tables(results: Results, summary: Summary, folder: Path, fmt: Format) -> str:
    """Write every table into ``folder``; returns what was written, for the message."""
    tables: dict[str, Any] = {kind: results.table(kind) for kind in TABLES}
    tables["summary"] = _summary_columns(summary)
    if fmt == "xlsx":
        write_workbook(folder / "results.xlsx", tables)
        return f"results.xlsx ({', '.join(tables)})"
    for name, table in tables.items():
        _write(folder / name, table, fmt)
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    return f"{', '.join(tables)}{suffix}"


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(
        memory=DEFAULT_MAX_MEMORY if args.max_memory is None else args.max_memory,
        seconds=DEFAULT_MAX_SECONDS if args.max_seconds is None else args.max_seconds,
    )


def _check_outputs(args: argparse.Namespace) -> tuple[Path | None, Path | None, bool]:
    """The destinations and whether the plot goes into the results folder; extras first."""
    out = Path(args.out) if args.out else None
    plot = Path(args.plot) if args.plot else None
    if out is not None and args.format == "parquet":
        require_extra("--format parquet", "parquet")
    if out is not None and args.format == "xlsx":
        require_extra("--format xlsx", "xlsx")
    if plot is not None:
        require_extra("--plot", "plot")
    inside = out is not None and plot is not None and plot.parent.resolve() == out.resolve()
    if out is not None:
        check_folder(out, overwrite=args.overwrite)
    if plot is not None and not inside:
        check_file(plot, overwrite=args.overwrite)
    return out, plot, inside


def _fits_excel(args: argparse.Namespace, *, runs: int, months: int, pilots: int) -> None:
    """Refuse, before any run, tables longer than an Excel sheet holds."""
    rows = runs * months * max(pilots, 1)  # the months table, the longest
    if args.out and args.format == "xlsx" and rows + 1 > EXCEL_MAX_ROWS:
        raise BadInputError(
            _(
                "--format xlsx: the months table would have {rows} rows, more than an Excel "
                "sheet holds ({limit}); use fewer runs, or --format csv-nl or parquet"
            ).format(rows=f"{rows:,}", limit=f"{EXCEL_MAX_ROWS - 1:,}")
        )


def _serial_chunk(runs: int) -> int:
    """Runs per chunk here: about twenty chunks, so the progress bar moves in steps."""
    return max(1, math.ceil(runs / 20))


def _say(args: argparse.Namespace, message: str) -> None:
    # With --json standard output is the JSON document alone.
    print(message, file=sys.stderr if args.json else sys.stdout)


def _summary(results: Results) -> Summary:
    """The summary; each result that is zero for a reason becomes a warning line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SilentResultWarning)
        summary = results.summary()
    for w in caught:
        if issubclass(w.category, SilentResultWarning):
            warn(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return summary


def run(args: argparse.Namespace) -> int:
    """Simulate the scenario and report."""
    source = args.scenario
    scenario = read_scenario(source)
    gemeente, specs = resolve_scenario(scenario, source, args=args)  # every mistake named, early
    gemeente.strict = bool(getattr(args, "strict", False))
    # A failing plugin is named before any run; its pilots are left out of the runs.
    failed = plugin_failures(gemeente)
    settings = settings_of(scenario)
    runs = args.runs or scenario.simulation.runs
    seed = scenario.simulation.seed if args.seed is None else args.seed
    workers = scenario.simulation.workers
    out, plot, plot_inside = _check_outputs(args)
    # only the columns the composition reads are generated or loaded
    columns = columns_of(gemeente)
    cohort = (
        None
        if scenario.cohort.size is not None
        else cohort_of(scenario, source, gemeente.feiten, columns=columns)
    )
    families = len(cohort) if cohort is not None else int(scenario.cohort.size or 0)
    what = f"{runs:,} runs of {families:,} families over {settings.months} months"
    need = estimate(
        families=families,
        runs=runs,
        months=settings.months,
        pilots=len(gemeente.pilots),
        workers=max(workers, 1),
        tables=out is not None,
    )
    check(need, _limits(args), what=what)
    _fits_excel(args, runs=runs, months=settings.months, pilots=len(gemeente.pilots))
    staged: list[Staged] = []
    with interruptible():
        try:
            with contextlib.ExitStack() as stack:
                if out is not None:
                    staged.append(stack.enter_context(Staged(out, overwrite=args.overwrite)))
                if plot is not None and not plot_inside:
                    staged.append(
                        stack.enter_context(
                            Staged(plot, overwrite=args.overwrite, kind="file", option="--plot")
                        )
                    )
                code = _simulate(
                    args, scenario, specs, cohort, settings, runs, seed, staged, plot_inside,
                    columns=columns,
                )  # fmt: skip
                return failed if code == OK else code
        except Interrupted as exc:
            name = signal.Signals(exc.signum).name
            written = [str(s.destination) for s in staged if s.committed]
            left = [str(s.destination) for s in staged if not s.committed]
            said = f"nothing was written to {', '.join(left)}" if left else "nothing was written"
            if written:
                said = (
                    f"{', '.join(written)} complete; " + said
                    if left
                    else (f"{', '.join(written)} complete")
                )
            print(f"sociaaldomein: interrupted by {name}; {said}", file=sys.stderr)
            return exc.exit_code
        except OutputError as exc:
            print(f"sociaaldomein: error: {exc}", file=sys.stderr)
            return FAILURE


def _simulate(
    args: argparse.Namespace,
    scenario: Scenario,
    specs: Sequence[PluginSpec],
    cohort: Cohort | None,
    settings: Settings,
    runs: int,
    seed: int,
    staged: Sequence[Staged],
    plot_inside: bool,
    *,
    columns: Collection[str] | None = None,
) -> int:
    source = args.scenario
    if cohort is None:
        cohort = cohort_of(scenario, source, columns=columns)
    workers = scenario.simulation.workers
    partial: PartialResultsError | None = None
    try:
        results = sweep(
            specs,
            cohort,
            settings,
            runs=runs,
            seed=seed,
            workers=workers if workers > 1 else None,
            # in chunks here too, so that a long serial run shows its progress
            chunk_size=None if workers > 1 else _serial_chunk(runs),
            progress=not args.no_progress and sys.stderr.isatty(),
            retries=args.retries,
        )
    except PartialResultsError as exc:
        results, partial = exc.results, exc
    raise_if_interrupted()  # a signal whose exception was lost still stops the command
    missing = partial.missing if partial is not None else ()
    summary = _summary(results)
    if args.json:
        print_json(
            summary_json(
                summary,
                runs=runs,
                families=len(cohort),
                settings=settings,
                seed=seed,
                missing=missing,
            )
        )
    else:
        from sociaaldomein.output import format_number

        print(
            _(
                "{runs} runs of {families} families over {months} months from {start} (seed {seed})"
            ).format(
                runs=runs,
                families=format_number(len(cohort)),
                months=settings.months,
                start=settings.start.isoformat(),
                seed=seed,
            )
        )
        print(summary.render())
    for stage in staged:
        if stage.kind == "folder":
            written = _tables(results, summary, stage.path, args.format)
            if plot_inside:
                _plot(results, stage.path / Path(args.plot).name)
            stage.commit(
                _manifest(
                    Path(source),
                    specs,
                    results,
                    seed=seed,
                    runs=runs,
                    fmt=args.format,
                    missing=missing,
                )
            )
            _say(
                args,
                _("tables written to {folder}/ ({files})").format(
                    folder=stage.destination, files=f"{written}, {MANIFEST}"
                ),
            )
        else:
            _plot(results, stage.path / stage.destination.name)
            stage.commit()
        if plot_inside or stage.kind == "file":
            _say(args, _("plot written to {file}").format(file=args.plot))
    if partial is not None:
        kept = f"; the {results.runs} finished runs were kept" if results.runs else ""
        print(
            f"sociaaldomein: error: {partial} after {args.retries} "
            f"{'retry' if args.retries == 1 else 'retries'}{kept}",
            file=sys.stderr,
        )
        return PARTIAL
    return OK
