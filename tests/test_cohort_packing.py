"""A cohort holds a ZRM domain's two levels in one byte: every column reads as it did."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sociaaldomein import FEITEN, Citation, Gemeente
from sociaaldomein.domain.cohort import SCHEMA, Array, Cohort
from sociaaldomein.domain.columns import ZRM_HALVES, CohortColumns
from sociaaldomein.domain.gezin import ZrmDomein
from sociaaldomein.domain.rules import AllOf, AnyOf, Compare, Rule
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.simulation import columns_read, generate_cohort
from sociaaldomein.simulation.output import installed

ON = pendulum.date(2024, 6, 1)
SOURCE = Citation("toy-letter.txt", "1. Doelgroep")
ZRM = list(ZRM_HALVES)


def levels(n: int) -> st.SearchStrategy[Array]:
    return hnp.arrays(np.int8, n, elements=st.integers(0, 5))


@st.composite
def zrm_columns(draw: st.DrawFn) -> tuple[int, dict[str, Array]]:
    n = draw(st.integers(0, 40))
    names = draw(st.lists(st.sampled_from(ZRM), unique=True, max_size=len(ZRM)))
    return n, {name: draw(levels(n)) for name in names}


def unpacked(cohort: Cohort) -> Cohort:
    """The same cohort with every column as a plain array: the form before packing."""
    plain = {name: np.array(values) for name, values in cohort.columns.items()}
    return Cohort(cohort.ids, plain, cohort.vocabularies)


@given(zrm_columns())
def test_packed_levels_read_back_as_given(drawn: tuple[int, dict[str, Array]]) -> None:
    n, given_columns = drawn
    cohort = Cohort.from_columns([f"g{i}" for i in range(n)], given_columns)
    for name in ZRM:
        column = cohort.column(name)
        assert column.dtype == np.int8
        expected = given_columns.get(name, np.zeros(n, dtype=np.int8))
        assert column.tolist() == expected.tolist(), name
    assert (
        cohort.nbytes()
        == cohort.select(ZRM).nbytes()
        + cohort.select([c for c in SCHEMA if c not in ZRM_HALVES]).nbytes()
    )
    assert cohort.select(ZRM).nbytes() == n * len(ZrmDomein)  # two levels, one byte
    current = np.stack([cohort.column(f"zrm.{d.field}") for d in ZrmDomein]).astype(int)
    lowest = np.where(current == 0, 9, current).min(axis=0, initial=9)
    expected_lowest = np.where(lowest == 9, 0, lowest)
    assert FEITEN.zrm_laagste.vector(cohort, ON).tolist() == expected_lowest.tolist()


@given(zrm_columns(), st.data())
def test_taking_and_selecting_keep_the_levels(
    drawn: tuple[int, dict[str, Array]], data: st.DataObject
) -> None:
    n, given_columns = drawn
    cohort = Cohort.from_columns([f"g{i}" for i in range(n)], given_columns)
    mask = data.draw(hnp.arrays(np.bool_, n))
    kept = data.draw(st.lists(st.sampled_from(ZRM), unique=True, max_size=6))
    taken = cohort.take(mask).select(kept)
    assert list(taken.columns) == [c for c in ZRM if c in kept]
    for name in kept:
        assert taken.column(name).tolist() == cohort.column(name)[mask].tolist()
    again = Cohort.from_columns(taken.ids, taken.columns, select=ZRM)
    for name in ZRM:  # a level not held is read back as not scored, never as the other half
        expected = taken.column(name).tolist() if name in kept else [0] * len(taken)
        assert again.column(name).tolist() == expected


LEAVES: list[Rule] = [
    *(Compare(FEITEN.zrm[d], "<=", 2, source=SOURCE) for d in ZrmDomein),
    *(Compare(FEITEN.zrm_haalbaar[d], ">=", 4, source=SOURCE) for d in ZrmDomein),
    Compare(FEITEN.zrm_laagste, "<=", 2, source=SOURCE),
    Compare(FEITEN.aantal_problemen, ">=", 3, source=SOURCE),
]


def rules() -> st.SearchStrategy[Rule]:
    return st.recursive(
        st.sampled_from(LEAVES),
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=3).map(AllOf),
            st.lists(children, min_size=1, max_size=3).map(AnyOf),
        ),
        max_leaves=6,
    )


@settings(max_examples=40)
@given(rule=rules(), seed=st.integers(0, 2**31))
def test_verdicts_over_a_random_cohort_are_those_of_the_unpacked_levels(
    rule: Rule, seed: int
) -> None:
    packed = generate_cohort(1_000, seed=seed)
    assert isinstance(packed.columns, CohortColumns)
    assert np.array_equal(rule.evaluate(packed, ON), rule.evaluate(unpacked(packed), ON))


def test_the_installed_pilots_decide_alike_on_packed_and_unpacked_levels() -> None:
    gemeente = Gemeente()
    gemeente.load_entry_points(allow=["gezinsverzorger", "samen", "multiprobleem", "hoogkerk"])
    pilots = list(gemeente.compile().values())
    assert any(name.startswith("zrm") for name in columns_read(pilots))
    packed = generate_cohort(5_000, seed=8)
    plain = unpacked(packed)
    for pilot in pilots:
        assert np.array_equal(pilot.outcomes(packed, ON), pilot.outcomes(plain, ON))


def test_families_give_the_levels_they_hold() -> None:
    from sociaaldomein.domain.gezin import Gezin, Lid, ZrmMeting, ZrmScores

    zrm = ZrmMeting(
        pendulum.date(2024, 5, 1), ZrmScores(financien=1, huisvesting=5), ZrmScores(financien=4)
    )
    g = Gezin("g1", [Lid("OUDER", pendulum.date(1985, 1, 1))], zrm=zrm)
    cohort = Cohort.from_gezinnen([g, Gezin("g2", [Lid("OUDER", pendulum.date(1990, 1, 1))])])
    assert cohort.column("zrm.financien").tolist() == [1, 0]
    assert cohort.column("zrm.huisvesting").tolist() == [5, 0]
    assert cohort.column("zrm_haalbaar.financien").tolist() == [4, 0]
    assert FEITEN.zrm_laagste.vector(cohort, ON).tolist() == [1, 0]


@pytest.mark.parametrize("value", [6, 15, 16, 300, -1])
def test_a_level_outside_0_to_5_is_refused_naming_the_column(value: int) -> None:
    with pytest.raises(InvalidValueError, match=rf"zrm_haalbaar\.huisvesting.*found {value}"):
        Cohort.from_columns(["a", "b"], {"zrm_haalbaar.huisvesting": [1, value]})


def test_an_unpacked_column_cannot_be_written_to_by_mistake() -> None:
    cohort = generate_cohort(10, seed=1)
    with pytest.raises(ValueError, match="read-only"):
        cohort.column("zrm.financien")[0] = 3


def test_cohort_files_are_written_as_from_unpacked_levels_and_read_back(tmp_path: Path) -> None:
    from sociaaldomein.io.cohort import dumps_cohort_csv
    from sociaaldomein.simulation import load_cohort
    from sociaaldomein.simulation.cohorts import write_cohort

    packed = generate_cohort(300, seed=2)
    text = dumps_cohort_csv(packed)
    assert text == dumps_cohort_csv(unpacked(packed))
    assert "zrm_haalbaar.financien" in text.splitlines()[0]
    suffixes = [".csv", ".parquet"] if installed("pyarrow") else [".csv"]
    for suffix in suffixes:
        path = tmp_path / f"c{suffix}"
        write_cohort(packed, path)
        back = load_cohort(path)
        for name in SCHEMA.keys() - {"wijk"}:  # a reader numbers the areas its own way
            assert np.array_equal(back.column(name), packed.column(name)), (suffix, name)
