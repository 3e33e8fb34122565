"""The checks every pilot plugin must pass (sociaaldomein.testing.PluginConformance).

Discovery through the entry point, answers only for its own pilot, one family
and a cohort (and month by month, with changing problems) decided alike,
every citation a section of 004_b7ccad7045cc3ba8.txt, every explanation rendering.
The plugin ships the letter in its package's ``letters/`` folder.
"""

from __future__ import annotations

from sociaaldomein_hoogkerk import HoogkerkPilot, example_families

from sociaaldomein.testing import PluginConformance


class TestHoogkerkPilotConformance(PluginConformance):
    plugin = HoogkerkPilot
    entry_point = "hoogkerk"
    examples = example_families
