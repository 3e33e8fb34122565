"""Show a pilot's functional mandate and escalation ladder, or check whether an advice binds.

With --check ADVICE_FILE the command says whether the advice binds the
institution, and why; the exit code is 0 either way.  With --json:
{"pilot", "mandaat", "escalatieladder"}, or for --check
{"pilot", "advies", "geselecteerd", "oordeel", "binds"} (see docs/cli.md).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import pendulum

from sociaaldomein import (
    AdviesOordeel,
    AdviesStatus,
    Escalatieladder,
    Mandaat,
)
from sociaaldomein.cli.common import OK, compose, print_json
from sociaaldomein.io import AdviceCheck, read_advice, unstructure

__all__ = ["add_arguments", "check", "render_ladder", "render_mandaat", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PILOT [--check ADVICE_FILE] [--json]``."""
    parser.add_argument("pilot", metavar="PILOT", help="the name of the pilot")
    parser.add_argument(
        "--check",
        metavar="ADVICE_FILE",
        help="an advice file (.json, .toml): does the advice bind, and why?",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for tools")


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(rows[0]), rule, *map(line, rows[1:])]


def render_mandaat(pilot: str, mandaat: Mandaat | None) -> str:
    """The mandate table as text."""
    if mandaat is None:
        return f"Pilot {pilot!r} has no functional mandate."
    scope = "selected families only" if mandaat.alleen_geselecteerde_gezinnen else "every family"
    head = f"Functional mandate of pilot {pilot!r} (applies to {scope})"
    if mandaat.bron is not None:
        head += f" [{mandaat.bron}]"
    rows = [("leefgebied", "instelling", "advice", "decisions")]
    for r in mandaat.table():
        advice = "binds" if r.mandaat else "cooperation only"
        rows.append((r.leefgebied, r.instelling, advice, r.besluiten[0]))
        rows += [("", "", "", besluit) for besluit in r.besluiten[1:]]
    return "\n".join([head, *_table(rows)])


def _termijn(termijn: pendulum.Duration | None) -> str:
    if termijn is None:
        return "no deadline"
    if termijn == pendulum.duration():
        return "at once"
    return f"within {termijn.in_words(locale='en')}"


def render_ladder(pilot: str, ladder: Escalatieladder | None) -> str:
    """The escalation ladder as text."""
    if ladder is None:
        return f"Pilot {pilot!r} has no escalation ladder."
    head = f"Escalation ladder of pilot {pilot!r}"
    if ladder.bron is not None:
        head += f" [{ladder.bron}]"
    rows = [("level", "name", "held by", "deadline")]
    rows += [
        (str(t.niveau), t.naam, ", ".join(t.houders), _termijn(t.termijn)) for t in ladder.treden
    ]
    lines = [head, *_table(rows)]
    lines += [f"not covered: {u}" for u in ladder.uitzonderingen]
    return "\n".join(lines)


def check(pilot: str, mandaat: Mandaat | None, advice: AdviceCheck) -> AdviesOordeel:
    """The verdict on the advice; a pilot without a mandate binds nobody."""
    if mandaat is None:
        a = advice.advies
        reden = (
            f"advice to {a.instelling!r} on {a.besluit!r} is refused: "
            f"pilot {pilot!r} has no functional mandate"
        )
        return AdviesOordeel(AdviesStatus.GEWEIGERD, reden)
    return mandaat.check(advice.advies, geselecteerd=advice.geselecteerd)


def run(args: argparse.Namespace) -> int:
    """Print the mandate and ladder, or the verdict on an advice."""
    advice = None if args.check is None else read_advice(args.check)
    gemeente = compose(args)
    mandaat = gemeente.compiled(args.pilot).mandate
    if advice is not None:
        oordeel = check(args.pilot, mandaat, advice)
        if args.json:
            print_json(
                {
                    "pilot": args.pilot,
                    "advies": unstructure(advice.advies),
                    "geselecteerd": advice.geselecteerd,
                    "oordeel": unstructure(oordeel),
                    "binds": oordeel.binds,
                }
            )
        else:
            verdict = "binds" if oordeel.binds else "does not bind"
            print(f"The advice {verdict} ({oordeel.status.name}).")
            print(f"reason: {oordeel.reden}")
        return OK
    ladder = gemeente.compiled(args.pilot).escalation
    if args.json:
        print_json(
            {
                "pilot": args.pilot,
                "mandaat": None if mandaat is None else unstructure(mandaat),
                "escalatieladder": None if ladder is None else unstructure(ladder),
            }
        )
    else:
        print(render_mandaat(args.pilot, mandaat))
        print()
        print(render_ladder(args.pilot, ladder))
    return OK
