"""Run the cases a policy officer writes (*.cases.toml): expected outcomes per pilot.

Each PATH is a case file or a folder searched for *.cases.toml.  Every case
prints a dot, or F when a pilot decides otherwise than it expects; each
failure is shown with what was expected, what was decided and the verdict's
explanation, and the run closes with a line such as "1 failed, 3 passed in
0.12s".  Exit code 0 when every case passes, 1 when one fails, 2 for a file
that cannot be read (the message names the file, the line and the field).
With --json, one object per case: {"file", "line", "case", "passed", "problems"}.
"""

from __future__ import annotations

import argparse

from sociaaldomein.cli.common import BAD_INPUT, FAILURE, OK, print_json, warn
from sociaaldomein.i18n import _

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein test plugins/",
    "sociaaldomein test cases/capaciteit-15.cases.toml",
    "sociaaldomein test cases/ --json",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PATH...`` and ``--json``."""
    parser.add_argument("paths", nargs="+", metavar="PATH", help=_("case files or folders"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object per case"))


def run(args: argparse.Namespace) -> int:
    """Run every case; 0 all passed, 1 a case failed, 2 a file that cannot be read."""
    from sociaaldomein.policy.cases import find_case_files, run_files, summary_line

    files = find_case_files(args.paths)
    if not files:
        warn(_("no case files (*.cases.toml) in {paths}", paths=", ".join(args.paths)))
        return BAD_INPUT
    results, seconds = run_files(files)
    if args.json:
        print_json(
            [
                {
                    "file": r.case.file,
                    "line": r.case.line,
                    "case": r.case.name,
                    "passed": r.passed,
                    "problems": list(r.problems),
                }
                for r in results
            ]
        )
    else:
        print("".join("." if r.passed else "F" for r in results))
        for r in results:
            if not r.passed:
                print()
                print(r.report())
        print(summary_line(results, seconds))
    return OK if all(r.passed for r in results) else FAILURE
