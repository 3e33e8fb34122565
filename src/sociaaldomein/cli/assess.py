"""Assess the families of a family file: the verdict of every pilot, with its reasons.

With --json: {"on": DATE, "assessments": [ASSESSMENT, ...]}, where each
assessment is {"family_id", "on", "verdicts": {PILOT: VERDICT}} in the
converters' format under English keys (--legacy-keys: the 0.1 key gezin_id,
deprecated; see the documentation below).  A pilot whose plugin failed has the
outcome FAILED with the plugin and the call named, and the exit code is 3.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, Final

import pendulum

from sociaaldomein import Assessment, Gemeente, Gezin, InvalidValueError, Outcome
from sociaaldomein.cli.common import compose, date_argument, plugin_failures, print_json, warn
from sociaaldomein.cli.keys import add_legacy_keys, english, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import FileFormatError, gezinnen_from_data, load_document, unstructure

__all__ = ["KEYED_BY_NAME", "add_arguments", "assessments_json", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein assess gezinnen.toml --on 2022-03-01",
    "sociaaldomein assess gezin.json --pilot samen --on 2023-06-01 --json",
    "sociaaldomein assess gezinnen.toml --on 2022-03-01 --lang nl",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``FAMILY_FILE [--on DATE] [--pilot NAME ...] [--json]``."""
    parser.add_argument(
        "family_file", metavar="FAMILY_FILE", help=_("a family file (.json, .toml)")
    )
    parser.add_argument(
        "--on",
        type=date_argument,
        metavar="DATE",
        help=_(
            "the date of the assessment, YYYY-MM-DD (default: today; a pilot not running "
            "today says when it ran and suggests a date)"
        ),
    )
    parser.add_argument(
        "--pilot",
        action="append",
        dest="pilots",
        metavar="NAME",
        help=_("only this pilot (repeatable; default: every pilot)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    add_legacy_keys(parser)


KEYED_BY_NAME: Final = ("verdicts",)
"""The mappings of ``assess --json`` keyed by names (pilots), whose keys stay as they are."""


def assessments_json(on: pendulum.Date, assessments: Sequence[Assessment]) -> dict[str, Any]:
    """The ``assess --json`` document, English keys: the HTTP service answers the same."""
    return dict(english(_document(on, assessments), names=KEYED_BY_NAME))


def _document(on: pendulum.Date, assessments: Sequence[Assessment]) -> dict[str, Any]:
    # The converters' format: the domain's field names (gezin_id), the 0.1 keys.
    return {"on": on.isoformat(), "assessments": [unstructure(a) for a in assessments]}


def run(args: argparse.Namespace) -> int:
    """Print one assessment per family."""
    data, fmt = load_document(args.family_file)
    gemeente = compose(args)  # first: the family file may hold the facts its plugins declare
    gezinnen = gezinnen_from_data(data, source=args.family_file, format=fmt, feiten=gemeente.feiten)
    on: pendulum.Date = args.on or pendulum.today().date()
    _plausible_on(gezinnen, on, args.family_file, single="gezin" in data)
    names = list(gemeente.pilots) if args.pilots is None else args.pilots
    for name in names:
        gemeente.pilot(name)  # an unknown name lists the known ones
    if not names:
        warn("no pilots to assess against: install a pilot plugin, or check --plugin")
    assessments = [gemeente.assess(g, on, pilots=names) for g in gezinnen]
    if args.on is None:
        _when_they_run(gemeente, names, assessments, on)
    if args.json:
        warn_legacy(args)
        print_json(keys_for(args, _document(on, assessments), names=KEYED_BY_NAME))
        return plugin_failures(gemeente)
    print("\n\n".join(a.render() for a in assessments))
    return plugin_failures(gemeente)


def _when_they_run(
    gemeente: Gemeente, names: list[str], assessments: list[Assessment], on: pendulum.Date
) -> None:
    """Without ``--on``: for each pilot not running today, when it runs and a date to try.

    Every Groningen pilot has ended, so "today" alone answers "not running" for
    all of them; the hint names the pilot's running time and its halfway day.
    """
    from sociaaldomein.output import format_date

    closed = {v.pilot for a in assessments for v in a if v.outcome is Outcome.CLOSED}
    for name in names:
        if name not in closed:
            continue
        periode = gemeente.pilot(name).looptijd.periode
        warn(
            _(
                "pilot {pilot!r} does not run today ({today}): it runs from {start} until "
                "{end}; assess on a day it runs, such as --on {suggestion}"
            ).format(
                pilot=name,
                today=format_date(on),
                start=format_date(periode.start),
                end=format_date(periode.end),
                suggestion=periode.halfway().isoformat(),
            )
        )


def _plausible_on(
    gezinnen: tuple[Gezin, ...], on: pendulum.Date, path: str, *, single: bool
) -> None:
    """Refuse a family whose dates cannot be true on the assessment day, naming the field."""
    for i, gezin in enumerate(gezinnen):
        try:
            gezin.check_dates_on(on)
        except InvalidValueError as exc:
            where = "gezin" if single else f"gezinnen[{i}]"
            field = exc.field.replace("Gezin", where, 1)
            raise FileFormatError(path, field, f"{exc.problem} (--on {on.isoformat()})") from None
