"""List the installed plugins: name, version, hooks and the pilots they provide.

With --json, a list of objects, one per plugin:
{"name", "distribution", "version", "hooks": [...], "pilots": [...]}.
"""

from __future__ import annotations

import argparse
from typing import Any

from sociaaldomein import Gemeente
from sociaaldomein.cli.common import OK, compose, print_json

__all__ = ["add_arguments", "describe", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--json``."""
    parser.add_argument("--json", action="store_true", help="print JSON for tools")


def describe(gemeente: Gemeente) -> list[dict[str, Any]]:
    """One object per plugin loaded from an entry point (the ``--json`` shape)."""
    return [
        {
            "name": loaded.name,
            "distribution": loaded.distribution,
            "version": loaded.version,
            "hooks": gemeente.hooks_of(loaded.name),
            "pilots": sorted(Gemeente(plugins=[loaded.plugin]).pilots),
        }
        for loaded in gemeente.loaded
    ]


def run(args: argparse.Namespace) -> int:
    """Print the plugins."""
    plugins = describe(compose(args))
    if args.json:
        print_json(plugins)
        return OK
    if not plugins:
        print("no plugins installed (entry-point group 'sociaaldomein')")
        return OK
    for i, p in enumerate(plugins):
        if i:
            print()
        version = " ".join(str(v) for v in (p["distribution"], p["version"]) if v)
        print(f"{p['name']}" + (f" ({version})" if version else ""))
        print(f"  pilots: {', '.join(p['pilots']) or '(none)'}")
        print(f"  hooks:  {', '.join(p['hooks'])}")
    return OK
