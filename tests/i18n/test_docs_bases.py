"""The API page says "Bases:" only where a class has a base worth naming."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _module() -> ModuleType:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        return importlib.import_module("apibases")
    finally:
        sys.path.remove(str(DOCS / "_ext"))


def test_the_docs_load_the_extension_and_the_wrapping_css() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert '"apibases"' in conf
    assert "wrap.css" in conf
    assert "pre-wrap" in (DOCS / "_static" / "wrap.css").read_text(encoding="utf-8")


def test_object_and_protocol_are_no_bases_and_an_empty_line_goes() -> None:
    apibases = _module()
    bases: list[object] = [object]
    apibases._drop_silent_bases(None, "X", object(), {}, bases)
    assert bases == []
    # docutils has no type stubs here; it is read as Any.
    nodes: Any = importlib.import_module("docutils.nodes")
    utils: Any = importlib.import_module("docutils.utils")
    frontend: Any = importlib.import_module("docutils.frontend")
    rst: Any = importlib.import_module("docutils.parsers.rst")
    document = utils.new_document("api", frontend.get_default_settings(rst.Parser))
    document += nodes.paragraph(text="Bases: ")
    document += nodes.paragraph(text="Bases: Rule")
    apibases._drop_empty_bases(None, document)
    assert [p.astext() for p in document.findall(nodes.paragraph)] == ["Bases: Rule"]


def test_a_private_base_is_shown_by_its_public_bases() -> None:
    apibases = _module()
    from sociaaldomein import HasAny, Rule

    bases: list[object] = list(HasAny.__bases__)
    apibases._drop_silent_bases(None, "HasAny", HasAny, {}, bases)
    assert bases == [Rule]
