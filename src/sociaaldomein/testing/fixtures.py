"""The pytest fixtures of sociaaldomein, loaded by pytest through the ``pytest11`` entry point.

Installing sociaaldomein is enough: pytest finds this module through the
entry point ``sociaaldomein`` of the group ``pytest11`` (as tox does with
``tox.pytest``), so a plugin's tests need no ``conftest.py`` line.  Annotate
the fixtures with :class:`~sociaaldomein.Gemeente` and
:class:`~sociaaldomein.testing.Registered`.  It also collects the policy cases
(``*.cases.toml``, :mod:`sociaaldomein.testing.cases_plugin`); these two are the
only modules of :mod:`sociaaldomein.testing` that import pytest.
"""

from __future__ import annotations

import pytest

from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.testing.cases_plugin import pytest_collect_file
from sociaaldomein.testing.registration import Registered, registered_plugin

__all__ = ["gemeente", "pytest_collect_file", "registered"]


@pytest.fixture
def gemeente() -> Gemeente:
    """A fresh composition without plugins, for one test."""
    return Gemeente("Testgemeente")


@pytest.fixture
def registered() -> Registered:
    """:func:`~sociaaldomein.testing.registered_plugin`: a plugin registered for one block."""
    return registered_plugin
