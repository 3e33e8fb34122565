"""Which language a person reads: chosen per thread and task, or by the environment."""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator
from typing import Final, Literal

__all__ = ["ENV", "LANGUAGES", "Language", "as_language", "current_language", "use_language"]

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
