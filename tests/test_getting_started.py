"""The getting-started page works after only the install lines it gives.

Its examples run in a fresh interpreter in which nothing the page does not
install can be imported: not pytest or hypothesis (test tools), and not a
plugin or example distribution of this repository that its ``pip install``
lines leave out.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "getting-started.md"
INSTALL = re.compile(r"^\$ python -m pip install (\./\S+|\.)(?:\s|$)", re.M)
TEST_TOOLS = {"pytest", "_pytest", "hypothesis"}


def _packages(distribution: Path) -> set[str]:
    """The top-level import packages of a src-layout distribution."""
    return {p.parent.name for p in (distribution / "src").glob("*/__init__.py")}


def _left_out() -> set[str]:
    installed = {(ROOT / path).resolve() for path in INSTALL.findall(PAGE.read_text("utf-8"))}
    local = [p.parent for p in ROOT.glob("*/*/pyproject.toml")]
    return {name for d in local if d.resolve() not in installed for name in _packages(d)}


def _global_setup() -> str:
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    found = re.search(r'doctest_global_setup = """(.*?)"""', conf, re.DOTALL)
    assert found is not None
    return found.group(1)


def _examples() -> str:
    blocks = re.findall(r"```\{doctest\}\n(.*?)```", PAGE.read_text("utf-8"), re.DOTALL)
    assert blocks, "the page has no examples"
    return "\n".join(blocks)


RUNNER = """
import doctest, importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r} (not installed by the page)")
        return None

sys.meta_path.insert(0, Block())
namespace = {}
exec(SETUP, namespace)
test = doctest.DocTestParser().get_doctest(EXAMPLES, namespace, "getting-started", None, 0)
runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
runner.run(test)
sys.exit(min(runner.failures, 1))
"""


def test_the_install_lines_name_the_distributions_the_examples_import() -> None:
    left_out = _left_out()
    assert "sociaaldomein_vroegsignalering" not in left_out
    assert {"sociaaldomein_samen", "sociaaldomein_hoogkerk"} <= left_out


def test_the_examples_run_after_only_the_install_lines_of_the_page() -> None:
    blocked = sorted(TEST_TOOLS | _left_out())
    code = (
        f"BLOCKED = {set(blocked)!r}\nSETUP = {_global_setup()!r}\nEXAMPLES = {_examples()!r}\n"
        + textwrap.dedent(RUNNER)
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_distributions_the_page_installs_exist() -> None:
    for path in INSTALL.findall(PAGE.read_text("utf-8")):
        assert tomllib.loads((ROOT / path / "pyproject.toml").read_text("utf-8"))["project"]
