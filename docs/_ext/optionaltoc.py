"""Pages that may not exist yet: an ``optional-toctree``, and notebooks from ``examples/``.

``{optional-toctree}`` takes the options and entries of ``{toctree}`` but
leaves out every entry that names no page (and every glob that matches none),
so that pages written by others (``cli``, ``files``, ``simulation``, ``bench``)
join the contents when they exist, and the build passes with ``-W`` before they
do.  With the option ``:empty:`` it shows that text when no entry is left.

The notebooks are ``examples/*.ipynb`` in the repository root.  At
``builder-inited`` they are copied into ``docs/notebooks/`` (generated, not
kept in git) for myst-nb to render as they were saved: the docs build does not
execute them; the test session does, with nbmake.
"""

from __future__ import annotations

import shutil
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.directives.other import TocTree

NOTEBOOKS = "notebooks"
"""The folder under the docs source the notebooks are copied into."""


class OptionalTocTree(TocTree):
    """A ``toctree`` of only the entries that exist."""

    option_spec: ClassVar[dict[str, Any]] = {
        **TocTree.option_spec,
        "empty": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        found = self.env.found_docs
        base = self.env.docname.rpartition("/")[0]

        def exists(entry: str) -> bool:
            target = entry.rpartition("<")[2].rstrip(">").strip() if "<" in entry else entry
            full = f"{base}/{target}" if base and not target.startswith("/") else target
            full = full.lstrip("/")
            if "glob" in self.options and any(c in target for c in "*?["):
                return any(fnmatch(doc, full) for doc in found)
            return full in found

        kept = [line for line in self.content if not line.strip() or exists(line.strip())]
        if not any(line.strip() for line in kept):
            empty = self.options.get("empty")
            return [nodes.paragraph(text=empty)] if empty else []
        self.content = StringList(kept, source=self.content.source(0))
        return super().run()


def _copy_notebooks(app: Sphinx) -> None:
    source = Path(app.srcdir).parent / "examples"
    target = Path(app.srcdir) / NOTEBOOKS
    if target.is_dir():
        shutil.rmtree(target)
    notebooks = sorted(source.glob("*.ipynb"))
    if notebooks:
        target.mkdir()
        for notebook in notebooks:
            shutil.copyfile(notebook, target / notebook.name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("optional-toctree", OptionalTocTree)
    app.connect("builder-inited", _copy_notebooks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
