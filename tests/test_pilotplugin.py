"""PilotPlugin: one pilot per plugin, without the hook boilerplate."""

from __future__ import annotations

import pendulum
import pytest

from sociaaldomein import (
    CompositionError,
    Gemeente,
    Outcome,
    PilotDefinition,
    PilotPlugin,
    PilotStatus,
    PluginError,
)
from sociaaldomein.testing import ToyPilot, make_gezin


def test_a_pilot_plugin_is_its_own_definition_with_defaults() -> None:
    plugin = ToyPilot()
    assert isinstance(plugin, PilotDefinition)
    assert plugin.sociaaldomein_pilots() == [plugin]
    compiled = Gemeente(plugins=[plugin]).compiled("toy")
    assert compiled.mandate is None, "no mandate unless overridden"
    assert compiled.escalation is None
    assert compiled.routes == ()
    assert compiled.provided_by.name == "toy"


def test_two_toy_pilots_do_not_answer_for_each_other() -> None:
    gemeente = Gemeente(plugins=[ToyPilot("strict", min_problems=5), ToyPilot("loose")])
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING"])
    assessment = gemeente.assess(gezin, pendulum.date(2024, 6, 1))
    assert assessment["strict"].outcome is Outcome.NOT_ELIGIBLE
    assert assessment["loose"].outcome is Outcome.ELIGIBLE


def test_extend_returns_a_new_plugin_and_keeps_the_original_end() -> None:
    plugin = ToyPilot()
    extended = plugin.extend(pendulum.date(2026, 7, 1), reason="tussenevaluatie positief")
    assert extended is not plugin
    assert plugin.pilot.looptijd.eind == pendulum.date(2026, 1, 1)
    assert extended.pilot.status is PilotStatus.EXTENDED
    assert extended.pilot.looptijd.oorspronkelijk_eind == pendulum.date(2026, 1, 1)
    gezin = make_gezin(problemen=["SCHULDEN", "VERSLAVING"])
    on = pendulum.date(2026, 3, 1)
    assert Gemeente(plugins=[plugin]).assess(gezin, on)["toy"].outcome is Outcome.CLOSED
    assert Gemeente(plugins=[extended]).assess(gezin, on)["toy"].outcome is Outcome.ELIGIBLE


def test_a_plugin_without_an_eligibility_rule_is_named() -> None:
    class Incomplete(PilotPlugin):
        def __init__(self) -> None:
            self.pilot = ToyPilot("incomplete").pilot

    gemeente = Gemeente(plugins=[ToyPilot("before")])
    # mypy already refuses a definition without eligibility(); at run time it fails alone.
    gemeente.register(Incomplete(), "incomplete-plugin")  # type: ignore[abstract]
    gemeente.register(ToyPilot("after"))
    with pytest.raises(PluginError, match="Incomplete must define eligibility") as info:
        gemeente.compiled("incomplete")
    assert info.value.plugin == "incomplete-plugin", "named although three plugins share the hook"
    assert info.value.hook == "eligibility()"
    assert isinstance(gemeente.plugin("incomplete-plugin"), Incomplete)
    with pytest.raises(CompositionError, match="registered: "):
        gemeente.plugin("missing")
