"""Synthetic and loaded cohorts: seeded, calibrated, explainable, and clear about bad files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import Cohort, Gemeente, InvalidValueError
from sociaaldomein.simulation import (
    GRONINGEN,
    CohortParams,
    generate_cohort,
    load_cohort,
    materialise,
)
from sociaaldomein.simulation.loader import cohort_from_table
from sociaaldomein.testing import ToyPilot

ON = pendulum.date(2024, 6, 1)


def test_same_seed_same_cohort_other_seed_other_cohort() -> None:
    a, b, c = (
        generate_cohort(2_000, seed=4),
        generate_cohort(2_000, seed=4),
        generate_cohort(2_000, seed=5),
    )
    assert a.ids == b.ids
    assert all(np.array_equal(a.columns[k], b.columns[k]) for k in a.columns)
    assert not np.array_equal(a.column("problemen"), c.column("problemen"))


def test_default_size_is_the_number_of_families_in_groningen() -> None:
    assert GRONINGEN.families == round(136_500 * 0.19)


def test_calibration_matches_the_public_figures() -> None:
    cohort = generate_cohort(100_000, seed=1)
    single = np.mean(cohort.column("aantal_ouders") == 1)
    in_care = np.mean(cohort.column("zorgsoorten") > 0)
    multi = np.mean(
        (np.bitwise_count(cohort.column("problemen")) >= 3) & (cohort.column("signalen") > 0)
    )
    assert single == pytest.approx(0.227, abs=0.01)
    assert in_care == pytest.approx(0.15 + 0.024, abs=0.01)
    assert multi == pytest.approx(0.024, abs=0.003)


def test_params_are_validated_with_the_field_named() -> None:
    with pytest.raises(InvalidValueError, match="single_parent_share"):
        CohortParams(single_parent_share=1.5)
    with pytest.raises(InvalidValueError, match="size"):
        generate_cohort(-1)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**31), rows=st.lists(st.integers(0, 299), min_size=1, max_size=8))
def test_materialised_families_round_trip_and_get_the_same_verdict(
    seed: int, rows: list[int]
) -> None:
    cohort = generate_cohort(300, seed=seed)
    families = materialise(cohort, rows)
    again = Cohort.from_gezinnen(families)
    picked = cohort.take(np.isin(np.arange(len(cohort)), rows))
    order = [sorted(set(rows)).index(r) for r in rows]
    for name, column in picked.columns.items():
        if name != "wijk":
            assert np.array_equal(again.columns[name], column[order]), name
    pilot = Gemeente(plugins=[ToyPilot(min_problems=2)]).compiled("toy")
    vector = pilot.outcomes(cohort, ON)
    for row, gezin in zip(rows, families, strict=True):
        verdict = pilot.decide(gezin, ON)
        assert verdict.outcome.eligible == (vector[row] == 0), verdict.render()


def test_materialise_refuses_a_row_outside_the_cohort() -> None:
    with pytest.raises(InvalidValueError, match="row 10"):
        materialise(generate_cohort(10), 10)


# loading ---------------------------------------------------------------------

ROWS: dict[str, list[Any]] = {
    "id": ["a1", "a2", "a3"],
    "problemen": ["SCHULDEN;VERSLAVING", None, "schulden | Verslaving"],
    "verwijzer": ["02", "HUISARTS", None],
    "wijk": ["Tuinwijk", "de Hoogte", None],
    "ouder_chronisch": [True, False, False],
    "jongste_kind_geboren": [pendulum.date(2015, 3, 1), None, pendulum.date(2020, 1, 1)],
    "zrm.financien": [2, None, 5],
}


def _parquet(tmp_path: Path, table: dict[str, list[Any]]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "cohort.parquet"
    pq.write_table(pa.table(table), path)
    return path


def test_parquet_loads_into_the_columnar_form(tmp_path: Path) -> None:
    cohort = load_cohort(_parquet(tmp_path, ROWS))
    assert cohort.ids == ("a1", "a2", "a3")
    assert np.bitwise_count(cohort.column("problemen")).tolist() == [2, 0, 2]
    assert cohort.column("verwijzer").tolist() == [2, 2, 0]
    assert cohort.column("ouder_chronisch").tolist() == [True, False, False]
    assert cohort.vocabularies["wijk"][int(cohort.column("wijk")[0])] == "tuinwijk"
    assert cohort.column("zrm.financien").tolist() == [2, 0, 5]
    assert cohort.column("jongste_kind_geboren")[1] == 0


def test_table_values_in_the_notation_of_the_csv_file() -> None:
    cohort = cohort_from_table(
        {"id": ["x"], "ouder_chronisch": ["ja"], "jongste_kind_geboren": ["2015-03-01"]}
    )
    assert cohort.column("ouder_chronisch").tolist() == [True]
    assert cohort.column("jongste_kind_geboren")[0] == pendulum.date(2015, 3, 1).toordinal()


@pytest.mark.parametrize(
    ("column", "values", "row", "words"),
    [
        ("problemen", ["SCHULDEN", "GELDZORGEN"], 2, "unknown Probleem"),
        ("problemen", ["SCHULDEN", "5"], 2, "a bitmask is not a cell"),
        ("verwijzer", ["99", None], 1, "unknown Verwijzer"),
        ("ouder_chronisch", [None, "misschien"], 2, "must be true or false"),
        ("jongste_kind_geboren", ["1-3-2015", None], 1, "must be a date written as YYYY-MM-DD"),
        ("zrm.financien", [7, 1], 1, "from 1 to 5"),
        ("zrm.financien", [0, 1], 1, "from 1 to 5"),
        ("id", ["a1", "a1"], 2, "'a1' is on row 1 too"),
        ("id", ["123456782", "a2"], 1, "looks like a BSN"),
        ("id", [123456782, 7], 1, "looks like a BSN"),
    ],
)
def test_a_bad_value_names_the_column_and_the_row(
    tmp_path: Path, column: str, values: list[Any], row: int, words: str
) -> None:
    table: dict[str, list[Any]] = {"id": ["a1", "a2"], column: values}
    with pytest.raises(InvalidValueError) as info:
        load_cohort(_parquet(tmp_path, table))
    assert info.value.field == f"{column}, row {row}"
    assert "cohort.parquet" in str(info.value)
    assert words in info.value.problem
    assert "123456782" not in str(info.value)


def test_an_unknown_column_lists_the_known_ones() -> None:
    with pytest.raises(InvalidValueError, match="a cohort file has: id, problemen"):
        cohort_from_table({"id": ["a1"], "bsn": ["x"]})


def test_csv_goes_through_the_io_reader_and_agrees_with_parquet(tmp_path: Path) -> None:
    csv = tmp_path / "cohort.csv"
    csv.write_text(
        "id,problemen,verwijzer,wijk,ouder_chronisch,jongste_kind_geboren,zrm.financien\n"
        "a1,SCHULDEN;VERSLAVING,HUISARTS,Tuinwijk,true,2015-03-01,2\n"
        "a2,,HUISARTS,de Hoogte,false,,\n"
        "a3,SCHULDEN;VERSLAVING,,,false,2020-01-01,5\n",
        encoding="utf-8",
    )
    from_csv = load_cohort(csv)
    from_parquet = load_cohort(_parquet(tmp_path, ROWS))
    for name in from_csv.columns:
        assert np.array_equal(from_csv.columns[name], from_parquet.columns[name]), name
    bad = tmp_path / "bad.csv"
    bad.write_text("id,zrm.financien\na1,7\n", encoding="utf-8")
    with pytest.raises(InvalidValueError, match=r"line 2.*zrm.financien|zrm.financien.*line 2"):
        load_cohort(bad)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="unknown format"):
        load_cohort(tmp_path / "cohort.xlsx")
