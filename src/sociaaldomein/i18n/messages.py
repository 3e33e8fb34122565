"""Messages that keep their id and parameters, so they can be read in any language later.

A :class:`Bericht` is made where a rule, a verdict or a command decides
something, and rendered where a person reads it: a verdict decided once can be
printed in Dutch and in English.  It is a ``str`` whose value is the English
text (the message id with its parameters filled in), so code that compares,
searches or stores it keeps working; ``str()``, ``format()`` and ``print()``
give the text in the current language, :meth:`Bericht.render` in any.

>>> from sociaaldomein.i18n import use_language
>>> found = _("reason: {reason}", reason="Hoogkerk")
>>> found == "reason: Hoogkerk"
True
>>> found.render("nl")
'reden: Hoogkerk'
>>> with use_language("nl"):
...     print(found)
reden: Hoogkerk

Placeholders are ``{name}``; a value is filled in as it is, except a message
(rendered in the same language), an enum member (its label, see
:mod:`sociaaldomein.i18n.labels`), a date (written out: "1 oktober 2021"; ISO
in the English text the message compares as), an amount of :class:`Money`
(``€ 336.000,00``, ``€336,000.00``), anything with an ``in_language(language)``
method (a citation) and a list or set of those (joined with commas).  The
placeholders are replaced by name only, never evaluated, so a catalogue cannot
make the library run code.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, Protocol, runtime_checkable

from sociaaldomein.i18n.catalogue import CORE_DOMAIN, catalogue, plural_index
from sociaaldomein.i18n.dates import euros, long_date
from sociaaldomein.i18n.language import LANGUAGES, Language, as_language, current_language

__all__ = ["Bericht", "InLanguage", "Messages", "render_value"]

PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")
"""A placeholder in a message: ``{name}``."""


@runtime_checkable
class InLanguage(Protocol):
    """A value that reads differently per language (a citation, a label)."""

    def in_language(self, language: Language) -> str:
        """The value as a person reads it in ``language``."""
        ...


def render_value(value: object, language: Language, *, catalogued: bool = True) -> str:
    """``value`` as it goes into a message in ``language``.

    ``catalogued=False`` gives the English text without reading a catalogue
    (the value of a :class:`Bericht` as a ``str``).
    """
    kind = type(value)
    if kind is str or kind is int:
        return str(value)
    if isinstance(value, Bericht):
        return value.render(language) if catalogued else str.__str__(value)
    if isinstance(value, enum.Enum):
        from sociaaldomein.i18n.labels import label

        return label(value, language if catalogued else None)
    # Looked up on the type: isinstance against a runtime-checkable protocol walks its
    # attributes on every call, and this runs for every placeholder of every reason.
    in_language = getattr(kind, "in_language", None)
    if callable(in_language):
        return str(in_language(value, language))
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        # Written out for a reader; the English text a message compares as keeps ISO dates.
        return long_date(value, language) if catalogued else value.isoformat()
    amount = _euro_amount(value) if catalogued else None
    if amount is not None:
        return euros(amount, language)
    if isinstance(value, list | tuple):
        return ", ".join(render_value(v, language, catalogued=catalogued) for v in value)
    if isinstance(value, set | frozenset):
        return ", ".join(sorted(render_value(v, language, catalogued=catalogued) for v in value))
    return str(value)


def _euro_amount(value: object) -> Decimal | None:
    # Imported when asked: the domain's money imports nothing of this package, but is above it.
    from sociaaldomein.domain.money import Money

    return value.amount if isinstance(value, Money) else None


@functools.lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[str, ...]:
    """``template`` split at its placeholders: text, name, text, ..., text.

    A message is filled every time it is made and every time it is read; the
    few templates there are are split once (what ``PLACEHOLDER.sub`` would find).
    """
    return tuple(PLACEHOLDER.split(template))


def _fill(template: str, params: Mapping[str, object], language: Language, catalogued: bool) -> str:
    parts = _parts(template)
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for at in range(1, len(parts), 2):
        name = parts[at]
        if name in params:
            value = params[name]
            kind = type(value)
            if kind is str or kind is int:  # most placeholders: as they are, without a call
                out.append(str(value))
            else:
                out.append(render_value(value, language, catalogued=catalogued))
        else:  # a translator's typo shows, rather than failing a verdict
            out.append(f"{{{name}}}")
        out.append(parts[at + 1])
    return "".join(out)


def _rebuild(
    msgid: str,
    params: Mapping[str, object],
    context: str | None,
    plural: str | None,
    n: int | None,
    domain: str,
) -> Bericht:
    return Bericht(msgid, params, context=context, plural=plural, n=n, domain=domain)


class Bericht(str):
    """A message: an English message id, its parameters, and the domain whose catalogue has it.

    ``plural`` and ``n`` make a message with plural forms (``n`` is also a
    parameter, ``{n}``); ``context`` tells apart equal ids that translate
    differently (the labels of enum members use their enum's name).
    """

    msgid: str
    params: Mapping[str, object]
    context: str | None
    plural: str | None
    n: int | None
    domain: str

    def __new__(
        cls,
        msgid: str,
        params: Mapping[str, object] | None = None,
        *,
        context: str | None = None,
        plural: str | None = None,
        n: int | None = None,
        domain: str = CORE_DOMAIN,
    ) -> Bericht:
        values: dict[str, object] = dict(params) if params else {}
        if n is not None:
            values.setdefault("n", n)
        source = plural if plural is not None and n is not None and abs(n) != 1 else msgid
        made = str.__new__(cls, _fill(source, values, "en", False))
        # one dictionary for the six attributes, not six assignments (a message per reason)
        made.__dict__ = {
            "msgid": msgid,
            "params": values,
            "context": context,
            "plural": plural,
            "n": n,
            "domain": domain,
        }
        return made

    def template(self, language: Language) -> str:
        """The message in ``language`` with its placeholders still in it."""
        entry = catalogue(self.domain, language).get((self.context, self.msgid))
        index = plural_index(self.n, language) if self.n is not None else 0
        if isinstance(entry, tuple):
            return entry[min(index, len(entry) - 1)]
        if entry is not None:
            return entry
        return self.plural if self.plural is not None and index else self.msgid

    def render(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the current language)."""
        if language is None:
            chosen = current_language()
        elif language in LANGUAGES:  # already a language: what as_language would give
            chosen = language
        else:
            chosen = as_language(language)
        return _fill(self.template(chosen), self.params, chosen, catalogued=True)

    def in_language(self, language: Language) -> str:
        """The same as :meth:`render`."""
        return self.render(language)

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)

    def __repr__(self) -> str:
        # Shown as the text it is (its English), as a str is: a verdict's fields in a
        # REPL or a doctest read as before; ``msgid`` and ``params`` say how it is made.
        return str.__repr__(self)

    def __reduce__(self) -> tuple[Callable[..., Bericht], tuple[Any, ...]]:
        return (
            _rebuild,
            (self.msgid, dict(self.params), self.context, self.plural, self.n, self.domain),
        )


class Messages:
    """The messages of one domain: the library's own, or a plugin's.

    A plugin makes one for its package, ``_ = Messages("sociaaldomein_hoogkerk")``,
    and ships ``locale/<lang>/LC_MESSAGES/sociaaldomein_hoogkerk.po`` in it.
    ``_("...", name=value)`` makes a :class:`Bericht`; :meth:`plural` one with
    plural forms.  The extraction (``nox -s translations``) finds both calls.
    """

    def __init__(self, domain: str = CORE_DOMAIN) -> None:
        self.domain = domain

    def __call__(self, msgid: str, /, **params: object) -> Bericht:
        return Bericht(msgid, params, domain=self.domain)

    def plural(self, singular: str, plural: str, n: int, /, **params: object) -> Bericht:
        """A message with a singular and a plural form, chosen by ``n``."""
        return Bericht(singular, params, plural=plural, n=n, domain=self.domain)

    def pgettext(self, context: str, msgid: str, /, **params: object) -> Bericht:
        """A message that translates differently in ``context`` (an article: ``"lidwoord het"``)."""
        return Bericht(msgid, params, context=context, domain=self.domain)

    def __repr__(self) -> str:
        return f"Messages({self.domain!r})"


_: Final = Messages()
"""The library's own messages."""
