"""Decisions from a TOML file: the same composition as in code; bad files name file, line, field."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import Citation, Gemeente
from sociaaldomein.cli.main import main
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.policy import (
    Besluit,
    KostenWijziging,
    LooptijdWijziging,
    Orgaan,
    ParameterWijziging,
    apply_file,
    loads_besluiten,
)
from sociaaldomein.testing import ToyPilot

DECISION = """\
[[besluiten]]
orgaan = "raad"
datum = 2024-06-20
kenmerk = "RB 2024-03"
bron = { letter = "raadsbesluit-2024-03.txt", section = "Besluit 1" }

[[besluiten.wijzigingen]]
soort = "parameter"
pilot = "toy"
parameter = "capaciteit"
waarde = 5
vanaf = 2024-07-01

[[besluiten.wijzigingen]]
soort = "parameter"
pilot = "toy"
parameter = "min_problems"
waarde = 3
vanaf = 2024-10-01

[[besluiten.wijzigingen]]
soort = "looptijd"
pilot = "toy"
eind = 2026-07-01
"""

BRON = Citation("raadsbesluit-2024-03.txt", "Besluit 1")


def _state(gemeente: Gemeente) -> list[tuple[object, ...]]:
    """What a composition decides, version by version."""
    compiled = gemeente.compiled("toy")
    return [
        (
            v.geldigheid,
            v.pilot.pilot,
            v.pilot.eligibility,
            v.pilot.funding,
            v.render(),
            tuple(str(b) for b in v.besluiten),
        )
        for v in compiled.versions
    ]


def test_decisions_in_code_and_from_a_file_give_the_same_composition(tmp_path: Path) -> None:
    path = tmp_path / "besluit.toml"
    path.write_text(DECISION, encoding="utf-8")
    from_file = Gemeente(plugins=[ToyPilot()])
    apply_file(from_file, path)
    in_code = Gemeente(plugins=[ToyPilot()])
    in_code.apply(
        Besluit(
            Orgaan.RAAD,
            pendulum.date(2024, 6, 20),
            "RB 2024-03",
            BRON,
            [
                ParameterWijziging("toy", "capaciteit", 5, vanaf=pendulum.date(2024, 7, 1)),
                ParameterWijziging("toy", "min_problems", 3, vanaf=pendulum.date(2024, 10, 1)),
                LooptijdWijziging("toy", pendulum.date(2026, 7, 1)),
            ],
        )
    )
    assert from_file.besluiten == in_code.besluiten
    assert _state(from_file) == _state(in_code)
    assert len(_state(in_code)) == 3


@given(
    capacity=st.integers(0, 50),
    factor=st.decimals(min_value=0, max_value=5, places=2),
    day=st.dates(pendulum.date(2021, 10, 2), pendulum.date(2023, 9, 1)),
)
def test_a_decision_written_to_a_file_reads_back_as_the_same_value(
    capacity: int, factor: Decimal, day: datetime.date
) -> None:
    text = f"""
[[besluiten]]
orgaan = "college"
datum = 2021-09-01
kenmerk = "CB 7"
bron = {{ letter = "collegebesluit-7.txt", section = "Besluit" }}
[[besluiten.wijzigingen]]
soort = "parameter"
pilot = "gezinsverzorger"
parameter = "capaciteit"
waarde = {capacity}
vanaf = {day}
[[besluiten.wijzigingen]]
soort = "kosten"
pilot = "gezinsverzorger"
factor = "{factor}"
vanaf = {day}
"""
    on = pendulum.date(day.year, day.month, day.day)
    expected = Besluit(
        Orgaan.COLLEGE,
        pendulum.date(2021, 9, 1),
        "CB 7",
        Citation("collegebesluit-7.txt", "Besluit"),
        [
            ParameterWijziging("gezinsverzorger", "capaciteit", capacity, vanaf=on),
            KostenWijziging("gezinsverzorger", factor, vanaf=on),
        ],
    )
    assert loads_besluiten(text) == [expected]


@pytest.mark.parametrize(
    ("replace", "by", "field", "problem"),
    [
        ('orgaan = "raad"', 'orgaan = "wethouder"', "besluiten[0].orgaan", "'raad' or 'college'"),
        ("vanaf = 2024-07-01", 'vanaf = "July"', "besluiten[0].wijzigingen[0].vanaf", "a date"),
        ('soort = "looptijd"', 'soort = "magic"', "besluiten[0].wijzigingen[2].soort", "unknown"),
        ("waarde = 3", "waarde = 99", "besluiten[0].wijzigingen[1].waarde", "from 0 to 32"),
        (
            'pilot = "toy"\neind',
            'pilot = "elders"\neind',
            "besluiten[0].wijzigingen[2].pilot",
            "unknown pilot",
        ),
    ],
)
def test_a_bad_decision_file_names_the_file_the_line_and_the_field(
    tmp_path: Path, replace: str, by: str, field: str, problem: str
) -> None:
    path = tmp_path / "besluit.toml"
    assert replace in DECISION
    path.write_text(DECISION.replace(replace, by), encoding="utf-8")
    gemeente = Gemeente(plugins=[ToyPilot()])
    with pytest.raises(FileFormatError) as caught:
        apply_file(gemeente, path)
    assert caught.value.path == str(path)
    assert caught.value.field == field
    assert problem in caught.value.problem
    assert caught.value.line is not None
    assert gemeente.compiled("toy").versions == ()  # nothing of a refused decision is kept


def test_the_command_line_reports_a_bad_decision_file_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "besluit.toml"
    path.write_text(DECISION.replace("waarde = 5", "waarde = -1"), encoding="utf-8")
    code = main(["plugins", "--plugin", "gezinsverzorger", "--besluit", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert str(path) in err
    assert "Traceback" not in err


def test_data_never_runs_code(tmp_path: Path) -> None:
    # A rule in a file is data: a fact by name, compared with a number.
    text = DECISION.replace(
        'soort = "looptijd"\npilot = "toy"\neind = 2026-07-01',
        'soort = "regel"\npilot = "toy"\nvanaf = 2024-07-01\n'
        'regel = { feit = "os:system", op = ">=", waarde = 1 }',
    )
    path = tmp_path / "besluit.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError, match="unknown fact 'os:system'"):
        apply_file(Gemeente(plugins=[ToyPilot()]), path)
