"""Start-up: ``import sociaaldomein`` imports no submodule until a name is used."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import sociaaldomein
import sociaaldomein.simulation

LAZY_PACKAGES = [sociaaldomein, sociaaldomein.simulation]
"""Packages that import a name's module when the name is first used."""


def _type_checking_names(package: ModuleType) -> dict[str, str]:
    """The names the package's ``if TYPE_CHECKING:`` block imports, and from where."""
    tree = ast.parse(Path(str(package.__file__)).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    return {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


@pytest.mark.parametrize("package", LAZY_PACKAGES, ids=lambda p: p.__name__)
def test_the_lazy_table_names_what_type_checkers_see(package: ModuleType) -> None:
    assert _type_checking_names(package) == package._PUBLIC


@pytest.mark.parametrize("package", LAZY_PACKAGES, ids=lambda p: p.__name__)
def test_every_public_name_resolves_to_its_module(package: ModuleType) -> None:
    for name in package.__all__:
        value = getattr(package, name)
        module = package._PUBLIC.get(name)
        if module is not None:
            assert value is getattr(sys.modules[module], name)
    assert set(package.__all__) <= set(dir(package))


def _fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_import_loads_no_submodule_until_a_name_is_used() -> None:
    code = (
        "import sys, sociaaldomein\n"
        "print(sorted(m for m in sys.modules if m.startswith('sociaaldomein.')))\n"
    )
    assert _fresh(code) == "[]"


def test_a_name_used_loads_its_module() -> None:
    code = (
        "import sys\nfrom sociaaldomein import Money\n"
        "print('sociaaldomein.domain.money' in sys.modules)"
    )
    assert _fresh(code) == "True"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchName"):
        sociaaldomein.NoSuchName  # noqa: B018


def test_help_imports_no_subcommand() -> None:
    code = (
        "import sys\nfrom sociaaldomein.cli.main import SUBCOMMANDS, main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in SUBCOMMANDS.values() if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stderr.strip() == "[]"
    assert "commands:" in done.stdout


def test_help_lists_each_command_with_its_docstring_summary() -> None:
    from sociaaldomein.cli.main import SUBCOMMANDS, summary

    for name, module_name in SUBCOMMANDS.items():
        doc = (importlib.import_module(module_name).__doc__ or "").strip()
        assert summary(module_name) == doc.splitlines()[0], name


def test_a_chosen_subcommand_gets_its_arguments() -> None:
    from sociaaldomein.cli.main import build_parser

    args = build_parser().parse_args(["simulate", "scenario.toml", "--runs", "3"])
    assert (args.scenario, args.runs) == ("scenario.toml", 3)
    assert callable(args.run)
    loaded = build_parser(load=True)
    assert loaded.parse_args(["plugins"]).command == "plugins"


def test_the_exit_codes_are_those_of_the_commands() -> None:
    from sociaaldomein.cli import common

    main_module = importlib.import_module("sociaaldomein.cli.main")

    assert (main_module.OK, main_module.FAILURE, main_module.BAD_INPUT) == (
        common.OK,
        common.FAILURE,
        common.BAD_INPUT,
    )
