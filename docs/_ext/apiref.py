"""The ``{public-api}`` directive: the package root's public names, grouped by concept.

The public API is what ``sociaaldomein.__all__`` lists, importable from the
package root.  The API page documents each name once, under its root name
(``sociaaldomein.Pilot``), in the group of the module that defines it:

.. code-block:: markdown

    ```{public-api}
    :modules: sociaaldomein.domain.gezin sociaaldomein.domain.professional
    ```

A directive with ``:rest:`` documents every public name no earlier directive
on the page claimed, so that a name added to ``__all__`` is documented even
before someone files it under a concept.  Each name becomes an ``autoclass``,
``autoexception``, ``autofunction`` or ``autodata``; autodoc records the
defining module as the canonical name, so references to either name resolve.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective

PACKAGE = "sociaaldomein"


def _modules() -> list[ModuleType]:
    root = importlib.import_module(PACKAGE)
    found = [root]
    for info in pkgutil.walk_packages(root.__path__, f"{PACKAGE}."):
        try:
            found.append(importlib.import_module(info.name))
        except ImportError:  # an optional dependency missing: its names stay in the root
            continue
    return found


def defining_module(name: str) -> str:
    """The deepest module of the package that defines or lists the public name ``name``."""
    root = importlib.import_module(PACKAGE)
    obj = getattr(root, name)
    module = getattr(obj, "__module__", None)
    if (inspect.isclass(obj) or inspect.isfunction(obj)) and isinstance(module, str):
        return module
    owners = [
        m.__name__
        for m in _modules()
        if m.__name__ != PACKAGE
        and name in getattr(m, "__all__", ())
        and getattr(m, name, None) is obj
    ]
    return max(owners, key=lambda n: n.count("."), default=PACKAGE)


def public_names() -> list[str]:
    """``sociaaldomein.__all__``, in its order."""
    return list(importlib.import_module(PACKAGE).__all__)


def _source_line(name: str) -> int:
    """Where ``name`` is defined in its module, so that a group reads in source order."""
    obj = getattr(importlib.import_module(PACKAGE), name)
    try:
        return inspect.getsourcelines(obj)[1]
    except (TypeError, OSError):
        module = importlib.import_module(defining_module(name))
        source = inspect.getsource(module).splitlines()
        starts = (f"{name} =", f"{name}:")
        return next((i for i, line in enumerate(source, 1) if line.startswith(starts)), 10**6)


def _directive(name: str) -> str:
    obj = getattr(importlib.import_module(PACKAGE), name)
    if inspect.isclass(obj) and issubclass(obj, BaseException):
        return "autoexception"
    if inspect.isclass(obj):
        return "autoclass"
    if inspect.isfunction(obj):
        return "autofunction"
    return "autodata"


def _attribute_doc(module: str, name: str) -> bool:
    """Whether ``name`` has a doc comment (``#:`` or a string below it) in ``module``."""
    try:
        docs = ModuleAnalyzer.for_module(module).find_attr_docs()
    except PycodeError:
        return False
    return ("", name) in docs


def _entry(name: str) -> list[str]:
    """The reST directive documenting the public name ``name``."""
    kind = _directive(name)
    if kind in ("autoclass", "autoexception"):
        return [f".. {kind}:: {PACKAGE}.{name}", "   :members:"]
    if kind == "autofunction":
        return [f".. {kind}:: {PACKAGE}.{name}"]
    # Data: the doc comment sits in the defining module, so document it there
    # (autodoc records the root name too).  Without one, autodoc would show the
    # docstring of the value's type (dict, str), so say only what it is.
    module = defining_module(name)
    if _attribute_doc(module, name):
        return [f".. autodata:: {module}.{name}", "   :no-value:"]
    obj = getattr(importlib.import_module(PACKAGE), name)
    if type(obj).__module__ == "builtins":
        return [f".. py:data:: {PACKAGE}.{name}", f"   :value: {obj!r}"]
    return [f".. autodata:: {PACKAGE}.{name}", "   :no-value:"]


class PublicApiDirective(SphinxDirective):
    """``{public-api}``: autodoc for the public names defined in ``:modules:`` (or the rest)."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "modules": directives.unchanged,
        "rest": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        claimed: set[str] = self.env.temp_data.setdefault("public_api_claimed", set())  # type: ignore[assignment]
        wanted = (self.options.get("modules") or "").split()
        names = [
            n
            for n in public_names()
            if n not in claimed and ("rest" in self.options or defining_module(n) in wanted)
        ]
        if "rest" not in self.options:
            names.sort(key=lambda n: (wanted.index(defining_module(n)), _source_line(n)))
        claimed.update(names)
        if not names:
            return []
        # autodoc writes reStructuredText (and the docstrings are reST), so the
        # directives go into an eval-rst block of the MyST page.
        lines = ["```{eval-rst}"]
        for name in names:
            lines += [*_entry(name), ""]
        lines.append("```")
        holder = nodes.Element()
        self.state.nested_parse(StringList(lines, source="<public-api>"), 0, holder)
        return list(holder.children)


def _drop_object_base(
    app: Sphinx, name: str, obj: object, options: object, bases: list[type]
) -> None:
    """Leave ``Bases: object`` out: every class has it, so it says nothing."""
    bases[:] = [base for base in bases if base is not object]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("public-api", PublicApiDirective)
    app.connect("autodoc-process-bases", _drop_object_base)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
