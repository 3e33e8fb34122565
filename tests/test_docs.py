"""The documentation keeps up with the code: every hook, every pilot page, every include.

Modelled on datasette's ``tests/test_docs.py``: a hook added to
``sociaaldomein.hookspecs`` must appear on the hook reference, with its exact
arguments, before the tests pass.  The pilot pages are checked through the
renderer the docs build uses (``docs/_ext/pilotrender.py``), so a plugin whose
page would not render fails here too, not only in ``nox -s docs``.

The tests that build pages with Sphinx skip where Sphinx is not installed
(``nox -s docs`` builds the whole site with warnings as errors).
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import pendulum
import pytest

from sociaaldomein import (
    Budgetregel,
    Gemeente,
    PilotToestand,
    hookspecs,
)
from sociaaldomein.composition.discovery import LoadedPlugin
from sociaaldomein.testing import ToyPilot

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOOKS_PAGE = DOCS / "hooks.md"
AUTOFUNCTION = re.compile(r"^\.\. autofunction:: sociaaldomein\.hookspecs\.(\w+)\s*$", re.M)


def _load(name: str) -> ModuleType:
    """A module of ``docs/_ext`` (not a package, so it is loaded from its file)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


render: Any = _load("pilotrender")


def _hooks() -> dict[str, inspect.Signature]:
    """Every hook specification, by name, with its signature."""
    marker = f"{hookspecs.PROJECT_NAME}_spec"
    return {
        name: inspect.signature(function)
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, marker)
    }


def _installed(name: str) -> bool:
    return any(ep.name == name for ep in entry_points(group=hookspecs.PROJECT_NAME))


# the hook reference ---------------------------------------------------------


def test_there_are_hooks_to_document() -> None:
    assert "sociaaldomein_eligibility" in _hooks()


@pytest.mark.parametrize("hook", sorted(_hooks()))
def test_every_hook_is_on_the_hook_reference(hook: str) -> None:
    assert hook in AUTOFUNCTION.findall(HOOKS_PAGE.read_text(encoding="utf-8"))


def test_the_hook_reference_documents_no_hook_that_does_not_exist() -> None:
    documented = AUTOFUNCTION.findall(HOOKS_PAGE.read_text(encoding="utf-8"))
    assert sorted(documented) == sorted(_hooks())


