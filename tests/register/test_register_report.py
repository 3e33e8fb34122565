"""The evaluation report: the register's figures at the plan's moment, a simulation beside them."""

from __future__ import annotations

import pendulum
import pytest

from sociaaldomein import Gemeente, Money
from sociaaldomein.register import GhpAankoop, Register, RegisterError, Trajecteinde
from sociaaldomein.register.report import evaluation_report

from .scenario import COACH, PROJECTLEIDER, P, placed, top10


def test_the_report_counts_on_the_moments_day_and_sets_a_simulation_beside_it(
    url: str, gemeente: Gemeente
) -> None:
    with Register.open(url, gemeente=gemeente, create=True) as register:
        register.record_many([*top10(), placed("gezin-01"), placed("gezin-02")])
        register.record(
            Trajecteinde(
                pilot=P,
                actor=COACH,
                datum=pendulum.date(2011, 6, 1),
                gezin="gezin-02",
                reden_code="31",
            )
        )
        register.record(
            GhpAankoop(
                pilot=P,
                actor=PROJECTLEIDER,
                datum=pendulum.date(2011, 4, 2),
                ref="k",
                gezin="gezin-01",
                bedrag=Money(1_000),
            )
        )
        # after the moment (1 January 2012): not in its figures
        register.record(placed("gezin-03", pendulum.date(2012, 2, 1)))
        report = evaluation_report(
            register, P, "evaluatie Intraval", simulated={"placed": 6, "in_pilot": 2}
        )
        with pytest.raises(RegisterError, match="moments: evaluatie Intraval, conferentie"):
            evaluation_report(register, P, "eindevaluatie")
    assert report.datum == pendulum.date(2012, 1, 1)
    assert (report.figures["placed"], report.figures["in_pilot"]) == (2, 1)
    assert report.ended == {"31": 1}
    text = report.markdown()
    assert "| figure | register | simulated |" in text
    assert "| placed since the start | 2 | 6 |" in text
    ghp = next(line for line, _ in report.budget if "GHP" in line.omschrijving)
    assert (ghp.committed, ghp.remaining) == (Money(1_000), Money(149_000))
    # The plan's money due by the day: the months begun by then, April 2011 to January 2012,
    # 10 of the 15 months of EUR 40.000.
    due = {line.omschrijving[:4]: d for line, d in report.budget}
    assert due["expl"] == Money(400_000)
    assert "a simulation of the same design: placed 6, in_pilot 2" in report.summary()
    page = report.html()
    assert page.startswith("<!doctype html>")
    assert "<img alt='money' src='data:image/png;base64," in page
    assert "<td>placed since the start</td><td>2</td><td>6</td>" in page
