"""``sociaaldomein serve``: its options, its tokens file, and what it never does by default."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sociaaldomein.cli.main import build_parser, main
from sociaaldomein.io import FileFormatError
from sociaaldomein.service import Access, Grant, Role, hash_token, read_tokens

GOOD = """
[[token]]
name = "wij-selwerd"
role = "wij-medewerker"
sha256 = "{digest}"
pilots = ["gezinsverzorger"]
"""


def test_it_listens_on_loopback_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"
    assert args.cors is None  # no cross-origin calls unless an origin is given


def test_new_token_prints_an_entry_the_tokens_file_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["serve", "--new-token", "pl-1", "--role", "projectleider", "--grant", "samen"])
    out, err = capsys.readouterr()
    assert code == 0
    token = err.strip().splitlines()[-1].lstrip("# ").strip()
    assert token not in out  # the file gets the hash, never the token
    path = tmp_path / "tokens.toml"
    path.write_text(out, encoding="utf-8")
    grant = read_tokens(path).grant_for(token)
    assert grant == Grant("pl-1", Role.PROJECTLEIDER, frozenset({"samen"}))


def test_new_token_needs_a_role(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--new-token", "x"]) == 2
    assert "--role" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (
            '[[token]]\nname = "a"\nrole = "koning"\nsha256 = "{digest}"\npilots = []',
            "token[0].role",
        ),
        (
            '[[token]]\nname = "a"\nrole = "analyst"\nsha256 = "geheim"\npilots = []',
            "token[0].sha256",
        ),
        ('[[token]]\nname = "a"\nrole = "analyst"\nsha256 = "{digest}"', "token[0].pilots"),
        (
            '[[token]]\nname = "a b"\nrole = "analyst"\nsha256 = "{digest}"\npilots = []',
            "token[0].name",
        ),
        (
            '[[token]]\nname = "a"\nrole = "analyst"\nsha256 = "{digest}"\npilots = []\n'
            'token = "x"',
            "token[0].token",
        ),
        ("[server]\nport = 1", "server"),
        ("token = 1", "token"),
        (GOOD + GOOD, "token[1].sha256"),
    ],
)
def test_a_bad_tokens_file_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, field: str
) -> None:
    path = tmp_path / "tokens.toml"
    path.write_text(text.replace("{digest}", hash_token("t")), encoding="utf-8")
    with pytest.raises(FileFormatError) as info:
        read_tokens(path)
    assert info.value.field == field
    assert main(["serve", "--tokens", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert field in err
    assert "Traceback" not in err


def test_a_missing_tokens_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--tokens", str(tmp_path / "nope.toml")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_tokens_file_stores_hashes_so_a_hash_is_no_token(tmp_path: Path) -> None:
    path = tmp_path / "tokens.toml"
    digest = hash_token("the-real-token")
    path.write_text(GOOD.format(digest=digest), encoding="utf-8")
    access = read_tokens(path)
    assert access.grant_for(digest) is None
    assert access.grant_for("the-real-token") is not None


@given(st.text(max_size=80), st.text(max_size=80))
def test_only_the_token_itself_opens_its_grant(token: str, other: str) -> None:
    grant = Grant("x", Role.ANALYST, frozenset({"*"}))
    access = Access.with_tokens({token: grant}) if token else Access()
    assert (access.grant_for(other) is grant) == (bool(token) and other == token)


def test_import_sociaaldomein_imports_no_web_framework() -> None:
    code = (
        "import sys, sociaaldomein, sociaaldomein.cli.main\n"
        "heavy = [m for m in ('fastapi', 'starlette', 'uvicorn', 'jinja2') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_register_that_is_not_there_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlalchemy", reason="the register needs sociaaldomein[register]")
    missing = tmp_path / "nope.db"
    assert main(["serve", "--register", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "--register" in err
    assert "register init" in err
    assert not missing.exists()  # nothing is created by serving
