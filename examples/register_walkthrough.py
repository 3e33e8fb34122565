"""The multiprobleem doorstart run through its register, from designation to the termination vote.

Letter 003_720c15da674da257.txt: the partners designate a top 10 before the
start (7.), the coach's advice binds an institution whose back office turns it
into a decision (9.), an escalation goes up to B&W and is aligned within a week
(8.), the projectleider buys GHP services per family (5. and 12.), Intraval
measures early 2012 ("Tenslotte"), and four of the seven partners end the
agreement in writing once the consequences are settled (13.).  The register is
an SQLite file in a temporary directory; the script prints what the register
refused, the chain check and the summary of the tussenevaluatie report.

Run it with ``python examples/register_walkthrough.py`` (``nox -s demo`` does).
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pendulum
from sociaaldomein_multiprobleem import POLITIE, SAMENWERKINGSPARTNERS, SOZAWE, MultiprobleemPilot

from sociaaldomein import Gemeente, Money
from sociaaldomein.register import (
    Aanwijzing,
    Aanwijzingssoort,
    Actor,
    Antwoord,
    Backofficebesluit,
    EscalatieAfgestemd,
    EscalatieGestart,
    EscalatieOpgeschaald,
    Gevolgenregeling,
    GhpAankoop,
    Instellingsantwoord,
    MandaatAdvies,
    Meting,
    Opzegverzoek,
    Plaatsing,
    RefusedEventError,
    Register,
    Rol,
    Stemuitslag,
    Trajecteinde,
    Trajectstart,
    Wachtlijst,
)
from sociaaldomein.register.report import evaluation_report

PILOT = "multiprobleem"
PARTNERS = [str(p) for p in SAMENWERKINGSPARTNERS]
PROJECTLEIDER = Actor("projectleider-1", Rol.PROJECTLEIDER)
COACH = Actor("coach-1", Rol.GEZINSCOACH)
SOZAWE_BACKOFFICE = Actor("sozawe-1", Rol.BACKOFFICE)
INTRAVAL = Actor("intraval-1", Rol.EVALUATOR)
D = pendulum.date


def run_doorstart(register: Register) -> list[str]:
    """Record the doorstart's year and a half; the refusals the rules gave, one line each."""
    families = [f"gezin-{i:02}" for i in range(1, 11)]
    register.record_many(
        Aanwijzing(
            pilot=PILOT,
            actor=PROJECTLEIDER,
            datum=D(2010, 12, 15),
            gezin=g,
            soort=Aanwijzingssoort.TOP10,
            partners=PARTNERS,
        )
        for g in families
    )
    for i, g in enumerate(families[:8]):
        register.record(
            Plaatsing(pilot=PILOT, actor=PROJECTLEIDER, datum=D(2011, 1, 3 + i), gezin=g)
        )
        register.record(Trajectstart(pilot=PILOT, actor=COACH, datum=D(2011, 1, 10 + i), gezin=g))
    register.record(Wachtlijst(pilot=PILOT, actor=COACH, datum=D(2011, 2, 1), gezin="gezin-11"))
    register.record(
        MandaatAdvies(
            pilot=PILOT,
            actor=COACH,
            datum=D(2011, 2, 14),
            ref="advies-1",
            gezin="gezin-01",
            instelling=SOZAWE,
            besluit="Toekenning bijzondere bijstand",
        )
    )
    register.record(
        Instellingsantwoord(
            pilot=PILOT,
            actor=SOZAWE_BACKOFFICE,
            datum=D(2011, 2, 15),
            ref="advies-1",
            antwoord=Antwoord.OPGEVOLGD,
        )
    )
    register.record(
        Backofficebesluit(
            pilot=PILOT,
            actor=SOZAWE_BACKOFFICE,
            datum=D(2011, 2, 16),
            ref="advies-1",
            kenmerk="BB-11-001",
        )
    )
    register.record(
        EscalatieGestart(
            pilot=PILOT,
            actor=COACH,
            datum=D(2011, 5, 2),
            ref="escalatie-1",
            gezin="gezin-02",
            partner="Elker",
        )
    )
    register.record(
        EscalatieOpgeschaald(
            pilot=PILOT, actor=PROJECTLEIDER, datum=D(2011, 5, 2), ref="escalatie-1"
        )
    )
    register.record(
        EscalatieAfgestemd(
            pilot=PILOT,
            actor=PROJECTLEIDER,
            datum=D(2011, 5, 6),
            ref="escalatie-1",
            uitkomst="afgestemd",
        )
    )
    register.record(
        GhpAankoop(
            pilot=PILOT,
            actor=PROJECTLEIDER,
            datum=D(2011, 4, 4),
            ref="ghp-1",
            gezin="gezin-01",
            omschrijving="budgetbeheer",
            bedrag=Money(4_500),
        )
    )
    register.record(
        Trajecteinde(
            pilot=PILOT, actor=COACH, datum=D(2011, 11, 30), gezin="gezin-03", reden_code="31"
        )
    )
    register.record(
        Meting(
            pilot=PILOT,
            actor=INTRAVAL,
            datum=D(2011, 12, 20),
            indicator="gezinnen in de aanpak",
            waarde=Decimal(7),
        )
    )
    refused = []
    for attempt in (
        # the police give no mandate, only a cooperation agreement (9.)
        MandaatAdvies(
            pilot=PILOT,
            actor=COACH,
            datum=D(2011, 3, 1),
            ref="advies-2",
            gezin="gezin-01",
            instelling=POLITIE,
            besluit="actie tijdelijk huisverbod",
        ),
        # a family the partners did not select (10.)
        MandaatAdvies(
            pilot=PILOT,
            actor=COACH,
            datum=D(2011, 3, 1),
            ref="advies-3",
            gezin="gezin-11",
            instelling=SOZAWE,
            besluit="Toekenning bijzondere bijstand",
        ),
        # more than the GHP-bound budget holds (12.)
        GhpAankoop(
            pilot=PILOT,
            actor=PROJECTLEIDER,
            datum=D(2011, 6, 1),
            ref="ghp-2",
            gezin="gezin-02",
            bedrag=Money(200_000),
        ),
    ):
        try:
            register.record(attempt)
        except RefusedEventError as exc:
            refused.append(str(exc))
    for partner in PARTNERS[:4]:
        register.record(
            Opzegverzoek(
                pilot=PILOT,
                actor=Actor("partner-1", Rol.PARTNER),
                datum=D(2012, 3, 1),
                partner=partner,
                schriftelijk=True,
            )
        )
    register.record(
        Gevolgenregeling(
            pilot=PILOT,
            actor=PROJECTLEIDER,
            datum=D(2012, 3, 15),
            omschrijving="lopende trajecten overgedragen",
        )
    )
    register.record(Stemuitslag(pilot=PILOT, actor=PROJECTLEIDER, datum=D(2012, 3, 16)))
    return refused


