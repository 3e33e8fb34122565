"""Compare two scenarios over the same cohort and seeds: what a change does, month by month.

BASE and CHANGED are scenario files (see the documentation: file formats);
the cohort and the simulation settings are the base's (the same families,
months and seeds for both), the compositions each file's own.  --besluit FILE
applies the decisions in a decision file (TOML, see the documentation:
policy) to the changed composition, in the order given.  Prints, per pilot,
the difference in families admitted, waiting at the end, referred and money
spent (changed minus base, the mean over the runs), the month the money runs
out before and after, and the families whose verdict changes.  With --json, one object:
{"pilots", "runs", "months", "totals", "run_out", "changed_families",
"verdicts": [{"family_id", "pilot", "on", "before", "after"}], "monthly": [...]}
(--legacy-keys: the 0.1 key gezin_id, deprecated).
Exit code 0; 2 for a file that cannot be read.
"""

from __future__ import annotations

import argparse
from typing import Any

from sociaaldomein.cli.common import OK, print_json, resolve_scenario
from sociaaldomein.cli.keys import add_legacy_keys, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein compare base.toml changed.toml",
    "sociaaldomein compare base.toml base.toml --besluit capaciteit-15.toml",
    "sociaaldomein compare base.toml changed.toml --json > impact.json",
)
"""Command lines shown at the end of ``--help``."""


def _count(text: str) -> int:
    value = int(text) if text.isdigit() else -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0, got {text!r}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``BASE CHANGED``, ``--besluit FILE``, ``--runs``, ``--explain``, ``--json``."""
    parser.add_argument("base", metavar="BASE", help=_("the scenario as it is"))
    parser.add_argument("changed", metavar="CHANGED", help=_("the scenario as changed"))
    parser.add_argument(
        "--besluit",
        action="append",
        default=[],
        metavar="FILE",
        help=_("apply the decisions in FILE to the changed composition (repeatable)"),
    )
    parser.add_argument("--runs", type=_count, help=_("Monte Carlo runs (default: the base's)"))
    parser.add_argument(
        "--explain", type=_count, default=10, help=_("changed verdicts to explain (default 10)")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    add_legacy_keys(parser)


def _describe(impact: Any) -> dict[str, Any]:
    run_out = impact.run_out()
    return {
        "pilots": list(impact.pilots),
        "runs": impact.runs,
        "months": [d.isoformat() for d in impact.dates],
        "totals": {
            pilot: {k: str(v) if k == "spent" else v for k, v in row.items()}
            for pilot, row in impact.totals().items()
        },
        "run_out": {
            pilot: {
                "before": None if a is None else a.isoformat(),
                "after": None if b is None else b.isoformat(),
            }
            for pilot, (a, b) in run_out.items()
        },
        "changed_families": impact.changed_families,
        "verdicts": [
            {
                "gezin_id": v.gezin_id,
                "pilot": v.pilot,
                "on": v.on.isoformat(),
                "before": v.before.outcome.value,
                "after": v.after.outcome.value,
            }
            for v in impact.verdicts
        ],
        "monthly": [{**row, "month": row["month"].isoformat()} for row in impact.rows()],
    }


def run(args: argparse.Namespace) -> int:
    """Simulate both scenarios and print the difference."""
    from sociaaldomein.cli.simulate import cohort_of, settings_of
    from sociaaldomein.io import read_scenario
    from sociaaldomein.policy.files import apply_file
    from sociaaldomein.policy.impact import compare

    base_scenario = read_scenario(args.base)
    changed_scenario = read_scenario(args.changed)
    base, _ = resolve_scenario(base_scenario, args.base, args=args)
    changed, _ = resolve_scenario(changed_scenario, args.changed, args=args)
    for path in args.besluit:
        apply_file(changed, path)
    settings = settings_of(base_scenario)
    runs = base_scenario.simulation.runs if args.runs is None else args.runs
    impact = compare(
        base,
        changed,
        cohort_of(base_scenario, args.base, base.feiten),  # its declared facts too
        settings,
        runs=runs,
        seed=base_scenario.simulation.seed,
        explain=args.explain,
    )
    if args.json:
        warn_legacy(args)
        print_json(keys_for(args, _describe(impact), names=("totals", "run_out")))
    else:
        print(impact.summary())
    return OK
