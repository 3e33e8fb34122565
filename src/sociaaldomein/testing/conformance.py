"""The conformance suite: what every pilot plugin owes the composition, as one test class.

Subclass :class:`PluginConformance` in your plugin's tests, name the plugin and
(optionally) its letter and example families, and pytest runs every check on
it (the class itself is not collected: its name does not start with ``Test``):

.. code-block:: python

    from pathlib import Path

    from sociaaldomein.testing import PluginConformance
    from my_plugin import MyPilot, example_families

    class TestMyPilot(PluginConformance):
        plugin = MyPilot
        letter = Path(__file__).parents[1] / "my-letter.txt"
        examples = example_families

The suite needs no pytest to import; a check that does not apply is skipped
(with ``pytest.skip`` under pytest, :class:`unittest.SkipTest` otherwise) and
says why.  Random families
come from :mod:`sociaaldomein.testing.strategies` when hypothesis is
installed, and only the examples are used when it is not.
"""

from __future__ import annotations

import functools
import sys
import unittest
from collections.abc import Callable, Collection, Iterable
from importlib.metadata import entry_points
from pathlib import Path
from typing import ClassVar, NoReturn

import pendulum

from sociaaldomein.composition.gemeente import Gemeente
from sociaaldomein.domain.compiled import CompiledPilot
from sociaaldomein.domain.gezin import Gezin, Probleem
from sociaaldomein.domain.vocabulary import Term
from sociaaldomein.hookspecs import PROJECT_NAME
from sociaaldomein.testing.checks import (
    LETTERS_ENV,
    assert_citations_in_letter,
    assert_monthly_outcomes_agree,
    assert_outcomes_agree,
    assert_silent_on_other_pilots,
    find_letter,
)

__all__ = ["PluginConformance"]

Example = Gezin | tuple[str, Gezin]
"""An example family, alone or with its description (as ``example_families()`` gives them)."""


def _skip(reason: str) -> NoReturn:
    # pytest.skip makes pytest report the test, not its own unittest shim, as skipped.
    if "pytest" in sys.modules:
        import pytest

        pytest.skip(reason)
    raise unittest.SkipTest(reason)


