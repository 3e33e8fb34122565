"""The ``sociaaldomein`` command: a parser built from :data:`SUBCOMMANDS`, and the exit codes.

Exit codes (stable, see ``docs/cli.md``): 0 success; 2 bad input (a file, an
argument, an unknown pilot or plugin); 1 an internal error or a failing plugin.
Bad input never prints a traceback; an internal error prints one line and
the hint to run again with ``--traceback``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, Any, Final, NoReturn, cast

from sociaaldomein import __version__

if TYPE_CHECKING:
    from sociaaldomein.cli.common import Subcommand
    from sociaaldomein.io import FileFormatError

# The exit codes of sociaaldomein.cli.common, here too so that ``--help`` imports
# nothing but this module (a test keeps them equal).
OK: Final = 0
FAILURE: Final = 1
BAD_INPUT: Final = 2

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
    "new-plugin": "sociaaldomein.cli.new_plugin",
    "cohort": "sociaaldomein.cli.cohort",
    "serve": "sociaaldomein.cli.serve",
    "test": "sociaaldomein.cli.cases",
    "compare": "sociaaldomein.cli.compare",
    "register": "sociaaldomein.cli.register",
}
"""Every subcommand and the module that implements it (see :class:`~.common.Subcommand`).

To add one, write ``sociaaldomein/cli/<name>.py`` with ``add_arguments(parser)``
and ``run(args) -> int`` and add one line here, such as
``"simulate": "sociaaldomein.cli.simulate"``.
"""

PROG: Final = "sociaaldomein"
_HINT: Final = "run with --traceback for details"
"""The hint after an internal error, in English (it is printed in the command's language)."""


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
    from sociaaldomein.i18n import _

    prefix = "sub_" if sub else ""
    group = parser.add_argument_group(_("common options"))
    group.add_argument(
        "--plugin",
        action="append",
        dest=f"{prefix}plugin",
        metavar="NAME",
        help=_("load only this installed plugin (repeatable)"),
    )
    group.add_argument(
        "--no-plugin",
        action="append",
        dest=f"{prefix}no_plugin",
        metavar="NAME",
        help=_("do not load this installed plugin (repeatable)"),
    )
    group.add_argument(
        "--strict",
        action="store_true",
        dest=f"{prefix}strict",
        help=_("a plugin that cannot be loaded is an error, not a warning"),
    )
    group.add_argument(
        "--traceback",
        action="store_true",
        dest=f"{prefix}traceback",
        help=_("print the traceback of an error"),
    )
    group.add_argument(
        "--lang",
        type=_language,
        dest=f"{prefix}lang",
        metavar="LANG",
        help=_(
            "the language of what the command prints: en or nl (default: SOCIAALDOMEIN_LANG, "
            "else nl when the locale, LC_ALL, LC_MESSAGES or LANG, is Dutch, else en)"
        ),
    )


def _language(text: str) -> str:
    from sociaaldomein.i18n.language import as_language

    try:
        return as_language(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def command_language(chosen: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The language of the command's output: ``--lang``, else ``SOCIAALDOMEIN_LANG``, else the
    locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first set) when it is Dutch, else English.

    Unlike the Python API, whose output does not change with the machine, the
    command speaks the language of the person at the terminal.
    """
    from sociaaldomein.i18n.language import ENV, as_language

    env = os.environ if environ is None else environ
    if chosen:
        return as_language(chosen)
    with contextlib.suppress(ValueError):
        if env.get(ENV):
            return as_language(env[ENV])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "nl" if env[name].lower().startswith("nl") else "en"
    return "en"


def summary(module_name: str) -> str:
    """The first line of a subcommand module's docstring, read from its source, not imported.

    ``sociaaldomein --help`` lists every command this way, so that it costs no
    more than reading a few lines; a module whose source cannot be read is imported.
    """
    import importlib.util
    import io
    import tokenize

    spec = importlib.util.find_spec(module_name)
    origin = spec.origin if spec is not None else None
    if origin is None or not origin.endswith(".py"):
        doc = import_module(module_name).__doc__ or ""
        return doc.strip().splitlines()[0] if doc.strip() else ""
    with open(origin, "rb") as source:
        head = source.read(4096)
    with contextlib.suppress(tokenize.TokenError, SyntaxError, ValueError):
        for token in tokenize.tokenize(io.BytesIO(head).readline):
            if token.type in (tokenize.ENCODING, tokenize.NL, tokenize.COMMENT):
                continue
            if token.type == tokenize.STRING:
                import ast

                text = str(ast.literal_eval(token.string)).strip()
                return text.splitlines()[0] if text else ""
            break
    # The docstring is longer than the bytes read, or missing: ask the module.
    doc = import_module(module_name).__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _load(name: str, sub: argparse.ArgumentParser) -> None:
    """Give subcommand ``name``'s parser its arguments: its module is imported only now."""
    if getattr(sub, "_loaded", False):
        return
    module_name = SUBCOMMANDS[name]
    module = cast("Subcommand", import_module(module_name))
    doc = (sys.modules[module_name].__doc__ or "").strip()
    sub.description = _described(doc) if doc else None
    sub.epilog = epilog(name, getattr(module, "EXAMPLES", ()))
    module.add_arguments(sub)
    _add_common(sub, sub=True)
    for action in sub._actions:
        # A command's own actions (register init, cohort generate) write their help alike.
        if isinstance(action, argparse._SubParsersAction):
            for parser in action.choices.values():
                parser.formatter_class = _HelpFormatter
    sub.set_defaults(run=module.run)
    sub._loaded = True  # type: ignore[attr-defined]


DOCS: Final = "https://sociaaldomein.readthedocs.io"
"""Where the documentation is when the installed metadata does not say (``Project-URL``)."""


def docs_url(page: str = "cli.html") -> str:
    """A page of the documentation online: an installed user has no ``docs/`` folder."""
    from importlib import metadata

    base = DOCS
    with contextlib.suppress(metadata.PackageNotFoundError):
        for entry in metadata.metadata(PROG).get_all("Project-URL") or ():
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation" and url.strip():
                base = url.strip()
                break
    return f"{base.rstrip('/')}/en/latest/{page}"


def epilog(name: str | None, examples: Sequence[str]) -> str:
    """Examples, then the documentation link, as the end of a ``--help``.

    A message (:class:`~sociaaldomein.i18n.Bericht`): its headings read in the
    language in force when the help is printed.
    """
    from sociaaldomein.i18n import _

    lines: list[str] = []
    if examples:
        lines += [_("examples:"), *(f"  {example}" for example in examples), ""]
    what = (
        _("documentation of {command}:", command=PROG + " " + name) if name else _("documentation:")
    )
    lines += [what, f"  {docs_url()}"]
    return _lines(lines)


def _lines(lines: Sequence[str]) -> str:
    """Lines joined, each message in it read in the current language when the result is read."""
    from sociaaldomein.i18n import Bericht

    placeholders = {f"line{i}": line for i, line in enumerate(lines)}
    # The text is only placeholders, so the catalogue is never asked for it; each
    # line that is a message is rendered in the language the whole is read in.
    return Bericht("\n".join(f"{{{name}}}" for name in placeholders), placeholders)


def summaries() -> list[str]:
    """The first docstring line of every subcommand: message ids, translated in ``--help``."""
    return [text for text in (summary(module) for module in SUBCOMMANDS.values()) if text]


def details() -> list[str]:
    """The rest of every subcommand's docstring (its ``--help`` description): message ids.

    Read from the modules' source, not imported, so the catalogues can be
    brought up to date without importing what the commands need.
    """
    import ast
    import importlib.util

    found = []
    for module_name in SUBCOMMANDS.values():
        spec = importlib.util.find_spec(module_name)
        if spec is None or spec.origin is None:
            continue
        with open(spec.origin, encoding="utf-8") as source:
            doc = ast.get_docstring(ast.parse(source.read()), clean=False) or ""
        rest = doc.strip().partition("\n")[2].strip()
        if rest:
            found.append(rest)
    return found


def _summary(text: str) -> str:
    """A command's summary (its docstring's first line) as a message, if it has one."""
    from sociaaldomein.i18n import Bericht

    return Bericht(text) if text else text


def _described(doc: str) -> str:
    """A command's description: its summary line, then its details, each a message."""
    from sociaaldomein.i18n import Bericht

    first, _newline, rest = doc.partition("\n")
    if not rest.strip():
        return _summary(first.strip())
    return _lines([_summary(first.strip()), "", Bericht(rest.strip())])


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help whose texts are messages, read in the language in force when it is printed.

    argparse keeps the help strings given when the parser was built; this formatter
    renders them (``str()`` of a message) only as it writes the help, and reads
    argparse's own headings and help texts, which argparse writes in English, in
    the command's language.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if text is None:
            return None
        return str(_argparse_text(text))

    def start_section(self, heading: str | None) -> None:
        super().start_section(None if heading is None else str(_argparse_text(heading)))

    def _format_text(self, text: str) -> str:
        return super()._format_text(str(text))

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        from sociaaldomein.i18n import gettext

        super().add_usage(usage, actions, groups, gettext("usage: ") if prefix is None else prefix)


def _argparse_text(text: str) -> str:
    """One of argparse's own English texts as a message; any other text as it is."""
    from sociaaldomein.i18n import Bericht, _

    if isinstance(text, Bericht):
        return text
    known = {
        "options": _("options"),
        "positional arguments": _("positional arguments"),
        "show this help message and exit": _("show this help message and exit"),
        "show program's version number and exit": _("show program's version number and exit"),
    }
    return known.get(text, text)


class _LazySubcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose parsers are filled in only when chosen (see :func:`_load`)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        name = values[0] if isinstance(values, Sequence) and values else None
        if isinstance(name, str) and name in SUBCOMMANDS and name in self.choices:
            _load(name, self.choices[name])
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, load: bool = False) -> argparse.ArgumentParser:
    """The parser of the ``sociaaldomein`` command, with every subcommand.

    A subcommand's module is imported, and its arguments added, only when the
    command line chooses it (or with ``load=True``, for every subcommand at once);
    the top-level help lists the commands from their modules' first docstring line.
    """
    from sociaaldomein.i18n import _

    parser = _Parser(
        prog=PROG,
        description=_("The governance of Dutch municipal social-domain pilots, as code."),
        formatter_class=_HelpFormatter,
        epilog=_lines(
            [
                _(
                    "exit codes: 0 success, 2 bad input, "
                    "1 internal or plugin error (with --strict),\n"
                    "  3 a plugin failed and the other pilots' answers are complete,\n"
                    "  4 partial simulation results"
                ),
                "",
                epilog(
                    None,
                    (
                        "sociaaldomein assess gezinnen.toml --on 2022-03-01",
                        "sociaaldomein budget --lang nl",
                    ),
                ),
            ]
        ),
    )
    parser.register("action", "parsers", _LazySubcommands)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, sub=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))
    for name, module_name in SUBCOMMANDS.items():
        sub = commands.add_parser(
            name,
            help=_summary(summary(module_name)) or None,
            formatter_class=_HelpFormatter,
        )
        if load:
            _load(name, sub)
    return parser


