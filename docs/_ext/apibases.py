"""``Bases:`` only where a class has bases worth naming.

autodoc's ``show-inheritance`` writes a "Bases:" line for every class; for a
class whose only base is ``object`` (or ``Protocol``, ``Generic``) it names
nothing, and the API page said "Bases:" with nothing after it.  This removes
those bases and then the empty lines, so a class that extends another of the
library's still says which.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

_SILENT = {"object", "typing.Protocol", "typing.Generic", "Protocol", "Generic"}


def _drop_silent_bases(app: Sphinx, name: str, obj: object, options: Any, bases: list[Any]) -> None:
    # A private base (``_FlagRule``) is shown by its public bases instead: a reader
    # cannot look the private one up.
    shown: list[Any] = []
    for base in bases:
        for candidate in _public(base):
            if candidate not in shown:
                shown.append(candidate)
    bases[:] = shown


def _public(base: Any) -> list[Any]:
    if base is object or getattr(base, "__qualname__", str(base)) in _SILENT:
        return []
    if getattr(base, "__name__", "").startswith("_"):
        return [b for parent in getattr(base, "__bases__", ()) for b in _public(parent)]
    return [base]


def _drop_empty_bases(app: Sphinx, doctree: nodes.document) -> None:
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext().strip() == "Bases:":
            paragraph.parent.remove(paragraph)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the two handlers."""
    app.connect("autodoc-process-bases", _drop_silent_bases)
    app.connect("doctree-read", _drop_empty_bases)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
