"""Cases a policy officer writes: a family, a date, and what each pilot should decide.

A case file is TOML, named ``*.cases.toml`` (the suffix is what
``sociaaldomein test`` and the pytest plugin look for, so no other TOML file is
taken for one).  TOML, not YAML: every file of the library is TOML or JSON,
TOML is read by the standard library, writes dates as dates
(``date = 2022-07-01``) and has no implicit types (``no`` stays text).

.. code-block:: toml

    pilots = ["gezinsverzorger"]            # installed plugins, or tables with params
    besluiten = ["capaciteit-15.toml"]      # decisions in force, for every case (optional)

    [[cases]]
    name = "a parent with chronic problems: the gezinsverzorger"
    date = 2022-01-15
    gezin = { file = "families.toml", id = "gv-1" }   # or an inline [cases.gezin] table
    expect = { gezinsverzorger = "eligible" }          # an outcome, by name or value
    reasons.gezinsverzorger = [{ letter = "000_6fd8bb18cab06410.txt", section = "Kosten pilot" }]
    occupancy = { gezinsverzorger = 10 }               # families in the pilot now (optional)

Paths are relative to the case file.  A case passes when every pilot named in
``expect`` decides that outcome and every citation in ``reasons`` is among the
verdict's reasons: the parts of the explanation that decided (what passed for
a family taken, what failed for one refused), the route taken and the notes.
"""

from __future__ import annotations

import datetime
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from sociaaldomein.domain.citation import Citation
from sociaaldomein.domain.gezin import Gezin
from sociaaldomein.domain.verdict import Outcome, Verdict
from sociaaldomein.errors import InvalidValueError
from sociaaldomein.policy.files import Fields

if TYPE_CHECKING:
    from sociaaldomein.domain.feitenregister import Feitenregister

__all__ = [
    "CASE_FIELDS",
    "FILE_FIELDS",
    "SUFFIX",
    "Case",
    "CaseFile",
    "CaseResult",
    "cases_schema",
    "find_case_files",
    "load_cases",
    "reasons",
    "run_files",
    "summary_line",
]

SUFFIX = ".cases.toml"
"""The file name ending of a case file."""

# The fields of each table of a case file: the kind of value and whether it is
# required.  The reader allows exactly these fields and :func:`cases_schema` is
# written from them.
FILE_FIELDS: Final[Fields] = {
    "description": ("text", False),
    "pilots": ("pilots", True),
    "besluiten": ("files", False),
    "cases": ("cases", True),
}
CASE_FIELDS: Final[Fields] = {
    "name": ("text", False),
    "date": ("date", True),
    "gezin": ("gezin", True),
    "expect": ("outcomes", True),
    "reasons": ("reasons", False),
    "occupancy": ("counts", False),
}
FAMILY_FILE_FIELDS: Final[Fields] = {"file": ("text", True), "id": ("text", False)}
PILOT_FIELDS: Final[Fields] = {"plugin": ("text", True), "params": ("params", False)}
REASON_FIELDS: Final[Fields] = {"letter": ("text", True), "section": ("text", True)}


@attrs.frozen
class Case:
    """One case: a family on a date, the outcome expected per pilot, and reasons."""

    name: str
    field: str
    """Where the case is in its file (``cases[2]``)."""
    gezin: Gezin
    date: pendulum.Date
    expect: Mapping[str, Outcome]
    reasons: Mapping[str, tuple[Citation, ...]] = attrs.field(factory=dict)
    occupancy: Mapping[str, int] = attrs.field(factory=dict)
    line: int | None = None
    file: str = ""


@attrs.frozen(eq=False)
class CaseFile:
    """A case file read: its composition (with the decisions in force) and its cases."""

    path: Path
    gemeente: Any
    cases: tuple[Case, ...]


@attrs.frozen
class CaseResult:
    """What a case found: passed or not, the problems, and the verdicts."""

    case: Case
    problems: tuple[str, ...]
    verdicts: Mapping[str, Verdict]

    @property
    def passed(self) -> bool:
        """Whether the pilots decided as expected."""
        return not self.problems

    def report(self) -> str:
        """Expected and actual for every problem, then each verdict's explanation."""
        where = f"{self.case.file}, line {self.case.line}" if self.case.line else self.case.file
        lines = [f"{where}: case {self.case.name!r} on {self.case.date.isoformat()}:"]
        lines += [f"  {p}" for p in self.problems]
        for name in self.case.expect:
            verdict = self.verdicts.get(name)
            if verdict is not None:
                lines += ["", *verdict.render().splitlines()]
        return "\n".join(lines)


