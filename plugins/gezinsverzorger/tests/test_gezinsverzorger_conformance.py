"""The checks every pilot plugin must pass (sociaaldomein.testing.PluginConformance).

Discovery through the entry point, answers only for its own pilot, one family
and a cohort (and month by month, with changing problems) decided alike,
every citation a section of 000_6fd8bb18cab06410.txt, every explanation rendering.
The plugin ships the letter in its package's ``letters/`` folder.
"""

from __future__ import annotations

from sociaaldomein_gezinsverzorger import GezinsverzorgerPilot, example_families

from sociaaldomein.testing import PluginConformance


class TestGezinsverzorgerPilotConformance(PluginConformance):
    plugin = GezinsverzorgerPilot
    entry_point = "gezinsverzorger"
    examples = example_families
