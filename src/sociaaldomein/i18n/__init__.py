"""The language a person reads: choosing it, and translating messages into it.

The language is ``"en"`` or ``"nl"``.  In Python it is chosen with
:func:`use_language` (a context manager, per thread and per task) or
``SOCIAALDOMEIN_LANG``; the command line adds ``--lang``.  English is the
default of the Python API, so that a program's output does not change with the
machine it runs on.

>>> with use_language("nl"):
...     current_language()
'nl'
>>> current_language()
'en'

Messages are English message ids translated by gettext catalogues
(``locale/<lang>/LC_MESSAGES/<domain>.po``, read with Babel).  :func:`gettext`
translates now; ``_("...", name=value)`` makes a :class:`Bericht` that keeps
its id and parameters and is translated when it is read:

>>> with use_language("nl"):
...     gettext("total")
'totaal'
>>> reason = _("reason: {reason}", reason="Hoogkerk")
>>> reason == "reason: Hoogkerk", reason.render("nl")
(True, 'reden: Hoogkerk')
"""

from __future__ import annotations

from sociaaldomein.i18n.catalogue import CORE_DOMAIN, catalogue
from sociaaldomein.i18n.labels import label, labelled, register_labels
from sociaaldomein.i18n.language import (
    ENV,
    LANGUAGES,
    Language,
    as_language,
    current_language,
    use_language,
)
from sociaaldomein.i18n.messages import Bericht, InLanguage, Messages, _, render_value

__all__ = [
    "CORE_DOMAIN",
    "ENV",
    "LANGUAGES",
    "Bericht",
    "InLanguage",
    "Language",
    "Messages",
    "_",
    "as_language",
    "catalogue",
    "current_language",
    "gettext",
    "label",
    "labelled",
    "ngettext",
    "pgettext",
    "register_labels",
    "render_value",
    "translate",
    "use_language",
]


def gettext(message: str, *, domain: str = CORE_DOMAIN) -> str:
    """``message`` (an English message id) in the current language."""
    return Bericht(message, domain=domain).render()


def ngettext(singular: str, plural: str, n: int, *, domain: str = CORE_DOMAIN) -> str:
    """``singular`` or ``plural`` in the current language, as ``n`` asks; ``{n}`` is filled in."""
    return Bericht(singular, plural=plural, n=n, domain=domain).render()


def pgettext(context: str, message: str, *, domain: str = CORE_DOMAIN) -> str:
    """``message`` in the current language, as it is translated in ``context``."""
    return Bericht(message, context=context, domain=domain).render()


def translate(text: object, language: str | None = None) -> str:
    """Any text a person reads in ``language``: a message translated, plain text as it is."""
    return render_value(text, as_language(language) if language else current_language())
