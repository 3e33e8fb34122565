"""The evaluation report of a pilot at a moment of its plan, from the register's events.

For an evaluation moment of the compiled pilot's plan (the multiprobleem
doorstart's "evaluatie Intraval", halfway through, is its tussenevaluatie) the
report gives, on the moment's date: intake against capacity and the total,
the waitlist, the trajectories ended and why (JZ588 codes), the advices per
institution and how many were followed, the escalations and whether each level
was left by its deadline, the money against the plan, and the plan's
indicators with their last measurement.  Markdown for reading and for the
docs, HTML with plots (matplotlib, the ``plot`` extra, imported only here)
for sharing.  Given a simulation's figures for the same design
(``simulated``), the report puts them beside the register's.
"""

from __future__ import annotations

import base64
import datetime
import html
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import pendulum

from sociaaldomein.domain.budget import monthly_plan
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.periode import Periode
from sociaaldomein.i18n import Bericht, Language, _, as_language, current_language, render_value
from sociaaldomein.i18n.dates import long_date
from sociaaldomein.register.errors import RegisterError
from sociaaldomein.register.queries import AdviesTelling, BudgetLijn, advices, budget

if TYPE_CHECKING:
    from sociaaldomein.register.store import Register

__all__ = ["EvaluationReport", "evaluation_report"]

Row = tuple[str, ...]


