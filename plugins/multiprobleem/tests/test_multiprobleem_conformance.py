"""The checks every pilot plugin must pass (sociaaldomein.testing.PluginConformance).

Discovery through the entry point, answers only for its own pilot, one family
and a cohort (and month by month, with changing problems) decided alike,
every citation a section of 003_720c15da674da257.txt, every explanation rendering.
The plugin ships the letter in its package's ``letters/`` folder.
"""

from __future__ import annotations

from sociaaldomein_multiprobleem import MultiprobleemPilot, example_families

from sociaaldomein.testing import PluginConformance


class TestMultiprobleemPilotConformance(PluginConformance):
    plugin = MultiprobleemPilot
    entry_point = "multiprobleem"
    examples = example_families
