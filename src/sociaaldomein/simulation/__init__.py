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
from sociaaldomein.simulation.params import GRONINGEN_FILE, WESTERKWARTIER_FILE, load_cohort_params
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
from sociaaldomein.simulation.sweep import sweep

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
