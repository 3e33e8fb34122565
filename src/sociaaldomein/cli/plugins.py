"""List the installed plugins: name, version, hooks, the pilots they provide and their failures.

With --json, a list of objects, one per plugin:
{"name", "distribution", "version", "hooks": [...], "pilots": [...],
"changes": [{"pilot", "answer"}, ...], "failures": [{"call", "pilot", "error"}, ...]}.
"changes" lists the answers of other plugins' pilots that this plugin, as a
policy, changed (the provenance of those answers).  With --besluit FILE
(repeatable) every object also has "decisions": the decisions applied to its
pilots, in the order applied, each {"decision", "body", "date", "reference",
"source", "pilots", "changes"} (--legacy-keys: the 0.1 keys "besluiten",
"besluit", "orgaan", ..., deprecated).  A plugin that failed is
listed like every other, with its failure; the exit code is then 3.
"""

from __future__ import annotations

import argparse
from typing import Any

from sociaaldomein import Gemeente
from sociaaldomein.cli.common import OK, compose, plugin_failures, print_json
from sociaaldomein.cli.keys import add_legacy_keys, english, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _

__all__ = ["add_arguments", "decisions", "describe", "plugins_json", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein plugins",
    "sociaaldomein plugins --json",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--json``."""
    parser.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    parser.add_argument(
        "--besluit",
        action="append",
        default=[],
        metavar="FILE",
        help=_("apply the decisions in FILE (TOML) first (repeatable)"),
    )
    add_legacy_keys(parser)


def decisions(gemeente: Gemeente) -> list[dict[str, Any]]:
    """The decisions applied to the composition, in order, each with its provenance."""
    return [
        {
            "besluit": str(b),
            "orgaan": b.orgaan.name.lower(),
            "datum": b.datum.isoformat(),
            "kenmerk": b.kenmerk,
            "bron": str(b.bron),
            "pilots": list(b.pilots()),
            "wijzigingen": [c.describe() for c in b.wijzigingen],
        }
        for b in gemeente.besluiten
    ]


def _changes(gemeente: Gemeente) -> dict[str, list[dict[str, str]]]:
    """Per plugin, the answers of pilots it changed as a policy."""
    out: dict[str, list[dict[str, str]]] = {}
    compilation = gemeente.compile()
    for name, compiled in compilation.items():
        for answer, provenance in compiled.provenance.items():
            for ref in provenance.changed_by:
                out.setdefault(ref.name, []).append({"pilot": name, "answer": answer})
    return out


def describe(gemeente: Gemeente) -> list[dict[str, Any]]:
    """One object per registered plugin (the ``--json`` shape)."""
    changes = _changes(gemeente)
    applied = decisions(gemeente)
    listed: list[dict[str, Any]] = [
        {
            "name": info.ref.name,
            "distribution": info.ref.distribution,
            "version": info.ref.version,
            "hooks": list(info.hooks),
            "pilots": sorted(info.pilots),
            "changes": changes.get(info.ref.name, []),
            "failures": [
                {"call": f.call, "pilot": f.pilot, "error": f.error} for f in info.failures
            ],
        }
        for info in gemeente.plugins_info()
    ]
    if applied:
        for plugin in listed:
            plugin["besluiten"] = [d for d in applied if set(d["pilots"]) & set(plugin["pilots"])]
    return listed


def plugins_json(gemeente: Gemeente) -> list[dict[str, Any]]:
    """The ``plugins --json`` list, English keys: the HTTP service answers the same."""
    return list(english(describe(gemeente)))


def run(args: argparse.Namespace) -> int:
    """Print the plugins."""
    gemeente = compose(args)
    if getattr(args, "besluit", None):
        from sociaaldomein.policy.files import apply_file

        for path in args.besluit:
            apply_file(gemeente, path)
    plugins = describe(gemeente)
    if args.json:
        warn_legacy(args)
        print_json(keys_for(args, plugins))
        return plugin_failures(gemeente)
    if not plugins:
        print("no plugins installed (entry-point group 'sociaaldomein')")
        return OK
    for i, p in enumerate(plugins):
        if i:
            print()
        version = " ".join(str(v) for v in (p["distribution"], p["version"]) if v)
        print(f"{p['name']}" + (f" ({version})" if version else ""))
        print(f"  pilots: {', '.join(p['pilots']) or '(none)'}")
        print(f"  hooks:  {', '.join(p['hooks']) or '(none)'}")
        for c in p["changes"]:
            print(f"  changes: the {c['answer']} of pilot {c['pilot']!r}")
        for d in p.get("besluiten", []):
            print(f"  besluit: {d['besluit']} [{d['bron']}]: {'; '.join(d['wijzigingen'])}")
        for f in p["failures"]:
            about = f" for pilot {f['pilot']!r}" if f["pilot"] else ""
            print(f"  failed: in {f['call']}{about}: {f['error']}")
    return plugin_failures(gemeente)
