"""Cohort parameter files: the shipped municipalities, load errors, seeded shares, and a
pilot outside Groningen that gets families."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import Citation, Gemeente
from sociaaldomein.cli import main
from sociaaldomein.cli import simulate as simulate_command
from sociaaldomein.domain.rules import AllOf, InGebied, Rule
from sociaaldomein.io import FileFormatError, loads_scenario, read_scenario
from sociaaldomein.io.gebied import load_gebiedsindeling
from sociaaldomein.simulation import (
    GRONINGEN,
    GRONINGEN_FILE,
    WESTERKWARTIER_FILE,
    WIJKEN,
    CohortParams,
    Settings,
    generate_cohort,
    load_cohort_params,
    simulate,
)
from sociaaldomein.simulation.cohorts import describe_cohort
from sociaaldomein.testing import ToyPilot

WESTERKWARTIER = load_cohort_params(WESTERKWARTIER_FILE)
DATA = GRONINGEN_FILE.parent
DOCS = Path(__file__).resolve().parent.parent / "docs" / "files.md"

GOOD = """\
gemeente = "Voorbeeld"
areas = "gebieden.toml"
households = { value = 1000, source = "invented" }
share_with_children = { value = 0.25, source = "invented" }
single_parent_share = { value = 0.2, source = "invented" }

[[area_shares]]
area = "Zuidhorn"
value = 0.6
source = "invented"

