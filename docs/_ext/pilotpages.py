"""The ``{pilot}`` directive: a pilot page rendered at build time from the plugin's objects.

A page that holds only

.. code-block:: markdown

    ```{pilot} gezinsverzorger
    ```

becomes the page of every pilot that the plugin registered under the entry
point ``gezinsverzorger`` (group ``sociaaldomein``) provides: see
:mod:`pilotrender` for what is on it.  The plugins named in the configuration
value ``pilot_pages_plugins`` (the four Groningen pilots) are composed into one
:class:`~sociaaldomein.Gemeente`, loaded through their entry points and
nothing else; a directive naming another plugin (the tutorial's example) gets a
composition of that plugin alone.

A plugin that is not installed gives a page saying so; a plugin that is
installed but fails to load or to answer gives a page saying why *and* a
warning, which fails a build with ``-W``.  The pages are read again on every
build, because they depend on the installed plugins rather than on their source.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from pilotrender import BUILT_IN_PLUGINS, Composition, compose, render_plugin
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

_compositions: dict[tuple[str, ...], Composition] = {}


def _composition(app: Sphinx, name: str) -> Composition:
    configured = tuple(app.config.pilot_pages_plugins)
    names = configured if name in configured else (name,)
    if names not in _compositions:
        _compositions[names] = compose(names)
    return _compositions[names]


class PilotDirective(SphinxDirective):
    """``{pilot} NAME``: the page of the pilots of the plugin with entry-point name NAME."""

    required_arguments = 1
    optional_arguments = 0
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        self.env.note_reread()
        page = render_plugin(_composition(self.env.app, name), name)
        for problem in page.problems:
            logger.warning(problem, location=self.get_location())
        holder = nodes.Element()
        lines = StringList(page.text.splitlines(), source=f"<pilot {name}>")
        self.state.nested_parse(lines, self.content_offset, holder, match_titles=True)
        return list(holder.children)


def _forget(app: Sphinx) -> None:
    _compositions.clear()


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("pilot_pages_plugins", list(BUILT_IN_PLUGINS), "env", [list, tuple])
    app.add_directive("pilot", PilotDirective)
    app.connect("builder-inited", _forget)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
