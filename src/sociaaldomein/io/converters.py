"""cattrs converters between the domain types and JSON and TOML data.

Two converters share one set of rules; they differ only where the formats do:

* :data:`json_converter` writes dates as ``"2021-10-01"`` and ``None`` as ``null``;
* :data:`toml_converter` writes dates as TOML dates and leaves out fields that
  are ``None`` (TOML has no null); reading, a missing optional field is ``None``.

The rules, the same for both:

* dates are ISO 8601 calendar dates (``"2021-10-01"``), from 1900 to 2199;
* money is text with a decimal point (``"42000.50"``) or a whole number; a
  number with a decimal point is a float to JSON and TOML, and is refused;
* other decimals (``fte``, ``volume``) are written as text, and read from text,
  whole numbers or numbers with a point, which the readers keep exact;
* enumeration members are written by name (``"SCHULDEN"``);
* a field that holds a core member or a declared term (``Professional.rol``,
  ``Budgetregel.model``, ``FundingRow.model``: ``Rol | Term``,
  ``Financieringsmodel | Term``) is written as the member's name or the term's
  code (``"LUMPSUM"``, ``"wmo.pgb"``), as ``budget --json`` writes it.  Read,
  a member's name is the member; a term's code is the declared term of the
  composition's register passed as ``feiten=`` (:func:`structure`), and without
  one it is refused, saying so: a term is more than its code (its label and the
  letter it comes from are in its declaration), so the reader does not make one up;
* durations are ISO 8601 (``"P14D"``, ``"P2W"``, ``"P3M"``) or a number of days;
* sets are lists, written sorted; tuples are lists;
* a :class:`~sociaaldomein.domain.citation.Citation` is ``{letter, section, quote}``;
* an unknown field is refused, naming it; a missing required field too.

:func:`structure` turns data into a domain value and raises
:class:`~sociaaldomein.io.errors.FileFormatError` naming the field path; the
converters themselves raise cattrs' own errors, so prefer the function.

>>> from sociaaldomein.domain.citation import Citation
>>> structure({"letter": "000.txt", "section": "Kosten pilot"}, Citation)
Citation(letter='000.txt', section='Kosten pilot', quote='')
>>> structure({"letter": "000.txt"}, Citation, source="bron.json")
Traceback (most recent call last):
    ...
sociaaldomein.io.errors.FileFormatError: bron.json: section: is required

A declared role or funding model is read against the register that declares it:

>>> from sociaaldomein.domain.budget import Financieringsmodel
>>> from sociaaldomein.domain.feitenregister import Feitenregister
>>> from sociaaldomein.domain.vocabulary import Term
>>> pgb = Term("financieringsmodel", "wmo.pgb", "pgb", bron=Citation("wmo.txt", "4"))
>>> register = Feitenregister.core().declare([pgb], by="wmo")
>>> structure("wmo.pgb", Financieringsmodel | Term, feiten=register) is pgb
True
>>> structure("LUMPSUM", Financieringsmodel | Term)
<Financieringsmodel.LUMPSUM: 'lumpsum'>
>>> unstructure(pgb, as_type=Financieringsmodel | Term)
'wmo.pgb'
"""

from __future__ import annotations

import datetime
import enum
import os
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from typing import Any, Final, Literal, TypeVar, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.errors import BaseValidationError, ClassValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from sociaaldomein import i18n
from sociaaldomein.domain.budget import Financieringsmodel
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.domain.gezin import FactValue, Gezin
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.professional import Rol
from sociaaldomein.domain.vocabulary import NAMESPACED, Term
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.io import _scalars
from sociaaldomein.io._paths import ConversionError, PartsError, describe, flatten, unknown_field
from sociaaldomein.io._types import (
    is_enum,
    is_fixed_tuple,
    is_mapping,
    is_set,
    is_var_tuple,
    member_or_term_of,
    optional_of,
)
from sociaaldomein.io.errors import FileFormatError

__all__ = [
    "Format",
    "converter_for",
    "file_error",
    "json_converter",
    "reading_terms",
    "structure",
    "toml_converter",
    "unstructure",
]

T = TypeVar("T")
Format = Literal["json", "toml"]
Structure = Callable[[Any, Any], Any]

VOCABULARY_OF: Final[dict[type[enum.Enum], str]] = {
    Rol: "rol",
    Financieringsmodel: "financieringsmodel",
}
"""The open vocabulary whose terms stand next to each enumeration's members."""

