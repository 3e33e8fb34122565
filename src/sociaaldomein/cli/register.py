"""Run a pilot's register: record events, ask what they say, verify, erase, export, report.

The register is one database: a file path (an embedded SQLite register, the
default ./sociaaldomein-register.db or $SOCIAALDOMEIN_REGISTER) or a PostgreSQL
URL, given with --db.  Every action takes --json for tools (English keys;
--legacy-keys: the 0.1 keys niveau, termijn, datum, ..., deprecated).

  init                         create the register (or upgrade an older one)
  record EVENT_FILE            record the event(s) in a JSON file (- for standard input)
  state PILOT                  a summary of the pilot's state
  waitlist PILOT               the waitlist, first come first
  escalations PILOT            open escalations (--overdue: past their deadline)
  advices PILOT                advices per institution, and how many were followed
  budget PILOT                 planned, committed, spent and remaining per funding line
  vote PILOT                   the state of the partners' termination vote
  history FAMILY_KEY           everything that happened to one family, in order
  verify                       check the chain of hashes; exit 1 where it breaks
  erase FAMILY_KEY             erase a family's personal data (Jeugdwet 7.3.9)
  purge                        erase families unchanged for 20 years (Jeugdwet 7.3.8)
  export                       the pseudonymised research export (--key-file, --out)
  report PILOT                 the evaluation report at a moment of the plan

An event file holds one object or a list of them, each with "kind" (plaatsing,
mandaat_advies, ...), "pilot", "actor" ({"id", "rol"}), "datum" and the kind's
own fields; a list is recorded in one transaction.  A refused event prints one
line naming the field and the rule (exit code 2), and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pendulum

from sociaaldomein import i18n
from sociaaldomein.cli.common import BadInputError, compose, date_argument, print_json
from sociaaldomein.cli.keys import REGISTER_AS_WRITTEN, add_legacy_keys, keys_for, warn_legacy
from sociaaldomein.i18n import gettext as _

__all__ = ["add_arguments", "run"]

EXAMPLES: tuple[str, ...] = (
    "sociaaldomein register init --db register.db",
    "sociaaldomein register record events.json --db register.db",
    "sociaaldomein register escalations multiprobleem --overdue --json",
    "sociaaldomein register verify --db postgresql://localhost/register",
)
"""Command lines shown at the end of ``--help``."""

DEFAULT_DB: Final = "sociaaldomein-register.db"
ENV_DB: Final = "SOCIAALDOMEIN_REGISTER"
VERIFY_FAILED: Final = 1


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get(ENV_DB, DEFAULT_DB),
        help=str(
            i18n._(
                "the register: a file path or a postgresql:// URL (default: ${env} or {default})",
                env=ENV_DB,
                default=DEFAULT_DB,
            )
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    add_legacy_keys(parser)


def _on(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--on", type=date_argument, metavar="DATE", help=_("the day (default today)")
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``ACTION ...``: one sub-parser per action, each with ``--db`` and ``--json``."""
    actions = parser.add_subparsers(dest="action", metavar="ACTION", title=_("actions"))
    actions.required = True

    def action(name: str, help: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help, description=help)
        _common(sub)
        return sub

    action("init", _("create the register, or upgrade an older one"))
    record = action("record", _("record the event(s) in a JSON file, in one transaction"))
    record.add_argument("file", metavar="EVENT_FILE", help=_("a .json file, or - for stdin"))
    for name, help in (
        ("state", _("a summary of the pilot's state")),
        ("waitlist", _("the waitlist, first come first")),
        ("advices", _("advices per institution, and how many were followed")),
        ("budget", _("planned, committed, spent and remaining per funding line")),
        ("vote", _("the state of the partners' termination vote")),
    ):
        sub = action(name, help)
        sub.add_argument("pilot", metavar="PILOT")
        _on(sub)
    escalations = action("escalations", _("open escalations of the pilot"))
    escalations.add_argument("pilot", metavar="PILOT")
    escalations.add_argument("--overdue", action="store_true", help=_("only those past deadline"))
    _on(escalations)
    history = action("history", _("everything that happened to one family, in order"))
    history.add_argument("gezin", metavar="FAMILY_KEY")
    action("verify", _("check the chain of hashes"))
    erase = action("erase", _("erase a family's personal data, leaving a tombstone"))
    erase.add_argument("gezin", metavar="FAMILY_KEY")
    erase.add_argument("--actor", required=True, metavar="ID", help=_("who erases (pseudonymous)"))
    _on(erase)
    purge = action("purge", _("erase every family unchanged for 20 years"))
    purge.add_argument("--actor", required=True, metavar="ID", help=_("who purges (pseudonymous)"))
    _on(purge)
    export = action("export", _("the pseudonymised research export"))
    export.add_argument("--key-file", required=True, metavar="PATH", help=_("the HMAC key"))
    export.add_argument("--out", required=True, metavar="FOLDER", help=_("where the CSVs go"))
    export.add_argument("--threshold", type=int, default=10, help=_("suppress counts below this"))
    report = action("report", _("the evaluation report at a moment of the plan"))
    report.add_argument("pilot", metavar="PILOT")
    report.add_argument(
        "--moment", metavar="NAME", help=_("the plan's moment (default: the first)")
    )
    report.add_argument("--format", choices=["md", "html"], default="md")
    report.add_argument("--out", metavar="FILE", help=_("write the report here (default stdout)"))