def _merge_common(args: argparse.Namespace) -> None:
    args.plugin = (args.plugin or []) + (getattr(args, "sub_plugin", None) or [])
    args.no_plugin = (args.no_plugin or []) + (getattr(args, "sub_no_plugin", None) or [])
    args.strict = args.strict or getattr(args, "sub_strict", False)
    args.traceback = args.traceback or getattr(args, "sub_traceback", False)
    args.lang = getattr(args, "sub_lang", None) or getattr(args, "lang", None)


def _error(kind: str, message: str, *, as_json: bool, problems: Sequence[Any] = ()) -> None:
    """One error on standard error: a line of text, or with ``--json`` one JSON object.

    The JSON shape (``docs/cli.md``): ``{"error": {"kind", "message", "file",
    "field", "line"}}``, plus ``"errors"``, a list of the same objects, when a
    file has several problems.  Text has its control characters escaped.
    """
    if as_json:
        first = _as_object(problems[0]) if problems else {"message": message}
        data: dict[str, Any] = {"error": {"kind": kind, **_BLANK, **first}}
        if len(problems) > 1:
            data["errors"] = [{"kind": kind, **_BLANK, **_as_object(p)} for p in problems]
        print(json.dumps(data, ensure_ascii=True), file=sys.stderr)
        return
    from sociaaldomein.i18n import _
    from sociaaldomein.io import escape_controls

    labels = {
        "input": _("error"),
        "usage": _("error"),
        "plugin": _("plugin error"),
        "internal": _("internal error"),
        "interrupted": _("interrupted"),
    }
    label = str(labels.get(kind, kind))
    for line in [str(p) for p in problems] or [message]:
        print(f"{PROG}: {label}: {escape_controls(line)}", file=sys.stderr)