def simulated(groningen: Gemeente) -> dict[str, object]:
    """The same design simulated for the year to the evaluation: medians of 50 runs."""
    import numpy as np

    from sociaaldomein.simulation import Settings, generate_cohort, simulate

    results = simulate(
        groningen,
        generate_cohort(20_000, seed=1),
        Settings(D(2011, 1, 1), months=12),
        runs=50,
        seed=1,
    )

    def median(values: object) -> int:
        return int(np.median(np.asarray(values)))

    return {
        "placed": median(results.series("admitted", PILOT).sum(axis=1)),
        "in_pilot": median(results.series("enrolled", PILOT)[:, -1]),
        "waitlist": median(results.series("waiting", PILOT)[:, -1]),
    }


def main() -> None:
    """Run the walk-through on a temporary SQLite register and print what it shows."""
    groningen = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    with tempfile.TemporaryDirectory() as folder:
        url = Path(folder) / "register.db"
        with Register.open(url, gemeente=groningen, create=True) as register:
            for line in run_doorstart(register):
                print(f"refused: {line}")
            print(register.vote(PILOT, D(2012, 3, 16)).reden)
            print(register.verify().render())
            report = evaluation_report(
                register, PILOT, "evaluatie Intraval", simulated=simulated(groningen)
            )
            print(report.summary())


if __name__ == "__main__":
    main()
