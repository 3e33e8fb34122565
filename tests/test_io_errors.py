"""Bad files and bad values: one FileFormatError naming the file, the field and the problem."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pendulum
import pytest

from sociaaldomein import Gezin, InvalidValueError, Money, Periode
from sociaaldomein.io import (
    FileFormatError,
    FileNumber,
    loads_advice,
    loads_document,
    loads_gezinnen,
    loads_scenario,
    read_gezinnen,
    read_scenario,
    structure,
)

LID = {"rol": "OUDER", "geboortedatum": "1985-05-01"}


def gezin(**fields: Any) -> dict[str, Any]:
    return {"id": "gezin-1", "leden": [LID], **fields}


def family_error(data: object, *, source: str = "f.json") -> FileFormatError:
    import json

    with pytest.raises(FileFormatError) as info:
        loads_gezinnen(json.dumps(data), "json", source=source)
    return info.value


# --- the error itself ---------------------------------------------------------------


def test_the_error_names_file_field_and_problem() -> None:
    exc = FileFormatError("f.json", "gezinnen[2].zrm.huidig.financien", "must be 1 to 5")
    assert str(exc) == "f.json: gezinnen[2].zrm.huidig.financien: must be 1 to 5"
    assert isinstance(exc, InvalidValueError)
    assert isinstance(exc, ValueError)
    assert (exc.path, exc.field, exc.problem) == (
        "f.json",
        "gezinnen[2].zrm.huidig.financien",
        "must be 1 to 5",
    )


def test_the_error_pickles_and_counts_other_problems() -> None:
    exc = FileFormatError("f.toml", "a", "bad", line=3, column=4, others=[("b", "worse")])
    assert str(exc) == "f.toml, line 3, column 4: a: bad (and 1 more: b)"
    again = pickle.loads(pickle.dumps(exc))
    assert str(again) == str(exc)
    assert again.others == (("b", "worse"),)


# --- the document ---------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t", "\ufeff".encode()])
def test_an_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg.json"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=r"leeg\.json: is empty$"):
        read_gezinnen(path)


def test_a_file_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes('{"gezin": {"id": "café"}}'.encode("latin-1"))
    with pytest.raises(FileFormatError, match=r"latin\.json, line 1: is not UTF-8 text: byte 0xe9"):
        read_gezinnen(path)
    utf16 = tmp_path / "utf16.toml"
    utf16.write_bytes('[gezin]\nid = "x"\n'.encode("utf-16"))
    with pytest.raises(FileFormatError, match=r"is UTF-16 text, not UTF-8"):
        read_gezinnen(utf16)


def test_a_utf8_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(
        b'\xef\xbb\xbf{"gezin": {"id": "g", "leden": [{"rol": "KIND", '
        b'"geboortedatum": "2015-01-01"}]}}'
    )
    assert read_gezinnen(path)[0].id == "g"


def test_invalid_json_gives_line_and_column() -> None:
    with pytest.raises(FileFormatError) as info:
        loads_gezinnen('{\n  "gezin": {\n    "id": "x",\n  }\n}', "json", source="f.json")
    assert (info.value.line, info.value.column) == (4, 3)
    assert str(info.value).startswith("f.json, line 4, column 3: invalid JSON: ")


def test_invalid_toml_gives_line_and_column() -> None:
    with pytest.raises(FileFormatError) as info:
        loads_gezinnen('[gezin]\nid = "x"\nleden = [\n', "toml", source="f.toml")
    assert info.value.line == 4
    assert str(info.value).startswith("f.toml, line 4: invalid TOML: ")
    with pytest.raises(FileFormatError) as info:
        loads_gezinnen('[gezin]\nid = "x"\nleden = 3 3\n', "toml", source="f.toml")
    assert (info.value.line, info.value.column) == (3, 11)
    assert "invalid TOML" in str(info.value)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": NaN}', "NaN is not a number JSON allows"),
        ('{"a": 1, "a": 2}', r"f\.json, line 1: a: the key appears twice"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": ' + "1" * 5000 + "}", "invalid JSON"),
    ],
)
def test_json_the_library_will_not_read(text: str, problem: str) -> None:
    with pytest.raises(FileFormatError, match=problem):
        loads_document(text, "json", source="f.json")


def test_numbers_with_a_point_are_read_exactly() -> None:
    data = loads_document('{"a": 0.1, "b": 1e400}', "json")
    assert data == {"a": FileNumber("0.1"), "b": FileNumber("1e400")}
    assert loads_document("a = 0.1", "toml") == {"a": FileNumber("0.1")}


def test_missing_files_directories_and_suffixes(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"nergens\.json: no such file$"):
        read_gezinnen(tmp_path / "nergens.json")
    (tmp_path / "map.json").mkdir()
    with pytest.raises(FileFormatError, match="is a directory"):
        read_gezinnen(tmp_path / "map.json")
    (tmp_path / "f.yaml").write_text("gezin: {}")
    with pytest.raises(
        FileFormatError,
        match=r"cannot tell the format from the suffix '\.yaml'; use \.json or \.toml",
    ):
        read_gezinnen(tmp_path / "f.yaml")


# --- the shape of a family file --------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ([], "a family file is an object"),
        ("gezin", "a family file is an object"),
        ({}, "found keys: none"),
        ({"gezin": gezin(), "gezinnen": []}, "found keys: 'gezin', 'gezinnen'"),
        ({"familie": {}}, "found keys: 'familie'"),
        ({"gezinnen": {}}, "gezinnen: must be a list of families, got an object"),
        ({"gezin": []}, "gezin: must be an object .* got a list"),
        (
            {"gezinnen": [gezin(), gezin()]},
            r"gezinnen\[1\]\.id: 'gezin-1' is the id of gezinnen\[0\] too",
        ),
    ],
)
def test_wrong_top_level_shapes(data: object, problem: str) -> None:
    message = str(family_error(data))
    assert message.startswith("f.json: ")
    assert re.search(problem, message), message


# --- fields -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        (
            {"zrm": {"afgenomen_op": "2024-01-01", "huidig": {"financien": 7}}},
            "zrm.huidig.financien",
            "a ZRM level is a whole number from 1",
        ),
        (
            {"zrm": {"afgenomen_op": "2023-02-30", "huidig": {}}},
            "zrm.afgenomen_op",
            "'2023-02-30' is not a date in the calendar",
        ),
        (
            {"zrm": {"afgenomen_op": "1-2-2023", "huidig": {}}},
            "zrm.afgenomen_op",
            "must be a date written as YYYY-MM-DD",
        ),
        (
            {"zrm": {"afgenomen_op": "1850-01-01", "huidig": {}}},
            "zrm.afgenomen_op",
            "must lie between 1900-01-01 and 2199-12-31",
        ),
        (
            {"problemen": ["SCHULDEN", "SCHULD"]},
            "problemen[1]",
            "unknown Probleem 'SCHULD'; did you mean 'SCHULDEN'?",
        ),
        ({"problemen": "SCHULDEN"}, "problemen", "must be a list, got the text 'SCHULDEN'"),
        (
            {"aantal_hulpverleners": "3"},
            "aantal_hulpverleners",
            "must be a whole number, got the text '3'",
        ),
        (
            {"aantal_hulpverleners": 2.0},
            "aantal_hulpverleners",
            "must be a whole number, got the number 2.0",
        ),
        ({"aantal_hulpverleners": 10**30}, "aantal_hulpverleners", "is too large"),
        ({"aantal_hulpverleners": 5000}, "aantal_hulpverleners", "must be between 0 and 1000"),
        ({"complexe_vraag": 1}, "complexe_vraag", "must be true or false, got the number 1"),
        ({"wijk": 12}, "wijk", "must be text, got the number 12"),
        ({"id": "123456782"}, "id", "looks like a BSN"),
        ({"leden": []}, "leden", "must not be empty"),
        ({"leden": [{"rol": "OUDER"}]}, "leden[0].geboortedatum", "is required"),
        ({"problemem": []}, "problemem", "unknown field; did you mean 'problemen'?"),
        (
            {
                "zorg": [
                    {"soort": "TOEWIJZING", "leveringsvorm": "PGB", "sinds": "2020-01-01", "x": 1}
                ]
            },
            "zorg[0].x",
            "unknown field; Zorg has: soort",
        ),
    ],
)
def test_a_bad_field_is_named_by_its_path(fields: dict[str, Any], field: str, problem: str) -> None:
    exc = family_error({"gezinnen": [gezin(id="a"), gezin(id="b"), gezin(**{"id": "c", **fields})]})
    assert exc.field == f"gezinnen[2].{field}"
    assert problem in exc.problem
    assert str(exc) == f"f.json: gezinnen[2].{field}: {exc.problem}"


def test_several_problems_give_one_message_naming_the_others() -> None:
    exc = family_error({"gezin": gezin(wijk=1, complexe_vraag="ja", extra=True)})
    assert exc.field == "gezin.extra"
    # an unknown field stops the class being built; its other fields are still checked
    assert [f for f, _ in exc.others] == ["gezin.wijk", "gezin.complexe_vraag"]
    exc = family_error({"gezin": gezin(wijk=1, complexe_vraag="ja")})
    assert exc.field == "gezin.wijk"
    assert exc.others == (("gezin.complexe_vraag", "must be true or false, got the text 'ja'"),)
    assert str(exc).endswith("(and 1 more: gezin.complexe_vraag)")


# --- money, decimals, durations ---------------------------------------------------------


@pytest.mark.parametrize("value", [FileNumber("42000.50"), 42000.5, FileNumber("1e3")])
def test_float_money_is_refused(value: object) -> None:
    with pytest.raises(FileFormatError, match='money is written as text, such as "'):
        structure(value, Money)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("EUR 42.000,00", "must be an amount written as text"),
        ("1e3", "must be an amount written as text"),
        (True, "must be an amount"),
        ("1" * 20, "is too large"),
        ("0." + "1" * 20, "too many decimal places"),
    ],
)
def test_money_that_is_not_an_amount(value: object, problem: str) -> None:
    with pytest.raises(FileFormatError, match=problem):
        structure(value, Money)


def test_money_as_text_or_whole_number() -> None:
    assert structure("42000.50", Money) == Money("42000.50")
    assert structure(42_000, Money) == Money(42_000)
    assert structure("-0.125", Money) == Money("-0.125", exact=True)


def test_float_money_in_a_file_names_the_field() -> None:
    text = (
        'advies = {gezin_id = "g", instelling = "i", besluit = "b", datum = 2011-03-01}\n'
        "geselecteerd = 1.5\n"
    )
    with pytest.raises(
        FileFormatError, match=r"a\.toml: geselecteerd: must be true or false, got the number 1\.5"
    ):
        loads_advice(text, "toml", source="a.toml")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("P", "must be an ISO 8601 duration"),
        ("14 days", "must be an ISO 8601 duration"),
        ("P9999999D", "must be an ISO 8601 duration"),
        ("P300Y", "is too long"),
        (10**9, "is too long"),
    ],
)
def test_bad_durations(value: object, problem: str) -> None:
    with pytest.raises(FileFormatError, match=problem):
        structure(value, pendulum.Duration)


def test_a_class_rule_maps_onto_the_path() -> None:
    with pytest.raises(FileFormatError) as info:
        structure({"start": "2023-01-01", "end": "2022-01-01"}, Periode, source="p.json")
    assert str(info.value) == "p.json: end: must lie after the start 2023-01-01, got 2022-01-01"


def test_python_objects_are_refused_too() -> None:
    with pytest.raises(FileFormatError, match="id: must be text"):
        structure({"id": object(), "leden": []}, Gezin)


# --- scenarios ----------------------------------------------------------------------------


SCENARIO = "[cohort]\nsize = 100\n[simulation]\nstart = 2021-10-01\n"


@pytest.mark.parametrize(
    ("extra", "field", "problem"),
    [
        ("months = 0\n", "simulation.months", "must be between 1 and 600"),
        ("months = 1.5\n", "simulation.months", "must be a whole number"),
        ("runs = 99999999999999999999999\n", "simulation.runs", "is too large"),
        ("speed = 3\n", "simulation.speed", "SimulationSettings has: start, months"),
    ],
)
def test_bad_simulation_settings(extra: str, field: str, problem: str) -> None:
    with pytest.raises(FileFormatError) as info:
        loads_scenario(SCENARIO + extra, "toml", source="s.toml")
    assert info.value.field == field
    assert problem in info.value.problem


def test_a_cohort_is_synthetic_or_from_a_file_not_both() -> None:
    with pytest.raises(FileFormatError, match=r"cohort\.size: give either size"):
        loads_scenario(
            '[cohort]\nsize = 1\nfile = "f.json"\n[simulation]\nstart = 2021-10-01\n', "toml"
        )


def test_a_missing_cohort_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[cohort]\nfile = "gezinnen.json"\n[simulation]\nstart = 2021-10-01\n')
    with pytest.raises(
        FileFormatError, match=r"s\.toml: cohort\.file: no such file: .*gezinnen\.json"
    ):
        read_scenario(path)
