"""The ``sociaaldomein`` command, run in-process with ``main([...])``.

Plugins come from fake entry points: a temporary ``*.dist-info`` directory on
``sys.path`` that registers ``sociaaldomein.testing:ToyPilot`` and a few small
plugins written next to it.  Every command passes ``--plugin`` so that the
real pilot plugins, when installed, stay out of the way.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import attrs
import pendulum
import pytest

from sociaaldomein import Verdict
from sociaaldomein.cli import SUBCOMMANDS, demo, main
from sociaaldomein.cli.keys import ENGLISH
from sociaaldomein.io import write_gezinnen
from sociaaldomein.testing import make_gezin

PLUGINS = textwrap.dedent(
    '''
    """Plugins for the command-line tests."""
    import pendulum
    from sociaaldomein import (
        FEITEN, Citation, Escalatieladder, Mandaat, MandaatRegel, OneOf, Samenwerkingsafspraak,
        Trede, hookimpl,
    )
    from sociaaldomein.testing import ToyPilot


    class MandatePilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("mandaat")

        def mandate(self):
            return Mandaat(
                regels=[
                    MandaatRegel("wonen", "Woningcorporaties", ["woningtoewijzing", "huurschuld"])
                ],
                samenwerkingsafspraken=[
                    Samenwerkingsafspraak("veiligheid", "Politie", "huisverbod")
                ],
            )

        def escalation(self):
            return Escalatieladder(
                [Trede(3, "projectleider", "projectleider", pendulum.duration()),
                 Trede(4, "college", "B&W", pendulum.duration(weeks=1))],
                uitzonderingen=["wettelijke verplichtingen"],
            )


    class ExitingPilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("exiting")

        def eligibility(self):
            raise SystemExit(4)


    class WrongTypePilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("wrong-type")

        def routes(self):
            return ["not a route"]


    class PrintingPilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("printing")

        def eligibility(self):
            print("debug: building the rule")
            return super().eligibility()


    class OnlyTuinwijk:
        """A policy: the toy pilot only in Tuinwijk."""

        @hookimpl(wrapper=True)
        def sociaaldomein_eligibility(self, pilot):
            rule = yield
            if pilot.naam != "toy":
                return rule
            return rule & OneOf(FEITEN.wijk, ["Tuinwijk"], source=Citation("beleid.txt", "1"))


    class FailingPilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("failing")

        def funding(self):
            raise RuntimeError("the budget spreadsheet is missing")
    '''
)

DEMO_PACKAGE = textwrap.dedent(
    '''
    """A pilot package that offers example families."""
    import pendulum
    from sociaaldomein.testing import ToyPilot, make_gezin

    EXAMPLE_DATE = pendulum.date(2024, 6, 1)


    class DemoPilot(ToyPilot):
        def __init__(self) -> None:
            super().__init__("demo")


    def example_families():
        return [
            ("Two problems: eligible.", make_gezin("demo-1", problemen=["SCHULDEN", "VERSLAVING"])),
            make_gezin("demo-2"),
        ]
    '''
)

ENTRY_POINTS = {
    "toy": "sociaaldomein.testing:ToyPilot",
    "mandaat": "sd_cli_plugins:MandatePilot",
    "failing": "sd_cli_plugins:FailingPilot",
    "tuinwijk": "sd_cli_plugins:OnlyTuinwijk",
    "exiting": "sd_cli_plugins:ExitingPilot",
    "wrong-type": "sd_cli_plugins:WrongTypePilot",
    "printing": "sd_cli_plugins:PrintingPilot",
    "demo": "sd_cli_demo:DemoPilot",
    "broken": "sd_cli_no_such_module:Pilot",
}

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Fake entry points for every plugin in :data:`ENTRY_POINTS`, on ``sys.path``."""
    site = tmp_path / "site"
    info = site / "sd_cli_testplugins-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sd-cli-testplugins\nVersion: 0.1\n"
    )
    lines = "".join(f"{name} = {target}\n" for name, target in ENTRY_POINTS.items())
    (info / "entry_points.txt").write_text(f"[sociaaldomein]\n{lines}")
    (site / "sd_cli_plugins.py").write_text(PLUGINS)
    (site / "sd_cli_demo").mkdir()
    (site / "sd_cli_demo" / "__init__.py").write_text(DEMO_PACKAGE)
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    return site


