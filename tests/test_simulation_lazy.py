"""``sociaaldomein.simulation`` imports a name's module when the name is first used.

A sweep's worker unpickles its chunk, which imports the engine; it must not pay
for the cohort generators, file loaders and converters it never calls.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sociaaldomein.simulation as simulation

INIT = Path(simulation.__file__)


def _type_checking_names() -> dict[str, str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    return {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def test_the_lazy_table_names_what_type_checkers_see() -> None:
    assert _type_checking_names() == simulation._PUBLIC


def test_every_public_name_resolves_to_the_object_its_module_defines() -> None:
    for name in simulation.__all__:
        value = getattr(simulation, name)
        module = simulation._PUBLIC.get(name)
        if module is not None:
            assert value is getattr(sys.modules[module], name)
    assert set(simulation.__all__) <= set(dir(simulation))


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
