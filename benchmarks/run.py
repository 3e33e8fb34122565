"""Run every benchmark, write the figures as JSON and docs/bench.md, fail when a target is missed.

    python benchmarks/run.py                    # everything: several minutes on 2 cores
    python benchmarks/run.py --quick            # a smoke test of the shape (no docs written)
    python benchmarks/run.py --only simulation  # one module (repeatable)

Every module ``benchmarks/<area>.py`` with a ``run(quick)`` function is a
benchmark; each runs in a fresh process of its own, so that one module's
imports, caches and memory never flatter or burden another's, and a module
that fails (an error, a missing peer, a crash) has its figures reported as
failed while the rest go on.  The exit code is 0 when every figure meets its
target, 1 otherwise.  See docs/bench.md for what each figure means.
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parent
DEFAULT_JSON: Final = HERE / "results.json"
DEFAULT_DOCS: Final = ROOT / "docs" / "bench.md"
FIELDS: Final = ("name", "value", "unit", "target", "passed", "peer", "peer_value", "note")
"""The keys every figure has (the benchmark protocol)."""

ORDER: Final = ("simulation", "eligibility", "sweeps", "memory", "startup", "contract")
"""Modules reported first, in this order; any other module follows by name."""


def _is_run(node: ast.stmt) -> bool:
    """``def run(quick...)``: the protocol's entry point, not a helper of that name."""
    if not isinstance(node, ast.FunctionDef) or node.name != "run":
        return False
    names = [a.arg for a in node.args.args]
    return names == ["quick"] or (not names and not node.args.kwonlyargs)


def modules() -> list[str]:
    """Every benchmark module: a ``benchmarks/*.py`` that defines ``run`` (read, not imported)."""
    found = []
    for path in sorted(HERE.glob("*.py")):
        if path.stem == "run":
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:
            found.append(path.stem)  # reported as failed when it is run
            continue
        if any(_is_run(n) for n in tree.body):
            found.append(path.stem)
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(found, key=lambda name: (rank.get(name, len(ORDER)), name))


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    info: dict[str, Any] = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpu": platform.processor() or None,
    }
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024**2, 1)
    try:
        import numpy

        info["numpy"] = numpy.__version__
    except ImportError:
        info["numpy"] = None
    return info


def bytecode() -> int:
    """Compile the library's, the plugins' and the benchmarks' bytecode; the files written.

    pip writes bytecode when it installs a wheel, so an installed library starts
    from it.  In a working copy installed in editable mode, or where
    ``PYTHONDONTWRITEBYTECODE`` is set, every fresh process (a start-up figure,
    a sweep's spawned worker) would otherwise compile the sources again, a cost
    no user of an installed library pays.
    """
    import compileall
    import importlib.util
    from importlib.metadata import entry_points

    packages = {"sociaaldomein"}
    packages |= {e.value.split(":")[0].split(".")[0] for e in entry_points(group="sociaaldomein")}
    written = 0
    roots = [HERE]
    for name in sorted(packages):
        spec = importlib.util.find_spec(name)
        if spec is not None:
            roots += [Path(p) for p in spec.submodule_search_locations or []]
    for root in roots:
        before = len(list(root.rglob("__pycache__/*.pyc")))
        compileall.compile_dir(root, quiet=2, workers=1)
        written += len(list(root.rglob("__pycache__/*.pyc"))) - before
    return written


def load() -> list[float] | None:
    """The load averages (1, 5, 15 minutes), where the system tells them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def failed_figure(module: str, why: str) -> dict[str, object]:
    """The one figure of a module that did not report: not met, with the reason."""
    return {
        "name": f"{module}: the benchmark ran",
        "value": None,
        "unit": "",
        "target": "runs and reports",
        "passed": False,
        "peer": None,
        "peer_value": None,
        "note": why,
    }


def checked(module: str, figures: object) -> list[dict[str, object]]:
    """``figures`` if they have the protocol's shape, else one failed figure saying why."""
    if not isinstance(figures, list):
        return [failed_figure(module, f"run() returned {type(figures).__name__}, not a list")]
    out = []
    for i, f in enumerate(figures):
        if not isinstance(f, dict) or any(key not in f for key in FIELDS):
            out.append(failed_figure(module, f"figure {i} lacks one of {', '.join(FIELDS)}"))
            continue
        out.append({**f, "passed": bool(f["passed"])})
    return out


