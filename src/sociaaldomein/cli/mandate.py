"""Show a pilot's functional mandate and escalation ladder, or check whether an advice binds.

With --check ADVICE_FILE the command says whether the advice binds the
institution, and why; the exit code is 0 either way.  With --json:
{"pilot", "mandate", "escalation_ladder"}, or for --check
{"pilot", "advice", "selected", "verdict", "binds"}; the keys are English
(--legacy-keys: the 0.1 keys, deprecated; see the documentation below).
"""

from __future__ import annotations

import argparse
from typing import Any

import pendulum

from sociaaldomein import (
    AdviesOordeel,
    AdviesStatus,
    Escalatieladder,
    Mandaat,
)
from sociaaldomein.cli.common import OK, compose, print_json
from sociaaldomein.cli.keys import add_legacy_keys, english, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import AdviceCheck, read_advice, unstructure

__all__ = [
    "add_arguments",
    "advice_json",
    "check",
    "mandate_json",
    "render_ladder",
    "render_mandaat",
    "run",
]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein mandate multiprobleem",
    "sociaaldomein mandate multiprobleem --check advies.toml --json",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``PILOT [--check ADVICE_FILE] [--json]``."""
    parser.add_argument("pilot", metavar="PILOT", help=_("the name of the pilot"))
    parser.add_argument(
        "--check",
        metavar="ADVICE_FILE",
        help=_("an advice file (.json, .toml): does the advice bind, and why?"),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    add_legacy_keys(parser)


def render_mandaat(pilot: str, mandaat: Mandaat | None, width: int | None = None) -> str:
    """The mandate table, fitting ``width`` (default: the terminal)."""
    from sociaaldomein.output import Column, Table

    if mandaat is None:
        return _("Pilot {pilot!r} has no functional mandate.").format(pilot=pilot)
    scope = (
        _("selected families only") if mandaat.alleen_geselecteerde_gezinnen else _("every family")
    )
    head = _("Functional mandate of pilot {pilot!r} (applies to {scope})").format(
        pilot=pilot, scope=scope
    )
    if mandaat.bron is not None:
        head += f" [{mandaat.bron}]"
    rows = []
    for r in mandaat.table():
        advice = _("binds") if r.mandaat else _("cooperation only")
        rows.append((r.leefgebied, r.instelling, advice, "\n".join(r.besluiten)))
    columns = (
        Column(_("leefgebied")),
        Column(_("instelling")),
        Column(_("advice")),
        Column(_("decisions")),
    )
    table = Table(columns, rows, rules=range(1, len(rows)))
    return "\n".join([*_wrapped(head, width), table.render(width)])


def _wrapped(text: str, width: int | None) -> list[str]:
    from sociaaldomein.output import wrap

    return wrap(text, width)


def _termijn(termijn: pendulum.Duration | None) -> str:
    from sociaaldomein.i18n import current_language

    if termijn is None:
        return _("no deadline")
    if termijn == pendulum.duration():
        return _("at once")
    return _("within {duration}").format(duration=termijn.in_words(locale=current_language()))


def render_ladder(pilot: str, ladder: Escalatieladder | None, width: int | None = None) -> str:
    """The escalation ladder, fitting ``width``; and why it starts where it starts.

    A ladder that does not start at level 1 says so: the levels before it are
    what the partners agreed to do before anyone escalates, and its first level
    is reached only when they give no agreement, in the letter's words, cited.
    """
    from sociaaldomein.output import Column, Table

    if ladder is None:
        return _("Pilot {pilot!r} has no escalation ladder.").format(pilot=pilot)
    head = _("Escalation ladder of pilot {pilot!r}").format(pilot=pilot)
    if ladder.bron is not None:
        head += f" [{ladder.bron}]"
    columns = (
        Column(_("level"), wrap=False),
        Column(_("name")),
        Column(_("held by")),
        Column(_("deadline")),
    )
    rows = [
        (str(t.niveau), t.naam, ", ".join(t.houders), _termijn(t.termijn)) for t in ladder.treden
    ]
    lines = [*_wrapped(head, width), Table(columns, rows).render(width)]
    first = ladder.treden[0]
    if first.niveau > 1:
        why = _(
            "The ladder starts at level {level}: the levels before it are what the partners "
            "do before anyone escalates, and level {level} is reached only without agreement."
        ).format(level=first.niveau)
        if first.omschrijving:
            source = "" if first.bron is None else f" [{first.bron}]"
            why += f" “{first.omschrijving}”{source}"
        lines += ["", *_wrapped(why, width)]
    lines += [
        line
        for u in ladder.uitzonderingen
        for line in _wrapped(_("not covered: {case}").format(case=u), width)
    ]
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


def _mandate_document(
    pilot: str, mandaat: Mandaat | None, ladder: Escalatieladder | None
) -> dict[str, Any]:
    # The converters' format: the domain's field names, the 0.1 keys.
    return {
        "pilot": pilot,
        "mandaat": None if mandaat is None else unstructure(mandaat),
        "escalatieladder": None if ladder is None else unstructure(ladder),
    }


def _advice_document(pilot: str, advice: AdviceCheck, oordeel: AdviesOordeel) -> dict[str, Any]:
    return {
        "pilot": pilot,
        "advies": unstructure(advice.advies),
        "geselecteerd": advice.geselecteerd,
        "oordeel": unstructure(oordeel),
        "binds": oordeel.binds,
    }


def mandate_json(
    pilot: str, mandaat: Mandaat | None, ladder: Escalatieladder | None
) -> dict[str, Any]:
    """The ``mandate PILOT --json`` document, English keys: the HTTP service answers the same."""
    return dict(english(_mandate_document(pilot, mandaat, ladder)))


def advice_json(pilot: str, advice: AdviceCheck, oordeel: AdviesOordeel) -> dict[str, Any]:
    """The ``mandate PILOT --check ADVICE --json`` document, English keys."""
    return dict(english(_advice_document(pilot, advice, oordeel)))


def run(args: argparse.Namespace) -> int:
    """Print the mandate and ladder, or the verdict on an advice."""
    advice = None if args.check is None else read_advice(args.check)
    if args.json:
        warn_legacy(args)
    gemeente = compose(args)
    mandaat = gemeente.compiled(args.pilot).mandate
    if advice is not None:
        oordeel = check(args.pilot, mandaat, advice)
        if args.json:
            print_json(keys_for(args, _advice_document(args.pilot, advice, oordeel)))
        else:
            verdict = _("The advice binds") if oordeel.binds else _("The advice does not bind")
            print(f"{verdict} ({oordeel.status.name}).")
            print(_("reason: {reason}").format(reason=oordeel.reden))
        return OK
    ladder = gemeente.compiled(args.pilot).escalation
    if args.json:
        print_json(keys_for(args, _mandate_document(args.pilot, mandaat, ladder)))
    else:
        print(render_mandaat(args.pilot, mandaat))
        print()
        print(render_ladder(args.pilot, ladder))
    return OK
