"""The ``sociaaldomein`` command: a parser built from :data:`SUBCOMMANDS`, and the exit codes.

Exit codes (stable, see ``docs/cli.md``): 0 success; 2 bad input (a file, an
argument, an unknown pilot or plugin); 1 an internal error or a failing plugin.
Bad input never prints a traceback; an internal error prints one line and
the hint to run again with ``--traceback``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence
from importlib import import_module
from typing import Final, NoReturn, cast

from sociaaldomein import (
    CompositionError,
    InvalidValueError,
    PluginError,
    PluginLoadError,
    UnknownPilotError,
    __version__,
)
from sociaaldomein.cli.common import BAD_INPUT, FAILURE, BadInputError, Subcommand

__all__ = ["SUBCOMMANDS", "build_parser", "main"]

SUBCOMMANDS: Final[dict[str, str]] = {
    "plugins": "sociaaldomein.cli.plugins",
    "assess": "sociaaldomein.cli.assess",
    "budget": "sociaaldomein.cli.budget",
    "mandate": "sociaaldomein.cli.mandate",
    "demo": "sociaaldomein.cli.demo",
    "schema": "sociaaldomein.cli.schema",
    "validate": "sociaaldomein.cli.validate",
    "simulate": "sociaaldomein.cli.simulate",
}
"""Every subcommand and the module that implements it (see :class:`~.common.Subcommand`).

To add one, write ``sociaaldomein/cli/<name>.py`` with ``add_arguments(parser)``
and ``run(args) -> int`` and add one line here, such as
``"simulate": "sociaaldomein.cli.simulate"``.
"""

PROG: Final = "sociaaldomein"
_HINT: Final = "run with --traceback for details"


class _UsageError(Exception):
    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises on bad usage instead of exiting, so ``main`` returns 2."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self, message)


def _add_common(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    # The same options before and after the subcommand; those after it land
    # in "sub_*" and are merged in main(), so neither position overrides the other.
    prefix = "sub_" if sub else ""
    group = parser.add_argument_group("common options")
    group.add_argument(
        "--plugin",
        action="append",
        dest=f"{prefix}plugin",
        metavar="NAME",
        help="load only this installed plugin (repeatable)",
    )
    group.add_argument(
        "--no-plugin",
        action="append",
        dest=f"{prefix}no_plugin",
        metavar="NAME",
        help="do not load this installed plugin (repeatable)",
    )
    group.add_argument(
        "--strict",
        action="store_true",
        dest=f"{prefix}strict",
        help="a plugin that cannot be loaded is an error, not a warning",
    )
    group.add_argument(
        "--traceback",
        action="store_true",
        dest=f"{prefix}traceback",
        help="print the traceback of an error",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``sociaaldomein`` command, with every subcommand."""
    parser = _Parser(
        prog=PROG,
        description="The governance of Dutch municipal social-domain pilots, as code.",
        epilog=(
            "Exit codes: 0 success, 2 bad input, 1 internal or plugin error (with --strict), "
            "3 a plugin failed and the other pilots' answers are complete, "
            "4 partial simulation results."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, sub=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, module_name in SUBCOMMANDS.items():
        module = cast("Subcommand", import_module(module_name))
        doc = (sys.modules[module_name].__doc__ or "").strip()
        sub = commands.add_parser(
            name,
            help=doc.splitlines()[0] if doc else None,
            description=doc or None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
        _add_common(sub, sub=True)
        sub.set_defaults(run=module.run)
    return parser


def _merge_common(args: argparse.Namespace) -> None:
    args.plugin = (args.plugin or []) + (getattr(args, "sub_plugin", None) or [])
    args.no_plugin = (args.no_plugin or []) + (getattr(args, "sub_no_plugin", None) or [])
    args.strict = args.strict or getattr(args, "sub_strict", False)
    args.traceback = args.traceback or getattr(args, "sub_traceback", False)


def _report(exc: BaseException, *, show_traceback: bool) -> int:
    if isinstance(exc, KeyboardInterrupt):
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    if isinstance(exc, BrokenPipeError):
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes standard output at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILURE
    if show_traceback:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, (InvalidValueError, UnknownPilotError, BadInputError)):
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return BAD_INPUT
    hint = "" if show_traceback else f"; {_HINT}"
    if isinstance(exc, (PluginError, PluginLoadError, CompositionError)):
        print(f"{PROG}: plugin error: {exc}{hint}", file=sys.stderr)
        return FAILURE
    print(f"{PROG}: internal error: {type(exc).__name__}: {exc}{hint}", file=sys.stderr)
    return FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sociaaldomein`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit code; never raises for bad input.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        exc.parser.print_usage(sys.stderr)
        print(f"{exc.parser.prog}: error: {exc.message}", file=sys.stderr)
        return BAD_INPUT
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    _merge_common(args)
    if getattr(args, "run", None) is None:
        parser.print_help(sys.stderr)
        return BAD_INPUT
    try:
        return int(args.run(args))
    except (Exception, KeyboardInterrupt) as exc:
        return _report(exc, show_traceback=args.traceback)
