"""Check a family, scenario, advice or cohort file, and say what is wrong with it.

For a scenario, its cohort file (if any) is read and the plugins it names are
loaded too, their parameters checked against the plugin classes.  Exit code 0
when the file is good, 2 with one line naming the file, the field and the
problem when it is not.
"""

from __future__ import annotations

import argparse

from sociaaldomein.cli.common import OK, compose_scenario
from sociaaldomein.io import read_advice, read_cohort, read_gezinnen, read_scenario

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``family|scenario|advice|cohort FILE``."""
    kinds = ["family", "scenario", "advice", "cohort"]
    parser.add_argument("kind", choices=kinds, help="the kind of file")
    parser.add_argument("file", metavar="FILE", help="the file (.json, .toml; .csv for a cohort)")


def run(args: argparse.Namespace) -> int:
    """Read the file (and for a scenario, compose its plugins)."""
    if args.kind == "family":
        count = len(read_gezinnen(args.file))
        print(f"{args.file}: a good family file with {count} famil{'y' if count == 1 else 'ies'}")
    elif args.kind == "scenario":
        scenario = read_scenario(args.file)
        cohort = scenario.cohort.path(args.file)
        if cohort is not None:
            read_cohort(cohort)
        pilots = sorted(compose_scenario(scenario, args.file, args=args).pilots)
        settings = scenario.simulation
        print(
            f"{args.file}: a good scenario file: pilots {', '.join(pilots) or '(none)'}; "
            f"{settings.months} months from {settings.start.isoformat()}, {settings.runs} run(s)"
        )
    elif args.kind == "advice":
        read_advice(args.file)
        print(f"{args.file}: a good advice file")
    else:
        count = len(read_cohort(args.file))
        print(f"{args.file}: a good cohort file with {count} famil{'y' if count == 1 else 'ies'}")
    return OK
