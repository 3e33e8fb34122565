"""``python -m sociaaldomein`` in a separate process: exit codes and output as a shell sees them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A directory with a fake distribution that registers the toy pilot as an entry point."""
    info = tmp_path / "site" / "sd_cli_subprocess-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sd-cli-subprocess\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[sociaaldomein]\ntoy = sociaaldomein.testing:ToyPilot\n"
    )
    return info.parent


def sociaaldomein(site: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "sociaaldomein", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_plugins_as_json(site: Path) -> None:
    done = sociaaldomein(site, "plugins", "--plugin", "toy", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["name"] == "toy"


def test_assess_in_a_shell(site: Path, tmp_path: Path) -> None:
    path = tmp_path / "gezin.json"
    path.write_text(
        '{"gezin": {"id": "g", "problemen": ["SCHULDEN", "GEEN_WERK"],'
        ' "leden": [{"rol": "OUDER", "geboortedatum": "1980-01-01"}]}}'
    )
    done = sociaaldomein(site, "assess", str(path), "--on", "2024-05-01", "--plugin", "toy")
    assert done.returncode == 0, done.stderr
    assert "toy: eligible" in done.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b'{"gezin": {"id": "g"', "line 1, column 21: invalid JSON"),
        ('{"gezin": {"id": "é"}}'.encode("utf-16"), "is UTF-16 text, not UTF-8"),
        (b'{"gezin": {"id": "g", "leden": [], "bedrag": 1.5}}', "gezin.bedrag: unknown field"),
    ],
)
def test_bad_input_is_one_line_and_exit_code_2(
    site: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "gezin.json"
    path.write_bytes(content)
    done = sociaaldomein(site, "assess", str(path), "--plugin", "toy")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(f"sociaaldomein: error: {path}")
    assert message in done.stderr


def test_an_unknown_pilot_lists_the_known_ones(site: Path, tmp_path: Path) -> None:
    path = tmp_path / "gezin.json"
    path.write_text(
        '{"gezin": {"id": "g", "leden": [{"rol": "KIND", "geboortedatum": "2015-01-01"}]}}'
    )
    done = sociaaldomein(site, "assess", str(path), "--plugin", "toy", "--pilot", "speelgoed")
    assert done.returncode == 2
    assert done.stderr == "sociaaldomein: error: unknown pilot 'speelgoed'; known pilots: toy\n"
