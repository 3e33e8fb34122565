"""Check a family, scenario, advice or cohort file, and say what is wrong with it.

For a scenario, its cohort file (if any) is read, the plugins it names are
looked up and their parameters checked against the parameters the plugin
classes declare, and simulation.designs is checked: nothing is built and
nothing is run.  A scenario that names an import path (module:Class) is
refused unless --allow-import is given (or the scenario sets allow_import).
Exit code 0 when the file is good; 2 when it is not, with every problem on
a line of its own naming the file, the line, the field and the problem.
"""

from __future__ import annotations

import argparse
import warnings

from sociaaldomein.cli.common import (
    OK,
    check_scenario,
    compose,
    installed_plugin_names,
    print_json,
)
from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import (
    FileFormatError,
    InputProblemsError,
    Scenario,
    read_advice,
    read_cohort,
    read_gezinnen,
    read_scenario,
    with_lines,
)

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein validate family gezinnen.toml",
    "sociaaldomein validate scenario scenario.toml --json",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``family|scenario|advice|cohort FILE``."""
    kinds = ["family", "scenario", "advice", "cohort"]
    parser.add_argument("kind", choices=kinds, help=_("the kind of file"))
    parser.add_argument(
        "file", metavar="FILE", help=_("the file (.json, .toml; .csv for a cohort)")
    )
    add_allow_import(parser)
    parser.add_argument(
        "--json", action="store_true", help=_("print the verdict, and every problem, as JSON")
    )


def add_allow_import(parser: argparse.ArgumentParser) -> None:
    """``--allow-import``: a scenario may name plugins by import path (it runs that code)."""
    parser.add_argument(
        "--allow-import",
        action="store_true",
        help=_(
            "let the scenario name plugins by import path (module:Class); that runs the "
            "code it names, so use it only for a scenario you trust"
        ),
    )


def run(args: argparse.Namespace) -> int:
    """Read the file (and for a scenario, check its plugins and designs)."""
    if args.kind == "family":
        # the installed plugins' declared facts and terms may appear in the file
        count = len(read_gezinnen(args.file, feiten=compose(args, compile=False).feiten))
        _good(args, f"a good family file with {count} famil{'y' if count == 1 else 'ies'}")
    elif args.kind == "scenario":
        _scenario(args)
    elif args.kind == "advice":
        read_advice(args.file)
        _good(args, "a good advice file")
    else:
        count = len(read_cohort(args.file, feiten=compose(args, compile=False).feiten))
        _good(args, f"a good cohort file with {count} famil{'y' if count == 1 else 'ies'}")
    return OK


def _scenario(args: argparse.Namespace) -> None:
    scenario = read_scenario(args.file)  # not even the plugins can be checked without it
    problems: list[FileFormatError] = []
    cohort = scenario.cohort.path(args.file)
    if cohort is not None:
        try:
            read_cohort(cohort, feiten=_declared_by(scenario, args))
        except FileFormatError as exc:
            problems += with_lines(exc)
    params = scenario.cohort.params_path(args.file)
    if params is not None:
        from sociaaldomein.simulation.params import load_cohort_params

        try:
            load_cohort_params(params)
        except FileFormatError as exc:
            problems += with_lines(exc)
    try:
        check_scenario(scenario, args.file, args=args)
    except FileFormatError as exc:
        problems += with_lines(exc)
    if problems:
        raise InputProblemsError(problems)
    if scenario.pilots:
        names = [choice.name or choice.plugin for choice in scenario.pilots]
    else:
        allow, block = args.plugin or None, args.no_plugin or []
        names = [n for n in installed_plugin_names() if (allow is None or n in allow)]
        names = [n for n in names if n not in block]
    settings = scenario.simulation
    _good(
        args,
        f"a good scenario file: pilots {', '.join(sorted(names)) or '(none)'}; "
        f"{settings.months} months from {settings.start.isoformat()}, {settings.runs} run(s)",
    )


def _declared_by(scenario: Scenario, args: argparse.Namespace) -> Feitenregister | None:
    """The facts the scenario's installed plugins declare, for its cohort file.

    Only installed plugins (by entry-point name) are asked; a scenario that names an
    import path gets the core's facts alone, since validating runs no code it names.
    """
    names = [choice.plugin for choice in scenario.pilots]
    if any(":" in name for name in names):
        return None
    gemeente = Gemeente(scenario.gemeente)
    with warnings.catch_warnings():  # a plugin that does not load is reported by check_scenario
        warnings.simplefilter("ignore")
        gemeente.load_entry_points(allow=names or args.plugin or None, block=args.no_plugin or ())
    return gemeente.feiten


def _good(args: argparse.Namespace, verdict: str) -> None:
    if args.json:
        print_json({"file": args.file, "kind": args.kind, "good": True, "verdict": verdict})
    else:
        print(f"{args.file}: {verdict}")
