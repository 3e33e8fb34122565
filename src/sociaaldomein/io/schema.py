"""JSON Schemas of the file formats, generated from the attrs classes.

``sociaaldomein schema family`` prints :func:`family_schema`; editors that
understand JSON Schema then complete and check a family file as it is typed.
The schema follows the converters: the same field names, enumeration names,
date, money and duration notations.  The converters stay the authority: a few
rules (a BSN-like id, dates in the calendar, cross-field rules such as "size
or file") are checked only by the library.

A TOML file can be checked against the same schema once its dates are turned
into text (TOML has dates of its own; the schema describes JSON).

Given the composition's register (``family_schema(gemeente.feiten)``, as
``sociaaldomein schema family`` does), the family's ``feiten`` table lists
every declared fact with the values it may hold, and each vocabulary list the
declared terms next to the core's members.

A field that holds a core member or a declared term (a staff member's
``rol``, a funding line's ``model``) takes the member's name or a term's code:
without a register any namespaced code (``"wmo.pgb"``), since the file may come
from a composition whose plugins declare it; with one, exactly the codes it
declares.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, get_args

import attrs
import pendulum

from sociaaldomein.domain.feiten import Feit, FeitSoort
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.gezin import FactValue, Gezin, ZrmScores
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.vocabulary import NAMESPACED, VOCABULARIES, Term
from sociaaldomein.io import _scalars
from sociaaldomein.io._types import (
    is_enum,
    is_fixed_tuple,
    is_mapping,
    is_set,
    is_var_tuple,
    member_or_term_of,
    optional_of,
)
from sociaaldomein.io.advice import AdviceCheck
from sociaaldomein.io.converters import VOCABULARY_OF
from sociaaldomein.io.population import CohortParameterFile
from sociaaldomein.io.scenario import Scenario

__all__ = [
    "SCHEMAS",
    "advice_schema",
    "cases_schema",
    "decisions_schema",
    "family_schema",
    "scenario_schema",
    "schema_of",
    "type_schema",
]

DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_LEVEL: Final = {"minimum": 1, "maximum": 5}
# Ranges that validators enforce, which the annotations alone do not show.
_CONSTRAINTS: Final[dict[tuple[str, str], dict[str, Any]]] = {
    **{("ZrmScores", f.name): _LEVEL for f in attrs.fields(ZrmScores)},
    ("Gezin", "id"): {"minLength": 1, "maxLength": 64},
    ("Gezin", "leden"): {"minItems": 1},
    ("Gezin", "aantal_hulpverleners"): {"minimum": 0, "maximum": 1000},
    ("Professional", "fte"): {"minimum": 0, "maximum": 1},
    ("CohortSettings", "size"): {"minimum": 1, "maximum": 10**8},
    ("CohortSettings", "seed"): {"minimum": 0},
    ("SimulationSettings", "months"): {"minimum": 1, "maximum": 600},
    ("SimulationSettings", "runs"): {"minimum": 1, "maximum": 100_000},
    ("SimulationSettings", "seed"): {"minimum": 0},
    ("SimulationSettings", "workers"): {"minimum": 1, "maximum": 1024},
}

_SCALARS: Final[dict[object, dict[str, Any]]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    Decimal: {"type": ["string", "number"], "pattern": _scalars.DECIMAL_PATTERN},
    Money: {
        "type": ["string", "integer"],
        "pattern": _scalars.MONEY_PATTERN,
        "description": 'an amount in euros as text, such as "42000.50"',
    },
    pendulum.Date: {"type": "string", "format": "date", "pattern": _scalars.DATE_PATTERN},
    pendulum.Duration: {
        "type": ["string", "integer"],
        "pattern": _scalars.DURATION_PATTERN,
        "minimum": 0,
        "description": 'an ISO 8601 duration such as "P14D" or "P3M", or a number of days',
    },
}


def _describe(cl: type) -> str:
    doc = inspect.getdoc(cl) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _fact_value(feit: Feit) -> dict[str, Any]:
    soort = feit.soort
    if soort is FeitSoort.NUMBER and feit.bereik is not None:
        return {"type": "integer", "minimum": feit.bereik[0], "maximum": feit.bereik[1]}
    if soort is FeitSoort.CATEGORY:
        return {"enum": list(feit.keuzes)}
    if soort is FeitSoort.FLAGS:
        return {"type": "array", "items": {"enum": list(feit.keuzes)}, "uniqueItems": True}
    kind = {FeitSoort.BOOL: bool, FeitSoort.MONEY: Money, FeitSoort.DATE: pendulum.Date}
    return dict(_SCALARS[kind.get(soort, str)])


def _fact(feit: Feit) -> dict[str, Any]:
    value = _fact_value(feit)
    observed = {
        "type": "object",
        "description": "the value and the day it was observed",
        "properties": {"waarde": value, "datum": dict(_SCALARS[pendulum.Date])},
        "required": ["waarde", "datum"],
        "additionalProperties": False,
    }
    return {"description": f"{feit.omschrijving} [{feit.citation}]", "anyOf": [value, observed]}


class _Builder:
    def __init__(self, feiten: Feitenregister | None = None) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.feiten = feiten or Feitenregister.core()

    def gezin(self, properties: dict[str, Any]) -> None:
        """The family's declared facts and terms, as the register knows them."""
        properties.pop("termen", None)  # written in the vocabulary lists
        declared = self.feiten.declared()
        properties["feiten"] = {
            "type": "object",
            "description": "the facts the composition's plugins declare, by name",
            "properties": {name: _fact(f) for name, f in sorted(declared.items())},
            "additionalProperties": False,
        }
        for vocabulary in VOCABULARIES:
            codes = sorted(self.feiten.terms_of(vocabulary))
            if codes and vocabulary in properties:
                core = properties[vocabulary]["items"]
                properties[vocabulary]["items"] = {"anyOf": [core, {"enum": codes}]}

    def of(self, t: Any) -> dict[str, Any]:
        inner = optional_of(t)
        if inner is not None:
            return {"anyOf": [self.of(inner), {"type": "null"}]}
        if t in _SCALARS:
            return dict(_SCALARS[t])
        if t is Any:
            return {}
        if is_enum(t):
            meaning = "; ".join(f"{name}: {m.value}" for name, m in t.__members__.items())
            return {"enum": list(t.__members__), "title": t.__name__, "description": meaning}
        if t == frozenset[Term]:
            return {}  # never written: terms are in the vocabulary lists
        if t is Term:  # written by its code, as a member by its name
            return {
                "type": "string",
                "pattern": NAMESPACED.pattern,
                "description": "the code of a term a plugin declares (namespace.name)",
            }
        kind = member_or_term_of(t)
        if kind in VOCABULARY_OF:
            return self.member_or_term(kind)
        if typing.get_origin(t) in (typing.Union, types.UnionType):
            return {"anyOf": [self.of(a) for a in get_args(t)]}
        if is_var_tuple(t) or is_set(t):
            return {"type": "array", "items": self.of(get_args(t)[0])}
        if is_fixed_tuple(t):
            parts = [self.of(a) for a in get_args(t)]
            n = len(parts)
            return {"type": "array", "prefixItems": parts, "minItems": n, "maxItems": n}
        if t == dict[str, FactValue]:
            return {"type": "object"}  # the declared facts: see gezin()
        if is_mapping(t):
            args = get_args(t)
            return {"type": "object", "additionalProperties": self.of(args[1]) if args else {}}
        if attrs.has(t):
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")

    def member_or_term(self, kind: type[enum.Enum]) -> dict[str, Any]:
        """A core member by its name, or a declared term by its code (as the converters)."""
        vocabulary = VOCABULARY_OF[kind]
        codes = sorted(self.feiten.terms_of(vocabulary))
        term = (
            {"enum": codes, "description": f"a {vocabulary} the composition's plugins declare"}
            if codes
            else self.of(Term)
        )
        return {
            "anyOf": [self.of(kind), term],
            "description": f"a {kind.__name__} by its name, or the code of a declared "
            f"{vocabulary} (namespace.name)",
        }

    def ref(self, cl: type) -> dict[str, Any]:
        name = cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: a class may refer to itself
            self.defs[name] = self.object(cl)
        return {"$ref": f"#/$defs/{name}"}

    def object(self, cl: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cl)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for a in attrs.fields(cl):
            if not a.init:
                continue
            properties[a.name] = {
                **self.of(hints[a.name]),
                **_CONSTRAINTS.get((cl.__name__, a.name), {}),
            }
            if a.default is attrs.NOTHING:
                required.append(a.name)
            elif not isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                default = _default(a.default)
                if default is not None:
                    properties[a.name]["default"] = default
        if cl is Gezin:
            self.gezin(properties)
        return {
            "type": "object",
            "title": cl.__name__,
            "description": _describe(cl),
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }


