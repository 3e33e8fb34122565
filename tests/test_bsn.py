"""The BSN guard: every spelling of a valid BSN is refused on every path, and never repeated."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sociaaldomein import Advies, Cohort, GhpAankoop, InvalidValueError, Money
from sociaaldomein.domain.bsn import looks_like_bsn
from sociaaldomein.io import loads_advice, loads_cohort_csv, loads_gezinnen
from sociaaldomein.simulation import load_cohort
from sociaaldomein.simulation.loader import cohort_from_table
from sociaaldomein.testing import make_gezin

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _elfproef(digits: str) -> bool:
    # written out again, independently of the library: weights 9..2, and -1 for the last digit
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


@st.composite
def bsns(draw: st.DrawFn) -> str:
    """A nine-digit number that passes the elfproef (a leading zero allowed)."""
    first = draw(st.text("0123456789", min_size=8, max_size=8))
    last = [d for d in "0123456789" if _elfproef(first + d)]
    assume(last)
    return first + draw(st.sampled_from(last))


def spellings(bsn: str) -> list[str]:
    """The ways a person or a system writes a BSN."""
    a, b, c = bsn[:3], bsn[3:6], bsn[6:]
    out = [
        bsn,
        f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}",
        f"{a} {b} {c}",
        f"{a}-{bsn[3:5]}-{bsn[5:]}",
        f"{a}.{b}.{c}",
        f"bsn-{bsn}",
        f"BSN: {bsn}",
        f"BSN {a} {b} {c}",
        f"burgerservicenummer {bsn}",
        f"Burgerservicenummer: {a}.{b}.{c}",
        f"sofinummer {bsn}",
        f"  {bsn}  ",
        bsn.translate(FULL_WIDTH),
        f"BSN：{bsn.translate(FULL_WIDTH)}",
        f"gezin-{bsn}",
    ]
    if bsn.startswith("0"):
        out.append(bsn[1:])  # a spreadsheet dropped the leading zero
    return out


# every path that takes an id, as a function that must refuse it ----------------------


def _gezin(key: str) -> object:
    return make_gezin(key)


def _family_file(key: str) -> object:
    text = json.dumps(
        {"gezin": {"id": key, "leden": [{"rol": "OUDER", "geboortedatum": "1985-01-01"}]}},
        ensure_ascii=False,
    )
    return loads_gezinnen(text, source="gezin.json")


def _family_file_toml(key: str) -> object:
    members = '[[gezin.leden]]\nrol = "OUDER"\ngeboortedatum = 1985-01-01\n'
    text = f"[gezin]\nid = {json.dumps(key)}\n{members}"
    return loads_gezinnen(text, "toml", source="gezin.toml")


def _cohort_csv(key: str) -> object:
    cell = '"' + key.replace('"', '""') + '"'
    return loads_cohort_csv(f"id,aantal_kinderen\nok-1,1\n{cell},2\n", source="cohort.csv")


def _table(key: str) -> object:
    return cohort_from_table({"id": ["ok-1", key]}, source="cohort.parquet")


def _columns(key: str) -> object:
    return Cohort.from_columns(["ok-1", key], {})


def _advice(key: str) -> object:
    text = json.dumps(
        {
            "geselecteerd": True,
            "advies": {"gezin_id": key, "instelling": "i", "besluit": "b", "datum": "2011-03-01"},
        },
        ensure_ascii=False,
    )
    return loads_advice(text, source="advies.json")


PATHS: dict[str, tuple[Callable[[str], object], str]] = {
    "Gezin": (_gezin, "Gezin.id"),
    "family file (JSON)": (_family_file, "gezin.id"),
    "family file (TOML)": (_family_file_toml, "gezin.id"),
    "cohort CSV": (_cohort_csv, "id"),
    "cohort table (Parquet)": (_table, "id, row 2"),
    "Cohort.from_columns": (_columns, "Cohort.ids[1]"),
    "advice file": (_advice, "advies.gezin_id"),
}


def _refused(path: str, key: str, bsn: str) -> None:
    make, field = PATHS[path]
    with pytest.raises(InvalidValueError) as info:
        make(key)
    assert info.value.field == field, (path, key)
    assert "looks like a BSN" in info.value.problem
    shown = str(info.value)
    assert bsn not in shown, shown
    assert len(bsn.lstrip("0")) < 6 or bsn.lstrip("0") not in shown, shown
    assert bsn.translate(FULL_WIDTH) not in shown


@pytest.mark.parametrize("path", PATHS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bsn=bsns(), data=st.data())
def test_every_spelling_of_a_bsn_is_refused_on_every_path(
    path: str, bsn: str, data: st.DataObject
) -> None:
    spelling = data.draw(st.sampled_from(spellings(bsn)))
    _refused(path, spelling, bsn)


@pytest.mark.parametrize(
    "spelling", ["1234.56.782", "123 456 782", "123-45-6782", "bsn-123456782", "１２３４５６７８２"]
)
@pytest.mark.parametrize("path", PATHS)
def test_the_spellings_of_the_issue_are_refused(path: str, spelling: str) -> None:
    _refused(path, spelling, "123456782")


def test_a_bsn_written_as_a_number_is_refused_and_not_repeated() -> None:
    family = (
        '{"gezin": {"id": 123456782, "leden": [{"rol": "OUDER", "geboortedatum": "1985-01-01"}]}}'
    )
    advice = (
        '{"geselecteerd": true, "advies": {"gezin_id": 123456782, "instelling": "i",'
        ' "besluit": "b", "datum": "2011-03-01"}}'
    )
    for make, field in (
        (lambda: loads_gezinnen(family, source="g.json"), "gezin.id"),
        (lambda: loads_advice(advice, source="a.json"), "advies.gezin_id"),
        (lambda: cohort_from_table({"id": [123456782]}), "id, row 1"),
        (lambda: cohort_from_table({"id": [123456782.0]}), "id, row 1"),
    ):
        with pytest.raises(InvalidValueError) as info:
            make()
        assert info.value.field == field
        assert "123456782" not in str(info.value)


def test_a_bsn_in_a_parquet_file_is_refused(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "cohort.parquet"
    pq.write_table(pa.table({"id": ["ok", "BSN 1234.56.782"]}), path)
    with pytest.raises(InvalidValueError, match="looks like a BSN") as info:
        load_cohort(path)
    assert "123" not in info.value.problem


def test_a_bsn_in_the_wrong_column_is_not_repeated_either() -> None:
    with pytest.raises(InvalidValueError) as info:
        loads_cohort_csv("id,aantal_kinderen\ng1,123456782\n", source="c.csv")
    assert info.value.field == "aantal_kinderen"
    assert "123456782" not in str(info.value)


# ordinary ids ------------------------------------------------------------------------

ORDINARY = [
    "gezin-0042",
    "syn-0000001",
    "g1",
    "GR-2024-000123",
    "intake-20240315",
    "2023-02-15",
    "12345678901",  # eleven digits: not a BSN
    "123456789",  # nine digits that fail the elfproef
    "a" * 64,
    "g-3f123456782a",  # hexadecimal: the digits run into letters
    "g-123456782abc",
]


@pytest.mark.parametrize("key", ORDINARY)
def test_ordinary_ids_pass_on_every_path(key: str) -> None:
    for path, (make, _) in PATHS.items():
        make(key)  # no error
        assert not looks_like_bsn(key), path


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.text(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", min_size=1, max_size=20
    ),
    number=st.integers(0, 9_999_999),
    suffix=st.text("abcdefghijklmnopqrstuvwxyz", max_size=5),
)
def test_keys_with_fewer_than_eight_digits_are_never_taken_for_a_bsn(
    prefix: str, number: int, suffix: str
) -> None:
    key = f"{prefix}{number}{suffix}"
    assert not looks_like_bsn(key)
    assert make_gezin(key).id == key


@settings(max_examples=200, deadline=None)
@given(digits=st.text("0123456789", min_size=9, max_size=9))
def test_nine_digits_are_refused_exactly_when_they_pass_the_elfproef(digits: str) -> None:
    assert looks_like_bsn(digits) == _elfproef(digits)
    assert looks_like_bsn(f"ref-{digits}") == _elfproef(digits)
    assert looks_like_bsn(f"ref_{digits}.v2") == _elfproef(digits)
    assert not looks_like_bsn(f"ref{digits}x")


@settings(max_examples=300, deadline=None)
@given(key=st.uuids().map(lambda u: u.hex[:12]))
def test_hexadecimal_keys_are_not_taken_for_a_bsn(key: str) -> None:
    # as the testing strategies make them: twelve hex digits never hold nine standing apart
    assert not looks_like_bsn(f"g-{key}")


def test_an_advice_and_a_ghp_purchase_refuse_a_bsn_as_family_key() -> None:
    with pytest.raises(InvalidValueError, match=r"^Advies\.gezin_id: looks like a BSN") as caught:
        Advies("123.456.782", "Sozawe", "bijzondere bijstand", pendulum.date(2011, 5, 1))
    assert "123" not in str(caught.value).split(":", 1)[1].split("(")[0]
    with pytest.raises(InvalidValueError, match=r"^GhpAankoop\.gezin_id: looks like a BSN"):
        GhpAankoop("bsn-123456782", "huishoudhulp", Money(100), pendulum.date(2011, 5, 1))
