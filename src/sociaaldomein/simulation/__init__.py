"""Simulation: synthetic and real cohorts, a month-by-month engine, Monte Carlo sweeps, plots.

>>> import pendulum
>>> from sociaaldomein.simulation import Settings, generate_cohort, simulate
>>> from sociaaldomein import Gemeente
>>> from sociaaldomein.testing import ToyPilot
>>> r = simulate(Gemeente(plugins=[ToyPilot()]), generate_cohort(200, seed=1),
...              Settings(pendulum.date(2024, 1, 1), months=6), runs=3, seed=1)
>>> r.spent("toy", run=0) + r.remaining("toy", run=0) == r.budget("toy")
True

Plots need matplotlib (``pip install 'sociaaldomein[plot]'``) and live in
:mod:`sociaaldomein.simulation.plots`; DataFrames need pandas
(``pip install 'sociaaldomein[pandas]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

# Imported now, not when first used: the submodule of the same name would
# otherwise take the function's place in this package once anything imports it.
from sociaaldomein.simulation.sweep import sweep

if TYPE_CHECKING:
    from sociaaldomein.simulation.engine import KERNELS, simulate
    from sociaaldomein.simulation.families import (
        GRONINGEN,
        SIMULATION_COLUMNS,
        WIJKEN,
        CohortParams,
        columns_needed,
        columns_read,
        generate_cohort,
        materialise,
    )
    from sociaaldomein.simulation.loader import load_cohort
    from sociaaldomein.simulation.model import Model, build_model
    from sociaaldomein.simulation.params import (
        GRONINGEN_FILE,
        WESTERKWARTIER_FILE,
        load_cohort_params,
    )
    from sociaaldomein.simulation.results import RUN_FIGURES, Results, Summary, SummaryRow
    from sociaaldomein.simulation.runs import ASSESSED, ENDED_BY, SERIES
    from sociaaldomein.simulation.settings import (
        DEFAULT_COSTS,
        PRIORITIES,
        PartnerVote,
        Phase,
        PilotDesign,
        Settings,
    )

__all__ = [
    "ASSESSED",
    "DEFAULT_COSTS",
    "ENDED_BY",
    "GRONINGEN",
    "GRONINGEN_FILE",
    "KERNELS",
    "PRIORITIES",
    "RUN_FIGURES",
    "SERIES",
    "SIMULATION_COLUMNS",
    "WESTERKWARTIER_FILE",
    "WIJKEN",
    "CohortParams",
    "Model",
    "PartnerVote",
    "Phase",
    "PilotDesign",
    "Results",
    "Settings",
    "Summary",
    "SummaryRow",
    "build_model",
    "columns_needed",
    "columns_read",
    "generate_cohort",
    "load_cohort",
    "load_cohort_params",
    "materialise",
    "simulate",
    "sweep",
]

_PUBLIC: Final[dict[str, str]] = {
    "KERNELS": "sociaaldomein.simulation.engine",
    "simulate": "sociaaldomein.simulation.engine",
    "GRONINGEN": "sociaaldomein.simulation.families",
    "SIMULATION_COLUMNS": "sociaaldomein.simulation.families",
    "WIJKEN": "sociaaldomein.simulation.families",
    "CohortParams": "sociaaldomein.simulation.families",
    "columns_needed": "sociaaldomein.simulation.families",
    "columns_read": "sociaaldomein.simulation.families",
    "generate_cohort": "sociaaldomein.simulation.families",
    "materialise": "sociaaldomein.simulation.families",
    "load_cohort": "sociaaldomein.simulation.loader",
    "Model": "sociaaldomein.simulation.model",
    "build_model": "sociaaldomein.simulation.model",
    "GRONINGEN_FILE": "sociaaldomein.simulation.params",
    "WESTERKWARTIER_FILE": "sociaaldomein.simulation.params",
    "load_cohort_params": "sociaaldomein.simulation.params",
    "RUN_FIGURES": "sociaaldomein.simulation.results",
    "Results": "sociaaldomein.simulation.results",
    "Summary": "sociaaldomein.simulation.results",
    "SummaryRow": "sociaaldomein.simulation.results",
    "ASSESSED": "sociaaldomein.simulation.runs",
    "ENDED_BY": "sociaaldomein.simulation.runs",
    "SERIES": "sociaaldomein.simulation.runs",
    "DEFAULT_COSTS": "sociaaldomein.simulation.settings",
    "PRIORITIES": "sociaaldomein.simulation.settings",
    "PartnerVote": "sociaaldomein.simulation.settings",
    "Phase": "sociaaldomein.simulation.settings",
    "PilotDesign": "sociaaldomein.simulation.settings",
    "Settings": "sociaaldomein.simulation.settings",
}
"""Every public name and the module that defines it.

Importing this package imports none of them: a name's module is imported the
first time the name is used.  A worker of a sweep unpickles its chunk, which
imports :mod:`sociaaldomein.simulation.engine` and what that needs, not the
cohort generators, file loaders and converters it never calls.  The imports
above, for type checkers only, list the same names; a test keeps them alike.
"""


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next look-up is an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