@pytest.fixture
def run(plugins: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err or "--traceback" in argv
        return code, out, err

    return call


@pytest.fixture
def families(tmp_path: Path) -> Path:
    path = tmp_path / "gezinnen.toml"
    write_gezinnen(
        path,
        [make_gezin("g-twee", problemen=["SCHULDEN", "VERSLAVING"]), make_gezin("g-geen")],
    )
    return path


# --- the command itself ---------------------------------------------------------------


def test_help_version_and_no_command(run: Run) -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert all(name in out for name in SUBCOMMANDS)
    assert run("--version")[0] == 0
    code, _, err = run()
    assert code == 2
    assert err == "sociaaldomein: error: give a command (see sociaaldomein --help)\n"


def test_bad_usage_is_exit_code_2(run: Run) -> None:
    code, _, err = run("assess")
    assert code == 2
    assert "the following arguments are required: FAMILY_FILE" in err
    assert run("budget", "--json", "--csv")[0] == 2
    code, _, err = run("assess", "x.json", "--on", "2023-02-30")
    assert code == 2
    assert "argument --on: '2023-02-30' is not a date in the calendar" in err


# --- plugins --------------------------------------------------------------------------


def test_plugins_lists_name_version_hooks_and_pilots(run: Run) -> None:
    code, out, _ = run("plugins", "--plugin", "toy", "--plugin", "mandaat")
    assert code == 0
    assert "toy (sd-cli-testplugins 0.1)\n  pilots: toy\n" in out
    code, out, _ = run("--plugin", "mandaat", "plugins", "--json")
    (plugin,) = json.loads(out)
    assert plugin.keys() == {
        "name",
        "distribution",
        "version",
        "hooks",
        "pilots",
        "changes",
        "failures",
    }
    assert (plugin["name"], plugin["distribution"], plugin["version"]) == (
        "mandaat",
        "sd-cli-testplugins",
        "0.1",
    )
    assert plugin["pilots"] == ["mandaat"]
    assert plugin["hooks"] == sorted(plugin["hooks"])
    assert plugin["hooks"] == ["sociaaldomein_pilots"]
    assert plugin["failures"] == []


def test_plugins_shows_which_answers_a_policy_changed(run: Run, families: Path) -> None:
    code, out, err = run("plugins", "--plugin", "toy", "--plugin", "tuinwijk", "--json")
    assert (code, err) == (0, "")
    listed = {p["name"]: p for p in json.loads(out)}
    assert listed["tuinwijk"]["changes"] == [{"pilot": "toy", "answer": "eligibility"}]
    assert listed["tuinwijk"]["pilots"] == []
    assert listed["toy"]["changes"] == []
    code, out, _ = run("assess", str(families), "--plugin", "toy", "--plugin", "tuinwijk")
    assert "rules from plugin 'toy' (sd-cli-testplugins 0.1), changed by 'tuinwijk'" in out


def test_a_broken_plugin_warns_and_strict_makes_it_an_error(run: Run) -> None:
    code, out, err = run("plugins", "--plugin", "toy", "--plugin", "broken")
    assert code == 3
    assert "toy" in out
    assert "broken (sd-cli-testplugins 0.1)\n  pilots: (none)" in out
    assert "failed: in loading its entry point: ModuleNotFoundError" in out
    assert err.startswith(
        "sociaaldomein: warning: plugin 'broken' (sd-cli-testplugins 0.1) failed in loading "
        "its entry point: ModuleNotFoundError"
    )
    assert len(err.splitlines()) == 1
    code, out, err = run("plugins", "--plugin", "broken", "--strict")
    assert code == 1
    assert err.startswith("sociaaldomein: plugin error: plugin entry point 'broken' could not")
    assert err.rstrip().endswith("run with --traceback for details")
    assert len(err.splitlines()) == 1


def test_an_unknown_plugin_is_bad_input(run: Run) -> None:
    code, _, err = run("plugins", "--plugin", "toi")
    assert code == 2
    assert "no installed plugin named 'toi'; installed plugins: " in err
    assert "toy" in err


# --- assess ---------------------------------------------------------------------------


def test_assess_prints_every_verdict_with_reasons(run: Run, families: Path) -> None:
    code, out, _ = run("assess", str(families), "--on", "2024-05-01", "--plugin", "toy")
    assert code == 0
    assert out.startswith("Gezin g-twee on 2024-05-01\n\ntoy: eligible\n  [yes]")
    assert "Gezin g-geen on 2024-05-01\n\ntoy: not eligible" in out
    assert 'toy-letter.txt, "1. Doelgroep"' in out


def test_assess_json(run: Run, families: Path) -> None:
    code, out, _ = run("assess", str(families), "--on", "2024-05-01", "--plugin", "toy", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["on"] == "2024-05-01"
    first = data["assessments"][0]
    assert first.keys() == {"family_id", "on", "verdicts"}
    verdict = first["verdicts"]["toy"]
    # A verdict is written as the converters write a Verdict: every field, by its English key.
    assert verdict.keys() == {ENGLISH.get(f.name, f.name) for f in attrs.fields(Verdict)}
    assert {"pilot", "family_id", "on", "outcome", "eligibility", "route", "to", "notes"} <= set(
        verdict
    )
    assert verdict["outcome"] == "ELIGIBLE"
    assert verdict["eligibility"]["passed"] is True
    assert verdict["eligibility"]["source"] == {
        "letter": "toy-letter.txt",
        "section": "1. Doelgroep",
        "quote": "",
    }
    assert data["assessments"][1]["verdicts"]["toy"]["outcome"] == "NOT_ELIGIBLE"


def test_assess_only_some_pilots_and_unknown_pilots(run: Run, families: Path) -> None:
    code, out, _ = run(
        "assess", str(families), "--plugin", "toy", "--plugin", "mandaat", "--pilot", "mandaat"
    )
    assert code == 0
    assert "mandaat:" in out
    assert "toy:" not in out
    code, out, err = run("assess", str(families), "--plugin", "toy", "--pilot", "speelgoed")
    assert code == 2
    assert out == ""
    assert err == "sociaaldomein: error: unknown pilot 'speelgoed'; known pilots: toy\n"


def test_assess_a_bad_file_is_one_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "slecht.json"
    path.write_text(
        '{"gezin": {"id": "g", "leden": [{"rol": "OUDER", "geboortedatum": "1985-02-30"}]}}'
    )
    code, out, err = run("assess", str(path), "--plugin", "toy")
    assert code == 2
    assert out == ""
    assert err == (
        f"sociaaldomein: error: {path}, line 1: gezin.leden[0].geboortedatum: '1985-02-30' "
        "is not a date "
        "in the calendar (day is out of range for month)\n"
    )


# --- budget ---------------------------------------------------------------------------


def test_budget_text_json_and_csv(run: Run) -> None:
    code, out, _ = run("budget", "--plugin", "toy")
    assert code == 0
    assert re.search(r"\n toy +2024 +Gemeente +project budget +€10,000\.00\n", out)
    assert re.search(r" per year +amount\n─+\n 2024 +€10,000\.00\n 2025 +€10,000\.00\n", out)
    code, out, _ = run("budget", "--plugin", "toy", "--year", "2025", "--json")
    data = json.loads(out)
    assert data["years"] == [2025]
    letters, assumed = data["parts"]["from_letters"], data["parts"]["illustrative"]
    assert letters == {
        "total": "10000.00",
        "per_pilot": {"toy": "10000.00"},
        "per_year": {"2025": "10000.00"},
        "per_funder": {"Gemeente": "10000.00"},
    }
    assert assumed == {"total": "0.00", "per_pilot": {}, "per_year": {}, "per_funder": {}}
    # the 0.1 keys stay, adding both parts (deprecated: read "parts")
    assert data["total"] == "10000.00"
    assert data["per_pilot"] == {"toy": "10000.00"}
    assert data["rows"] == [
        {
            "pilot": "toy",
            "funder": "Gemeente",
            "year": 2025,
            "model": "PROJECTBUDGET",
            "description": "toy budget",
            "amount": "10000.00",
            "derived": False,
            "source": 'toy-letter.txt, "1. Doelgroep"',
            "illustrative": False,
        }
    ]
    code, out, err = run("budget", "--plugin", "toy", "--year", "2025", "--json", "--legacy-keys")
    assert json.loads(out)["rows"][0]["bedrag"] == "10000.00"
    assert "--legacy-keys is deprecated" in err
    code, out, _ = run("budget", "--plugin", "toy", "--csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "pilot",
        "funder",
        "year",
        "model",
        "description",
        "amount",
        "derived",
        "source",
        "illustrative",
    ]
    code, out, _ = run("budget", "--plugin", "toy", "--csv", "--legacy-keys")
    assert out.startswith("pilot,financier,jaar,model,omschrijving,bedrag,afgeleid,bron,")
    assert rows[1] == [
        "toy",
        "Gemeente",
        "2024",
        "PROJECTBUDGET",
        "toy budget",
        "10000.00",
        "false",
        'toy-letter.txt, "1. Doelgroep"',
        "false",
    ]
    assert run("budget", "--plugin", "toy", "--year", "12")[0] == 2


FAILED_LINE = (
    "sociaaldomein: warning: plugin 'failing' (sd-cli-testplugins 0.1) failed in funding() "
    "for pilot 'failing': RuntimeError: the budget spreadsheet is missing; fix or uninstall "
    "the distribution sd-cli-testplugins, or leave it out with --no-plugin failing\n"
)


def test_a_failing_plugin_is_named_and_the_other_pilots_go_on(run: Run, families: Path) -> None:
    both = ("--plugin", "failing", "--plugin", "toy")
    code, out, err = run("budget", *both)
    assert (code, err) == (3, FAILED_LINE)
    assert "failing: could not be assessed" in out
    assert "toy" in out
    code, out, err = run("budget", *both, "--json")
    assert code == 3
    data = json.loads(out)
    assert set(data["parts"]["from_letters"]["per_pilot"]) == {"toy"}
    assert [f["pilot"] for f in data["failed"]] == ["failing"]
    code, out, err = run("assess", str(families), *both, "--json")
    assert code == 3
    verdicts = json.loads(out)["assessments"][0]["verdicts"]
    assert verdicts["failing"]["outcome"] == "FAILED"
    assert verdicts["toy"]["outcome"] != "FAILED"
    code, out, err = run("plugins", *both, "--json")
    assert code == 3
    listed = {p["name"]: p for p in json.loads(out)}
    assert [f["call"] for f in listed["failing"]["failures"]] == ["funding()"]
    assert listed["toy"]["failures"] == []


@pytest.mark.parametrize(
    ("plugin", "call", "error"),
    [
        ("failing", "funding()", "RuntimeError: the budget spreadsheet is missing"),
        ("exiting", "eligibility()", "sys.exit(4)"),
        ("wrong-type", "routes()", "where Route values were expected"),
    ],
)
def test_every_kind_of_failure_is_contained_in_every_command(
    run: Run, families: Path, tmp_path: Path, plugin: str, call: str, error: str
) -> None:
    both = ("--plugin", plugin, "--plugin", "toy")
    for command in (("plugins",), ("assess", str(families)), ("budget",)):
        code, out, err = run(*command, *both, "--json")
        assert code == 3, command
        json.loads(out)  # still JSON
        assert f"plugin '{plugin}' (sd-cli-testplugins 0.1) failed in {call}" in err
        assert error in err
        assert f"--no-plugin {plugin}" in err
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        f'[[pilots]]\nplugin = "toy"\n[[pilots]]\nplugin = "{plugin}"\n'
        "[cohort]\nsize = 200\n[simulation]\nstart = 2024-03-01\nmonths = 3\nruns = 2\n"
    )
    code, out, err = run("simulate", str(scenario), "--no-progress")
    assert code == 3
    assert f"{plugin}: could not be simulated: plugin '{plugin}'" in out
    assert "toy" in out.split("could not be simulated")[0]


def test_what_a_plugin_prints_never_reaches_json_output(run: Run, families: Path) -> None:
    code, out, err = run("assess", str(families), "--plugin", "printing", "--json")
    assert code == 0
    json.loads(out)
    assert "debug: building the rule" in err


def test_strict_makes_a_failing_plugin_an_error(run: Run) -> None:
    code, _, err = run("budget", "--plugin", "failing", "--strict")
    assert code == 1
    assert err.startswith("sociaaldomein: plugin error: plugin 'failing'")
    assert "failed in funding() for pilot 'failing': RuntimeError" in err
    code, _, err = run("budget", "--plugin", "failing", "--strict", "--traceback")
    assert code == 1
    assert "Traceback (most recent call last)" in err


def test_an_internal_error_says_how_to_see_the_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("sociaaldomein.cli.schema.run", broken)
    code, _, err = run("schema", "family")
    assert code == 1
    assert err == (
        "sociaaldomein: internal error: ZeroDivisionError: division by zero; "
        "run with --traceback for details\n"
    )
    code, _, err = run("--traceback", "schema", "family")
    assert "Traceback" in err


# --- mandate --------------------------------------------------------------------------


def test_mandate_table_and_ladder(run: Run) -> None:
    code, out, _ = run("mandate", "mandaat", "--plugin", "mandaat")
    assert code == 0
    assert "Functional mandate of pilot 'mandaat' (applies to selected families only)" in out
    assert " wonen       Woningcorporaties  binds             woningtoewijzing\n" in out
    assert "                                                  huurschuld\n" in out
    assert " veiligheid  Politie            cooperation only  huisverbod" in out
    assert re.search(r"\n 4 +college +B&W +within 1 week\n", out)
    assert "not covered: wettelijke verplichtingen" in out
    code, out, _ = run("mandate", "toy", "--plugin", "toy")
    assert "Pilot 'toy' has no functional mandate." in out
    assert "Pilot 'toy' has no escalation ladder." in out
    code, out, _ = run("mandate", "mandaat", "--plugin", "mandaat", "--json")
    data = json.loads(out)
    assert data["mandate"]["rows"][0]["decisions"] == ["woningtoewijzing", "huurschuld"]
    assert data["escalation_ladder"]["levels"][1]["deadline"] == "P7D"
    code, out, _ = run("mandate", "mandaat", "--plugin", "mandaat", "--json", "--legacy-keys")
    assert json.loads(out)["escalatieladder"]["treden"][1]["termijn"] == "P7D"


def advice(tmp_path: Path, instelling: str, geselecteerd: bool) -> Path:
    path = tmp_path / "advies.toml"
    path.write_text(
        f'geselecteerd = {str(geselecteerd).lower()}\n[advies]\ngezin_id = "g-7"\n'
        f'instelling = "{instelling}"\nbesluit = "woningtoewijzing"\ndatum = 2024-03-01\n'
    )
    return path


def test_mandate_check(run: Run, tmp_path: Path) -> None:
    path = advice(tmp_path, "woningcorporaties", True)
    code, out, _ = run("mandate", "mandaat", "--plugin", "mandaat", "--check", str(path))
    assert code == 0
    assert out.startswith("The advice binds (BINDEND).\nreason: advice to 'Woningcorporaties'")
    path = advice(tmp_path, "Politie", True)
    code, out, _ = run("mandate", "mandaat", "--plugin", "mandaat", "--check", str(path), "--json")
    data = json.loads(out)
    assert (data["binds"], data["verdict"]["status"]) == (False, "GEWEIGERD")
    assert "only a cooperation agreement" in data["verdict"]["reason"]
    assert data["selected"] is True
    assert data["advice"]["date"] == "2024-03-01"
    code, out, _ = run("mandate", "toy", "--plugin", "toy", "--check", str(path))
    assert "does not bind" in out
    assert "has no functional mandate" in out


def test_mandate_bad_advice_and_unknown_pilot(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "advies.json"
    path.write_text('{"advies": {"gezin_id": "g"}, "geselecteerd": "ja"}')
    code, _, err = run("mandate", "mandaat", "--plugin", "mandaat", "--check", str(path))
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == f"sociaaldomein: error: {path}, line 1: advies.instelling: is required"
    assert len(lines) == 4  # every problem, one line each
    code, _, err = run("mandate", "nope", "--plugin", "mandaat")
    assert (code, err) == (2, "sociaaldomein: error: unknown pilot 'nope'; known pilots: mandaat\n")


# --- demo, schema, validate -----------------------------------------------------------


def test_demo_assesses_example_families_and_shows_the_money(run: Run) -> None:
    code, out, _ = run("demo", "--plugin", "demo", "--plugin", "toy", "--lang", "en")
    assert code == 0
    assert "Gemeente Groningen: 2 pilot(s) from 2 plugin(s)" in out
    assert (
        "== plugin demo: pilot(s) demo ==\n\nGezin demo-1 on 2024-06-01\n"
        "  (Two problems: eligible.)\ndemo: eligible" in out
    )
    assert "Gezin demo-2 on 2024-06-01\ndemo: not eligible" in out
    assert "== plugin toy: pilot(s) toy ==\n(no example families)" in out
    assert "== funding overview ==" in out
    assert "all pilots" in out
    code, out, _ = run("demo", "--plugin", "demo", "--on", "2030-01-01", "--lang", "en")
    assert "demo: pilot not running on this date" in out


def test_demo_speaks_dutch_unless_told_otherwise(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOCIAALDOMEIN_LANG", raising=False)
    code, out, _ = run("demo", "--plugin", "demo")
    assert code == 0
    assert "Gemeente Groningen: 1 pilot(s) uit 1 plugin(s)" in out
    assert "Gezin demo-2 op 2024-06-01\ndemo: komt niet in aanmerking" in out
    assert "== financieringsoverzicht ==" in out
    monkeypatch.setenv("SOCIAALDOMEIN_LANG", "en")
    code, out, _ = run("demo", "--plugin", "demo")
    assert "demo: not eligible" in out


def test_budget_never_adds_illustrative_money_to_the_letters(run: Run) -> None:
    """Issue 12: SAMEN.'s EUR 40,3 mln and Hoogkerk's EUR 0,5 mln are the library's assumption."""
    groningen = ("--plugin", "samen", "--plugin", "hoogkerk", "--plugin", "multiprobleem")
    code, out, _ = run("budget", *groningen)
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith(" all pilots")]
    assert len(lines) == 2
    assert "total from the" in lines[0]
    assert "total illustrative" in lines[1]
    assert "€40,800,000.00" in lines[1]
    assert "per year, illustrative (the library's assumption)" in out
    code, out, _ = run("budget", *groningen, "--json")
    data = json.loads(out)
    parts = data["parts"]
    assert parts["illustrative"]["total"] == "40800000.00"
    assert set(parts["illustrative"]["per_pilot"]) == {"hoogkerk", "samen"}
    assumed, letters = parts["illustrative"]["per_pilot"], parts["from_letters"]["per_pilot"]
    assert not set(assumed) & set(letters)
    # the multiprobleem lines over a period, split by days, are derived
    split = [r for r in data["rows"] if r["pilot"] == "multiprobleem"]
    assert split
    assert all(r["derived"] for r in split)


def test_demo_as_a_function(plugins: Path) -> None:
    from sociaaldomein import Gemeente

    gemeente = Gemeente("Groningen")
    gemeente.load_entry_points(allow=["demo"])
    out = io.StringIO()
    demo(gemeente, on=pendulum.date(2024, 6, 1), file=out)
    assert "Gezin demo-1 on 2024-06-01" in out.getvalue()


def test_schema(run: Run) -> None:
    for kind in ("family", "scenario", "advice"):
        code, out, _ = run("schema", kind)
        assert code == 0
        assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert run("schema", "gezin")[0] == 2


def test_validate(run: Run, families: Path, tmp_path: Path) -> None:
    code, out, _ = run("validate", "family", str(families))
    assert (code, out) == (0, f"{families}: a good family file with 2 families\n")
    cohort = tmp_path / "cohort.csv"
    cohort.write_text("id,zrm.financien\ng1,2\ng2,9\n")
    code, _, err = run("validate", "cohort", str(cohort))
    assert (code, err) == (
        2,
        f"sociaaldomein: error: {cohort}, line 3: zrm.financien: "
        "a ZRM level is a whole number from 1 to 5, got '9'\n",
    )
    scenario = tmp_path / "scenario.json"
    scenario.write_text('{"cohort": {"file": "cohort.csv"}, "simulation": {"start": "2024-03-01"}}')
    code, _, err = run("validate", "scenario", str(scenario), "--plugin", "toy")
    assert code == 2
    assert err.startswith(f"sociaaldomein: error: {cohort}, line 3: zrm.financien")
    scenario = tmp_path / "scenario.toml"
    scenario.write_text(
        '[[pilots]]\nplugin = "toy"\nparams = { per_year = "20000.00", start = 2024-03-01 }\n'
        '[[pilots]]\nplugin = "sociaaldomein.testing:ToyPilot"\nname = "toy-2"\n'
        'params = { name = "toy-2" }\n[cohort]\nsize = 10\n[simulation]\nstart = 2024-03-01\n'
    )
    code, _, err = run("validate", "scenario", str(scenario))
    assert code == 2
    assert "pilots[1].plugin: 'sociaaldomein.testing:ToyPilot' is an import path" in err
    code, out, _ = run("validate", "scenario", str(scenario), "--allow-import")
    assert code == 0
    assert "pilots toy, toy-2; 12 months from 2024-03-01, 1 run(s)" in out
    scenario.write_text(
        '[[pilots]]\nplugin = "toy"\nparams = { per_year = 20000.5 }\n'
        "[cohort]\nsize = 10\n[simulation]\nstart = 2024-03-01\n"
    )
    code, _, err = run("validate", "scenario", str(scenario))
    assert code == 2
    assert err.startswith(
        f"sociaaldomein: error: {scenario}, line 3: pilots[0].params.per_year: money is"
    )
    scenario.write_text(
        '[[pilots]]\nplugin = "speelgoed"\n[cohort]\nsize = 1\n[simulation]\nstart = 2024-03-01\n'
    )
    code, _, err = run("validate", "scenario", str(scenario))
    assert code == 2
    assert "pilots[0].plugin: no installed plugin named 'speelgoed'; installed plugins:" in err


def test_subcommands_are_one_line_each() -> None:
    for name, module_name in SUBCOMMANDS.items():
        module = importlib.import_module(module_name)
        assert callable(module.add_arguments), name
        assert callable(module.run), name
        assert module.__doc__, name


def test_assess_refuses_an_observation_after_the_assessment_date(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "gezin.json"
    path.write_text(
        '{"gezin": {"id": "g-later", "leden": [{"rol": "OUDER", "geboortedatum": "1985-02-03"}],'
        ' "zrm": {"afgenomen_op": "2024-09-01", "huidig": {"financien": 2}}}}'
    )
    code, out, err = run("assess", str(path), "--plugin", "toy", "--on", "2024-06-01")
    assert (code, out) == (2, "")
    assert err == (
        f"sociaaldomein: error: {path}, line 1: gezin.zrm.afgenomen_op: 2024-09-01 lies after the "
        "assessment on 2024-06-01 (--on 2024-06-01)\n"
    )
    assert run("assess", str(path), "--plugin", "toy", "--on", "2024-09-01")[0] == 0
