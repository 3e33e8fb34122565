"""Areas: a gemeente, its wijken and their buurten, as one value that a rule reads.

A :class:`Gebiedsindeling` is the tree a municipality supplies (a data file,
see ``docs/files.md``, "Areas"; :mod:`sociaaldomein.io.gebied` reads it): every
:class:`Gebied` has its name as written, its level (:class:`GebiedNiveau`),
the area it lies in and, where known, its CBS code (``GM0014``, ``WKxxxxxx``,
``BUxxxxxxxx``).  Names are matched case- and accent-insensitively (``"INDISCHE
buurt"`` and ``"Indische Buurt"`` are one area) and shown as written.

>>> tree = Gebiedsindeling.from_mapping({
...     "gebieden": [
...         {"naam": "Groningen", "niveau": "gemeente", "code": "GM0014"},
...         {"naam": "Korrewegwijk", "niveau": "wijk", "ligt_in": "Groningen", "lidwoord": "de"},
...         {"naam": "Indische Buurt", "niveau": "buurt", "ligt_in": "Korrewegwijk"},
...     ]
... })
>>> tree.wijk_of("indische buurt").naam
'Korrewegwijk'
>>> tree.lies_in("Indische Buurt", "Groningen"), tree.lies_in("Groningen", "Korrewegwijk")
(True, False)
>>> tree.placement("INDISCHE BUURT", ["Korrewegwijk"])
(True, 'INDISCHE BUURT lies in the Korrewegwijk')
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from sociaaldomein._validators import one_of_type
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _

__all__ = ["Gebied", "GebiedNiveau", "Gebiedsindeling", "gebied_key"]


class GebiedNiveau(enum.Enum):
    """The level of an area: a gemeente holds wijken, a wijk holds buurten (CBS's hierarchy)."""

    GEMEENTE = "gemeente"
    WIJK = "wijk"
    BUURT = "buurt"


_PARENT_LEVEL: Final = {
    GebiedNiveau.WIJK: GebiedNiveau.GEMEENTE,
    GebiedNiveau.BUURT: GebiedNiveau.WIJK,
}
# CBS: GM + 4 digits, WK + 6 (the gemeente's 4 and 2), BU + 8 (the wijk's 6 and 2).
_CODES: Final = {
    GebiedNiveau.GEMEENTE: re.compile(r"GM\d{4}"),
    GebiedNiveau.WIJK: re.compile(r"WK\d{6}"),
    GebiedNiveau.BUURT: re.compile(r"BU\d{8}"),
}
_CODE_LENGTH: Final = {GebiedNiveau.GEMEENTE: 4, GebiedNiveau.WIJK: 6, GebiedNiveau.BUURT: 8}
_KEYS: Final = ("naam", "niveau", "ligt_in", "code", "aliassen", "lidwoord")


def gebied_key(name: str) -> str:
    """The form names are matched in: accents dropped, case folded, spaces collapsed.

    >>> gebied_key("  Indische   Buurt"), gebied_key("Beÿum")
    ('indische buurt', 'beyum')
    """
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not gebied_key(value):
        raise InvalidValueError(f"Gebied.{attribute.name}", f"must be a name (text), got {value!r}")


def _stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _optional_text(value: object) -> object:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _niveau(value: object) -> object:
    if isinstance(value, str):
        try:
            return GebiedNiveau(value.strip().casefold())
        except ValueError:
            levels = ", ".join(n.value for n in GebiedNiveau)
            raise InvalidValueError(
                "Gebied.niveau", f"unknown level {value!r}; use one of {levels}"
            ) from None
    return value


def _aliases(value: object) -> object:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    return value


@attrs.frozen
class Gebied:
    """One area: its name as written, its level, the area it lies in, its CBS code if known.

    ``ligt_in`` names the parent (a wijk for a buurt, a gemeente for a wijk;
    ``None`` for a gemeente); ``aliassen`` are other spellings that name it
    (letter 003 writes both "Beijum" and "Beyum"); ``lidwoord`` is the article
    Dutch puts before the name when it is not part of it ("de" Korrewegwijk),
    so that an explanation says "the Korrewegwijk".
    """

    naam: str = attrs.field(converter=_stripped, validator=_name)
    niveau: GebiedNiveau = attrs.field(converter=_niveau, validator=one_of_type(GebiedNiveau))
    ligt_in: str | None = attrs.field(default=None, converter=_optional_text)
    code: str | None = attrs.field(default=None, converter=_optional_text)
    aliassen: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    lidwoord: str | None = attrs.field(default=None, converter=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.ligt_in is not None:
            _name(self, attrs.fields(Gebied).ligt_in, self.ligt_in)
        for alias in self.aliassen:
            _name(self, attrs.fields(Gebied).aliassen, alias)
        if self.niveau is GebiedNiveau.GEMEENTE and self.ligt_in is not None:
            raise InvalidValueError("Gebied.ligt_in", "a gemeente lies in no other area")
        if self.niveau is not GebiedNiveau.GEMEENTE and self.ligt_in is None:
            parent = _PARENT_LEVEL[self.niveau].value
            raise InvalidValueError("Gebied.ligt_in", f"a {self.niveau.value} lies in a {parent}")
        if self.lidwoord not in (None, "de", "het"):
            raise InvalidValueError(
                "Gebied.lidwoord", f"the article is 'de' or 'het', got {self.lidwoord!r}"
            )
        if self.code is not None and not _CODES[self.niveau].fullmatch(self.code):
            prefix = _CODES[self.niveau].pattern[:2]
            raise InvalidValueError(
                "Gebied.code",
                f"a CBS code of a {self.niveau.value} is {prefix} and "
                f"{_CODE_LENGTH[self.niveau]} digits, got {self.code!r}",
            )

    def phrase(self) -> str:
        """The area as a sentence names it: "the Korrewegwijk", "gemeente Groningen" (a message)."""
        if self.niveau is GebiedNiveau.GEMEENTE:
            return _("gemeente {name}", name=self.naam)
        # Dutch gives some names an article ("de Korrewegwijk") and not others ("Tuinwijk")
        if self.lidwoord == "het":
            return _.pgettext("lidwoord het", "the {name}", name=self.naam)
        if self.lidwoord:
            return _.pgettext("lidwoord de", "the {name}", name=self.naam)
        return self.naam

    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.naam, *self.aliassen)


def _gebieden(values: Iterable[Gebied]) -> tuple[Gebied, ...]:
    return tuple(values)


def _or(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{names} or {last}", names=tuple(names[:-1]), last=names[-1])


@attrs.frozen
class Gebiedsindeling:
    """A tree of areas (gemeente > wijk > buurt) and where it comes from.

    ``bron`` names the source ("gemeente Groningen, wijkindeling"); ``lezing``
    says whose reading the tree is, when it is not the source's own.  Every
    name and alias is unique (as matched, :func:`gebied_key`), and every
    ``ligt_in`` names an area of the level above.
    """

    gebieden: tuple[Gebied, ...] = attrs.field(converter=_gebieden)
    bron: str = attrs.field(default="", validator=one_of_type(str))
    lezing: str = attrs.field(default="", validator=one_of_type(str))
    _index: dict[str, Gebied] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Gebied] = {}
        where: dict[str, int] = {}
        for i, gebied in enumerate(self.gebieden):
            if not isinstance(gebied, Gebied):
                raise InvalidValueError(
                    f"gebieden[{i}]", f"must be a Gebied, got {type(gebied).__name__}"
                )
            for j, name in enumerate(gebied.names()):
                key = gebied_key(name)
                field = f"gebieden[{i}].naam" if j == 0 else f"gebieden[{i}].aliassen[{j - 1}]"
                if key in index:
                    raise InvalidValueError(
                        field, f"{name!r} names gebieden[{where[key]}] already; names are unique"
                    )
                index[key], where[key] = gebied, i
        object.__setattr__(self, "_index", index)
        for i, gebied in enumerate(self.gebieden):
            if gebied.ligt_in is None:
                continue
            parent = index.get(gebied_key(gebied.ligt_in))
            field = f"gebieden[{i}].ligt_in"
            if parent is None:
                raise InvalidValueError(field, self._unknown(gebied.ligt_in))
            wanted = _PARENT_LEVEL[gebied.niveau]
            if parent.niveau is not wanted:
                raise InvalidValueError(
                    field,
                    f"a {gebied.niveau.value} lies in a {wanted.value}, but {gebied.ligt_in!r} "
                    f"is a {parent.niveau.value}",
                )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Gebiedsindeling:
        """The tree from plain data (a parsed file): ``bron``, ``lezing`` and ``gebieden``.

        Each problem names its field (``gebieden[3].ligt_in``).
        """
        unknown = sorted(set(data) - {"bron", "lezing", "gebieden"})
        if unknown:
            raise InvalidValueError(
                unknown[0], _unknown_key(unknown[0], ("bron", "lezing", "gebieden"))
            )
        rows = data.get("gebieden")
        if not isinstance(rows, Sequence) or isinstance(rows, str) or not rows:
            raise InvalidValueError("gebieden", "must list at least one area ([[gebieden]])")
        gebieden = [_gebied(i, row) for i, row in enumerate(rows)]
        for key in ("bron", "lezing"):
            if not isinstance(data.get(key, ""), str):
                raise InvalidValueError(key, f"must be text, got {data[key]!r}")
        return cls(gebieden, bron=data.get("bron", ""), lezing=data.get("lezing", ""))

    def __len__(self) -> int:
        return len(self.gebieden)

    def __iter__(self) -> Iterator[Gebied]:
        return iter(self.gebieden)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def find(self, name: str) -> Gebied | None:
        """The area called ``name`` (or one of its aliases), or ``None``."""
        return self._index.get(gebied_key(name))

    def __getitem__(self, name: str) -> Gebied:
        found = self.find(name)
        if found is None:
            raise InvalidValueError("Gebiedsindeling", self._unknown(name))
        return found

    def parent(self, name: str) -> Gebied | None:
        """The area ``name`` lies in directly (``None`` for a gemeente)."""
        gebied = self[name]
        return None if gebied.ligt_in is None else self[gebied.ligt_in]

    def ancestors(self, name: str) -> tuple[Gebied, ...]:
        """Every area ``name`` lies in, the nearest first."""
        out: list[Gebied] = []
        up = self.parent(name)
        while up is not None:
            out.append(up)
            up = self.parent(up.naam)
        return tuple(out)

    def children(self, name: str) -> tuple[Gebied, ...]:
        """The areas that lie directly in ``name``."""
        gebied = self[name]
        return tuple(g for g in self.gebieden if g.ligt_in and self[g.ligt_in] is gebied)

    def wijk_of(self, name: str) -> Gebied | None:
        """The wijk ``name`` lies in (a wijk is its own); ``None`` for a gemeente."""
        gebied = self[name]
        if gebied.niveau is GebiedNiveau.WIJK:
            return gebied
        if gebied.niveau is GebiedNiveau.BUURT:
            return self.parent(name)
        return None

    def lies_in(self, inner: str, outer: str) -> bool:
        """Whether ``inner`` is ``outer`` or lies in it (an area lies in itself)."""
        target = self[outer]
        found = self[inner]
        return found is target or target in self.ancestors(found.naam)

    def placement(self, name: str | None, areas: Sequence[str]) -> tuple[bool, str]:
        """Whether ``name`` lies in one of ``areas``, and what an explanation shows for it.

        ``name`` is shown as given: "Indische Buurt lies in the Korrewegwijk",
        "Vinkhuizen is not an area of the tree", "Selwerd does not lie in ...".
        """
        if name is None:
            return False, _("unknown")
        found = self.find(name)
        if found is None:
            why = _("{name} is not an area of the tree ({tree})", name=name, tree=self._describe())
            return False, why
        for area in areas:
            target = self[area]
            if found is target:
                same = gebied_key(name) == gebied_key(found.naam)
                return True, name if same else _("{name} is {area}", name=name, area=found.naam)
            if target in self.ancestors(found.naam):
                return True, _("{name} lies in {area}", name=name, area=target.phrase())
        phrases = [self[a].phrase() for a in areas]
        return False, _("{name} does not lie in {areas}", name=name, areas=_or(phrases))

    def phrases(self, areas: Sequence[str]) -> str:
        """``areas`` as a sentence names them: "the Korrewegwijk or Tuinwijk"."""
        return _or([self[a].phrase() for a in areas])

    def _describe(self) -> str:
        roots = [g.naam for g in self.gebieden if g.ligt_in is None]
        return self.bron or ", ".join(roots) or _("no areas")

    def _unknown(self, name: str) -> str:
        names = [n for g in self.gebieden for n in g.names()]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{name!r} is not an area of the tree ({self._describe()}){hint}"


def _unknown_key(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown field; {hint}known: {', '.join(known)}"


def _gebied(i: int, row: object) -> Gebied:
    if not isinstance(row, Mapping):
        raise InvalidValueError(f"gebieden[{i}]", f"must be a table of fields, got {row!r}")
    unknown = sorted(set(row) - set(_KEYS))
    if unknown:
        raise InvalidValueError(f"gebieden[{i}].{unknown[0]}", _unknown_key(unknown[0], _KEYS))
    for key in ("naam", "niveau"):
        if key not in row:
            raise InvalidValueError(f"gebieden[{i}].{key}", "is required")
    for key in ("naam", "niveau", "ligt_in", "code", "lidwoord"):
        if key in row and not isinstance(row[key], str):
            raise InvalidValueError(f"gebieden[{i}].{key}", f"must be text, got {row[key]!r}")
    aliases = row.get("aliassen", ())
    if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
        raise InvalidValueError(f"gebieden[{i}].aliassen", "must be a list of names")
    try:
        return Gebied(
            row["naam"],
            row["niveau"],
            ligt_in=row.get("ligt_in"),
            code=row.get("code"),
            aliassen=aliases,
            lidwoord=row.get("lidwoord"),
        )
    except InvalidValueError as exc:
        field = exc.field.replace("Gebied.", f"gebieden[{i}].")
        raise InvalidValueError(field, exc.problem) from None
