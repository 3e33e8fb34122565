"""A pilot page as MyST Markdown, rendered from the objects a plugin gives the composition.

Nothing on a pilot page is typed into the documentation: the title, the
letter, the looptijd, the capacity, the staffing, the eligibility rule and
routes, the funding, the mandate, the escalation ladder, the termination
rules and the evaluation plan all come from a :class:`~sociaaldomein.Gemeente`
that loaded the installed plugin through its entry point.  Every statement
cites the section of the letter it rests on, as the plugin's objects do.

This module needs only ``sociaaldomein``; :mod:`pilotpages` puts it into
Sphinx as the ``{pilot}`` directive.  :func:`compose` builds the composition,
:func:`render_plugin` the page of one plugin.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import attrs
import pendulum

from sociaaldomein import (
    Citation,
    Evaluatiemoment,
    FundingRow,
    Gemeente,
    MomentSoort,
    PartnerOpzegging,
    Pilot,
    PilotEindregel,
    PluginLoadError,
    Reading,
    Rule,
    TrajectEindregel,
    UitstroomAlsRegel,
    readings_of,
)
from sociaaldomein.composition.discovery import LoadedPlugin
from sociaaldomein.i18n import label

__all__ = [
    "BUILT_IN_PLUGINS",
    "Composition",
    "Page",
    "compose",
    "md",
    "render_plugin",
]

BUILT_IN_PLUGINS = ("gezinsverzorger", "samen", "multiprobleem", "hoogkerk")
"""The entry-point names of the four Groningen pilots, the allow-list of the pilot pages."""

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#&$~^])")
_LIST_START = re.compile(r"^(\d+)([.)])|^([-+])")


def md(value: object) -> str:
    """``value`` as one line of Markdown text that shows exactly as written.

    Markup characters are escaped, so a rule text or a name from a plugin can
    never turn into a link, emphasis, a table cell border or a directive.
    """
    text = _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))
    return _LIST_START.sub(lambda m: f"{m[1] or ''}\\{m[2] or m[3]}", text)


def _cite(source: str) -> str:
    return f" *{md(f'[{source}]')}*" if source else ""


def _date(day: pendulum.Date | None) -> str:
    return "" if day is None else day.isoformat()


def _termijn(termijn: pendulum.Duration | None) -> str:
    if termijn is None:
        return "no deadline"
    if not (termijn.years or termijn.months or termijn.total_seconds()):
        return "at once (the same day)"
    return f"within {termijn.in_words(locale='en')}"


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    """A GFM table; every cell is escaped."""
    lines = ["| " + " | ".join(md(h) for h in header) + " |"]
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _describe(rule: Rule, indent: str = "") -> list[str]:
    """``rule.describe()``, escaped line by line, indented to nest under ``indent``."""
    out = []
    for line in rule.describe().splitlines():
        stripped = line.lstrip(" ")
        depth = line[: len(line) - len(stripped)]
        body = stripped.removeprefix("- ")
        out.append(f"{indent}{depth}- {md(body)}")
    return out


def _rule_sources(rule: Rule) -> Iterator[Citation]:
    if rule.source is not None:
        yield rule.source
    for child in rule.children():
        yield from _rule_sources(child)


def _name(rule: object) -> str:
    """What a person calls a rule ("End of looptijd"), not its class name; a rule class
    without a ``label`` is shown by its class name."""
    label = str(getattr(type(rule), "label", "") or "")
    return label[:1].upper() + label[1:] if label else type(rule).__name__


def _summary(obj: object) -> str:
    """The first line of the docstring of ``obj``'s class: what a rule of that kind does."""
    doc = type(obj).__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else type(obj).__name__


