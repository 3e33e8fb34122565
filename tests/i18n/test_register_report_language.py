"""The evaluation report reads in the language in force when it is rendered; its figures do not.

The pilot is the multiprobleem doorstart (003_720c15da674da257.txt, 7.): the
partners designate the top 10 before the start; its plan's tussenevaluatie is
Intraval's evaluation on 1 January 2012.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import pendulum
import pytest
from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS, MultiprobleemPilot

from sociaaldomein import Gemeente, Money
from sociaaldomein.i18n import use_language
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    GhpAankoop,
    Plaatsing,
    Register,
    Rol,
    Trajecteinde,
)
from sociaaldomein.register.report import EvaluationReport, evaluation_report

P: Final = "multiprobleem"
PROJECTLEIDER: Final = Actor("projectleider-1", Rol.PROJECTLEIDER)
COACH: Final = Actor("coach-1", Rol.GEZINSCOACH)
FAMILIES: Final = tuple(f"gezin-{i:02}" for i in range(1, 11))
NUMBER: Final = re.compile(r"\d+")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> EvaluationReport:
    path: Path = tmp_path_factory.mktemp("report") / "register.db"
    gemeente = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    partners = tuple(str(p) for p in SAMENWERKINGSPARTNERS)
    start = pendulum.date(2011, 1, 3)
    with Register.open(str(path), gemeente=gemeente, create=True) as register:
        register.record_many(
            [
                Aanwijzing(
                    pilot=P,
                    actor=PROJECTLEIDER,
                    datum=pendulum.date(2010, 12, 15),
                    gezin=g,
                    soort=Aanwijzingssoort.TOP10,
                    partners=partners,
                )
                for g in FAMILIES
            ]
            + [Plaatsing(pilot=P, actor=PROJECTLEIDER, datum=start, gezin=g) for g in FAMILIES[:3]]
        )
        register.record(
            Trajecteinde(
                pilot=P,
                actor=COACH,
                datum=pendulum.date(2011, 6, 1),
                gezin="gezin-02",
                reden_code="31",
            )
        )
        register.record(
            GhpAankoop(
                pilot=P,
                actor=PROJECTLEIDER,
                datum=pendulum.date(2011, 4, 2),
                ref="k",
                gezin="gezin-01",
                bedrag=Money(4_500),
            )
        )
        return evaluation_report(register, P, "evaluatie Intraval", simulated={"placed": 6})


def test_the_markdown_reads_dutch_or_english_with_the_same_figures(
    report: EvaluationReport,
) -> None:
    dutch, english = report.markdown("nl"), report.markdown("en")
    assert "## Instroom" in dutch
    assert "## Intake" in english
    assert "| geplaatst sinds de start | 3 | 6 |" in dutch
    assert "| placed since the start | 3 | 6 |" in english
    assert "| kengetal | register | gesimuleerd |" in dutch
    assert "Op 1 januari 2012" in dutch
    assert "On January 1, 2012" in english
    assert "€ 4.500,00" in dutch
    assert "€4,500.00" in english
    assert "Intake" not in dutch
    assert "Instroom" not in english
    # The same figures in the same order; only the words (and the money's notation) differ.
    assert len(dutch.splitlines()) == len(english.splitlines())
    for nl_line, en_line in zip(dutch.splitlines(), english.splitlines(), strict=True):
        if "€" not in nl_line:
            assert NUMBER.findall(nl_line) == NUMBER.findall(en_line), (nl_line, en_line)


def test_without_a_language_the_report_reads_in_the_one_in_force(
    report: EvaluationReport,
) -> None:
    assert report.markdown() == report.markdown("en")
    with use_language("nl"):
        assert report.markdown() == report.markdown("nl")
        assert report.summary() == report.summary("nl")
        assert report.html() == report.html("nl")


def test_the_summary_reads_in_either_language(report: EvaluationReport) -> None:
    dutch, english = report.summary("nl"), report.summary("en")
    assert dutch.splitlines()[1] == (
        "10 gezinnen aangewezen, 3 geplaatst, 2 in de pilot, 0 wachtend, 1 trajecten beëindigd"
    )
    assert english.splitlines()[1] == (
        "10 families designated, 3 placed, 2 in the pilot, 0 waiting, 1 trajectories ended"
    )
    assert "GHP-gebonden budget vastgelegd € 4.500,00 van € 150.000,00" in dutch
    assert "GHP-bound budget committed €4,500.00 of €150,000.00" in english
    assert dutch.splitlines()[-1] == "een simulatie van hetzelfde ontwerp: placed 6"


def test_the_html_page_says_its_language_and_its_headings_in_it(
    report: EvaluationReport,
) -> None:
    dutch, english = report.html("nl"), report.html("en")
    assert "<html lang='nl'>" in dutch
    assert "<html lang='en'>" in english
    assert "<h2>Adviezen per instelling</h2>" in dutch
    assert "<h2>Advices per institution</h2>" in english
    assert "<td>geplaatst sinds de start</td><td>3</td><td>6</td>" in dutch


def test_an_unknown_language_is_refused_with_the_languages_there_are(
    report: EvaluationReport,
) -> None:
    with pytest.raises(ValueError, match="nl"):
        report.markdown("de")


def test_the_plans_letter_is_cited_in_the_language_of_the_rendering(
    report: EvaluationReport,
) -> None:
    # The report was made in English; the letter's date follows the rendering.
    assert "31 januari 2011" in report.markdown("nl")
    assert "January 31, 2011" in report.markdown("en")
