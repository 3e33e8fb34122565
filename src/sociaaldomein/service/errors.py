"""The service's errors as responses: one JSON object, never a traceback, never family data.

A problem with a request's body names the field and what is wrong, with
every value the request held left out: an error body may end up in a
proxy's log, and the caller has the value already.

>>> redact("'1980-13-01' is not a date in the calendar (month must be in 1..12)")
"'…' is not a date in the calendar (month must be in 1..12)"
>>> redact("must be a whole number, got the number 123456782")
'must be a whole number, got the number …'
>>> redact("family 'gezin-11' is on the waitlist; the pilot's rule")
"family '…' is on the waitlist; the pilot's rule"
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from starlette.responses import Response

from sociaaldomein.io import FileFormatError

__all__ = ["RefusedError", "error_response", "input_error", "json_response", "redact"]

# a value as repr() or JSON quotes it; an apostrophe inside a word ("the token's") is none
_QUOTED: Final = re.compile(r"(?<!\w)(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?!\w)")
_NUMBER: Final = re.compile(r"\b(number|got) -?[0-9][0-9.,eE+_-]*")


def redact(problem: str) -> str:
    """``problem`` with every quoted value and number the input held replaced by ``…``.

    A message is rendered (in the language in force) before its values are removed.
    """
    return _NUMBER.sub(r"\1 …", _QUOTED.sub("'…'", str(problem)))


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """``data`` as a JSON response (exact decimal text stays text)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def error_response(
    status: int,
    kind: str,
    message: str,
    *,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> Response:
    """``{"error": {"kind", "message", "field"}}``, as the command line's ``--json`` errors."""
    data: dict[str, Any] = {"error": {"kind": kind, "message": message, "field": field}}
    if errors:
        data["errors"] = errors
    return json_response(data, status, headers)


def input_error(exc: FileFormatError) -> Response:
    """A 400 response for a body the library refused: each field and its problem, redacted."""
    problems = [(exc.field, exc.problem), *exc.others]
    errors = [{"kind": "input", "field": f or None, "message": redact(p)} for f, p in problems[:20]]
    return error_response(
        400,
        "input",
        redact(exc.problem),
        field=exc.field or None,
        errors=errors if len(errors) > 1 else None,
    )


class RefusedError(Exception):
    """A request the access rules refuse: 401 without a (known) token, 403 for the wrong one.

    ``reason`` is a short code for the log (``no-token``, ``unknown-token``,
    ``role``, ``pilot``); ``message`` is what the caller reads.
    """

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message
