"""Cohorts from files: a CSV file with one family per line, or a family file."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pendulum
import pytest

from sociaaldomein import Cohort, Probleem, Verwijzer
from sociaaldomein.domain.cohort import flag_mask
from sociaaldomein.io import FileFormatError, loads_cohort_csv, read_cohort, write_gezinnen
from sociaaldomein.testing import make_gezin

CSV = (
    "id,problemen,verwijzer,wijk,aantal_kinderen,ouder_chronisch,zrm_afgenomen,zrm.financien\n"
    "g1,SCHULDEN;VERSLAVING,HUISARTS,Tuinwijk,2,true,2024-01-10,2\n"
    "g2,,,de  Hoogte,,,,\n"
    "\n"
    "g3,GEEN_WERK,GEMEENTE,tuinwijk,1,false,,5\n"
)


def test_a_csv_cohort() -> None:
    cohort = loads_cohort_csv(CSV)
    assert cohort.ids == ("g1", "g2", "g3")
    problemen = cohort.column("problemen").tolist()
    assert problemen == [
        flag_mask([Probleem.SCHULDEN, Probleem.VERSLAVING]),
        0,
        flag_mask([Probleem.GEEN_WERK]),
    ]
    assert cohort.column("verwijzer").tolist() == [
        list(Verwijzer).index(Verwijzer.HUISARTS) + 1,
        0,
        list(Verwijzer).index(Verwijzer.GEMEENTE) + 1,
    ]
    assert cohort.vocabularies["wijk"] == ("", "de hoogte", "tuinwijk")
    assert cohort.column("wijk").tolist() == [2, 1, 2]
    assert cohort.column("ouder_chronisch").tolist() == [True, False, False]
    assert cohort.column("zrm_afgenomen")[0] == pendulum.date(2024, 1, 10).toordinal()
    assert cohort.column("zrm.financien").tolist() == [2, 0, 5]
    assert cohort.column("zrm.justitie").tolist() == [0, 0, 0]  # a column left out is unknown


def test_a_family_file_as_a_cohort(tmp_path: Path) -> None:
    path = tmp_path / "gezinnen.json"
    families = [make_gezin("a", problemen=["SCHULDEN"]), make_gezin("b")]
    write_gezinnen(path, families)
    cohort = read_cohort(path)
    expected = Cohort.from_gezinnen(families)
    assert cohort.ids == expected.ids
    for name, column in expected.columns.items():
        assert np.array_equal(cohort.column(name), column), name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("id,problemem\ng1,\n", "line 1: problemem: unknown column; did you mean 'problemen'?"),
        ("problemen\nSCHULDEN\n", "line 1: id: the column is required"),
        (
            "id,zrm.financien\ng1,7\n",
            "line 2: zrm.financien: a ZRM level is a whole number from 1 to 5, got '7'",
        ),
        ("id,problemen\ng1,SCHULD\n", "line 2: problemen: unknown Probleem 'SCHULD'"),
        (
            "id,aantal_kinderen\ng1,300\n",
            "line 2: aantal_kinderen: must be a whole number from 0 to 100",
        ),
        ("id,zrm_afgenomen\ng1,2023-02-30\n", "line 2: zrm_afgenomen: '2023-02-30' is not a date"),
        ("id,complexe_vraag\ng1,misschien\n", "line 2: complexe_vraag: must be true or false"),
        ("id\ng1\ng1\n", "line 3: id: 'g1' is on line 2 too"),
        ("id,wijk\ng1\n", "line 2: has 1 cells, the header 2"),
    ],
)
def test_bad_csv_names_line_and_column(text: str, message: str) -> None:
    with pytest.raises(FileFormatError) as info:
        loads_cohort_csv(text, source="cohort.csv")
    assert str(info.value).startswith("cohort.csv")
    assert message in str(info.value)


def test_a_cohort_file_needs_a_known_suffix(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"use \.csv, \.json or \.toml"):
        read_cohort(tmp_path / "cohort.xlsx")
