"""The scenario file: which pilots, which families, and how to simulate them.

A scenario names the composition (the gemeente and its pilot plugins, each
with parameters), the cohort (synthetic, or a family file or CSV file) and
the simulation settings.  See ``docs/files.md`` for the layout and examples.

>>> scenario = loads_scenario('''
... gemeente = "Groningen"
... [[pilots]]
... plugin = "gezinsverzorger"
... params = { capacity = 21 }
... [cohort]
... size = 10000
... seed = 1
... [simulation]
... start = 2021-10-01
... months = 24
... ''', "toml")
>>> scenario.simulation.periode().months(), scenario.pilots[0].params
(24, {'capacity': 21})
"""

from __future__ import annotations

import inspect
import os
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pendulum
from cattrs.errors import StructureHandlerNotFoundError

from sociaaldomein._validators import (
    as_date,
    as_decimal,
    between,
    is_date,
    is_decimal,
    non_empty,
    one_of_type,
)
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.periode import Periode
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _
from sociaaldomein.io._paths import ConversionError, join, unknown_field
from sociaaldomein.io._scalars import structure_money
from sociaaldomein.io.converters import Format, structure, unstructure
from sociaaldomein.io.documents import (
    check_input_file,
    dumps_document,
    format_of,
    load_document,
    loads_document,
    with_lines,
    write_document,
)
from sociaaldomein.io.errors import FileFormatError, InputProblemsError, escape_controls
from sociaaldomein.parameters import constraints

__all__ = [
    "CohortSettings",
    "PilotChoice",
    "Scenario",
    "SimulationSettings",
    "design_problems",
    "dumps_scenario",
    "loads_scenario",
    "plugin_arguments",
    "read_scenario",
    "write_scenario",
]

_optional = attrs.validators.optional


def _params(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


def _designs(value: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(k): dict(v) for k, v in value.items()}


@attrs.frozen
class PilotChoice:
    """One plugin of the composition, and the parameters for its class.

    ``plugin`` is the name of an installed plugin (its entry point, such as
    ``"gezinsverzorger"``), or an import path ``"package.module:Class"`` when
    the scenario's ``allow_import`` or the command's ``--allow-import`` allows
    it (an import path runs the code it names).
    ``params`` are passed to the class, each converted to the type its
    ``__init__`` declares (so ``"2021-10-01"`` becomes a date and ``"42000"``
    money).  ``name`` registers the plugin under another name.
    """

    plugin: str = attrs.field(validator=[one_of_type(str), non_empty])
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_params)
    name: str | None = attrs.field(default=None, validator=_optional([one_of_type(str), non_empty]))


@attrs.frozen
class CohortSettings:
    """The families to simulate: synthetic (``size``, ``params``, ``seed``) or from ``file``.

    ``file`` is a family file (``.json``, ``.toml``) or a CSV file; ``params`` a
    cohort parameter file (``.toml``, ``.json``: a municipality's households,
    areas and prevalences, ``docs/files.md``), whose gemeente the synthetic
    families then live in; both are relative to the scenario file.  A
    synthetic cohort has ``size`` families, or with ``params`` and no ``size``
    as many as that gemeente has; without ``params`` it is the synthetic
    Groningen.  A cohort is either synthetic or from ``file``.
    """

    size: int | None = attrs.field(
        default=None, validator=_optional([one_of_type(int), between(1, 10**8)])
    )
    seed: int | None = attrs.field(
        default=None, validator=_optional([one_of_type(int), between(0, 2**63 - 1)])
    )
    file: str | None = attrs.field(default=None, validator=_optional([one_of_type(str), non_empty]))
    params: str | None = attrs.field(
        default=None, validator=_optional([one_of_type(str), non_empty])
    )

    def __attrs_post_init__(self) -> None:
        if self.file is None and self.size is None and self.params is None:
            raise InvalidValueError(
                "CohortSettings.size",
                _("give size or params (a synthetic cohort), or file (families from a file)"),
            )
        if self.file is not None:
            for name in ("size", "params", "seed"):
                if getattr(self, name) is not None:
                    raise InvalidValueError(
                        f"CohortSettings.{name}",
                        _(
                            "give either size or params (a synthetic cohort) or file (families "
                            "from a file), not both: {name} is only for a synthetic cohort",
                            name=name,
                        ),
                    )

    @property
    def synthetic(self) -> bool:
        """Whether the cohort is generated rather than read."""
        return self.file is None

    def path(self, scenario_file: str | os.PathLike[str] | None = None) -> Path | None:
        """The cohort file, relative to the folder of ``scenario_file``; ``None`` if synthetic."""
        return _relative(self.file, scenario_file)

    def params_path(self, scenario_file: str | os.PathLike[str] | None = None) -> Path | None:
        """The cohort parameter file, relative to the folder of ``scenario_file``, if any."""
        return _relative(self.params, scenario_file)