@pytest.fixture(scope="module")
def built_hook_reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hook reference built by Sphinx with autodoc, as plain text."""
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    from sphinx.cmd.build import build_main

    source = tmp_path_factory.mktemp("hooks-src")
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.autodoc"]\nautodoc_typehints = "description"\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(HOOKS_PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path_factory.mktemp("hooks-text")
    assert build_main(["-Q", "-b", "text", str(source), str(out)]) == 0
    return (out / "index.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("hook", "signature"), sorted(_hooks().items()))
def test_every_hook_is_built_with_its_exact_arguments(
    built_hook_reference: str, hook: str, signature: inspect.Signature
) -> None:
    arguments = ", ".join(signature.parameters)
    assert f"sociaaldomein.hookspecs.{hook}({arguments})" in built_hook_reference
    for parameter in signature.parameters:
        assert f"**{parameter}** (" in built_hook_reference


# the pilot pages ------------------------------------------------------------


def test_a_page_for_each_built_in_pilot_and_each_page_in_the_index() -> None:
    index = (DOCS / "pilots" / "index.md").read_text(encoding="utf-8")
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    for name in render.BUILT_IN_PLUGINS:
        page = (DOCS / "pilots" / f"{name}.md").read_text(encoding="utf-8")
        assert page.strip() == f"```{{pilot}} {name}\n```"
        assert f"\n{name}\n" in index
        assert f'"{name}"' in conf


@pytest.fixture(scope="module")
def example() -> Any:
    pytest.importorskip("sociaaldomein_vroegsignalering", reason="the example plugin")
    return render.compose(["vroegsignalering"])


def test_the_example_page_is_rendered_from_the_plugin_objects(example: Any) -> None:
    page = render.render_plugin(example, "vroegsignalering")
    assert page.problems == []
    gemeente: Gemeente = example.gemeente
    pilot = gemeente.pilot("vroegsignalering")
    assert f"# {render.md(pilot.titel)}" in page.text
    assert pilot.brief is not None
    assert f"`{pilot.brief.file}`" in page.text
    for line in gemeente.compiled("vroegsignalering").eligibility.describe().splitlines():
        assert render.md(line.lstrip(" ").removeprefix("- ")) in page.text
    for row in gemeente.funding_overview(pilots=["vroegsignalering"]).rows:
        assert render.md(row.bedrag.format_nl()) in page.text
    plan = gemeente.compiled("vroegsignalering").evaluation_plan
    assert plan is not None
    for day, _ in plan.schedule(pilot.looptijd.periode):
        assert day.isoformat() in page.text
    assert "at most 30 families at once" in page.text


def test_every_section_of_a_pilot_page_is_there(example: Any) -> None:
    text = render.render_plugin(example, "vroegsignalering").text
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == [
        "The letter",
        "Looptijd",
        "Capacity and staffing",
        "Who the pilot is for",
        "Facts and terms it declares",
        "Routes",
        "Funding",
        "Mandate",
        "Escalation ladder",
        "Termination",
        "Evaluation",
        "Readings",
        "Who answered",
        "Sections of the letter cited on this page",
    ]


def test_a_pilot_page_lists_the_facts_and_terms_its_plugin_declares() -> None:
    pytest.importorskip("sociaaldomein_schuldhulp", reason="the second example plugin")
    text = render.render_plugin(render.compose(["schuldhulp-jongeren"]), "schuldhulp-jongeren").text
    section = text.split("## Facts and terms it declares")[1].split("\n## ")[0]
    assert "| `schuldhulp.schuldeisers` | a whole number from 0 to 500 |" in section
    assert "| 90 days |" in section
    assert "| `schuldhulp.beslag` | a term of problemen | beslag op het inkomen" in section
    vroeg = render.render_plugin(render.compose(["vroegsignalering"]), "vroegsignalering").text
    assert "The pilot reads only the library's own facts." in vroeg


def test_a_pilot_page_shows_the_status_as_of_a_stated_date_and_the_readings() -> None:
    """Status as of a date the page names; the Readings table quotes the letter (004)."""
    composition = render.compose(["hoogkerk"])
    text = render.render_plugin(composition, "hoogkerk", on=pendulum.date(2026, 6, 1)).text
    assert "**Status on 2026-06-01 (a fixed date):** beëindigd" in text
    assert "**Status the letter records** (as of 9-11-2016): actief" in text
    built = render.render_plugin(composition, "hoogkerk").text
    assert "(the day these pages were built)" in built
    assert '| "inwoners van Hoogkerk" |' in text
    assert "jeugd\\_alleen\\_in\\_samenhang | False |" in text


def test_a_plugin_that_is_not_installed_gets_a_plain_page() -> None:
    composition = render.compose(["not-a-plugin-name"])
    page = render.render_plugin(composition, "not-a-plugin-name")
    assert "is not installed" in page.text
    assert page.problems == []


@pytest.mark.parametrize("name", render.BUILT_IN_PLUGINS)
def test_every_installed_built_in_pilot_renders_without_problems(name: str) -> None:
    if not _installed(name):
        pytest.skip(f"the plugin {name!r} is not installed")
    composition = render.compose(render.BUILT_IN_PLUGINS)
    page = render.render_plugin(composition, name)
    assert page.problems == []
    assert composition.pilots_of[name]
    for pilot in composition.pilots_of[name]:
        kosten = composition.gemeente.compiled(pilot).cost_model
        assert kosten is not None, "every built-in pilot says what it costs"
        assert render.md(kosten.vast_per_maand.format_nl()) in page.text
        assert render.md(kosten.per_instroom.format_nl()) in page.text


class _Broken(ToyPilot):
    """A pilot whose funding fails: its page must say so, and a warning follow."""

    def __init__(self) -> None:
        super().__init__("broken")

    def funding(self) -> Sequence[Budgetregel]:
        raise RuntimeError("no budget table")


@pytest.fixture
def broken() -> Any:
    """A composition of the broken plugin, as the docs build would make it."""
    gemeente = Gemeente("Testgemeente", plugins=[_Broken()])
    loaded = LoadedPlugin("broken", "broken-dist", "1.0", None)
    return render.Composition(gemeente, {"broken": loaded}, {"broken": ["broken"]})


def test_a_section_a_plugin_cannot_answer_is_shown_and_reported(broken: Any) -> None:
    page = render.render_plugin(broken, "broken")
    assert len(page.problems) == 1
    assert "failed in funding() for pilot 'broken'" in page.problems[0]
    assert "no budget table" in page.problems[0]
    assert "This pilot could not be assessed" in page.text
    assert "## Looptijd" in page.text  # what the pilot value says is there


def test_a_pilot_page_says_who_gave_each_answer() -> None:
    gemeente = Gemeente("Testgemeente", plugins=[ToyPilot()])
    loaded = LoadedPlugin("toy", "sociaaldomein", "0.1.0", None)
    page = render.render_plugin(
        render.Composition(gemeente, {"toy": loaded}, {"toy": ["toy"]}), "toy"
    )
    assert "## Who answered" in page.text
    assert "eligibility" in page.text.split("## Who answered")[1]


def test_text_from_a_plugin_cannot_become_markup() -> None:
    assert render.md("a | b *c* [d](e) <f> `g` {h}") == (r"a \| b \*c\* \[d\](e) \<f\> \`g\` \{h\}")
    assert render.md("1. not a list") == r"1\. not a list"
    assert render.md("B&W") == r"B\&W"


def test_termination_rules_come_from_the_composition() -> None:
    gemeente = Gemeente("Testgemeente", plugins=[ToyPilot()])
    rules = render.termination_rules(gemeente, "toy")
    check = gemeente.check_termination("toy", PilotToestand(pendulum.date(2026, 1, 1)))
    assert len(rules) == len(check.checks) == 1
    assert check.ended


# the tutorial ---------------------------------------------------------------

INCLUDE = re.compile(r"```\{literalinclude\} (\S+)\n((?::\S+:.*\n)*)```")


def _includes() -> list[tuple[str, str]]:
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    return INCLUDE.findall(text)


def test_the_tutorial_includes_the_example_plugin() -> None:
    files = {path for path, _ in _includes()}
    assert "../examples/vroegsignalering/pyproject.toml" in files
    assert "../examples/vroegsignalering/src/sociaaldomein_vroegsignalering/plugin.py" in files


@pytest.mark.parametrize(("path", "options"), _includes())
def test_every_include_of_the_tutorial_names_a_file_and_an_object_that_exist(
    path: str, options: str
) -> None:
    target = (DOCS / path).resolve()
    assert target.is_file()
    source = target.read_text(encoding="utf-8")
    for option, value in re.findall(r":(\S+): (.*)", options):
        if option == "pyobject":
            assert re.search(rf"^(def|class) {value}\b", source, re.M), value
        if option == "start-at":
            assert value.strip('"') in source


def _python_blocks() -> list[tuple[str, str]]:
    docs = Path(__file__).resolve().parents[1] / "docs"
    found = []
    for page in sorted(docs.rglob("*.md")):
        if "_build" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for i, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.DOTALL)):
            found.append((f"{page.relative_to(docs)}[{i}]", block))
    return found


@pytest.mark.parametrize(("where", "code"), [pytest.param(w, c, id=w) for w, c in _python_blocks()])
def test_every_python_block_in_the_docs_runs(where: str, code: str) -> None:
    """{doctest} blocks run in the docs build; plain Python blocks run here."""
    exec(compile(code, where, "exec"), {"__name__": f"docs:{where}"})