# The register a declared term's code is read against, for the structuring under
# way (see reading_terms); the converters are shared, the register is the caller's.
_REGISTER: ContextVar[Feitenregister | None] = ContextVar("sociaaldomein_io_register", default=None)


@contextmanager
def reading_terms(feiten: Feitenregister | None) -> Iterator[None]:
    """Within the block, the converters read a declared term's code against ``feiten``.

    :func:`structure` does this for its ``feiten=``; use it when calling a
    converter directly.  ``None`` leaves the register as it is.
    """
    if feiten is None:
        yield
        return
    token = _REGISTER.set(feiten)
    try:
        yield
    finally:
        _REGISTER.reset(token)


class _Lazy:
    """The structure function for ``t``, looked up on first use (recursive types)."""

    def __init__(self, converter: cattrs.Converter, t: Any) -> None:
        self._converter = converter
        self.type = t
        self._fn: Structure | None = None

    def __call__(self, value: object) -> Any:
        if self._fn is None:
            self._fn = self._converter.get_structure_hook(self.type)
        return self._fn(value, self.type)


def _items(value: object, *, sets: bool = False) -> list[Any]:
    if isinstance(value, (list, tuple)) or (sets and isinstance(value, (set, frozenset))):
        return list(value)
    raise ConversionError(i18n._("must be a list, got {value}", value=describe(value)))


def _structure_each(items: list[Any], item: _Lazy) -> list[Any]:
    out: list[Any] = []
    errors: list[tuple[str | int, BaseException]] = []
    for i, value in enumerate(items):
        try:
            out.append(item(value))
        except Exception as exc:  # reported with its index, never raised bare
            errors.append((i, exc))
    if errors:
        raise PartsError(errors)
    return out


def _var_tuple(t: Any, converter: cattrs.Converter) -> Structure:
    item = _Lazy(converter, get_args(t)[0])
    return lambda value, _: tuple(_structure_each(_items(value), item))


def _set(t: Any, converter: cattrs.Converter) -> Structure:
    item = _Lazy(converter, get_args(t)[0])
    return lambda value, _: frozenset(_structure_each(_items(value, sets=True), item))


def _fixed_tuple(t: Any, converter: cattrs.Converter) -> Structure:
    parts = [_Lazy(converter, a) for a in get_args(t)]

    def structure(value: object, _: object) -> tuple[Any, ...]:
        items = _items(value)
        if len(items) != len(parts):
            raise ConversionError(f"must be a list of {len(parts)} values, got {len(items)}")
        errors: list[tuple[str | int, BaseException]] = []
        out: list[Any] = []
        for i, (part, item) in enumerate(zip(parts, items, strict=True)):
            try:
                out.append(part(item))
            except Exception as exc:
                errors.append((i, exc))
        if errors:
            raise PartsError(errors)
        return tuple(out)

    return structure


def _mapping(t: Any, converter: cattrs.Converter) -> Structure:
    args = get_args(t)
    item = _Lazy(converter, args[1] if len(args) == 2 else Any)

    def structure(value: object, _: object) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise ConversionError(
                i18n._("must be an object (a table in TOML), got {value}", value=describe(value))
            )
        out: dict[str, Any] = {}
        errors: list[tuple[str | int, BaseException]] = []
        for key, v in value.items():
            if not isinstance(key, str):
                errors.append((str(key), ConversionError("keys must be text")))
                continue
            try:
                out[key] = v if item.type is Any else item(v)
            except Exception as exc:
                errors.append((key, exc))
        if errors:
            raise PartsError(errors)
        return out

    return structure


def _optional(t: Any, converter: cattrs.Converter) -> Structure:
    inner = _Lazy(converter, optional_of(t))
    return lambda value, _: None if value is None else inner(value)


def _is_member_or_term(t: object) -> bool:
    return member_or_term_of(t) in VOCABULARY_OF


