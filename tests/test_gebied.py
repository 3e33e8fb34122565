"""Areas: the tree (gemeente > wijk > buurt), its files, containment and the area rule."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein import (
    Citation,
    Cohort,
    Gebied,
    GebiedNiveau,
    Gebiedsindeling,
    InGebied,
    InvalidValueError,
)
from sociaaldomein.io.errors import FileFormatError
from sociaaldomein.io.gebied import load_gebiedsindeling
from sociaaldomein.testing import make_gezin

SRC = Citation("test", "areas")
ON = pendulum.date(2024, 1, 1)

TOML = """\
bron = "gemeente Groningen, wijkindeling"

[[gebieden]]
naam = "Groningen"
niveau = "gemeente"
code = "GM0014"

[[gebieden]]
naam = "Korrewegwijk"
niveau = "wijk"
ligt_in = "Groningen"
lidwoord = "de"

[[gebieden]]
naam = "Indische Buurt"
niveau = "buurt"
ligt_in = "Korrewegwijk"
"""


def write(tmp_path: Path, text: str, name: str = "gebieden.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tree_is_read_from_toml(tmp_path: Path) -> None:
    tree = load_gebiedsindeling(write(tmp_path, TOML))
    assert tree.bron == "gemeente Groningen, wijkindeling"
    assert tree["groningen"].code == "GM0014"
    assert tree.wijk_of("INDISCHE BUURT") == tree["Korrewegwijk"]
    assert tree.parent("Korrewegwijk") == tree["Groningen"]
    assert tree.children("Korrewegwijk") == (tree["Indische Buurt"],)


def test_the_same_tree_from_csv(tmp_path: Path) -> None:
    csv = (
        "naam,niveau,ligt_in,code,aliassen,lidwoord\n"
        "Groningen,gemeente,,GM0014,,\n"
        "Korrewegwijk,wijk,Groningen,,,de\n"
        "Indische Buurt,buurt,Korrewegwijk,,Indische buurt Noord|IB,\n"
    )
    tree = load_gebiedsindeling(write(tmp_path, csv, "g.csv"), bron="gemeente Groningen")
    toml = load_gebiedsindeling(write(tmp_path, TOML))
    assert [g.naam for g in tree] == [g.naam for g in toml]
    assert tree.find("ib") == tree["Indische Buurt"]
    assert tree.bron == "gemeente Groningen"


@pytest.mark.parametrize(
    ("change", "field", "line", "problem"),
    [
        (
            ('ligt_in = "Korrewegwijk"', 'ligt_in = "Korrewegwyk"'),
            "gebieden[2].ligt_in",
            17,
            "did you mean 'Korrewegwijk'",
        ),
        (
            ('naam = "Indische Buurt"', 'naam = "korrewegwijk"'),
            "gebieden[2].naam",
            15,
            "names gebieden[1] already",
        ),
        (('code = "GM0014"', 'code = "GM14"'), "gebieden[0].code", 6, "GM and 4 digits"),
        (('niveau = "buurt"', 'niveau = "straat"'), "gebieden[2].niveau", 16, "unknown level"),
        (
            ('ligt_in = "Korrewegwijk"', 'ligt_in = "Groningen"'),
            "gebieden[2].ligt_in",
            17,
            "a buurt lies in a wijk",
        ),
        (
            ('lidwoord = "de"', 'lidwoord = "de"\nnaaam = "x"'),
            "gebieden[1].naaam",
            13,
            "did you mean 'naam'",
        ),
    ],
)
def test_a_bad_tree_names_the_file_the_field_and_the_line(
    tmp_path: Path, change: tuple[str, str], field: str, line: int, problem: str
) -> None:
    path = write(tmp_path, TOML.replace(*change))
    with pytest.raises(FileFormatError) as caught:
        load_gebiedsindeling(path)
    error = caught.value
    assert (error.path, error.field, error.line) == (str(path), field, line)
    assert problem in error.problem
    assert str(error).startswith(f"{path}, line {line}: {field}: ")


def test_a_bad_csv_row_names_its_line_and_column(tmp_path: Path) -> None:
    csv = "naam,niveau,ligt_in\nGroningen,gemeente,\nSelwerd,wijk,Groninge\n"
    with pytest.raises(FileFormatError) as caught:
        load_gebiedsindeling(write(tmp_path, csv, "g.csv"))
    assert (caught.value.field, caught.value.line) == ("ligt_in", 3)


def test_names_match_without_case_or_accents_and_show_as_written() -> None:
    tree = Gebiedsindeling(
        [
            Gebied("Groningen", "gemeente"),
            Gebied("Beijum", "wijk", ligt_in="Groningen", aliassen=["Beyum"]),
        ]
    )
    assert tree.find("BEÏJUM") == tree.find("beyum") == tree["Beijum"]
    assert tree.placement("BEYUM", ["Beijum"]) == (True, "BEYUM is Beijum")
    assert tree.placement("Vinkhuizen", ["Beijum"])[1].startswith("Vinkhuizen is not an area")


# --- containment, as a property ------------------------------------------------------


@st.composite
def trees(draw: st.DrawFn) -> Gebiedsindeling:
    """A gemeente with 1-4 wijken of 0-3 buurten each, named by position."""
    areas = [Gebied("G", "gemeente")]
    for w in range(draw(st.integers(1, 4))):
        areas.append(Gebied(f"W{w}", "wijk", ligt_in="G"))
        areas += [
            Gebied(f"B{w}.{b}", "buurt", ligt_in=f"W{w}") for b in range(draw(st.integers(0, 3)))
        ]
    return Gebiedsindeling(areas)


@given(trees(), st.data())
def test_an_area_lies_in_each_ancestor_and_never_in_a_sibling(
    tree: Gebiedsindeling, data: st.DataObject
) -> None:
    area = data.draw(st.sampled_from(list(tree)))
    assert tree.lies_in(area.naam, area.naam)
    for ancestor in tree.ancestors(area.naam):
        assert tree.lies_in(area.naam, ancestor.naam)
        assert not tree.lies_in(ancestor.naam, area.naam)
    siblings = [g for g in tree if g.ligt_in == area.ligt_in and g != area]
    for sibling in siblings:
        assert not tree.lies_in(area.naam, sibling.naam)
        assert not tree.lies_in(sibling.naam, area.naam)
    if area.niveau is not GebiedNiveau.GEMEENTE:
        assert tree.ancestors(area.naam)[-1].niveau is GebiedNiveau.GEMEENTE


# --- the rule ------------------------------------------------------------------------


def test_the_rule_matches_by_containment_and_explains_it(tmp_path: Path) -> None:
    tree = load_gebiedsindeling(write(tmp_path, TOML))
    rule = InGebied(tree, ["Korrewegwijk"], source=SRC)
    assert rule.text() == "lives in the Korrewegwijk"
    assert rule.facts() == {"wijk"}
    families = [
        make_gezin("a", wijk="Indische Buurt"),
        make_gezin("b", wijk="korrewegwijk"),
        make_gezin("c", wijk="Tuinwijk"),
        make_gezin("d", wijk=None),
    ]
    found = [rule.explain(g, ON) for g in families]
    assert [e.observed for e in found] == [
        "Indische Buurt lies in the Korrewegwijk",
        "korrewegwijk",
        "Tuinwijk is not an area of the tree (gemeente Groningen, wijkindeling)",
        "unknown",
    ]
    assert [e.passed for e in found] == [True, True, False, False]
    assert rule.evaluate(Cohort.from_gezinnen(families), ON).tolist() == [True, True, False, False]
    assert not InGebied(tree, "Indische Buurt", source=SRC).explain(families[1], ON).passed


def test_the_rule_refuses_an_area_the_tree_does_not_hold(tmp_path: Path) -> None:
    tree = load_gebiedsindeling(write(tmp_path, TOML))
    with pytest.raises(InvalidValueError, match=r"InGebied\.gebieden: 'Korewegwijk' .*did you"):
        InGebied(tree, ["Korewegwijk"], source=SRC)
