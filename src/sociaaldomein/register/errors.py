"""What the register refuses, and why: every refusal names the field and cites the rule."""

from __future__ import annotations

from typing import Any

from sociaaldomein.domain.citation import Citation
from sociaaldomein.errors import InvalidValueError, SociaaldomeinError

__all__ = ["RefusedEventError", "RegisterError", "SchemaError"]


class RegisterError(SociaaldomeinError):
    """The register cannot do what was asked: not a register, a newer schema, a bad URL."""


class SchemaError(RegisterError):
    """The database is not a register, or holds a schema this version does not know."""


class RefusedEventError(InvalidValueError):
    """An event the pilot's rules do not allow; nothing was written.

    ``field`` is ``Kind.field`` (``"MandaatAdvies.gezin"``), ``problem`` says
    why in plain words and ends with the rule's citation, which is also in
    ``bron``.  Both are messages: ``str(error)`` is ``"<field>: <problem>
    [<bron>]"`` in the language in force when it is read.

    >>> from sociaaldomein.i18n import _, use_language
    >>> error = RefusedEventError("Plaatsing.gezin", _("is required"))
    >>> with use_language("nl"):
    ...     str(error)
    'Plaatsing.gezin: is verplicht'
    """

    def __init__(self, field: str, problem: str, bron: Citation | None = None) -> None:
        from sociaaldomein.i18n import _

        self.bron = bron
        self._reason = problem
        cited = problem if bron is None else _("{problem} [{bron}]", problem=problem, bron=bron)
        super().__init__(field, cited)

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from the reason and the citation, so that it still reads in any language.
        return (type(self), (self.field, self._reason, self.bron))
