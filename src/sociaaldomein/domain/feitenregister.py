"""The composition's facts and terms: the core's, and those its plugins declare.

A :class:`Feitenregister` is a value: :meth:`Feitenregister.core` holds the
core's facts (:data:`~sociaaldomein.domain.feiten.FEITEN`, by their names and
with the prefix ``core.``), and :meth:`Feitenregister.declare` returns a new
register with a plugin's facts and terms added, refusing a name that is taken.
The composition builds one (``Gemeente.feiten``) from what its plugins declare;
family files, cohort files and the JSON Schema read against it.

>>> from sociaaldomein.domain.citation import Citation
>>> from sociaaldomein.domain.feiten import Feit, FeitSoort
>>> bron = Citation("westerkwartier.txt", "2. Doelgroep")
>>> schuld = Feit.declare("schuldhulp.schuld", FeitSoort.MONEY, "the total debt", bron=bron)
>>> register = Feitenregister.core().declare([schuld], by="schuldhulp")
>>> register.fact("schuldhulp.schuld") is schuld, register.fact("core.wijk").naam
(True, 'wijk')
>>> try:
...     register.fact("schuldhulp.schuldd", field="gezin.feiten")
... except InvalidValueError as exc:
...     print(exc.problem)
unknown fact 'schuldhulp.schuldd'; did you mean 'schuldhulp.schuld'?
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TypeVar

import attrs

from sociaaldomein.domain.feiten import FEITEN, Feit
from sociaaldomein.domain.vocabulary import ALL_VOCABULARIES, Term
from sociaaldomein.errors import InvalidValueError

__all__ = ["CORE", "Declaration", "Feitenregister"]

CORE = "core"
"""The owner (and the namespace) of the core's facts."""

E = TypeVar("E", bound=enum.Enum)

Declaration = Feit | Term
"""What a plugin declares: a fact or a term of an open vocabulary."""


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


@attrs.frozen
class Feitenregister:
    """Facts and terms by name, and who declared each (``"core"`` or a plugin's name)."""

    feiten: Mapping[str, Feit]
    termen: Mapping[str, Term] = attrs.field(factory=dict)
    owners: Mapping[str, str] = attrs.field(factory=dict)

    @classmethod
    def core(cls) -> Feitenregister:
        """The register of the core's facts alone."""
        return _core()

    def declare(self, items: Iterable[Declaration], *, by: str) -> Feitenregister:
        """A register with ``items`` added, declared by ``by``.

        A name (of a fact or a term) declared already, by the core or another
        plugin, is refused naming both; so is a name declared twice in ``items``.
        """
        feiten, termen, owners = dict(self.feiten), dict(self.termen), dict(self.owners)
        for item in items:
            if isinstance(item, Feit):
                name, what = item.naam, "fact"
                if not item.declared:
                    raise InvalidValueError(
                        f"{by}: {name}", "declare a fact with Feit.declare(...)"
                    )
            elif isinstance(item, Term):
                name, what = item.code, "term"
            else:
                raise InvalidValueError(
                    by, f"declares {type(item).__name__} {item!r}: a fact (Feit) or a Term"
                )
            if name in owners or name in feiten:
                raise InvalidValueError(
                    f"{by}: {name}",
                    f"the {what} {name!r} is declared by {owners.get(name, CORE)} already; "
                    "choose another name (a plugin's names start with its own namespace)",
                )
            owners[name] = by
            if isinstance(item, Feit):
                feiten[name] = item
            else:
                termen[name] = item
        return Feitenregister(feiten, termen, owners)

    def declared(self) -> dict[str, Feit]:
        """The facts the plugins declared, by name (not the core's)."""
        return {name: f for name, f in self.feiten.items() if f.declared}

    def fact(self, name: str, *, field: str = "fact") -> Feit:
        """The fact ``name`` (a core fact also as ``core.<name>``); an unknown one is an error
        naming ``field`` and the nearest known name."""
        found = self.feiten.get(name) or self.feiten.get(name.removeprefix(f"{CORE}."))
        if found is None or (found.declared and name.startswith(f"{CORE}.")):
            raise InvalidValueError(field, f"unknown fact {name!r}{_hint(name, self.feiten)}")
        return found

    def term(self, vocabulary: str, code: str, *, field: str = "term") -> Term:
        """The declared term ``code`` of ``vocabulary``; an unknown one suggests the nearest."""
        found = self.termen.get(code)
        if found is None or found.vocabulary != vocabulary:
            known = [c for c, t in self.termen.items() if t.vocabulary == vocabulary]
            raise InvalidValueError(
                field, f"unknown term {code!r} of {vocabulary}{_hint(code, known)}"
            )
        return found

    def member_or_term(
        self, enum_type: type[E], vocabulary: str, code: str, *, field: str = "term"
    ) -> E | Term:
        """The core's member named ``code`` of ``enum_type`` or the declared term
        ``code`` of ``vocabulary``.

        This is how a file's role or funding model is read: an unknown code is an
        error naming ``field`` and the nearest known member name or term code.

        >>> from sociaaldomein.domain.professional import Rol
        >>> Feitenregister.core().member_or_term(Rol, "rol", "GEZINSCOACH")
        <Rol.GEZINSCOACH: 'gezinscoach'>
        >>> try:
        ...     Feitenregister.core().member_or_term(Rol, "rol", "GEZINSCAOCH", field="rol")
        ... except InvalidValueError as exc:
        ...     print(exc.problem)
        unknown rol 'GEZINSCAOCH'; did you mean 'GEZINSCOACH'?
        """
        raw: object = code  # a file may hold anything here
        if not isinstance(raw, str) or not raw.strip():
            raise InvalidValueError(field, f"must name a {vocabulary}, got {raw!r}")
        text = raw.strip()
        if text in enum_type.__members__:
            return enum_type[text]
        found = self.termen.get(text)
        if found is not None and found.vocabulary == vocabulary:
            return found
        known = [*enum_type.__members__, *self.terms_of(vocabulary)]
        raise InvalidValueError(field, f"unknown {vocabulary} {text!r}{_hint(text, known)}")

    def terms_of(self, vocabulary: str) -> dict[str, Term]:
        """The declared terms of ``vocabulary``, by code."""
        if vocabulary not in ALL_VOCABULARIES:
            raise InvalidValueError("vocabulary", f"unknown vocabulary {vocabulary!r}")
        return {c: t for c, t in self.termen.items() if t.vocabulary == vocabulary}

    def suggest(self, name: str) -> str:
        """``"; did you mean 'x'?"`` for the declared fact nearest to ``name`` (or ``""``)."""
        return _hint(name, self.declared())


@cache
def _core() -> Feitenregister:
    feiten = FEITEN.all()
    return Feitenregister(feiten, {}, dict.fromkeys(feiten, CORE))
