"""Start-up: ``import sociaaldomein`` imports no submodule until a name is used."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sociaaldomein

INIT = Path(sociaaldomein.__file__)


def _type_checking_names() -> dict[str, str]:
    """The names the package's ``if TYPE_CHECKING:`` block imports, and from where."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If))
    return {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    }


def test_the_lazy_table_names_what_type_checkers_see() -> None:
    assert _type_checking_names() == sociaaldomein._PUBLIC


def test_every_public_name_resolves_to_its_module() -> None:
    for name in sociaaldomein.__all__:
        value = getattr(sociaaldomein, name)
        module = sociaaldomein._PUBLIC.get(name)
        if module is not None:
            assert value is getattr(sys.modules[module], name)
    assert set(sociaaldomein.__all__) <= set(dir(sociaaldomein))


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
