"""Cohorts: how fast they are generated and loaded, and how many bytes a family they hold.

Every figure is measured as a user pays it, in a fresh Python process: the
first call of ``generate_cohort`` (or ``load_cohort``) after the import, timed
inside that process, five times or more, the sizes of one comparison in turns
(A B A B ...).  Bytes a family are ``tracemalloc``'s peak (numpy reports its
arrays to it) or the arrays' ``nbytes``, divided by the number of families.

* generating the gemeente Groningen's 136,500 households, and the
  Netherlands' 8.2 million, as rows of a cohort (targets 0.5 s and 30 s);
* growth: seconds a family at the large size over the small one (a ratio
  near 1 is linear; target at most 1.5), for generating, and for loading a
  cohort CSV file and a Parquet file of n and 4n families;
* ids: bytes a family for a synthetic cohort (a counter) and for ids read
  from a file, beside the peer, a tuple of Python strings as 0.1 kept them;
* a cohort of the core columns (every column of ``SCHEMA``, the 26 ZRM levels
  among them, two to a byte) beside the same columns a byte or more each, as
  they were held before; the columns the installed Groningen pilots read; and
  the peak while generating every core column.

    python benchmarks/cohort.py [--quick]
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

from sociaaldomein.domain.cohort import SCHEMA

HOUSEHOLDS: Final = 136_500
NETHERLANDS: Final = 8_200_000
REPEAT: Final = 5


QUICK: dict[str, bool] = {"on": False}
"""In the quick smoke run every "fresh process" is this one: the shape, in seconds."""


def _child(code: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    if QUICK["on"]:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "<bench>", "exec"), {})
        text = printed.getvalue()
    else:
        argv = [sys.executable, "-c", code]
        text = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(text.strip().splitlines()[-1])
    return found


def _generate_code(n: int) -> str:
    return f"""
import json, time
start = time.perf_counter()
from sociaaldomein.simulation import generate_cohort
imported = time.perf_counter()
cohort = generate_cohort({n}, seed=1)
done = time.perf_counter()
print(json.dumps({{"import": imported - start, "seconds": done - imported, "n": len(cohort)}}))
"""


def _load_code(path: Path) -> str:
    # pyarrow is imported before the clock starts: a constant, not a cost a family
    return f"""
import json, time
from sociaaldomein.simulation import load_cohort
from sociaaldomein.simulation.output import installed
if installed("pyarrow"):
    import pyarrow.parquet
start = time.perf_counter()
cohort = load_cohort({str(path)!r})
print(json.dumps({{"seconds": time.perf_counter() - start, "n": len(cohort)}}))
"""


def _memory_code(n: int) -> str:
    return f"""
