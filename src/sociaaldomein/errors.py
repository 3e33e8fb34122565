"""Every error the library raises on purpose.

All of them derive from :class:`SociaaldomeinError`, so a caller that wants to
catch "anything the library rejected" catches one class.  Each message names
what was wrong (a field, a plugin and its hook, a pilot) so that nobody has to
read a traceback to find out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sociaaldomein.domain.provenance import PluginFailure

__all__ = [
    "CompositionError",
    "InvalidValueError",
    "PluginError",
    "PluginFailedError",
    "PluginLoadError",
    "PluginLoadWarning",
    "SociaaldomeinError",
    "UnknownPilotError",
]


class SociaaldomeinError(Exception):
    """Base class of every error the library raises on purpose."""


class InvalidValueError(SociaaldomeinError, ValueError):
    """A value does not fit the field it was given for.

    ``field`` is the dotted path of the field (``"Professional.fte"``,
    ``"Gezin.zrm.scores.Financien"``) and ``problem`` says what is wrong in
    plain words.  ``str(error)`` is ``"<field>: <problem>"`` in the language in
    force when it is read, not when it was raised (``problem`` may be a message,
    :class:`~sociaaldomein.i18n.Bericht`).

    >>> from sociaaldomein.i18n import _, use_language
    >>> error = InvalidValueError("Gezin.id", _("is required"))
    >>> with use_language("nl"):
    ...     str(error)
    'Gezin.id: is verplicht'
    >>> str(error)
    'Gezin.id: is required'
    """

    def __init__(self, field: str, problem: str) -> None:
        from sociaaldomein.i18n import _

        self.field = field
        self.problem = problem
        self._text = _("{field}: {problem}", field=field, problem=problem)
        super().__init__(self._text)

    def __str__(self) -> str:
        return str(self._text)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from field and problem (a worker process's error reads in the parent's language).
        return (type(self), (self.field, self.problem))


class UnknownPilotError(SociaaldomeinError, LookupError):
    """A pilot name that the composition does not know; the message lists the known ones."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(sorted(known))
        from sociaaldomein.i18n import _

        listed = ", ".join(self.known) if self.known else _("none are registered")
        self._text = _("unknown pilot {name}; known pilots: {known}", name=repr(name), known=listed)
        super().__init__(self._text)

    def __str__(self) -> str:
        return str(self._text)

    def __reduce__(self) -> tuple[type[UnknownPilotError], tuple[str, tuple[str, ...]]]:
        return (type(self), (self.name, self.known))


class CompositionError(SociaaldomeinError):
    """The composition of pilots and policies is inconsistent (for example a pilot twice)."""


class PluginError(SociaaldomeinError):
    """A plugin raised inside a hook.  The original exception is ``__cause__``."""

    def __init__(self, plugin: str, hook: str, cause: BaseException) -> None:
        self.plugin = plugin
        self.hook = hook
        super().__init__(
            f"plugin {plugin!r} failed in hook {hook!r}: {type(cause).__name__}: {cause}"
        )


class PluginFailedError(PluginError):
    """A plugin failed when it was called, and the caller asked for strictness or its answer.

    ``failure`` is the :class:`~sociaaldomein.domain.provenance.PluginFailure`:
    the plugin with its distribution and version, the call, the pilot and the
    error.  Without strictness a composition contains such a failure instead:
    the pilot's verdict says it could not be assessed.
    """

    def __init__(self, failure: PluginFailure) -> None:
        self.failure = failure
        self.plugin = failure.plugin.name
        self.hook = failure.call
        SociaaldomeinError.__init__(self, f"{failure.message()}; {failure.advice()}")


class PluginLoadError(SociaaldomeinError):
    """An entry point of the ``sociaaldomein`` group could not be loaded (strict mode)."""

    def __init__(self, entry_point: str, cause: BaseException) -> None:
        self.entry_point = entry_point
        super().__init__(
            f"plugin entry point {entry_point!r} could not be loaded: "
            f"{type(cause).__name__}: {cause}"
        )


class PluginLoadWarning(UserWarning):
    """An entry point was skipped because it could not be loaded (non-strict mode)."""
