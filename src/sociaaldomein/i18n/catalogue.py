"""Message catalogues: gettext ``.po`` files a translator edits, read with Babel.

A domain is the package that ships the catalogues: the library's own
``sociaaldomein`` reads ``sociaaldomein/i18n/locale/<lang>/LC_MESSAGES/sociaaldomein.po``,
a plugin ``sociaaldomein_hoogkerk`` reads
``sociaaldomein_hoogkerk/locale/<lang>/LC_MESSAGES/sociaaldomein_hoogkerk.po``.
The ``.po`` file itself is read, once per process, domain and language, so
the same files work in a checkout, an editable install and a wheel, and no
compiled ``.mo`` can go stale.  Babel is imported only then.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Final

from sociaaldomein.i18n.language import Language

__all__ = ["CORE_DOMAIN", "Entry", "catalogue", "catalogue_path", "plural_index"]

CORE_DOMAIN: Final = "sociaaldomein"

Entry = str | tuple[str, ...]
"""A translation: a string, or one string per plural form."""

Key = tuple[str | None, str]
"""``(context, msgid)``; the context is ``None`` for a message without one."""


def catalogue_path(domain: str, language: Language) -> resources.abc.Traversable:
    """Where the catalogue of ``domain`` in ``language`` lies inside its package."""
    base = resources.files("sociaaldomein.i18n" if domain == CORE_DOMAIN else domain)
    return base / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@functools.cache
def catalogue(domain: str, language: Language) -> Mapping[Key, Entry]:
    """The translations of ``domain`` in ``language``; empty when the domain ships none.

    An entry whose translation is empty is left out, so that the message id
    (English) is shown rather than nothing; the catalogue test reports it.
    """
    if not domain:
        return {}
    try:
        path = catalogue_path(domain, language)
        if not path.is_file():
            return {}
    except (ModuleNotFoundError, ValueError):
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        read = read_po(handle, locale=language, domain=domain)
    found: dict[Key, Entry] = {}
    for message in read:
        if not message.id or message.fuzzy:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string
        if isinstance(string, str):
            if string:
                found[(message.context, msgid)] = string
        elif string and all(string):
            found[(message.context, msgid)] = tuple(string)
    return found


def plural_index(n: int, language: Language) -> int:
    """Which plural form fits ``n``: 0 for one, 1 for any other number (Dutch and English)."""
    return 0 if abs(n) == 1 else 1
