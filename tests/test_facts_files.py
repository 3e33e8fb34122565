"""Declared facts and terms in files: family files, their schema, cohort CSV and Parquet.

Every reader takes the composition's register (``feiten=``); without it only
the core's facts are known.  An unknown fact is refused naming the file, the
field and the nearest declared name.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    AllOf,
    Citation,
    Cohort,
    Compare,
    Feit,
    FeitSoort,
    Gezin,
    HasAny,
    IsTrue,
    Lid,
    Money,
    Observatie,
    OneOf,
    Rule,
    Term,
)
from sociaaldomein.domain.feitenregister import Feitenregister
from sociaaldomein.io import FileFormatError, dumps_gezinnen, loads_gezinnen
from sociaaldomein.io.cohort import dumps_cohort_csv, loads_cohort_csv
from sociaaldomein.io.schema import family_schema

BRON = Citation("westerkwartier.txt", "2. Doelgroep")
ON = pendulum.date(2025, 6, 1)
SCHULD = Feit.declare("schuldhulp.schuld", FeitSoort.MONEY, "the total debt", bron=BRON)
EISERS = Feit.declare(
    "schuldhulp.schuldeisers", FeitSoort.NUMBER, "the creditors", bron=BRON, bereik=(0, 200),
    geldig_dagen=90,
)  # fmt: skip
STUDENT = Feit.declare("schuldhulp.student", FeitSoort.BOOL, "studies", bron=BRON)
WOONVORM = Feit.declare(
    "schuldhulp.woonvorm", FeitSoort.CATEGORY, "how they live", bron=BRON,
    keuzes=["thuis", "zelfstandig", "begeleid"],
)  # fmt: skip
SOORTEN = Feit.declare(
    "schuldhulp.soorten", FeitSoort.FLAGS, "kinds of debt", bron=BRON,
    keuzes=["huur", "zorgverzekering", "telefoon"],
)  # fmt: skip
SINDS = Feit.declare("schuldhulp.sinds", FeitSoort.DATE, "in debt since", bron=BRON)
NOTITIE = Feit.declare("schuldhulp.notitie", FeitSoort.TEXT, "a note", bron=BRON)
BESLAG = Term("problemen", "schuldhulp.beslag", "beslag op het inkomen", bron=BRON)
REGISTER = Feitenregister.core().declare(
    [SCHULD, EISERS, STUDENT, WOONVORM, SOORTEN, SINDS, NOTITIE, BESLAG], by="schuldhulp"
)

FAMILY = """
[gezin]
id = "jong-1"
problemen = ["SCHULDEN", "schuldhulp.beslag"]
[[gezin.leden]]
rol = "VOLWASSENE"
geboortedatum = 2003-08-01
[gezin.feiten]
"schuldhulp.schuld" = "4200.00"
"schuldhulp.schuldeisers" = {waarde = 3, datum = 2025-05-01}
"schuldhulp.student" = true
"schuldhulp.woonvorm" = "Zelfstandig"
"schuldhulp.soorten" = ["huur", "telefoon"]
"schuldhulp.sinds" = 2024-11-01
"schuldhulp.notitie" = "belt liever niet"
"""


def test_a_family_file_holds_declared_facts_observations_and_terms() -> None:
    (gezin,) = loads_gezinnen(FAMILY, "toml", feiten=REGISTER)
    assert gezin.feiten == {
        "schuldhulp.schuld": Money("4200.00"),
        "schuldhulp.schuldeisers": Observatie(3, pendulum.date(2025, 5, 1)),
        "schuldhulp.student": True,
        "schuldhulp.woonvorm": "zelfstandig",  # the declared spelling
        "schuldhulp.soorten": frozenset({"huur", "telefoon"}),
        "schuldhulp.sinds": pendulum.date(2024, 11, 1),
        "schuldhulp.notitie": "belt liever niet",
    }
    assert gezin.termen == {BESLAG}
    assert HasAny(FEITEN.problemen, [BESLAG], source=BRON).passes(gezin, ON)
    assert FEITEN.aantal_problemen.scalar(gezin, ON) == 2  # the declared problem counts


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_family_file_with_declared_facts_round_trips(fmt: str) -> None:
    (gezin,) = loads_gezinnen(FAMILY, "toml", feiten=REGISTER)
    text = dumps_gezinnen(gezin, fmt)  # type: ignore[arg-type]
    assert loads_gezinnen(text, fmt, feiten=REGISTER) == (gezin,)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("replace", "field", "problem"),
    [
        ('"schuldhulp.schuld"', "gezin.feiten.schuldhulp.schult",
         "unknown fact 'schuldhulp.schult'; did you mean 'schuldhulp.schuld'?"),
        ('"4200.00"', "gezin.feiten.schuldhulp.schuld", "money is written as text"),
        ("waarde = 3", "gezin.feiten.schuldhulp.schuldeisers", "from 0 to 200, got 300"),
        ('"Zelfstandig"', "gezin.feiten.schuldhulp.woonvorm",
         "did you mean 'zelfstandig'? allowed: thuis, zelfstandig, begeleid"),
        ('"schuldhulp.beslag"', "gezin.problemen",
         "unknown term 'schuldhulp.beslagg' of problemen; did you mean 'schuldhulp.beslag'?"),
        ('"belt liever niet"', "gezin.feiten.schuldhulp.notitie", "looks like a BSN"),
        ("datum = 2025-05-01", "gezin.feiten.schuldhulp.schuldeisers", "missing: datum"),
    ],
)  # fmt: skip
def test_a_bad_declared_value_names_the_file_the_field_and_the_problem(
    replace: str, field: str, problem: str
) -> None:
    wrong = {
        '"schuldhulp.schuld"': '"schuldhulp.schult"',
        '"4200.00"': "4200.50",
        "waarde = 3": "waarde = 300",
        '"Zelfstandig"': '"zelfstandigg"',
        '"schuldhulp.beslag"': '"schuldhulp.beslagg"',
        '"belt liever niet"': '"123456782"',
        "datum = 2025-05-01": "dag = 2025-05-01",
    }[replace]
    with pytest.raises(FileFormatError) as caught:
        loads_gezinnen(FAMILY.replace(replace, wrong), "toml", feiten=REGISTER, source="g.toml")
    assert caught.value.path == "g.toml"
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert "123456782" not in str(caught.value)


def test_without_the_register_a_declared_fact_is_unknown() -> None:
    with pytest.raises(FileFormatError, match="no plugin of the composition declares facts"):
        loads_gezinnen(FAMILY, "toml")


def test_the_family_schema_lists_the_declared_facts_and_terms() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = family_schema(REGISTER)
    gezin = schema["$defs"]["Gezin"]["properties"]
    assert set(gezin["feiten"]["properties"]) == set(REGISTER.declared())
    assert gezin["problemen"]["items"]["anyOf"][1] == {"enum": ["schuldhulp.beslag"]}
    (family,) = loads_gezinnen(FAMILY, "toml", feiten=REGISTER)
    data = json.loads(dumps_gezinnen(family, "json"))
    jsonschema.validate(data, schema)
    data["gezin"]["feiten"]["schuldhulp.onbekend"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    assert family_schema()["$defs"]["Gezin"]["properties"]["feiten"]["properties"] == {}


CSV = (
    "id,problemen,schuldhulp.schuld,schuldhulp.schuldeisers,schuldhulp.schuldeisers@datum,"
    "schuldhulp.student,schuldhulp.woonvorm,schuldhulp.soorten,schuldhulp.sinds\n"
    "a,SCHULDEN;schuldhulp.beslag,4200.00,3,2025-05-01,ja,zelfstandig,huur|telefoon,2024-11-01\n"
    "b,,,,,,,,\n"
)


def test_a_cohort_csv_holds_declared_facts_and_writes_them_back() -> None:
    cohort = loads_cohort_csv(CSV, feiten=REGISTER)
    assert cohort.column("schuldhulp.schuld").tolist()[0] == 420_000  # cents
    assert cohort.column("problemen:schuldhulp.beslag").tolist() == [True, False]
    columns = CSV.splitlines()[0].split(",")
    again = loads_cohort_csv(dumps_cohort_csv(cohort, columns, feiten=REGISTER), feiten=REGISTER)
    for name in cohort.columns:
        assert again.column(name).tolist() == cohort.column(name).tolist(), name


def test_an_unknown_or_bad_cohort_column_names_the_line_and_the_nearest() -> None:
    with pytest.raises(FileFormatError, match=r"did you mean 'schuldhulp.schuld'\?"):
        loads_cohort_csv("id,schuldhulp.schult\na,1\n", feiten=REGISTER)
    with pytest.raises(
        FileFormatError, match=r"line 2: schuldhulp\.student: must be true or false"
    ):
        loads_cohort_csv("id,schuldhulp.student\na,misschien\n", feiten=REGISTER)
    with pytest.raises(FileFormatError, match="a text fact is not a cohort column"):
        loads_cohort_csv("id,schuldhulp.notitie\na,x\n", feiten=REGISTER)
    with pytest.raises(FileFormatError, match="looks like a BSN") as caught:
        loads_cohort_csv("id,schuldhulp.schuldeisers\na,123456782\n", feiten=REGISTER)
    assert "123456782" not in str(caught.value)


def _rule() -> Rule:
    return AllOf(
        (
            Compare(SCHULD, ">=", Money(1000), source=BRON),
            Compare(EISERS, ">=", 2, source=BRON),
            IsTrue(STUDENT, source=BRON),
            OneOf(WOONVORM, ["zelfstandig", "begeleid"], source=BRON),
            HasAny(SOORTEN, [SOORTEN.enum_type["huur"]], source=BRON),  # type: ignore[index]
        ),
        source=BRON,
    )


row = st.fixed_dictionaries(
    {
        "schuldhulp.schuld": st.none() | st.integers(0, 10**7).map(lambda c: f"{c / 100:.2f}"),
        "schuldhulp.schuldeisers": st.none() | st.integers(0, 200),
        "schuldhulp.schuldeisers@datum": st.none()
        | st.dates(datetime.date(2024, 12, 1), datetime.date(2025, 6, 1)),
        "schuldhulp.student": st.none() | st.booleans(),
        "schuldhulp.woonvorm": st.none() | st.sampled_from(WOONVORM.keuzes),
        "schuldhulp.soorten": st.lists(st.sampled_from(SOORTEN.keuzes), unique=True),
        "beslag": st.booleans(),
    }
)


def _family(i: int, values: dict[str, Any]) -> Gezin:
    feiten: dict[str, Any] = {}
    if values["schuldhulp.schuld"] is not None:
        feiten["schuldhulp.schuld"] = Money(values["schuldhulp.schuld"])
    if values["schuldhulp.schuldeisers"] is not None:
        day = values["schuldhulp.schuldeisers@datum"]
        count = values["schuldhulp.schuldeisers"]
        feiten["schuldhulp.schuldeisers"] = count if day is None else Observatie(count, day)
    if values["schuldhulp.student"] is not None:
        feiten["schuldhulp.student"] = values["schuldhulp.student"]
    if values["schuldhulp.woonvorm"] is not None:
        feiten["schuldhulp.woonvorm"] = values["schuldhulp.woonvorm"]
    if values["schuldhulp.soorten"]:
        feiten["schuldhulp.soorten"] = frozenset(values["schuldhulp.soorten"])
    return Gezin(
        f"g{i}",
        [Lid("VOLWASSENE", pendulum.date(2003, 1, 1))],
        problemen=["SCHULDEN"],
        feiten=feiten,
        termen=[BESLAG] if values["beslag"] else [],
    )


def _csv(rows: list[dict[str, Any]]) -> str:
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "ja" if value else "nee"
        if isinstance(value, list):
            return "|".join(value)
        return str(value)

    names = [n for n in rows[0] if n != "beslag"]
    lines = ["id,problemen," + ",".join(names)]
    for i, r in enumerate(rows):
        problems = "SCHULDEN;schuldhulp.beslag" if r["beslag"] else "SCHULDEN"
        lines.append(f"g{i},{problems}," + ",".join(cell(r[n]) for n in names))
    return "\n".join(lines) + "\n"


@given(st.lists(row, min_size=1, max_size=12))
def test_scalar_vectorised_and_file_evaluation_agree_on_declared_facts(
    rows: list[dict[str, Any]],
) -> None:
    rule = _rule() | HasAny(FEITEN.problemen, [BESLAG], source=BRON)
    families = [_family(i, r) for i, r in enumerate(rows)]
    scalar = [rule.passes(g, ON) for g in families]
    assert rule.evaluate(Cohort.from_gezinnen(families), ON).tolist() == scalar
    from_file = loads_cohort_csv(_csv(rows), feiten=REGISTER)
    assert rule.evaluate(from_file, ON).tolist() == scalar
    for g, explained in zip(families, (rule.explain(g, ON) for g in families), strict=True):
        # an outdated count of creditors is never used silently
        held = g.feiten.get("schuldhulp.schuldeisers")
        old = isinstance(held, Observatie) and (ON - held.datum).in_days() > 90
        assert bool(explained.outdated_nodes()) == old


@given(st.lists(row, min_size=1, max_size=8))
def test_csv_and_parquet_read_the_same_declared_cells_the_same_way(
    rows: list[dict[str, Any]],
) -> None:
    pa = pytest.importorskip("pyarrow")
    from sociaaldomein.simulation.loader import cohort_from_table

    text = _csv(rows)
    from_csv = loads_cohort_csv(text, feiten=REGISTER)
    header, *lines = text.splitlines()
    names = header.split(",")
    cells = [line.split(",") for line in lines]
    # typed values, as a Parquet file holds them: numbers, booleans, dates, text
    typed: dict[str, list[object]] = {n: [c[i] for c in cells] for i, n in enumerate(names)}
    typed["schuldhulp.schuldeisers"] = [r["schuldhulp.schuldeisers"] for r in rows]
    typed["schuldhulp.student"] = [r["schuldhulp.student"] for r in rows]
    typed["schuldhulp.schuldeisers@datum"] = [r["schuldhulp.schuldeisers@datum"] for r in rows]
    table = pa.table(typed)
    columns = {n: table.column(n).to_pylist() for n in table.column_names}
    from_parquet = cohort_from_table(columns, source="c.parquet", feiten=REGISTER)
    assert set(from_parquet.columns) == set(from_csv.columns)
    for name in from_csv.columns:
        assert from_parquet.column(name).tolist() == from_csv.column(name).tolist(), name
