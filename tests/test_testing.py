"""The helpers plugin authors get from sociaaldomein.testing, and its conformance suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sociaaldomein import (
    FEITEN,
    Citation,
    Cohort,
    Gemeente,
    Gezin,
    InvalidValueError,
    Kostenmodel,
    Money,
    Pilot,
    Predicate,
    Probleem,
    Rule,
    hookimpl,
)
from sociaaldomein.testing import (
    LETTERS_ENV,
    PluginConformance,
    Registered,
    ToyPilot,
    assert_citations_in_letter,
    assert_monthly_outcomes_agree,
    assert_outcomes_agree,
    assert_silent_on_other_pilots,
    find_letter,
    make_gezin,
)
from sociaaldomein.testing.strategies import gezinnen

ON = pendulum.date(2024, 6, 1)
SOURCE = Citation("test", "inconsistent on purpose")


BLOCK_PYTEST = """
import importlib.abc, sys

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {"pytest", "_pytest", "hypothesis"}:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)")
        return None

sys.meta_path.insert(0, Block())
"""


def _run(code: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` run by Python in a process where pytest and hypothesis cannot be imported."""
    return subprocess.run(
        [sys.executable, "-c", BLOCK_PYTEST + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=120,
    )


# no pytest needed --------------------------------------------------------------


def test_sociaaldomein_testing_imports_and_runs_without_pytest() -> None:
    done = _run(
        """
        import pendulum
        import sociaaldomein.testing as testing
        from sociaaldomein import Gemeente
        gemeente = Gemeente(plugins=[testing.ToyPilot()])
        verdict = gemeente.assess(testing.make_gezin(problems=2), pendulum.date(2024, 6, 1))
        testing.assert_silent_on_other_pilots(testing.ToyPilot("other"))
        on = pendulum.date(2024, 6, 1)
        testing.assert_outcomes_agree(gemeente, "toy", [testing.make_gezin()], on)
        assert not {"pytest", "_pytest", "hypothesis"} & set(sys.modules)
        print(verdict["toy"].summary())
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "toy: eligible"


def test_toy_pilot_is_a_scenario_plugin_target_without_pytest(tmp_path: Path) -> None:
    scenario = {
        "gemeente": "Toystad",
        "allow_import": True,
        "pilots": [
            {"plugin": "sociaaldomein.testing:ToyPilot", "params": {"per_year": "25000.00"}}
        ],
        "cohort": {"size": 10, "seed": 1},
        "simulation": {"start": "2024-01-01", "months": 2},
    }
    (tmp_path / "toy.json").write_text(json.dumps(scenario), encoding="utf-8")
    done = _run(
        """
        from sociaaldomein.cli import main
        sys.exit(main(["simulate", "toy.json", "--no-progress", "--lang", "en"]))
        """,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    # Two months of EUR 25.000 a year, unspent: the toy was built with the scenario's params.
    remaining = [line for line in done.stdout.splitlines() if "money left" in line]
    assert remaining[0].split()[0] == "toy"
    assert "€4,167" in remaining[0]


# the fixtures ------------------------------------------------------------------


def test_the_fixtures_come_through_the_pytest11_entry_point(
    gemeente: Gemeente, registered: Registered
) -> None:
    with registered(gemeente, ToyPilot()) as name:
        assert name == "toy"
        assert list(gemeente.pilots) == ["toy"]
    assert list(gemeente.pilots) == []


def _pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_uses_fixtures.py").write_text(
        "def test_it(gemeente, registered):\n    assert not gemeente.pilots\n", encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:sociaaldomein", *args],
        capture_output=True,
        text=True,
        cwd=folder,
        check=False,
        timeout=120,
    )


def test_the_0_1_conftest_line_still_gives_the_fixtures_with_a_warning(tmp_path: Path) -> None:
    # With the entry point switched off, the fixtures are missing ...
    assert "fixture 'gemeente' not found" in _pytest_in(tmp_path).stdout
    # ... and the 0.1 line brings them back, saying it is no longer needed.
    (tmp_path / "conftest.py").write_text(
        'pytest_plugins = ["sociaaldomein.testing"]\n', encoding="utf-8"
    )
    done = _pytest_in(tmp_path)
    assert "1 passed" in done.stdout, done.stdout
    assert "is no longer needed" in done.stdout


# assert_outcomes_agree and assert_monthly_outcomes_agree -----------------------


@settings(max_examples=50, deadline=None)
@given(st.lists(gezinnen(), max_size=10))
def test_a_consistent_pilot_passes(families: list[Gezin]) -> None:
    assert_outcomes_agree(Gemeente(plugins=[ToyPilot()]), "toy", families, ON)


def _three(cohort: Cohort, on: pendulum.Date) -> np.ndarray:
    return np.asarray(np.bitwise_count(cohort.column("problemen")) >= 3)


class Inconsistent(ToyPilot):
    """Its vector form says 'three problems', its scalar form 'two'."""

    def eligibility(self) -> Rule:
        return Predicate(
            "two or more problems",
            lambda g, on: len(g.problemen) >= 2,
            _three,
            source=SOURCE,
            facts=[FEITEN.aantal_problemen],
        )


def test_a_disagreement_names_the_family_and_both_outcomes() -> None:
    families = [
        make_gezin("agrees", problemen=["SCHULDEN", "VERSLAVING", "GEEN_WERK"]),
        make_gezin("disagrees", problemen=["SCHULDEN", "VERSLAVING"]),
    ]
    with pytest.raises(AssertionError, match="'disagrees' is ELIGIBLE one by one but NOT_ELIGIBLE"):
        assert_outcomes_agree(Gemeente(plugins=[Inconsistent()]), "toy", families, ON)


def test_make_gezin_takes_a_number_of_problems() -> None:
    assert len(make_gezin(problems=3).problemen) == 3
    assert (
        make_gezin(problems=["SCHULDEN"]).problemen == make_gezin(problemen=["SCHULDEN"]).problemen
    )


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(gezinnen(), st.frozensets(st.sampled_from(Probleem))), max_size=8))
def test_month_by_month_agrees_for_a_pilot_whose_rules_say_what_they_read(
    month: list[tuple[Gezin, frozenset[Probleem]]],
) -> None:
    families, now = [g for g, _ in month], [p for _, p in month]
    assert_monthly_outcomes_agree(Gemeente(plugins=[ToyPilot()]), "toy", families, ON, now)


class WrongFacts(ToyPilot):
    """Reads the problems but says it reads the wijk: month by month it keeps the old answer."""

    def eligibility(self) -> Rule:
        return Predicate(
            "two or more problems",
            lambda g, on: len(g.problemen) >= 2,
            lambda c, on: np.asarray(np.bitwise_count(c.column("problemen")) >= 2),
            source=SOURCE,
            facts=[FEITEN.wijk],
        )


def test_month_by_month_catches_a_rule_that_hides_what_it_reads() -> None:
    before = make_gezin("g", problemen=["SCHULDEN"])
    now = [frozenset(make_gezin(problems=2).problemen)]
    with pytest.raises(AssertionError, match="'g' is ELIGIBLE one by one but NOT_ELIGIBLE"):
        assert_monthly_outcomes_agree(Gemeente(plugins=[WrongFacts()]), "toy", [before], ON, now)


class Undeclared(ToyPilot):
    def eligibility(self) -> Rule:
        return Predicate(
            "two or more problems", lambda g, on: len(g.problemen) >= 2, _three, source=SOURCE
        )


def test_month_by_month_refuses_a_predicate_that_declares_no_facts() -> None:
    with pytest.raises(
        InvalidValueError, match=r"'two or more problems'.*does not say which facts"
    ):
        assert_monthly_outcomes_agree(
            Gemeente(plugins=[Undeclared()]), "toy", [make_gezin()], ON, [frozenset()]
        )


# assert_silent_on_other_pilots -------------------------------------------------


def test_a_pilot_plugin_is_silent_on_other_pilots() -> None:
    assert_silent_on_other_pilots(ToyPilot())


def test_a_plain_answer_hook_is_caught() -> None:
    class Leaky(ToyPilot):
        @hookimpl
        def sociaaldomein_cost_model(self, pilot: Pilot) -> Kostenmodel | None:
            return Kostenmodel(per_gezin_per_maand=Money(1))  # for every pilot: a bug

    with pytest.raises(AssertionError, match="implements sociaaldomein_cost_model as plain hooks"):
        assert_silent_on_other_pilots(Leaky())


def test_a_plugin_that_changes_another_pilots_answer_is_caught() -> None:
    class Meddling(ToyPilot):
        @hookimpl(wrapper=True)
        def sociaaldomein_funding(self, pilot: Pilot):  # type: ignore[no-untyped-def]
            lines = yield
            return () if pilot.naam != self.pilot.naam else lines

    with pytest.raises(AssertionError, match="changes the funding, provenance of another"):
        assert_silent_on_other_pilots(Meddling("meddling"))


# citations ---------------------------------------------------------------------

LETTER_TEXT = "Brief aan de raad\n\n1. Doelgroep\nGezinnen met twee   problemen.\n2. Kosten\n"


def test_citations_that_name_sections_of_the_letter_pass(tmp_path: Path) -> None:
    letter = tmp_path / "toy-letter.txt"
    letter.write_text(LETTER_TEXT, encoding="utf-8")
    assert_citations_in_letter(Gemeente(plugins=[ToyPilot()]).compiled("toy"), letter)


def test_a_citation_of_a_missing_section_or_another_file_is_named(tmp_path: Path) -> None:
    letter = tmp_path / "toy-letter.txt"
    letter.write_text("1. Inleiding\n", encoding="utf-8")
    compiled = Gemeente(plugins=[Inconsistent()]).compiled("toy")
    with pytest.raises(AssertionError) as raised:
        assert_citations_in_letter(compiled, letter)
    message = str(raised.value)
    assert "toy-letter.txt has no section '1. Doelgroep'" in message
    assert "cites 'test', not 'toy-letter.txt'" in message
    letter.write_text(LETTER_TEXT, encoding="utf-8")
    assert_citations_in_letter(compiled, letter, other_sources={"test"})


def test_find_letter_looks_in_the_folders_of_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "brief.txt").write_text("x", encoding="utf-8")
    monkeypatch.delenv(LETTERS_ENV, raising=False)
    assert find_letter("brief.txt") is None
    assert find_letter(tmp_path / "brief.txt") == tmp_path / "brief.txt"
    monkeypatch.setenv(LETTERS_ENV, os.pathsep.join(["/nonexistent", str(tmp_path)]))
    assert find_letter("brief.txt") == tmp_path / "brief.txt"


# the conformance suite ---------------------------------------------------------

TOY_LETTER = Path(__file__).parent / "toy-letter.txt"


def toy_examples() -> list[tuple[str, Gezin]]:
    return [("two problems", make_gezin("a", problems=2)), ("one", make_gezin("b", problems=1))]


class TestToyPilotConformance(PluginConformance):
    """The suite on the library's own toy pilot: every check applies, and passes."""

    plugin = ToyPilot
    letter = TOY_LETTER
    examples = toy_examples
    random_families = 20


class InconsistentConformance(PluginConformance):
    plugin = Inconsistent
    letter = "toy-letter.txt"
    examples = toy_examples


def test_the_suite_fails_a_pilot_whose_kernels_disagree() -> None:
    with pytest.raises(AssertionError, match="ELIGIBLE one by one but NOT_ELIGIBLE"):
        InconsistentConformance().test_one_family_and_a_cohort_get_the_same_outcome()


def test_the_suite_skips_what_does_not_apply_and_says_why() -> None:
    with pytest.raises(pytest.skip.Exception, match="not in the entry-point group"):
        InconsistentConformance().test_the_entry_point_loads_the_plugin_and_its_pilots()
    with pytest.raises(
        pytest.skip.Exception, match=f"letter toy-letter.txt not found: .* set {LETTERS_ENV}"
    ):
        InconsistentConformance().test_every_citation_names_a_section_of_its_letter()