def _relative(name: str | None, scenario_file: str | os.PathLike[str] | None) -> Path | None:
    if name is None:
        return None
    base = Path(scenario_file).parent if scenario_file is not None else Path()
    return base / name


@attrs.frozen
class SimulationSettings:
    """How to run the simulation: from ``start``, ``months`` long, ``runs`` times.

    ``seed`` makes runs reproducible (run ``i`` uses a stream derived from it);
    ``workers`` is the number of processes.  To add a setting, add a field
    *with a default* here and a line to ``docs/files.md``; the converters, the
    JSON Schema and ``sociaaldomein schema scenario`` follow by themselves.
    """

    start: pendulum.Date = attrs.field(converter=as_date, validator=is_date)
    months: int = attrs.field(default=12, validator=[one_of_type(int), between(1, 600)])
    runs: int = attrs.field(default=1, validator=[one_of_type(int), between(1, 100_000)])
    seed: int = attrs.field(default=0, validator=[one_of_type(int), between(0, 2**63 - 1)])
    workers: int = attrs.field(default=1, validator=[one_of_type(int), between(1, 1024)])
    referral_probability: Decimal = attrs.field(
        default=Decimal("0.01"), converter=as_decimal, validator=[is_decimal, between(0, 1)]
    )
    """The chance a month that a family not in a pilot is referred (all pilots assess it)."""
    problem_change_probability: Decimal = attrs.field(
        default=Decimal(0), converter=as_decimal, validator=[is_decimal, between(0, 1)]
    )
    """The chance a month that one of a family's problems appears or resolves."""
    families_return: bool = attrs.field(default=False, validator=one_of_type(bool))
    """Whether a family that leaves comes back home and may be referred again."""
    designs: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, converter=_designs)
    """Per pilot name, fields of its ``sociaaldomein.simulation.PilotDesign``
    (``capacity``, ``priority``, ``cost_per_family_month``, ``budget``...); a cost
    left out, or ``null`` in JSON, is the pilot's own cost model."""

    def periode(self) -> Periode:
        """The simulated period: ``months`` calendar months from ``start``."""
        return Periode.months_from(self.start, self.months)


def _pilots(values: typing.Iterable[PilotChoice]) -> tuple[PilotChoice, ...]:
    return tuple(values)


@attrs.frozen
class Scenario:
    """A scenario: the composition, the cohort and the simulation settings.

    An empty ``pilots`` means every installed plugin.
    """

    cohort: CohortSettings = attrs.field(validator=one_of_type(CohortSettings))
    simulation: SimulationSettings = attrs.field(validator=one_of_type(SimulationSettings))
    gemeente: str = attrs.field(default="Groningen", validator=[one_of_type(str), non_empty])
    pilots: tuple[PilotChoice, ...] = attrs.field(factory=tuple, converter=_pilots)
    description: str = ""
    allow_import: bool = attrs.field(default=False, validator=one_of_type(bool))
    """Whether ``pilots[].plugin`` may be an import path (``"package.module:Class"``).

    Off by default: an import path runs whatever code it names, so a scenario
    file from someone else could run a program of theirs.  Installed plugins
    (entry points) are always allowed.  ``--allow-import`` does the same for one
    command."""


Source = str | os.PathLike[str] | None


def scenario_from_data(data: object, *, source: Source = None, format: Format = "json") -> Scenario:
    """The scenario in a document already parsed into dicts and lists."""
    return structure(data, Scenario, source=source, format=format)


def loads_scenario(
    text: str | bytes, format: Format = "json", *, source: Source = None
) -> Scenario:
    """The scenario in the text of a scenario document."""
    data = loads_document(text, format, source=source)
    return scenario_from_data(data, source=source, format=format)


def read_scenario(path: str | os.PathLike[str]) -> Scenario:
    """The scenario in the file ``path``; its cohort file, if any, must exist."""
    data, format = load_document(path)
    try:
        scenario = scenario_from_data(data, source=path, format=format)
    except FileFormatError as exc:
        raise InputProblemsError(with_lines(exc)) from None
    cohort = scenario.cohort.path(path)
    if cohort is not None and cohort.suffix.lower() not in (".csv", ".json", ".toml"):
        problem = _(
            "must be a .csv file or a family file (.json, .toml), got {name}",
            name=repr(cohort.name),
        )
        raise FileFormatError(path, "cohort.file", problem)
    params = scenario.cohort.params_path(path)
    if params is not None and params.suffix.lower() not in (".json", ".toml"):
        problem = _(
            "must be a cohort parameter file (.toml, .json), got {name}", name=repr(params.name)
        )
        raise FileFormatError(path, "cohort.params", problem)
    for field, file in (("cohort.file", cohort), ("cohort.params", params)):
        if file is None:
            continue
        try:
            check_input_file(file)
        except FileFormatError as exc:
            missing = exc.problem == "no such file"
            problem = (
                _("no such file: {file}", file=str(file))
                if missing
                else _("{file} {problem}", file=str(file), problem=exc.problem)
            )
            raise FileFormatError(path, field, problem) from None
    return scenario


