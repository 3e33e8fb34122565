"""The register is a layer of its own: ``import sociaaldomein`` does not bring it or SQLAlchemy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sociaaldomein.cli.main import main


def test_importing_the_library_imports_neither_the_register_nor_sqlalchemy() -> None:
    code = (
        "import sys, sociaaldomein, sociaaldomein.simulation; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic') "
        "or m.startswith('sociaaldomein.register')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_command_lists_every_action(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["register", "--help"]) == 0
    out = capsys.readouterr().out
    for action in (
        "init",
        "record",
        "state",
        "waitlist",
        "escalations",
        "advices",
        "budget",
        "vote",
        "history",
        "verify",
        "erase",
        "purge",
        "export",
        "report",
    ):
        assert action in out
