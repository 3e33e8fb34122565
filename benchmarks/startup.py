"""Start-up as a user pays it: fresh processes, in turns, start-up of Python itself subtracted.

``python -c pass``, ``python -c "import numpy"``, ``python -c "import
sociaaldomein"``, ``python -c "from sociaaldomein import Gemeente"`` (the first
name used imports its module, see ``sociaaldomein/__init__.py``) and
``sociaaldomein --help`` run one after another, several rounds, each in a new
process; the targets compare medians.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from harness import INFO, figure, fresh_interleaved


def _console_script() -> list[str]:
    # The installed command beside this interpreter, else the module (the same parser).
    found = Path(sys.executable).with_name("sociaaldomein")
    if found.exists():
        return [str(found)]
    on_path = shutil.which("sociaaldomein")
    return [on_path] if on_path else [sys.executable, "-m", "sociaaldomein"]


def run(quick: bool = False) -> list[dict[str, object]]:
    """Import and ``--help`` times against Python's own start-up and numpy's import."""
    python = sys.executable
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "import numpy": [python, "-c", "import numpy"],
        "import sociaaldomein": [python, "-c", "import sociaaldomein"],
        "from sociaaldomein import Gemeente": [python, "-c", "from sociaaldomein import Gemeente"],
        "sociaaldomein --help": [*_console_script(), "--help"],
    }
    timed = fresh_interleaved(commands, repeat=5 if quick else 15)
    base = timed["python -c pass"].median
    numpy_cost = timed["import numpy"].median - base
    ours = timed["import sociaaldomein"].median - base
    first_name = timed["from sociaaldomein import Gemeente"].median - base
    helps = timed["sociaaldomein --help"].median - base
    ratio = ours / numpy_cost if numpy_cost > 0 else float("inf")
    note = (
        f"medians of fresh processes: python -c pass {base * 1e3:.0f} ms, import numpy "
        f"{numpy_cost * 1e3:.0f} ms more"
    )
    return [
        figure(
            "start-up: import sociaaldomein / import numpy (Python's start-up subtracted)",
            ratio,
            "x",
            "<= 3",
            ratio <= 3,
            peer="import numpy",
            peer_value=numpy_cost,
            note=f"import sociaaldomein {ours * 1e3:.0f} ms more than pass; {note}",
        ),
        figure(
            "start-up: sociaaldomein --help, more than python -c pass",
            helps,
            "s",
            "<= 0.15",
            helps <= 0.15,
            peer="python -c pass",
            peer_value=base,
            note=note,
        ),
        figure(
            "start-up: from sociaaldomein import Gemeente, more than python -c pass",
            first_name,
            "s",
            INFO,
            True,
            peer="import numpy",
            peer_value=numpy_cost,
            note="the composition's modules, pluggy, attrs, pendulum and numpy: " + note,
        ),
    ]
