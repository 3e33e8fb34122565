"""Composing pilots and policies into a municipality's decisions."""

from sociaaldomein.composition.discovery import LoadedPlugin, PluginSpec, load_entry_points
from sociaaldomein.composition.gemeente import Compilation, Gemeente, PluginInfo
from sociaaldomein.composition.overview import FundingOverview, FundingRow

__all__ = [
    "Compilation",
    "FundingOverview",
    "FundingRow",
    "Gemeente",
    "LoadedPlugin",
    "PluginInfo",
    "PluginSpec",
    "load_entry_points",
]