@dataclass
class Composition:
    """The composition the pages are rendered from, and what happened to each plugin."""

    gemeente: Gemeente
    loaded: dict[str, LoadedPlugin] = field(default_factory=dict)
    pilots_of: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def compose(names: Sequence[str], gemeente: str = "Groningen") -> Composition:
    """A composition of the installed plugins registered under ``names`` (an allow-list).

    A plugin that is not installed is simply absent; one that fails to load is
    recorded in ``failed`` with its error.  Which pilots each plugin provides is
    found by loading it alone into a composition of its own.
    """
    composition = Composition(Gemeente(gemeente))
    for name in names:
        solo = Gemeente(gemeente)
        try:
            found = solo.load_entry_points(allow=[name], strict=True)
            pilots = list(solo.pilots)
        except PluginLoadError as exc:
            composition.failed[name] = str(exc)
            continue
        except Exception as exc:  # a plugin error, reported on its page
            composition.failed[name] = f"{type(exc).__name__}: {exc}"
            continue
        if found:
            composition.pilots_of[name] = pilots
    ok = [n for n in names if n in composition.pilots_of]
    for item in composition.gemeente.load_entry_points(allow=ok, strict=True):
        composition.loaded[item.name] = item
    return composition


@dataclass
class Page:
    """A rendered page: its MyST text, and the problems met while rendering it."""

    text: str
    problems: list[str] = field(default_factory=list)


def render_plugin(composition: Composition, name: str, on: pendulum.Date | None = None) -> Page:
    """The page of the plugin registered under entry-point name ``name``.

    Statuses are shown as of ``on``; by default the day the page is built, and
    the page says which.
    """
    if name in composition.failed:
        error = composition.failed[name]
        text = [
            f"# Pilot plugin {md(name)}",
            "",
            f"The plugin `{name}` is installed but could not be loaded, so this page "
            "cannot show its pilots:",
            "",
            f"> {md(error)}",
        ]
        return Page("\n".join(text), [f"pilot plugin {name!r} could not be loaded: {error}"])
    if name not in composition.pilots_of:
        text = [
            f"# Pilot plugin {md(name)}",
            "",
            f"The plugin `{name}` is not installed where these pages were built, so "
            "this page cannot show its pilots. Install its distribution (`nox -s docs` "
            "installs every plugin under `plugins/`) and build the pages again.",
        ]
        return Page("\n".join(text))
    pilots = composition.pilots_of[name]
    loaded = composition.loaded[name]
    page = Page("")
    lines: list[str] = []
    level = 1 if len(pilots) == 1 else 2
    if level == 2:
        lines += [f"# Pilots of the plugin {md(name)}", ""]
    as_of = _AsOf(on or pendulum.today().date(), on is None)
    for naam in pilots:
        lines += _PilotPage(
            composition.gemeente, naam, loaded, level, page.problems, as_of
        ).render()
    page.text = "\n".join(lines)
    return page


@dataclass(frozen=True)
class _AsOf:
    """The day statuses are shown for, and whether it is the build date."""

    day: pendulum.Date
    build_date: bool

    def __str__(self) -> str:
        kind = "the day these pages were built" if self.build_date else "a fixed date"
        return f"{self.day.isoformat()} ({kind})"


def _definition(plugin: object, naam: str) -> object:
    """The definition of pilot ``naam`` among those ``plugin`` gives, else the plugin itself."""
    pilots = getattr(plugin, "sociaaldomein_pilots", None)
    if callable(pilots):
        for definition in pilots():
            pilot = getattr(definition, "pilot", None)
            if isinstance(pilot, Pilot) and pilot.naam == naam:
                return definition
    return plugin


