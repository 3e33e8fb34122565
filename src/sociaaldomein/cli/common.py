"""What every subcommand shares: exit codes, composing plugins, printing JSON, reading dates.

Every subcommand composes its plugins the same way, with :func:`compose`:
the installed plugins (entry points of the group ``sociaaldomein``), narrowed
by ``--plugin NAME`` (an allow-list) and ``--no-plugin NAME`` (a block-list);
``--strict`` turns a broken plugin from a warning into an error.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import inspect
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Final, Protocol

import pendulum

from sociaaldomein import (
    Gemeente,
    InvalidValueError,
    PluginError,
    PluginLoadError,
    PluginLoadWarning,
    PluginSpec,
)
from sociaaldomein.composition.discovery import import_target
from sociaaldomein.hookspecs import PROJECT_NAME
from sociaaldomein.i18n import _
from sociaaldomein.io import (
    ConversionError,
    FileFormatError,
    PilotChoice,
    Scenario,
    plugin_arguments,
    structure_date,
)
from sociaaldomein.io.scenario import design_problems

__all__ = [
    "BAD_INPUT",
    "FAILURE",
    "OK",
    "PLUGIN_FAILED",
    "BadInputError",
    "Subcommand",
    "check_scenario",
    "compose",
    "compose_scenario",
    "date_argument",
    "imports_allowed",
    "installed_plugin_names",
    "plugin_failures",
    "print_json",
    "resolve_scenario",
]

OK: Final = 0
"""Exit code: the command did what was asked."""
FAILURE: Final = 1
"""Exit code: an internal error, or a plugin failed (the message names it and its hook)."""
BAD_INPUT: Final = 2
"""Exit code: bad input: a file, an argument, an unknown pilot or plugin."""
PLUGIN_FAILED: Final = 3
"""Exit code: the command did its work, but a plugin failed: the pilots it concerns say
"could not be assessed" and every other pilot's answer is complete (``--strict`` makes
such a failure an error, exit code 1)."""


class BadInputError(Exception):
    """An argument the command cannot use (exit code 2); the message says why."""


class Subcommand(Protocol):
    """A module under :mod:`sociaaldomein.cli` that implements one subcommand.

    Its docstring's first line is the help text, the rest the description.
    """

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Add the subcommand's own arguments."""

    def run(self, args: argparse.Namespace) -> int:
        """Do the work and return the exit code."""


def date_argument(text: str) -> pendulum.Date:
    """An argparse ``type`` for dates: ``2024-05-01``."""
    try:
        return structure_date(text)
    except ConversionError as exc:
        raise argparse.ArgumentTypeError(exc.problem) from None


