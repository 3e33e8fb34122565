"""Decisions from a TOML file: ``[[besluiten]]`` with their ``[[besluiten.wijzigingen]]``.

A decision file is data: every value is checked against the field it is
given for, and nothing in it is imported or run.  A problem names the file,
the line and the field (``besluiten[0].wijzigingen[1].vanaf``)::

    [[besluiten]]
    orgaan = "raad"                       # or "college"
    datum = 2022-06-29
    kenmerk = "RB 2022-07"
    bron = { letter = "raadsbesluit-2022-07.txt", section = "Besluit 1" }

    [[besluiten.wijzigingen]]
    soort = "parameter"                   # parameter, regel, kosten, financiering, looptijd
    pilot = "gezinsverzorger"
    parameter = "capaciteit"
    waarde = 15
    vanaf = 2022-07-01

>>> text = '''
... [[besluiten]]
... orgaan = "college"
... datum = 2022-06-01
... kenmerk = "CB 12"
... bron = { letter = "collegebesluit-12.txt", section = "Besluit" }
... [[besluiten.wijzigingen]]
... soort = "kosten"
... pilot = "gezinsverzorger"
... factor = "1.2"
... vanaf = 2022-07-01
... '''
>>> [str(b) for b in loads_besluiten(text)]
['collegebesluit CB 12 of 2022-06-01']
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import pendulum

from sociaaldomein.domain.besluit import (
    Besluit,
    Financiering,
    KostenWijziging,
    LooptijdWijziging,
    Orgaan,
    ParameterWijziging,
    RegelWijziging,
    Wijziging,
)
from sociaaldomein.domain.budget import Budgetregel, Financieringsmodel
from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.periode import Periode
from sociaaldomein.domain.rules import Compare, OneOf, Rule
from sociaaldomein.domain.vocabulary import NAMESPACED, Term
from sociaaldomein.errors import InvalidValueError

__all__ = [
    "BESLUIT_FIELDS",
    "CHANGE_FIELDS",
    "apply_file",
    "besluiten_schema",
    "load_besluiten",
    "loads_besluiten",
    "parse_besluiten",
    "table_schema",
    "value_kinds",
]

Path = str | os.PathLike[str]

# The fields of each table of a decision file, with the kind of value each holds
# and whether it is required.  The reader allows exactly these fields, and
# :func:`besluiten_schema` is written from them: a field is never in one only.
Fields = Mapping[str, tuple[str, bool]]

CITATION_FIELDS: Final[Fields] = {
    "letter": ("text", True),
    "section": ("text", True),
    "quote": ("text", False),
}
RULE_FIELDS: Final[Fields] = {
    "feit": ("fact", True),
    "op": ("operator", False),
    "waarde": ("integer", False),
    "een_van": ("texts", False),
}
_VANAF: Final = ("date", True)
CHANGE_FIELDS: Final[Mapping[str, Fields]] = {
    "parameter": {
        "pilot": ("text", True),
        "parameter": ("text", True),
        "waarde": ("any", True),
        "vanaf": _VANAF,
    },
    "regel": {
        "pilot": ("text", True),
        "regel": ("rule", True),
        "vanaf": _VANAF,
        "aanvulling": ("bool", False),
    },
    "kosten": {"pilot": ("text", True), "factor": ("decimal", True), "vanaf": _VANAF},
    "financiering": {
        "pilot": ("text", True),
        "omschrijving": ("text", True),
        "bedrag": ("money", True),
        "financier": ("text", True),
        "model": ("financieringsmodel", True),
        "jaar": ("year", False),
        "van": ("date", False),
        "tot": ("date", False),
    },
    "looptijd": {"pilot": ("text", True), "eind": ("date", True)},
}
"""Per ``soort`` of change the fields besides ``soort`` itself."""
BESLUIT_FIELDS: Final[Fields] = {
    "orgaan": ("orgaan", True),
    "datum": ("date", True),
    "kenmerk": ("text", True),
    "bron": ("citation", True),
    "onderwerp": ("text", False),
    "wijzigingen": ("changes", True),
}
ORGANEN: Final = {"raad": Orgaan.RAAD, "college": Orgaan.COLLEGE}


class _ProblemError(Exception):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field, self.problem = field, problem


def _listed(names: Iterable[str]) -> str:
    *most, last = names
    return f"{', '.join(most)} or {last}"


def _table(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _ProblemError(field, f"must be a table, got {type(value).__name__}")
    return value


def _only(table: Mapping[str, Any], field: str, allowed: Sequence[str]) -> None:
    for key in table:
        if key not in allowed:
            raise _ProblemError(f"{field}.{key}", f"unknown field; allowed: {', '.join(allowed)}")


def _need(table: Mapping[str, Any], key: str, field: str) -> Any:
    if key not in table:
        raise _ProblemError(f"{field}.{key}", "is required")
    return table[key]


def _text(table: Mapping[str, Any], key: str, field: str, default: str | None = None) -> str:
    value = table.get(key, default) if default is not None else _need(table, key, field)
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise _ProblemError(f"{field}.{key}", f"must be text, got {value!r}")
    return value


def _date(table: Mapping[str, Any], key: str, field: str) -> pendulum.Date:
    value = _need(table, key, field)
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise _ProblemError(f"{field}.{key}", f"must be a date such as 2022-07-01, got {value!r}")
    return pendulum.date(value.year, value.month, value.day)


def _decimal(table: Mapping[str, Any], key: str, field: str) -> Decimal:
    value = _need(table, key, field)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _ProblemError(
            f"{field}.{key}", f'must be a whole number or text such as "1.2", got {value!r}'
        )
    from sociaaldomein.io._scalars import DECIMAL_PATTERN

    if isinstance(value, str) and not re.fullmatch(DECIMAL_PATTERN, value):
        raise _ProblemError(f"{field}.{key}", f"must be a number, got {value!r}")
    return Decimal(value)


def _citation(value: object, field: str) -> Citation:
    table = _table(value, field)
    _only(table, field, tuple(CITATION_FIELDS))
    return Citation(
        _text(table, "letter", field),
        _text(table, "section", field),
        _text(table, "quote", field, ""),
    )


def _rule(value: object, field: str, bron: Citation) -> Rule:
    from sociaaldomein.domain.feiten import FEITEN

    table = _table(value, field)
    _only(table, field, tuple(RULE_FIELDS))
    name = _text(table, "feit", field)
    try:
        feit = FEITEN[name]
    except (KeyError, LookupError):
        raise _ProblemError(f"{field}.feit", f"unknown fact {name!r}") from None
    if "een_van" in table:
        labels = table["een_van"]
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise _ProblemError(f"{field}.een_van", "must be a list of text")
        return OneOf(feit, labels, source=bron)
    amount = _need(table, "waarde", field)
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise _ProblemError(f"{field}.waarde", f"must be a whole number, got {amount!r}")
    return Compare(feit, _text(table, "op", field), amount, source=bron)


def _change(
    value: object, field: str, bron: Citation, feiten: Feitenregister | None = None
) -> Wijziging:
    table = _table(value, field)
    kind = _text(table, "soort", field)
    if kind not in CHANGE_FIELDS:
        raise _ProblemError(
            f"{field}.soort", f"unknown change {kind!r}; use {_listed(CHANGE_FIELDS)}"
        )
    _only(table, field, ("soort", *CHANGE_FIELDS[kind]))
    pilot = _text(table, "pilot", field)
    if kind == "parameter":
        waarde = _need(table, "waarde", field)
        return ParameterWijziging(
            pilot, _text(table, "parameter", field), waarde, _date(table, "vanaf", field)
        )
    if kind == "regel":
        extra = table.get("aanvulling", False)
        if not isinstance(extra, bool):
            raise _ProblemError(f"{field}.aanvulling", f"must be true or false, got {extra!r}")
        rule = _rule(_need(table, "regel", field), f"{field}.regel", bron)
        vanaf = _date(table, "vanaf", field)
        if extra:
            return RegelWijziging(pilot, rule, vanaf, "aanvulling")
        return RegelWijziging(pilot, rule, vanaf, "vervang")
    if kind == "kosten":
        return KostenWijziging(
            pilot, _decimal(table, "factor", field), _date(table, "vanaf", field)
        )
    if kind == "looptijd":
        return LooptijdWijziging(pilot, _date(table, "eind", field))
    if kind == "financiering":
        jaar = table.get("jaar")
        if jaar is not None and (isinstance(jaar, bool) or not isinstance(jaar, int)):
            raise _ProblemError(f"{field}.jaar", f"must be a year such as 2023, got {jaar!r}")
        periode = None
        if "van" in table or "tot" in table:
            periode = Periode(_date(table, "van", field), _date(table, "tot", field))
        bedrag = _need(table, "bedrag", field)
        from sociaaldomein.io._scalars import MONEY_PATTERN

        exact = isinstance(bedrag, int | str) and not isinstance(bedrag, bool)
        if not exact or not re.fullmatch(MONEY_PATTERN, str(bedrag)):
            raise _ProblemError(
                f"{field}.bedrag", f'money is text such as "42000.50", got {bedrag!r}'
            )
        regel = Budgetregel(
            pilot,
            _text(table, "omschrijving", field),
            Money(Decimal(bedrag)),
            _text(table, "financier", field),
            _model(_text(table, "model", field), f"{field}.model", feiten),
            jaar=jaar,
            periode=periode,
            bron=bron,
        )
        return Financiering(regel)
    raise AssertionError(f"no reader for the change {kind!r}")  # CHANGE_FIELDS names it


def _model(code: str, field: str, feiten: Feitenregister | None) -> Financieringsmodel | Term:
    # A core model by name, or one a plugin declares (schuldhulp.saneringskrediet).
    register = Feitenregister.core() if feiten is None else feiten
    try:
        return register.member_or_term(Financieringsmodel, "financieringsmodel", code, field=field)
    except InvalidValueError as exc:
        raise _ProblemError(field, exc.problem) from None


def _besluit(value: object, field: str, feiten: Feitenregister | None = None) -> Besluit:
    table = _table(value, field)
    _only(table, field, tuple(BESLUIT_FIELDS))
    body = _text(table, "orgaan", field)
    if body not in ORGANEN:
        raise _ProblemError(f"{field}.orgaan", f"must be 'raad' or 'college', got {body!r}")
    bron = _citation(_need(table, "bron", field), f"{field}.bron")
    changes = _need(table, "wijzigingen", field)
    if not isinstance(changes, list) or not changes:
        raise _ProblemError(f"{field}.wijzigingen", "must list at least one change")
    parsed = [
        _guard(_change, c, f"{field}.wijzigingen[{i}]", bron, feiten) for i, c in enumerate(changes)
    ]
    return Besluit(
        ORGANEN[body],
        _date(table, "datum", field),
        _text(table, "kenmerk", field),
        bron,
        parsed,
        _text(table, "onderwerp", field, ""),
    )


def _guard(parse: Callable[..., Any], value: object, field: str, *args: Any) -> Any:
    """``parse`` with a value a domain type refuses reported at ``field``."""
    try:
        return parse(value, field, *args)
    except InvalidValueError as exc:
        raise _ProblemError(field, str(exc)) from None


def parse_besluiten(
    data: object, source: Path | None = None, *, feiten: Feitenregister | None = None
) -> list[Besluit]:
    """The decisions of a parsed document (``{"besluiten": [...]}``), checked field by field.

    A funding model is a core one or one that a plugin of ``feiten`` (the
    composition's register, ``gemeente.feiten``) declares.
    """
    from sociaaldomein.io.documents import located
    from sociaaldomein.io.errors import FileFormatError

    try:
        table = _table(data, "")
        _only(table, "", ("besluiten",))
        items = _need(table, "besluiten", "")
        if not isinstance(items, list) or not items:
            raise _ProblemError("besluiten", "must list at least one decision ([[besluiten]])")
        return [_guard(_besluit, b, f"besluiten[{i}]", feiten) for i, b in enumerate(items)]
    except _ProblemError as problem:
        where = problem.field.lstrip(".")
        if source is None:
            raise FileFormatError(None, where, problem.problem) from None
        raise located(source, [(where, problem.problem)])[0] from None


def loads_besluiten(
    text: str, source: Path | None = None, *, feiten: Feitenregister | None = None
) -> list[Besluit]:
    """The decisions in TOML ``text``."""
    from sociaaldomein.io.documents import loads_document

    return parse_besluiten(loads_document(text, "toml", source=source), source, feiten=feiten)


def load_besluiten(path: Path, *, feiten: Feitenregister | None = None) -> list[Besluit]:
    """The decisions in the TOML file ``path``."""
    from sociaaldomein.io.documents import load_document

    data, _ = load_document(path, ("toml",))
    return parse_besluiten(data, path, feiten=feiten)


def apply_file(gemeente: Any, path: Path) -> list[Besluit]:
    """Read the decisions in ``path`` and apply them to ``gemeente``, in order.

    A change the composition refuses (an unknown pilot or parameter, a value
    the plugin refuses) is reported at its field in the file; decisions
    applied before it stay applied.
    """
    from sociaaldomein.errors import UnknownPilotError
    from sociaaldomein.io.documents import located

    found = load_besluiten(path, feiten=gemeente.feiten)
    for i, besluit in enumerate(found):
        try:
            gemeente.apply(besluit)
        except InvalidValueError as exc:
            field = f"besluiten[{i}].{exc.field}" if exc.field.startswith("wijz") else exc.field
            raise located(path, [(field, exc.problem)])[0] from None
        except UnknownPilotError as exc:
            at = next(j for j, c in enumerate(besluit.wijzigingen) if c.pilot == exc.name)
            raise located(path, [(f"besluiten[{i}].wijzigingen[{at}].pilot", str(exc))])[
                0
            ] from None
    return found


def table_schema(
    fields: Fields, kinds: Mapping[str, dict[str, Any]], title: str = ""
) -> dict[str, Any]:
    """The JSON Schema of a table with ``fields``, each kind of value as ``kinds`` says."""
    out: dict[str, Any] = {
        "type": "object",
        "properties": {name: dict(kinds[kind]) for name, (kind, _) in fields.items()},
        "required": [name for name, (_, required) in fields.items() if required],
        "additionalProperties": False,
    }
    return {"title": title, **out} if title else out


def value_kinds(defs: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The kinds of value of the hand-written readers, in the converters' notations."""
    from sociaaldomein.domain.feiten import FEITEN
    from sociaaldomein.domain.rules import _OPS  # the operators Compare accepts
    from sociaaldomein.io import _scalars
    from sociaaldomein.io.schema import type_schema

    return {
        "text": {"type": "string", "pattern": r"\S"},
        "date": type_schema(pendulum.Date, defs),
        "decimal": {"type": ["string", "integer"], "pattern": _scalars.DECIMAL_PATTERN},
        "money": type_schema(Money, defs),
        "year": {"type": "integer", "minimum": 1900, "maximum": 2200},
        "bool": {"type": "boolean"},
        "integer": {"type": "integer"},
        "any": {"description": "a value the plugin's parameter accepts"},
        "texts": {"type": "array", "items": {"type": "string"}},
        "fact": {"enum": sorted(FEITEN.all()), "description": "a built-in fact, by name"},
        "operator": {"enum": list(_OPS)},
        "orgaan": {"enum": list(ORGANEN)},
        "financieringsmodel": {
            "anyOf": [
                {"enum": list(Financieringsmodel.__members__)},
                {"type": "string", "pattern": NAMESPACED.pattern},
            ],
            "description": (
                "how the pilot is funded: a Financieringsmodel by name, or the code of one "
                "a plugin declares (namespace.name), checked when the decisions are applied"
            ),
        },
    }


def besluiten_schema() -> dict[str, Any]:
    """The JSON Schema of a decision file, written from the fields the reader allows.

    The reader stays the authority: whether a pilot, a parameter or a value
    exists in the composition is checked only when the decisions are applied.
    """
    from sociaaldomein.io.schema import DIALECT

    defs: dict[str, dict[str, Any]] = {}
    kinds = value_kinds(defs)
    kinds["citation"] = {"$ref": "#/$defs/Bron"}
    kinds["rule"] = {"$ref": "#/$defs/Regel"}
    kinds["changes"] = {
        "type": "array",
        "minItems": 1,
        "items": {"oneOf": [{"$ref": f"#/$defs/{kind}"} for kind in CHANGE_FIELDS]},
    }
    defs["Bron"] = table_schema(CITATION_FIELDS, kinds, "the decision's citation")
    rule = table_schema(RULE_FIELDS, kinds, "a fact compared with a number, or one of a list")
    defs["Regel"] = {**rule, "anyOf": [{"required": ["een_van"]}, {"required": ["op", "waarde"]}]}
    for kind, fields in CHANGE_FIELDS.items():
        kinds["soort"] = {"const": kind}
        change = table_schema({"soort": ("soort", True), **fields}, kinds, f"change: {kind}")
        if kind == "financiering":  # a year or a period (both its ends), not both
            change["dependentRequired"] = {"van": ["tot"], "tot": ["van"]}
            change["oneOf"] = [{"required": ["jaar"]}, {"required": ["van"]}]
        defs[kind] = change
    return {
        "$schema": DIALECT,
        "title": "sociaaldomein decision file",
        "description": "Council and college decisions that change pilots from a date.",
        "type": "object",
        "properties": {
            "besluiten": {
                "type": "array",
                "minItems": 1,
                "items": table_schema(BESLUIT_FIELDS, kinds, "a decision"),
            }
        },
        "required": ["besluiten"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
