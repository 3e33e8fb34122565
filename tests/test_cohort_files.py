"""``sociaaldomein cohort generate|validate|describe``, the files it writes, and compact cohorts:
ids as one array or a counter, only the columns a composition reads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sociaaldomein import FEITEN, AllOf, AnyOf, Citation, Compare, Gemeente, InvalidValueError
from sociaaldomein.cli import main
from sociaaldomein.domain.cohort import SCHEMA, Cohort
from sociaaldomein.domain.ids import CohortIds
from sociaaldomein.domain.rules import InGebied, Rule
from sociaaldomein.io import loads_cohort_csv
from sociaaldomein.simulation import (
    SIMULATION_COLUMNS,
    WESTERKWARTIER_FILE,
    columns_read,
    generate_cohort,
    load_cohort,
    load_cohort_params,
)
from sociaaldomein.simulation import output as output_module
from sociaaldomein.simulation.cohorts import cohort_problems, describe_cohort, write_cohort

WESTERKWARTIER = load_cohort_params(WESTERKWARTIER_FILE)
ON = pendulum.date(2024, 6, 1)
CORE = [c for c in SCHEMA if not c.startswith(("zrm.", "zrm_haalbaar."))]
SOURCE = Citation("toy-letter.txt", "1. Doelgroep")


def labels(cohort: Cohort, column: str) -> list[object]:
    """A column as what it means: vocabulary labels for ``wijk`` (codes depend on the reader)."""
    values = cohort.column(column)
    if column == "wijk":
        return [cohort.vocabularies["wijk"][int(v)] for v in values]
    out: list[object] = values.tolist()
    return out


def assert_same(a: Cohort, b: Cohort) -> None:
    assert a.ids == b.ids
    assert set(a.columns) <= set(b.columns)
    for column in a.columns:
        assert labels(a, column) == labels(b, column), column


# --- generate, and read back -------------------------------------------------------------


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 2**31),
    size=st.integers(0, 300),
    suffix=st.sampled_from([".csv", ".parquet"]),
    westerkwartier=st.booleans(),
)
def test_what_generate_writes_reads_back_equal(
    tmp_path: Path, seed: int, size: int, suffix: str, westerkwartier: bool
) -> None:
    out = tmp_path / f"cohort-{seed}-{size}{suffix}"
    argv = ["cohort", "generate", "--size", str(size), "--seed", str(seed), "--out", str(out)]
    if westerkwartier:
        argv += ["--params", str(WESTERKWARTIER_FILE)]
    assert main([*argv, "--overwrite"]) == 0
    expected = generate_cohort(size, seed=seed, params=WESTERKWARTIER if westerkwartier else None)
    assert_same(expected, load_cohort(out))
    assert cohort_problems(out) == []


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(columns=st.sets(st.sampled_from(sorted(SCHEMA)), min_size=1), seed=st.integers(0, 99))
def test_some_columns_written_are_those_columns(
    tmp_path: Path, columns: set[str], seed: int
) -> None:
    cohort = generate_cohort(200, seed=seed, columns=columns)
    assert set(cohort.columns) == columns
    for suffix in (".csv", ".parquet"):
        write_cohort(cohort, tmp_path / f"c{suffix}")
        back = load_cohort(tmp_path / f"c{suffix}", columns=columns)
        assert set(back.columns) == columns
        assert_same(cohort, back)


def test_parquet_without_pyarrow_is_refused_before_anything_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(output_module, "installed", lambda module: False)

    def no_drawing(*args: object, **kwargs: object) -> Cohort:
        raise AssertionError("generated before checking for pyarrow")

    monkeypatch.setattr("sociaaldomein.simulation.generate_cohort", no_drawing)
    out = tmp_path / "c.parquet"
    assert main(["cohort", "generate", "--out", str(out)]) == 2
    assert 'pip install "sociaaldomein[parquet]"' in capsys.readouterr().err
    assert not out.exists()


def test_an_existing_file_is_kept_without_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "c.csv"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["cohort", "generate", "--size", "5", "--out", str(out)]) == 2
    assert "give --overwrite" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert main(["cohort", "generate", "--size", "5", "--out", str(out), "--overwrite"]) == 0
    assert len(load_cohort(out)) == 5


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["--out", "c.xlsx"], "a cohort file is .csv or .parquet"),
        (["--out", "c.csv", "--columns", "problemen,probleem"], "unknown column 'probleem'"),
        (["--out", "c.csv", "--size", "-1"], "must be from 0"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_code_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    problem: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["cohort", "generate", *argv]) == 2
    err = capsys.readouterr().err
    assert problem in err
    assert "Traceback" not in err


# --- validate: every problem, each with its line --------------------------------------------

BAD = """\
id,problemen,zrm.financien,aantal_ouders
g1,SCHULDEN,7,2
g2,SCHULDN,2,x
123456782,,,
g1,,,
"""


def test_validate_reports_every_problem_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    assert main(["cohort", "validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    parts = [line.removeprefix("sociaaldomein: error: ").split(": ", 2) for line in lines]
    assert [(where, field) for where, field, _ in parts] == [
        (f"{path}, line 2", "zrm.financien"),
        (f"{path}, line 3", "problemen"),
        (f"{path}, line 3", "aantal_ouders"),
        (f"{path}, line 4", "id"),
        (f"{path}, line 5", "id"),
    ]
    assert parts[0][2] == "a ZRM level is a whole number from 1 to 5, got '7'"
    assert parts[4][2] == "'g1' is on line 2 too"
    assert "did you mean 'SCHULDEN'?" in lines[1]
    assert "looks like a BSN" in lines[3]
    assert "123456782" not in "\n".join(lines)


def test_validate_names_the_rows_of_a_parquet_file(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "bad.parquet"
    table = pa.table({"id": ["a", "b", "c"], "zrm.financien": [1, 9, 0], "wijk": ["x", None, "y"]})
    pq.write_table(table, path)
    problems = cohort_problems(path)
    assert [(p.field, p.problem[:20]) for p in problems] == [
        ("zrm.financien, row 2", "a ZRM level is a who"),
        ("zrm.financien, row 3", "a ZRM level is a who"),
    ]


def test_validate_says_a_good_file_is_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "good.csv"
    path.write_text("id,problemen\ng1,SCHULDEN\n", encoding="utf-8")
    assert main(["cohort", "validate", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": str(path),
        "valid": True,
        "problems": [],
    }


# --- describe -------------------------------------------------------------------------------


def test_describe_summarises_a_parameter_files_cohort(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["cohort", "describe", "--params", str(WESTERKWARTIER_FILE), "--size", "4000"]
    assert main([*argv, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["families"] == 4000
    assert summary["municipality"] == "Westerkwartier"
    assert summary["invented"] is True
    assert summary["id_bytes"] == 0
    assert summary["bytes_per_family"] == 39.0  # 26 + the 26 ZRM levels in 13 bytes
    assert list(summary["areas"]) == list(WESTERKWARTIER.wijken)
    assert abs(sum(summary["areas"].values()) - 1) < 0.001
    assert summary["params"]["areas"]["Zuidhorn"] == 0.22
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "4,000 families" in text
    assert "gemeente Westerkwartier (invented figures)" in text
    assert "  Zuidhorn: " in text


def test_describe_reads_a_cohort_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "id,aantal_ouders,wijk\ng1,1,Leek\ng2,2,Leek\ng3,2,Marum\ng4,2,\n", encoding="utf-8"
    )
    assert main(["cohort", "describe", str(path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["families"] == 4
    assert summary["single_parent_share"] == 0.25
    assert summary["areas"] == {"(unknown)": 0.25, "leek": 0.5, "marum": 0.25}


# --- compact ids -----------------------------------------------------------------------------


def test_synthetic_ids_are_a_counter_that_holds_no_bytes() -> None:
    cohort = generate_cohort(100_000, seed=1)
    assert cohort.ids.synthetic
    assert cohort.ids.nbytes == 0
    assert cohort.ids[0] == "syn-0000000"
    assert cohort.ids[-1] == "syn-0099999"
    assert cohort.ids[1:3] == ("syn-0000001", "syn-0000002")
    part = cohort.take(cohort.column("aantal_ouders") == 1)
    assert part.ids.nbytes == 4 * len(part)
    assert list(part.ids) == [
        cohort.ids[i] for i in np.flatnonzero(cohort.column("aantal_ouders") == 1)
    ]


def test_ids_from_a_file_are_one_fixed_width_array() -> None:
    cohort = loads_cohort_csv("id\ngezin-0001\ng2\n")
    assert cohort.ids.array().tolist() == ["gezin-0001", "g2"]
    assert cohort.ids.nbytes == 2 * 10
    assert cohort.ids == ("gezin-0001", "g2")
    assert tuple(cohort.ids) == ("gezin-0001", "g2")
    accented = CohortIds.of(["gezin-é", "g"])
    assert list(accented) == ["gezin-é", "g"]
    assert CohortIds.of(["a\x00"])[0] == "a\x00"


@settings(max_examples=25)
@given(st.lists(st.text(min_size=1, max_size=16), max_size=20, unique=True))
def test_ids_keep_every_text_as_given(keys: list[str]) -> None:
    ids = CohortIds.of(keys)
    assert list(ids) == keys
    assert ids == keys
    assert [ids[i] for i in range(len(keys))] == keys
    assert list(ids.take(np.arange(len(keys))[::-1])) == keys[::-1]


def test_a_counter_never_looks_like_a_bsn() -> None:
    with pytest.raises(InvalidValueError, match="without digits"):
        CohortIds.numbered(3, prefix="gezin1-")
    assert CohortIds.numbered(10**7 + 1)[10**7] == "syn-0010000000"


# --- bytes a family ---------------------------------------------------------------------------


def test_the_core_columns_take_at_most_48_bytes_a_family() -> None:
    n = 10_000
    full = generate_cohort(n, seed=1)  # every core column, the 26 ZRM levels among them
    assert set(full.columns) == set(SCHEMA)
    assert (full.nbytes() + full.ids.nbytes) / n == 39  # a domain's two levels in one byte
    without_zrm = generate_cohort(n, seed=1, columns=CORE)
    assert (without_zrm.nbytes() + without_zrm.ids.nbytes) / n == 26
    read = loads_cohort_csv("id,problemen\n" + "".join(f"gezin-{i:07d},\n" for i in range(1000)))
    assert read.ids.nbytes / len(read) <= 16


def test_a_column_not_loaded_says_so() -> None:
    cohort = generate_cohort(10, seed=1, columns=["problemen"])
    with pytest.raises(InvalidValueError, match=r"'zrm\.financien' was not loaded"):
        cohort.column("zrm.financien")


# --- only the columns the rules read: the same verdicts -------------------------------------

LEAVES: list[Rule] = [
    Compare(FEITEN.aantal_problemen, ">=", 2, source=SOURCE),
    Compare(FEITEN.aantal_hulpverleners, ">=", 4, source=SOURCE),
    Compare(FEITEN.aantal_kinderen, ">=", 2, source=SOURCE),
    Compare(FEITEN.zrm_laagste, "<=", 2, source=SOURCE),
    InGebied(WESTERKWARTIER.gebieden, ["Leek"], source=SOURCE),  # type: ignore[arg-type]
]


def rules() -> st.SearchStrategy[Rule]:
    leaf = st.sampled_from(LEAVES)
    return st.recursive(
        leaf,
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=3).map(AllOf),
            st.lists(children, min_size=1, max_size=3).map(AnyOf),
        ),
        max_leaves=5,
    )


@settings(max_examples=30)
@given(rule=rules(), seed=st.integers(0, 2**31))
def test_a_cohort_of_the_rules_columns_gives_the_same_verdicts(rule: Rule, seed: int) -> None:
    full = generate_cohort(2_000, seed=seed, params=WESTERKWARTIER)
    some = generate_cohort(2_000, seed=seed, params=WESTERKWARTIER, columns=rule.facts())
    assert set(some.columns) < set(full.columns)
    assert np.array_equal(rule.evaluate(some, ON), rule.evaluate(full, ON))


GRONINGEN_PILOTS = ["gezinsverzorger", "samen", "multiprobleem", "hoogkerk"]


def test_the_installed_pilots_decide_alike_on_the_columns_they_read() -> None:
    gemeente = Gemeente()
    gemeente.load_entry_points(allow=GRONINGEN_PILOTS)
    pilots = list(gemeente.compile().values())
    assert pilots
    wanted = columns_read(pilots)
    assert columns_read(pilots, simulation=True) >= SIMULATION_COLUMNS
    full = generate_cohort(5_000, seed=3)
    some = generate_cohort(5_000, seed=3, columns=wanted)
    for pilot in pilots:
        assert np.array_equal(pilot.outcomes(some, ON), pilot.outcomes(full, ON)), pilot.pilot.naam


def test_a_declared_fact_gets_its_share_and_is_kept_when_a_rule_reads_it() -> None:
    from sociaaldomein.domain.feiten import Feit, FeitSoort
    from sociaaldomein.domain.rules import IsTrue
    from sociaaldomein.simulation import CohortParams

    mantelzorg = Feit.declare(
        "westerkwartier.mantelzorg", FeitSoort.BOOL, "a parent cares for someone", bron=SOURCE
    )
    params = CohortParams(fact_shares={"westerkwartier.mantelzorg": 0.3})
    rule = IsTrue(mantelzorg, source=SOURCE)
    full = generate_cohort(20_000, seed=1, params=params)
    some = generate_cohort(20_000, seed=1, params=params, columns=rule.facts())
    assert set(some.columns) == {"westerkwartier.mantelzorg"}
    assert abs(rule.evaluate(full, ON).mean() - 0.3) < 0.015
    assert np.array_equal(rule.evaluate(some, ON), rule.evaluate(full, ON))
    assert describe_cohort(full)["facts"] == {
        "westerkwartier.mantelzorg": round(float(rule.evaluate(full, ON).mean()), 4)
    }


@pytest.mark.parametrize("changing", [0.0, 0.05])
def test_a_simulation_on_the_columns_it_reads_gives_the_same_results(changing: float) -> None:
    from sociaaldomein.simulation import Settings, simulate

    gemeente = Gemeente()
    gemeente.load_entry_points(allow=GRONINGEN_PILOTS)
    wanted = columns_read(gemeente.compile().values(), simulation=True)
    settings = Settings(
        pendulum.date(2022, 1, 1),
        months=12,
        referral_probability=0.02,
        problem_change_probability=changing,
    )
    full = simulate(gemeente, generate_cohort(3_000, seed=2), settings, runs=2, seed=1)
    some = simulate(
        gemeente, generate_cohort(3_000, seed=2, columns=wanted), settings, runs=2, seed=1
    )
    assert full.figures()["admitted"].sum() > 0
    assert some.digest() == full.digest()


def test_validate_knows_the_installed_plugins_declared_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gemeente = Gemeente()
    gemeente.load_entry_points()
    declared = [n for n, f in gemeente.feiten.declared().items() if f.soort.name == "NUMBER"]
    if not declared:
        pytest.skip("no installed plugin declares a whole-number fact")
    fact = declared[0]
    path = tmp_path / "facts.csv"
    path.write_text(f"id,{fact},zrm.financien\ng1,1,9\ng2,x,2\n", encoding="utf-8")
    assert main(["cohort", "validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[3] for line in lines] == ["zrm.financien", fact]
    assert ["line 2" in lines[0], "line 3" in lines[1]] == [True, True]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_declared_fact_is_written_and_read_back_with_the_register(
    tmp_path: Path, suffix: str
) -> None:
    from sociaaldomein.domain.feiten import Feit, FeitSoort
    from sociaaldomein.domain.feitenregister import Feitenregister
    from sociaaldomein.simulation import CohortParams

    mantelzorg = Feit.declare(
        "westerkwartier.mantelzorg", FeitSoort.BOOL, "a parent cares for someone", bron=SOURCE
    )
    feiten = Feitenregister.core().declare([mantelzorg], by="westerkwartier")
    params = CohortParams(fact_shares={"westerkwartier.mantelzorg": 0.3})
    cohort = generate_cohort(300, seed=4, params=params)
    path = tmp_path / f"facts{suffix}"
    write_cohort(cohort, path, feiten=feiten)
    back = load_cohort(path, feiten=feiten)
    assert np.array_equal(
        back.column("westerkwartier.mantelzorg"), cohort.column("westerkwartier.mantelzorg")
    )
    assert_same(cohort.select(SCHEMA), back)
    assert cohort_problems(path, feiten=feiten) == []
    assert [p.field for p in cohort_problems(path)] == ["westerkwartier.mantelzorg"]


def test_generate_refuses_a_fact_no_plugin_declares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = WESTERKWARTIER_FILE.read_text(encoding="utf-8")
    text += '\n[facts]\n"westerkwartier.mantelzorg" = { value = 0.1, source = "invented" }\n'
    params = tmp_path / "params.toml"
    params.write_text(text, encoding="utf-8")
    tree = WESTERKWARTIER_FILE.parent / "gebieden_westerkwartier.toml"
    (tmp_path / tree.name).write_text(tree.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "c.csv"
    assert main(["cohort", "generate", "--params", str(params), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "facts.westerkwartier.mantelzorg: no installed plugin declares this fact" in err
    assert not out.exists()
