"""The one error that bad files and bad values from files raise.

A :class:`FileFormatError` is an :class:`~sociaaldomein.errors.InvalidValueError`,
so a caller that catches "anything the library rejected" catches it too.  Its
message names the file, the field and the problem on one line::

    gezinnen.json: gezinnen[2].zrm.huidig.financien: a ZRM level is a whole number ...

and, for a syntax error, the line and column instead of a field::

    gezinnen.json, line 3, column 5: invalid JSON: Expecting ',' delimiter
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from sociaaldomein.errors import InvalidValueError
from sociaaldomein.i18n import _, as_language, current_language, render_value

__all__ = ["FileFormatError", "InputProblemsError", "escape_controls"]

_MORE_NAMED = 3
# C0 and C1 control characters, DEL, and the line and paragraph separators: anything
# that would break the one line of a message or steer a terminal (ANSI escapes).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with control characters written as escapes (``\\n``, ``\\x1b``): one safe line.

    >>> escape_controls("id\\n\\x1b[31mred")
    'id\\\\n\\\\x1b[31mred'
    """
    return _CONTROLS.sub(_escape, text)


class FileFormatError(InvalidValueError):
    """A file, or a value in it, that the library cannot read.

    ``path`` is the file (``None`` for data that did not come from a file);
    ``field`` the path of the field inside the document, such as
    ``"gezinnen[2].zrm.huidig.financien"`` (``""`` for the document as a
    whole); ``problem`` says what is wrong in plain words.  ``line`` and
    ``column`` are set for syntax errors.  When a document has several
    problems the first is reported and ``others`` holds the rest as
    ``(field, problem)`` pairs.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        field: str,
        problem: str,
        *,
        line: int | None = None,
        column: int | None = None,
        others: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(field, problem)
        self.path = None if path is None else os.fspath(path)
        self.line = line
        self.column = column
        self.others = tuple(others)
        self.args = (self.message(),)

    def message(self, language: str | None = None) -> str:
        """The one-line message: file, field and problem (and how many more problems).

        In ``language`` (default: the current language): the problem, when it is
        a message, and the words around it are translated; file and field are
        written as they are.  Control characters in any part (a key or an id
        holding a newline or an ANSI escape) are escaped, so the message stays
        one line and inert.
        """
        return escape_controls(self._raw_message(language))

    def _raw_message(self, language: str | None = None) -> str:
        chosen = current_language() if language is None else as_language(language)
        where: list[object] = [] if self.path is None else [self.path]
        if self.line is not None:
            where.append(_("line {line}", line=self.line))
        if self.column is not None:
            where.append(_("column {column}", column=self.column))
        head = ", ".join(render_value(w, chosen) for w in where)
        parts = [p for p in (head, self.field) if p]
        text = ": ".join([*parts, render_value(self.problem, chosen)])
        if self.others:
            document = render_value(_("(document)"), chosen)
            named = ", ".join(f or document for f, _p in self.others[:_MORE_NAMED])
            rest = "" if len(self.others) <= _MORE_NAMED else ", ..."
            more = _("(and {n} more: {named})", n=len(self.others), named=named + rest)
            text += " " + render_value(more, chosen)
        return text

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> tuple[object, ...]:
        kwargs = {"line": self.line, "column": self.column, "others": self.others}
        return (_rebuild, (self.path, self.field, self.problem, kwargs))


class InputProblemsError(FileFormatError):
    """Every problem found in one pass over the input, each a :class:`FileFormatError`.

    It is the first of them (``str()`` is its message, with how many more);
    ``problems`` holds them all, each with its file, field and, where it can
    be found in the text, its line.  The command line prints one line each.
    """

    def __init__(self, problems: Sequence[FileFormatError]) -> None:
        if not problems:
            raise ValueError("InputProblemsError needs at least one problem")
        first = problems[0]
        others = [(p.field, p.problem) for p in problems[1:]]
        super().__init__(
            first.path,
            first.field,
            first.problem,
            line=first.line,
            column=first.column,
            others=others,
        )
        self.problems = tuple(problems)

    def __reduce__(self) -> tuple[object, ...]:
        return (InputProblemsError, (self.problems,))


def _rebuild(
    path: str | None, field: str, problem: str, kwargs: dict[str, object]
) -> FileFormatError:
    line, column, others = kwargs["line"], kwargs["column"], kwargs["others"]
    assert line is None or isinstance(line, int)
    assert column is None or isinstance(column, int)
    assert isinstance(others, tuple)
    return FileFormatError(path, field, problem, line=line, column=column, others=others)
