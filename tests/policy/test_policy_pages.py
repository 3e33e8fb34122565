"""A pilot page lists the decisions applied to its pilot and its dated versions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pendulum

from sociaaldomein import Citation, Gemeente
from sociaaldomein.composition.discovery import LoadedPlugin
from sociaaldomein.policy import Besluit, Orgaan, ParameterWijziging
from sociaaldomein.testing import ToyPilot

EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"


def _renderer() -> Any:
    if "pilotrender" in sys.modules:
        return sys.modules["pilotrender"]
    spec = importlib.util.spec_from_file_location("pilotrender", EXT / "pilotrender.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pilotrender"] = module
    spec.loader.exec_module(module)
    return module


def _page(gemeente: Gemeente) -> str:
    render = _renderer()
    loaded = LoadedPlugin("toy", "sociaaldomein", "0.1.0", None)
    composition = render.Composition(gemeente, {"toy": loaded}, {"toy": ["toy"]})
    return str(render.render_plugin(composition, "toy").text)


def test_a_page_lists_the_decisions_and_versions() -> None:
    gemeente = Gemeente("Testgemeente", plugins=[ToyPilot()])
    gemeente.apply(
        Besluit(
            Orgaan.RAAD,
            pendulum.date(2024, 6, 20),
            "RB 2024-03",
            Citation("raadsbesluit-2024-03.txt", "Besluit 1"),
            [ParameterWijziging("toy", "capaciteit", 5, vanaf=pendulum.date(2024, 7, 1))],
        )
    )
    section = _page(gemeente).split("## Decisions applied")[1]
    assert "raadsbesluit RB 2024-03 of 2024-06-20" in section
    assert "capaciteit of toy becomes 5" in section
    assert "from 2024-07-01" in section


def test_a_page_without_decisions_has_no_such_section() -> None:
    assert "Decisions applied" not in _page(Gemeente("Testgemeente", plugins=[ToyPilot()]))
