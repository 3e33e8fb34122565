"""One cell grammar: CSV and Parquet read the same cells alike; the CSV writer round-trips."""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociaaldomein import Cohort, InvalidValueError
from sociaaldomein.domain.cohort import CATEGORY_ENUMS, FLAG_ENUMS, SCHEMA, flag_mask
from sociaaldomein.io import (
    FileFormatError,
    dumps_cohort_csv,
    loads_cohort_csv,
    read_cohort_csv,
    write_cohort_csv,
)
from sociaaldomein.io.cells import BOOLEANS, COUNT_LIMITS
from sociaaldomein.simulation import generate_cohort, load_cohort
from sociaaldomein.simulation.loader import cohort_from_table

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WIJKEN = ["Tuinwijk", "de Hoogte", "Korrewegwijk", "Indische Buurt"]

# A cell is drawn with the value the grammar must give it: (text, typed, value),
# where typed is what a Parquet writer with native types would store.
Cell = tuple[str, Any, Any]


def _case(draw: st.DrawFn, word: str) -> str:
    return draw(st.sampled_from([word, word.lower(), word.upper(), word.title()]))


@st.composite
def flag_cells(draw: st.DrawFn, column: str) -> Cell:
    members = draw(st.lists(st.sampled_from(list(FLAG_ENUMS[column])), unique=True, max_size=4))
    sep = draw(st.sampled_from([";", "|", " ; ", "; "]))
    text = sep.join(_case(draw, m.name) for m in members)
    return text, text or None, flag_mask(members)


@st.composite
def verwijzer_cells(draw: st.DrawFn) -> Cell:
    members = list(CATEGORY_ENUMS["verwijzer"])
    member = draw(st.sampled_from([None, *members]))
    if member is None:
        return "", None, 0
    text = draw(st.sampled_from([_case(draw, member.name), member.value, member.value.lstrip("0")]))
    return text, text, members.index(member) + 1


@st.composite
def whole_cells(draw: st.DrawFn, low: int, high: int) -> Cell:
    number = draw(st.none() | st.integers(low, high))
    return ("", None, 0) if number is None else (str(number), number, number)


@st.composite
def bool_cells(draw: st.DrawFn) -> Cell:
    word = draw(st.sampled_from(sorted(BOOLEANS)))
    return _case(draw, word) if word else "", BOOLEANS[word], BOOLEANS[word]


@st.composite
def date_cells(draw: st.DrawFn) -> Cell:
    day = draw(st.none() | st.dates(datetime.date(1990, 1, 1), datetime.date(2030, 12, 31)))
    return ("", None, 0) if day is None else (day.isoformat(), day, day.toordinal())


@st.composite
def wijk_cells(draw: st.DrawFn) -> Cell:
    wijk = draw(st.none() | st.sampled_from(WIJKEN))
    if wijk is None:
        return "", None, ""
    text = draw(st.sampled_from([wijk, wijk.upper(), f"  {wijk}", wijk.replace(" ", "  ")]))
    return text, text, " ".join(wijk.split()).casefold()


def cells_for(column: str) -> st.SearchStrategy[Cell]:
    if column in FLAG_ENUMS:
        return flag_cells(column)
    if column == "verwijzer":
        return verwijzer_cells()
    if column == "wijk":
        return wijk_cells()
    if column in COUNT_LIMITS:
        return whole_cells(0, COUNT_LIMITS[column])
    if column in ("jongste_kind_geboren", "zrm_afgenomen"):
        return date_cells()
    if SCHEMA[column] is np.bool_:
        return bool_cells()
    return whole_cells(1, 5)


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[list[str], dict[str, list[Cell]]]:
    columns = draw(st.lists(st.sampled_from(list(SCHEMA)), unique=True, min_size=1, max_size=8))
    n = draw(st.integers(1, 12))
    ids = [f"gezin-{i:04d}" for i in range(n)]
    return ids, {c: [draw(cells_for(c)) for _ in range(n)] for c in columns}


