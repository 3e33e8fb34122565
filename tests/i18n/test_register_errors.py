"""The register's refusals read in the language in force when they are read, with their rule.

The rules are the multiprobleem doorstart's (003_720c15da674da257.txt, 7.):
the partners designate the top 10 before the start, each family once.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Final

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sociaaldomein_multiprobleem import SAMENWERKINGSPARTNERS, MultiprobleemPilot

from sociaaldomein import Gemeente
from sociaaldomein.cli.main import main
from sociaaldomein.domain.citation import Citation
from sociaaldomein.i18n import _, use_language
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    MandaatAdvies,
    RefusedEventError,
    Register,
    RegisterError,
    Rol,
    jz588,
)

P: Final = "multiprobleem"
PARTNERS: Final = tuple(str(p) for p in SAMENWERKINGSPARTNERS)
PROJECTLEIDER: Final = Actor("projectleider-1", Rol.PROJECTLEIDER)
BEFORE_START: Final = pendulum.date(2010, 12, 15)


def _designated(gezin: str) -> Aanwijzing:
    return Aanwijzing(
        pilot=P,
        actor=PROJECTLEIDER,
        datum=BEFORE_START,
        gezin=gezin,
        soort=Aanwijzingssoort.TOP10,
        partners=PARTNERS,
    )


@pytest.fixture
def refused(tmp_path: Path) -> RefusedEventError:
    """The refusal of designating a family twice, raised while English is in force."""
    gemeente = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    with Register.open(str(tmp_path / "r.db"), gemeente=gemeente, create=True) as register:
        register.record(_designated("gezin-01"))
        with pytest.raises(RefusedEventError) as caught:
            register.record(_designated("gezin-01"))
        assert len(register.events()) == 1, "a refused event is not written"
    return caught.value


def test_a_refusal_reads_in_english_by_default(refused: RefusedEventError) -> None:
    assert refused.bron is not None
    assert str(refused) == (
        f"Aanwijzing.gezin: family 'gezin-01' is designated already [{refused.bron.render('en')}]"
    )


def test_a_refusal_raised_in_english_reads_in_dutch_when_read_in_dutch(
    refused: RefusedEventError,
) -> None:
    assert refused.bron is not None
    with use_language("nl"):
        text = str(refused)
    assert text == (
        f"Aanwijzing.gezin: gezin 'gezin-01' is al aangewezen [{refused.bron.render('nl')}]"
    )
    assert refused.field == "Aanwijzing.gezin", "the field is a name, never translated"


def test_a_pickled_refusal_keeps_its_field_rule_and_both_languages(
    refused: RefusedEventError,
) -> None:
    copy = pickle.loads(pickle.dumps(refused))
    assert (type(copy), copy.field, copy.bron) == (RefusedEventError, refused.field, refused.bron)
    assert str(copy) == str(refused)
    with use_language("nl"):
        assert str(copy) == str(refused)
        assert "is al aangewezen" in str(copy)


def test_the_register_s_other_errors_read_in_dutch(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(RegisterError) as caught:
        Register.open(str(missing), gemeente=Gemeente("Groningen"))
    assert str(caught.value).endswith(
        "no register there; create one with `sociaaldomein register init`"
    )
    with use_language("nl"):
        assert str(caught.value) == (
            f"{missing}: daar is geen register; maak er een met `sociaaldomein register init`"
        )


def test_an_unknown_jz588_code_is_named_in_dutch() -> None:
    with pytest.raises(KeyError) as caught:
        jz588.omschrijving("99")
    with use_language("nl"):
        assert str(caught.value.args[0]).startswith("'99' is geen bekende JZ588-code; bekend: 31")


def test_the_command_line_prints_its_answers_and_refusals_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "r.db")
    twice = [
        {
            "kind": "aanwijzing",
            "pilot": P,
            "actor": {"id": "projectleider-1", "rol": "PROJECTLEIDER"},
            "datum": "2010-12-15",
            "gezin": "gezin-01",
            "soort": "TOP10",
            "partners": list(PARTNERS),
        }
    ] * 2
    events = tmp_path / "events.json"
    events.write_text(json.dumps(twice), encoding="utf-8")
    assert main(["--lang", "nl", "register", "init", "--db", db]) == 0
    assert capsys.readouterr().out == f"register klaar op {db} (sqlite), 0 gebeurtenissen\n"
    code = main(["--lang", "nl", "register", "record", str(events), "--db", db])
    _out, err = capsys.readouterr()
    assert code == 2
    assert "Aanwijzing.gezin: gezin 'gezin-01' is al aangewezen [" in err
    assert "Traceback" not in err


_TEXT: Final = st.text(min_size=1, max_size=40).filter(str.strip)


@given(field=_TEXT, reason=_TEXT, section=_TEXT)
def test_a_refusal_reads_field_reason_and_rule_whatever_they_hold(
    field: str, reason: str, section: str
) -> None:
    # Values are filled in as they are: braces in a reason or a section are never placeholders.
    bron = Citation("003_720c15da674da257.txt", section)
    error = RefusedEventError(field, reason, bron)
    copy = pickle.loads(pickle.dumps(error))
    for language in ("en", "nl"):
        with use_language(language):
            expected = f"{field}: {reason} [{bron.render(language)}]"
            assert str(error) == expected
            assert str(copy) == expected
    assert (copy.field, copy.bron) == (field, bron)


def test_a_refusal_without_a_rule_reads_without_brackets() -> None:
    error = RefusedEventError("Wissing.kind", _("a tombstone is written by erase and purge only"))
    with use_language("nl"):
        assert str(error) == (
            "Wissing.kind: een grafsteen wordt alleen door wissen en opschonen geschreven"
        )
    assert str(pickle.loads(pickle.dumps(error))) == (
        "Wissing.kind: a tombstone is written by erase and purge only"
    )


def test_a_mandate_refusal_cites_its_rule_once_and_reads_in_dutch(tmp_path: Path) -> None:
    gemeente = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    advice = MandaatAdvies(
        pilot=P,
        actor=Actor("coach-1", Rol.GEZINSCOACH),
        datum=pendulum.date(2011, 2, 1),
        ref="a-1",
        gezin="gezin-99",
        instelling=str(SAMENWERKINGSPARTNERS[0]),
        besluit="Toekenning bijzondere bijstand",
    )
    with (
        Register.open(str(tmp_path / "r.db"), gemeente=gemeente, create=True) as register,
        pytest.raises(RefusedEventError) as caught,
    ):
        register.record(advice)
    refused = caught.value
    assert refused.bron is not None
    for language in ("en", "nl"):
        with use_language(language):
            text = str(refused)
        assert text.count(refused.bron.render(language)) == 1, text
        assert text.startswith("MandaatAdvies.instelling: ")
    with use_language("nl"):
        dutch = str(refused)
    assert dutch != str(refused), "the mandate's reason is translated, not frozen in English"