_BLANK: Final[dict[str, None]] = {"file": None, "field": None, "line": None}


def _as_object(problem: FileFormatError) -> dict[str, Any]:
    return {
        "message": problem.message(),
        "file": problem.path,
        "field": problem.field or None,
        "line": problem.line,
    }


def _report(exc: BaseException, *, show_traceback: bool, as_json: bool = False) -> int:
    from sociaaldomein.i18n import gettext

    if isinstance(exc, KeyboardInterrupt):
        _error("interrupted", gettext("interrupted"), as_json=as_json)
        return 130
    if isinstance(exc, BrokenPipeError):
        # The reader went away (``| head``): what it wanted it has, so stop quietly
        # with success, and keep Python from complaining again when it flushes
        # standard output at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK
    import traceback

    from sociaaldomein.cli.common import BadInputError
    from sociaaldomein.errors import (
        CompositionError,
        InvalidValueError,
        PluginError,
        PluginLoadError,
        UnknownPilotError,
    )
    from sociaaldomein.io import FileFormatError, with_lines

    if show_traceback:
        traceback.print_exception(exc, file=sys.stderr)
    if isinstance(exc, FileFormatError):
        _error("input", str(exc), as_json=as_json, problems=with_lines(exc))
        return BAD_INPUT
    if isinstance(exc, (InvalidValueError, UnknownPilotError, BadInputError)):
        _error("input", str(exc), as_json=as_json)
        return BAD_INPUT
    hint = "" if show_traceback or as_json else "; " + gettext("run with --traceback for details")
    if isinstance(exc, (PluginError, PluginLoadError, CompositionError)):
        _error("plugin", f"{exc}{hint}", as_json=as_json)
        return FAILURE
    _error("internal", f"{type(exc).__name__}: {exc}{hint}", as_json=as_json)
    return FAILURE


