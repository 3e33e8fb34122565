"""The command line's errors read in the language of its output, their JSON keys do not change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.cli.main import main
from sociaaldomein.i18n import _, use_language
from sociaaldomein.io import FileFormatError


def _bad_family(tmp_path: Path) -> Path:
    path = tmp_path / "gezin.toml"
    path.write_text('[gezin]\nid = "G1"\n', encoding="utf-8")  # no members: gezin.leden missing
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "sociaaldomein: fout: {file}, regel 1: gezin.leden: is verplicht"),
        ("en", "sociaaldomein: error: {file}, line 1: gezin.leden: is required"),
    ],
)
def test_a_bad_file_is_reported_in_the_language_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    path = _bad_family(tmp_path)
    code = main(["assess", str(path), "--on", "2022-03-01", "--lang", lang])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [expected.format(file=path)]


def test_a_missing_file_is_reported_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nergens.toml"
    assert main(["assess", str(missing), "--lang", "nl"]) == 2
    assert (
        capsys.readouterr().err.strip() == f"sociaaldomein: fout: {missing}: bestand bestaat niet"
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["--lang", "nl"], "sociaaldomein: fout: geef een opdracht (zie sociaaldomein --help)"),
        (["--lang=en"], "sociaaldomein: error: give a command (see sociaaldomein --help)"),
    ],
)
def test_a_usage_error_follows_lang_even_when_the_line_cannot_be_parsed(
    capsys: pytest.CaptureFixture[str], words: list[str], expected: str
) -> None:
    assert main(words) == 2
    assert capsys.readouterr().err.strip() == expected


def test_an_unknown_plugin_is_named_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["budget", "--plugin", "bestaatniet", "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "sociaaldomein: fout: geen geïnstalleerde plugin met de naam 'bestaatniet'"
    )


def test_the_json_error_keeps_its_keys_and_carries_the_text_in_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _bad_family(tmp_path)
    texts = {}
    for lang in ("nl", "en"):
        assert main(["assess", str(path), "--on", "2022-03-01", "--json", "--lang", lang]) == 2
        error = json.loads(capsys.readouterr().err)["error"]
        assert set(error) == {"kind", "message", "file", "field", "line"}
        assert (error["kind"], error["field"], error["line"]) == ("input", "gezin.leden", 1)
        texts[lang] = error["message"]
    assert texts == {
        "nl": f"{path}, regel 1: gezin.leden: is verplicht",
        "en": f"{path}, line 1: gezin.leden: is required",
    }


def test_a_file_error_keeps_its_english_text_for_code_and_renders_in_any_language() -> None:
    error = FileFormatError(
        "g.json", "gezin.id", _("is required"), line=2, column=5, others=[("", "x"), ("a", "y")]
    )
    assert error.problem == "is required"  # code that compares the problem is unchanged
    assert (
        error.message("en")
        == "g.json, line 2, column 5: gezin.id: is required (and 2 more: (document), a)"
    )
    assert error.message("nl") == (
        "g.json, regel 2, kolom 5: gezin.id: is verplicht (en nog 2: (document), a)"
    )
    with use_language("nl"):
        assert str(error) == error.message("nl")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "gezin.aantal_hulpverleners: moet een geheel getal zijn, niet de tekst 'veel'"),
        ("en", "gezin.aantal_hulpverleners: must be a whole number, got the text 'veel'"),
    ],
)
def test_a_wrong_value_is_named_in_the_language_of_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    path = tmp_path / "gezin.toml"
    path.write_text('[gezin]\nid = "G1"\nleden = []\naantal_hulpverleners = "veel"\n', "utf-8")
    assert main(["assess", str(path), "--on", "2022-03-01", "--lang", lang]) == 2
    assert capsys.readouterr().err.strip().endswith(expected)


@given(
    field=st.text(max_size=30),
    problem=st.text(max_size=60),
    others=st.lists(st.tuples(st.text(max_size=10), st.text(max_size=10)), max_size=5),
    line=st.none() | st.integers(1, 10_000),
)
def test_a_file_error_is_one_line_in_either_language(
    field: str, problem: str, others: list[tuple[str, str]], line: int | None
) -> None:
    error = FileFormatError(
        "f.toml", field, _("{problem}", problem=problem), line=line, others=others
    )
    for language in ("nl", "en"):
        text = error.message(language)
        assert not {"\n", "\r", "\x1b"} & set(text)
        assert text.startswith("f.toml")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            ["simulate", "--lang", "nl"],
            "sociaaldomein: fout: de volgende argumenten zijn verplicht: SCENARIO "
            "(zie sociaaldomein simulate --help)",
        ),
        (
            ["simulate", "--lang", "en"],
            "sociaaldomein: error: the following arguments are required: SCENARIO "
            "(see sociaaldomein simulate --help)",
        ),
        (
            ["budget", "--bogus", "--lang", "nl"],
            "sociaaldomein: fout: onbekende argumenten: --bogus (zie sociaaldomein --help)",
        ),
        (
            ["assess", "x.toml", "--on", "2022-13-01", "--lang", "nl"],
            "sociaaldomein: fout: argument --on: '2022-13-01' is geen datum in de kalender "
            "(month must be in 1..12) (zie sociaaldomein assess --help)",
        ),
    ],
)
def test_argparse_usage_errors_read_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], words: list[str], expected: str
) -> None:
    assert main(words) == 2
    assert capsys.readouterr().err.strip() == expected
