"""The command line for people: the language, tables that fit 80 columns, Babel notation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sociaaldomein.cli.main import SUBCOMMANDS, command_language, main
from sociaaldomein.io import write_gezinnen
from sociaaldomein.testing import make_gezin

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    # The language and width of the person at the terminal, not of the test machine.
    for name in ("SOCIAALDOMEIN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return call


@pytest.mark.parametrize(
    ("chosen", "environ", "expected"),
    [
        (None, {}, "en"),
        ("nl", {"SOCIAALDOMEIN_LANG": "en"}, "nl"),
        (None, {"SOCIAALDOMEIN_LANG": "nl", "LANG": "en_GB.UTF-8"}, "nl"),
        (None, {"LANG": "nl_NL.UTF-8"}, "nl"),
        (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "nl_NL", "LANG": "C.UTF-8"}, "nl"),
        (None, {"SOCIAALDOMEIN_LANG": "klingon", "LANG": "nl_NL"}, "nl"),
    ],
)
def test_the_language_is_the_option_the_variable_then_a_dutch_locale(
    chosen: str | None, environ: dict[str, str], expected: str
) -> None:
    assert command_language(chosen, environ) == expected


def test_lang_chooses_the_notation_of_money(run: Run) -> None:
    code, out, _ = run("budget", "--plugin", "gezinsverzorger", "--lang", "nl")
    assert code == 0
    assert "€ 336.000,00" in out
    code, out, _ = run("--lang", "en", "budget", "--plugin", "gezinsverzorger")
    assert "€336,000.00" in out
    assert "EUR " not in out


def test_a_dutch_locale_makes_the_command_dutch(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert "€ 42.000,00" in run("budget", "--plugin", "gezinsverzorger")[1]


def test_an_unknown_language_is_bad_input(run: Run) -> None:
    code, _, err = run("budget", "--lang", "fr")
    assert code == 2
    assert "unknown language 'fr'" in err


def _widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(
    "argv",
    [
        ("budget",),
        ("budget", "--plugin", "samen", "--plugin", "hoogkerk"),
        ("mandate", "multiprobleem"),
        ("mandate", "gezinsverzorger"),
    ],
)
def test_every_table_fits_80_columns(run: Run, argv: tuple[str, ...], lang: str) -> None:
    code, out, _ = run(*argv, "--lang", lang)
    assert code == 0
    assert out.strip()
    assert _widest(out) <= 80, max(out.splitlines(), key=len)


def test_the_escalation_ladder_says_why_it_starts_at_level_iii(run: Run) -> None:
    """003_720c15da674da257.txt, "8. Algemene afspraken": I and II are the agreements before
    any escalation; III is reached "bij geen overeenstemming"."""
    code, out, _ = run("mandate", "multiprobleem", "--lang", "en")
    assert code == 0
    ladder = out[out.index("Escalation ladder") :]
    why = " ".join(ladder[ladder.index("The ladder starts at level 3") :].split())
    assert "reached only without agreement" in why
    assert "“Bij geen overeenstemming wordt meteen opgeschaald" in why
    assert '"8. Algemene afspraken"]' in why


def test_assess_without_on_says_when_each_pilot_runs(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Groningen pilot has ended: "today" alone would answer "not running" for each."""
    import pendulum

    path = tmp_path / "gezinnen.toml"
    write_gezinnen(path, [make_gezin("g-1", problemen=["SCHULDEN", "VERSLAVING"])])
    monkeypatch.setattr(pendulum, "today", lambda *a, **k: pendulum.datetime(2040, 1, 1))
    code, _, err = run("assess", str(path), "--plugin", "gezinsverzorger", "--lang", "en")
    assert code == 0
    assert (
        "sociaaldomein: warning: pilot 'gezinsverzorger' does not run today (January 1, 2040): "
        "it runs from October 1, 2021 until October 1, 2023; assess on a day it runs, such as "
        "--on 2022-10-01"
    ) in err
    code, _, err = run(
        "assess", str(path), "--plugin", "gezinsverzorger", "--on", "2040-01-01", "--lang", "en"
    )
    assert "does not run today" not in err  # a date the user chose needs no hint


@pytest.mark.parametrize("command", list(SUBCOMMANDS))
def test_every_help_ends_with_an_example_and_a_documentation_link(run: Run, command: str) -> None:
    """Every command, those added later too: its module's EXAMPLES end its ``--help``."""
    code, out, _ = run(command, "--help")
    assert code == 0
    examples = out[out.index("examples:") :]
    assert f"  sociaaldomein {command}" in examples
    assert f"documentation of sociaaldomein {command}:\n" in out
    assert "  https://sociaaldomein.readthedocs.io/en/latest/cli.html" in out
    assert max(len(line) for line in examples.splitlines()) <= 80
    assert "docs/" not in out  # a path only a checkout has


def test_the_top_level_help_has_an_example_and_the_link(run: Run) -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "  sociaaldomein assess gezinnen.toml --on 2022-03-01" in out
    assert "documentation:\n  https://sociaaldomein.readthedocs.io/en/latest/cli.html" in out