def _usage(parser: argparse.ArgumentParser, message: str, *, as_json: bool) -> int:
    """A usage error on one line, with where to read how the command is used."""
    from sociaaldomein.i18n import _

    see = _("(see {command} --help)", command=parser.prog)
    _error("usage", f"{message} {see}", as_json=as_json)
    return BAD_INPUT


def _json_requested(argv: Sequence[str]) -> bool:
    return any(arg == "--json" or arg.startswith("--json=") for arg in argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``sociaaldomein`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit code; never raises for bad input.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    as_json = _json_requested(words)
    try:
        # Parsed in the language asked for, so that a bad value's problem reads in it too.
        with _language_of(words):
            args = parser.parse_args(words)
    except _UsageError as exc:
        with _language_of(words):
            return _usage(exc.parser, _argparse_message(exc.message), as_json=as_json)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    _merge_common(args)
    if getattr(args, "run", None) is None:
        with _language_of(words):
            from sociaaldomein.i18n import gettext

            return _usage(parser, gettext("give a command"), as_json=as_json)
    from sociaaldomein.i18n.language import use_language

    # An error is reported in the language of the command's output, as the output is.
    with use_language(command_language(args.lang)):
        try:
            code = int(args.run(args))
            sys.stdout.flush()  # a closed pipe shows here, not as a complaint at exit
        except (Exception, KeyboardInterrupt) as exc:
            return _report(exc, show_traceback=args.traceback, as_json=as_json)
    return code


def _argparse_message(message: str) -> str:
    """argparse's own usage message (always English) in the command's language, where known.

    argparse writes its messages with the process-wide gettext, which the
    library leaves alone; its common messages are matched here instead, and
    any other is shown as argparse wrote it.
    """
    import re

    from sociaaldomein.i18n import _

    argument = re.fullmatch(r"argument (\S+): (.*)", message, re.DOTALL)
    if argument is not None:
        inner = _argparse_message(argument.group(2))
        return str(_("argument {name}: {problem}", name=argument.group(1), problem=inner))
    patterns: dict[str, Callable[[re.Match[str]], str]] = {
        r"the following arguments are required: (.*)": lambda m: _(
            "the following arguments are required: {names}", names=m.group(1)
        ),
        r"unrecognized arguments: (.*)": lambda m: _(
            "unrecognized arguments: {names}", names=m.group(1)
        ),
        r"invalid choice: (.*) \(choose from (.*)\)": lambda m: _(
            "invalid choice: {value} (choose from {choices})",
            value=m.group(1),
            choices=m.group(2),
        ),
        r"expected one argument": lambda m: _("expected one argument"),
        r"invalid (\w+) value: (.*)": lambda m: _(
            "invalid {type} value: {value}", type=m.group(1), value=m.group(2)
        ),
    }
    for pattern, made in patterns.items():
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found is not None:
            return str(made(found))
    return message


def _language_of(words: Sequence[str]) -> contextlib.AbstractContextManager[object]:
    """The language of a command line that could not be parsed: its ``--lang``, if readable."""
    from sociaaldomein.i18n.language import use_language

    chosen = None
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            chosen = words[i + 1]
        elif word.startswith("--lang="):
            chosen = word.partition("=")[2]
    try:
        return use_language(command_language(chosen))
    except ValueError:  # an unknown --lang is the usage error itself: say it in the default
        return use_language(command_language(None))
