"""Letters are cited by subject, date and reference; the file name stays for tools."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from sociaaldomein_hoogkerk.letter import KOSTEN, LETTER

from sociaaldomein import Citation, Letter
from sociaaldomein.errors import InvalidValueError

ROOT = Path(__file__).resolve().parents[2]


def test_a_citation_names_the_letter_by_subject_date_and_reference() -> None:
    assert KOSTEN.render("nl") == (
        "Start 'Proeftuin Hoogkerk' als onderdeel van de transformatie in het sociaal domein, "
        '9 november 2016 (kenmerk 5968383), "Kosten"'
    )
    assert "November 9, 2016 (reference 5968383)" in KOSTEN.render("en")
    assert KOSTEN.file == "004_b7ccad7045cc3ba8.txt"


def test_a_citation_equals_one_of_the_same_file_and_section_whatever_it_knows() -> None:
    assert Citation("004_b7ccad7045cc3ba8.txt", "Kosten", KOSTEN.quote) == KOSTEN
    assert str(Citation("beleidsregel.txt", "Artikel 1")) == 'beleidsregel.txt, "Artikel 1"'


@pytest.mark.parametrize("toml", sorted(ROOT.glob("plugins/*/src/*/letters/*.toml")), ids=str)
def test_each_plugin_letter_has_its_details_next_to_it(toml: Path) -> None:
    letter = Letter.load(toml)
    assert (toml.parent / letter.file).is_file()
    text = (toml.parent / letter.file).read_text(encoding="utf-8")
    assert letter.reference.replace(" ", "") in text.replace(" ", "")  # Ons kenmerk
    assert letter.subject.split()[0] in text  # Onderwerp


def test_the_letter_details_are_the_letters_own() -> None:
    assert LETTER.date == pendulum.date(2016, 11, 9)
    assert LETTER.reference == "5968383"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('file = "a.txt"\nreference = "1"\nsubject = "s"\n', "date"),
        ('file = "a.txt"\ndate = "9-11-2016"\nreference = "1"\nsubject = "s"\n', "date"),
        ('file = "a.txt"\ndate = 2016-11-09\nreference = "1"\nsubject = "s"\nx = 1\n', "x"),
        ("file = \n", None),
    ],
)
def test_bad_letter_details_name_the_file_and_the_field(
    tmp_path: Path, text: str, field: str | None
) -> None:
    path = tmp_path / "brief.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidValueError) as raised:
        Letter.load(path)
    assert "brief.toml" in str(raised.value)
    if field is not None:
        assert f"brief.toml: {field}" in str(raised.value)
