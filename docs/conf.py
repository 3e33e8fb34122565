"""Sphinx configuration: MyST Markdown pages, autodoc from the installed package, furo.

Build with ``nox -s docs`` (warnings are errors, and the code examples run as doctests).
No extension here reaches the network while building.
"""

from __future__ import annotations

from importlib.metadata import version as _version

project = "sociaaldomein"
author = "sociaaldomein contributors"
copyright = "sociaaldomein contributors, EUPL-1.2"
release = _version("sociaaldomein")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"
nitpicky = False

# MyST: ::: fences for directives, definition lists, anchors on headings for links.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: types go into the description, members in source order.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"show-inheritance": True}

# doctest: every {doctest} block in the pages runs with these names available.
doctest_global_setup = """
from decimal import Decimal

import pendulum

import sociaaldomein
"""

html_theme = "furo"
html_title = f"sociaaldomein {release}"
