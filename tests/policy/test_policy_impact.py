"""The impact of a change equals simulating the two compositions apart, with the same seeds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import Citation, Gemeente, Money, Outcome
from sociaaldomein.cli.main import main
from sociaaldomein.domain.feiten import FEITEN
from sociaaldomein.domain.rules import Compare
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.policy import (
    Besluit,
    Orgaan,
    ParameterWijziging,
    RegelWijziging,
    Wijziging,
    compare,
)
from sociaaldomein.simulation import Settings, generate_cohort, simulate
from sociaaldomein.testing import ToyPilot

BRON = Citation("raadsbesluit-2024-03.txt", "Besluit 1")
START = pendulum.date(2024, 1, 1)
SETTINGS = Settings(START, months=8, referral_probability=0.3)
COHORT = generate_cohort(400, seed=3)


def toy() -> Gemeente:
    return Gemeente(plugins=[ToyPilot(per_year=Money(100_000))])


def changed(*changes: Wijziging) -> Gemeente:
    gemeente = toy()
    gemeente.apply(Besluit(Orgaan.RAAD, pendulum.date(2023, 12, 1), "RB 1", BRON, changes))
    return gemeente


months = st.integers(0, 7).map(lambda m: START.add(months=m))
change = st.one_of(
    st.builds(
        lambda n, day: ParameterWijziging("toy", "capaciteit", n, vanaf=day),
        st.integers(0, 12),
        months,
    ),
    st.builds(
        lambda n, day: ParameterWijziging("toy", "min_problems", n, vanaf=day),
        st.integers(0, 5),
        months,
    ),
    st.builds(
        lambda n, day: RegelWijziging(
            "toy", Compare(FEITEN.aantal_problemen, "<=", n, source=BRON), day, "aanvulling"
        ),
        st.integers(0, 6),
        months,
    ),
)


@settings(max_examples=15)
@given(changes=st.lists(change, min_size=1, max_size=3), seed=st.integers(0, 2**16))
def test_impact_equals_simulating_both_compositions_apart(
    changes: list[Wijziging], seed: int
) -> None:
    impact = compare(toy(), changed(*changes), COHORT, SETTINGS, runs=3, seed=seed)
    alone_base = simulate(toy(), COHORT, SETTINGS, runs=3, seed=seed)
    alone_changed = simulate(changed(*changes), COHORT, SETTINGS, runs=3, seed=seed)
    assert np.array_equal(impact.base.series_data, alone_base.series_data)
    assert np.array_equal(impact.changed.series_data, alone_changed.series_data)
    for figure, series in (
        ("admitted", "admitted"),
        ("waiting", "waiting"),
        ("spent", "spent_cents"),
    ):
        expected = alone_changed.series(series) - alone_base.series(series)
        assert np.array_equal(impact.difference(figure), expected)
    # The changed simulation honours the capacity in force each month: a month that
    # admits ends within it (families already in care stay when it is lowered).
    compiled = changed(*changes).compiled("toy")
    enrolled, admitted = (impact.changed.series(n)[..., 0] for n in ("enrolled", "admitted"))
    for m, day in enumerate(impact.dates):
        capacity = compiled.at(day).pilot.capaciteit
        assert capacity is not None
        assert (enrolled[:, m][admitted[:, m] > 0] <= capacity).all()
    # A verdict changes exactly where the two compositions' outcomes differ in some month.
    differ = {
        row
        for day in impact.dates
        for row in np.flatnonzero(
            toy().assess_cohort(COHORT, day)["toy"]
            != changed(*changes).assess_cohort(COHORT, day)["toy"]
        ).tolist()
    }
    assert impact.changed_families == len(differ)


def test_a_capacity_raised_from_a_month_changes_nothing_before_it() -> None:
    july = START.add(months=4)
    impact = compare(
        toy(),
        changed(ParameterWijziging("toy", "capaciteit", 8, vanaf=july)),
        COHORT,
        SETTINGS,
        runs=5,
        seed=1,
    )
    enrolled = impact.difference("enrolled")
    assert not enrolled[:, :4].any()
    assert enrolled[:, 4:].max() > 0
    assert (impact.changed.series("enrolled")[:, 4:] <= 8).all()
    assert impact.changed_families == 0  # capacity is not a verdict on its own: no occupancy


def test_changed_verdicts_come_with_both_explanations() -> None:
    july = START.add(months=4)
    impact = compare(
        toy(),
        changed(ParameterWijziging("toy", "min_problems", 4, vanaf=july)),
        COHORT,
        SETTINGS,
        runs=2,
        seed=1,
        explain=3,
    )
    assert impact.changed_families > 3
    assert len(impact.verdicts) == 3
    first = impact.verdicts[0]
    assert first.on == july
    assert first.before.outcome is Outcome.ELIGIBLE
    assert first.after.outcome is Outcome.NOT_ELIGIBLE
    assert "version 2, in force from 2024-05-01" in first.after.render()
    assert "before:" in first.render()
    assert "after:" in first.render()


def test_dataframes_summary_and_plot() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    impact = compare(
        toy(),
        changed(ParameterWijziging("toy", "capaciteit", 8, vanaf=START.add(months=2))),
        COHORT,
        SETTINGS,
        runs=4,
        seed=2,
    )
    frame = impact.to_pandas()
    assert set(frame["figure"]) == {"admitted", "waiting", "referred", "spent"}
    assert len(frame) == 4 * 8
    row = frame[(frame.figure == "admitted")].iloc[0]
    assert row["low"] <= row["difference"] <= row["high"]
    totals = impact.totals()["toy"]
    assert isinstance(totals["spent"], Decimal)
    text = impact.summary()
    assert text.splitlines()[0].startswith("impact over 8 months from 2024-01-01, 4 runs each")
    assert "toy: admitted +" in text
    assert impact.plot("admitted") is not None


def test_compare_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = """\
gemeente = "Groningen"
allow_import = true
[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = { per_year = "100000" }
[cohort]
size = 300
seed = 1
[simulation]
start = 2024-01-01
months = 6
runs = 3
referral_probability = "0.3"
"""
    base = tmp_path / "base.toml"
    base.write_text(scenario, encoding="utf-8")
    bigger = tmp_path / "changed.toml"
    bigger.write_text(scenario.replace('per_year = "100000"', 'per_year = "100000", capacity = 6'))
    assert main(["compare", str(base), str(bigger), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pilots"] == ["toy"]
    assert out["runs"] == 3
    assert out["totals"]["toy"]["admitted"] > 0
    assert len(out["monthly"]) == 4 * 6
    assert main(["compare", str(base), str(tmp_path / "missing.toml")]) == 2


@pytest.mark.parametrize("kernel", ["objects", "columnar"])
def test_a_rule_changed_from_a_month_with_problems_changing_monthly(kernel: str) -> None:
    # Problem dynamics decide again every month: the version in force then decides.
    settings = attrs.evolve(SETTINGS, problem_change_probability=0.1)
    may = START.add(months=4)
    stricter = changed(ParameterWijziging("toy", "min_problems", 5, vanaf=may))
    base = simulate(toy(), COHORT, settings, runs=3, seed=4, kernel=kernel)  # type: ignore[arg-type]
    after = simulate(stricter, COHORT, settings, runs=3, seed=4, kernel=kernel)  # type: ignore[arg-type]
    assert np.array_equal(base.series_data[:, :4], after.series_data[:, :4])
    assert base.series("referred")[:, 4:].sum() > after.series("referred")[:, 4:].sum()
    other = "columnar" if kernel == "objects" else "objects"
    again = simulate(stricter, COHORT, settings, runs=3, seed=4, kernel=other)  # type: ignore[arg-type]
    assert np.array_equal(after.series_data, again.series_data)


def test_side_by_side_or_one_after_the_other_the_same_impact() -> None:
    change = ParameterWijziging("toy", "capaciteit", 6, vanaf=START.add(months=3))
    together = compare(toy(), changed(change), COHORT, SETTINGS, runs=3, seed=5, threads=2)
    apart = compare(toy(), changed(change), COHORT, SETTINGS, runs=3, seed=5, threads=1)
    assert np.array_equal(together.base.series_data, apart.base.series_data)
    assert np.array_equal(together.changed.series_data, apart.changed.series_data)
    assert together.summary() == apart.summary()
    chosen = compare(toy(), changed(change), COHORT, SETTINGS, runs=3, seed=5)  # by the load
    assert np.array_equal(chosen.changed.series_data, apart.changed.series_data)
    with pytest.raises(InvalidValueError, match=r"compare\.threads"):
        compare(toy(), changed(change), COHORT, SETTINGS, runs=3, threads=0)


def test_the_verdicts_explained_are_the_first_that_change() -> None:
    decision = changed(
        ParameterWijziging("toy", "min_problems", 4, vanaf=START.add(months=2)),
        ParameterWijziging("toy", "min_problems", 1, vanaf=START.add(months=5)),
    )
    every = compare(toy(), decision, COHORT, SETTINGS, runs=1, seed=1, explain=10_000)
    few = compare(toy(), decision, COHORT, SETTINGS, runs=1, seed=1, explain=3)
    assert len(every.verdicts) == every.changed_families == few.changed_families
    firsts = [(v.on, v.gezin_id) for v in every.verdicts]
    assert [(v.on, v.gezin_id) for v in few.verdicts] == firsts[:3]
    assert [on for on, _ in firsts] == sorted(on for on, _ in firsts)
    assert {on for on, _ in firsts} == {START.add(months=2), START.add(months=5)}
    assert all(v.before.outcome is not v.after.outcome for v in every.verdicts)


@pytest.mark.parametrize(
    ("cores", "load", "threads"),
    [(2, 1.0, 2), (2, 6.0, 1), (1, 0.0, 1), (8, 7.5, 2), (8, 8.0, 1)],
)
def test_side_by_side_only_when_the_machine_is_not_busy(
    monkeypatch: pytest.MonkeyPatch, cores: int, load: float, threads: int
) -> None:
    import os

    from sociaaldomein.policy import impact

    monkeypatch.setattr(os, "sched_getaffinity", lambda _: set(range(cores)), raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert impact._free_cores() == threads
