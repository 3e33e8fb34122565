"""Eligibility of the four Groningen pilots over a million families, against OpenFisca.

Each pilot's target group is written a second time as an OpenFisca variable
over the same cohort columns, so that both compute the same four rules:

* gezinsverzorger (letter 000, "Bemensing pilot", "Initiatiefvoorstel", "Kosten
  pilot"): a parent with chronic problems, the need to take over the household,
  a minor in the family;
* SAMEN. (letter 002, "Wat verstaan we onder de taak SAMEN."): a minor and a
  youth-care need;
* multiprobleem (letter 003, "DOEL" and "7. Toewijzing gezinnen"): three or
  more problems, a signal, a coercive instrument, living in the named wijken;
* Hoogkerk (letter 004, "Achtergrond van deze beweging"): living in Hoogkerk,
  a need BT Hoogkerk answers (adults' support, or a minor's youth care),
  referred by the WIJ-team.

The four are timed as one total each, in turns (library, OpenFisca, library,
...): the library's four rules (``Rule.evaluate``), the library's four
``CompiledPilot.outcomes`` (the rules and every route), and OpenFisca's
``calculate`` of the four variables on a fresh simulation (made untimed).  Both answers are
compared family by family.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Final

import numpy as np
import pendulum
from harness import figure, interleave, unavailable

from sociaaldomein import Cohort, Dwangmiddel, Gemeente, Hulpvraag, PluginSpec, Signaal
from sociaaldomein.domain.cohort import Array, flag_mask
from sociaaldomein.simulation import generate_cohort

PILOTS: Final = {
    "gezinsverzorger": "sociaaldomein_gezinsverzorger:GezinsverzorgerPilot",
    "samen": "sociaaldomein_samen:SamenPilot",
    "multiprobleem": "sociaaldomein_multiprobleem:MultiprobleemPilot",
    "hoogkerk": "sociaaldomein_hoogkerk:HoogkerkPilot",
}

ON: Final = pendulum.date(2024, 1, 1)
"""The one date both evaluate the rules on (a minor is younger than 18 on it)."""

PERIOD: Final = "2024-01"

INPUTS: Final = (
    "problemen",
    "signalen",
    "dwangmiddelen",
    "hulpvragen",
    "wijk",
    "verwijzer",
    "ouder_chronisch",
    "jongste_kind_geboren",
)


def openfisca_rules(cohort: Cohort) -> tuple[Callable[[], object], Callable[[], dict[str, Array]]]:
    """Two functions: one makes a fresh OpenFisca simulation of ``cohort`` (its inputs set),
    the other computes the four target groups in it (what is timed)."""
    # openfisca-core ships no type information: its modules are Any here
    build_entity = importlib.import_module("openfisca_core.entities").build_entity
    DateUnit = importlib.import_module("openfisca_core.periods").DateUnit  # noqa: N806
    SimulationBuilder = importlib.import_module("openfisca_core.simulations").SimulationBuilder  # noqa: N806
    TaxBenefitSystem = importlib.import_module("openfisca_core.taxbenefitsystems").TaxBenefitSystem  # noqa: N806
    Variable = importlib.import_module("openfisca_core.variables").Variable  # noqa: N806

    gezin = build_entity(key="gezin", plural="gezinnen", label="a family", is_person=True)
    eighteen_years_before = ON.subtract(years=18).toordinal()
    korrewegwijk_tuinwijk = cohort.codes(
        "wijk", ["Korrewegwijk", "Indische Buurt", "de Hoogte", "Tuinwijk"]
    )
    hoogkerk = cohort.codes("wijk", ["Hoogkerk"])
    gemeente = cohort.codes("verwijzer", ["GEMEENTE"])
    overname = flag_mask([Hulpvraag.OVERNAME_HUISHOUDEN])
    jeugdhulp = flag_mask(
        [
            Hulpvraag.JEUGDHULP_BEGELEIDING,
            Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING,
            Hulpvraag.JEUGDHULP_SPECIALISTISCH,
        ]
    )
    basis_jeugdhulp = flag_mask(
        [Hulpvraag.JEUGDHULP_BEGELEIDING, Hulpvraag.JEUGDHULP_LICHTE_BEHANDELING]
    )
    volwassenen = flag_mask([Hulpvraag.INDIVIDUELE_BEGELEIDING, Hulpvraag.DAGBESTEDING])
    signalen = flag_mask(list(Signaal))
    dwang = flag_mask(
        [
            Dwangmiddel.UITHUISPLAATSING,
            Dwangmiddel.HUISUITZETTING,
            Dwangmiddel.HUISVERBOD,
            Dwangmiddel.ONDERTOEZICHTSTELLING,
            Dwangmiddel.INTREKKING_UITKERING,
            Dwangmiddel.VOORWAARDELIJKE_STRAF,
        ]
    )

    def variable(name: str, value_type: type, formula: Any = None) -> type:
        body: dict[str, Any] = {
            "value_type": value_type,
            "entity": gezin,
            "definition_period": DateUnit.MONTH,
            "label": name,
        }
        if formula is not None:
            body["formula"] = formula
        return type(name, (Variable,), body)

    def minderjarig(entity: Any, period: Any) -> Any:
        youngest = entity("jongste_kind_geboren", period)
        return (youngest > 0) & (youngest > eighteen_years_before)

    def gezinsverzorger(entity: Any, period: Any) -> Any:
        return (
            entity("ouder_chronisch", period)
            & ((entity("hulpvragen", period) & overname) != 0)
            & entity("minderjarig_kind", period)
        )

    def samen(entity: Any, period: Any) -> Any:
        return entity("minderjarig_kind", period) & (
            (entity("hulpvragen", period) & jeugdhulp) != 0
        )

    def multiprobleem(entity: Any, period: Any) -> Any:
        return (
            (np.bitwise_count(entity("problemen", period)) >= 3)
            & ((entity("signalen", period) & signalen) != 0)
            & ((entity("dwangmiddelen", period) & dwang) != 0)
            & np.isin(entity("wijk", period), korrewegwijk_tuinwijk)
        )

    def hoogkerk_rule(entity: Any, period: Any) -> Any:
        needs = entity("hulpvragen", period)
        return (
            np.isin(entity("wijk", period), hoogkerk)
            & (
                ((needs & volwassenen) != 0)
                | (((needs & basis_jeugdhulp) != 0) & entity("minderjarig_kind", period))
            )
            & np.isin(entity("verwijzer", period), gemeente)
        )

    system = TaxBenefitSystem([gezin])
    for name in INPUTS:
        system.add_variable(variable(name, bool if name == "ouder_chronisch" else int))
    system.add_variable(variable("minderjarig_kind", bool, minderjarig))
    rules = {
        "gezinsverzorger": gezinsverzorger,
        "samen": samen,
        "multiprobleem": multiprobleem,
        "hoogkerk": hoogkerk_rule,
    }
    for name, formula in rules.items():
        system.add_variable(variable(f"{name}_doelgroep", bool, formula))
    columns = {
        name: cohort.column(name).astype(bool if name == "ouder_chronisch" else np.int32)
        for name in INPUTS
    }

    state: dict[str, Any] = {}

    def fresh() -> Any:
        # A fresh simulation each time: OpenFisca caches what it has calculated.
        simulation = SimulationBuilder().build_default_simulation(system, count=len(cohort))
        for name, values in columns.items():
            simulation.set_input(name, PERIOD, values)
        state["simulation"] = simulation
        return simulation

    def calculate() -> dict[str, Array]:
        simulation = state.pop("simulation", None) or fresh()
        return {
            name: np.asarray(simulation.calculate(f"{name}_doelgroep", PERIOD)) for name in rules
        }

    return fresh, calculate


def run(quick: bool = False) -> list[dict[str, object]]:
    """The four pilots' rules and outcomes against OpenFisca, over 1,000,000 families."""
    n = 100_000 if quick else 1_000_000
    cohort = generate_cohort(n, seed=1)
    compiled = Gemeente(specs=[PluginSpec(target) for target in PILOTS.values()]).compile()
    pilots = [compiled[name] for name in PILOTS]
    dates = [p.pilot.looptijd.start.add(months=1) for p in pilots]
    ours = {
        name: p.eligibility.evaluate(cohort, ON) for name, p in zip(PILOTS, pilots, strict=True)
    }

    def library_rules() -> object:
        return [p.eligibility.evaluate(cohort, ON) for p in pilots]

    def library_outcomes() -> object:
        return [p.outcomes(cohort, on) for p, on in zip(pilots, dates, strict=True)]

    contenders: dict[str, Callable[[], object]] = {
        "library rules": library_rules,
        "library outcomes": library_outcomes,
    }
    try:
        fresh, theirs_fn = openfisca_rules(cohort)
    except ImportError as exc:
        timed = interleave(contenders, repeat=3 if quick else 5)
        why = f"openfisca-core missing ({exc})"
        return [
            unavailable("eligibility, four pilots: library rules / OpenFisca", "<= 0.5", why),
            unavailable("eligibility, four pilots: library outcomes / OpenFisca", "<= 0.5", why),
            figure(
                "eligibility, four pilots: library outcomes",
                timed["library outcomes"].median * 1e3,
                "ms",
                "(reported, no target)",
                True,
            ),
        ]
    theirs = theirs_fn()
    same = all(np.array_equal(ours[name], theirs[name]) for name in PILOTS)
    contenders["OpenFisca"] = theirs_fn
    timed = interleave(contenders, repeat=3 if quick else 5, setup={"OpenFisca": fresh})
    of = timed["OpenFisca"]
    eligible = {name: int(v.sum()) for name, v in ours.items()}
    out = []
    for key, label in (("library rules", "rules"), ("library outcomes", "outcomes")):
        t = timed[key]
        ratio = t.median / of.median
        out.append(
            figure(
                f"eligibility, four pilots, {n:,} families: library {label} / OpenFisca",
                ratio,
                "x",
                "<= 0.5",
                ratio <= 0.5 and same,
                peer="OpenFisca-core, the same four rules",
                peer_value=of.median,
                note=(
                    f"library {t.median * 1e3:.1f} ms (min {t.min * 1e3:.1f}), OpenFisca "
                    f"{of.median * 1e3:.1f} ms (min {of.min * 1e3:.1f}); same answer: {same}"
                    + ("; outcomes add every route and the looptijd" if label == "outcomes" else "")
                ),
                families=n,
                eligible=eligible,
                same_answer=same,
            )
        )
    return out