def dumps_scenario(scenario: Scenario, format: Format = "json") -> str:
    """The scenario as the text of a scenario document."""
    return dumps_document(unstructure(scenario, format), format)


def write_scenario(path: str | os.PathLike[str], scenario: Scenario) -> None:
    """Write a scenario file; the suffix of ``path`` chooses the format."""
    write_document(path, unstructure(scenario, format_of(path)))


def plugin_arguments(
    factory: Callable[..., object],
    params: Mapping[str, Any],
    *,
    source: Source = None,
    field: str = "params",
) -> dict[str, Any]:
    """``params`` converted to the types that ``factory`` (a plugin class) declares.

    An unknown parameter or a missing required one is a :class:`FileFormatError`
    at ``field``; a parameter whose type cannot be read from a file is passed as it is.
    """
    try:
        signature = inspect.signature(factory)
    except (TypeError, ValueError):
        return dict(params)
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    named = {n: p for n, p in signature.parameters.items() if p.kind in kinds}
    open_ended = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values())
    try:
        target = factory.__init__ if inspect.isclass(factory) else factory
        hints = typing.get_type_hints(target, include_extras=True)
    except Exception:  # hints that do not resolve at run time: pass the values as they are
        hints = {}
    owner = getattr(factory, "__name__", "the plugin")
    problems: list[tuple[str, str]] = []
    out: dict[str, Any] = {}
    for key, value in params.items():
        if key not in named and not open_ended:
            problems.append((join(field, key), unknown_field(key, named, f"{owner}()")))
            continue
        hint, limits = constraints(hints.get(key))
        try:
            out[key] = value if hint in (None, Any) else structure(value, hint, source=source)
            problems += [
                (join(field, key), problem)
                for limit in limits
                if (problem := limit.problem(out[key])) is not None
            ]
        except FileFormatError as exc:
            for sub, problem in ((exc.field, exc.problem), *exc.others):
                problems.append((join(field, key) + _tail(sub), problem))
        except (StructureHandlerNotFoundError, TypeError):
            out[key] = value
    for name, parameter in named.items():
        if parameter.default is inspect.Parameter.empty and name not in params:
            problems.append((join(field, name), _("is required by {owner}()", owner=owner)))
    if problems:
        (first, problem), *others = problems
        raise FileFormatError(source, first, problem, others=others)
    return out


def _tail(sub: str) -> str:
    return "" if not sub else sub if sub.startswith("[") else f".{sub}"


def design_problems(
    designs: Mapping[str, Mapping[str, Any]],
    design: type,
    *,
    field: str = "simulation.designs",
) -> list[tuple[str, str]]:
    """Every problem in ``designs`` (``simulation.designs``) as ``(field path, problem)``.

    ``design`` is the attrs class each table describes (the simulation's
    ``PilotDesign``; the simulation sits above this package, so its caller
    names it).  Each value is checked as a file gives it: money by the file
    rules (text such as ``"42000.50"`` or a whole number; never a number with
    a decimal point, an exponent, NaN or more than 15 digits), then by the
    class's own validators, one field at a time, so that every problem is named.
    """
    names = {a.name: a for a in attrs.fields(design) if a.init}
    try:
        hints = typing.get_type_hints(design)
    except Exception:  # pragma: no cover - the design class's hints resolve
        hints = {}
    problems: list[tuple[str, str]] = []
    for pilot, values in designs.items():
        base = join(field, str(pilot))
        for key, value in values.items():
            path = join(base, str(key))
            if key not in names:
                problems.append((path, unknown_field(str(key), names, design.__name__)))
                continue
            problem = _design_value_problem(design, key, value, hints.get(key))
            if problem is not None:
                problems.append((path, problem))
    return problems


def _design_value_problem(design: type, key: str, value: object, hint: object) -> str | None:
    if value is not None and (hint is Money or Money in typing.get_args(hint)):
        try:
            value = structure_money(value)
        except ConversionError as exc:
            return exc.problem
    if isinstance(value, Decimal) and not value.is_finite():
        return f"must be a finite number, got {value}"
    try:
        design(**{key: value})
    except InvalidValueError as exc:
        return exc.problem
    except (TypeError, ValueError, ArithmeticError) as exc:
        return f"cannot be used: {escape_controls(str(exc))}"
    return None