def _member_or_term(t: Any, converter: cattrs.Converter) -> Structure:
    kind = member_or_term_of(t)
    assert kind is not None
    vocabulary = VOCABULARY_OF[kind]

    def structure(value: object, _: object) -> Any:
        if isinstance(value, kind):
            return value
        if isinstance(value, Term):  # Python data may hold the term itself
            if value.vocabulary != vocabulary:
                raise ConversionError(
                    f"{value.code!r} is a term of {value.vocabulary}, not of {vocabulary}"
                )
            return value
        register = _REGISTER.get()
        if register is not None:
            try:
                return register.member_or_term(kind, vocabulary, typing.cast(str, value))
            except InvalidValueError as exc:
                raise ConversionError(exc.problem) from None
        if isinstance(value, str) and NAMESPACED.match(value):
            raise ConversionError(
                f"{value!r} is not a {kind.__name__}; a declared {vocabulary} is read against "
                "the composition's register: pass feiten=gemeente.feiten"
            )
        return _scalars.structure_enum(value, kind)

    return structure


def _attrs_class(cl: Any, converter: cattrs.Converter, *, toml: bool) -> Structure:
    fields = [a for a in attrs.fields(cl) if a.init]
    names = [a.name for a in fields]
    required = [a.name for a in fields if a.default is attrs.NOTHING]
    hints = typing.get_type_hints(cl)
    # TOML has no null: there a missing optional field without a default is None.
    none_if_missing = [n for n in required if toml and optional_of(hints[n]) is not None]
    base = make_dict_structure_fn(
        cl, converter, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=True
    )

    def structure(value: object, _: object) -> Any:
        if not isinstance(value, Mapping):
            raise ConversionError(
                i18n._(
                    "must be an object (a table in TOML) with the fields of {cls}, got {value}",
                    cls=cl.__name__,
                    value=describe(value),
                )
            )
        if none_if_missing:
            value = {**dict.fromkeys(none_if_missing), **value}
        errors: list[tuple[str | int, BaseException]] = [
            (str(key), ConversionError(unknown_field(str(key), names, cl.__name__)))
            for key in value
            if key not in names
        ]
        errors += [(n, ConversionError(i18n._("is required"))) for n in required if n not in value]
        if errors:
            # The class cannot be built, but the fields that are there are still
            # checked, so that one pass names every problem.
            for name in names:
                if name in value and value[name] is not None:
                    try:
                        converter.structure(value[name], hints[name])
                    except Exception as exc:
                        errors.append((name, exc))
            raise PartsError(errors)
        try:
            return base(value, cl)
        except InvalidValueError as exc:
            # Older cattrs let the class's own error through unwrapped; wrap it
            # the way newer ones do, so its field maps onto the document's path.
            raise ClassValidationError(f"While structuring {cl.__name__}", [exc], cl) from None

    return structure


def _unstructure_attrs(cl: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    # Fields that are not arguments (Lumpsum.bedrag) are derived: not written.
    omit: dict[str, Any] = {a.name: override(omit=True) for a in attrs.fields(cl) if not a.init}
    return make_dict_unstructure_fn(cl, converter, **omit)


def _is_tuple(t: object) -> bool:
    return t is tuple or get_origin(t) is tuple


def _sorted(values: list[Any]) -> list[Any]:
    try:
        return sorted(values)
    except TypeError:
        return sorted(values, key=repr)


def _declared_value(value: object, _: object) -> Any:
    # A declared fact's type is the composition's: sociaaldomein.io.family reads it.
    raise ConversionError(
        "a declared fact is read against the composition's facts: read the family file "
        "with read_gezinnen(path, feiten=gemeente.feiten)"
    )


def _declared_term(value: object, _: object) -> Any:
    raise ConversionError(
        "a declared term is written in its vocabulary's list (problemen = [...]) and read "
        "with read_gezinnen(path, feiten=gemeente.feiten)"
    )


def _make(*, toml: bool) -> cattrs.Converter:
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=False)
    c.register_structure_hook(str, _scalars.structure_str)
    c.register_structure_hook(bool, _scalars.structure_bool)
    c.register_structure_hook(int, _scalars.structure_int)
    c.register_structure_hook(Decimal, _scalars.structure_decimal)
    c.register_structure_hook(Money, _scalars.structure_money)
    c.register_structure_hook(pendulum.Date, _scalars.structure_date)
    c.register_structure_hook(pendulum.Duration, _scalars.structure_duration)
    c.register_structure_hook_func(is_enum, _scalars.structure_enum)
    c.register_structure_hook_factory(_is_member_or_term, _member_or_term)
    c.register_structure_hook_factory(lambda t: optional_of(t) is not None, _optional)
    c.register_structure_hook_factory(is_var_tuple, _var_tuple)
    c.register_structure_hook_factory(is_fixed_tuple, _fixed_tuple)
    c.register_structure_hook_factory(is_set, _set)
    c.register_structure_hook_factory(is_mapping, _mapping)
    c.register_structure_hook_factory(attrs.has, lambda cl, c: _attrs_class(cl, c, toml=toml))
    c.register_structure_hook(FactValue, _declared_value)
    c.register_structure_hook(Term, _declared_term)

    c.register_unstructure_hook(Money, _scalars.unstructure_money)
    c.register_unstructure_hook(Decimal, _scalars.unstructure_decimal)
    if toml:
        c.register_unstructure_hook(pendulum.Date, lambda d: datetime.date(d.year, d.month, d.day))
    else:
        c.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    c.register_unstructure_hook(pendulum.Duration, _scalars.duration_text)
    c.register_unstructure_hook(Term, lambda term: term.code)
    c.register_unstructure_hook_func(is_enum, lambda member: member.name)
    # a member's name or a term's code (Term.name is its code)
    c.register_unstructure_hook_func(_is_member_or_term, lambda value: value.name)
    c.register_unstructure_hook_func(
        lambda t: is_set(t) or t in (frozenset, set),
        lambda values: _sorted([c.unstructure(v) for v in values]),
    )
    c.register_unstructure_hook_func(_is_tuple, lambda values: [c.unstructure(v) for v in values])
    c.register_unstructure_hook_factory(attrs.has, _unstructure_attrs)
    c.register_unstructure_hook(Gezin, _unstructure_gezin(c))
    return c


