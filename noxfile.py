"""Development tasks.

``nox`` runs every check (lint, typecheck, tests, docs); ``nox -s demo`` runs the
Groningen demo; ``nox -l`` lists the sessions.  Versions and dependency groups
come from ``pyproject.toml``, never from this file.  Each session installs the
package, every plugin under ``plugins/`` and every example distribution under
``examples/`` from the working tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"  # nox.project.dependency_groups

nox.options.sessions = ["lint", "typecheck", "tests", "docs"]
nox.options.error_on_missing_interpreters = True
# Locally a session reuses its virtualenv (and reinstalls the project into it);
# in CI every virtualenv is built from scratch.
nox.options.reuse_venv = "no" if os.environ.get("CI") else "yes"

ROOT = Path(__file__).resolve().parent
PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")
PACKAGE = ROOT / "src" / "sociaaldomein"


def _groups(*names: str) -> list[str]:
    """The requirements of the dependency groups ``names``, includes expanded.

    The list is installed with plain ``pip install`` because the virtualenv's pip
    may be too old to know ``--group``.  A group missing from ``pyproject.toml``
    is skipped, so that optional groups (``demo``, ``bench``) may be added later.
    """
    present = [name for name in names if name in PYPROJECT.get("dependency-groups", {})]
    return list(nox.project.dependency_groups(PYPROJECT, *present)) if present else []


def _distributions(folder: str) -> list[Path]:
    """Every distribution directly under ``folder`` (a directory with a ``pyproject.toml``)."""
    return sorted(p.parent for p in (ROOT / folder).glob("*/pyproject.toml"))


def _has_python(path: Path) -> bool:
    """Whether ``path`` is a Python file or a directory with one somewhere below it."""
    return path.suffix == ".py" if path.is_file() else any(path.rglob("*.py"))


def _rel(path: Path) -> str:
    """``path`` relative to the project root, as pip and the tools want it (``./plugins/x``)."""
    return f"./{path.relative_to(ROOT).as_posix()}" if path != ROOT else "."


def install_project(session: nox.Session, *groups: str) -> None:
    """Install the package, its plugins, its example distributions and ``groups`` in one pip call.

    One call lets pip resolve everything together: a plugin's dependency on
    ``sociaaldomein`` is met by the working tree, not by an index.
    """
    local = [ROOT, *_distributions("plugins"), *_distributions("examples")]
    session.install(*(_rel(p) for p in local), *_groups(*groups))


def _code_roots(distribution: Path) -> list[Path]:
    """The code of one plugin or example distribution.

    ``src/`` in a src layout, otherwise every package directly in the distribution.
    """
    src = distribution / "src"
    if src.is_dir():
        return [src]
    packages = (p.parent for p in distribution.glob("*/__init__.py"))
    return sorted(p for p in packages if p.name not in {"tests", "typing_tests"})


def _distribution_runs(kind: str) -> list[tuple[str, list[Path]]]:
    """The mypy runs of every distribution in ``kind`` (``plugins`` or ``examples``).

    One run for its code and its tests together, one for its ``typing_tests/``.
    """
    runs: list[tuple[str, list[Path]]] = []
    for d in _distributions(kind):
        runs.append((f"{kind}-{d.name}", [*_code_roots(d), d / "tests"]))
        runs.append((f"{kind}-{d.name}-typing_tests", [d / "typing_tests"]))
    return runs


def _mypy_runs() -> list[tuple[str, list[Path]]]:
    """The separate mypy invocations, each a label and its paths.

    mypy must never see two modules of the same name in one run (every
    ``tests/conftest.py`` is module ``conftest``), so each root gets its own run.
    Roots that do not exist or hold no Python file are left out.
    """
    runs: list[tuple[str, list[Path]]] = [
        ("sociaaldomein", [PACKAGE]),
        ("tests", [ROOT / "tests"]),
        ("typing_tests", [ROOT / "typing_tests"]),
        *_distribution_runs("plugins"),
        ("examples", sorted((ROOT / "examples").glob("*.py"))),
        ("benchmarks", sorted((ROOT / "benchmarks").glob("*.py"))),
        *_distribution_runs("examples"),
        ("noxfile", [ROOT / "noxfile.py"]),
    ]
    return [
        (label, existing)
        for label, paths in runs
        if (existing := [p for p in paths if p.exists() and _has_python(p)])
    ]


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff (``ruff check .`` and ``ruff format --check .``)."""
    session.install(*_groups("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Run ``mypy --strict`` over src, tests, each plugin, examples, benchmarks and this file.

    One mypy run per root (see ``_mypy_runs``), each with its own cache; every
    run happens even when an earlier one fails, and the session then fails
    naming them.  nox is in the ``typecheck`` group so that this noxfile
    type-checks too.
    """
    install_project(session, "typecheck")
    failed = []
    for label, paths in _mypy_runs():
        try:
            session.run(
                "mypy",
                "--strict",
                f"--cache-dir={_rel(ROOT / '.mypy_cache' / label)}",
                *(_rel(p) for p in paths),
            )
        except nox.command.CommandFailed:
            failed.append(label)
    if failed:
        session.error(f"mypy found errors in: {', '.join(failed)}")


@nox.session
def tests(session: nox.Session) -> None:
    """Run pytest over ``tests/``, every ``plugins/*/tests/`` and ``cases/``, and the doctests.

    Then every notebook in ``examples/`` is executed with nbmake (skipped when
    arguments are given, so ``nox -s tests -- -k money`` stays quick).

    Example distributions (``examples/*/``) count like plugins: their tests run,
    and the doctests of every plugin's and example's code run with the
    package's.  Options come from ``[tool.pytest.ini_options]`` (``--doctest-modules``,
    ``--import-mode=importlib``, warnings as errors).  Extra arguments are passed
    on: ``nox -s tests -- -k money -x``.  pytest's exit code 5 (nothing
    collected) fails the session like any other failure.
    """
    ini = PYPROJECT.get("tool", {}).get("pytest", {}).get("ini_options", {})
    if "error" not in ini.get("filterwarnings", []):
        session.error(
            "warnings must be errors: add 'error' to [tool.pytest.ini_options] filterwarnings"
        )
    install_project(session, "test")
    distributions = [*_distributions("plugins"), *_distributions("examples")]
    paths = [
        ROOT / "tests",
        *(d / "tests" for d in distributions),
        *(d / "cases" for d in distributions),  # policy cases, *.cases.toml
        PACKAGE,
        *(code for d in distributions for code in _code_roots(d)),
    ]
    session.run("pytest", *(_rel(p) for p in paths if p.is_dir()), *session.posargs)
    notebooks = sorted(_rel(p) for p in (ROOT / "examples").glob("*.ipynb"))
    if notebooks and not session.posargs:
        # The analysts' notebooks run top to bottom, so they cannot rot.
        session.run("pytest", "--nbmake", *notebooks)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the docs to ``docs/_build/html`` with warnings as errors, then run their doctests."""
    install_project(session, "docs")
    common = ["-W", "--keep-going", "-E"]
    session.run("sphinx-build", *common, "-b", "html", "docs", "docs/_build/html", *session.posargs)
    session.run("sphinx-build", *common, "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session
def demo(session: nox.Session) -> None:
    """Run the Groningen demo, ``python examples/groningen.py`` (arguments are passed on).

    Then the multiprobleem doorstart through its register on a temporary SQLite
    file, ``python examples/register_walkthrough.py``, which prints the summary
    of the tussenevaluatie report.
    """
    install_project(session, "demo")
    session.run("python", "examples/groningen.py", *session.posargs)
    session.run("python", "examples/register_walkthrough.py")


@nox.session(default=False)
def translations(session: nox.Session) -> None:
    """Update the message catalogues of the package and every plugin (``--check``: only check).

    New message ids come in untranslated in Dutch (and as themselves in
    English); the tests fail until a translator fills them in.
    """
    install_project(session)
    plugins = (p.parent for d in _distributions("plugins") for p in d.glob("src/*/__init__.py"))
    packages = [PACKAGE, *plugins]
    session.run("python", "-m", "sociaaldomein.i18n.extract", *session.posargs, *map(str, packages))


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Run the benchmarks, ``python benchmarks/run.py``, when there are any."""
    if not (ROOT / "benchmarks" / "run.py").is_file():
        session.skip("no benchmarks yet")
    install_project(session, "bench")
    session.run("python", "benchmarks/run.py", *session.posargs)
