"""Composing pilots and policies into a municipality's decisions."""

from typing import Any

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


_MOVED = {
    "OUTCOME_CODES": "sociaaldomein.domain.compiled",
    "CompiledPilot": "sociaaldomein.domain.compiled",
    "TerminationCheck": "sociaaldomein.domain.compiled",
}


def __getattr__(name: str) -> Any:
    # 0.1 kept the compiled pilot here; it is a domain value since 0.2.
    if name in _MOVED:
        import importlib
        import warnings

        warnings.warn(
            f"sociaaldomein.composition.{name} is deprecated: import it from {_MOVED[name]} "
            "(until 0.3)",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(_MOVED[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