def _default(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (str, int, bool)):
        return value
    return None


def schema_of(cl: type, *, title: str, description: str = "") -> dict[str, Any]:
    """A complete schema (with ``$defs``) whose root is the attrs class ``cl``."""
    builder = _Builder()
    root = builder.object(cl)
    return {
        "$schema": DIALECT,
        **root,
        "title": title,
        "description": description or root["description"],
        "$defs": dict(sorted(builder.defs.items())),
    }


def type_schema(
    t: Any, defs: dict[str, dict[str, Any]], feiten: Feitenregister | None = None
) -> dict[str, Any]:
    """The schema of the annotation ``t`` (a scalar, an enumeration, an attrs class ...),
    the definitions of the classes it refers to added to ``defs``.

    For readers written by hand (decision and case files): their fields are
    described with the same notations as the converters' (money, dates,
    durations, a family).
    """
    builder = _Builder(feiten)
    builder.defs = defs
    return builder.of(t)


def family_schema(feiten: Feitenregister | None = None) -> dict[str, Any]:
    """The schema of a family file: ``{"gezin": {...}}`` or ``{"gezinnen": [...]}``.

    ``feiten`` is the composition's register: its declared facts and terms are
    part of the schema (without it, the core's alone).
    """
    builder = _Builder(feiten)
    gezin = builder.ref(Gezin)
    return {
        "$schema": DIALECT,
        "title": "sociaaldomein family file",
        "description": 'One family under "gezin", or a list of families under "gezinnen".',
        "type": "object",
        "oneOf": [
            {
                "properties": {"gezin": gezin},
                "required": ["gezin"],
                "additionalProperties": False,
            },
            {
                "properties": {"gezinnen": {"type": "array", "items": gezin}},
                "required": ["gezinnen"],
                "additionalProperties": False,
            },
        ],
        "$defs": dict(sorted(builder.defs.items())),
    }


