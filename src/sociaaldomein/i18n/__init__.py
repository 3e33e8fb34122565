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
"""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator
from typing import Final, Literal

__all__ = ["LANGUAGES", "Language", "current_language", "gettext", "use_language"]

Language = Literal["en", "nl"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "nl")
ENV: Final = "SOCIAALDOMEIN_LANG"

_chosen: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "sociaaldomein_language", default=None
)


def as_language(value: str) -> Language:
    """``value`` as a supported language (``"nl_NL.UTF-8"`` reads as ``"nl"``).

    Raises :class:`ValueError` naming the supported languages otherwise.
    """
    code = value.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    for language in LANGUAGES:
        if code == language:
            return language
    raise ValueError(f"unknown language {value!r}: use one of {', '.join(LANGUAGES)}")


def current_language() -> Language:
    """The language in force: :func:`use_language`, else ``SOCIAALDOMEIN_LANG``, else English."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    env = os.environ.get(ENV)
    if env:
        with contextlib.suppress(ValueError):
            return as_language(env)
    return "en"


@contextlib.contextmanager
def use_language(language: str) -> Iterator[Language]:
    """Use ``language`` for every message made inside the ``with`` block."""
    token = _chosen.set(as_language(language))
    try:
        yield _chosen.get() or "en"
    finally:
        _chosen.reset(token)


def gettext(message: str) -> str:
    """``message`` (an English message id) in the current language."""
    return message