@attrs.frozen
class EvaluationReport:
    """The figures of one evaluation moment; :meth:`markdown`, :meth:`html`, :meth:`summary`."""

    pilot: str
    titel: str
    moment: str
    datum: pendulum.Date
    bron: str
    figures: dict[str, int]
    capacity: int | None
    max_total: int | None
    waitlist: tuple[str, ...]
    ended: dict[str, int]
    advices: tuple[AdviesTelling, ...]
    escalations_on_time: tuple[int, int]
    budget: tuple[tuple[BudgetLijn, Money], ...]
    """Each line with the part of its plan due by the report's date: the months begun by then."""
    indicators: tuple[tuple[str, str, str | None, str | None], ...]
    """(indicator, unit, last value, its date)."""
    simulated: Mapping[str, object] = attrs.field(factory=dict)

    def summary(self, language: str | None = None) -> str:
        """Three lines for the demo's output and the CLI, in ``language`` (default: the current)."""
        lang = _language(language)
        f = self.figures
        on_time, levels = self.escalations_on_time
        followed = sum(a.opgevolgd for a in self.advices)
        given = sum(a.adviezen for a in self.advices)
        ghp = next((b for b, _due in self.budget if "GHP" in b.omschrijving), None)
        money = (
            _(
                "; GHP-bound budget committed {committed} of {plan}",
                committed=ghp.committed,
                plan=ghp.plan,
            ).render(lang)
            if ghp
            else ""
        )
        lines = [
            _(
                "{title}: {moment} on {date}", title=self.titel, moment=self.moment, date=self.datum
            ).render(lang),
            _(
                "{designated} families designated, {placed} placed, {in_pilot} in the pilot, "
                "{waiting} waiting, {ended} trajectories ended",
                designated=f["designated"],
                placed=f["placed"],
                in_pilot=f["in_pilot"],
                waiting=len(self.waitlist),
                ended=sum(self.ended.values()),
            ).render(lang),
            _(
                "{followed} of {given} advices followed, "
                "{on_time} of {levels} escalation levels on time{money}",
                followed=followed,
                given=given,
                on_time=on_time,
                levels=levels,
                money=money,
            ).render(lang),
        ]
        if self.simulated:
            shown = ", ".join(f"{k} {v}" for k, v in self.simulated.items())
            lines.append(_("a simulation of the same design: {shown}", shown=shown).render(lang))
        return "\n".join(lines)

    def _rows(self, lang: Language) -> list[tuple[str, list[Row], Row]]:
        """The report's tables in ``lang``: a title, rows, and the header."""
        f = self.figures
        sim = self.simulated

        def t(message: Bericht) -> str:
            return message.render(lang)

        def eur(amount: Money) -> str:
            return render_value(amount, lang)

        none = t(_("none"))
        intake: list[Row] = [
            (t(_("designated by the partners")), str(f["designated"]), _sim(sim, "designated")),
            (t(_("placed since the start")), str(f["placed"]), _sim(sim, "placed")),
            (t(_("in the pilot on the day")), str(f["in_pilot"]), _sim(sim, "in_pilot")),
            (t(_("capacity at once")), _opt(self.capacity, lang), ""),
            (t(_("at most in total")), _opt(self.max_total, lang), ""),
            (t(_("on the waitlist")), str(len(self.waitlist)), _sim(sim, "waitlist")),
            (t(_("referred elsewhere")), str(f["referred"]), ""),
            (t(_("to the regular route")), str(f["regular"]), ""),
        ]
        ended: list[Row] = [(code, str(n)) for code, n in sorted(self.ended.items())] or [
            (none, "0")
        ]
        adv: list[Row] = [
            (
                a.instelling,
                str(a.adviezen),
                str(a.opgevolgd),
                str(a.besluiten),
                str(a.afwijking),
                str(a.geweigerd),
            )
            for a in self.advices
        ] or [(none, "0", "0", "0", "0", "0")]
        on_time, levels = self.escalations_on_time
        esc: list[Row] = [
            (t(_("escalations raised")), str(f["escalations"])),
            (
                t(_("levels left by their deadline")),
                t(_("{on_time} of {levels}", on_time=on_time, levels=levels)),
            ),
            (t(_("open on the day")), str(f["open_escalations"])),
            (t(_("past their deadline on the day")), str(f["overdue"])),
        ]
        money: list[Row] = [
            (
                b.omschrijving,
                eur(b.plan),
                eur(due),
                eur(b.committed),
                eur(b.spent),
                eur(b.remaining),
            )
            for b, due in self.budget
        ]
        not_measured = t(_("not measured"))
        ind: list[Row] = [
            (n, u, v or not_measured, long_date(datetime.date.fromisoformat(d), lang) if d else "")
            for n, u, v, d in self.indicators
        ]
        sim_header = (t(_("simulated")),) if sim else ()
        return [
            (
                t(_("Intake")),
                [r[:2] + ((r[2],) if sim else ()) for r in intake],
                (t(_("figure")), t(_("register")), *sim_header),
            ),
            (
                t(_("Trajectories ended, by JZ588 reason code")),
                ended,
                (t(_("code")), t(_("trajectories"))),
            ),
            (
                t(_("Advices per institution")),
                adv,
                (
                    t(_("institution")),
                    t(_("advices")),
                    t(_("followed")),
                    t(_("decided")),
                    t(_("deviations in law")),
                    t(_("refused")),
                ),
            ),
            (t(_("Escalations")), esc, (t(_("figure")), t(_("value")))),
            (
                t(_("Money against the plan")),
                money,
                (
                    t(_("line")),
                    t(_("plan")),
                    t(_("due by the day")),
                    t(_("committed")),
                    t(_("spent")),
                    t(_("remaining")),
                ),
            ),
            (
                t(_("Indicators")),
                ind,
                (t(_("indicator")), t(_("unit")), t(_("last measurement")), t(_("on"))),
            ),
        ]

    def _heading(self, lang: Language) -> tuple[str, str]:
        title = _("{title}: {moment}", title=self.titel, moment=self.moment).render(lang)
        source = render_value(self.bron, lang)
        on = _("On {date} ({source}).", date=self.datum, source=source).render(lang)
        return title, on

    def markdown(self, language: str | None = None) -> str:
        """The report as Markdown (MyST and GitHub render its tables), in ``language``."""
        lang = _language(language)
        title, on = self._heading(lang)
        out = [f"# {title}", "", on, ""]
        for heading, rows, header in self._rows(lang):
            out += [f"## {heading}", "", _md_row(header), _md_row(tuple("---" for _cell in header))]
            out += [_md_row(r) for r in rows]
            out.append("")
        return "\n".join(out)

    def html(self, language: str | None = None) -> str:
        """The report as one HTML page in ``language``, with plots when matplotlib is installed."""
        lang = _language(language)
        e = html.escape
        title, on = self._heading(lang)
        parts = [
            f"<!doctype html><html lang='{lang}'><meta charset='utf-8'>",
            f"<title>{e(title)}</title>",
            f"<h1>{e(title)}</h1>",
            f"<p>{e(on)}</p>",
        ]
        for heading, rows, header in self._rows(lang):
            parts.append(f"<h2>{e(heading)}</h2><table><tr>")
            parts += [f"<th>{e(h)}</th>" for h in header]
            parts.append("</tr>")
            for r in rows:
                parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
            parts.append("</table>")
        parts.append(self._plot(lang))
        parts.append("</html>")
        return "\n".join(parts)

    def _plot(self, lang: Language) -> str:
        e = html.escape
        try:
            import matplotlib

            matplotlib.use("Agg")
            from matplotlib import pyplot as plt
        except ImportError:
            hint = _('Plots need matplotlib: pip install "sociaaldomein[plot]".').render(lang)
            return f"<p>{e(hint)}</p>"
        fig, ax = plt.subplots(figsize=(7, 3))
        names = [b.omschrijving[:30] for b, _due in self.budget]
        x = range(len(names))
        for offset, label, values in (
            (-0.3, _("plan"), [b.plan for b, _due in self.budget]),
            (-0.1, _("due by the day"), [due for _line, due in self.budget]),
            (0.1, _("committed"), [b.committed for b, _due in self.budget]),
            (0.3, _("spent"), [b.spent for b, _due in self.budget]),
        ):
            # Money stays Decimal in the library; a plot is the one place it becomes a float.
            ax.bar(
                [i + offset for i in x],
                [float(v.amount) for v in values],
                0.2,
                label=label.render(lang),
            )
        ax.set_xticks(list(x), names)
        ax.set_ylabel(_("euros").render(lang))
        ax.legend()
        buffer = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        data = base64.b64encode(buffer.getvalue()).decode()
        heading = e(_("Money against the plan").render(lang))
        return f"<h2>{heading}</h2><img alt='money' src='data:image/png;base64,{data}'>"