class _ProblemError(Exception):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(problem)
        self.field, self.problem = field, problem


def _outcome(value: object, field: str) -> Outcome:
    if isinstance(value, str):
        for outcome in Outcome:
            if value.strip().casefold() in (outcome.name.casefold(), outcome.value.casefold()):
                return outcome
    names = ", ".join(o.name.lower() for o in Outcome)
    raise _ProblemError(field, f"unknown outcome {value!r}; use one of {names}")


def _table(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _ProblemError(field, f"must be a table, got {type(value).__name__}")
    return value


def _only(table: Mapping[str, Any], field: str, allowed: Sequence[str]) -> None:
    for key in table:
        if key not in allowed:
            where = f"{field}.{key}" if field else key
            raise _ProblemError(where, f"unknown field; allowed: {', '.join(allowed)}")


def _date(value: object, field: str) -> pendulum.Date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise _ProblemError(field, f"must be a date such as 2022-07-01, got {value!r}")
    return pendulum.date(value.year, value.month, value.day)


def _relative(base: Path, value: object, field: str) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise _ProblemError(field, f"must be a file name, got {value!r}")
    path = base / value
    if not path.is_file():
        raise _ProblemError(field, f"no such file: {value}")
    return path


def _gezin(value: object, field: str, base: Path, families: dict[Path, tuple[Gezin, ...]]) -> Gezin:
    from sociaaldomein.io.errors import FileFormatError
    from sociaaldomein.io.family import gezinnen_from_data, read_gezinnen

    table = _table(value, field)
    if "file" in table:
        _only(table, field, tuple(FAMILY_FILE_FIELDS))
        path = _relative(base, table["file"], f"{field}.file")
        if path not in families:
            families[path] = read_gezinnen(path)
        wanted = table.get("id")
        found = families[path]
        if wanted is None and len(found) == 1:
            return found[0]
        for gezin in found:
            if gezin.id == wanted:
                return gezin
        ids = ", ".join(g.id for g in found)
        raise _ProblemError(f"{field}.id", f"no family {wanted!r} in {table['file']}; it has {ids}")
    try:
        return gezinnen_from_data({"gezin": dict(table)}, format="toml")[0]
    except FileFormatError as exc:
        tail = exc.field.removeprefix("gezin")
        raise _ProblemError(field + tail, exc.problem) from None


def _citations(value: object, field: str) -> tuple[Citation, ...]:
    if not isinstance(value, list):
        raise _ProblemError(field, "must list citations: [{ letter = ..., section = ... }]")
    out = []
    for i, item in enumerate(value):
        table = _table(item, f"{field}[{i}]")
        _only(table, f"{field}[{i}]", tuple(REASON_FIELDS))
        letter, section = table.get("letter"), table.get("section")
        if not isinstance(letter, str) or not isinstance(section, str) or not letter or not section:
            raise _ProblemError(f"{field}[{i}]", "a citation has a letter and a section, as text")
        out.append(Citation(letter, section))
    return tuple(out)


def _case(
    value: object,
    field: str,
    base: Path,
    families: dict[Path, tuple[Gezin, ...]],
    known: Iterable[str],
) -> Case:
    table = _table(value, field)
    _only(table, field, tuple(CASE_FIELDS))
    name = table.get("name", field)
    if not isinstance(name, str) or not name.strip():
        raise _ProblemError(f"{field}.name", f"must be text, got {name!r}")
    if "gezin" not in table:
        raise _ProblemError(f"{field}.gezin", "is required: a family inline or { file, id }")
    if "date" not in table:
        raise _ProblemError(f"{field}.date", "is required")
    pilots = set(known)
    expect = _table(table.get("expect", {}), f"{field}.expect")
    if not expect:
        raise _ProblemError(f"{field}.expect", "must name at least one pilot and its outcome")
    outcomes = {}
    for pilot, outcome in expect.items():
        if pilot not in pilots:
            raise _ProblemError(
                f"{field}.expect.{pilot}",
                f"unknown pilot; the file's pilots are {', '.join(sorted(pilots))}",
            )
        outcomes[pilot] = _outcome(outcome, f"{field}.expect.{pilot}")
    reasons_table = _table(table.get("reasons", {}), f"{field}.reasons")
    cited = {p: _citations(v, f"{field}.reasons.{p}") for p, v in reasons_table.items()}
    occupancy: dict[str, int] = {}
    for pilot, n in _table(table.get("occupancy", {}), f"{field}.occupancy").items():
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise _ProblemError(
                f"{field}.occupancy.{pilot}", f"must be a whole number >= 0, got {n!r}"
            )
        occupancy[pilot] = n
    return Case(
        name,
        field,
        _gezin(table["gezin"], f"{field}.gezin", base, families),
        _date(table["date"], f"{field}.date"),
        outcomes,
        cited,
        occupancy,
    )


def _composition(pilots: object, path: Path) -> Any:
    from importlib.metadata import entry_points

    from sociaaldomein.composition.gemeente import Gemeente
    from sociaaldomein.hookspecs import PROJECT_NAME
    from sociaaldomein.io.errors import FileFormatError
    from sociaaldomein.io.scenario import plugin_arguments

    if not isinstance(pilots, list) or not pilots:
        raise _ProblemError("pilots", "must list the installed plugins the cases use")
    gemeente = Gemeente("Groningen")
    for i, item in enumerate(pilots):
        field = f"pilots[{i}]"
        choice = {"plugin": item} if isinstance(item, str) else _table(item, field)
        _only(choice, field, tuple(PILOT_FIELDS))
        name = choice.get("plugin")
        found = list(entry_points(group=PROJECT_NAME, name=str(name)))
        if not isinstance(name, str) or not found:
            raise _ProblemError(
                f"{field}.plugin" if not isinstance(item, str) else field,
                f"no installed plugin named {name!r}",
            )
        factory = found[0].load()
        params = _table(choice.get("params", {}), f"{field}.params")
        try:
            arguments = plugin_arguments(factory, params, source=path, field=f"{field}.params")
            plugin = factory(**arguments) if isinstance(factory, type) else factory
        except FileFormatError as exc:
            raise _ProblemError(exc.field, exc.problem) from None
        except InvalidValueError as exc:
            raise _ProblemError(f"{field}.params", str(exc)) from None
        gemeente.register(plugin, name)
    return gemeente


def load_cases(path: str | os.PathLike[str]) -> CaseFile:
    """Read a case file; a problem is a :class:`~sociaaldomein.io.errors.FileFormatError`
    naming the file, the line and the field."""
    from sociaaldomein.io.documents import load_document, located
    from sociaaldomein.io.errors import FileFormatError
    from sociaaldomein.policy.files import apply_file

    source = Path(path)
    data, _ = load_document(source, ("toml",))
    base = source.parent
    try:
        table = _table(data, "")
        _only(table, "", tuple(FILE_FIELDS))
        gemeente = _composition(table.get("pilots"), source)
        decisions = table.get("besluiten", [])
        if not isinstance(decisions, list):
            raise _ProblemError("besluiten", "must list decision files")
        for i, name in enumerate(decisions):
            decision_file = _relative(base, name, f"besluiten[{i}]")
            try:
                apply_file(gemeente, decision_file)
            except FileFormatError as exc:
                raise _ProblemError(f"besluiten[{i}]", exc.message()) from None
        items = table.get("cases")
        if not isinstance(items, list) or not items:
            raise _ProblemError("cases", "must list at least one case ([[cases]])")
        families: dict[Path, tuple[Gezin, ...]] = {}
        known = tuple(gemeente.pilots)
        cases = []
        for i, item in enumerate(items):
            try:
                cases.append(_case(item, f"cases[{i}]", base, families, known))
            except InvalidValueError as exc:
                raise _ProblemError(f"cases[{i}]", str(exc)) from None
    except _ProblemError as problem:
        raise located(source, [(problem.field, problem.problem)])[0] from None
    lines = located(source, [(c.field, "") for c in cases])
    cases = [
        attrs.evolve(c, line=e.line, file=str(source)) for c, e in zip(cases, lines, strict=True)
    ]
    return CaseFile(source, gemeente, tuple(cases))


def reasons(verdict: Verdict) -> frozenset[Citation]:
    """The citations a verdict rests on (without quotes): what decided it.

    For a family the pilot takes (or waitlists, refers, routes) the parts of
    the eligibility rule that passed and the route taken; for one it refuses,
    the parts that failed; and the sources of the verdict's notes.
    """
    found: set[Citation] = set()
    taken = verdict.outcome is not Outcome.NOT_ELIGIBLE
    if verdict.outcome not in (Outcome.CLOSED, Outcome.FAILED):
        for node in verdict.eligibility.walk():
            if node.source is not None and node.passed == taken:
                found.add(node.source)
    if verdict.route is not None:
        found |= {n.source for n in verdict.route.walk() if n.source is not None and n.passed}
    found |= {n.source for n in verdict.notes if n.source is not None}
    return frozenset(Citation(c.letter, c.section) for c in found)


def run_case(gemeente: Any, case: Case) -> CaseResult:
    """Assess the case's family on its date and compare with what it expects."""
    assessment = gemeente.assess(
        case.gezin, case.date, occupancy=case.occupancy, pilots=list(case.expect)
    )
    verdicts = {v.pilot: v for v in assessment}
    problems = []
    for pilot, expected in case.expect.items():
        actual = verdicts[pilot].outcome
        if actual is not expected:
            problems.append(f"{pilot}: expected {expected.value!r}, got {actual.value!r}")
    for pilot, cited in case.reasons.items():
        if pilot not in verdicts:
            verdicts[pilot] = gemeente.assess(case.gezin, case.date, pilots=[pilot])[pilot]
        have = reasons(verdicts[pilot])
        for citation in cited:
            if citation not in have:
                problems.append(
                    f"{pilot}: expected a reason citing {citation}, not among the verdict's "
                    f"reasons ({'; '.join(sorted(str(c) for c in have)) or 'none'})"
                )
    return CaseResult(case, tuple(problems), verdicts)


def find_case_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The case files among ``paths``: files as given, folders searched for ``*.cases.toml``."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out += sorted(p for p in path.rglob(f"*{SUFFIX}") if p.is_file())
        else:
            out.append(path)
    return out


def run_files(paths: Sequence[Path]) -> tuple[list[CaseResult], float]:
    """Run every case of every file; the results and the seconds it took.

    A file that cannot be read raises its :class:`~sociaaldomein.io.errors.FileFormatError`.
    """
    started = time.perf_counter()
    files = [load_cases(p) for p in paths]
    results = [run_case(f.gemeente, c) for f in files for c in f.cases]
    return results, time.perf_counter() - started


def summary_line(results: Sequence[CaseResult], seconds: float) -> str:
    """``1 failed, 3 passed in 0.12s``, as pytest closes a run."""
    failed = sum(not r.passed for r in results)
    counts = ((failed, "failed"), (len(results) - failed, "passed"))
    parts = [f"{n} {word}" for n, word in counts if n] or ["no cases ran"]
    return f"{', '.join(parts)} in {seconds:.2f}s"


def cases_schema(feiten: Feitenregister | None = None) -> dict[str, Any]:
    """The JSON Schema of a case file, written from the fields the reader allows.

    An inline family is described as in a family file (``feiten``: the
    composition's :class:`~sociaaldomein.Feitenregister`, the core's without
    it).  The reader stays the authority: whether a pilot is installed, a
    family file holds the id, or a plugin accepts the params is checked when
    the file is read.
    """
    from sociaaldomein.io.schema import DIALECT, type_schema
    from sociaaldomein.policy.files import table_schema, value_kinds

    defs: dict[str, dict[str, Any]] = {}
    kinds = value_kinds(defs)
    outcomes = sorted({o.name.lower() for o in Outcome} | {o.value for o in Outcome})
    family_file = table_schema(FAMILY_FILE_FIELDS, kinds, "a family of a family file")
    kinds |= {
        "files": {"type": "array", "items": kinds["text"], "description": "relative paths"},
        "params": {"type": "object", "description": "the plugin's parameters"},
        "gezin": {"anyOf": [family_file, type_schema(Gezin, defs, feiten)]},
        "outcomes": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"enum": outcomes},
            "description": "per pilot the outcome expected (any case of the letters)",
        },
        "reasons": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": table_schema(REASON_FIELDS, kinds, "a citation"),
            },
        },
        "counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
    }
    kinds["pilots"] = {
        "type": "array",
        "minItems": 1,
        "items": {"anyOf": [kinds["text"], table_schema(PILOT_FIELDS, kinds, "a plugin")]},
    }
    kinds["cases"] = {
        "type": "array",
        "minItems": 1,
        "items": table_schema(CASE_FIELDS, kinds, "a case"),
    }
    return {
        "$schema": DIALECT,
        "description": "Cases a policy officer writes: a family, a date, the outcome per pilot.",
        **table_schema(FILE_FIELDS, kinds, "sociaaldomein case file"),
        "$defs": dict(sorted(defs.items())),
    }