class _PilotPage:
    """The sections of one pilot's page; every section cites its sources as it goes."""

    def __init__(
        self,
        gemeente: Gemeente,
        naam: str,
        loaded: LoadedPlugin,
        level: int,
        problems: list[str],
        as_of: _AsOf,
    ) -> None:
        self.gemeente = gemeente
        self.naam = naam
        self.pilot: Pilot = gemeente.pilot(naam)
        self.loaded = loaded
        self.h = "#" * level
        self.problems = problems
        self.as_of = as_of
        self.cited: list[Citation] = []
        self._readings: tuple[Reading, ...] | None = None

    @property
    def readings(self) -> tuple[Reading, ...]:
        """The plugin's readings of its letter (none when it gives none)."""
        if self._readings is None:
            self._readings = readings_of(_definition(self.loaded.plugin, self.naam))
        return self._readings

    def _note(self, source: Citation | None) -> str:
        """Record ``source`` for the list at the end; the citation to put after a statement."""
        if source is not None and source not in self.cited:
            self.cited.append(source)
        return _cite(self._short(source))

    def _short(self, source: Citation | str | None) -> str:
        """A source of the pilot's own letter by its section alone; any other in full."""
        if source is None:
            return ""
        brief = self.pilot.brief
        text = str(source)
        if brief is not None and text.startswith(f"{brief.file}, "):
            return text.removeprefix(f"{brief.file}, ")
        return text

    def _rule(self, rule: Rule, indent: str = "") -> list[str]:
        for source in _rule_sources(rule):
            self._note(source)
        return _describe(rule, indent)

    def render(self) -> list[str]:
        pilot = self.pilot
        lines = [f"({_label(pilot.naam)})=", f"{self.h} {md(pilot.titel)}", ""]
        if pilot.omschrijving:
            lines += [md(pilot.omschrijving), ""]
        dist = self.loaded.distribution or "an unnamed distribution"
        lines += [
            f"*Rendered when these pages were built from the plugin `{self.loaded.name}` "
            f"({md(dist)} {md(self.loaded.version or '')}): every rule, figure and source "
            "below comes from the plugin's own objects.*",
            "",
        ]
        sections: list[tuple[str, Callable[[], list[str]]]] = [
            ("The letter", self._letter),
            ("Looptijd", self._looptijd),
            ("Capacity and staffing", self._staffing),
            ("Who the pilot is for", self._eligibility),
            ("Facts and terms it declares", self._declared),
            ("Routes", self._routes),
            ("Funding", self._funding),
            ("Mandate", self._mandate),
            ("Escalation ladder", self._escalation),
            ("Termination", self._termination),
            ("Evaluation", self._evaluation),
            ("Readings", self._readings_table),
            ("Who answered", self._provenance),
        ]
        compilation = self.gemeente.compile()
        if self.naam in compilation and compilation[self.naam].besluiten:
            sections.append(("Decisions applied", self._decisions))
        failed = compilation.failed.get(self.naam)
        if failed is not None:
            # Only what the Pilot value itself says can be shown; every answer failed with it.
            problem = f"pilot {self.naam!r}: {failed.failure.message()}"
            self.problems.append(problem)
            lines += [f"*This pilot could not be assessed: {md(problem)}*", ""]
            sections = sections[:3]
        for title, section in sections:
            lines += [f"{self.h}# {title}", ""]
            try:
                lines += section()
            except Exception as exc:  # a plugin error: shown here and reported
                problem = f"pilot {self.naam!r}, section {title!r}: {type(exc).__name__}: {exc}"
                self.problems.append(problem)
                lines += [f"*This section could not be rendered: {md(problem)}*", ""]
        lines += [f"{self.h}# Sections of the letter cited on this page", ""]
        lines += self._sources()
        return lines

    # sections ------------------------------------------------------------

    def _letter(self) -> list[str]:
        pilot = self.pilot
        brief = pilot.brief
        lines = [
            f"- **Name in code:** `{pilot.naam}`",
            f"- **Municipality:** {md(pilot.gemeente)}",
            f"- **Status on {md(str(self.as_of))}:** {md(pilot.status_on(self.as_of.day).value)}, "
            "derived from the looptijd",
        ]
        if brief is not None:
            lines.append(
                f"- **Status the letter records** (as of {brief.date.format('D-M-YYYY')}): "
                f"{md(pilot.status.value)}"
            )
        if brief is None:
            lines.append("- **Letter:** the plugin names no letter for this pilot.")
        else:
            lines += [
                f"- **Letter:** {md(brief.subject)}",
                f"- **Date and reference:** {brief.date.format('D-M-YYYY')}, "
                f"{md(brief.reference or 'no reference')}",
                f"- **File:** `{brief.file}`",
            ]
            note = (
                "Sources in brackets name a section of this letter; a source in another "
                "document names its file too. The rule texts quote each source in full."
            )
            return [*lines, "", note, ""]
        return [*lines, ""]

    def _looptijd(self) -> list[str]:
        looptijd = self.pilot.looptijd
        lines = [
            f"From {_date(looptijd.start)} up to, not including, {_date(looptijd.eind)} "
            f"({looptijd.periode.months()} months).",
            "",
        ]
        assumed = [r for r in self.readings if r.assumption and r.parameter in ("start", "end")]
        for r in assumed:
            what = "start" if r.parameter == "start" else "end"
            lines += [
                f"*The {what} is the library's assumption, not the letter's* (parameter "
                f"`{r.parameter}`, see Readings): {md(r.reading)}{self._note(r.citation)}",
                "",
            ]
        if not looptijd.verlengingen:
            return [*lines, "The looptijd has not been extended.", ""]
        lines += [f"As first decided it ran until {_date(looptijd.oorspronkelijk_eind)}.", ""]
        rows = [
            (_date(v.nieuw_eind), v.reden, _date(v.besloten_op), self._short(v.bron))
            for v in looptijd.verlengingen
        ]
        for v in looptijd.verlengingen:
            self._note(v.bron)
        return lines + _table(("Extended to", "Reason", "Decided on", "Source"), rows)

    def _staffing(self) -> list[str]:
        pilot = self.pilot
        if pilot.capaciteit is None:
            lines = [f"**Capacity:** no cap on the number of families.{self._note(None)}"]
        else:
            lines = [
                f"**Capacity:** at most {pilot.capaciteit} families at once."
                f"{self._note(pilot.capaciteit_bron)}"
            ]
        lines.append("")
        if pilot.bemensing:
            rows = [
                (
                    p.naam,
                    p.rol.value,
                    p.fte,
                    p.werkgever.naam,
                    p.opleidingsniveau.value if p.opleidingsniveau else "",
                    p.kosten.format_nl() if p.kosten is not None else "",
                    "" if p.caseload is None else p.caseload,
                )
                for p in pilot.bemensing
            ]
            header = ("Who", "Role", "fte", "Employer", "Level", "Cost", "Caseload")
            lines += [f"**Staffing:** {pilot.fte()} fte in all.", ""]
            lines += _table(header, rows)
        else:
            lines += ["**Staffing:** the plugin names no staff.", ""]
        if pilot.partners:
            lines += ["**Partners:**", ""]
            lines += [
                f"- {md(p.naam)}" + (f" ({md(p.soort)})" if p.soort else "") for p in pilot.partners
            ]
            lines.append("")
        return lines

    def _eligibility(self) -> list[str]:
        rule = self.gemeente.compiled(self.naam).eligibility
        return [
            "A family is eligible when it meets this rule, as the composition evaluates it "
            "for one family and for a whole cohort alike:",
            "",
            *self._rule(rule),
            "",
        ]

    def _declared(self) -> list[str]:
        """The facts and vocabulary terms the plugin declares, each with its source."""
        feiten = self.gemeente.feiten
        owner = self.loaded.name
        facts = [f for n, f in feiten.declared().items() if feiten.owners.get(n) == owner]
        terms = [t for c, t in feiten.termen.items() if feiten.owners.get(c) == owner]
        if not facts and not terms:
            return ["The pilot reads only the library's own facts.", ""]
        lines = ["| Name | Kind | What it is | Valid for |", "|---|---|---|---|"]
        for f in facts:
            kind = f.soort.value
            if f.bereik is not None:
                kind = f"a whole number from {f.bereik[0]} to {f.bereik[1]}"
            if f.keuzes:
                kind += ": " + ", ".join(f.keuzes)
            valid = "-" if f.geldig_dagen is None else f"{f.geldig_dagen} days"
            lines.append(
                f"| `{f.naam}` | {md(kind)} | {md(f.omschrijving)}{self._note(f.bron)} | {valid} |"
            )
        for t in terms:
            lines.append(
                f"| `{t.code}` | a term of {t.vocabulary} | {md(t.label)}{self._note(t.bron)} | - |"
            )
        return [*lines, ""]

    def _routes(self) -> list[str]:
        routes = self.gemeente.compiled(self.naam).routes
        if not routes:
            return [
                "No routes: every eligible family is placed, or waitlisted when the pilot is full.",
                "",
            ]
        lines = [
            "An eligible family is routed by the first route whose rule holds; a family "
            "no route catches is placed in the pilot, or waitlisted when it is full.",
            "",
        ]
        for i, route in enumerate(routes, start=1):
            lines.append(
                f"{i}. **{md(route.outcome.value)}**, to {md(route.to)}: {md(route.reason)}"
                f"{self._note(route.source)}"
            )
            lines += ["", "   when:", ""]
            lines += self._rule(route.when, indent="   ")
            lines.append("")
        return lines

    def _funding(self) -> list[str]:
        spread = set()
        for regel in self.gemeente.funding(pilots=[self.naam]):
            self._note(regel.bron)
            if len(regel.years()) > 1:
                spread.add((regel.financier, regel.model, regel.omschrijving))
        overview = self.gemeente.funding_overview(pilots=[self.naam])
        if not overview.rows:
            return ["The plugin gives no funding lines.", "", *self._costs()]

        def derived(row: FundingRow) -> str:
            if row.afgeleid:
                return "yes"
            return "share by days" if (row.financier, row.model, row.omschrijving) in spread else ""

        rows = [
            (
                r.jaar,
                r.financier,
                label(r.model, "en"),
                r.omschrijving,
                r.bedrag.format_nl(),
                derived(r),
                self._short(r.bron),
            )
            for r in overview.rows
        ]
        header = ("Year", "Funder", "Model", "What", "Amount", "Derived", "Source")
        lines = [
            "Every funding line, split by calendar year. *Derived* marks a figure that is "
            "arithmetic on the letter rather than written in it; *share by days* marks a "
            "year's share of a line that the letter gives for a period spanning years, "
            "spread over those years by days, to the cent.",
            "",
            *_table(header, rows),
        ]
        totals: list[tuple[object, str]] = [
            (year, amount.format_nl()) for year, amount in overview.per_year().items()
        ]
        totals.append(("all years", overview.total().format_nl()))
        lines += _table(("Year", "Total"), totals)
        models = dict.fromkeys(r.model for r in overview.rows)
        lines += ["Funding models:", ""]
        lines += [f"- **{md(label(m, 'en'))}**: {md(m.description)}" for m in models]
        return [*lines, "", *self._costs()]

    def _costs(self) -> list[str]:
        kosten = self.gemeente.compiled(self.naam).cost_model
        if kosten is None:
            return [
                "The plugin gives no cost model: a simulation assumes a generic cost per "
                "family a month unless the analyst's design says otherwise.",
                "",
            ]
        herkomst = {
            "letter": "from the letter",
            "derived": "*derived* from the letter",
            "illustrative": "*illustrative*: the letter gives no amounts",
        }[kosten.herkomst]
        return [
            f"How the pilot spends its money, the cost model a simulation charges unless the "
            f"analyst's design says otherwise ({herkomst}):{self._note(kosten.bron)}",
            "",
            f"- fixed, a month: {md(kosten.vast_per_maand.format_nl())}",
            f"- for a family in care, a month: {md(kosten.per_gezin_per_maand.format_nl())}",
            f"- once, for an admitted family: {md(kosten.per_instroom.format_nl())}",
            "",
        ]

    def _mandate(self) -> list[str]:
        mandaat = self.gemeente.compiled(self.naam).mandate
        if mandaat is None:
            return ["The pilot has no functional mandate.", ""]
        self._note(mandaat.bron)
        for regel in mandaat.regels:
            self._note(regel.bron)
        for afspraak in mandaat.samenwerkingsafspraken:
            self._note(afspraak.bron)
        who = (
            "for the selected families only"
            if mandaat.alleen_geselecteerde_gezinnen
            else "for every family of the pilot"
        )
        lines = [
            f"The coach's advice binds the institution on the decisions listed, {who}; "
            "institutions with a cooperation agreement only keep their own decision."
            f"{self._note(mandaat.bron)}",
            "",
        ]
        rows = [
            (
                r.leefgebied,
                r.instelling,
                "; ".join(r.besluiten),
                "mandate" if r.mandaat else "cooperation agreement only",
            )
            for r in mandaat.table()
        ]
        header = ("Leefgebied", "Institution", "Decisions or actions", "Kind")
        return lines + _table(header, rows)

    def _escalation(self) -> list[str]:
        ladder = self.gemeente.compiled(self.naam).escalation
        if ladder is None:
            return ["The pilot has no escalation ladder.", ""]
        lines = [
            "A disagreement goes up level by level; each level has a deadline to act "
            f"(come to agreement, or go up).{self._note(ladder.bron)}",
            "",
        ]
        rows = [
            (t.niveau, t.naam, "; ".join(t.houders), _termijn(t.termijn)) for t in ladder.treden
        ]
        lines += _table(("Level", "Name", "Held by", "Deadline"), rows)
        described = [t for t in ladder.treden if t.omschrijving or t.bron]
        if described:
            lines += ["What happens at each level:", ""]
            lines += [
                f"- **{t.niveau}**: {md(t.omschrijving)}{self._note(t.bron)}" for t in described
            ]
            lines.append("")
        if ladder.uitzonderingen:
            lines += ["Exceptions, where the ladder does not apply:", ""]
            lines += [f"- {md(u)}" for u in ladder.uitzonderingen]
            lines.append("")
        return lines

    def _termination(self) -> list[str]:
        pilot_rules = termination_rules(self.gemeente, self.naam)
        lines = ["**The pilot ends:**", ""]
        if not pilot_rules:
            lines += ["- no plugin gives a termination rule for the pilot", ""]
        for rule in pilot_rules:
            lines.append(f"- **{md(_name(rule))}**: {md(_summary(rule))}")
            detail = self._pilot_rule_detail(rule)
            if detail:
                lines[-1] += f" {detail}"
            lines[-1] += self._note(rule.source)
        lines += ["", "**A family's trajectory ends:**", ""]
        trajectory = trajectory_rules(self.gemeente, self.naam)
        if not trajectory:
            lines += ["- no plugin gives a rule that ends a family's trajectory", ""]
        for traject in trajectory:
            if isinstance(traject, UitstroomAlsRegel):
                lines.append(
                    f"- **{md(traject.name)}**, to {md(traject.to)}, when:"
                    f"{self._note(traject.source)}"
                )
                lines += self._rule(traject.when, indent="  ")
            else:
                lines.append(
                    f"- **{md(_name(traject))}**: {md(_summary(traject))}"
                    f"{self._note(traject.source)}"
                )
        return [*lines, ""]

    def _pilot_rule_detail(self, rule: PilotEindregel) -> str:
        if isinstance(rule, PartnerOpzegging):
            r = rule.regeling
            how = "in writing" if r.schriftelijk else "in any form"
            settle = "; the consequences are settled first" if r.regeling_gevolgen_vereist else ""
            partners = ", ".join(r.partners)
            return md(
                f"Here: at least {r.minimum} of the {len(r.partners)} partners ({partners}) "
                f"ask, {how}{settle}."
            )
        if type(rule).__name__ == "EindeLooptijd":
            return md(f"Here: {self.pilot.looptijd.eind.isoformat()}.")
        kind = type(rule)
        fields = [f for f in attrs.fields(kind) if f.name != "source"] if attrs.has(kind) else []
        shown = ", ".join(f"{f.name}={getattr(rule, f.name)!s}" for f in fields)
        return md(f"({shown})") if shown else ""

    def _evaluation(self) -> list[str]:
        plan = self.gemeente.compiled(self.naam).evaluation_plan
        if plan is None:
            return ["The pilot has no evaluation plan.", ""]
        looptijd = self.pilot.looptijd
        lines = []
        if plan.omschrijving:
            lines += [md(plan.omschrijving), ""]
        lines += [
            "The moments, with their dates for the looptijd above"
            f"{' as extended' if looptijd.is_extended else ''}:{self._note(plan.bron)}",
            "",
        ]
        original = {id(m): day for day, m in plan.schedule(looptijd.oorspronkelijke_periode)}
        rows = []
        for day, moment in plan.schedule(looptijd.periode):
            self._note(moment.bron)
            row: list[object] = [moment.naam, _when(moment), _date(day)]
            if looptijd.is_extended:
                row.append(_date(original[id(moment)]))
            rows.append([*row, moment.omschrijving, self._short(moment.bron)])
        header = ["Moment", "When", "Date"]
        if looptijd.is_extended:
            header.append("Date for the original looptijd")
        lines += _table([*header, "What", "Source"], rows)
        if plan.indicatoren:
            for i in plan.indicatoren:
                self._note(i.bron)
            rows_i = [
                (i.naam, i.omschrijving, i.eenheid, self._short(i.bron)) for i in plan.indicatoren
            ]
            lines += ["Indicators:", ""]
            lines += _table(("Indicator", "What it measures", "Unit", "Source"), rows_i)
        else:
            lines += ["The plan names no indicators.", ""]
        return lines

    def _readings_table(self) -> list[str]:
        readings = self.readings
        if not readings:
            return ["The plugin lists no readings of its letter.", ""]
        lines = [
            "How the plugin reads its letter: the letter's words, the reading, and the "
            "parameter of the plugin that chooses another reading, with its default (the plain "
            "reading). *Assumption* marks a reading that supplies what the letter does not say: "
            "the library's, not the letter's.",
            "",
        ]
        rows = []
        for r in readings:
            self._note(r.citation)
            reading = f"Assumption: {r.reading}" if r.assumption else r.reading
            rows.append(
                (
                    f'"{r.quote}"',
                    self._short(r.citation),
                    reading,
                    r.parameter or "none (fixed)",
                    r.default or "",
                )
            )
        header = ("The letter's words", "Source", "Reading", "Parameter", "Default")
        return lines + _table(header, rows)

    def _provenance(self) -> list[str]:
        compiled = self.gemeente.compiled(self.naam)
        rows = [
            (
                md(aspect.replace("_", " ")),
                md(str(p.given_by)),
                md(", then ".join(str(c) for c in p.changed_by) or "none"),
            )
            for aspect, p in compiled.provenance.items()
        ]
        intro = [
            "Each answer of the pilot, the plugin that gave it and the policies of "
            "this composition that changed it, in the order they were applied.",
            "",
        ]
        return intro + _table(("answer", "given by", "changed by"), rows)

    def _decisions(self) -> list[str]:
        """The decisions applied to the pilot, in order, and its dated versions."""
        compiled = self.gemeente.compiled(self.naam)
        decided = [
            (md(str(b)), md(str(b.bron)), md("; ".join(c.describe() for c in b.wijzigingen)))
            for b in compiled.besluiten
        ]
        versions = [
            (str(v.nummer), md(v.geldigheid.render()), md(v.render().partition(": ")[2]))
            for v in compiled.versions
        ]
        out = ["The decisions applied to the pilot, in the order they were applied.", ""]
        out += _table(("decision", "source", "changes"), decided)
        if versions:
            out += ["", "Its versions, each in force for its own dates.", ""]
            out += _table(("version", "in force", "from"), versions)
        return out

    def _sources(self) -> list[str]:
        if not self.cited:
            return ["None.", ""]
        quotes: dict[tuple[str, str], list[str]] = {}
        for source in sorted(self.cited, key=_in_letter_order):
            found = quotes.setdefault((source.letter, source.section), [])
            if source.quote and source.quote not in found:
                found.append(source.quote)
        lines = []
        for (letter, section), said in quotes.items():
            lines.append(f"- `{letter}`, {md(section)}")
            lines += [f'  - "{md(quote)}"' for quote in said]
        return [*lines, ""]


def _when(m: Evaluatiemoment) -> str:
    if m.soort is MomentSoort.HALVERWEGE:
        return "halfway through the looptijd"
    if m.soort is MomentSoort.VOOR_EINDE:
        offset = m.voor_einde
        words = "3 months" if offset is None else offset.in_words(locale="en")
        return f"{words} before the end"
    return "on a fixed date"


def _in_letter_order(source: Citation) -> tuple[str, int, str]:
    """Sort key: by letter, then by section number where the heading has one."""
    number = re.match(r"\d+", source.section)
    return (source.letter, int(number[0]) if number else 10**6, source.section)


def _label(naam: str) -> str:
    return f"pilot-{naam}"


def termination_rules(gemeente: Gemeente, naam: str) -> Sequence[PilotEindregel]:
    """The rules that end pilot ``naam``, as the composition collects them from every plugin."""
    return gemeente.compiled(naam).pilot_termination


def trajectory_rules(gemeente: Gemeente, naam: str) -> Sequence[TrajectEindregel]:
    """The rules that end a family's trajectory in pilot ``naam``, from every plugin."""
    return gemeente.compiled(naam).trajectory_termination
