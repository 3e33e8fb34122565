"""A writer process for the durability and concurrency tests: ``writer.py URL NAME COUNT BATCH``.

A fifth argument ``fast`` opens the register with ``durable=False``.

It records ``COUNT`` batches of ``BATCH`` events (a family put on the waitlist,
then measurements), one transaction per batch, and prints the last sequence
number of each batch once it is committed, so the test knows what was
acknowledged when it kills the process.
"""

from __future__ import annotations

import sys
from decimal import Decimal

import pendulum
from sociaaldomein_multiprobleem import MultiprobleemPilot

from sociaaldomein import Gemeente
from sociaaldomein.register import Actor, Meting, Register, Rol, Wachtlijst


def main(url: str, name: str, count: int, batch: int, *, durable: bool = True) -> None:
    """Write, printing each committed batch's last sequence number."""
    coach = Actor(f"coach-{name}", Rol.GEZINSCOACH)
    day = pendulum.date(2011, 2, 1)
    gemeente = Gemeente("Groningen", plugins=[MultiprobleemPilot()])
    with Register.open(url, gemeente=gemeente, durable=durable) as register:
        for i in range(count):
            events = [
                Wachtlijst(pilot="multiprobleem", actor=coach, datum=day, gezin=f"{name}-{i}"),
                *(
                    Meting(
                        pilot="multiprobleem",
                        actor=coach,
                        datum=day,
                        indicator="gezinnen in de aanpak",
                        waarde=Decimal(j),
                    )
                    for j in range(batch - 1)
                ),
            ]
            recorded = register.record_many(events)
            print(recorded[-1].seq, flush=True)


if __name__ == "__main__":
    fast = sys.argv[5:] == ["fast"]
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), durable=not fast)
