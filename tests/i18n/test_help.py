"""``--help`` and the last problems a person reads, in Dutch and in English."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import InvalidValueError
from sociaaldomein.cli.main import SUBCOMMANDS, build_parser, main
from sociaaldomein.i18n import _, use_language
from sociaaldomein.io import FileFormatError, read_scenario


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_the_top_level_help_reads_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "nl", "--help")
    assert out.startswith("gebruik: sociaaldomein ")
    for heading in ("opties:", "algemene opties:", "opdrachten:", "voorbeelden:", "documentatie:"):
        assert f"\n{heading}\n" in out
    assert "De sturing van gemeentelijke pilots in het sociaal domein, als code." in out
    assert "toon deze hulptekst en stop" in out
    assert "afsluitcodes: 0 gelukt, 2 foute invoer" in out
    # each command by its summary in Dutch (a line of its own, wrapped by argparse)
    assert "Beoordeel de gezinnen in een gezinsbestand" in out
    assert "usage:" not in out
    assert "commands:" not in out
    assert "examples:" not in out


def test_the_top_level_help_reads_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "en", "--help")
    assert out.startswith("usage: sociaaldomein ")
    for heading in ("options:", "common options:", "commands:", "examples:", "documentation:"):
        assert f"\n{heading}\n" in out
    assert "Assess the families of a family file" in out
    assert "exit codes: 0 success, 2 bad input" in out
    assert "gebruik:" not in out


def test_the_language_comes_from_the_environment_too(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIAALDOMEIN_LANG", "nl")
    assert "\nalgemene opties:\n" in _help(capsys, "--help")
    # --lang wins over the environment
    assert "\ncommon options:\n" in _help(capsys, "--help", "--lang", "en")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "gebruik: sociaaldomein assess",
                "Beoordeel de gezinnen in een gezinsbestand: het oordeel van elke pilot",
                'Met --json: {"on": DATE, "assessments": [ASSESSMENT, ...]}, waarin elke',
                "positionele argumenten:",
                "een gezinsbestand (.json, .toml)",
                "alleen deze pilot (herhaalbaar; standaard: elke pilot)",
                "voorbeelden:",
                "  sociaaldomein assess gezinnen.toml --on 2022-03-01",
                "documentatie van sociaaldomein assess:",
            ],
        ),
        (
            "en",
            [
                "usage: sociaaldomein assess",
                "Assess the families of a family file: the verdict of every pilot",
                'With --json: {"on": DATE, "assessments": [ASSESSMENT, ...]}, where each',
                "positional arguments:",
                "a family file (.json, .toml)",
                "only this pilot (repeatable; default: every pilot)",
                "examples:",
                "  sociaaldomein assess gezinnen.toml --on 2022-03-01",
                "documentation of sociaaldomein assess:",
            ],
        ),
    ],
)
def test_a_subcommands_help_reads_in_the_language_asked_for(
    capsys: pytest.CaptureFixture[str], lang: str, expected: list[str]
) -> None:
    out = _help(capsys, "assess", "--help", "--lang", lang)
    for text in expected:
        assert text in out, text


def test_a_parser_built_in_english_prints_its_help_in_dutch() -> None:
    # argparse keeps the help strings given at build; they are messages, read when printed.
    parser = build_parser()
    with use_language("nl"):
        dutch = parser.format_help()
    assert "laad alleen deze geïnstalleerde plugin (herhaalbaar)" in dutch
    assert "load only this installed plugin" in parser.format_help()


def _helps(parser: argparse.ArgumentParser, where: str = "") -> dict[str, str]:
    """Every help text of ``parser`` and its subcommands' parsers, by where it is."""
    found: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_helps(sub, f"{where} {name}"))
            for choice in action._choices_actions:
                found[f"{where} {choice.dest} (summary)"] = str(choice.help)
        elif action.help and action.dest not in ("help", "version"):
            # (argparse's own -h and --version are translated as the help is written)
            found[f"{where} {action.dest}"] = str(action.help)
    return found


def test_every_help_text_of_every_command_is_translated() -> None:
    with use_language("en"):
        english = _helps(build_parser(load=True))
    with use_language("nl"):
        dutch = _helps(build_parser(load=True))
    assert english.keys() == dutch.keys()
    same = sorted(where for where, text in english.items() if dutch[where] == text)
    assert same == []
    assert set(SUBCOMMANDS) <= {w.split()[0] for w in english}


def test_an_invalid_value_reads_in_the_language_it_is_read_in() -> None:
    error = InvalidValueError("Gezin.id", _("is required"))
    assert str(error) == "Gezin.id: is required"
    with use_language("nl"):
        assert str(error) == "Gezin.id: is verplicht"
    # what code compares stays English, and the field and problem are kept apart
    assert (error.field, error.problem) == ("Gezin.id", "is required")


@given(st.text(min_size=1, max_size=20), st.sampled_from(["en", "nl"]))
def test_an_invalid_value_with_a_plain_problem_says_it_as_written(
    problem: str, language: str
) -> None:
    with use_language(language):
        assert str(InvalidValueError("veld", problem)) == f"veld: {problem}"


def test_an_invalid_value_survives_a_process_boundary() -> None:
    import pickle

    error = pickle.loads(pickle.dumps(InvalidValueError("Gezin.id", _("is required"))))
    assert isinstance(error, InvalidValueError)
    with use_language("nl"):
        assert str(error) == "Gezin.id: is verplicht"


def _scenario(tmp_path: Path, cohort: str) -> Path:
    path = tmp_path / "scenario.toml"
    path.write_text(
        'gemeente = "Groningen"\n\n[[pilots]]\nplugin = "gezinsverzorger"\n\n'
        f"[cohort]\n{cohort}\n\n[simulation]\nstart = 2021-10-01\nmonths = 6\nruns = 2\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "cohort.file: moet een .csv-bestand of een gezinsbestand (.json, .toml) zijn"),
        ("en", "cohort.file: must be a .csv file or a family file (.json, .toml), got"),
    ],
)
def test_a_scenario_file_problem_reads_in_either_language(
    tmp_path: Path, lang: str, expected: str
) -> None:
    path = _scenario(tmp_path, 'file = "gezinnen.xlsx"')
    with pytest.raises(FileFormatError) as caught:
        read_scenario(path)
    with use_language(lang):
        assert expected in str(caught.value)
    assert caught.value.field == "cohort.file"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "geef size of params (een synthetisch cohort), of file (gezinnen uit een bestand)"),
        ("en", "give size or params (a synthetic cohort), or file (families from a file)"),
    ],
)
def test_a_scenario_without_a_cohort_is_reported_in_the_command_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    path = _scenario(tmp_path, "seed = 1")
    assert main(["validate", "scenario", str(path), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert expected in err


def test_an_area_file_problem_reads_in_either_language(tmp_path: Path) -> None:
    from sociaaldomein.io.gebied import load_gebiedsindeling

    path = tmp_path / "gebieden.csv"
    path.write_text("naam,soort\nSelwerd,wijk\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        load_gebiedsindeling(path)
    with use_language("nl"):
        assert "onbekende kolom; bekend:" in str(caught.value)
    assert "unknown column; known:" in str(caught.value)
