"""Generate, check and summarise cohort files: generate | validate | describe.

``generate`` draws a seeded synthetic cohort (the synthetic Groningen, or the
municipality of a cohort parameter file given with ``--params``) and writes
it as a cohort CSV file or Parquet (``--out FILE.csv|FILE.parquet``; Parquet
needs ``sociaaldomein[parquet]``, checked before anything is drawn).
``validate`` reads a cohort file (CSV, Parquet or a family file) cell by cell
and reports every problem on a line of its own, naming the file, the line or
row and the column (exit code 2).  ``describe`` summarises a cohort file, or
the cohort of ``--params``: its size, memory, and the shares per area, of
single parents, of youth care and per problem and need (``--json`` for data,
English keys; ``--legacy-keys``: the 0.1 key ``gemeente``, deprecated).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sociaaldomein.cli.common import OK, BadInputError, print_json
from sociaaldomein.cli.keys import add_legacy_keys, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _
from sociaaldomein.io import InputProblemsError

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein cohort generate --seed 1 --size 5000 --out cohort.csv",
    "sociaaldomein cohort validate cohort.csv",
    "sociaaldomein cohort describe --params cohort_westerkwartier.toml --json",
)
"""Command lines shown at the end of ``--help``."""

_KEYED_BY_NAME = ("areas", "problems", "needs", "facts", "params")
# Shares keyed by area, problem, need and fact, and the parameter file as it was read.


def _size(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 0 <= value <= 10**8:
        raise argparse.ArgumentTypeError(f"must be from 0 to 100,000,000, got {value}")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"must be from 0 to 2**63 - 1, got {value}")
    return value


def _generated(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--params",
        metavar="FILE",
        help=_("a cohort parameter file (.toml, .json); default: the synthetic Groningen"),
    )
    parser.add_argument(
        "--size",
        type=_size,
        metavar="N",
        help=_("the number of families (default: as many as the gemeente has)"),
    )
    parser.add_argument(
        "--seed", type=_seed, default=0, metavar="S", help=_("the seed (default 0)")
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``generate --out FILE | validate FILE | describe [FILE]``."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    generate = actions.add_parser("generate", help=_("write a seeded synthetic cohort"))
    _generated(generate)
    generate.add_argument(
        "--out", required=True, metavar="FILE", help=_("the cohort file to write (.csv, .parquet)")
    )
    generate.add_argument(
        "--columns",
        metavar="A,B",
        help=_("only these columns (id always); default: every column"),
    )
    generate.add_argument(
        "--overwrite", action="store_true", help=_("replace the file if it exists")
    )
    validate = actions.add_parser("validate", help=_("report every problem of a cohort file"))
    validate.add_argument(
        "file", metavar="FILE", help=_("the cohort file (.csv, .parquet, .json, .toml)")
    )
    validate.add_argument("--json", action="store_true", help=_("print the verdict as JSON"))
    describe = actions.add_parser("describe", help=_("summarise a cohort file or a parameter file"))
    describe.add_argument("file", metavar="FILE", nargs="?", help=_("the cohort file"))
    _generated(describe)
    describe.add_argument("--json", action="store_true", help=_("print the summary as JSON"))
    add_legacy_keys(describe)


def _params(args: argparse.Namespace) -> Any:
    from sociaaldomein.simulation import load_cohort_params

    return None if args.params is None else load_cohort_params(args.params)


def _feiten(args: argparse.Namespace) -> Any:
    # the installed plugins' declared facts and terms, as --plugin and --no-plugin choose
    from sociaaldomein.cli.common import compose

    return compose(args, compile=False).feiten


def _columns(text: str | None) -> list[str] | None:
    if text is None:
        return None
    from sociaaldomein.domain.cohort import SCHEMA

    names = [c.strip() for c in text.split(",") if c.strip() and c.strip() != "id"]
    for name in names:
        if name not in SCHEMA:
            raise BadInputError(f"--columns: unknown column {name!r}; known: {', '.join(SCHEMA)}")
    return names


def _generate(args: argparse.Namespace) -> int:
    from sociaaldomein.simulation import generate_cohort
    from sociaaldomein.simulation.cohorts import format_of_cohort, write_cohort
    from sociaaldomein.simulation.output import check_file, require_extra

    out = Path(args.out)
    # Everything that can be wrong is found before a family is drawn.
    if format_of_cohort(out) == "parquet":
        require_extra("--out", "parquet")
    check_file(out, overwrite=args.overwrite, option="--out")
    columns = _columns(args.columns)
    params = _params(args)
    feiten = _feiten(args)
    if params is not None:
        _check_facts(params, feiten, args.params)
    cohort = generate_cohort(args.size, seed=args.seed, params=params, columns=columns)
    write_cohort(cohort, out, feiten=feiten)
    where = f"gemeente {params.gemeente}" if params is not None else "the synthetic Groningen"
    print(f"wrote {len(cohort):,} families of {where} to {out}")
    return OK


def _check_facts(params: Any, feiten: Any, source: str) -> None:
    # A fact the file gives a share of is written only if a plugin declares it, as yes/no.
    from sociaaldomein.domain.feiten import FeitSoort
    from sociaaldomein.io import FileFormatError

    declared = feiten.declared()
    for name, _share in params.fact_shares:
        feit = declared.get(name)
        if feit is None:
            known = ", ".join(declared) or "none"
            problem = f"no installed plugin declares this fact (declared: {known})"
            raise FileFormatError(source, f"facts.{name}", problem)
        if feit.soort is not FeitSoort.BOOL:
            problem = f"has a share, so it is a yes/no fact; it is declared as {feit.soort.value}"
            raise FileFormatError(source, f"facts.{name}", problem)


def _validate(args: argparse.Namespace) -> int:
    from sociaaldomein.simulation.cohorts import cohort_problems

    problems = cohort_problems(args.file, feiten=_feiten(args))
    if problems:
        raise InputProblemsError(problems)
    if args.json:
        print_json({"file": args.file, "valid": True, "problems": []})
    else:
        print(f"{args.file}: a good cohort file")
    return OK


def _describe(args: argparse.Namespace) -> int:
    from sociaaldomein.simulation import generate_cohort, load_cohort
    from sociaaldomein.simulation.cohorts import describe_cohort

    if args.file is not None and args.params is not None:
        raise BadInputError("describe a cohort FILE or the cohort of --params, not both")
    params = _params(args)
    if args.file is not None:
        cohort = load_cohort(args.file, feiten=_feiten(args))
    else:
        from sociaaldomein.simulation import GRONINGEN

        params = GRONINGEN if params is None else params
        cohort = generate_cohort(args.size, seed=args.seed, params=params)
    summary = describe_cohort(cohort, params)
    if args.json:
        warn_legacy(args)
        print_json(keys_for(args, summary, keep=_KEYED_BY_NAME))
        return OK
    print(_text(summary, args.file or args.params or "the synthetic Groningen"))
    return OK


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _text(summary: dict[str, Any], name: str) -> str:
    lines = [
        f"{name}: {summary['families']:,} families, "
        f"{summary['bytes_per_family']} bytes a family in memory"
    ]
    if summary.get("invented"):
        lines.append(f"gemeente {summary['gemeente']} (invented figures)")
    for key, label in (
        ("single_parent_share", "one parent"),
        ("youth_care_share", "with youth care"),
    ):
        if key in summary:
            lines.append(f"{label}: {_percent(summary[key])}")
    if "mean_children" in summary:
        lines.append(f"children a family: {summary['mean_children']}")
    for key, label in (("areas", "areas"), ("problems", "problems"), ("needs", "needs (in care)")):
        shares = summary.get(key)
        if shares:
            lines.append(f"{label}:")
            lines += [f"  {area}: {_percent(share)}" for area, share in shares.items()]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Generate, validate or describe."""
    actions = {"generate": _generate, "validate": _validate, "describe": _describe}
    return actions[args.action](args)