def scenario_schema() -> dict[str, Any]:
    """The schema of a scenario file."""
    return schema_of(Scenario, title="sociaaldomein scenario file")


def advice_schema() -> dict[str, Any]:
    """The schema of an advice file (``sociaaldomein mandate PILOT --check``)."""
    return schema_of(AdviceCheck, title="sociaaldomein advice file")


def cohort_params_schema() -> dict[str, Any]:
    """The schema of a cohort parameter file (a municipality's population, each figure cited)."""
    return schema_of(CohortParameterFile, title="sociaaldomein cohort parameter file")


def decisions_schema() -> dict[str, Any]:
    """The schema of a decision file (``[[besluiten]]``), written from its reader's fields."""
    from sociaaldomein.policy.files import besluiten_schema

    return besluiten_schema()


def cases_schema(feiten: Feitenregister | None = None) -> dict[str, Any]:
    """The schema of a case file (``*.cases.toml``), written from its reader's fields;
    an inline family as in :func:`family_schema` (``feiten``: the composition's register)."""
    from sociaaldomein.policy.cases import cases_schema as build

    return build(feiten)


SCHEMAS: Final[dict[str, Callable[[], dict[str, Any]]]] = {
    "family": family_schema,
    "scenario": scenario_schema,
    "advice": advice_schema,
    "cohort-params": cohort_params_schema,
    "decisions": decisions_schema,
    "cases": cases_schema,
}
"""Every file format's schema, by the name ``sociaaldomein schema`` takes."""
