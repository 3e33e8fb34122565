"""Write a new pilot plugin: a distribution that passes ruff, mypy --strict and its tests as is.

sociaaldomein new-plugin NAME [--dir DIR] [--gemeente NAME]

Writes DIR/sociaaldomein-NAME/ (DIR: the current folder): a pyproject.toml
with the entry point and its own ruff, mypy and pytest settings, a letter stub
in the package's letters/ folder, the pilot as a PilotPlugin citing the
letter's sections, and tests: sociaaldomein.testing's conformance suite and one
test per statement of the letter.  NAME is the pilot's short name (lowercase
letters, digits and hyphens, starting with a letter).  An existing folder is
never written into.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import string
import tempfile
from collections.abc import Iterator, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

import pendulum

from sociaaldomein import __version__
from sociaaldomein.cli.common import OK, BadInputError
from sociaaldomein.i18n import gettext as _

__all__ = ["EXAMPLES", "add_arguments", "run", "write_plugin"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein new-plugin vroegsignalering",
    "sociaaldomein new-plugin buurtgezinnen --dir plugins --gemeente Voorbeeldstad",
)
"""Command lines shown at the end of ``--help``."""

_NAME: Final = re.compile(r"^[a-z][a-z0-9-]{0,62}$")
"""A pilot's short name, as :class:`~sociaaldomein.Pilot` requires it."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``NAME [--dir DIR] [--gemeente NAME]``."""
    parser.add_argument(
        "name", metavar="NAME", help=_("the pilot's short name, such as buurtgezinnen")
    )
    parser.add_argument(
        "--dir",
        default=".",
        metavar="DIR",
        help=_("the folder to write sociaaldomein-NAME/ in (default: the current folder)"),
    )
    parser.add_argument(
        "--gemeente",
        default="Voorbeeldstad",
        metavar="NAME",
        help=_("the municipality of the pilot (default: Voorbeeldstad)"),
    )


def _values(name: str, gemeente: str) -> dict[str, str]:
    package = "sociaaldomein_" + name.replace("-", "_")
    words = re.split(r"[-_]", name)
    today = pendulum.today().date()
    start = pendulum.date(today.year + 1, 1, 1)
    end = start.add(years=2)
    on = start.add(months=6)
    return {
        "name": name,
        "package": package,
        "distribution": f"sociaaldomein-{name}",
        "cls": "".join(w.capitalize() for w in words if w) + "Pilot",
        "gemeente": gemeente,
        "title": f"Pilot {name.replace('-', ' ')}",
        "letter_file": f"{name}-letter.txt",
        "library_version": __version__,
        "today": today.format("DD-MM-YYYY"),
        "today_args": f"{today.year}, {today.month}, {today.day}",
        "start": start.format("D MMMM YYYY", locale="nl"),
        "end": end.format("D MMMM YYYY", locale="nl"),
        "start_args": f"{start.year}, {start.month}, {start.day}",
        "end_args": f"{end.year}, {end.month}, {end.day}",
        "on_args": f"{on.year}, {on.month}, {on.day}",
    }


def _templates() -> Traversable:
    return resources.files("sociaaldomein.templates") / "plugin"


def _walk(folder: Traversable, at: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.is_dir():
            yield from _walk(item, (*at, item.name))
        elif item.name.endswith(".tmpl"):
            yield (*at, item.name.removesuffix(".tmpl")), item.read_text(encoding="utf-8")


def _target(parts: tuple[str, ...], values: Mapping[str, str]) -> Path:
    """Where a template goes: ``src/package`` is the package, letters and tests get names."""
    named = list(parts)
    if named[:2] == ["src", "package"]:
        named[1] = values["package"]
    if named[-1] == "letter.txt":
        named[-1] = values["letter_file"]
    if named[0] == "tests":
        short = values["package"].removeprefix("sociaaldomein_")
        named[-1] = named[-1].replace("test_", f"test_{short}_", 1)
    return Path(*named)


def write_plugin(name: str, where: str | os.PathLike[str] = ".", *, gemeente: str) -> Path:
    """Write the distribution of pilot ``name`` into ``where``; returns its folder.

    The files are written in a temporary folder next to it and moved into place
    whole; a folder that exists already is refused (:class:`BadInputError`).
    """
    if not _NAME.match(name):
        raise BadInputError(
            _(
                "NAME: {name!r} is not a pilot name: use lowercase letters, digits and hyphens, "
                "starting with a letter (such as buurtgezinnen)"
            ).format(name=name)
        )
    if not gemeente.strip() or any(c in gemeente for c in '"\\\n\r$'):
        raise BadInputError(_("--gemeente: give the municipality's name, such as Voorbeeldstad"))
    values = _values(name, gemeente.strip())
    parent = Path(where)
    destination = parent / values["distribution"]
    if os.path.lexists(destination):
        raise BadInputError(
            _("--dir: {path} exists already; choose another --dir or NAME").format(path=destination)
        )
    if not parent.is_dir():
        raise BadInputError(_("--dir: {path} is not a folder").format(path=parent))
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", dir=parent))
    except OSError as exc:
        raise BadInputError(
            _("--dir: cannot write in {path}: {reason}").format(path=parent, reason=exc.strerror)
        ) from None
    try:
        for parts, text in _walk(_templates()):
            target = staging / _target(parts, values)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(string.Template(text).substitute(values), encoding="utf-8")
        os.rename(staging, destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return destination


def run(args: argparse.Namespace) -> int:
    """Write the plugin and say what to do next."""
    folder = write_plugin(args.name, args.dir, gemeente=args.gemeente)
    print(_("wrote {path}/").format(path=folder))
    print(_("next: replace the letter stub and the pilot's rules with what the letter says, then"))
    print(f"  cd {folder}")
    print('  python -m pip install -e ".[test]"')
    print("  ruff check . && ruff format --check . && mypy && pytest")
    return OK
