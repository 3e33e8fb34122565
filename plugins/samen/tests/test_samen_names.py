"""The 0.1 name of the letter constant keeps working until 0.3, and says what to change."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("module", ["sociaaldomein_samen", "sociaaldomein_samen.letter"])
def test_brief_is_now_letter(module: str) -> None:
    imported = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=rf"{module}\.BRIEF is renamed LETTER"):
        value = imported.BRIEF
    assert value is imported.LETTER


def test_the_pilot_name_may_be_passed_first_as_in_every_plugin() -> None:
    from sociaaldomein_samen import SamenPilot

    assert SamenPilot("samen-b").pilot.naam == "samen-b"