def _today(args: argparse.Namespace) -> pendulum.Date:
    on: pendulum.Date | None = getattr(args, "on", None)
    return on if on is not None else pendulum.today().date()


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    from sqlalchemy.exc import SQLAlchemyError

    from sociaaldomein.register import Register, RegisterError

    try:
        return Register.open(args.db, gemeente=compose(args), create=create)
    except RegisterError as exc:
        raise BadInputError(str(exc)) from None
    except SQLAlchemyError as exc:
        first = str(exc).strip().splitlines()[0]
        raise BadInputError(
            i18n._("{db}: cannot open the register: {problem}", db=str(args.db), problem=first)
        ) from None


def run(args: argparse.Namespace) -> int:
    """Do the action; exit code 0, 2 for bad input or a refused event, 1 for a broken chain."""
    try:
        import sqlalchemy  # noqa: F401
    except ImportError:
        raise BadInputError(
            i18n._(
                'the register needs SQLAlchemy and Alembic: pip install "sociaaldomein[register]"'
            )
        ) from None
    from sociaaldomein.register import RegisterError

    handler = _ACTIONS[args.action]
    register = _open(args, create=args.action == "init")
    try:
        return handler(register, args)
    except RegisterError as exc:
        raise BadInputError(str(exc)) from None
    finally:
        register.close()


def _emit(args: argparse.Namespace, data: Any, text: str) -> int:
    if args.json:
        warn_legacy(args)
        print_json(keys_for(args, data, keep=REGISTER_AS_WRITTEN))
    else:
        print(text)
    return 0


def _plain(value: Any) -> Any:
    from sociaaldomein.io.converters import json_converter

    return json_converter.unstructure(value)


def _init(register: Any, args: argparse.Namespace) -> int:
    result = register.verify()
    data = {"db": str(args.db), "engine": register.dialect, "events": result.events}
    return _emit(
        args,
        data,
        i18n._(
            "register ready at {db} ({engine}), {events} events",
            db=str(args.db),
            engine=register.dialect,
            events=result.events,
        ),
    )


def _read_events(source: str) -> list[Any]:
    from sociaaldomein.io import FileFormatError
    from sociaaldomein.io.converters import structure
    from sociaaldomein.register.events import EVENT_KINDS

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise BadInputError(
            i18n._("{source}: cannot read: {problem}", source=source, problem=exc.strerror)
        ) from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise FileFormatError(source, "", i18n._("not JSON: {problem}", problem=str(exc))) from None
    items = data if isinstance(data, list) else [data]
    out = []
    for i, item in enumerate(items):
        where = f"[{i}]" if isinstance(data, list) else ""
        if not isinstance(item, dict):
            raise FileFormatError(source, where, i18n._("an event is a JSON object"))
        kind = item.get("kind")
        if kind not in EVENT_KINDS:
            known = ", ".join(sorted(EVENT_KINDS))
            raise FileFormatError(
                source,
                f"{where}.kind".lstrip("."),
                i18n._("{kind} is not a kind; kinds: {known}", kind=repr(kind), known=known),
            )
        fields = {k: v for k, v in item.items() if k != "kind"}
        out.append(structure(fields, EVENT_KINDS[kind], source=source, field=where))
    return out


def _record(register: Any, args: argparse.Namespace) -> int:
    recorded = register.record_many(_read_events(args.file))
    data = [
        {
            "seq": r.seq,
            "kind": r.event.KIND,
            "hash": r.hash,
            "bron": None if r.bron is None else str(r.bron),
        }
        for r in recorded
    ]
    lines = [
        str(
            i18n._("recorded {seq} {kind}", seq=r.seq, kind=r.event.KIND)
            if r.bron is None
            else i18n._("recorded {seq} {kind} [{bron}]", seq=r.seq, kind=r.event.KIND, bron=r.bron)
        )
        for r in recorded
    ]
    return _emit(args, data, "\n".join(lines))


