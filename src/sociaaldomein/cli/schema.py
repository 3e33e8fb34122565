"""Print the JSON Schema of a file format: family, scenario, advice, decisions, cases ...

Editors that understand JSON Schema complete and check a file against it;
the library itself stays the authority (see the documentation below: files).
"""

from __future__ import annotations

import argparse

from sociaaldomein.cli.common import OK, compose, print_json
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import SCHEMAS
from sociaaldomein.io.schema import cases_schema, family_schema

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein schema family > family.schema.json",
    "sociaaldomein schema scenario",
    "sociaaldomein schema decisions > besluiten.schema.json",
)
"""Command lines shown at the end of ``--help``."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``family | scenario | advice``."""
    parser.add_argument("format", choices=sorted(SCHEMAS), help=_("the file format"))


def run(args: argparse.Namespace) -> int:
    """Print the schema (a family's with the installed plugins' declared facts and terms)."""
    if args.format == "family":
        print_json(family_schema(compose(args, compile=False).feiten))
        return OK
    if args.format == "cases":  # an inline family, with the plugins' facts and terms
        print_json(cases_schema(compose(args, compile=False).feiten))
        return OK
    print_json(SCHEMAS[args.format]())
    return OK
