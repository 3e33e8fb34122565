"""``sociaaldomein register``: every action, its --json, and bad input as one line with exit 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from sociaaldomein.cli.main import main
from sociaaldomein.register.store import engine_url

from .scenario import PARTNERS

ACTOR = {"id": "projectleider-1", "rol": "PROJECTLEIDER"}


def _event(kind: str, datum: str, **fields: object) -> dict[str, object]:
    return {"kind": kind, "pilot": "multiprobleem", "actor": ACTOR, "datum": datum, **fields}


def _top10() -> list[dict[str, object]]:
    return [
        _event("aanwijzing", "2010-12-15", gezin=f"gezin-{i:02}", soort="TOP10", partners=PARTNERS)
        for i in range(1, 11)
    ]


def _run(capsys: pytest.CaptureFixture[str], *argv: str, db: str) -> tuple[int, str, str]:
    code = main(["register", *argv, "--db", db])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    """An initialised register on both engines."""
    code, out, _ = _run(capsys, "init", db=url)
    assert code == 0
    assert "register ready" in out
    return url


def _file(tmp_path: Path, data: object, name: str = "events.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_record_and_ask(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = [
        *_top10(),
        _event("plaatsing", "2011-01-03", gezin="gezin-01"),
        _event("wachtlijst", "2011-01-04", gezin="gezin-11"),
        _event("escalatie_gestart", "2011-05-02", ref="e-1", gezin="gezin-01", partner="Elker"),
        _event("escalatie_opgeschaald", "2011-05-02", ref="e-1"),
    ]
    code, out, _ = _run(capsys, "record", _file(tmp_path, events), "--json", db=db)
    assert code == 0
    assert [r["seq"] for r in json.loads(out)] == list(range(1, 15))
    code, out, _ = _run(capsys, "waitlist", "multiprobleem", "--on", "2011-02-01", "--json", db=db)
    assert json.loads(out) == ["gezin-11"]
    code, out, _ = _run(
        capsys, "escalations", "multiprobleem", "--overdue", "--on", "2011-05-20", "--json", db=db
    )
    assert [(o["ref"], o["level"], o["deadline"]) for o in json.loads(out)] == [
        ("e-1", 4, "2011-05-09")
    ]
    code, out, _ = _run(capsys, "state", "multiprobleem", "--on", "2011-02-01", "--json", db=db)
    assert json.loads(out)["in_pilot"] == ["gezin-01"]
    code, out, _ = _run(capsys, "budget", "multiprobleem", "--json", db=db)
    assert [line["remaining"] for line in json.loads(out)] == ["600000.00", "150000.00"]
    code, out, _ = _run(capsys, "history", "gezin-01", db=db)
    assert out.split("\n")[0] == "1 2010-12-15 aanwijzing"
    assert "escalatie_opgeschaald" in out  # the case's events, though they name no family
    code, out, _ = _run(capsys, "vote", "multiprobleem", "--on", "2011-06-01", db=db)
    assert out.startswith("0 of 7 partners asked in writing; at least 4 are needed")


def test_a_refused_event_is_one_line_with_exit_2_and_nothing_is_written(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    advice = _event(
        "mandaat_advies",
        "2011-02-01",
        ref="a-1",
        gezin="gezin-99",
        instelling="politie",
        besluit="actie tijdelijk huisverbod",
    )
    code, out, err = _run(capsys, "record", _file(tmp_path, [*_top10(), advice]), db=db)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("sociaaldomein: error: MandaatAdvies.instelling: ")
    assert "Traceback" not in err
    code, out, _ = _run(capsys, "verify", "--json", db=db)
    assert json.loads(out)["events"] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON"),
        ('{"kind": "plaatsen"}', "kind: 'plaatsen' is not a kind; kinds: "),
        (
            json.dumps(_event("wachtlijst", "2011-02-30", gezin="g")),
            "datum: '2011-02-30' is not a date",
        ),
        (
            json.dumps([_event("wachtlijst", "2011-02-01", gezin="bsn 123456782")]),
            "[0].gezin: looks like a BSN",
        ),
    ],
)
def test_a_bad_event_file_names_the_file_and_the_field(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "events.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = _run(capsys, "record", str(path), db=db)
    assert code == 2
    assert err.startswith(f"sociaaldomein: error: {path}")
    assert message in err
    assert "123456782" not in err


def test_a_missing_register_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "verify", db=str(tmp_path / "none.db"))
    assert code == 2
    assert "no register there; create one with `sociaaldomein register init`" in err


def test_verify_fails_where_the_chain_breaks(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "record", _file(tmp_path, _top10()), db=db)
    engine = sa.create_engine(engine_url(db))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("DROP TRIGGER events_append_only ON events")
        else:
            conn.exec_driver_sql("DROP TRIGGER events_no_update")
        conn.exec_driver_sql("UPDATE events SET recorded_at = '2000-01-01' WHERE seq = 4")
    engine.dispose()
    code, out, _ = _run(capsys, "verify", db=db)
    assert code == 1
    assert out.strip() == "event 4: changed (its hash does not match what is stored)"


def test_erase_export_and_report(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    placements = [
        _event("plaatsing", f"2011-01-{3 + i:02}", gezin=f"gezin-{i:02}") for i in range(1, 11)
    ]
    _run(capsys, "record", _file(tmp_path, [*_top10(), *placements]), db=db)
    code, out, _ = _run(
        capsys, "erase", "gezin-01", "--actor", "fg-1", "--on", "2012-01-01", "--json", db=db
    )
    assert (code, json.loads(out)["erased_events"]) == (0, 2)
    key = tmp_path / "key"
    key.write_bytes(b"a key of at least sixteen bytes")
    code, out, _ = _run(
        capsys, "export", "--key-file", str(key), "--out", str(tmp_path / "export"), db=db
    )
    assert code == 0
    with (tmp_path / "export" / "counts.csv").open(encoding="utf-8") as f:
        counts = {(r["kind"], r["month"]): r["count"] for r in csv.DictReader(f)}
    assert counts == {("aanwijzing", "2010-12"): "10", ("plaatsing", "2011-01"): "10"}
    with (tmp_path / "export" / "events.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert "gezin-02" not in (tmp_path / "export" / "events.csv").read_text(encoding="utf-8")
    assert sum(1 for r in rows if r["family"] == "") == 2  # the erased family has no key left
    code, out, _ = _run(capsys, "report", "multiprobleem", "--moment", "evaluatie Intraval", db=db)
    assert code == 0
    assert "| placed since the start | 10 |" in out
    html = tmp_path / "report.html"
    code, out, _ = _run(
        capsys, "report", "multiprobleem", "--format", "html", "--out", str(html), db=db
    )
    assert code == 0
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    code, _, err = _run(capsys, "report", "multiprobleem", "--moment", "halverwege", db=db)
    assert code == 2
    assert "'halverwege' is not a moment of the plan of 'multiprobleem'; moments: " in err
