"""Calling plugin code so that its failure stays its own.

Every call into a plugin (a hook, a definition's method, a policy's wrapper)
goes through :func:`guarded`: an exception, ``sys.exit`` or a wrong answer
becomes a :class:`~sociaaldomein.domain.provenance.PluginFailure` naming the
plugin, its distribution and version, and the call; ``KeyboardInterrupt`` (and
any other ``BaseException``, such as a signal raised as one) still stops the
program.  What a plugin prints goes to standard error, so that it can
never corrupt the JSON a command prints on standard output.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import re
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from sociaaldomein.domain.provenance import PluginFailure, PluginRef

__all__ = ["FailedError", "default_name", "guarded", "plugin_ref"]

T = TypeVar("T")


class FailedError(Exception):
    """Raised inside the composition to carry a :class:`PluginFailure` to its pilot."""

    def __init__(self, failure: PluginFailure) -> None:
        super().__init__(failure.message())
        self.failure = failure


def guarded(ref: PluginRef, call: str, fn: Callable[[], T], *, pilot: str | None = None) -> T:
    """``fn()``, with a failure of the plugin turned into :class:`FailedError`.

    The plugin's standard output is sent to standard error while it runs.
    """
    try:
        with contextlib.redirect_stdout(sys.stderr):
            return fn()
    except FailedError:
        raise
    # SystemExit too: a plugin never ends the program.  KeyboardInterrupt and the other
    # BaseExceptions (a signal turned into an exception) are not the plugin's to catch.
    except (Exception, SystemExit) as exc:
        raise FailedError(failure(ref, call, exc, pilot)) from exc


def failure(ref: PluginRef, call: str, exc: BaseException, pilot: str | None) -> PluginFailure:
    """The failure value for ``exc`` raised by plugin ``ref`` in ``call``."""
    if isinstance(exc, SystemExit):
        error = f"SystemExit: the plugin called sys.exit({exc.code!r})"
    else:
        error = f"{type(exc).__name__}: {exc}".rstrip(": ")
    details = "".join(traceback.format_exception(exc))
    return PluginFailure(ref, call, error, pilot, details)


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def default_name(plugin: object) -> str:
    """The name a plugin registered without one gets: its pilot's, its module's or its class's."""
    pilot = getattr(plugin, "pilot", None)
    naam = getattr(pilot, "naam", None)
    if isinstance(naam, str):
        return naam
    if isinstance(plugin, type(sys)):
        return plugin.__name__
    return _CAMEL.sub("-", type(plugin).__name__.lstrip("_")).lower()


@functools.cache
def _distribution(top_level: str) -> tuple[str, str] | None:
    # The distribution named like the package (sociaaldomein_samen: sociaaldomein-samen)
    # is found in one lookup; scanning every distribution's file list would cost far more.
    for guess in dict.fromkeys((top_level.replace("_", "-"), top_level)):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError, ValueError):
            dist = importlib.metadata.distribution(guess)
            return dist.metadata["Name"], dist.version
    return None


def plugin_ref(name: str, plugin: object) -> PluginRef:
    """The :class:`PluginRef` of ``plugin`` registered as ``name``, with its distribution."""
    module = plugin.__name__ if isinstance(plugin, type(sys)) else type(plugin).__module__
    found = _distribution(module.partition(".")[0])
    return PluginRef(name, *(found or (None, None)))