def _state(register: Any, args: argparse.Namespace) -> int:
    on = _today(args)
    state = register.state(args.pilot)
    data = {
        "pilot": args.pilot,
        "on": on.isoformat(),
        "events": sum(state.counts.values()),
        "in_pilot": state.in_pilot(on),
        "designated": len(state.aanwijzingen),
        "waitlist": state.waitlist(on),
        "open_escalations": len(state.open_escalations(on)),
        "overdue_escalations": len(state.overdue_escalations(on)),
        "awb_overdue": [
            {"zaak": zaak, "step": step, "due": due.isoformat()}
            for zaak, step, due in state.awb_overdue(on)
        ],
        "ghp_committed": _plain(state.ghp_committed()),
        "ghp_spent": _plain(state.ghp_spent()),
        "counts": dict(sorted(state.counts.items())),
    }
    text = "\n".join(
        [
            i18n._(
                "{pilot} on {on}: {events} events",
                pilot=args.pilot,
                on=on.isoformat(),
                events=data["events"],
            ).render(),
            i18n._(
                "in the pilot: {in_pilot} families; designated: {designated}",
                in_pilot=len(data["in_pilot"]),
                designated=data["designated"],
            ).render(),
            i18n._(
                "waitlist: {waiting}; escalations open: {open}, overdue: {overdue}",
                waiting=len(data["waitlist"]),
                open=data["open_escalations"],
                overdue=data["overdue_escalations"],
            ).render(),
            i18n._(
                "GHP-bound budget committed {committed}, spent {spent}",
                committed=str(state.ghp_committed()),
                spent=str(state.ghp_spent()),
            ).render(),
            i18n._(
                "Awb cases past a statutory term: {cases}", cases=len(data["awb_overdue"])
            ).render(),
        ]
    )
    return _emit(args, data, text)


def _waitlist(register: Any, args: argparse.Namespace) -> int:
    waiting = register.waitlist(args.pilot, _today(args))
    text = "\n".join(f"{i}. {g}" for i, g in enumerate(waiting, 1)) or _("nobody is waiting")
    return _emit(args, waiting, text)


def _escalations(register: Any, args: argparse.Namespace) -> int:
    on = _today(args)
    if args.overdue:
        overdue = register.overdue_escalations(args.pilot, on)
        data = [_plain(o) for o in overdue]
        lines = [
            i18n._(
                "{ref}: level {niveau}, held by {houders}, due {termijn}",
                ref=o.ref,
                niveau=o.niveau,
                houders=", ".join(o.houders),
                termijn=str(o.termijn),
            ).render()
            for o in overdue
        ]
        return _emit(args, data, "\n".join(lines) or _("no escalation is overdue"))
    open_ = register.escalations(args.pilot, on)
    data = []
    for e in open_:
        niveau, houders, termijn = e.level_on(on) or (e.niveau, e.houders, e.termijn)
        data.append(
            {
                "ref": e.ref,
                "partner": e.partner,
                "niveau": niveau,
                "houders": list(houders),
                "termijn": termijn.isoformat() if termijn else None,
                "overdue": e.is_overdue(on),
            }
        )
    lines = []
    for e in data:
        level = i18n._(
            "{ref}: level {niveau}, held by {houders}, due {termijn}",
            ref=e["ref"],
            niveau=e["niveau"],
            houders=", ".join(e["houders"]),
            termijn=str(e["termijn"]),
        )
        lines.append(str(i18n._("{level} (overdue)", level=level) if e["overdue"] else level))
    return _emit(args, data, "\n".join(lines) or _("no escalation is open"))


def _advices(register: Any, args: argparse.Namespace) -> int:
    tally = register.advices(args.pilot)
    lines = [
        i18n._(
            "{instelling}: {adviezen} advices, {opgevolgd} followed ({besluiten} decided), "
            "{afwijking} deviations in law, {geweigerd} refused, {onbeantwoord} open",
            instelling=t.instelling,
            adviezen=t.adviezen,
            opgevolgd=t.opgevolgd,
            besluiten=t.besluiten,
            afwijking=t.afwijking,
            geweigerd=t.geweigerd,
            onbeantwoord=t.onbeantwoord,
        ).render()
        for t in tally
    ]
    return _emit(args, [_plain(t) for t in tally], "\n".join(lines) or _("no advices"))