def _unstructure_gezin(c: cattrs.Converter) -> Callable[[Any], Any]:
    # A declared term is written in its vocabulary's list, next to the core members
    # (problemen = ["SCHULDEN", "schuldhulp.beslag"]); no declared facts, no table.
    base = _unstructure_attrs(Gezin, c)

    def unstructure(gezin: Gezin) -> Any:
        data = base(gezin)
        data.pop("termen", None)
        for term in sorted(gezin.termen, key=lambda t: t.code):
            data[term.vocabulary] = [*data[term.vocabulary], term.code]
        if not gezin.feiten:
            data.pop("feiten", None)
        return data

    return unstructure


json_converter: Final[cattrs.Converter] = _make(toml=False)
"""The converter for JSON data (and for plain Python data, such as a notebook's dicts)."""

toml_converter: Final[cattrs.Converter] = _make(toml=True)
"""The converter for TOML data: native dates, no nulls."""


def converter_for(format: Format) -> cattrs.Converter:
    """The converter for ``format`` (``"json"`` or ``"toml"``)."""
    return toml_converter if format == "toml" else json_converter


def file_error(
    exc: BaseException, source: str | os.PathLike[str] | None = None, field: str = ""
) -> FileFormatError:
    """One :class:`FileFormatError` for everything wrong in a failed structuring."""
    problems = list(flatten(exc, field)) or [(field, f"{type(exc).__name__}: {exc}")]
    (first_field, first_problem), *others = problems
    return FileFormatError(source, first_field, first_problem, others=others)


def structure(
    data: object,
    cl: type[T],
    *,
    source: str | os.PathLike[str] | None = None,
    field: str = "",
    format: Format = "json",
    feiten: Feitenregister | None = None,
) -> T:
    """``data`` as a ``cl``, or a :class:`FileFormatError` naming the field path.

    :param source: the file the data came from, for the message.
    :param field: the path of ``data`` in its document (``"gezinnen[2]"``).
    :param format: ``"toml"`` lets an optional field without a default be missing.
    :param feiten: the composition's register (``gemeente.feiten``): a declared
        role's or funding model's code is read as its term (without it, refused).
    """
    try:
        with reading_terms(feiten):
            return converter_for(format).structure(data, cl)
    except (
        BaseValidationError,
        ConversionError,
        PartsError,
        InvalidValueError,
        RecursionError,
    ) as exc:
        raise file_error(exc, source, field) from None


def unstructure(value: object, format: Format = "json", as_type: object = None) -> Any:
    """``value`` as plain data for ``format``: dicts, lists, text, numbers, booleans.

    For TOML, dates stay dates and fields that are ``None`` are left out.
    """
    data = converter_for(format).unstructure(value, unstructure_as=as_type)
    return _without_none(data) if format == "toml" else data


def _without_none(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_none(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_without_none(v) for v in data]
    return data
