"""The checks every pilot plugin must pass (sociaaldomein.testing.PluginConformance).

Discovery through the entry point, answers only for its own pilot, one family
and a cohort (and month by month, with changing problems) decided alike,
every citation a section of 002_3dca2c59337eb1a8.txt, every explanation rendering.
The plugin ships the letter in its package's ``letters/`` folder.
"""

from __future__ import annotations

from sociaaldomein_samen import SamenPilot, example_families

from sociaaldomein.testing import PluginConformance


class TestSamenPilotConformance(PluginConformance):
    plugin = SamenPilot
    entry_point = "samen"
    examples = example_families
