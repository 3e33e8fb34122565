"""Composing pilots and policies into a municipality's decisions."""

from sociaaldomein.composition.discovery import LoadedPlugin, PluginSpec, load_entry_points
from sociaaldomein.composition.gemeente import (
    OUTCOME_CODES,
    CompiledPilot,
    Gemeente,
    TerminationCheck,
)
from sociaaldomein.composition.overview import FundingOverview, FundingRow

__all__ = [
    "OUTCOME_CODES",
    "CompiledPilot",
    "FundingOverview",
    "FundingRow",
    "Gemeente",
    "LoadedPlugin",
    "PluginSpec",
    "TerminationCheck",
    "load_entry_points",
]
