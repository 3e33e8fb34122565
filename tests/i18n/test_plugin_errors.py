"""A plugin's refusals and decisions read in Dutch and English, through its own catalogue."""

from __future__ import annotations

import pendulum
import pytest

from sociaaldomein import InvalidValueError
from sociaaldomein.i18n import Bericht, use_language

multiprobleem = pytest.importorskip("sociaaldomein_multiprobleem")

from sociaaldomein_multiprobleem import MultiprobleemPilot  # noqa: E402
from sociaaldomein_multiprobleem.governance import informatie_toegestaan  # noqa: E402
from sociaaldomein_multiprobleem.partners import SAMENWERKINGSPARTNERS  # noqa: E402
from sociaaldomein_multiprobleem.selection import Selectie  # noqa: E402


def _refusal() -> InvalidValueError:
    selectie = Selectie(MultiprobleemPilot().doorstart)
    with pytest.raises(InvalidValueError) as caught:
        selectie.add("gezin-01", pendulum.date(2009, 1, 5), SAMENWERKINGSPARTNERS)
    return caught.value


def test_a_selection_refusal_keeps_its_english_problem_and_reads_in_dutch() -> None:
    problem = _refusal().problem
    assert isinstance(problem, Bericht)
    assert problem.domain == "sociaaldomein_multiprobleem"
    english = problem.render("en")
    dutch = problem.render("nl")
    # The value code compares is the English text.
    assert str.__str__(problem).startswith("families are added during the pilot (")
    assert "not on 2009-01-05 (" in str.__str__(problem)
    assert english.startswith("families are added during the pilot (")
    assert "not on 2009-01-05 (" in english  # ISO, as the refusal always said it
    assert dutch.startswith("gezinnen komen erbij tijdens de pilot (")
    assert "niet op 2009-01-05 (" in dutch


def test_a_refusal_reads_in_the_language_in_force_when_it_is_read() -> None:
    # Raised in Dutch, printed by an English reader (or the other way round): the
    # message follows the reader, not the code that raised it.
    with use_language("nl"):
        error = _refusal()
    assert str(error).startswith("Selectie.add.on: families are added during the pilot")
    with use_language("nl"):
        assert str(error).startswith("Selectie.add.on: gezinnen komen erbij tijdens de pilot")


def test_an_information_decision_gives_its_reason_in_both_languages() -> None:
    selectie = Selectie(MultiprobleemPilot().doorstart)
    besluit = informatie_toegestaan("de buurman", "gezin-03", selectie, pendulum.date(2011, 5, 1))
    assert besluit.toegestaan is False
    reden = besluit.reden
    assert isinstance(reden, Bericht)
    assert reden.render("en").startswith("'de buurman' is not a partner, the project or Intraval")
    assert reden.render("nl").startswith("'de buurman' is geen partner, niet het project")


def test_a_plugin_parameter_refused_reads_in_dutch_and_english() -> None:
    gezinsverzorger = pytest.importorskip("sociaaldomein_gezinsverzorger")
    with pytest.raises(InvalidValueError) as caught:
        gezinsverzorger.GezinsverzorgerPilot(zrm_threshold=9)
    problem = caught.value.problem
    assert isinstance(problem, Bericht)
    assert problem.render("en") == "must be a ZRM level, a whole number from 1 to 5, got 9"
    assert (
        problem.render("nl")
        == "moet een ZRM-niveau zijn, een geheel getal van 1 tot en met 5, niet 9"
    )


def test_a_value_refused_by_a_library_validator_reads_in_dutch_and_english() -> None:
    with pytest.raises(InvalidValueError) as caught:
        Selectie(MultiprobleemPilot().doorstart, top=0)
    error = caught.value
    assert error.field == "Selectie.top"
    assert error.problem == "must be at least 1, got 0"  # compares as its English text
    assert isinstance(error.problem, Bericht)
    assert error.problem.render("nl") == "moet ten minste 1 zijn, niet 0"
