"""Run the demo: every installed pilot on its example families, then the money per year.

Each pilot plugin's package may export example_families() (and EXAMPLE_DATE);
the demo assesses those families (on --on DATE, else EXAMPLE_DATE, else halfway
through each pilot) and prints each verdict with its reasons, then the funding
overview per year.  It prints in Dutch, as the people who read verdicts read
them, unless ``--lang`` or ``SOCIAALDOMEIN_LANG`` chooses otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import types
from collections.abc import Iterable, Mapping
from importlib import import_module
from typing import TextIO

import pendulum

from sociaaldomein import Gemeente, Gezin, PluginError
from sociaaldomein.cli.budget import render
from sociaaldomein.cli.common import compose, date_argument, installed_plugin_names, plugin_failures
from sociaaldomein.i18n import ENV, _, current_language, use_language

__all__ = ["GRONINGEN_PILOTS", "add_arguments", "demo", "example_date", "example_families", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein demo",
    "sociaaldomein demo --lang nl --on 2022-03-01",
)
"""Command lines shown at the end of ``--help``."""


Example = tuple[str | None, Gezin]

GRONINGEN_PILOTS = ("gezinsverzorger", "samen", "multiprobleem", "hoogkerk")
"""The built-in pilots of gemeente Groningen: what the demo composes unless told otherwise.

Other installed plugins (a municipality's own, the tutorial's invented example)
are left out, because the demo is Groningen's composition.
"""


def _package(plugin: object) -> types.ModuleType | None:
    module = plugin.__name__ if isinstance(plugin, types.ModuleType) else type(plugin).__module__
    try:
        return import_module(module.split(".")[0])
    except ImportError:
        return None


def _example(item: object) -> Example:
    if isinstance(item, Gezin):
        return (None, item)
    if isinstance(item, tuple) and len(item) == 2:
        text, gezin = item
        if isinstance(text, str) and isinstance(gezin, Gezin):
            return (text, gezin)
    raise TypeError(f"must give Gezin values or (description, Gezin) pairs, got {item!r:.80}")


def example_families(plugin: object, name: str) -> tuple[Example, ...]:
    """The families the plugin's package offers through ``example_families()``, if it does.

    The package is the top-level package of the plugin's class (or module).
    ``example_families()`` returns families, ``(description, family)`` pairs,
    or a mapping of description to family.  A package without the function
    has no examples; a function that fails or returns something else is a
    :class:`~sociaaldomein.PluginError` naming the plugin.
    """
    package = _package(plugin)
    offer = getattr(package, "example_families", None)
    if not callable(offer):
        return ()
    try:
        found = offer()
        if isinstance(found, Mapping):
            found = list(found.items())
        if not isinstance(found, Iterable):
            raise TypeError(f"must return families, got {type(found).__name__}")
        return tuple(_example(item) for item in found)
    except Exception as exc:
        raise PluginError(name, "example_families", exc) from exc


def example_date(plugin: object) -> pendulum.Date | None:
    """The ``EXAMPLE_DATE`` the plugin's package exports, if it is a date."""
    day = getattr(_package(plugin), "EXAMPLE_DATE", None)
    return day if isinstance(day, pendulum.Date) else None


def demo(
    gemeente: Gemeente | None = None,
    *,
    on: pendulum.Date | None = None,
    file: TextIO | None = None,
) -> None:
    """Assess every plugin's example families and print the verdicts and the money per year.

    ``gemeente`` defaults to every installed pilot plugin (entry points); the
    plugins it loaded from entry points are asked for example families.  Each
    pilot is assessed on ``on``, else on the ``EXAMPLE_DATE`` its package
    exports, else halfway through its looptijd.
    """
    if gemeente is None:
        gemeente = Gemeente("Groningen")
        gemeente.load_entry_points(allow=GRONINGEN_PILOTS)
    out = file or sys.stdout
    pilots = gemeente.pilots
    count = _(
        "Gemeente {name}: {pilots} pilot(s) from {plugins} plugin(s)",
        name=gemeente.naam,
        pilots=len(pilots),
        plugins=len(gemeente.loaded),
    )
    print(count, file=out)
    for loaded in gemeente.loaded:
        own = sorted(Gemeente(plugins=[loaded.plugin]).pilots)
        families = example_families(loaded.plugin, loaded.name)
        head = _(
            "== plugin {plugin}: pilot(s) {pilots} ==",
            plugin=loaded.name,
            pilots=", ".join(own) or _("(none)"),
        )
        print(f"\n{head}", file=out)
        if not families:
            print(_("(no example families)"), file=out)
            continue
        for pilot in own:
            day = on or example_date(loaded.plugin) or pilots[pilot].looptijd.periode.halfway()
            for text, gezin in families:
                verdict = gemeente.assess(gezin, day, pilots=[pilot])[pilot]
                head = _("Gezin {gezin} on {date}", gezin=gezin.id, date=day.isoformat())
                print(f"\n{head}", file=out)
                if text:
                    print(f"  ({text})", file=out)
                print(verdict.render(), file=out)
    overview = _("== funding overview ==")
    print(f"\n{overview}", file=out)
    print(render(gemeente.funding_overview()), file=out)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``[--on DATE]``."""
    parser.add_argument(
        "--on",
        type=date_argument,
        metavar="DATE",
        help=_("assess every pilot on this date (default: halfway through each pilot)"),
    )


def run(args: argparse.Namespace) -> int:
    """Run the demo on the plugins the common options select (the Groningen pilots by default)."""
    if not args.plugin:
        installed = set(installed_plugin_names())
        args.plugin = [name for name in GRONINGEN_PILOTS if name in installed]
    gemeente = compose(args)
    chosen = getattr(args, "lang", None) or os.environ.get(ENV)
    with use_language(current_language() if chosen else "nl"):
        demo(gemeente, on=args.on)
    return plugin_failures(gemeente)
