"""Pilot pages name rules and models as a reader does, not by their class or constant."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pendulum

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _render() -> ModuleType:
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        return importlib.import_module("pilotrender")
    finally:
        sys.path.remove(str(DOCS / "_ext"))


def test_the_termination_rules_and_funding_models_have_plain_names() -> None:
    render = _render()
    composition = render.compose(["gezinsverzorger"])
    text = render.render_plugin(composition, "gezinsverzorger", on=pendulum.date(2022, 6, 1)).text
    assert "EindeLooptijd" not in text
    assert "**End of looptijd**" in text
    assert "PROJECTBUDGET" not in text
    assert "project budget" in text
    assert "**Status on 2022-06-01 (a fixed date):** actief" in text
