"""``sociaaldomein.simulation`` imports a name's module when the name is first used.

A sweep's worker unpickles its chunk, which imports the engine; it must not pay
for the cohort generators, file loaders and converters it never calls.  The
lazy table itself is checked with the root package's, in ``test_startup.py``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import sociaaldomein.simulation as simulation


def test_sweep_is_the_function_even_after_its_module_is_imported() -> None:
    import importlib

    module = importlib.import_module("sociaaldomein.simulation.sweep")
    assert simulation.sweep is module.sweep
    from sociaaldomein.simulation import sweep

    assert sweep is module.sweep


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchName"):
        simulation.NoSuchName  # noqa: B018


def test_a_worker_unpickling_a_chunk_loads_no_cohort_generator_or_file_reader() -> None:
    code = (
        "import pickle, sys\n"
        "import pendulum\n"
        "from sociaaldomein import PluginSpec\n"
        "from sociaaldomein.domain.cohort import Cohort\n"
        "from sociaaldomein.simulation.engine import Job\n"
        "from sociaaldomein.simulation.settings import Settings\n"
        "import numpy as np\n"
        "column = np.array([3], dtype=np.uint8)\n"
        "cohort = Cohort(ids=('a',), columns={'n_problemen': column}, vocabularies={})\n"
        "job = Job('k', (PluginSpec('sociaaldomein.testing:ToyPilot'),), cohort,\n"
        "          Settings(pendulum.date(2024, 1, 1), months=2), (0,), 1)\n"
        "sys.stdout.buffer.write(pickle.dumps(job))\n"
    )
    made = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=60)
    probe = (
        "import pickle, sys\n"
        "pickle.loads(sys.stdin.buffer.read())\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sociaaldomein.io',"
        " 'sociaaldomein.simulation.families', 'sociaaldomein.simulation.loader', 'cattrs'))))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe],
        input=made.stdout,
        capture_output=True,
        check=True,
        timeout=60,
    )
    assert loaded.stdout.decode().strip() == "[]"
