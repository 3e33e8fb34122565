"""Sphinx configuration: MyST Markdown pages, autodoc from the installed package, furo.

Build with ``nox -s docs`` (warnings are errors, and the code examples run as doctests).
No extension here reaches the network while building: there is no intersphinx,
and the notebooks are executed while the pages are built.

Local extensions live in ``docs/_ext``:

* ``pilotpages``: the ``{pilot}`` directive, which renders a pilot's page from
  the objects its installed plugin gives a ``Gemeente``;
* ``apiref``: ``{public-api}``, the package root's public names grouped by concept;
* ``optionaltoc``: ``{optional-toctree}`` for pages that may not exist yet, and
  the copy of ``examples/*.ipynb`` into ``docs/notebooks/``.
* ``apibases``: no empty "Bases:" line for a class whose only base is ``object``;
* ``openapiref``: ``{openapi}``, the service's OpenAPI document rendered into
  ``service.md``, and written next to the HTML as ``openapi.json``.
"""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "sociaaldomein"
author = "sociaaldomein contributors"
copyright = "sociaaldomein contributors, EUPL-1.2"
release = _version("sociaaldomein")
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # MyST Markdown pages (it loads myst_parser) and Jupyter notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "apiref",
    "pilotpages",
    "optionaltoc",
    "openapiref",
    "apibases",
]

root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
language = "en"
nitpicky = False

# MyST: ::: fences for directives, definition lists, anchors on headings for links.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# myst-nb: notebooks are saved without outputs and executed here, so the pages
# show what the code produces today (the tests session also runs them with
# nbmake).  They are seeded and take seconds each.
nb_execution_mode = "force"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_merge_streams = True

# autodoc: types go into the description, members in source order.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"show-inheritance": True}

# The pilot pages: the entry-point names of the built-in pilots (an allow-list).
pilot_pages_plugins = ["gezinsverzorger", "samen", "multiprobleem", "hoogkerk"]

# doctest: every {doctest} block in the pages runs with these names available.
# The ``>>>`` examples in docstrings that autodoc pulls in are not run here:
# pytest runs them where they are written (``--doctest-modules``), with the
# names of their own module.
doctest_test_doctest_blocks = ""
doctest_global_setup = """
from decimal import Decimal

import pendulum

import sociaaldomein
"""

html_theme = "furo"
html_static_path = ["_static"]
html_css_files = ["wrap.css"]  # code output wraps instead of being cut off
html_title = f"sociaaldomein {release}"
