"""``sociaaldomein new-plugin``: a distribution that passes its own checks out of the box."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from collections.abc import Callable
from pathlib import Path

import pytest

from sociaaldomein.cli.main import main

Run = Callable[..., tuple[int, str, str]]

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return call


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: it is in the lint and typecheck groups")
    return found


def test_it_writes_a_distribution_with_its_entry_point(run: Run, tmp_path: Path) -> None:
    code, out, _ = run("new-plugin", "buurtgezinnen", "--dir", str(tmp_path))
    assert code == 0
    folder = tmp_path / "sociaaldomein-buurtgezinnen"
    assert f"wrote {folder}/" in out
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "pyproject.toml",
        "src/sociaaldomein_buurtgezinnen/__init__.py",
        "src/sociaaldomein_buurtgezinnen/letter.py",
        "src/sociaaldomein_buurtgezinnen/letters/buurtgezinnen-letter.txt",
        "src/sociaaldomein_buurtgezinnen/plugin.py",
        "src/sociaaldomein_buurtgezinnen/py.typed",
        "tests/test_buurtgezinnen_conformance.py",
        "tests/test_buurtgezinnen_rules.py",
    ]
    project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    entry = project["project"]["entry-points"]["sociaaldomein"]
    assert entry == {"buurtgezinnen": "sociaaldomein_buurtgezinnen:BuurtgezinnenPilot"}
    assert project["tool"]["mypy"]["strict"] is True
    assert "ruff" in project["tool"]
    letter = (
        folder / "src/sociaaldomein_buurtgezinnen/letters/buurtgezinnen-letter.txt"
    ).read_text()
    for section in ("1. Doelgroep", "2. Capaciteit", "3. Looptijd", "4. Kosten"):
        assert f"\n{section}\n" in letter


@pytest.mark.parametrize("name", ["Buurt", "1buurt", "buurt_gezinnen", "", "a" * 64, "../x"])
def test_a_name_that_is_no_pilot_name_is_bad_input(run: Run, tmp_path: Path, name: str) -> None:
    code, _, err = run("new-plugin", name, "--dir", str(tmp_path))
    assert code == 2
    assert "is not a pilot name" in err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_never_written_into(run: Run, tmp_path: Path) -> None:
    mine = tmp_path / "sociaaldomein-buurt"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    code, _, err = run("new-plugin", "buurt", "--dir", str(tmp_path))
    assert code == 2
    assert "exists already" in err
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sociaaldomein-buurt"]  # no leftovers


def test_a_gemeente_that_would_break_the_code_is_refused(run: Run, tmp_path: Path) -> None:
    code, _, err = run("new-plugin", "buurt", "--dir", str(tmp_path), "--gemeente", 'x"; import os')
    assert code == 2
    assert "--gemeente" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["buurt", "buurt-gezinnen-in-de-wijk-noordoost"])
def test_the_code_passes_ruff_and_mypy_strict(run: Run, tmp_path: Path, name: str) -> None:
    assert run("new-plugin", name, "--dir", str(tmp_path), "--gemeente", "Groningen")[0] == 0
    folder = tmp_path / f"sociaaldomein-{name}"
    for argv in ([_tool("ruff"), "check", "."], [_tool("ruff"), "format", "--check", "."]):
        done = subprocess.run(argv, cwd=folder, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run(
        [_tool("mypy"), "--no-incremental"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


FRESH = "SOCIAALDOMEIN_FRESH_VENV"
# CI (.ci/run sets SOCIAALDOMEIN_REQUIRE_SERVERS) always runs it; locally it is asked for.
WANTED = any(os.environ.get(v) for v in (FRESH, "CI", "SOCIAALDOMEIN_REQUIRE_SERVERS"))


@pytest.mark.timeout(600)
@pytest.mark.skipif(
    not WANTED,
    reason=f"installs into a fresh virtual environment (a minute or more): set {FRESH}=1",
)
def test_in_a_fresh_environment_it_installs_and_passes_its_own_checks(
    run: Run, tmp_path: Path
) -> None:
    """pip install of this checkout and of the plugin (with its test extra) into a new venv
    without the system's packages; then the plugin's own ruff, mypy and pytest."""
    assert run("new-plugin", "buurtgezinnen", "--dir", str(tmp_path))[0] == 0
    folder = tmp_path / "sociaaldomein-buurtgezinnen"
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    python = env_dir / "bin" / "python"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}

    def step(*argv: str | Path) -> None:
        done = subprocess.run(
            [str(a) for a in argv], cwd=folder, env=clean, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{argv}:\n{done.stdout}\n{done.stderr}"

    step(python, "-m", "pip", "install", "--quiet", ROOT, f"{folder}[test]")
    step(env_dir / "bin" / "ruff", "check", ".")
    step(env_dir / "bin" / "ruff", "format", "--check", ".")
    step(env_dir / "bin" / "mypy")
    step(python, "-m", "pytest", "-q", "-p", "no:cacheprovider")
    step(env_dir / "bin" / "sociaaldomein", "plugins", "--plugin", "buurtgezinnen")
    # the templates are package data: the installed command writes a plugin too
    step(env_dir / "bin" / "sociaaldomein", "new-plugin", "tweede", "--dir", tmp_path)
    assert (tmp_path / "sociaaldomein-tweede" / "pyproject.toml").is_file()
