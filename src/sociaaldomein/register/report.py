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
import html
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs
import pendulum

from sociaaldomein import i18n
from sociaaldomein.domain.budget import monthly_plan
from sociaaldomein.domain.money import Money
from sociaaldomein.domain.periode import Periode
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

    def summary(self) -> str:
        """Three lines for the demo's output and the CLI."""
        f = self.figures
        on_time, levels = self.escalations_on_time
        followed = sum(a.opgevolgd for a in self.advices)
        given = sum(a.adviezen for a in self.advices)
        ghp = next((b for b, _ in self.budget if "GHP" in b.omschrijving), None)
        money = f"; GHP-bound budget committed {ghp.committed} of {ghp.plan}" if ghp else ""
        lines = [
            f"{self.titel}: {self.moment} on {self.datum.isoformat()}",
            f"{f['designated']} families designated, {f['placed']} placed, "
            f"{f['in_pilot']} in the pilot, {len(self.waitlist)} waiting, "
            f"{sum(self.ended.values())} trajectories ended",
            f"{followed} of {given} advices followed, {on_time} of {levels} escalation "
            f"levels on time{money}",
        ]
        if self.simulated:
            shown = ", ".join(f"{k} {v}" for k, v in self.simulated.items())
            lines.append(f"a simulation of the same design: {shown}")
        return "\n".join(lines)

    def _rows(self) -> list[tuple[str, list[Row], Row]]:
        """The report's tables: a title, rows, and the header."""
        f = self.figures
        sim = self.simulated
        intake: list[Row] = [
            ("designated by the partners", str(f["designated"]), _sim(sim, "designated")),
            ("placed since the start", str(f["placed"]), _sim(sim, "placed")),
            ("in the pilot on the day", str(f["in_pilot"]), _sim(sim, "in_pilot")),
            ("capacity at once", _opt(self.capacity), ""),
            ("at most in total", _opt(self.max_total), ""),
            ("on the waitlist", str(len(self.waitlist)), _sim(sim, "waitlist")),
            ("referred elsewhere", str(f["referred"]), ""),
            ("to the regular route", str(f["regular"]), ""),
        ]
        ended: list[Row] = [(code, str(n)) for code, n in sorted(self.ended.items())] or [
            ("none", "0")
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
        ] or [("none", "0", "0", "0", "0", "0")]
        on_time, levels = self.escalations_on_time
        esc: list[Row] = [
            ("escalations raised", str(f["escalations"])),
            ("levels left by their deadline", f"{on_time} of {levels}"),
            ("open on the day", str(f["open_escalations"])),
            ("past their deadline on the day", str(f["overdue"])),
        ]
        money: list[Row] = [
            (
                b.omschrijving,
                str(b.plan),
                str(due),
                str(b.committed),
                str(b.spent),
                str(b.remaining),
            )
            for b, due in self.budget
        ]
        ind: list[Row] = [(n, u, v or "not measured", d or "") for n, u, v, d in self.indicators]
        sim_header = ("simulated",) if sim else ()
        return [
            (
                "Intake",
                [r[:2] + ((r[2],) if sim else ()) for r in intake],
                ("figure", "register", *sim_header),
            ),
            ("Trajectories ended, by JZ588 reason code", ended, ("code", "trajectories")),
            (
                "Advices per institution",
                adv,
                ("institution", "advices", "followed", "decided", "deviations in law", "refused"),
            ),
            ("Escalations", esc, ("figure", "value")),
            (
                "Money against the plan",
                money,
                ("line", "plan", "due by the day", "committed", "spent", "remaining"),
            ),
            ("Indicators", ind, ("indicator", "unit", "last measurement", "on")),
        ]

    def markdown(self) -> str:
        """The report as Markdown (MyST and GitHub render its tables)."""
        out = [
            f"# {self.titel}: {self.moment}",
            "",
            f"On {self.datum.isoformat()} ({self.bron}).",
            "",
        ]
        for title, rows, header in self._rows():
            out += [f"## {title}", "", _md_row(header), _md_row(tuple("---" for _ in header))]
            out += [_md_row(r) for r in rows]
            out.append("")
        return "\n".join(out)

    def html(self) -> str:
        """The report as one HTML page, with plots when matplotlib is installed."""
        e = html.escape
        parts = [
            "<!doctype html><html lang='en'><meta charset='utf-8'>",
            f"<title>{e(self.titel)}: {e(self.moment)}</title>",
            f"<h1>{e(self.titel)}: {e(self.moment)}</h1>",
            f"<p>On {self.datum.isoformat()} ({e(self.bron)}).</p>",
        ]
        for title, rows, header in self._rows():
            parts.append(f"<h2>{e(title)}</h2><table><tr>")
            parts += [f"<th>{e(h)}</th>" for h in header]
            parts.append("</tr>")
            for r in rows:
                parts.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>")
            parts.append("</table>")
        parts.append(self._plot())
        parts.append("</html>")
        return "\n".join(parts)

    def _plot(self) -> str:
        try:
            import matplotlib

            matplotlib.use("Agg")
            from matplotlib import pyplot as plt
        except ImportError:
            return '<p>Plots need matplotlib: pip install "sociaaldomein[plot]".</p>'
        fig, ax = plt.subplots(figsize=(7, 3))
        names = [b.omschrijving[:30] for b, _ in self.budget]
        x = range(len(names))
        for offset, label, values in (
            (-0.3, "plan", [b.plan for b, _ in self.budget]),
            (-0.1, "due by the day", [due for _, due in self.budget]),
            (0.1, "committed", [b.committed for b, _ in self.budget]),
            (0.3, "spent", [b.spent for b, _ in self.budget]),
        ):
            # Money stays Decimal in the library; a plot is the one place it becomes a float.
            ax.bar([i + offset for i in x], [float(v.amount) for v in values], 0.2, label=label)
        ax.set_xticks(list(x), names)
        ax.set_ylabel("EUR")
        ax.legend()
        buffer = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        data = base64.b64encode(buffer.getvalue()).decode()
        return (
            f"<h2>Money against the plan</h2><img alt='money' src='data:image/png;base64,{data}'>"
        )


def _opt(value: int | None) -> str:
    return "none set" if value is None else str(value)


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
        raise RegisterError(i18n._("pilot {pilot} has no evaluation plan", pilot=repr(pilot)))
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
            i18n._(
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
        bron=str(gekozen.bron) if gekozen.bron else "the pilot's evaluation plan",
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