def _budget(register: Any, args: argparse.Namespace) -> int:
    lines = register.budget(args.pilot)
    data = [{**_plain(b), "remaining": _plain(b.remaining)} for b in lines]
    text = "\n".join(
        i18n._(
            "{regel}: plan {plan}, committed {committed}, spent {spent}, remaining {remaining}",
            regel=b.omschrijving,
            plan=str(b.plan),
            committed=str(b.committed),
            spent=str(b.spent),
            remaining=str(b.remaining),
        ).render()
        for b in lines
    )
    return _emit(args, data, text or _("no funding lines"))


def _vote(register: Any, args: argparse.Namespace) -> int:
    besluit = register.vote(args.pilot, _today(args))
    data = {
        "ended": besluit.ended,
        "counted": [v.partner for v in besluit.geldige_verzoeken],
        "reason": besluit.reden,
    }
    return _emit(args, data, besluit.reden)


def _history(register: Any, args: argparse.Namespace) -> int:
    found = register.history(args.gezin)
    data = [
        {
            "seq": r.seq,
            "datum": r.event.datum.isoformat(),
            "kind": r.event.KIND,
            "event": _plain(r.event),
        }
        for r in found
    ]
    lines = [f"{r.seq} {r.event.datum.isoformat()} {r.event.KIND}" for r in found]
    return _emit(args, data, "\n".join(lines) or _("nothing recorded for this family"))


def _verify(register: Any, args: argparse.Namespace) -> int:
    result = register.verify()
    data = {
        "ok": result.ok,
        "events": result.events,
        "head": result.head,
        "problems": list(result.problems),
    }
    _emit(args, data, result.render())
    return 0 if result.ok else VERIFY_FAILED


def _actor(args: argparse.Namespace) -> Any:
    from sociaaldomein.register import Actor, Rol

    return Actor(args.actor, Rol.FUNCTIONARIS_GEGEVENSBESCHERMING)


def _erase(register: Any, args: argparse.Namespace) -> int:
    done = register.erase(args.gezin, actor=_actor(args), datum=_today(args))
    erased = sum(len(r.event.events) for r in done)
    data = {"erased_events": erased, "tombstones": [r.seq for r in done]}
    return _emit(
        args,
        data,
        i18n._(
            "erased the personal data of {erased} events; tombstone(s) {tombstones}",
            erased=erased,
            tombstones=str(data["tombstones"]),
        ),
    )


def _purge(register: Any, args: argparse.Namespace) -> int:
    done = register.purge(_today(args), actor=_actor(args))
    erased = sum(len(r.event.events) for r in done)
    data = {"erased_events": erased, "tombstones": [r.seq for r in done]}
    return _emit(args, data, i18n._("purged the personal data of {erased} events", erased=erased))


def _export(register: Any, args: argparse.Namespace) -> int:
    try:
        key = Path(args.key_file).read_bytes().strip()
    except OSError as exc:
        raise BadInputError(
            i18n._(
                "{file}: cannot read the key: {problem}",
                file=str(args.key_file),
                problem=exc.strerror,
            )
        ) from None
    export = register.export(key, threshold=args.threshold)
    events_csv, counts_csv = export.write(Path(args.out))
    data = {"events": str(events_csv), "counts": str(counts_csv), "rows": len(export.events)}
    return _emit(
        args,
        data,
        i18n._(
            "wrote {events} ({rows} rows) and {counts}",
            events=str(events_csv),
            rows=len(export.events),
            counts=str(counts_csv),
        ),
    )


def _report(register: Any, args: argparse.Namespace) -> int:
    from sociaaldomein.register.report import evaluation_report

    report = evaluation_report(register, args.pilot, args.moment)
    text = report.html() if args.format == "html" else report.markdown()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        return _emit(args, {"out": args.out, "summary": report.summary()}, report.summary())
    if args.json:
        return _emit(args, {"summary": report.summary(), args.format: text}, text)
    print(text)
    return 0


_ACTIONS: Final[dict[str, Callable[[Any, argparse.Namespace], int]]] = {
    "init": _init,
    "record": _record,
    "state": _state,
    "waitlist": _waitlist,
    "escalations": _escalations,
    "advices": _advices,
    "budget": _budget,
    "vote": _vote,
    "history": _history,
    "verify": _verify,
    "erase": _erase,
    "purge": _purge,
    "export": _export,
    "report": _report,
}
