"""Eligibility over a million families: the four pilots vectorised, and one rule in OpenFisca.

The multiprobleem target group (letter 003, "DOEL" and "7. Toewijzing
gezinnen": three or more problems, at least one signal, a coercive instrument,
living in one of the named wijken) is written a second time as an OpenFisca
variable, over the same columns, so that both evaluate exactly the same rule.
"""

from __future__ import annotations

import functools
import importlib
import time
from collections.abc import Callable
from typing import Any, Final

import numpy as np
import pendulum

from sociaaldomein import Cohort, Gemeente, PluginSpec

PILOTS: Final = {
    "gezinsverzorger": "sociaaldomein_gezinsverzorger:GezinsverzorgerPilot",
    "samen": "sociaaldomein_samen:SamenPilot",
    "multiprobleem": "sociaaldomein_multiprobleem:MultiprobleemPilot",
    "hoogkerk": "sociaaldomein_hoogkerk:HoogkerkPilot",
}


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` timings of ``fn`` (after one warm-up call), in seconds."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def four_pilots(cohort: Cohort) -> dict[str, Any]:
    """Outcome codes of each pilot for every family (``CompiledPilot.outcomes``), timed."""
    gemeente = Gemeente(specs=[PluginSpec(target) for target in PILOTS.values()])
    compiled = gemeente.compile()
    out: dict[str, Any] = {}
    total = 0.0
    for name, pilot in compiled.items():
        on = pilot.pilot.looptijd.start.add(months=1)
        seconds = best(functools.partial(pilot.outcomes, cohort, on))
        rule = best(functools.partial(pilot.eligibility.evaluate, cohort, on))
        total += seconds
        out[name] = {
            "outcomes_ms": round(seconds * 1e3, 3),
            "rule_only_ms": round(rule * 1e3, 3),
            "ns_per_family": round(seconds / len(cohort) * 1e9, 2),
        }
    out["all_four_ms"] = round(total * 1e3, 3)
    out["ns_per_family_per_pilot"] = round(total / len(cohort) / len(compiled) * 1e9, 2)
    return out


def _openfisca_rule(cohort: Cohort, wijk_codes: np.ndarray) -> Callable[[], np.ndarray]:
    """A function that evaluates the multiprobleem rule with OpenFisca-core on ``cohort``."""
    # openfisca-core ships no type information: its modules are Any here
    build_entity = importlib.import_module("openfisca_core.entities").build_entity
    DateUnit = importlib.import_module("openfisca_core.periods").DateUnit  # noqa: N806
    SimulationBuilder = importlib.import_module("openfisca_core.simulations").SimulationBuilder  # noqa: N806
    TaxBenefitSystem = importlib.import_module("openfisca_core.taxbenefitsystems").TaxBenefitSystem  # noqa: N806
    Variable = importlib.import_module("openfisca_core.variables").Variable  # noqa: N806

    gezin = build_entity(key="gezin", plural="gezinnen", label="a family", is_person=True)
    inputs = ("problemen", "signalen", "dwangmiddelen", "wijk")

    def variable(name: str) -> type:
        return type(
            name,
            (Variable,),
            {
                "value_type": int,
                "entity": gezin,
                "definition_period": DateUnit.MONTH,
                "label": name,
            },
        )

    def formula(entity: Any, period: Any) -> Any:
        problems = entity("problemen", period)
        return (
            (np.bitwise_count(problems) >= 3)
            & (entity("signalen", period) != 0)
            & (entity("dwangmiddelen", period) != 0)
            & np.isin(entity("wijk", period), wijk_codes)
        )

    doelgroep = type(
        "multiprobleem_doelgroep",
        (Variable,),
        {
            "value_type": bool,
            "entity": gezin,
            "definition_period": DateUnit.MONTH,
            "label": "multiprobleem target group",
            "formula": formula,
        },
    )
    system = TaxBenefitSystem([gezin])
    for name in inputs:
        system.add_variable(variable(name))
    system.add_variable(doelgroep)
    columns = {name: cohort.column(name).astype(np.int32) for name in inputs}

    def run() -> np.ndarray:
        # A fresh simulation each time: OpenFisca caches what it has calculated.
        simulation = SimulationBuilder().build_default_simulation(system, count=len(cohort))
        for name, values in columns.items():
            simulation.set_input(name, "2011-06", values)
        start = time.perf_counter()
        result = simulation.calculate("multiprobleem_doelgroep", "2011-06")
        run.seconds = time.perf_counter() - start  # type: ignore[attr-defined]
        return np.asarray(result)

    return run


def against_openfisca(cohort: Cohort) -> dict[str, Any]:
    """The multiprobleem rule in the library and in OpenFisca, same columns, same answer."""
    gemeente = Gemeente(specs=[PluginSpec(PILOTS["multiprobleem"])])
    pilot = gemeente.compiled("multiprobleem")
    on = pendulum.date(2011, 6, 1)
    ours = pilot.eligibility.evaluate(cohort, on)
    library = best(lambda: pilot.eligibility.evaluate(cohort, on))
    # The wijken the rule names, as codes of this cohort's vocabulary.
    labels = [
        label
        for leaf in pilot.eligibility.leaves()
        if getattr(getattr(leaf, "feit", None), "naam", None) == "wijk"
        for label in leaf.labels  # type: ignore[attr-defined]
    ]
    codes = cohort.codes("wijk", labels)
    try:
        run = _openfisca_rule(cohort, codes)
    except ImportError as exc:
        return {"library_ms": round(library * 1e3, 3), "openfisca": f"not installed: {exc}"}
    theirs = run()
    times = []
    for _ in range(5):
        run()
        times.append(run.seconds)  # type: ignore[attr-defined]
    openfisca = min(times)
    return {
        "library_ms": round(library * 1e3, 3),
        "openfisca_ms": round(openfisca * 1e3, 3),
        "library_over_openfisca": round(library / openfisca, 3),
        "same_answer": bool(np.array_equal(ours, theirs)),
        "eligible_families": int(ours.sum()),
    }
