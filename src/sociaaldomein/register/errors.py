"""What the register refuses, and why: every refusal names the field and cites the rule."""

from __future__ import annotations

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
    ``bron``.
    """

    def __init__(self, field: str, problem: str, bron: Citation | None = None) -> None:
        self.bron = bron
        super().__init__(field, f"{problem} [{bron}]" if bron is not None else problem)