def _language(language: str | None) -> Language:
    return current_language() if language is None else as_language(language)


def _opt(value: int | None, lang: Language) -> str:
    return _("none set").render(lang) if value is None else str(value)


def _sim(simulated: Mapping[str, object], key: str) -> str:
    value = simulated.get(key)
    return "" if value is None else str(value)


def _md_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _due(line: BudgetLijn, periode: Periode | None, on: pendulum.Date) -> Money:
    if periode is None:
        return line.plan
    return Money.total(amount for month, amount in monthly_plan(line.plan, periode) if month <= on)


def evaluation_report(
    register: Register,
    pilot: str,
    moment: str | None = None,
    *,
    simulated: Mapping[str, object] | None = None,
) -> EvaluationReport:
    """The report of ``pilot`` at ``moment`` of its plan (default the first moment)."""
    compiled = register.compiled(pilot)
    plan = compiled.evaluation_plan
    if plan is None:
        raise RegisterError(_("pilot {pilot} has no evaluation plan", pilot=repr(pilot)))
    looptijd = compiled.pilot.looptijd.periode
    schedule = plan.schedule(looptijd)
    chosen = (
        schedule[0]
        if moment is None
        else next(((d, m) for d, m in schedule if m.naam.casefold() == moment.casefold()), None)
    )
    if chosen is None:
        known = ", ".join(m.naam for _day, m in schedule)
        raise RegisterError(
            _(
                "{moment} is not a moment of the plan of {pilot}; moments: {known}",
                moment=repr(moment),
                pilot=repr(pilot),
                known=known,
            )
        )
    on, gekozen = chosen
    state = register.state(pilot)
    levels = [ok for e in state.escalaties.values() if e.geopend <= on for ok in e.op_tijd]
    figures = {
        "designated": state.counted("aanwijzing", on, [d for d, _ in state.aanwijzingen.values()]),
        "placed": state.counted("plaatsing", on, [d.geplaatst for d in state.deelnames.values()]),
        "in_pilot": state.occupancy(on),
        "referred": sum(state.verwijzingen.values()),
        "regular": state.reguliere_route,
        "escalations": sum(1 for e in state.escalaties.values() if e.geopend <= on),
        "open_escalations": len(state.open_escalations(on)),
        "overdue": len(state.overdue_escalations(on)),
    }
    periods = {r.omschrijving: r.periode for r in compiled.funding}
    lines = tuple((b, _due(b, periods.get(b.omschrijving), on)) for b in budget(state, compiled))
    indicators = []
    for indicator in plan.indicatoren:
        measured = [(d, v) for n, d, v in state.metingen if n == indicator.naam and d <= on]
        last = max(measured, key=lambda m: m[0]) if measured else None
        indicators.append(
            (
                indicator.naam,
                indicator.eenheid,
                last[1] if last else None,
                last[0].isoformat() if last else None,
            )
        )
    ended: dict[str, int] = {}
    for d in state.deelnames.values():
        if d.geeindigd is not None and d.geeindigd <= on and d.reden_code is not None:
            ended[d.reden_code] = ended.get(d.reden_code, 0) + 1
    return EvaluationReport(
        pilot=pilot,
        titel=compiled.pilot.titel,
        moment=gekozen.naam,
        datum=on,
        # A message of the citation alone: a str of its English text, read in the report's language.
        bron=(
            Bericht("{bron}", {"bron": gekozen.bron})
            if gekozen.bron
            else _("the pilot's evaluation plan")
        ),
        figures=figures,
        capacity=compiled.pilot.capaciteit,
        max_total=compiled.pilot.max_totaal,
        waitlist=tuple(state.waitlist(on)),
        ended=ended,
        advices=tuple(advices(state, on)),
        escalations_on_time=(sum(levels), len(levels)),
        budget=lines,
        indicators=tuple(indicators),
        simulated=dict(simulated or {}),
    )