def _midpoint(compiled: CompiledPilot) -> pendulum.Date:
    looptijd = compiled.pilot.looptijd
    return looptijd.start.add(days=(looptijd.eind - looptijd.start).in_days() // 2)


def _agree(
    gemeente: Gemeente, name: str, on: pendulum.Date, families: list[Gezin], _: object
) -> None:
    assert_outcomes_agree(gemeente, name, families, on)


def _agree_monthly(
    gemeente: Gemeente,
    name: str,
    on: pendulum.Date,
    families: list[Gezin],
    problems: list[frozenset[Probleem]],
) -> None:
    assert_monthly_outcomes_agree(gemeente, name, families, on, problems)


class PluginConformance:
    """Subclass it to run the checks every pilot plugin must pass.

    Set ``plugin``; the other attributes have defaults.  Each check is one test:

    * the entry point, when the plugin declares one, loads the plugin and it
      provides the same pilots;
    * it provides pilots that compile without any failure;
    * it answers only for its own pilots (no plain answer hooks, and a
      :class:`~sociaaldomein.testing.ToyPilot` beside it keeps every answer);
    * every pilot decides alike one family at a time and as a cohort, and
      month by month with changing problems as one by one;
    * every citation of every answer names a section of the pilot's letter;
    * every role and funding model of its own (a ``Term``) that its pilots use
      is declared in ``facts()``, so that files can name it;
    * every verdict on the example families renders, showing its sources.
    """

    plugin: ClassVar[Callable[[], object]]
    """The plugin class (built without arguments, so with the letter's reading) or a factory."""

    entry_point: ClassVar[str | None] = None
    """The plugin's name in the entry-point group ``sociaaldomein``; found when left unset."""

    letter: ClassVar[str | Path | None] = None
    """The letter file; by default the file the pilot's ``brief`` names, looked up in the
    ``letters/`` folder of the plugin's package (where a plugin ships its letter) and in the
    folders of ``SOCIAALDOMEIN_LETTERS`` (the check is skipped when it is nowhere)."""

    other_sources: ClassVar[Collection[str]] = ()
    """File names besides the letter that the plugin may cite (a policy, a law)."""

    examples: ClassVar[Callable[[], Iterable[Example]] | None] = None
    """A function giving example families (a plugin's ``example_families``)."""

    on: ClassVar[pendulum.Date | None] = None
    """The date of every decision; by default the middle of each pilot's looptijd."""

    random_families: ClassVar[int] = 50
    """How many random cohorts hypothesis tries in each agreement check (0: examples only)."""

    monthly: ClassVar[bool] = True
    """Whether the pilot's rules must work in a simulation where problems change."""

    # what the checks work on ---------------------------------------------------

    def make_plugin(self) -> object:
        """A fresh plugin object."""
        return type(self).plugin()

    def compiled_pilots(self) -> dict[str, CompiledPilot]:
        """Every pilot of the plugin, compiled on its own (``strict``: a failure raises)."""
        return dict(Gemeente("Conformance", plugins=[self.make_plugin()], strict=True).compile())

    def families(self) -> list[Gezin]:
        """The example families."""
        made = type(self).examples
        return [e[1] if isinstance(e, tuple) else e for e in (made() if made else ())]

    def date(self, compiled: CompiledPilot) -> pendulum.Date:
        """The date on which ``compiled`` decides in the checks."""
        return type(self).on or _midpoint(compiled)

    def _each_cohort(self, check: Callable[[list[Gezin], list[frozenset[Probleem]]], None]) -> None:
        """``check`` on the examples, then on random cohorts when hypothesis is installed."""
        examples = self.families()
        if examples:
            # Each family gets the next one's problems: a month in which every family changed.
            shifted = [examples[(i + 1) % len(examples)].problemen for i in range(len(examples))]
            check(examples, shifted)
        if not self.random_families:
            return
        try:
            from hypothesis import HealthCheck, given, settings
            from hypothesis import strategies as st
        except ImportError:
            if not examples:
                _skip("no example families, and hypothesis is not installed")
            return
        from sociaaldomein.testing.strategies import gezinnen

        problems = st.frozensets(st.sampled_from(Probleem), max_size=6)
        cohorts = st.lists(st.tuples(gezinnen(), problems), min_size=1, max_size=10)

        @settings(
            max_examples=self.random_families,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(cohorts)
        def random(cohort: list[tuple[Gezin, frozenset[Probleem]]]) -> None:
            check([g for g, _ in cohort], [p for _, p in cohort])

        random()

    # the checks ----------------------------------------------------------------

    def test_the_entry_point_loads_the_plugin_and_its_pilots(self) -> None:
        name = type(self).entry_point or self._find_entry_point()
        gemeente = Gemeente("Conformance", strict=True)
        loaded = gemeente.load_entry_points(allow=[name], strict=True)
        assert [p.name for p in loaded] == [name], f"entry point {name!r} did not load"
        assert sorted(gemeente.pilots) == sorted(self.compiled_pilots()), (
            f"the plugin of entry point {name!r} provides {sorted(gemeente.pilots)}, "
            f"built here it provides {sorted(self.compiled_pilots())}"
        )

    def _find_entry_point(self) -> str:
        plugin = type(self).plugin
        for ep in entry_points(group=PROJECT_NAME):
            try:
                target = ep.load()
            except Exception:  # another distribution's broken plugin is not ours to judge
                continue
            if target is plugin:
                return ep.name
        _skip(f"{plugin!r} is not in the entry-point group {PROJECT_NAME!r}")

    def test_it_provides_pilots_that_compile_without_failure(self) -> None:
        compiled = self.compiled_pilots()
        assert compiled, f"{self.make_plugin()!r} provides no pilot"
        for name, pilot in compiled.items():
            assert pilot.name == name
            assert pilot.provenance["eligibility"].given_by == pilot.provided_by

    def test_it_answers_only_for_its_own_pilots(self) -> None:
        assert_silent_on_other_pilots(self.make_plugin())

    def test_one_family_and_a_cohort_get_the_same_outcome(self) -> None:
        gemeente = Gemeente("Conformance", plugins=[self.make_plugin()], strict=True)
        for name, compiled in gemeente.compile().items():
            on = self.date(compiled)
            self._each_cohort(functools.partial(_agree, gemeente, name, on))

    def test_month_by_month_agrees_with_one_by_one_when_problems_change(self) -> None:
        if not type(self).monthly:
            _skip("the plugin's rules are not meant for problem dynamics")
        gemeente = Gemeente("Conformance", plugins=[self.make_plugin()], strict=True)
        for name, compiled in gemeente.compile().items():
            on = self.date(compiled)
            self._each_cohort(functools.partial(_agree_monthly, gemeente, name, on))

    def test_every_citation_names_a_section_of_its_letter(self) -> None:
        for name, compiled in self.compiled_pilots().items():
            wanted = type(self).letter or (compiled.pilot.brief and compiled.pilot.brief.file)
            assert wanted, f"pilot {name!r} names no letter (Pilot.brief) and no letter is set"
            package = type(self.make_plugin()).__module__
            letter = find_letter(wanted, package)
            if letter is None:
                _skip(
                    f"letter {Path(wanted).name} not found: ship it in the plugin's letters/ "
                    f"folder or set {LETTERS_ENV} to its folder"
                )
            assert_citations_in_letter(compiled, letter, other_sources=type(self).other_sources)

    def test_every_role_and_funding_model_of_its_own_is_declared(self) -> None:
        gemeente = Gemeente("Conformance", plugins=[self.make_plugin()], strict=True)
        for name, compiled in gemeente.compile().items():
            used: list[object] = [p.rol for p in compiled.pilot.bemensing]
            used += [r.model for r in compiled.funding]
            for term in (t for t in used if isinstance(t, Term)):
                assert gemeente.feiten.termen.get(term.code) == term, (
                    f"{name}: the {term.vocabulary} {term.code!r} is used but not declared: "
                    "return it from facts(), so that files can name it"
                )

    def test_every_explanation_renders_with_its_sources(self) -> None:
        examples = self.families()
        if not examples:
            _skip("no example families (set examples)")
        gemeente = Gemeente("Conformance", plugins=[self.make_plugin()], strict=True)
        for name, compiled in gemeente.compile().items():
            for gezin in examples:
                verdict = gemeente.assess(gezin, self.date(compiled))[name]
                text = verdict.render()
                shown = [verdict.eligibility, *verdict.routes_not_taken]
                shown += [verdict.route] if verdict.route is not None else []
                for node in (n for e in shown for n in e.walk()):
                    assert node.text, f"{name}: a reason without text for {gezin.id!r}\n{text}"
                    if node.source is not None:
                        assert f"[{node.source}]" in text, f"{name}: {node.source} not shown"
                assert f"from plugin {compiled.provided_by}" in text, text