def run_one(module: str, quick: bool, out: Path) -> None:
    """In the child process: import ``module``, run it, write its figures to ``out``."""
    sys.path.insert(0, str(HERE))
    try:
        mod = __import__(module)
        figures = checked(module, mod.run(quick))
    except BaseException as exc:  # a benchmark's failure is a figure, never the end
        last = traceback.format_exception_only(type(exc), exc)[-1].strip()
        figures = [failed_figure(module, last)]
    out.write_text(json.dumps(figures, default=str), encoding="utf-8")


def run_isolated(module: str, quick: bool, timeout: float) -> tuple[list[dict[str, object]], float]:
    """Run ``module`` in a fresh process; its figures and the seconds it took."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "figures.json"
        argv = [sys.executable, str(Path(__file__).resolve()), "--child", module, str(out)]
        if quick:
            argv.append("--quick")
        start = time.perf_counter()
        try:
            done = subprocess.run(argv, timeout=timeout, capture_output=True, text=True)
        except subprocess.TimeoutExpired:
            return [failed_figure(module, f"did not finish in {timeout:.0f} s")], timeout
        seconds = time.perf_counter() - start
        if not out.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            why = f"the process ended with code {done.returncode}: {tail[0]}"
            return [failed_figure(module, why)], seconds
        return checked(module, json.loads(out.read_text(encoding="utf-8"))), seconds


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks; the exit code says whether every target is met."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    parser.add_argument("--only", action="append", metavar="MODULE", help="run only MODULE")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where the JSON goes")
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="the page to generate (default docs/bench.md, not in quick mode)",
    )
    parser.add_argument("--no-docs", action="store_true", help="generate no page")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per module")
    parser.add_argument("--child", nargs=2, metavar=("MODULE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_one(args.child[0], args.quick, Path(args.child[1]))
        return 0
    names = modules()
    if args.only:
        unknown = sorted(set(args.only) - set(names))
        if unknown:
            parser.error(f"no benchmark module {', '.join(unknown)}; there are {', '.join(names)}")
        names = [n for n in names if n in args.only]
    started = time.perf_counter()
    compiled = bytecode()
    report: dict[str, Any] = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine(),
        "load_before": load(),
        "bytecode_written": compiled,
        "modules": {},
        "figures": [],
    }
    for name in names:
        print(f"{name} ...", file=sys.stderr, flush=True)
        figures, seconds = run_isolated(name, args.quick, args.timeout)
        report["modules"][name] = {
            "seconds": round(seconds, 1),
            "figures": len(figures),
            "failed": sum(not f["passed"] for f in figures),
        }
        report["figures"] += [{"module": name, **f} for f in figures]
        for f in figures:
            mark = "ok  " if f["passed"] else "MISS"
            print(
                f"  {mark} {f['name']}: {f['value']} {f['unit']} ({f['target']})", file=sys.stderr
            )
    report["load_after"] = load()
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["passed"] = sum(bool(f["passed"]) for f in report["figures"])
    report["missed"] = len(report["figures"]) - report["passed"]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    docs = None if args.no_docs else args.docs or (None if args.quick else DEFAULT_DOCS)
    if docs is not None:
        import report as page

        page.write(report, docs)
    print(
        f"{report['passed']} of {len(report['figures'])} figures meet their target "
        f"({report['seconds']} s); JSON in {args.json}",
        file=sys.stderr,
    )
    return 0 if report["missed"] == 0 else 1


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