def print_json(data: Any) -> None:
    """``data`` as indented JSON on standard output."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def warn(message: str) -> None:
    """A one-line warning on standard error."""
    print(_("sociaaldomein: warning: {message}", message=message), file=sys.stderr)


def installed_plugin_names() -> list[str]:
    """The names of the installed plugins (entry points of the ``sociaaldomein`` group)."""
    return sorted({ep.name for ep in entry_points(group=PROJECT_NAME)})


def _unknown_plugins(names: Iterable[str]) -> None:
    installed = installed_plugin_names()
    unknown = [n for n in names if n not in installed]
    if unknown:
        listed = ", ".join(installed) or _("none are installed")
        raise BadInputError(
            _(
                "no installed plugin named {name}; installed plugins: {listed}",
                name=repr(unknown[0]),
                listed=listed,
            )
        )


def _reported(load: Callable[[], object]) -> None:
    """Run ``load``; each skipped plugin becomes one warning line on standard error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginLoadWarning)
        load()
    for w in caught:
        if issubclass(w.category, PluginLoadWarning):
            continue  # the composition keeps the plugin as failed: plugin_failures says it
        # A plugin written against an older contract is for its author to update; the
        # person running the command sees one line, not a Python warning.
        if issubclass(w.category, DeprecationWarning):
            warn(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def compose(args: argparse.Namespace, naam: str = "Groningen", *, compile: bool = True) -> Gemeente:
    """The installed plugins, as ``--plugin``, ``--no-plugin`` and ``--strict`` select them.

    ``compile=False`` leaves the pilots uncompiled (for a command that needs only
    what the plugins declare, ``gemeente.feiten``).
    """
    allow: list[str] | None = args.plugin or None
    if allow:
        _unknown_plugins(allow)
    gemeente = Gemeente(naam, strict=args.strict)
    _reported(lambda: gemeente.load_entry_points(allow=allow, block=args.no_plugin))
    if compile:
        _reported(gemeente.compile)
    return gemeente


def plugin_failures(gemeente: Gemeente) -> int:
    """One warning line per plugin failure; :data:`PLUGIN_FAILED` when there was one."""
    for failure in gemeente.failures:
        warn(f"{failure.message()}; {failure.advice()}")
    return PLUGIN_FAILED if gemeente.failures else OK


def _entry_point(name: str, source: str | None, field: str) -> EntryPoint:
    found = list(entry_points(group=PROJECT_NAME, name=name))
    if not found:
        listed = ", ".join(installed_plugin_names()) or _("none are installed")
        close = difflib.get_close_matches(name, installed_plugin_names(), n=1)
        problem = (
            _(
                "no installed plugin named {name}; did you mean {close}? installed plugins: "
                "{listed}",
                name=repr(name),
                close=repr(close[0]),
                listed=listed,
            )
            if close
            else _(
                "no installed plugin named {name}; installed plugins: {listed}",
                name=repr(name),
                listed=listed,
            )
        )
        raise FileFormatError(source, field, problem)
    return found[0]


def _target(target: str, source: str | None, field: str) -> object:
    try:
        return import_target(target)
    except InvalidValueError as exc:
        raise FileFormatError(source, field, exc.problem) from None


def _implements_hooks(obj: object) -> bool:
    """Whether ``obj`` (a class or a module) has a method marked with ``@hookimpl``."""
    marker = f"{PROJECT_NAME}_impl"
    for name in dir(obj):
        with contextlib.suppress(Exception):  # an attribute that cannot be read marks nothing
            if hasattr(inspect.getattr_static(obj, name), marker):
                return True
            if hasattr(getattr(obj, name), marker):
                return True
    return False


def imports_allowed(scenario: Scenario, args: argparse.Namespace | None) -> bool:
    """Whether the scenario may name import paths: its ``allow_import`` or ``--allow-import``."""
    return scenario.allow_import or bool(getattr(args, "allow_import", False))


def _factory(
    choice: PilotChoice, field: str, source: str | None, *, allow_import: bool
) -> tuple[str, object, str | None]:
    """The import target, the class (or module) and the name a pilot choice names.

    Nothing is built: an entry point is loaded (installed code), an import path
    is imported only when allowed, and either must be a sociaaldomein plugin.
    """
    if ":" in choice.plugin:
        if not allow_import:
            raise FileFormatError(
                source,
                f"{field}.plugin",
                _(
                    "{plugin} is an import path, which runs the code it names; name an "
                    "installed plugin (sociaaldomein plugins lists them), or allow import paths "
                    "with --allow-import or allow_import = true in the scenario",
                    plugin=repr(choice.plugin),
                ),
            )
        target = choice.plugin
        factory = _target(target, source, f"{field}.plugin")
        name = choice.name
    else:
        ep = _entry_point(choice.plugin, source, f"{field}.plugin")
        target = ep.value
        try:
            factory = ep.load()
        except Exception as exc:
            raise PluginLoadError(ep.name, exc) from exc
        name = choice.name or ep.name
    if not (inspect.isclass(factory) or inspect.ismodule(factory)) or not _implements_hooks(
        factory
    ):
        raise FileFormatError(
            source,
            f"{field}.plugin",
            _(
                "{plugin} is not a sociaaldomein plugin: a plugin is a class or module "
                "with methods marked @hookimpl",
                plugin=repr(choice.plugin),
            ),
        )
    return target, factory, name


def check_scenario(
    scenario: Scenario,
    source: str | os.PathLike[str] | None = None,
    *,
    args: argparse.Namespace | None = None,
) -> None:
    """Check everything a scenario names, building nothing, and report every problem at once.

    Each pilot's plugin must be installed (or an allowed import path) and a
    plugin; its ``params`` are checked against the parameters its class
    declares (names, with the nearest known one suggested, and types where
    the annotations say), by :func:`inspect.signature`, without calling it.
    ``simulation.designs`` is checked field by field.  Raises one
    :class:`FileFormatError` whose ``others`` hold the rest.
    """
    from sociaaldomein.simulation.settings import PilotDesign

    where = None if source is None else os.fspath(source)
    allow = imports_allowed(scenario, args)
    problems: list[tuple[str, str]] = []
    for i, choice in enumerate(scenario.pilots):
        field = f"pilots[{i}]"
        try:
            _, factory, _ = _factory(choice, field, where, allow_import=allow)
            _arguments(factory, choice.params, choice.plugin, where, f"{field}.params")
        except FileFormatError as exc:
            problems += [(exc.field, exc.problem), *exc.others]
    problems += design_problems(scenario.simulation.designs, PilotDesign)
    if problems:
        (first, problem), *others = problems
        raise FileFormatError(where, first, problem, others=others)


def resolve_scenario(
    scenario: Scenario,
    source: str | os.PathLike[str] | None = None,
    *,
    args: argparse.Namespace | None = None,
) -> tuple[Gemeente, list[PluginSpec]]:
    """The composition a scenario names, and the same as picklable plugin specs.

    First :func:`check_scenario` (every problem at once, nothing built); then
    each pilot is built once, so that a value its class refuses is reported
    at its parameter (``pilots[0].params.capacity``) before any work is sent
    to a worker.  With no pilots named, every installed plugin; ``args`` (the
    common options) then apply.
    """
    check_scenario(scenario, source, args=args)
    where = None if source is None else os.fspath(source)
    if not scenario.pilots:
        if args is None:
            gemeente = Gemeente(scenario.gemeente)
            _reported(gemeente.load_entry_points)
        else:
            gemeente = compose(args, scenario.gemeente)
        specs = [
            PluginSpec(_entry_point(name, where, "pilots").value, name=name)
            for name in gemeente.plugin_names()
        ]
        return gemeente, specs
    allow = imports_allowed(scenario, args)
    gemeente = Gemeente(scenario.gemeente)
    specs = []
    for i, choice in enumerate(scenario.pilots):
        field = f"pilots[{i}]"
        target, factory, name = _factory(choice, field, where, allow_import=allow)
        params = _arguments(factory, choice.params, choice.plugin, where, f"{field}.params")
        plugin = _build(factory, params, choice.plugin, where, f"{field}.params")
        try:
            gemeente.register(plugin, name, params=params)
        except ValueError as exc:
            raise FileFormatError(
                where, f"{field}.name", _("{problem}; give it another name", problem=str(exc))
            ) from None
        specs.append(PluginSpec(target, params, name))
    return gemeente, specs


def compose_scenario(
    scenario: Scenario,
    source: str | os.PathLike[str] | None = None,
    *,
    args: argparse.Namespace | None = None,
) -> Gemeente:
    """The composition a scenario names (see :func:`resolve_scenario`)."""
    return resolve_scenario(scenario, source, args=args)[0]


def _arguments(
    factory: object, params: Mapping[str, Any], label: str, source: str | None, field: str
) -> dict[str, Any]:
    if not inspect.isclass(factory):
        if params:
            raise FileFormatError(
                source, field, _("{plugin} is not a class: it takes no params", plugin=repr(label))
            )
        return {}
    return plugin_arguments(factory, params, source=source, field=field)


def _build(
    factory: object, arguments: Mapping[str, Any], label: str, source: str | None, field: str
) -> object:
    if not inspect.isclass(factory):
        return factory
    try:
        return factory(**arguments)
    except InvalidValueError as exc:
        blamed = _blamed_parameter(factory, arguments)
        if blamed is None:
            raise FileFormatError(source, field, str(exc)) from None
        raise FileFormatError(source, f"{field}.{blamed}", exc.problem) from None
    except Exception as exc:
        raise PluginError(label, "__init__", exc) from exc


def _blamed_parameter(factory: type, arguments: Mapping[str, Any]) -> str | None:
    """The one parameter that alone makes ``factory`` refuse, if there is one.

    The class names its own field (``Pilot.capaciteit``); the file knows the
    parameter (``capacity``): building with each given parameter alone finds it.
    """
    blamed = []
    for key, value in arguments.items():
        try:
            factory(**{key: value})
        except InvalidValueError:
            blamed.append(key)
        except Exception:  # another parameter is required alongside: no single culprit
            return None
    return blamed[0] if len(blamed) == 1 else None