import json, tracemalloc
from sociaaldomein.domain.cohort import SCHEMA
from sociaaldomein.io import loads_cohort_csv
from sociaaldomein.simulation import generate_cohort
out = {{}}
tracemalloc.start()
full = generate_cohort({n}, seed=1)
out["peak_full"] = tracemalloc.get_traced_memory()[1] / {n}
tracemalloc.stop()
assert set(full.columns) == set(SCHEMA)  # every core column
out["core"] = (full.nbytes() + full.ids.nbytes) / {n}
out["unpacked"] = sum(full.column(c).nbytes for c in SCHEMA) / {n}
out["synthetic_ids"] = full.ids.nbytes / {n}
del full
from sociaaldomein import Gemeente
from sociaaldomein.simulation import columns_read
gemeente = Gemeente()
gemeente.load_entry_points(allow=["gezinsverzorger", "samen", "multiprobleem", "hoogkerk"])
read = columns_read(gemeente.compile().values(), simulation=True)
part = generate_cohort({n}, seed=1, columns=read)
out["read"] = (part.nbytes() + part.ids.nbytes) / {n}
out["read_columns"] = len(part.columns)
del part
tracemalloc.start()
old = tuple(f"syn-{{i:07d}}" for i in range({n}))
out["tuple_ids"] = tracemalloc.get_traced_memory()[0] / {n}
tracemalloc.stop()
del old
m = min({n}, 200_000)
read = loads_cohort_csv("id\\n" + "".join(f"gezin-{{i:07d}}\\n" for i in range(m)))
out["file_ids"] = read.ids.nbytes / m
print(json.dumps(out))
"""


def _turns(codes: dict[str, str], repeat: int) -> dict[str, list[float]]:
    """Each code ``repeat`` times in fresh processes, in turns; the seconds each reported."""
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeat):
        for name, code in codes.items():
            times[name].append(float(_child(code)["seconds"]))
    return times


def _figure(
    name: str,
    value: float,
    unit: str,
    target: str,
    passed: bool,
    note: str,
    peer: str | None = None,
    peer_value: float | None = None,
) -> dict[str, object]:
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "target": target,
        "passed": bool(passed),
        "peer": peer,
        "peer_value": None if peer_value is None else round(peer_value, 4),
        "note": note,
    }


def _timing_note(times: list[float]) -> str:
    return f"median of {len(times)}; min {min(times):.3f} s"


def _generation(quick: bool) -> list[dict[str, object]]:
    small, large = (10_000, 40_000) if quick else (HOUSEHOLDS, NETHERLANDS)
    limit_large = 30.0 * large / NETHERLANDS
    times = _turns(
        {"small": _generate_code(small), "large": _generate_code(large)}, 2 if quick else REPEAT
    )
    imported = _child(_generate_code(1))["import"]
    s, big = statistics.median(times["small"]), statistics.median(times["large"])
    growth = (big / large) / (s / small)
    return [
        _figure(
            f"generate {small:,} families (the gemeente Groningen's households)",
            s,
            "s",
            "<= 0.5 s",
            s <= 0.5,
            f"{_timing_note(times['small'])}; a fresh process, the first call after "
            f"importing sociaaldomein.simulation ({imported:.2f} s, not included)",
        ),
        _figure(
            f"generate {large:,} families"
            + (" (the Netherlands' households)" if not quick else " (quick: a smoke run)"),
            big,
            "s",
            f"<= {limit_large:g} s",
            big <= limit_large,
            f"{_timing_note(times['large'])}; a fresh process, the first call",
        ),
        _figure(
            "generating: seconds a family, large over small",
            growth,
            "ratio",
            "<= 1.5 (linear)",
            growth <= 1.5,
            f"{large:,} over {small:,} families, sizes in turns",
        ),
    ]


def _loading(quick: bool) -> list[dict[str, object]]:
    from sociaaldomein.simulation import generate_cohort
    from sociaaldomein.simulation.cohorts import write_cohort
    from sociaaldomein.simulation.output import installed

    small = 500 if quick else 20_000
    out: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for suffix in (".csv", ".parquet"):
            if suffix == ".parquet" and not installed("pyarrow"):
                out.append(
                    _figure("loading Parquet: growth", 0.0, "ratio", "<= 1.5 (linear)", False,
                            "not measured: pyarrow is not installed")
                )  # fmt: skip
                continue
            paths = {}
            for n in (small, 4 * small):
                paths[n] = Path(folder) / f"c{n}{suffix}"
                write_cohort(generate_cohort(n, seed=2), paths[n])
            times = _turns(
                {str(n): _load_code(p) for n, p in paths.items()}, 2 if quick else REPEAT
            )
            a, b = statistics.median(times[str(small)]), statistics.median(times[str(4 * small)])
            growth = (b / (4 * small)) / (a / small)
            kind = suffix.lstrip(".").upper() if suffix == ".csv" else "Parquet"
            out.append(
                _figure(
                    f"loading a {kind} cohort: seconds a family, {4 * small:,} over {small:,}",
                    growth,
                    "ratio",
                    "<= 1.5 (linear)",
                    growth <= 1.5,
                    f"{small:,} families: {a:.3f} s, {4 * small:,}: {b:.3f} s (medians of "
                    f"{REPEAT}, fresh processes, sizes in turns)",
                )
            )
    return out


def _memory(quick: bool) -> list[dict[str, object]]:
    # the gemeente Groningen: a larger cohort spreads the blocks' memory thinner
    n = 20_000 if quick else HOUSEHOLDS
    m = _child(_memory_code(n))
    note = f"{n:,} synthetic families"
    return [
        _figure("ids of a synthetic cohort", m["synthetic_ids"], "bytes/family", "<= 16",
                m["synthetic_ids"] <= 16, f"{note}: a prefix and a counter",
                peer="a tuple of str, as 0.1 kept them", peer_value=m["tuple_ids"]),
        _figure("ids read from a file (gezin-0000001)", m["file_ids"], "bytes/family", "<= 16",
                m["file_ids"] <= 16, "one fixed-width array of bytes",
                peer="a tuple of str, as 0.1 kept them", peer_value=m["tuple_ids"]),
        _figure("a cohort of the core columns", m["core"], "bytes/family", "<= 48",
                m["core"] <= 48,
                f"{note}: all {len(SCHEMA)} columns of SCHEMA, the 26 ZRM levels two to a "
                "byte, and the ids",
                peer="the same columns, each level a byte of its own", peer_value=m["unpacked"]),
        _read_figure(m, note),
        _figure("peak while generating the core columns", m["peak_full"], "bytes/family",
                "<= 64", m["peak_full"] <= 64, f"{note}: tracemalloc's peak, the cohort included"),
    ]  # fmt: skip


def _read_figure(m: dict[str, Any], note: str) -> dict[str, object]:
    return _figure(
        "a cohort of the columns the Groningen pilots and the simulation read",
        m["read"],
        "bytes/family",
        "(reported, no target)",
        True,
        f"{note}: {m['read_columns']} columns (columns_read(..., simulation=True)), what "
        "simulate generates or loads for them, and the ids",
    )


def run(quick: bool = False) -> list[dict[str, object]]:
    """Every figure of cohorts: generating, loading, bytes a family.

    ``quick`` is a smoke run of a few seconds: small sizes, two repetitions, in
    this process; its figures show the shape of the output, not the targets.
    """
    QUICK["on"] = quick
    try:
        return [*_generation(quick), *_loading(quick), *_memory(quick)]
    finally:
        QUICK["on"] = False


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
