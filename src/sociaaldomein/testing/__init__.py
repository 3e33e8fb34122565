"""Helpers for testing plugins: a toy pilot, family builders, checks and a conformance suite.

Nothing here needs pytest: :class:`ToyPilot` works in a scenario file
(``sociaaldomein.testing:ToyPilot``) and the ``assert_*`` checks in any test
runner.  The pytest fixtures come with the installed library through the
``pytest11`` entry point (module :mod:`sociaaldomein.testing.fixtures`):
``gemeente`` is a fresh, empty :class:`~sociaaldomein.Gemeente` in every test,
and ``registered`` (of type :class:`Registered`) registers a plugin for the
duration of one block:

.. code-block:: python

    from sociaaldomein import Gemeente
    from sociaaldomein.testing import Registered

    def test_my_pilot(gemeente: Gemeente, registered: Registered) -> None:
        with registered(gemeente, MyPilot()):
            assert "my-pilot" in gemeente.pilots

:class:`PluginConformance` is the suite of checks every pilot plugin must pass.
"""

from __future__ import annotations

from typing import Any

from sociaaldomein.testing.checks import (
    LETTERS_ENV,
    assert_citations_in_letter,
    assert_monthly_outcomes_agree,
    assert_outcomes_agree,
    assert_silent_on_other_pilots,
    citations,
    find_letter,
    plain_answer_hooks_of,
)
from sociaaldomein.testing.conformance import PluginConformance
from sociaaldomein.testing.registration import Registered, registered_plugin
from sociaaldomein.testing.toy import TOY_SOURCE, ToyPilot, make_gezin

__all__ = [
    "LETTERS_ENV",
    "TOY_SOURCE",
    "PluginConformance",
    "Registered",
    "ToyPilot",
    "assert_citations_in_letter",
    "assert_monthly_outcomes_agree",
    "assert_outcomes_agree",
    "assert_silent_on_other_pilots",
    "citations",
    "find_letter",
    "make_gezin",
    "plain_answer_hooks_of",
    "registered_plugin",
]


def pytest_configure(config: Any) -> None:
    """The 0.1 line ``pytest_plugins = ["sociaaldomein.testing"]`` still works, with a warning.

    pytest calls this only when a ``conftest.py`` names this module as a
    plugin.  The fixtures now come through the ``pytest11`` entry point, so
    the line can go; until 0.3 it registers them when the entry point did not.
    """
    from sociaaldomein.testing import fixtures

    manager = config.pluginmanager
    if not manager.is_registered(fixtures):
        manager.register(fixtures, "sociaaldomein.testing.fixtures")
    config.issue_config_time_warning(
        DeprecationWarning(
            'pytest_plugins = ["sociaaldomein.testing"] is no longer needed: installed '
            "sociaaldomein gives its fixtures to pytest through the pytest11 entry point; "
            "remove the line (it works until 0.3)"
        ),
        stacklevel=2,
    )