[[area_shares]]
area = "Leek"
value = 0.4
source = "invented"
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "gebieden.toml").write_text(
        (DATA / "gebieden_westerkwartier.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = tmp_path / "params.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped files ----------------------------------------------------------------


def test_groningen_is_the_shipped_file_and_todays_defaults() -> None:
    assert load_cohort_params(GRONINGEN_FILE) == GRONINGEN
    old = CohortParams()
    for field in ("households", "share_with_children", "single_parent_share", "reference_date"):
        assert getattr(GRONINGEN, field) == getattr(old, field)
    assert GRONINGEN.wijken == WIJKEN
    assert not GRONINGEN.invented
    a, b = generate_cohort(3_000, seed=4), generate_cohort(3_000, seed=4, params=old)
    assert all(np.array_equal(a.columns[c], b.columns[c]) for c in a.columns)


def test_every_groningen_figure_cites_its_source() -> None:
    figures = [
        "households",
        "share_with_children",
        "single_parent_share",
        "youth_care_share",
        "multiprobleem_share",
        "pgb_share",
        "zrm_scored_share",
        *(f"wijken.{w}" for w in WIJKEN),
        *(f"children.{i}" for i in range(1, 5)),
    ]
    for figure in figures:
        assert isinstance(GRONINGEN.source(figure), Citation), figure
    assert GRONINGEN.source("households") == Citation("CBS core figures, about 2021", "households")
    assert "NJi" in GRONINGEN.source("multiprobleem_share").letter  # type: ignore[union-attr]


def test_westerkwartier_is_marked_invented_and_lives_in_its_own_tree() -> None:
    assert WESTERKWARTIER.invented
    assert WESTERKWARTIER.gemeente == "Westerkwartier"
    tree = WESTERKWARTIER.gebieden
    assert tree is not None
    assert "invented" in tree.lezing
    assert all(tree.lies_in(w, "Westerkwartier") for w in WESTERKWARTIER.wijken)
    assert tree.lies_in("Tolbert", "Leek")
    assert {s.letter for _, s in WESTERKWARTIER.sources} == {"invented"}


def test_an_area_may_be_named_by_its_cbs_code(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    tree = (tmp_path / "gebieden.toml").read_text(encoding="utf-8")
    tree = tree.replace('naam = "Leek"\n', 'naam = "Leek"\ncode = "WK196901"\n')
    (tmp_path / "gebieden.toml").write_text(tree, encoding="utf-8")
    path.write_text(GOOD.replace('area = "Leek"', 'area = "WK196901"'), encoding="utf-8")
    assert load_cohort_params(path).wijken == ("Zuidhorn", "Leek")


# --- load errors: file, line, field and problem; never a traceback -------------------------


@pytest.mark.parametrize(
    ("old", "new", "field", "problem"),
    [
        ("value = 0.25", "value = 1.25", "share_with_children.value", "from 0 to 1, got 1.25"),
        ("value = 1000", "value = 1000.5", "households.value", "must be a whole number"),
        ('area = "Leek"', 'area = "Lek"', "area_shares[1].area", "did you mean 'Leek'?"),
        ('area = "Leek"', 'area = "Westerkwartier"', "area_shares[1].area", "is a gemeente"),
        ('area = "Leek"', 'area = "Zuidhorn"', "area_shares[1].area", "named twice"),
        ("value = 0.4", "value = 0.3", "area_shares", "add up to 1, they add up to 0.9"),
        ('"gebieden.toml"', '"nergens.toml"', "areas", "no such area file"),
        ("households =", "househlds =", "househlds", "did you mean 'households'?"),
        ('source = "invented" }\nshare', 'source = "" }\nshare', "households.source", "empty"),
        (
            '[[area_shares]]\narea = "Z',
            'problems = { SCHULDN = { value = 0.1, source = "x" } }\n[[area_shares]]\narea = "Z',
            "problems.SCHULDN",
            "did you mean 'SCHULDEN'?",
        ),
        (
            '[[area_shares]]\narea = "Z',
            'facts = { mantelzorg = { value = 0.1, source = "x" } }\n[[area_shares]]\narea = "Z',
            "facts.mantelzorg",
            "namespace",
        ),
        (
            '[[area_shares]]\narea = "Z',
            'referrers = { DOKTER = { value = 1, source = "x" } }\n[[area_shares]]\narea = "Z',
            "referrers.DOKTER",
            "unknown Verwijzer",
        ),
        (
            '[[area_shares]]\narea = "Z',
            'children = { 1 = { value = 1, source = "x" }, 3 = { value = 1, source = "x" } }\n'
            '[[area_shares]]\narea = "Z',
            "children",
            "numbers of children 1 to n",
        ),
    ],
)
def test_a_bad_parameter_file_names_the_field(
    tmp_path: Path, old: str, new: str, field: str, problem: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(FileFormatError) as info:
        load_cohort_params(path)
    assert info.value.field == field
    assert problem in info.value.problem
    assert info.value.path == str(path)


def test_the_problem_points_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace('area = "Leek"', 'area = "Lek"'))
    with pytest.raises(FileFormatError) as info:
        load_cohort_params(path)
    assert info.value.line == GOOD.splitlines().index('area = "Leek"') + 1


def test_the_command_line_says_it_in_one_line_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, GOOD.replace("value = 0.2,", "value = 2,"))
    out = tmp_path / "cohort.csv"
    assert main(["cohort", "generate", "--params", str(path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "params.toml, line 5: single_parent_share.value: must be a share from 0 to 1" in err
    assert "Traceback" not in err
    assert not out.exists()


# --- generation -------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_cohort_and_another_seed_another() -> None:
    a = generate_cohort(5_000, seed=11, params=WESTERKWARTIER)
    b = generate_cohort(5_000, seed=11, params=WESTERKWARTIER)
    c = generate_cohort(5_000, seed=12, params=WESTERKWARTIER)
    assert all(np.array_equal(a.columns[k], b.columns[k]) for k in a.columns)
    assert not np.array_equal(a.column("problemen"), c.column("problemen"))
    assert a.vocabularies["wijk"][1:] == tuple(w.casefold() for w in WESTERKWARTIER.wijken)


def test_the_default_size_is_the_gemeentes_families() -> None:
    assert len(generate_cohort(params=WESTERKWARTIER)) == round(27_000 * 0.28)


@settings(max_examples=8)
@given(seed=st.integers(0, 2**32))
def test_the_shares_are_the_files_within_tolerance(seed: int) -> None:
    summary = describe_cohort(generate_cohort(20_000, seed=seed, params=WESTERKWARTIER))
    p = WESTERKWARTIER
    assert abs(summary["single_parent_share"] - p.single_parent_share) < 0.015
    in_care = p.youth_care_share + p.multiprobleem_share
    assert abs(summary["youth_care_share"] - in_care) < 0.015
    areas = {
        name.casefold(): share for name, share in zip(p.wijken, p.wijk_weights or (), strict=True)
    }
    assert summary["areas"].keys() == areas.keys()
    for name, share in areas.items():
        assert abs(summary["areas"][name] - share) < 0.015, name
    for name, share in p.problem_shares:
        assert abs(summary["problems"][name] - share) < 0.012, name
    for name, share in p.need_shares:
        assert abs(summary["needs"][name] - share) < 0.04, name


def test_without_figures_the_problems_are_drawn_as_before() -> None:
    problems = describe_cohort(generate_cohort(20_000, seed=2))["problems"]
    assert max(problems.values()) - min(problems.values()) < 0.01  # any problem alike


# --- a pilot outside Groningen -----------------------------------------------------------


class LeekToy(ToyPilot):
    """The toy pilot, but only in Leek (an invented rule of an invented municipality)."""

    def __init__(self) -> None:
        super().__init__("leek", min_problems=1, capacity=10)

    def eligibility(self) -> Rule:
        tree = load_gebiedsindeling(DATA / "gebieden_westerkwartier.toml")
        where = InGebied(tree, ["Leek"], source=Citation("toy-letter.txt", "2. Leek"))
        return AllOf([super().eligibility(), where])


def _admitted(cohort_params: CohortParams) -> int:
    results = simulate(
        Gemeente(plugins=[LeekToy()]),
        generate_cohort(3_000, seed=5, params=cohort_params),
        Settings(pendulum.date(2024, 1, 1), months=12, referral_probability=0.05),
        runs=2,
        seed=1,
    )
    return int(results.figures()["admitted"].sum())


def test_a_pilot_in_leek_gets_families_from_westerkwartiers_cohort() -> None:
    assert _admitted(WESTERKWARTIER) > 0
    assert _admitted(GRONINGEN) == 0  # the synthetic Groningen has no family in Leek


def test_a_families_in_tolbert_lie_in_leek() -> None:
    cohort = generate_cohort(3_000, seed=5, params=WESTERKWARTIER)
    rule = LeekToy().eligibility().children()[1]
    inside = rule.evaluate(cohort, pendulum.date(2024, 6, 1))
    wijk = np.asarray(cohort.vocabularies["wijk"])[cohort.column("wijk")]
    assert set(wijk[inside]) == {"leek", "tolbert"}


SCENARIO = """\
gemeente = "Westerkwartier"
allow_import = true

[[pilots]]
plugin = "sociaaldomein.testing:ToyPilot"
params = { capacity = 5, min_problems = 1 }

[cohort]
params = "{params}"
seed = 3

[simulation]
start = 2024-01-01
months = 6
referral_probability = 0.05
"""


def test_a_scenario_takes_a_parameter_file(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.replace("{params}", str(WESTERKWARTIER_FILE)), encoding="utf-8")
    scenario = read_scenario(path)
    assert scenario.cohort.synthetic
    assert scenario.cohort.params_path(path) == WESTERKWARTIER_FILE
    cohort = simulate_command.cohort_of(scenario, path)
    assert len(cohort) == WESTERKWARTIER.families
    assert "zuidhorn" in cohort.vocabularies["wijk"]
    assert main(["simulate", str(path), "--no-progress"]) == 0


def test_a_scenarios_parameter_file_is_relative_and_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.replace("{params}", "missing.toml"), encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"cohort\.params: no such file"):
        read_scenario(path)


@pytest.mark.parametrize(
    ("cohort", "field"),
    [('params = "p.toml"\nfile = "f.csv"', "cohort.params"), ("seed = 1", "cohort.size")],
)
def test_a_cohort_is_synthetic_or_from_a_file(cohort: str, field: str) -> None:
    text = f"[cohort]\n{cohort}\n[simulation]\nstart = 2024-01-01\n"
    with pytest.raises(FileFormatError) as info:
        loads_scenario(text, "toml")
    assert info.value.field == field


def test_validate_checks_the_scenarios_parameter_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    params = write(tmp_path, GOOD.replace('area = "Leek"', 'area = "Lek"'))
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO.replace("{params}", params.name), encoding="utf-8")
    assert main(["validate", "scenario", str(path), "--allow-import"]) == 2
    assert "area_shares[1].area: 'Lek' is not an area" in capsys.readouterr().err


# --- the documented example ---------------------------------------------------------------


def test_the_example_in_the_docs_loads(tmp_path: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(
        r"```\{code-block\} toml\n:caption: cohort_voorbeeld\.toml\n\n(.*?)^```", text, re.S | re.M
    )
    assert found is not None
    path = write(
        tmp_path,
        textwrap.dedent(found.group(1)).replace("gebieden_westerkwartier.toml", "gebieden.toml"),
    )
    params = load_cohort_params(path)
    assert params.gemeente
    assert params.families > 0


@pytest.mark.parametrize("path", [GRONINGEN_FILE, WESTERKWARTIER_FILE], ids=["groningen", "wk"])
def test_the_shipped_files_fit_the_schema(path: Path) -> None:
    import tomllib

    import jsonschema

    from sociaaldomein.io import SCHEMAS

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["reference_date"] = data["reference_date"].isoformat()  # the schema describes JSON
    jsonschema.validate(data, SCHEMAS["cohort-params"]())
    data["households"]["value"] = "many"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMAS["cohort-params"]())