def _csv_text(ids: list[str], table: dict[str, list[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", *table])
    for i, key in enumerate(ids):
        row = [key, *(cells[i][0] for cells in table.values())]
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
    return out.getvalue()


def _parquet(tmp_path: Path, name: str, columns: dict[str, list[Any]]) -> Path:
    path = tmp_path / name
    pq.write_table(pa.table(columns), path)
    return path


def _labels(cohort: Cohort) -> list[str]:
    vocabulary = cohort.vocabularies["wijk"]
    return [vocabulary[int(code)] for code in cohort.column("wijk")]


def _same(a: Cohort, b: Cohort) -> None:
    assert a.ids == b.ids
    assert _labels(a) == _labels(b)
    for name in SCHEMA:
        if name != "wijk":
            assert np.array_equal(a.column(name), b.column(name)), name


@SLOW
@given(drawn=cohorts())
def test_csv_and_parquet_read_the_same_cells_the_same_way(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[list[str], dict[str, list[Cell]]]
) -> None:
    ids, table = drawn
    tmp = tmp_path_factory.mktemp("cells")
    (tmp / "cohort.csv").write_text(_csv_text(ids, table), encoding="utf-8")
    texts = {"id": ids, **{c: [cell[0] for cell in cells] for c, cells in table.items()}}
    typed = {"id": ids, **{c: [cell[1] for cell in cells] for c, cells in table.items()}}
    from_csv = load_cohort(tmp / "cohort.csv")
    from_text = load_cohort(_parquet(tmp, "text.parquet", texts))
    from_typed = load_cohort(_parquet(tmp, "typed.parquet", typed))
    _same(from_csv, from_text)
    _same(from_csv, from_typed)
    for column, cells in table.items():  # and what they read is what the cells say
        if column == "wijk":
            assert _labels(from_csv) == [cell[2] for cell in cells]
        else:
            assert from_csv.column(column).tolist() == [cell[2] for cell in cells], column


ANY_CELL = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=30
) | st.sampled_from(["5", "0", "7", "02", "ja", "NEE", "2015-03-01", "SCHULDEN|x", " 3 "])


@settings(max_examples=300, deadline=None)
@given(column=st.sampled_from(["id", *SCHEMA]), cell=ANY_CELL)
def test_any_cell_is_accepted_or_refused_alike_by_both_readers(column: str, cell: str) -> None:
    table = {"id": ["a"], column: [cell]} if column != "id" else {"id": [cell]}
    text = _csv_text(table["id"], {column: [(cell, None, None)]} if column != "id" else {})

    def outcome(read: Callable[[], Cohort]) -> tuple[str, Any]:
        try:
            cohort = read()
        except InvalidValueError as exc:
            return "refused", exc.problem
        return "read", (
            cohort.ids,
            _labels(cohort),
            {k: v.tolist() for k, v in cohort.columns.items()},
        )

    csv_outcome = outcome(lambda: loads_cohort_csv(text, source="c.csv"))
    table_outcome = outcome(lambda: cohort_from_table(table, source="c.parquet"))
    if column == "id" and not cell.strip():
        # a CSV line of blank cells is no family at all; a table's row is one, without a key
        assert csv_outcome[0] == "read"
        assert table_outcome[0] == "refused"
        return
    assert csv_outcome == table_outcome


def test_a_parquet_fifo_or_directory_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "cohort.parquet"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="named pipe"):
        load_cohort(fifo)
    folder = tmp_path / "folder.parquet"
    folder.mkdir()
    with pytest.raises(FileFormatError, match="a directory"):
        load_cohort(folder)


def test_a_file_that_is_not_parquet_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cohort.parquet"
    path.write_text("id\ng1\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="is not a Parquet file"):
        load_cohort(path)


def test_a_timestamp_with_a_time_of_day_is_not_a_date() -> None:
    with pytest.raises(InvalidValueError, match="without a time of day"):
        cohort_from_table({"id": ["a"], "zrm_afgenomen": [datetime.datetime(2024, 1, 1, 12)]})
    midnight = cohort_from_table({"id": ["a"], "zrm_afgenomen": [datetime.datetime(2024, 1, 1)]})
    assert midnight.column("zrm_afgenomen")[0] == datetime.date(2024, 1, 1).toordinal()


def test_an_id_with_a_carriage_return_is_written_so_that_it_reads_back() -> None:
    cohort = Cohort.from_columns(["a\rb", "c"], {})
    assert loads_cohort_csv(dumps_cohort_csv(cohort, ["id"])).ids == ("a\rb", "c")


def test_a_column_twice_in_a_csv_header_is_refused() -> None:
    with pytest.raises(FileFormatError, match="line 1: wijk: the column appears twice"):
        loads_cohort_csv("id,wijk,wijk\ng1,a,b\n", source="c.csv")


# the writer --------------------------------------------------------------------------


def test_a_synthetic_cohort_round_trips_through_the_csv_writer(tmp_path: Path) -> None:
    cohort = generate_cohort(500, seed=3)
    path = tmp_path / "cohort.csv"
    write_cohort_csv(cohort, path)
    _same(read_cohort_csv(path), cohort)


@SLOW
@given(drawn=cohorts())
def test_any_cohort_round_trips_through_the_csv_writer(
    drawn: tuple[list[str], dict[str, list[Cell]]],
) -> None:
    ids, table = drawn
    cohort = loads_cohort_csv(_csv_text(ids, table))
    _same(loads_cohort_csv(dumps_cohort_csv(cohort)), cohort)
    again = loads_cohort_csv(dumps_cohort_csv(cohort, table))
    _same(again, cohort)


def test_the_writer_writes_the_columns_asked_for_with_id_first() -> None:
    cohort = loads_cohort_csv("id,problemen,complexe_vraag\ng1,SCHULDEN,ja\n")
    assert dumps_cohort_csv(cohort, ["complexe_vraag", "problemen"]) == (
        "id,complexe_vraag,problemen\ng1,true,SCHULDEN\n"
    )
    with pytest.raises(InvalidValueError, match="unknown column 'problem'"):
        dumps_cohort_csv(cohort, ["problem"])


def test_the_writer_refuses_a_value_no_cell_can_hold() -> None:
    cohort = Cohort.from_columns(["a"], {"dwangmiddelen": [1 << 7]})
    with pytest.raises(InvalidValueError, match="dwangmiddelen: bitmask 128 has bits beyond"):
        dumps_cohort_csv(cohort)
